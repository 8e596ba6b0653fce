/**
 * What closing the Switchboard window does. A calling client must keep ringing with its window
 * closed, so on Windows and Linux a signed-in Switchboard hides to the tray (unless the user
 * turned that off, or there is no tray to come back from); on macOS the window hides and the app
 * stays in the dock, as Mac apps do. A real quit (tray/app menu, Cmd+Q, an update, the OS logging
 * off) closes it for good — the quit guard has asked about any call by then. Pure decisions; the
 * Electron glue hides, closes or asks.
 */
import { trayWords } from '../strings/desktop';
import { decideQuit } from './quit-guard';

/** `ask`: closing for real would hang up a call — the quit guard's question first. */
export type WindowCloseDecision = 'hide' | 'close' | 'ask';

export interface WindowCloseFacts {
  readonly platform: NodeJS.Platform;
  /** The app is quitting (before-quit went ahead, an update installs, the OS session ends). */
  readonly quitting: boolean;
  /** The user's setting "Keep running in the tray when the window is closed". */
  readonly keepRunningInTray: boolean;
  /** Someone is signed in: there are calls to ring. */
  readonly signedIn: boolean;
  /** A tray icon exists to bring the window back (some Linux desktops have none). */
  readonly trayAvailable: boolean;
  readonly callActive: boolean;
  /** The user already said "hang up" for this close. */
  readonly disruptionConfirmed: boolean;
}

export function decideWindowClose(facts: WindowCloseFacts): WindowCloseDecision {
  if (facts.quitting) return 'close';
  // macOS: closing a window never quits an app; the dock icon (`activate`) brings it back.
  if (facts.platform === 'darwin') return 'hide';
  if (facts.keepRunningInTray && facts.signedIn && facts.trayAvailable) return 'hide';
  return decideQuit({ callActive: facts.callActive, confirmed: facts.disruptionConfirmed }) === 'ask' ? 'ask' : 'close';
}

/** How the one-time notice reaches the user, or null when this system offers neither way. */
export type TrayNoticeChannel = 'notification' | 'balloon';

export interface TrayNoticeFacts {
  readonly platform: NodeJS.Platform;
  /** Already told once (persisted). */
  readonly noticeShown: boolean;
  readonly notificationsSupported: boolean;
  readonly trayAvailable: boolean;
}

/**
 * The first time the window hides to the tray, say once that Switchboard keeps running. Not on
 * macOS, where a closed window leaving the app running is what everyone expects.
 */
export function trayNoticeChannel(facts: TrayNoticeFacts): TrayNoticeChannel | null {
  if (facts.noticeShown || facts.platform === 'darwin') return null;
  if (facts.notificationsSupported) return 'notification';
  // Windows tray balloons work without notification support (e.g. no AppUserModelID shortcut yet).
  if (facts.platform === 'win32' && facts.trayAvailable) return 'balloon';
  return null;
}

export function trayNoticeText(appName: string): { title: string; body: string } {
  return trayWords.stillRunning(appName);
}
