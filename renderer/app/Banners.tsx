/**
 * The frame's banners: why the session ended, development mode, no keychain, and "cannot reach
 * Azure Communication Services". They sit in a slot above the screen so the screen below never
 * jumps when one appears during sign-in or SDK loading.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { SessionState } from '../../common/ipc';
import { AgentBanner } from '../screens/shared/AgentBanner';
import { appStrings } from '../strings';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

function SessionEndedBanner({ session }: { session: Extract<SessionState, { status: 'signed-out' }> }) {
  const [dismissed, setDismissed] = useState<SessionState | null>(null);
  if (!session.reason || session.reason === 'signed-out' || dismissed === session) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="session-ended-banner">
      <MessageBarBody>{session.message ?? appStrings.sessionEnded[session.reason]}</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label={appStrings.dismiss}
            icon={<DismissRegular />}
            onClick={() => setDismissed(session)}
          />
        }
      />
    </MessageBar>
  );
}

/**
 * `showAgentBanner`: the dialer and in-call screens show "cannot reach ACS" themselves (next to
 * the controls it disables), so the frame shows it only on the other signed-in screens.
 */
export function Banners({ session, showAgentBanner }: { session: SessionState; showAgentBanner: boolean }) {
  const styles = useStyles();
  return (
    <section className={styles.stack} aria-label={appStrings.notifications} aria-live="polite">
      {session.status === 'signed-out' ? <SessionEndedBanner session={session} /> : null}
      {session.status === 'signed-in' && session.offlineDevelopment ? (
        <MessageBar intent="info" layout="multiline" data-testid="offline-development-banner">
          <MessageBarBody>{appStrings.offlineDevelopment}</MessageBarBody>
        </MessageBar>
      ) : null}
      {session.status === 'signed-in' && !session.remembered ? (
        <MessageBar intent="warning" layout="multiline" data-testid="keychain-banner">
          <MessageBarBody>{appStrings.keychainUnavailable}</MessageBarBody>
        </MessageBar>
      ) : null}
      {session.status === 'signed-in' && showAgentBanner ? (
        <AgentBanner testId="acs-unreachable-banner" progress={false} />
      ) : null}
    </section>
  );
}
