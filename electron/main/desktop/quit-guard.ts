/**
 * Quitting (or closing the window, or signing out from the tray) during a call drops the call, so
 * the user is asked first. One decision function; the Electron glue shows the dialog.
 */

export type QuitDecision = 'proceed' | 'ask';

export interface QuitFacts {
  readonly callActive: boolean;
  /** The user already said "hang up and quit" for this quit. */
  readonly confirmed: boolean;
}

export function decideQuit(facts: QuitFacts): QuitDecision {
  return facts.callActive && !facts.confirmed ? 'ask' : 'proceed';
}

export type DisruptiveAction = 'quit' | 'close-window' | 'sign-out';

/** The question and buttons for Electron's `dialog.showMessageBox`; button 0 is the safe one. */
export function confirmationFor(action: DisruptiveAction): {
  message: string;
  detail: string;
  buttons: [string, string];
} {
  const verb = { quit: 'Quit', 'close-window': 'Close', 'sign-out': 'Sign out' }[action];
  return {
    message: 'A call is in progress',
    detail: `${verb === 'Close' ? 'Closing Switchboard' : `${verb === 'Quit' ? 'Quitting' : 'Signing out'}`} will hang up the call.`,
    buttons: ['Stay in the call', `Hang up and ${verb.toLowerCase()}`],
  };
}
