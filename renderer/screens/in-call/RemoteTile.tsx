import { Avatar, Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { HandRightFilled, MicOffFilled, PinFilled, PinRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { type Participant, type RemoteVideo, type ShownReaction, useCallingActions } from '../../calling/model';
import { useNameCheck } from '../../directory/directory-context';
import { inCallStrings } from '../../strings';
import { VerifiedMark } from '../shared/VerifiedMark';
import { ReactionBadge } from './Reactions';
import { SpotlightMarker } from './Spotlight';

const useStyles = makeStyles({
  tile: {
    margin: 0,
    position: 'relative',
    overflow: 'hidden',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground3,
    minWidth: 0,
    minHeight: 0,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    // The speaking ring sits above the video (which would otherwise paint over a border).
    '::after': {
      content: '""',
      position: 'absolute',
      inset: 0,
      borderRadius: 'inherit',
      pointerEvents: 'none',
      zIndex: 1,
      boxShadow: 'none',
      transitionProperty: 'box-shadow',
      transitionDuration: tokens.durationFast,
    },
  },
  speaking: { '::after': { boxShadow: `inset 0 0 0 3px ${tokens.colorBrandStroke1}` } },
  video: {
    position: 'absolute',
    inset: 0,
    '& > div, & video': { width: '100%', height: '100%' },
    '& video': { objectFit: 'cover' },
  },
  screen: { '& video': { objectFit: 'contain' }, backgroundColor: tokens.colorNeutralBackgroundStatic },
  label: {
    position: 'absolute',
    zIndex: 2,
    left: tokens.spacingHorizontalS,
    bottom: tokens.spacingVerticalS,
    maxWidth: `calc(100% - 2 * ${tokens.spacingHorizontalS})`,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    // Opaque: a translucent overlay over a light video read at 3:1; white on this is 12:1.
    backgroundColor: tokens.colorNeutralBackgroundStatic,
    color: tokens.colorNeutralForegroundStaticInverted,
    fontSize: tokens.fontSizeBase200,
  },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: 'inherit' },
  hand: { color: tokens.colorPaletteMarigoldForeground1 },
  // Pin sits in the top corner, above the video; shown on hover and focus, always when pinned.
  pin: {
    position: 'absolute',
    zIndex: 2,
    top: tokens.spacingVerticalS,
    right: tokens.spacingHorizontalS,
    opacity: 0,
    ':focus-visible': { opacity: 1 },
  },
  pinShown: { opacity: 1 },
  tileHover: { ':hover .switchboard-pin, :focus-within .switchboard-pin': { opacity: 1 } },
  // On the label's static dark background: the inverted foreground reads at 12:1.
  verified: { color: 'inherit' },
});

/**
 * One participant on the stage: their video when it is available (rendered by the layer into a
 * container React leaves alone), otherwise their avatar; name, muted and hand in the corner.
 */
export function RemoteTile(props: {
  participant: Participant;
  video: RemoteVideo | null;
  avatarSize: 48 | 72 | 96 | 120;
  /** Pinning gives this person the large tile; absent on a shared screen's tile. */
  pin?: { pinned: boolean; onToggle: () => void };
  /** Spotlighted for everyone (renderer/calling/spotlight.ts): the tile says so. */
  spotlighted?: boolean;
  /** Their reaction on show, if any (renderer/calling/reactions.ts). */
  reaction?: ShownReaction | null;
}) {
  const styles = useStyles();
  const { participant, video } = props;
  const screen = video?.kind === 'screen-share';
  const name = participant.displayName;
  const verified = useNameCheck(participant.id).status === 'verified';
  return (
    <figure
      className={mergeClasses(styles.tile, styles.tileHover, participant.isSpeaking && !screen && styles.speaking)}
      data-testid="stage-tile"
      data-participant={participant.id}
      data-speaking={participant.isSpeaking || undefined}
      aria-label={screen ? inCallStrings.screenOf(name) : video ? inCallStrings.videoOf(name) : name}
    >
      {video?.isAvailable ? (
        <VideoSurface videoKey={video.key} className={mergeClasses(styles.video, screen && styles.screen)} />
      ) : (
        <Avatar
          name={name}
          size={props.avatarSize}
          color="colorful"
          // 'unset', not 'inactive': Fluent dims inactive avatars to 80% opacity, and the initials
          // fell to 3.45:1 against their colour (axe, screenshots.test.ts).
          active={participant.isSpeaking ? 'active' : 'unset'}
          activeAppearance="ring"
        />
      )}
      {props.spotlighted ? <SpotlightMarker /> : null}
      <ReactionBadge reaction={props.reaction} small={props.avatarSize <= 48} />
      <div className={styles.label}>
        {participant.isHandRaised ? (
          <HandRightFilled className={styles.hand} aria-label={inCallStrings.handRaised} />
        ) : null}
        {participant.isMuted && !screen ? <MicOffFilled aria-label={inCallStrings.muted} /> : null}
        <Text className={styles.name}>{screen ? inCallStrings.screenOf(name) : name}</Text>
        {verified ? <VerifiedMark className={styles.verified} /> : null}
      </div>
      {props.pin ? (
        <Button
          size="small"
          appearance={props.pin.pinned ? 'primary' : 'secondary'}
          className={mergeClasses('switchboard-pin', styles.pin, props.pin.pinned && styles.pinShown)}
          icon={props.pin.pinned ? <PinFilled /> : <PinRegular />}
          aria-label={props.pin.pinned ? inCallStrings.unpin(name) : inCallStrings.pin(name)}
          aria-pressed={props.pin.pinned}
          onClick={props.pin.onToggle}
        />
      ) : null}
    </figure>
  );
}

function VideoSurface(props: { videoKey: string; className: string }) {
  const actions = useCallingActions();
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let detach: (() => void) | null = null;
    let cancelled = false;
    setFailed(false);
    actions.attachRemoteVideo(props.videoKey, element).then(
      (teardown) => {
        if (cancelled) teardown();
        else detach = teardown;
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
      detach?.();
    };
  }, [actions, props.videoKey]);
  return (
    <div ref={container} className={props.className} data-testid="remote-video" data-video-key={props.videoKey}>
      {failed ? <Text>{inCallStrings.videoFailed}</Text> : null}
    </div>
  );
}
