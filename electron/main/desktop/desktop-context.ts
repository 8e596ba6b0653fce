/**
 * What every desktop glue file (`install-*.ts` beside the decision module it wires) receives from
 * `installDesktopIntegration`: the window, the call state, and the desktop table's events.
 */
import type { BrowserWindow } from 'electron';
import type { desktopIpc } from '../../../common/ipc/desktop';
import type { EmittersFor, HandlersFor } from '../ipc/register';
import type { CallLinkInbox } from './call-link-inbox';
import type { CallStateHub } from './call-state-hub';
import type { DesktopSettingsStore } from './desktop-settings';

/** What `prepareDesktopIntegration` set up before the app was ready; `installDesktopIntegration` takes it over. */
export interface DesktopEarlyState {
  readonly inbox: CallLinkInbox;
  /** userData/desktop-settings.json: link opt-in, keep running in the tray. */
  readonly settings: DesktopSettingsStore;
  /** Set by install: brings our window to the front (links arriving before that just queue). */
  focusWindow: () => void;
}

export interface DesktopContext {
  readonly platform: NodeJS.Platform;
  readonly early: DesktopEarlyState;
  /** The Switchboard window, or null while there is none. */
  readonly getMainWindow: () => BrowserWindow | null;
  /** Restores, shows and focuses the window. */
  readonly focusWindow: () => void;
  readonly calls: CallStateHub;
  /** The desktop table's main → renderer events. */
  readonly events: EmittersFor<typeof desktopIpc>;
  /** Runs `watch` for the window that exists now and for every window created later. */
  readonly onWindow: (watch: (window: BrowserWindow) => void) => void;
}

/** The part of the desktop table's handlers one glue file provides. */
export type DesktopHandlers<K extends keyof HandlersFor<typeof desktopIpc>> = Pick<HandlersFor<typeof desktopIpc>, K>;
