/**
 * The caller id phone calls go out with (`config.alternateCallerId`: the user's override, else the
 * backend's). Read through the renderer bridge once per mount; `unavailable` when the page runs
 * without Switchboard's preload (so the dialer can still say so rather than crash).
 */
import { useEffect, useState } from 'react';
import type { AppConfig } from '../../../common/ipc';
import { windowBridge } from '../../bridge';

export type CallerIdState =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'ready'; callerId: string | null; source: AppConfig['alternateCallerIdSource'] };

export function useAlternateCallerId(): CallerIdState {
  const [state, setState] = useState<CallerIdState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    let config: Promise<AppConfig>;
    try {
      config = windowBridge().config.get();
    } catch {
      setState({ status: 'unavailable' });
      return;
    }
    config.then(
      (value) => {
        if (live)
          setState({ status: 'ready', callerId: value.alternateCallerId, source: value.alternateCallerIdSource });
      },
      () => {
        if (live) setState({ status: 'unavailable' });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
