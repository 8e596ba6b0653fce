/**
 * The shell: header, the calling status line and the screen area. Plain elements styled by
 * index.html (no Fluent), so the first paint needs only React; the Fluent half (banners and
 * screens) arrives in its own, preloaded chunk.
 */
import { lazy, Suspense, useState } from 'react';
import { useCallingState } from '../calling/model';
import { useSession } from '../session/session-context';
import { appStrings } from '../strings';
import { AgentStatusLine } from './AgentStatusLine';
import { chooseRoute, holdFluentHalf, isPage, type Page } from './routes';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import { useOsDarkMode } from './theme';

const FluentScreens = lazy(() => import('./FluentScreens').then((m) => ({ default: m.FluentScreens })));

export function AppFrame() {
  const session = useSession();
  const dark = useOsDarkMode();
  const call = useCallingState((state) => state.call);
  const incoming = useCallingState((state) => state.incoming);
  const preJoin = useCallingState((state) => state.preJoin);
  const agent = useCallingState((state) => state.agent);
  const sdkSettled = useCallingState((state) => state.sdkSettled);
  const [openPage, setOpenPage] = useState<Page | null>(null);
  const route = chooseRoute(session, { call, incoming, preJoin }, openPage);
  const signedIn = session.status === 'signed-in';
  // Latched: once the Fluent half is shown it stays (a later sign-in's SDK load must not blank it).
  const [fluentShown, setFluentShown] = useState(false);
  const holdFluent = !fluentShown && holdFluentHalf(session, { agent, sdkSettled });
  if (!holdFluent && !fluentShown) setFluentShown(true);
  const placeholder = (
    <p className="sb-loading">{route === 'restoring' ? appStrings.restoring : appStrings.loadingScreen}</p>
  );

  // In a call the stage gets the window: no app header, no (empty) status line.
  const inCall = route === 'in-call';
  return (
    <div
      className={inCall ? 'sb-shell sb-shell-in-call' : 'sb-shell'}
      data-testid="app-shell"
      data-route={route}
      data-theme={dark ? 'dark' : 'light'}
    >
      {inCall ? null : (
        <header className="sb-header">
          <h1>{appStrings.appName}</h1>
          {signedIn && route === 'home' ? (
            <nav className="sb-header-actions" aria-label={appStrings.pages}>
              <button type="button" className="sb-button" onClick={() => setOpenPage('devices')}>
                {appStrings.devices}
              </button>
              <button type="button" className="sb-button" onClick={() => setOpenPage('settings')}>
                {appStrings.settings}
              </button>
            </nav>
          ) : null}
          {signedIn && isPage(route) ? (
            <button type="button" className="sb-button" onClick={() => setOpenPage(null)}>
              {appStrings.backToCalls}
            </button>
          ) : null}
        </header>
      )}
      {inCall ? null : <AgentStatusLine />}
      <div className="sb-screens">
        <ScreenErrorBoundary resetKey={route}>
          {holdFluent ? (
            placeholder
          ) : (
            <Suspense fallback={placeholder}>
              <FluentScreens route={route} session={session} dark={dark} />
            </Suspense>
          )}
        </ScreenErrorBoundary>
      </div>
    </div>
  );
}
