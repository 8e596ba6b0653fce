/**
 * Runs an intent (an async action) from a button: tracks that it is in flight, so the button can
 * show it and refuse a double click, and keeps its failure as a message for an inline banner.
 */
import { useCallback, useRef, useState } from 'react';

export interface ActionRunner {
  busy: boolean;
  error: string | null;
  run(action: () => Promise<unknown>): Promise<void>;
  clearError(): void;
}

/**
 * `exclusive` (default): a second run while one is in flight is ignored (a double click on
 * "Call" places one call). Not exclusive: every run goes ahead (mute then camera, clicked quickly,
 * must both happen); `busy` is true while any is in flight.
 */
export function useAction(options: { exclusive?: boolean } = {}): ActionRunner {
  const exclusive = options.exclusive ?? true;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(0);
  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      if (exclusive && inFlight.current > 0) return;
      inFlight.current += 1;
      setBusy(true);
      setError(null);
      try {
        await action();
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : String(failure));
      } finally {
        inFlight.current -= 1;
        if (inFlight.current === 0) setBusy(false);
      }
    },
    [exclusive],
  );
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
