/**
 * Desktop integration, composed: each `install-*.ts` beside this file is the Electron glue for one
 * OS feature (tray, updates, quit guard, screen share, menu, call links, incoming-call alert,
 * power-save, media access) and wires the plain decision module next to it. This file only builds
 * the context they share and hands their IPC handlers to main.ts as one binding of the desktop table.
 *
 * main.ts calls `prepareDesktopIntegration()` before `app.whenReady()` and, once the window
 * exists, `installDesktopIntegration(context)`.
 */
import { join } from 'node:path';
import { app, type BrowserWindow, dialog, type Session } from 'electron';
import log from 'electron-log/main';
import { desktopIpc } from '../../../common/ipc/desktop';
import { APP_ID } from '../app-identity';
import { bindIpc, deferredEmitters, type HandlersFor, type IpcBinding } from '../ipc/register';
import { nativeConfirm } from '../window/native-confirm';
import { CallStateHub } from './call-state-hub';
import type { DesktopContext, DesktopEarlyState } from './desktop-context';
import { DESKTOP_SETTINGS_FILE_NAME, DesktopSettingsStore } from './desktop-settings';
import { installCallLinks, prepareCallLinks } from './install-call-links';
import { installIncomingCallAlert } from './install-incoming-call-alert';
import { installMediaAccess } from './install-media-access';
import { installMenu } from './install-menu';
import { installPowerSave } from './install-power-save';
import { installQuitGuard } from './install-quit-guard';
import { installScreenShare } from './install-screen-share';
import { installTray } from './install-tray';
import { installUpdates } from './install-updates';
import { configureLogger, type LoggerLike } from './logging';

export type { DesktopEarlyState } from './desktop-context';
export { log as desktopLog };

/**
 * Before `app.whenReady()`: the single-instance lock, the main log, and the call links (macOS
 * delivers `open-url` before ready). Returns null when another Switchboard already runs: it has
 * been handed our arguments, and this process is quitting — main.ts must not create a window then.
 */
export function prepareDesktopIntegration(): DesktopEarlyState | null {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  // Windows shows toast notifications only for an app with an AppUserModelID, and the NSIS
  // installer's shortcut carries the appId as that id: the two must match.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  const userData = app.getPath('userData');
  configureLogger(log as unknown as LoggerLike, { userDataPath: userData, verboseConsole: !app.isPackaged });

  const settings = DesktopSettingsStore.openSync(join(userData, DESKTOP_SETTINGS_FILE_NAME));
  const early: { -readonly [K in keyof DesktopEarlyState]: DesktopEarlyState[K] } = {
    settings,
    focusWindow: () => {},
    inbox: prepareCallLinks(settings, () => early.focusWindow()),
  };
  return early;
}

/** What desktop integration needs from main.ts. */
export interface DesktopIntegrationContext {
  /** The result of `prepareDesktopIntegration()`. */
  readonly early: DesktopEarlyState;
  /** The Switchboard window, or null while there is none. */
  readonly getMainWindow: () => BrowserWindow | null;
  /** The window's session (display-media handler). */
  readonly session: Session;
  /** True for our renderer's origin (`app://localhost`). */
  readonly isTrustedOrigin: (origin: string) => boolean;
  /** Signs the user out (the session module): used by the tray menu. */
  readonly signOut: () => Promise<unknown>;
}

export interface DesktopIntegration {
  /** The desktop table and its handlers, registered by main.ts like every other concern's. */
  readonly ipc: IpcBinding;
  /** From the renderer's latest report; false when it has not reported or has reloaded. */
  isCallActive(): boolean;
  /** For the session's permission request handler: asks macOS for camera/microphone before granting `media`. */
  osAllowsMedia(mediaTypes: ReadonlyArray<string>): Promise<boolean>;
}

export function installDesktopIntegration(integration: DesktopIntegrationContext): DesktopIntegration {
  const { early, getMainWindow } = integration;
  const events = deferredEmitters(desktopIpc);
  const focusWindow = () => {
    const window = getMainWindow();
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  early.focusWindow = focusWindow;
  const context: DesktopContext = {
    platform: process.platform,
    early,
    getMainWindow,
    focusWindow,
    calls: new CallStateHub(),
    events: events.emit,
    onWindow: (watch) => {
      const existing = getMainWindow();
      if (existing) watch(existing);
      app.on('browser-window-created', (_event, window) => watch(window));
    },
  };

  // Order matters where pieces share a moment: the quit guard hears that a call ended before the
  // others react to it, as the user's confirmed quit waits on exactly that.
  // One native question helper for what main must own: tel:/callto: opt-in, screen-share grants.
  const confirm = nativeConfirm(dialog, getMainWindow);
  const quitGuard = installQuitGuard(context);
  installPowerSave(context);
  const updates = installUpdates(context, quitGuard);
  installTray(context, quitGuard, integration.signOut);
  installIncomingCallAlert(context);
  const callLinks = installCallLinks(context, confirm);
  const screenShare = installScreenShare(context, integration.session, integration.isTrustedOrigin, confirm);
  const { osAllowsMedia, ...mediaAccess } = installMediaAccess(context);
  installMenu(context);
  // A reloaded or crashed renderer has no call any more: forget what it reported.
  context.onWindow((window) => {
    window.webContents.on('render-process-gone', () => context.calls.apply(null));
    window.webContents.on('did-start-loading', () => context.calls.apply(null));
  });

  const handlers = {
    reportCallState: (state) => context.calls.apply(state),
    ...callLinks,
    ...screenShare,
    ...mediaAccess,
    ...updates,
  } satisfies HandlersFor<typeof desktopIpc>;

  return {
    ipc: bindIpc(desktopIpc, handlers, (emit) => {
      events.bind(emit);
      // Links that arrived before the window (the first launch's own command line) wait for it.
      if (early.inbox.size > 0) emit.onCallLinksPending({ count: early.inbox.size });
      return undefined;
    }),
    isCallActive: () => context.calls.isCallActive(),
    osAllowsMedia,
  };
}
