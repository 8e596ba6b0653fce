/**
 * Quitting, closing and signing out during a call ask first (decisions: quit-guard.ts); a confirmed
 * quit lets the renderer hang up properly before the app goes. Electron glue only.
 */
import { app, dialog, autoUpdater as electronAutoUpdater } from 'electron';
import type { DesktopContext } from './desktop-context';
import { confirmationFor, type DisruptiveAction, decideQuit } from './quit-guard';

/** How long a confirmed quit waits for the renderer to hang up before quitting anyway. */
const HANG_UP_WAIT_MS = 3_000;

export interface QuitGuard {
  /** Runs `proceed` at once outside a call; during one, only after the user confirms `action`. */
  confirmThen(action: DisruptiveAction, proceed: () => void): Promise<void>;
  /** The user already agreed to disrupt the call (e.g. "Restart to update"): do not ask again. */
  confirmDisruption(): void;
  readonly disruptionConfirmed: boolean;
  /** A real quit is under way: the window closes instead of hiding to the tray. */
  readonly quitting: boolean;
  markQuitting(): void;
}

export function installQuitGuard(context: DesktopContext): QuitGuard {
  const { calls } = context;
  let disruptionConfirmed = false;
  let quitting = false;
  /** A second Quit while the question is open must not stack a second dialog. */
  let asking = false;
  /** Set while a confirmed quit waits for the renderer to hang up. */
  let callEnded: (() => void) | null = null;

  calls.onChange(() => {
    if (!calls.isCallActive()) callEnded?.();
  });

  async function confirmThen(action: DisruptiveAction, proceed: () => void): Promise<void> {
    if (decideQuit({ callActive: calls.isCallActive(), confirmed: disruptionConfirmed }) === 'proceed') {
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
    if (!calls.isCallActive() || !context.getMainWindow()) return;
    await new Promise<void>((done) => {
      const timer = setTimeout(done, HANG_UP_WAIT_MS);
      callEnded = () => {
        clearTimeout(timer);
        done();
      };
      context.events.onHangUpRequest({ reason });
    });
    callEnded = null;
  }

  app.on('before-quit', (event) => {
    if (decideQuit({ callActive: calls.isCallActive(), confirmed: disruptionConfirmed }) === 'proceed') {
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
  context.onWindow((window) => {
    // Windows logging off or shutting down: let the window close rather than hide.
    window.on('session-end', () => {
      quitting = true;
    });
  });

  return {
    confirmThen,
    confirmDisruption: () => {
      disruptionConfirmed = true;
    },
    get disruptionConfirmed() {
      return disruptionConfirmed;
    },
    get quitting() {
      return quitting;
    },
    markQuitting: () => {
      quitting = true;
    },
  };
}
