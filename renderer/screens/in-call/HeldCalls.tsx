import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { HeldCallView } from '../../calling/model';
import { inCallStrings } from '../../strings';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
});

/**
 * The calls put on hold to answer another, one line each, so none is lost: Swap while the current
 * call is up (it goes on hold in its place), Resume once it has ended.
 */
export function HeldCalls(props: { held: HeldCallView[]; callIsLive: boolean; onSwitch(callId: string): void }) {
  const styles = useStyles();
  const waiting = props.held.filter((call) => call.status !== 'ended');
  if (waiting.length === 0) return null;
  return (
    <ul aria-label={inCallStrings.heldCallsLabel} data-testid="held-calls" className={styles.list}>
      {waiting.map((call) => (
        <li key={call.id}>
          <MessageBar intent="info" layout="singleline" data-testid="held-call">
            <MessageBarBody>{inCallStrings.heldCall(call.title)}</MessageBarBody>
            <MessageBarActions>
              <Button
                size="small"
                aria-label={
                  props.callIsLive ? inCallStrings.swapLabel(call.title) : inCallStrings.resumeHeld(call.title)
                }
                onClick={() => props.onSwitch(call.id)}
              >
                {props.callIsLive ? inCallStrings.swap : inCallStrings.resume}
              </Button>
            </MessageBarActions>
          </MessageBar>
        </li>
      ))}
    </ul>
  );
}
