import { createContext, useContext } from 'react';
import type { HistoryClient } from './history-client';

/** The window's one history client (renderer/app/services.ts), so every list shows the same data. */
export const HistoryContext = createContext<HistoryClient | null>(null);

export function useHistoryClient(): HistoryClient {
  const client = useContext(HistoryContext);
  if (!client) throw new Error('useHistoryClient needs <App> above it');
  return client;
}
