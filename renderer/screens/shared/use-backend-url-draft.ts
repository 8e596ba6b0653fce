/**
 * The backend address as the user is typing it, on the sign-in and settings screens. Starts at
 * (and follows) the configured address main pushes, and is checked here, once, with the rule main
 * enforces (common/backend-url.ts): the field shows the problem inline, the forms send the
 * normalised address. Main parses again on `config.set`; its answer is the one that counts.
 */
import { useEffect, useMemo, useState } from 'react';
import { type BackendUrlResult, parseBackendUrl } from '../../../common/backend-url';

export interface BackendUrlDraft {
  readonly value: string;
  readonly checked: BackendUrlResult;
  set(value: string): void;
}

export function useBackendUrlDraft(configured: string | null | undefined): BackendUrlDraft {
  const [value, setValue] = useState('');
  useEffect(() => {
    if (configured) setValue(configured);
  }, [configured]);
  const checked = useMemo(() => parseBackendUrl(value), [value]);
  return { value, checked, set: setValue };
}
