// Electron glue only: lifecycle, the window, the app:// protocol, security handlers. Logic lives
// in plain modules beside this file (config/, backend/, secrets/, token/, session/, ipc/, window/).
import { join } from 'node:path';
import { app, BrowserWindow, session as electronSession, protocol, shell } from 'electron';
import { historyIpc } from '../../common/ipc/history';
import { AppConfigStore, defaultAdministratorFile } from './config/app-config';
import { desktopLog, installDesktopIntegration, prepareDesktopIntegration } from './desktop';
import { createHistoryHandlers } from './history/history-ipc';
import { HISTORY_FILE_NAME, HistoryStore } from './history/history-store';
import { createWindowIpc } from './ipc/electron-ipc';
import { APP_ORIGIN, originOf } from './ipc/sender-policy';
import { FallbackSecretStore } from './secrets/fallback-secret-store';
import { KeytarSecretStore, loadKeytar } from './secrets/keytar-secret-store';
import { AppSession } from './session/app-session';
import { registerSessionIpc } from './session/session-ipc';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './window/app-protocol';
import { contentSecurityPolicy } from './window/content-security-policy';
import { externalLinkToOpen } from './window/external-links';
import { isPermissionGranted } from './window/permissions';

/** The keychain service name: entries are (this, backend origin). */
const APP_ID = 'com.switchboard.desktop';

// Before ready: the privileged scheme (DESIGN §6) and the single-instance lock + call links.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
const early = prepareDesktopIntegration();
const log = (message: string) => desktopLog.info(message);

let mainWindow: BrowserWindow | null = null;
const getMainWindow = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null);

async function start(): Promise<void> {
  if (!early) return; // another Switchboard owns the session; this process is quitting
  const config = await AppConfigStore.open({
    argv: process.argv,
    env: process.env,
    administratorFile: defaultAdministratorFile(process.platform, process.env),
    userDataDir: app.getPath('userData'),
    log,
  });
  const store = new FallbackSecretStore(
    loadKeytar().then((keytar) => new KeytarSecretStore(keytar, APP_ID, log)),
    { log },
  );
  // Organisation sign-in (and its sign-out page) runs in the system browser (RFC 8252).
  const appSession = new AppSession({ config, store, log, openExternal: (url) => shell.openExternal(url) });
  // Keychain read + the first refresh start now, in parallel with the window's load below.
  const restored = appSession.start();

  const windowSession = electronSession.defaultSession;
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler(join(app.getAppPath(), 'out', 'renderer'), () =>
      contentSecurityPolicy(config.backendUrl ? (originOf(config.backendUrl) ?? null) : null),
    ),
  );

  const ipc = createWindowIpc(getMainWindow, log);
  registerSessionIpc(appSession, ipc.options);
  const history = await HistoryStore.open({ filePath: join(app.getPath('userData'), HISTORY_FILE_NAME), log });
  ipc.register(historyIpc, createHistoryHandlers(history));

  // ── Desktop integration (electron/main/desktop/, another module's concern) ──────────────────
  const desktop = installDesktopIntegration({
    early,
    getMainWindow,
    session: windowSession,
    registerIpc: ipc.register,
    isTrustedOrigin: (origin) => origin === APP_ORIGIN,
    signOut: () => appSession.signOut(),
  });
  // ─────────────────────────────────────────────────────────────────────────────────────────────

  windowSession.setPermissionCheckHandler(
    (webContents, permission, requestingOrigin, details) =>
      webContents === getMainWindow()?.webContents &&
      isPermissionGranted(
        { permission, requestingUrl: requestingOrigin, isMainFrame: details.isMainFrame },
        APP_ORIGIN,
      ),
  );
  windowSession.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : undefined;
    const granted =
      webContents === getMainWindow()?.webContents &&
      isPermissionGranted(
        { permission, requestingUrl: details.requestingUrl, mediaTypes, isMainFrame: details.isMainFrame },
        APP_ORIGIN,
      );
    if (!granted || permission !== 'media') return callback(granted);
    // macOS asks the user per app for camera/microphone: only grant what the OS will give.
    desktop.osAllowsMedia(mediaTypes ?? []).then(callback, () => callback(false));
  });

  mainWindow = new BrowserWindow({
    width: 1100,
    height: 760,
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would open links in new windows by another path than setWindowOpenHandler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const contents = mainWindow.webContents;
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalLinkToOpen(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await Promise.all([mainWindow.loadURL(APP_ENTRY_URL), restored]);
}

app.on('web-contents-created', (_event, contents) => {
  // Defence in depth for any webContents we did not create ourselves.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
});
app.on('window-all-closed', () => app.quit());
app
  .whenReady()
  .then(start)
  .catch((error: unknown) => log(`start-up failed: ${(error as Error).message}`));
