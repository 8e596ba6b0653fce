import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { CallView } from '../../calling/model';
import { useNameCheck } from '../../directory/directory-context';
import { inCallStrings } from '../../strings';
import { useElapsed } from '../shared/use-elapsed';
import { soleParty } from '../shared/use-named-call';
import { VerifiedMark } from '../shared/VerifiedMark';
import { NetworkIndicator } from './NetworkIndicator';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    minHeight: '48px',
    boxSizing: 'border-box',
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  timer: { fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground2, flexShrink: 0 },
});

const BADGE: Record<CallView['status'], 'brand' | 'success' | 'warning' | 'danger' | 'informative'> = {
  connecting: 'informative',
  ringing: 'informative',
  'early-media': 'informative',
  connected: 'success',
  'on-hold': 'warning',
  'remote-hold': 'warning',
  'in-lobby': 'informative',
  reconnecting: 'warning',
  disconnecting: 'informative',
  ended: 'danger',
};

/** Who the call is with, its state in words, and the time since it connected. */
export function CallHeader(props: { call: CallView }) {
  const styles = useStyles();
  const { call } = props;
  const running = call.status !== 'ended';
  const elapsed = useElapsed(call.connectedAt, running);
  const verified = useNameCheck(soleParty(call)).status === 'verified';
  return (
    <header className={styles.header}>
      <Text as="h1" size={500} weight="semibold" className={styles.title} title={call.title}>
        {call.title}
      </Text>
      {verified ? <VerifiedMark /> : null}
      <Badge
        appearance="tint"
        color={BADGE[call.status]}
        role="status"
        data-testid="call-status"
        data-status={call.status}
      >
        {inCallStrings.status[call.status]}
      </Badge>
      {elapsed !== null ? (
        <Text className={styles.timer} aria-label={inCallStrings.durationLabel} role="timer" data-testid="call-timer">
          {inCallStrings.duration(elapsed)}
        </Text>
      ) : null}
      {running ? <NetworkIndicator network={call.network} /> : null}
    </header>
  );
}
