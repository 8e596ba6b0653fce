/**
 * One line under the header that says what calling is doing while it gets ready. It always takes
 * its height (empty or not), so nothing moves when the SDK finishes loading. Part of the shell:
 * plain elements, styled by index.html.
 */
import { useCallingState } from '../calling/model';
import { appStrings } from '../strings';

export function AgentStatusLine() {
  const agent = useCallingState((state) => state.agent);
  const text =
    agent === 'loading-sdk' ? appStrings.sdkLoading : agent === 'connecting' ? appStrings.agentConnecting : '';
  return (
    <div className="sb-status" data-testid="agent-status" data-agent={agent}>
      {text ? <span className="sb-spinner" aria-hidden="true" /> : null}
      <span role="status">{text}</span>
    </div>
  );
}
