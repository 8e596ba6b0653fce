import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallingState } from '../../calling/model';
import { incomingStrings } from '../../strings';
import { IncomingCallCard } from '../shared/IncomingCallCard';

const useStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    height: '100%',
    overflow: 'auto',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalXXL,
    padding: tokens.spacingHorizontalXXL,
    backgroundImage: `radial-gradient(circle at 50% 35%, ${tokens.colorBrandBackground2} 0%, ${tokens.colorNeutralBackground2} 60%)`,
  },
  waiting: { color: tokens.colorNeutralForeground3 },
});

/**
 * Ringing: the first incoming call, full window, with accept (audio or video) and decline. While
 * another call is in progress the answers become hold-and-accept.
 */
export function IncomingCallScreen() {
  const styles = useStyles();
  const incoming = useCallingState((state) => state.incoming);
  const call = useCallingState((state) => state.call);
  const first = incoming[0];
  if (!first) return null;
  const duringCall = call !== null && call.status !== 'ended';
  return (
    <div className={styles.root} data-testid="incoming-screen">
      <IncomingCallCard key={first.id} incoming={first} duringCall={duringCall} />
      {incoming.length > 1 ? (
        <Text className={styles.waiting} data-testid="also-calling">
          {incomingStrings.alsoCalling(incoming.slice(1).map((waiting) => waiting.callerDisplayName))}
        </Text>
      ) : null}
    </div>
  );
}
