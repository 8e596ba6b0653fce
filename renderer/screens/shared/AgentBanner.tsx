import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  ProgressBar,
} from '@fluentui/react-components';
import { isLoopbackHost } from '../../../common/backend-url';
import type { SessionState } from '../../../common/ipc';
import { useCallingActions, useCallingState } from '../../calling/model';
import { useSession } from '../../session/session-context';
import { agentStrings } from '../../strings';

const useStyles = makeStyles({ progress: { width: '100%' } });

/**
 * Where the user's tokens lead: the offline ACS stand-in (development), a backend on this
 * computer, or a real deployment. "Check your internet connection" fits only the last.
 */
function backendKind(session: SessionState): 'offline-development' | 'loopback' | 'deployed' {
  if (session.status !== 'signed-in') return 'deployed';
  if (session.offlineDevelopment) return 'offline-development';
  try {
    return isLoopbackHost(new URL(session.backendUrl).hostname) ? 'loopback' : 'deployed';
  } catch {
    return 'deployed';
  }
}

/**
 * Calling's state where calling is used: a progress bar while the agent connects (up to ~15 s
 * offline; `progress`: where calls are placed), and "cannot reach Azure Communication Services" with "Try again" once it is unreachable
 * (createCallAgent resolved but stayed Disconnected) or failed. The advice fits the backend: no
 * "check your internet connection" when the tokens come from a development backend.
 */
export function AgentBanner({ testId = 'agent-banner', progress = true }: { testId?: string; progress?: boolean }) {
  const styles = useStyles();
  const agent = useCallingState((state) => state.agent);
  const message = useCallingState((state) => state.agentMessage);
  // A new agent would end the call in progress: while one is up, the SDK's own reconnecting is all.
  const callUp = useCallingState((state) => state.call !== null && state.call.status !== 'ended');
  const actions = useCallingActions();
  const session = useSession();
  if (agent === 'connecting' && progress) {
    return (
      <Field className={styles.progress} validationMessage={agentStrings.connectingHint} validationState="none">
        <ProgressBar aria-label={agentStrings.connecting} data-testid="agent-progress" />
      </Field>
    );
  }
  if (agent !== 'unreachable' && agent !== 'failed') return null;
  const kind = backendKind(session);
  // With the offline stand-in, ACS is unreachable by design and the frame's development-mode
  // banner already says calls will not connect: one message for one problem, and no retry that
  // cannot help.
  if (agent === 'unreachable' && kind === 'offline-development') return null;
  const words = agent === 'unreachable' && kind === 'loopback' ? agentStrings.unreachableLoopback : message;
  return (
    <MessageBar intent={agent === 'failed' ? 'error' : 'warning'} layout="multiline" data-testid={testId}>
      <MessageBarBody>
        {agent === 'unreachable' ? <MessageBarTitle>Azure Communication Services</MessageBarTitle> : null}
        {words ?? agentStrings.unreachable}
      </MessageBarBody>
      {callUp ? null : (
        <MessageBarActions>
          <Button onClick={() => actions.retryAgent()}>{agentStrings.retry}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
