/**
 * Desktop integration, Electron glue only: single instance, call links, tray, incoming-call
 * alerts, power-save, quit guard, screen-share picker, OS media access, auto-update, logs and the
 * application menu. Every decision lives in the plain modules beside this file.
 *
 * main.ts calls `prepareDesktopIntegration()` before `app.whenReady()` and, once the window
 * exists, `installDesktopIntegration(context)`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  app,
  type BrowserWindow,
  desktopCapturer,
  dialog,
  autoUpdater as electronAutoUpdater,
  Menu,
  type MenuItemConstructorOptions,
  Notification,
  powerSaveBlocker,
  type Session,
  shell,
  systemPreferences,
  Tray,
} from 'electron';
import log from 'electron-log/main';
import { autoUpdater } from 'electron-updater';
import type { DescriptorTable } from '../../../common/ipc';
import { type DesktopCallState, desktopIpc } from '../../../common/ipc/desktop';
import type { HandlersFor, RegisteredTable } from '../ipc/register';
import { nativeConfirm } from '../window/native-confirm';
import { appMenuTemplate } from './app-menu';
import { findCallLinkArgument } from './call-link';
import { CallLinkInbox, inboxVerdictLine } from './call-link-inbox';
import { DESKTOP_SETTINGS_FILE_NAME, DesktopSettingsStore, userFacingSettings } from './desktop-settings';
import { planIncomingCallAlert } from './incoming-call-alert';
import { applyLinkSchemeRegistration, confirmNewLinkSchemes, linkOptionsFrom } from './link-schemes';
import { configureLogger, type LoggerLike, logDirectory } from './logging';
import { ensureMediaAccess, osAllowsMedia, privacySettingsUrl, screenRecordingAccess } from './media-access';
import { CallPowerSaveGuard } from './power-save';
import { confirmationFor, type DisruptiveAction, decideQuit } from './quit-guard';
import { ScreenShareBroker } from './screen-share';
import { isSignedIn, trayIconFileName, trayMenuTemplate, trayStatusFrom, trayTooltip } from './tray-state';
import {
  decideUpdatePolicy,
  UpdateCoordinator,
  type UpdaterLike,
  type UpdateVerification,
  updateFeedConfigured,
  updateVerificationFrom,
} from './update-policy';
import { decideWindowClose, trayNoticeChannel, trayNoticeText } from './window-close';

export { log as desktopLog };

/** electron-builder.yml `appId` (a packaging test keeps the two equal). */
export const DESKTOP_APP_ID = 'com.switchboard.desktop';

/** How long a confirmed quit waits for the renderer to hang up before quitting anyway. */
const HANG_UP_WAIT_MS = 3_000;

/** What `prepareDesktopIntegration` set up before the app was ready; `installDesktopIntegration` takes it over. */
export interface DesktopEarlyState {
  readonly inbox: CallLinkInbox;
  /** userData/desktop-settings.json: link opt-in, keep running in the tray. */
  readonly settings: DesktopSettingsStore;
  /** Set by install: brings our window to the front (links arriving before that just queue). */
  focusWindow: () => void;
}

/**
 * Before `app.whenReady()`: the single-instance lock, the main log, the link-scheme registration
 * and the listeners that receive call links (macOS delivers `open-url` before ready). Returns
 * null when another Switchboard already runs: it has been handed our arguments, and this process
 * is quitting — main.ts must not create a window then.
 */
export function prepareDesktopIntegration(): DesktopEarlyState | null {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  // Windows shows toast notifications only for an app with an AppUserModelID, and the NSIS
  // installer's shortcut carries the appId as that id: the two must match.
  if (process.platform === 'win32') app.setAppUserModelId(DESKTOP_APP_ID);
  const userData = app.getPath('userData');
  configureLogger(log as unknown as LoggerLike, { userDataPath: userData, verboseConsole: !app.isPackaged });

  const settings = DesktopSettingsStore.openSync(join(userData, DESKTOP_SETTINGS_FILE_NAME));
  const inbox = new CallLinkInbox({ linkOptions: () => linkOptionsFrom(settings.current.callLinks) });
  const early: DesktopEarlyState = { inbox, settings, focusWindow: () => {} };

  const receive = (raw: string | null, origin: string) => {
    if (raw === null) return;
    const { level, message } = inboxVerdictLine(inbox.receive(raw), origin);
    log[level](message);
  };
  const argvLink = (argv: readonly string[]) => findCallLinkArgument(argv, linkOptionsFrom(settings.current.callLinks));

  receive(argvLink(process.argv.slice(1)), 'command line');
  app.on('second-instance', (_event, argv) => {
    receive(argvLink(argv.slice(1)), 'second launch');
    early.focusWindow();
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    receive(url, 'open-url');
    early.focusWindow();
  });

  const registration = applyLinkSchemeRegistration(app, settings.current.callLinks, { isPackaged: app.isPackaged });
  if (registration.failed.length > 0) log.warn(`could not register link schemes: ${registration.failed.join(', ')}`);
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
  /** Registers a descriptor table through the shared helper (sender + payload checks). */
  readonly registerIpc: <T extends DescriptorTable>(table: T, handlers: HandlersFor<T>) => RegisteredTable<T>;
  /** True for our renderer's origin (`app://localhost`). */
  readonly isTrustedOrigin: (origin: string) => boolean;
  /** Signs the user out (the session module): used by the tray menu. */
  readonly signOut: () => Promise<unknown>;
}

export interface DesktopIntegration {
  /** From the renderer's latest report; false when it has not reported or has reloaded. */
  isCallActive(): boolean;
  /** For the session's permission request handler: asks macOS for camera/microphone before granting `media`. */
  osAllowsMedia(mediaTypes: ReadonlyArray<string>): Promise<boolean>;
}

export function installDesktopIntegration(context: DesktopIntegrationContext): DesktopIntegration {
  const { early } = context;
  const platform = process.platform;
  const mediaDeps = { platform, systemPreferences };
  let callState: DesktopCallState | null = null;
  let disruptionConfirmed = false;
  /** Set while a confirmed quit waits for the renderer to hang up. */
  let callEnded: (() => void) | null = null;
  /** A second Quit while the question is open must not stack a second dialog. */
  let asking = false;
  /** A real quit is under way: the window closes instead of hiding to the tray. */
  let quitting = false;
  const isCallActive = () => callState?.callActive ?? false;

  const focusWindow = () => {
    const window = context.getMainWindow();
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  early.focusWindow = focusWindow;

  // --- IPC -------------------------------------------------------------------------------------
  const confirm = nativeConfirm(dialog, context.getMainWindow);
  const powerSave = new CallPowerSaveGuard(powerSaveBlocker);
  const notifications = new Map<string, Notification>();
  let bounceId: number | null = null;

  const broker = new ScreenShareBroker({
    capturer: desktopCapturer,
    isTrustedOrigin: context.isTrustedOrigin,
    screenRecordingAccess: () => screenRecordingAccess(mediaDeps),
    askRenderer: (request) => {
      if (!context.getMainWindow()) return false;
      ipc.emit.onScreenSharePick(request);
      return true;
    },
    log: (message) => log.warn(message),
    confirm,
  });

  const updates = new UpdateCoordinator({
    updater: lazyUpdater(),
    policy: decideUpdatePolicy({
      isPackaged: app.isPackaged,
      updateVerification: readUpdateVerification(),
      feedConfigured: updateFeedConfigured(readTextOrNull(join(process.resourcesPath ?? '', 'app-update.yml'))),
      disabledByAdministrator: process.env.SWITCHBOARD_DISABLE_UPDATES === '1',
    }),
    isCallActive,
    publish: (state) => ipc.emit.onUpdateState(state),
    log: (message) => log.warn(message),
  });

  const ipc = context.registerIpc(desktopIpc, {
    reportCallState: (state) => applyCallState(state),
    takeCallLinks: () => early.inbox.take(),
    getCallLinkSettings: () => userFacingSettings(early.settings.current),
    setCallLinkSettings: async ({ keepRunningInTray, ...requested }) => {
      const callLinks = await confirmNewLinkSchemes(early.settings.current.callLinks, requested, confirm);
      const saved = await early.settings.update({ callLinks, keepRunningInTray });
      applyLinkSchemeRegistration(app, saved.callLinks, { isPackaged: app.isPackaged });
      return userFacingSettings(saved);
    },
    chooseScreenShareSource: ({ requestId, sourceId }) => broker.choose(requestId, sourceId),
    ensureMediaAccess: (request) => ensureMediaAccess(request, mediaDeps),
    openPrivacySettings: async (pane) => {
      const url = privacySettingsUrl(platform, pane);
      if (!url) return { ok: false, code: 'unsupported', message: 'This system has no such settings page.' };
      await shell.openExternal(url);
      return { ok: true };
    },
    getUpdateState: () => updates.current,
    restartToUpdate: () => {
      const result = updates.restartToUpdate();
      if (result.ok) disruptionConfirmed = true;
      return result;
    },
  });

  early.inbox.onLink((link) => {
    ipc.emit.onCallLinksPending({ count: early.inbox.size });
    log.info(`call link ${link.id} waiting for confirmation`);
    focusWindow();
  });
  if (early.inbox.size > 0) ipc.emit.onCallLinksPending({ count: early.inbox.size });

  // --- call state → tray, alerts, power-save, updates -----------------------------------------
  const tray = createTray();

  function applyCallState(next: DesktopCallState | null): void {
    const previous = callState;
    callState = next;
    if (!isCallActive()) callEnded?.();
    powerSave.update(isCallActive());
    updates.callStateChanged();
    updateTray();
    if (next) alertIncoming(previous, next);
  }

  function alertIncoming(previous: DesktopCallState | null, current: DesktopCallState): void {
    const window = context.getMainWindow();
    const plan = planIncomingCallAlert({
      previous,
      current,
      windowFocused: window?.isFocused() ?? false,
      notificationsSupported: Notification.isSupported(),
      bodyIsMarkup: platform === 'linux',
    });
    for (const id of plan.closeNotifications) {
      notifications.get(id)?.close();
      notifications.delete(id);
    }
    for (const alert of plan.notify) {
      const notification = new Notification({
        title: alert.title,
        body: alert.body,
        urgency: 'critical',
        timeoutType: 'never',
      });
      // The ringing screen is what the renderer shows while a call is incoming: bringing the window
      // forward is all a click needs to do.
      notification.on('click', focusWindow);
      notification.show();
      notifications.set(alert.id, notification);
    }
    if (plan.attention === true) {
      if (platform === 'darwin') bounceId = app.dock?.bounce('critical') ?? null;
      else window?.flashFrame(true);
    } else if (plan.attention === false) {
      if (platform === 'darwin' && bounceId !== null) app.dock?.cancelBounce(bounceId);
      bounceId = null;
      window?.flashFrame(false);
    }
    if (plan.badgeCount !== null) app.setBadgeCount(plan.badgeCount);
  }

  function createTray(): Tray | null {
    try {
      const created = new Tray(trayIconPath(trayStatusFrom(null)));
      created.on('click', focusWindow);
      return created;
    } catch (error) {
      // Some Linux desktops have no status area: the app works without a tray.
      log.warn(`no tray: ${(error as Error).message}`);
      return null;
    }
  }

  function updateTray(): void {
    if (!tray || tray.isDestroyed()) return;
    tray.setImage(trayIconPath(trayStatusFrom(callState)));
    tray.setToolTip(trayTooltip(callState, app.getName()));
    const template = trayMenuTemplate(callState, {
      show: focusWindow,
      signOut: () => void confirmThen('sign-out', () => void context.signOut()),
      quit: () => app.quit(),
    });
    tray.setContextMenu(Menu.buildFromTemplate(template as MenuItemConstructorOptions[]));
  }
  updateTray();

  // --- quitting, closing and signing out during a call -----------------------------------------
  async function confirmThen(action: DisruptiveAction, proceed: () => void): Promise<void> {
    if (decideQuit({ callActive: isCallActive(), confirmed: disruptionConfirmed }) === 'proceed') {
      proceed();
      return;
    }
    if (asking) return;
    const question = confirmationFor(action);
    const window = context.getMainWindow();
    const options = { type: 'warning' as const, ...question, defaultId: 0, cancelId: 0, noLink: true };
    asking = true;
    let response: number;
    try {
      ({ response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options));
    } finally {
      asking = false;
    }
    if (response !== 1) return;
    if (action !== 'sign-out') disruptionConfirmed = true;
    await hangUpFirst(action);
    proceed();
  }

  /** Lets the renderer end the call properly (the other side sees a hang-up, not a dropped line). */
  async function hangUpFirst(reason: DisruptiveAction): Promise<void> {
    if (!isCallActive() || !context.getMainWindow()) return;
    await new Promise<void>((done) => {
      const timer = setTimeout(done, HANG_UP_WAIT_MS);
      callEnded = () => {
        clearTimeout(timer);
        done();
      };
      ipc.emit.onHangUpRequest({ reason });
    });
    callEnded = null;
  }

  app.on('before-quit', (event) => {
    if (decideQuit({ callActive: isCallActive(), confirmed: disruptionConfirmed }) === 'proceed') {
      quitting = true;
      return;
    }
    event.preventDefault();
    void confirmThen('quit', () => app.quit());
  });
  // An update's quitAndInstall closes the windows before (macOS: instead of) before-quit.
  electronAutoUpdater.on('before-quit-for-update', () => {
    quitting = true;
  });
  // macOS: the dock icon brings a hidden window back.
  app.on('activate', focusWindow);

  const watchWindow = (window: BrowserWindow) => {
    window.on('close', (event) => {
      const decision = decideWindowClose({
        platform,
        quitting,
        keepRunningInTray: early.settings.current.keepRunningInTray,
        signedIn: isSignedIn(callState),
        trayAvailable: tray !== null && !tray.isDestroyed(),
        callActive: isCallActive(),
        disruptionConfirmed,
      });
      if (decision === 'close') return;
      event.preventDefault();
      if (decision === 'hide') hideWindow(window);
      else void confirmThen('close-window', () => window.close());
    });
    // Windows logging off or shutting down: let the window close rather than hide.
    window.on('session-end', () => {
      quitting = true;
    });
    // A reloaded or crashed renderer has no call any more: forget what it reported.
    const forget = () => {
      broker.cancelPending();
      applyCallState(null);
    };
    window.webContents.on('render-process-gone', forget);
    window.webContents.on('did-start-loading', forget);
  };
  function hideWindow(window: BrowserWindow): void {
    // A full-screen window hidden on macOS leaves an empty black space: leave full screen first.
    if (window.isFullScreen()) {
      window.once('leave-full-screen', () => window.hide());
      window.setFullScreen(false);
    } else {
      window.hide();
    }
    tellOnceAboutTray();
  }

  function tellOnceAboutTray(): void {
    const channel = trayNoticeChannel({
      platform,
      noticeShown: early.settings.current.trayNoticeShown,
      notificationsSupported: Notification.isSupported(),
      trayAvailable: tray !== null && !tray.isDestroyed(),
    });
    if (!channel) return;
    const { title, body } = trayNoticeText(app.getName());
    if (channel === 'notification') {
      const notice = new Notification({ title, body });
      notice.on('click', focusWindow);
      notice.show();
    } else {
      tray?.displayBalloon({ title, content: body, iconType: 'info' });
    }
    early.settings.update({ trayNoticeShown: true }).catch((error: Error) => {
      // Worst case the notice shows once more after a restart.
      log.warn(`could not save that the tray notice was shown: ${error.message}`);
    });
  }

  const existing = context.getMainWindow();
  if (existing) watchWindow(existing);
  app.on('browser-window-created', (_event, window) => watchWindow(window));

  // --- screen share, menu, updates -------------------------------------------------------------
  context.session.setDisplayMediaRequestHandler(
    (request, callback) => void broker.handleRequest(request, (grant) => callback(grant)),
    // macOS 15+: the system picker (Electron skips our handler there); our picker everywhere else.
    { useSystemPicker: true },
  );

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate(
        { platform, appName: app.getName(), isPackaged: app.isPackaged },
        { openLogsFolder: () => void shell.openPath(logDirectory(app.getPath('userData'))) },
      ) as MenuItemConstructorOptions[],
    ),
  );

  updates.start();

  return {
    isCallActive,
    osAllowsMedia: (mediaTypes) => osAllowsMedia(mediaTypes, mediaDeps),
  };
}

function trayIconPath(status: ReturnType<typeof trayStatusFrom>): string {
  const folder = app.isPackaged ? join(process.resourcesPath, 'tray') : join(app.getAppPath(), 'build', 'tray');
  return join(folder, trayIconFileName(status));
}

/** The release workflow sets `switchboard.updateVerification` in the packaged package.json (extraMetadata). */
function readUpdateVerification(): UpdateVerification {
  try {
    return updateVerificationFrom(JSON.parse(readFileSync(join(app.getAppPath(), 'package.json'), 'utf8')));
  } catch {
    return 'none';
  }
}

function readTextOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** electron-updater creates its updater on first access: touch it only when updates are on. */
function lazyUpdater(): UpdaterLike {
  let updater: UpdaterLike | null = null;
  const get = (): UpdaterLike => {
    if (!updater) {
      autoUpdater.logger = log;
      updater = autoUpdater as unknown as UpdaterLike;
    }
    return updater;
  };
  return {
    get autoDownload() {
      return get().autoDownload;
    },
    set autoDownload(value) {
      get().autoDownload = value;
    },
    get autoInstallOnAppQuit() {
      return get().autoInstallOnAppQuit;
    },
    set autoInstallOnAppQuit(value) {
      get().autoInstallOnAppQuit = value;
    },
    checkForUpdates: () => get().checkForUpdates(),
    quitAndInstall: (isSilent, isForceRunAfter) => get().quitAndInstall(isSilent, isForceRunAfter),
    on: ((event: string, listener: (...args: unknown[]) => void) =>
      (get().on as (e: string, l: (...args: unknown[]) => void) => unknown)(event, listener)) as UpdaterLike['on'],
  };
}
