import { createContext, useContext } from 'react';
import type { RendererBridge } from '.';

/** The window's one bridge to main, provided by <App> (renderer/app/App.tsx). */
export const BridgeContext = createContext<RendererBridge | null>(null);

export function useBridge(): RendererBridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge needs <App> above it');
  return bridge;
}
