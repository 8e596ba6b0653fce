/**
 * The caller id phone calls go out with (`config.alternateCallerId`: the user's override, else the
 * backend's), from the configuration main pushes; `unavailable` when main's configuration could
 * not be read (so the dialer can still say so rather than crash).
 */
import type { AppConfig } from '../../../common/ipc';
import { useAppConfig } from '../../session/session-context';

export type CallerIdState =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'ready'; callerId: string | null; source: AppConfig['alternateCallerIdSource'] };

export function useAlternateCallerId(): CallerIdState {
  const { config, error } = useAppConfig();
  if (config) return { status: 'ready', callerId: config.alternateCallerId, source: config.alternateCallerIdSource };
  return error === null ? { status: 'loading' } : { status: 'unavailable' };
}
