/**
 * The renderer's side of recent calls and favourites: the bridge's `history` (main keeps the
 * file) wrapped in a tiny subscribable cache so every list on screen shows the same data. One per
 * window, made by renderer/app/services.ts and provided by history-context.ts.
 */
import type { CallHistory, CallTargetRecord, FavouriteInput, RecentCallInput } from '../../common/ipc/history';
import type { HistoryApi } from '../bridge';
import type { CallTarget } from '../calling/model';

// The IPC schema and the calling model describe the same targets: if either changes without the
// other, one of these lines stops compiling.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const targetsMatch: Same<CallTarget, CallTargetRecord> = true;
void targetsMatch;

export type HistorySnapshot =
  | { status: 'loading' }
  | { status: 'unavailable'; reason: string }
  | { status: 'ready'; history: CallHistory };

export interface HistoryClient {
  getSnapshot(): HistorySnapshot;
  subscribe(listener: () => void): () => void;
  /** Loads once; later calls return the same promise. */
  load(): Promise<void>;
  recordCall(call: RecentCallInput): Promise<void>;
  removeRecent(id: string): Promise<void>;
  clearRecents(): Promise<void>;
  addFavourite(favourite: FavouriteInput): Promise<void>;
  removeFavourite(id: string): Promise<void>;
}

export function createHistoryClient(api: HistoryApi): HistoryClient {
  let snapshot: HistorySnapshot = { status: 'loading' };
  const listeners = new Set<() => void>();
  let loading: Promise<void> | null = null;

  const publish = (next: HistorySnapshot) => {
    snapshot = next;
    for (const listener of listeners) listener();
  };
  const apply = async (change: (history: HistoryApi) => Promise<CallHistory>) => {
    publish({ status: 'ready', history: await change(api) });
  };

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    load() {
      loading ??= api.get().then(
        (history) => publish({ status: 'ready', history }),
        (error: unknown) => {
          // The next screen that needs the lists tries again.
          loading = null;
          publish({ status: 'unavailable', reason: String((error as Error)?.message ?? error) });
        },
      );
      return loading;
    },
    recordCall: (call) => apply((h) => h.recordCall(call)),
    removeRecent: (id) => apply((h) => h.removeRecent({ id })),
    clearRecents: () => apply((h) => h.clearRecents()),
    addFavourite: (favourite) => apply((h) => h.addFavourite(favourite)),
    removeFavourite: (id) => apply((h) => h.removeFavourite({ id })),
  };
}
