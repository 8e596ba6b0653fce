/**
 * The tray icon and menu, and closing the window to the tray (decisions: tray-state.ts,
 * window-close.ts). Electron glue only.
 */
import { join } from 'node:path';
import { app, type BrowserWindow, Menu, type MenuItemConstructorOptions, Notification, Tray } from 'electron';
import log from 'electron-log/main';
import { onMainLanguageChange } from '../strings/main-i18n';
import type { DesktopContext } from './desktop-context';
import type { QuitGuard } from './install-quit-guard';
import { isSignedIn, trayIconFileName, trayMenuTemplate, trayStatusFrom, trayTooltip } from './tray-state';
import { decideWindowClose, trayNoticeChannel, trayNoticeText } from './window-close';

export function installTray(context: DesktopContext, quitGuard: QuitGuard, signOut: () => Promise<unknown>): void {
  const { calls, early, platform } = context;
  const tray = createTray(context.focusWindow);
  const trayAvailable = () => tray !== null && !tray.isDestroyed();

  function updateTray(): void {
    if (!tray || tray.isDestroyed()) return;
    tray.setImage(trayIconPath(trayStatusFrom(calls.current)));
    tray.setToolTip(trayTooltip(calls.current, app.getName()));
    const template = trayMenuTemplate(calls.current, {
      show: context.focusWindow,
      signOut: () => void quitGuard.confirmThen('sign-out', () => void signOut()),
      quit: () => app.quit(),
    });
    tray.setContextMenu(Menu.buildFromTemplate(template as MenuItemConstructorOptions[]));
  }
  calls.onChange(updateTray);
  // The tooltip and menu stay on screen: say them again at once in a newly chosen language.
  onMainLanguageChange(updateTray);
  updateTray();

  // macOS: the dock icon brings a hidden window back.
  app.on('activate', context.focusWindow);

  context.onWindow((window) => {
    window.on('close', (event) => {
      const decision = decideWindowClose({
        platform,
        quitting: quitGuard.quitting,
        keepRunningInTray: early.settings.current.keepRunningInTray,
        signedIn: isSignedIn(calls.current),
        trayAvailable: trayAvailable(),
        callActive: calls.isCallActive(),
        disruptionConfirmed: quitGuard.disruptionConfirmed,
      });
      if (decision === 'close') return;
      event.preventDefault();
      if (decision === 'hide') hideWindow(window);
      else void quitGuard.confirmThen('close-window', () => window.close());
    });
  });

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
      trayAvailable: trayAvailable(),
    });
    if (!channel) return;
    const { title, body } = trayNoticeText(app.getName());
    if (channel === 'notification') {
      const notice = new Notification({ title, body });
      notice.on('click', context.focusWindow);
      notice.show();
    } else {
      tray?.displayBalloon({ title, content: body, iconType: 'info' });
    }
    early.settings.update({ trayNoticeShown: true }).catch((error: Error) => {
      // Worst case the notice shows once more after a restart.
      log.warn(`could not save that the tray notice was shown: ${error.message}`);
    });
  }
}

function createTray(onClick: () => void): Tray | null {
  try {
    const created = new Tray(trayIconPath(trayStatusFrom(null)));
    created.on('click', onClick);
    return created;
  } catch (error) {
    // Some Linux desktops have no status area: the app works without a tray.
    log.warn(`no tray: ${(error as Error).message}`);
    return null;
  }
}

function trayIconPath(status: ReturnType<typeof trayStatusFrom>): string {
  const folder = app.isPackaged ? join(process.resourcesPath, 'tray') : join(app.getAppPath(), 'build', 'tray');
  return join(folder, trayIconFileName(status));
}
