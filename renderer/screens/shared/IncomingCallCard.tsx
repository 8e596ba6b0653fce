import { Avatar, Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { CallDismissRegular, CallRegular, VideoRegular } from '@fluentui/react-icons';
import { useContext, useEffect, useRef } from 'react';
import { formatPhoneNumber, phoneOfRawId } from '../../calling/display-name';
import { CallingStoreContext, type IncomingCallView, useCallingActions } from '../../calling/model';
import { useNotificationAnswers } from '../../desktop/use-notification-answers';
import { useDirectory, useNameCheck } from '../../directory/directory-context';
import { useHistoryClient } from '../../history/history-context';
import { recentFromIncoming, recordRecent, rememberAnsweredCaller } from '../../history/record-call';
import { directoryStrings, incomingStrings } from '../../strings';
import { ControlTooltip } from './ControlTooltip';
import { useCallButtonStyles } from './call-button-styles';
import { ariaShortcut, useCallShortcuts } from './shortcuts';
import { useAction } from './use-action';
import { VerifiedMark } from './VerifiedMark';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'center', gap: tokens.spacingVerticalL },
  compact: { flexDirection: 'row', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  who: { display: 'flex', flexDirection: 'column', alignItems: 'center', gap: tokens.spacingVerticalS, minWidth: 0 },
  whoCompact: { flexDirection: 'row', gap: tokens.spacingHorizontalM, alignItems: 'center', flex: 1 },
  whoText: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    minWidth: 0,
    gap: tokens.spacingVerticalXXS,
  },
  whoTextCompact: { alignItems: 'flex-start' },
  kicker: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  name: { overflowWrap: 'anywhere', textAlign: 'center' },
  id: {
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
    textAlign: 'center',
    maxWidth: '48ch',
  },
  idCompact: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    maxWidth: '100%',
    textAlign: 'start',
  },
  ring: {
    borderRadius: tokens.borderRadiusCircular,
    animationName: {
      '0%': { boxShadow: `0 0 0 0 ${tokens.colorBrandBackground2}` },
      '70%': { boxShadow: `0 0 0 18px transparent` },
      '100%': { boxShadow: `0 0 0 0 transparent` },
    },
    animationDuration: '1.6s',
    animationIterationCount: 'infinite',
    '@media (prefers-reduced-motion: reduce)': { animationName: 'none' },
  },
  actions: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    justifyContent: 'center',
    flexShrink: 0,
    marginTop: tokens.spacingVerticalM,
  },
  actionsCompact: { marginTop: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
  unverified: { color: tokens.colorNeutralForeground3 },
  email: { fontFamily: tokens.fontFamilyBase },
});

/**
 * One ringing call with its three answers. `duringCall`: the user is already in a call, so
 * accepting means holding that one first (hold-and-accept). Ctrl/⌘+Shift+A accepts with audio,
 * Ctrl/⌘+Shift+D declines. A call that stops ringing without an answer is recorded as missed.
 */
export function IncomingCallCard(props: { incoming: IncomingCallView; duringCall: boolean; compact?: boolean }) {
  const styles = useStyles();
  const buttons = useCallButtonStyles();
  const actions = useCallingActions();
  const answer = useAction();
  const { incoming, duringCall } = props;
  // The directory's name when it knows the caller; the name they chose is only a fallback.
  const check = useNameCheck(incoming.callerId);
  const verified = check.status === 'verified' ? check.person : null;
  const name = verified?.displayName || incoming.callerDisplayName || incomingStrings.unknownCaller;
  // Under a name, the verified email or the number it comes from, formatted; an ACS id is not for reading.
  const phone = phoneOfRawId(incoming.callerId);
  const detail = verified ? verified.email : phone ? formatPhoneNumber(phone) : null;
  const answered = useRef(false);
  const acceptButton = useRef<HTMLButtonElement>(null);
  const { compact } = props;
  // A ringing screen takes focus so Enter answers; a card over a call leaves focus alone. (After
  // mount rather than autoFocus: focusing during commit would fire the tooltip's handler too early.)
  useEffect(() => {
    if (!compact) acceptButton.current?.focus();
  }, [compact]);
  const store = useContext(CallingStoreContext);
  const history = useHistoryClient();
  const directory = useDirectory();

  // Missed: it stopped ringing (the caller gave up) without our answer. Checked against the
  // store, so merely unmounting this card (another screen, StrictMode) records nothing.
  useEffect(() => {
    const since = Date.now();
    return () => {
      const stillRinging = store?.getState().incoming.some((ringing) => ringing.id === incoming.id) ?? true;
      if (!answered.current && !stillRinging)
        recordRecent(history, recentFromIncoming(incoming, 'missed', since, directory));
    };
  }, [incoming, store, history, directory]);

  const accept = (video: boolean) => {
    answered.current = true;
    rememberAnsweredCaller(incoming);
    void answer.run(() =>
      duringCall ? actions.holdAndAccept(incoming.id, { video }) : actions.accept(incoming.id, { video }),
    );
  };
  const reject = () => {
    answered.current = true;
    recordRecent(history, recentFromIncoming(incoming, 'declined', Date.now(), directory));
    void answer.run(() => actions.reject(incoming.id));
  };
  useCallShortcuts({ accept: () => accept(false), decline: reject });
  useNotificationAnswers(incoming.id, {
    accept: () => accept(false),
    decline: reject,
    show: () => acceptButton.current?.focus(),
  });

  const acceptLabel = duringCall ? incomingStrings.holdAndAccept : incomingStrings.acceptAudio;
  const acceptAria = duringCall ? incomingStrings.holdAndAcceptLabel(name) : incomingStrings.acceptAudioLabel(name);
  const videoLabel = duringCall ? incomingStrings.holdAndAcceptVideo : incomingStrings.acceptVideo;

  return (
    <div
      className={mergeClasses(styles.root, props.compact && styles.compact)}
      role="alertdialog"
      aria-label={duringCall ? incomingStrings.duringCall(name) : incomingStrings.isCalling(name)}
      data-testid="incoming-call"
    >
      <div className={mergeClasses(styles.who, props.compact && styles.whoCompact)}>
        <span className={styles.ring}>
          <Avatar name={name} size={props.compact ? 48 : 120} color="colorful" />
        </span>
        <div className={mergeClasses(styles.whoText, props.compact && styles.whoTextCompact)}>
          <Text size={props.compact ? 200 : 300} className={styles.kicker}>
            {duringCall ? incomingStrings.titleDuringCall : incomingStrings.title}
          </Text>
          <Text size={props.compact ? 400 : 700} weight="semibold" className={styles.name}>
            {name}
          </Text>
          {verified ? <VerifiedMark words /> : null}
          {check.status === 'unverified' ? (
            <Text size={200} className={styles.unverified} data-testid="unverified-name">
              {directoryStrings.unverified}
            </Text>
          ) : null}
          {detail && detail !== name ? (
            <Text
              className={mergeClasses(
                styles.id,
                verified ? styles.email : undefined,
                props.compact && styles.idCompact,
              )}
            >
              {detail}
            </Text>
          ) : null}
        </div>
      </div>
      <div className={mergeClasses(styles.actions, props.compact && styles.actionsCompact)}>
        <ControlTooltip label={videoLabel}>
          <Button
            className={buttons.accept}
            size="large"
            shape="circular"
            icon={<VideoRegular />}
            aria-label={
              duringCall ? incomingStrings.holdAndAcceptVideoLabel(name) : incomingStrings.acceptVideoLabel(name)
            }
            disabled={answer.busy}
            onClick={() => accept(true)}
          >
            {props.compact ? null : videoLabel}
          </Button>
        </ControlTooltip>
        <ControlTooltip label={acceptLabel} shortcut="accept">
          <Button
            className={buttons.accept}
            size="large"
            shape="circular"
            icon={<CallRegular />}
            aria-label={acceptAria}
            aria-keyshortcuts={ariaShortcut('accept')}
            ref={acceptButton}
            disabled={answer.busy}
            onClick={() => accept(false)}
          >
            {props.compact ? null : acceptLabel}
          </Button>
        </ControlTooltip>
        <ControlTooltip label={incomingStrings.reject} shortcut="decline">
          <Button
            className={buttons.danger}
            size="large"
            shape="circular"
            icon={<CallDismissRegular />}
            aria-label={incomingStrings.rejectLabel(name)}
            aria-keyshortcuts={ariaShortcut('decline')}
            disabled={answer.busy}
            onClick={reject}
          >
            {props.compact ? null : incomingStrings.reject}
          </Button>
        </ControlTooltip>
      </div>
      {answer.error ? (
        <Text role="alert" className={styles.error}>
          {incomingStrings.actionFailed(answer.error)}
        </Text>
      ) : null}
    </div>
  );
}
