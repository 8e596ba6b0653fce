import { Button, makeStyles, Spinner, Title3, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular, SettingsRegular } from '@fluentui/react-icons';
import { Suspense, useState } from 'react';
import { useCallingState } from '../calling/model';
import { SignInScreen } from '../screens/sign-in/SignInScreen';
import { appStrings } from '../strings';
import { AgentStatusLine } from './AgentStatusLine';
import { Banners } from './Banners';
import { useSession } from './contexts';
import { DeviceSetup, DialerScreen, InCallScreen, IncomingCallScreen, SettingsScreen } from './lazy-screens';
import { chooseRoute } from './routes';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';

const useStyles = makeStyles({
  frame: {
    height: '100%',
    display: 'grid',
    gridTemplateRows: 'auto auto auto 1fr',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    minHeight: '48px',
    paddingInline: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  banners: { paddingInline: tokens.spacingHorizontalL, paddingTop: tokens.spacingVerticalS },
  main: { overflow: 'auto', padding: tokens.spacingHorizontalL, minHeight: 0 },
  home: {
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'minmax(320px, 2fr) minmax(280px, 1fr)',
    alignItems: 'start',
    '@media (max-width: 760px)': { gridTemplateColumns: '1fr' },
  },
  centered: { display: 'grid', placeItems: 'center', height: '100%' },
});

function Loading() {
  const styles = useStyles();
  return (
    <div className={styles.centered}>
      <Spinner label={appStrings.loadingScreen} />
    </div>
  );
}

export function AppFrame() {
  const styles = useStyles();
  const session = useSession();
  const call = useCallingState((state) => state.call);
  const incoming = useCallingState((state) => state.incoming);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const route = chooseRoute(session, { call, incoming }, settingsOpen);
  const signedIn = session.status === 'signed-in';

  let screen: React.ReactNode;
  switch (route) {
    case 'restoring':
      screen = (
        <div className={styles.centered}>
          <Spinner label={appStrings.restoring} />
        </div>
      );
      break;
    case 'sign-in':
      screen = <SignInScreen />;
      break;
    case 'settings':
      screen = <SettingsScreen />;
      break;
    case 'incoming':
      screen = <IncomingCallScreen />;
      break;
    case 'in-call':
      screen = <InCallScreen />;
      break;
    case 'home':
      screen = (
        <div className={styles.home}>
          <DialerScreen />
          <DeviceSetup />
        </div>
      );
      break;
  }

  return (
    <div className={styles.frame} data-testid="app-shell" data-route={route}>
      <header className={styles.header}>
        <Title3 as="h1">{appStrings.appName}</Title3>
        {signedIn && (route === 'home' || route === 'settings') ? (
          route === 'settings' ? (
            <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={() => setSettingsOpen(false)}>
              {appStrings.backToCalls}
            </Button>
          ) : (
            <Button appearance="subtle" icon={<SettingsRegular />} onClick={() => setSettingsOpen(true)}>
              {appStrings.settings}
            </Button>
          )
        ) : null}
      </header>
      <AgentStatusLine />
      <div className={styles.banners}>
        <Banners session={session} showAgentBanner={route === 'settings' || route === 'incoming'} />
      </div>
      <main className={styles.main} aria-label={appStrings.appName}>
        <ScreenErrorBoundary resetKey={route}>
          <Suspense fallback={<Loading />}>{screen}</Suspense>
        </ScreenErrorBoundary>
      </main>
    </div>
  );
}
