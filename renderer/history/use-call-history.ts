import { useEffect, useSyncExternalStore } from 'react';
import { type HistoryClient, type HistorySnapshot, windowHistoryClient } from './history-client';

/** Recent calls and favourites for a component, loaded on first use. */
export function useCallHistory(): { snapshot: HistorySnapshot; client: HistoryClient } {
  const client = windowHistoryClient();
  const snapshot = useSyncExternalStore(client.subscribe, client.getSnapshot);
  useEffect(() => {
    void client.load();
  }, [client]);
  return { snapshot, client };
}
