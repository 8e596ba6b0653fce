// The composition root, Electron glue only: lifecycle, the window, the app:// protocol, security
// handlers, and the wiring of every concern. Logic lives in plain modules beside this file
// (config/, backend-client/, secrets/, token/, app-session/, directory/, history/, storage/, ipc/, window/,
// desktop/);
// docs/architecture.md draws what is composed here and in which order.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, session as electronSession, protocol, shell } from 'electron';
import { historyIpc } from '../../common/ipc/history';
import { APP_ENTRY_URL, APP_ID, APP_ORIGIN, APP_SCHEME } from './app-identity';
import { AppSession } from './app-session/app-session';
import { sessionIpcBindings } from './app-session/session-ipc';
import { AppConfigStore, defaultAdministratorFile } from './config/app-config';
import { readSystemClock } from './config/system-clock';
import { desktopLog, installDesktopIntegration, prepareDesktopIntegration } from './desktop';
import { CompanyDirectory } from './directory/company-directory';
import { directoryIpcBinding } from './directory/directory-ipc';
import { createHistoryHandlers } from './history/history-ipc';
import { HISTORY_FILE_NAME, HistoryStore } from './history/history-store';
import { createWindowIpc } from './ipc/electron-ipc';
import { bindIpc, type IpcBinding } from './ipc/register';
import { FallbackSecretStore } from './secrets/fallback-secret-store';
import { KeytarSecretStore, loadKeytar } from './secrets/keytar-secret-store';
import { followConfiguredLanguage } from './strings/main-i18n';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './window/app-protocol';
import { contentSecurityPolicy } from './window/content-security-policy';
import { externalLinkToOpen } from './window/external-links';
import { nativeConfirm } from './window/native-confirm';
import { lockNavigation } from './window/navigation-lock';
import { isPermissionGranted } from './window/permissions';

// Before ready: the privileged scheme (docs/acs-facts.md: the calling SDK needs the host
// `localhost`), and the single-instance lock + call links.
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
    confirm: nativeConfirm(dialog, getMainWindow),
    clock: readSystemClock(),
    systemLanguages: app.getPreferredSystemLanguages(),
  });
  // Before anything shows a word: the tray, menus, dialogs and errors speak the configured language.
  followConfiguredLanguage(config);
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
    createAppProtocolHandler(join(app.getAppPath(), 'out', 'renderer'), contentSecurityPolicy),
  );

  const history = await HistoryStore.open({ filePath: join(app.getPath('userData'), HISTORY_FILE_NAME), log });
  const desktop = installDesktopIntegration({
    early,
    getMainWindow,
    session: windowSession,
    isTrustedOrigin: (origin) => origin === APP_ORIGIN,
    signOut: () => appSession.signOut(),
  });

  // Every concern hands its IPC over in one shape; each table is registered once, sender and
  // payload checked by the shared helper (ipc/register.ts).
  const ipc = createWindowIpc(getMainWindow, log);
  const bindings: IpcBinding[] = [
    ...sessionIpcBindings(appSession),
    bindIpc(historyIpc, createHistoryHandlers(history)),
    desktop.ipc,
    directoryIpcBinding(new CompanyDirectory(appSession)),
  ];
  for (const binding of bindings) binding.register(ipc.register);

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
      // Electron's default, stated: an incoming call rings (renderer/calling/call-sounds.ts) with no
      // user gesture, also while the window is hidden in the tray.
      autoplayPolicy: 'no-user-gesture-required',
    },
  });
  lockNavigation(mainWindow.webContents, (url) => {
    const external = externalLinkToOpen(url);
    if (external) void shell.openExternal(external);
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await Promise.all([mainWindow.loadURL(APP_ENTRY_URL), restored]);
}

// Defence in depth for any webContents we did not create ourselves.
app.on('web-contents-created', (_event, contents) => lockNavigation(contents));
app.on('window-all-closed', () => app.quit());
app
  .whenReady()
  .then(start)
  .catch((error: unknown) => log(`start-up failed: ${(error as Error).message}`));
