import { useEffect, useSyncExternalStore } from 'react';
import type { HistoryClient, HistorySnapshot } from './history-client';
import { useHistoryClient } from './history-context';

/** Recent calls and favourites for a component, loaded on first use. */
export function useCallHistory(): { snapshot: HistorySnapshot; client: HistoryClient } {
  const client = useHistoryClient();
  const snapshot = useSyncExternalStore(client.subscribe, client.getSnapshot);
  useEffect(() => {
    void client.load();
  }, [client]);
  return { snapshot, client };
}
