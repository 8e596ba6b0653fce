/**
 * A `window.switchboard` for the call screens' tests: `config` answers with the caller id the
 * test chooses, `history` is an in-memory history with the same rules as main's store
 * (newest first, favourites de-duplicated). Only the namespaces the call screens use.
 */
import type { AppConfig, SwitchboardBridge } from '../../../../common/ipc';
import type { CallHistory, RecentCallInput } from '../../../../common/ipc/history';
import { resetWindowHistoryClient } from '../../../../renderer/history/history-client';

export interface FakeBridge {
  history: CallHistory;
  recorded: RecentCallInput[];
  uninstall(): void;
}

export function installFakeBridge(
  options: { callerId?: string | null; history?: Partial<CallHistory> } = {},
): FakeBridge {
  const state: FakeBridge = {
    history: { recents: [], favourites: [], ...options.history },
    recorded: [],
    uninstall: () => {
      delete (globalThis as Record<string, unknown>).switchboard;
      resetWindowHistoryClient();
    },
  };
  let nextId = 1;
  const snapshot = async () => structuredClone(state.history);
  const config: AppConfig = {
    backendUrl: 'https://calls.example.com',
    backendUrlSource: 'user',
    backendUrlLocked: false,
    alternateCallerId: options.callerId === undefined ? '+14255550123' : options.callerId,
    alternateCallerIdSource: options.callerId === null ? 'none' : 'backend',
  };
  const history: SwitchboardBridge['history'] = {
    get: snapshot,
    recordCall: async (call) => {
      state.recorded.push(call);
      state.history.recents = [{ ...call, id: `r${nextId++}` }, ...state.history.recents].slice(0, 50);
      return snapshot();
    },
    removeRecent: async ({ id }) => {
      state.history.recents = state.history.recents.filter((r) => r.id !== id);
      return snapshot();
    },
    clearRecents: async () => {
      state.history.recents = [];
      return snapshot();
    },
    addFavourite: async (favourite) => {
      state.history.favourites = [
        { ...favourite, id: `f${nextId++}`, addedAt: Date.now() },
        ...state.history.favourites,
      ];
      return snapshot();
    },
    removeFavourite: async ({ id }) => {
      state.history.favourites = state.history.favourites.filter((f) => f.id !== id);
      return snapshot();
    },
  };
  const bridge: Partial<SwitchboardBridge> = {
    config: {
      get: async () => config,
      set: async () => ({ ok: true, config }),
      test: async () => ({ ok: false, code: 'unsupported', message: 'not in this test' }),
    },
    history,
    session: {
      get: async () => ({ status: 'signed-out' }),
      signIn: async () => ({ ok: false, code: 'unsupported', message: 'not in this test' }),
      signOut: async () => ({ status: 'signed-out' }),
      cancelSignIn: () => {},
      endOrganisationSession: async () => false,
      onChange: () => () => {},
    },
    token: {
      get: async () => ({ ok: false, code: 'unsupported', message: 'not in this test' }),
      abort: () => {},
    },
  };
  resetWindowHistoryClient();
  (globalThis as Record<string, unknown>).switchboard = bridge;
  return state;
}
