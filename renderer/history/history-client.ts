/**
 * The renderer's side of recent calls and favourites: `window.switchboard.history` (main keeps
 * the file) wrapped in a tiny subscribable cache so every list on screen shows the same data.
 */
import type { SwitchboardBridge } from '../../common/ipc';
import type { CallHistory, CallTargetRecord, FavouriteInput, RecentCallInput } from '../../common/ipc/history';
// names.ts, not the index: a value import from common/ipc would pull every schema (zod) in.
import { BRIDGE_GLOBAL } from '../../common/ipc/names';
import type { CallTarget } from '../calling/model';

// The IPC schema and the calling model describe the same targets: if either changes without the
// other, one of these lines stops compiling.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const targetsMatch: Same<CallTarget, CallTargetRecord> = true;
void targetsMatch;

export type HistoryApi = SwitchboardBridge['history'];

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

export function createHistoryClient(api: HistoryApi | undefined): HistoryClient {
  let snapshot: HistorySnapshot = api
    ? { status: 'loading' }
    : { status: 'unavailable', reason: `window.${BRIDGE_GLOBAL}.history is missing` };
  const listeners = new Set<() => void>();
  let loading: Promise<void> | null = null;

  const publish = (next: HistorySnapshot) => {
    snapshot = next;
    for (const listener of listeners) listener();
  };
  const apply = async (change: (history: HistoryApi) => Promise<CallHistory>) => {
    if (!api) throw new Error('Recent calls are not available in this window.');
    publish({ status: 'ready', history: await change(api) });
  };

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    load() {
      if (!api) return Promise.resolve();
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

let shared: HistoryClient | null = null;

/** The window's one client, over `window.switchboard.history` when the preload provides it. */
export function windowHistoryClient(): HistoryClient {
  if (!shared) {
    const bridge = (globalThis as unknown as Record<string, Partial<SwitchboardBridge> | undefined>)[BRIDGE_GLOBAL];
    shared = createHistoryClient(bridge?.history);
  }
  return shared;
}

/** Tests install a fresh bridge per test; this forgets the cached client. */
export function resetWindowHistoryClient(): void {
  shared = null;
}
