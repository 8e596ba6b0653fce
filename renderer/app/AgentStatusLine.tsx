/**
 * One line under the header that says what calling is doing while it gets ready. It always takes
 * its height (empty or not), so nothing moves when the SDK finishes loading.
 */
import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useCallingState } from '../calling/model';
import { appStrings } from '../strings';

const useStyles = makeStyles({
  line: {
    minHeight: '24px',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingInline: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground3,
  },
});

export function AgentStatusLine() {
  const styles = useStyles();
  const agent = useCallingState((state) => state.agent);
  const text =
    agent === 'loading-sdk' ? appStrings.sdkLoading : agent === 'connecting' ? appStrings.agentConnecting : '';
  return (
    <div className={styles.line} data-testid="agent-status" data-agent={agent}>
      {text ? <Spinner size="extra-tiny" aria-hidden /> : null}
      <Text size={200} role="status">
        {text}
      </Text>
    </div>
  );
}
