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

export function useAction(): ActionRunner {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
