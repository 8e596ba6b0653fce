import { Avatar, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CallRegular } from '@fluentui/react-icons';
import { type CallView, useCallingActions } from '../../calling/model';
import { dialerStrings, inCallStrings } from '../../strings';
import { Panel } from '../shared/Panel';
import { useAction } from '../shared/use-action';

const useStyles = makeStyles({
  root: {
    flex: 1,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    padding: tokens.spacingHorizontalXXL,
  },
  card: {
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXXL,
    // A fixed width: the card does not shrink to a short reason or grow with a long one.
    width: '440px',
    maxWidth: '100%',
    boxSizing: 'border-box',
  },
  reason: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * After the call: why it ended, in words, how long it lasted; close it or call again. A call
 * that never connected says so ("Call didn't connect") with the reason, rather than "ended".
 */
export function CallEndedView(props: { call: CallView; endedAt: number }) {
  const styles = useStyles();
  const actions = useCallingActions();
  const again = useAction();
  const { call } = props;
  const lasted = call.connectedAt === null ? null : inCallStrings.duration(props.endedAt - call.connectedAt);
  const target = call.target;
  const connected = call.connectedAt !== null;
  return (
    <div className={styles.root}>
      <Panel className={styles.card} role="status" data-testid="call-ended">
        <Avatar name={call.title} size={72} color="colorful" />
        <Text size={500} weight="semibold" as="h2" data-testid="call-ended-title">
          {connected || call.direction === 'incoming' ? inCallStrings.ended : inCallStrings.notConnected}
        </Text>
        {call.endReason ? <Text className={styles.reason}>{call.endReason.message}</Text> : null}
        {lasted ? <Text className={styles.reason}>{inCallStrings.endedAfter(lasted)}</Text> : null}
        <div className={styles.actions}>
          {target ? (
            <Button
              icon={<CallRegular />}
              disabled={again.busy}
              onClick={() =>
                again.run(async () => {
                  actions.dismissEndedCall();
                  await actions.startCall(target, { video: false, title: call.title });
                })
              }
            >
              {dialerStrings.audioCall}
            </Button>
          ) : null}
          <Button appearance="primary" onClick={() => actions.dismissEndedCall()} autoFocus>
            {inCallStrings.close}
          </Button>
        </div>
        {again.error ? (
          <Text role="alert" className={styles.error}>
            {dialerStrings.callFailed(again.error)}
          </Text>
        ) : null}
      </Panel>
    </div>
  );
}
