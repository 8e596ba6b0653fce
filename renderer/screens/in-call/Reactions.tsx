/**
 * Reactions (renderer/calling/reactions.ts): the picker behind the React control, the badge a
 * reaction puts on its sender's tile (or my self-view) for a few seconds, and the polite
 * announcement of each one for screen readers. The badge pops in, unless the user asked the OS
 * for reduced motion: then it simply appears.
 */
import { Button, MessageBar, MessageBarBody, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import {
  EmojiLaughFilled,
  EmojiSurpriseFilled,
  HandMultipleFilled,
  HeartFilled,
  ThumbLikeFilled,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { type CallView, type ReactionKind, type ShownReaction, useCallingActions } from '../../calling/model';
import { REACTION_KINDS } from '../../calling/reactions';
import { reactionStrings } from '../../strings';
import { useAction } from '../shared/use-action';
import { visuallyHidden } from '../shared/visually-hidden';

const ICONS: Record<ReactionKind, ReactElement> = {
  like: <ThumbLikeFilled />,
  heart: <HeartFilled />,
  laugh: <EmojiLaughFilled />,
  surprised: <EmojiSurpriseFilled />,
  applause: <HandMultipleFilled />,
};

const useStyles = makeStyles({
  picker: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '320px' },
  choices: { display: 'flex', gap: tokens.spacingHorizontalXS },
  choice: {
    minWidth: '48px',
    height: '48px',
    '& .fui-Button__icon': { fontSize: '28px', width: '28px', height: '28px' },
  },
  // Colours from the palette's foregrounds: each reads at 3:1 or more against the badge's fill.
  like: { color: tokens.colorPaletteBlueForeground2 },
  heart: { color: tokens.colorPaletteRedForeground1 },
  laugh: { color: tokens.colorPaletteMarigoldForeground1 },
  surprised: { color: tokens.colorPaletteMarigoldForeground1 },
  applause: { color: tokens.colorPaletteMarigoldForeground1 },
  badge: {
    position: 'absolute',
    zIndex: 2,
    top: '50%',
    left: '50%',
    width: '64px',
    height: '64px',
    marginTop: '-32px',
    marginLeft: '-32px',
    borderRadius: tokens.borderRadiusCircular,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontSize: '40px',
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow16,
    pointerEvents: 'none',
    animationName: {
      from: { opacity: 0, transform: 'scale(0.4) translateY(12px)' },
      '60%': { opacity: 1, transform: 'scale(1.12) translateY(0)' },
      to: { opacity: 1, transform: 'scale(1)' },
    },
    animationDuration: tokens.durationSlow,
    animationTimingFunction: tokens.curveDecelerateMid,
    '@media (prefers-reduced-motion: reduce)': { animationName: 'none' },
  },
  small: { width: '40px', height: '40px', marginTop: '-20px', marginLeft: '-20px', fontSize: '24px' },
  live: visuallyHidden,
});

/** The icon of a reaction, in its colour. */
export function ReactionIcon(props: { reaction: ReactionKind }) {
  const styles = useStyles();
  return <span className={mergeClasses(styles[props.reaction])}>{ICONS[props.reaction]}</span>;
}

/** What the React control opens: the five reactions, or why there are none in this meeting. */
export function ReactionPicker(props: { call: CallView }) {
  const styles = useStyles();
  const actions = useCallingActions();
  const action = useAction({ exclusive: false });
  if (!props.call.reactions.allowed) {
    return (
      <div className={styles.picker} data-testid="reactions-unavailable">
        <Text weight="semibold">{reactionStrings.notAllowed}</Text>
        <Text>{reactionStrings.notAllowedDetail}</Text>
      </div>
    );
  }
  return (
    <div className={styles.picker}>
      <div className={styles.choices}>
        {REACTION_KINDS.map((reaction) => (
          <Button
            key={reaction}
            appearance="subtle"
            className={styles.choice}
            icon={<ReactionIcon reaction={reaction} />}
            aria-label={reactionStrings.names[reaction]}
            title={reactionStrings.names[reaction]}
            onClick={() => void action.run(() => actions.sendReaction(reaction))}
            data-reaction={reaction}
          />
        ))}
      </div>
      {action.error ? (
        <MessageBar intent="error">
          <MessageBarBody>{action.error}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}

/** The reaction on show over a tile; `small` on the strip's and the self-view's tiles. */
export function ReactionBadge(props: { reaction: ShownReaction | null | undefined; small?: boolean }) {
  const styles = useStyles();
  const { reaction } = props;
  if (!reaction) return null;
  return (
    <span
      key={reaction.id}
      className={mergeClasses(styles.badge, props.small && styles.small)}
      role="img"
      aria-label={reactionStrings.badge(reaction.reaction)}
      data-testid="reaction-badge"
      data-reaction={reaction.reaction}
    >
      <ReactionIcon reaction={reaction.reaction} />
    </span>
  );
}

/** "Ana reacted with applause", once per reaction, politely; the names are the screen's (directory) names. */
export function ReactionAnnouncer(props: { call: CallView }) {
  const styles = useStyles();
  const { call } = props;
  const nameOf = (reaction: ShownReaction) =>
    call.participants.find((p) => p.id === reaction.participantId)?.displayName ?? reaction.senderName;
  return (
    <div
      className={styles.live}
      role="log"
      aria-live="polite"
      aria-label={reactionStrings.liveLabel}
      data-testid="reactions-live-region"
    >
      {call.reactions.shown.map((reaction) => (
        <p key={reaction.id}>
          {reaction.fromMe
            ? reactionStrings.announceMine(reaction.reaction)
            : reactionStrings.announce(nameOf(reaction), reaction.reaction)}
        </p>
      ))}
    </div>
  );
}
