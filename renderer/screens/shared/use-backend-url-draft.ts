/**
 * The backend address as the user is typing it, on the sign-in and settings screens. Starts at
 * (and follows) the configured address main pushes, and is checked here, once, with the rule main
 * enforces (common/backend-url.ts): the field shows the problem inline, the forms send the
 * normalised address. Main parses again on `config.set`; its answer is the one that counts.
 *
 * It also holds whether the problem is shown yet (`touched`) and what "Test connection" found for
 * this address (`tested`), so the screen around the field can show each problem once and drop its
 * own stale error when the address is fixed or a test answers.
 */
import { useEffect, useMemo, useState } from 'react';
import { type BackendUrlResult, parseBackendUrl } from '../../../common/backend-url';
import type { ConfigTestResult } from '../../../common/ipc';

export interface BackendUrlDraft {
  readonly value: string;
  readonly checked: BackendUrlResult;
  /** The user left the field or tried to use the address: its problem is shown inline. */
  readonly touched: boolean;
  /** What "Test connection" found for this value; null before a test and after an edit. */
  readonly tested: ConfigTestResult | null;
  set(value: string): void;
  touch(): void;
  setTested(result: ConfigTestResult | null): void;
}

export function useBackendUrlDraft(configured: string | null | undefined): BackendUrlDraft {
  const [value, setValue] = useState('');
  const [touched, setTouched] = useState(false);
  const [tested, setTested] = useState<ConfigTestResult | null>(null);
  useEffect(() => {
    if (configured) setValue(configured);
  }, [configured]);
  const checked = useMemo(() => parseBackendUrl(value), [value]);
  return {
    value,
    checked,
    touched,
    tested,
    set: (next) => {
      setValue(next);
      setTested(null);
    },
    touch: () => setTouched(true),
    setTested,
  };
}

/**
 * Calls `clear` (the screen's own error about the address) once it is stale: the user typed a
 * valid address, or "Test connection" answered, whose result is then the newer word on it.
 */
export function useClearWhenAddressSettles(draft: BackendUrlDraft, clear: () => void): void {
  const { value, tested } = draft;
  const valid = draft.checked.ok;
  // `clear` is a state setter's wrapper, new each render: only the address and the test matter.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the typed address changes
  useEffect(() => {
    if (valid) clear();
  }, [value, valid]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a test answers
  useEffect(() => {
    if (tested) clear();
  }, [tested]);
}
