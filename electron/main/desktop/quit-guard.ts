/**
 * Quitting (or closing the window, or signing out from the tray) during a call drops the call, so
 * the user is asked first. One decision function; the Electron glue shows the dialog.
 */
import { type CallDisruption, callInProgressWords } from '../strings/desktop';

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

const DISRUPTION_WORDS: Record<DisruptiveAction, CallDisruption> = {
  quit: 'quit',
  'close-window': 'closeWindow',
  'sign-out': 'signOut',
};

/**
 * The question and buttons for Electron's `dialog.showMessageBox`, in the language in force;
 * button 0 is the safe one.
 */
export function confirmationFor(action: DisruptiveAction): {
  message: string;
  detail: string;
  buttons: [string, string];
} {
  const words = DISRUPTION_WORDS[action];
  return {
    message: callInProgressWords.message(),
    detail: callInProgressWords.detail(words),
    buttons: [callInProgressWords.stay(), callInProgressWords.hangUpAnd(words)],
  };
}
