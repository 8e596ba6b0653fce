/**
 * The lazily loaded half of the frame: Fluent UI (its provider, following the OS theme), the
 * banners and the screens. Kept out of the initial bundle so that the shell paints and becomes
 * interactive as fast as a bare React page; its chunk is preloaded by index.html.
 */
import {
  FluentProvider,
  makeStyles,
  mergeClasses,
  Spinner,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { Suspense, useRef } from 'react';
import type { SessionState } from '../../common/ipc';
import { DesktopIntegration } from '../desktop/DesktopIntegration';
import { SignInScreen } from '../screens/sign-in/SignInScreen';
import { appStrings } from '../strings';
import { Banners } from './Banners';
import {
  DeviceSetup,
  DialerScreen,
  InCallScreen,
  IncomingCallScreen,
  PreJoinScreen,
  SettingsScreen,
} from './lazy-screens';
import { isPage, type Route } from './routes';
import { useRouteFocus } from './use-route-focus';

const useStyles = makeStyles({
  provider: {
    height: '100%',
    display: 'grid',
    gridTemplateRows: 'auto 1fr',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  banners: {
    paddingInline: tokens.spacingHorizontalL,
    paddingTop: tokens.spacingVerticalS,
    // Nothing to say: no gap above the screen (the call stage most of all).
    ':empty': { display: 'none' },
  },
  main: { overflow: 'auto', padding: tokens.spacingHorizontalL, minHeight: 0 },
  // The call stage runs edge to edge, like the calling apps people know.
  callStage: { padding: 0, overflow: 'hidden' },
  page: { maxWidth: '1080px', marginInline: 'auto' },
  centered: { display: 'grid', placeItems: 'center', height: '100%' },
});

export interface FluentScreensProps {
  route: Route;
  session: SessionState;
  dark: boolean;
}

export function FluentScreens({ route, session, dark }: FluentScreensProps) {
  const styles = useStyles();
  const main = useRef<HTMLElement>(null);
  useRouteFocus(route, main);
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
    case 'devices':
      screen = (
        <div className={styles.page}>
          <DeviceSetup />
        </div>
      );
      break;
    case 'pre-join':
      screen = (
        <div className={styles.page}>
          <PreJoinScreen />
        </div>
      );
      break;
    case 'incoming':
      screen = <IncomingCallScreen />;
      break;
    case 'in-call':
      screen = <InCallScreen />;
      break;
    case 'home':
      // The camera and audio check is a page of its own (the header opens it), not a column of
      // the home screen: the home screen is what stays in memory all day.
      screen = <DialerScreen />;
      break;
  }
  return (
    // Layout and colours go on an inner element: Fluent copies the provider's class onto the mount
    // node of every portal (tooltips, menus), which must not become a full-height opaque block.
    <FluentProvider
      theme={dark ? webDarkTheme : webLightTheme}
      style={{ height: '100%' }}
      data-theme={dark ? 'dark' : 'light'}
    >
      <div className={styles.provider}>
        {/* A landmark of its own, so the OS and session notices are found by landmark navigation. */}
        <section className={styles.banners} aria-label={appStrings.notices}>
          <Banners session={session} showAgentBanner={isPage(route) || route === 'incoming'} />
          {/* Inside the provider so its dialogs and banners are themed; renders nothing in a plain browser. */}
          <DesktopIntegration />
        </section>
        <main
          ref={main}
          className={mergeClasses(styles.main, (route === 'in-call' || route === 'incoming') && styles.callStage)}
          aria-label={appStrings.appName}
        >
          <Suspense
            fallback={
              <div className={styles.centered}>
                <Spinner label={appStrings.loadingScreen} />
              </div>
            }
          >
            {screen}
          </Suspense>
        </main>
      </div>
    </FluentProvider>
  );
}
