import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Clock, SessionState } from '../../common/ipc';
import { DEFAULT_CLOCK } from '../strings';
import type { AppConfigState, ConfigStore } from './config-store';
import type { SessionStore } from './session-store';

export const SessionContext = createContext<SessionStore | null>(null);
export const ConfigContext = createContext<ConfigStore | null>(null);

export function useSession(): SessionState {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSession needs <App> above it');
  return useSyncExternalStore(store.subscribe, store.getState);
}

/** The configuration main pushes: re-renders on every change, whoever made it. */
export function useAppConfig(): AppConfigState {
  const store = useContext(ConfigContext);
  if (!store) throw new Error('useAppConfig needs <App> above it');
  return useSyncExternalStore(store.subscribe, store.getState);
}

/** How the OS writes times (main's AppConfig.clock), for renderer/strings/time-format.ts. */
export function useClock(): Clock {
  return useAppConfig().config?.clock ?? DEFAULT_CLOCK;
}
