import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useCallingState } from '../../calling/model';
import { agentStrings } from '../../strings';

/**
 * "Cannot reach Azure Communication Services": shown wherever calling is used while the agent is
 * unreachable (offline: createCallAgent resolved but stayed Disconnected) or failed.
 */
export function AgentBanner() {
  const agent = useCallingState((state) => state.agent);
  const message = useCallingState((state) => state.agentMessage);
  if (agent !== 'unreachable' && agent !== 'failed') return null;
  return (
    <MessageBar intent={agent === 'failed' ? 'error' : 'warning'} layout="multiline" data-testid="agent-banner">
      <MessageBarBody>
        {agent === 'unreachable' ? <MessageBarTitle>Azure Communication Services</MessageBarTitle> : null}
        {message ?? agentStrings.unreachable}
      </MessageBarBody>
    </MessageBar>
  );
}
