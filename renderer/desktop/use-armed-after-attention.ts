/**
 * A button that acts on something another app or a web page asked for (a call link) must not be
 * pressable by a keystroke meant for somewhere else: main brings the window forward, and an Enter
 * or Space typed a moment earlier would land on it. As browsers do for permission prompts, the
 * action arms only after what it acts on has been shown in a window that is visible *and*
 * focused for a while; losing either starts the wait again.
 */
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';

/** How long the dialog must have been in front of the user before its action works. */
export const ARM_DELAY_MS = 1_000;

/** Schedules the arming; returns the cancel. Tests provide a clock they advance by hand. */
export interface ArmingClock {
  after(ms: number, run: () => void): () => void;
}

export const realArmingClock: ArmingClock = {
  after(ms, run) {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};

export const ArmingClockContext = createContext<ArmingClock>(realArmingClock);

function isAttending(): boolean {
  return document.visibilityState === 'visible' && document.hasFocus();
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('focus', onChange);
  window.addEventListener('blur', onChange);
  document.addEventListener('visibilitychange', onChange);
  return () => {
    window.removeEventListener('focus', onChange);
    window.removeEventListener('blur', onChange);
    document.removeEventListener('visibilitychange', onChange);
  };
}

/**
 * False until `shown` (what the action acts on is on screen) has held in a visible, focused window
 * for `delayMs` without interruption.
 */
export function useArmedAfterAttention(shown: boolean, delayMs: number = ARM_DELAY_MS): boolean {
  const clock = useContext(ArmingClockContext);
  const attending = useSyncExternalStore(subscribe, isAttending);
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    setArmed(false);
    if (!attending || !shown) return;
    return clock.after(delayMs, () => setArmed(true));
  }, [attending, shown, delayMs, clock]);
  return armed;
}
