/**
 * The main-process side of `historyIpc`: one handler per descriptor, each a one-line call into
 * the store. Registered with `registerIpcTable(historyIpc, createHistoryHandlers(store), …)`,
 * which checks the sender and validates every payload before these run.
 */
import type { historyIpc } from '../../../common/ipc/history';
import type { HandlersFor } from '../ipc/register';
import type { HistoryStore } from './history-store';

export function createHistoryHandlers(store: HistoryStore): HandlersFor<typeof historyIpc> {
  return {
    get: () => store.get(),
    recordCall: (call) => store.recordCall(call),
    removeRecent: ({ id }) => store.removeRecent(id),
    clearRecents: () => store.clearRecents(),
    addFavourite: (favourite) => store.addFavourite(favourite),
    removeFavourite: ({ id }) => store.removeFavourite(id),
  };
}
