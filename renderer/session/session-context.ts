import { createContext, useContext, useSyncExternalStore } from 'react';
import type { SessionState } from '../../common/ipc';
import type { RendererBridge } from '../bridge';
import type { SessionStore } from './session-store';

export const BridgeContext = createContext<RendererBridge | null>(null);
export const SessionContext = createContext<SessionStore | null>(null);

export function useBridge(): RendererBridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge needs <App> above it');
  return bridge;
}

export function useSession(): SessionState {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSession needs <App> above it');
  return useSyncExternalStore(store.subscribe, store.getState);
}
