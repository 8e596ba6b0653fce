/**
 * A hand-written bridge for DOM tests: main's side played by the test (session and config events,
 * config answers), an in-memory history with the same rules as main's store, and the desktop fake.
 */
import type { DirectoryPerson } from '../../../../common/backend-contract';
import type {
  AppConfig,
  ConfigSetResult,
  ConfigTestResult,
  ConfigUpdate,
  DirectoryAvailability,
  SessionState,
  SignInResult,
} from '../../../../common/ipc';
import type { CallHistory, RecentCallInput } from '../../../../common/ipc/history';
import type { DesktopBridge, DirectoryApi, HistoryApi, RendererBridge } from '../../../../renderer/bridge';

export interface FakeBridge extends RendererBridge {
  emitSession(session: SessionState): void;
  /** Main's configuration changed (as main pushes it after any change). */
  emitConfig(config: AppConfig): void;
  config: RendererBridge['config'];
  history: HistoryApi;
  /** Tests of the desktop pieces put their own fake here (desktop/fake-desktop-bridge.ts). */
  desktop: DesktopBridge;
  directory: DirectoryApi;
  /** The organisation's people as main's directory answers them, and what was asked of it. */
  readonly directoryState: FakeDirectoryState;
  /** What main's history file holds, and every call recorded. */
  readonly historyState: { history: CallHistory; recorded: RecentCallInput[] };
  readonly calls: {
    /** The name each sign-in sent (undefined for an organisation sign-in). */
    signIn: (string | undefined)[];
    signOut: number;
    cancelSignIn: number;
    endOrganisationSession: number;
    configSet: ConfigUpdate[];
    configTest: string[];
  };
  answers: {
    session: SessionState;
    config: AppConfig;
    /** May answer a promise the test settles (an organisation sign-in waiting on the browser). */
    signIn: (displayName: string | undefined) => SignInResult | Promise<SignInResult>;
    configSet: (update: ConfigUpdate) => ConfigSetResult;
    configTest: (backendUrl: string) => ConfigTestResult;
  };
}

export const defaultConfig: AppConfig = {
  backendUrl: 'https://calls.example.com',
  backendUrlSource: 'user',
  backendUrlLocked: false,
  alternateCallerId: '+14255550100',
  alternateCallerIdSource: 'backend',
  clock: { locale: 'en-US', hourCycle: null },
  language: { current: 'en', override: null, system: 'en' },
};

export function signedInSession(overrides: Partial<Extract<SessionState, { status: 'signed-in' }>> = {}): SessionState {
  return {
    status: 'signed-in',
    user: { communicationUserId: '8:acs:me', displayName: 'Ada Lovelace' },
    backendUrl: 'https://calls.example.com',
    remembered: true,
    offlineDevelopment: false,
    ...overrides,
  };
}

/**
 * Main's desktop integration with nothing to say: no links, no update, media allowed. Tests of the
 * desktop pieces put desktop/fake-desktop-bridge.ts in its place (it records, this one cannot:
 * this file is also bundled into the screenshot gallery page, where vitest is absent).
 */
export function quietDesktop(): DesktopBridge {
  const never = () => () => {};
  return {
    reportCallState: () => {},
    takeCallLinks: async () => [],
    onCallLinksPending: never,
    getCallLinkSettings: async () => ({ tel: false, callto: false, keepRunningInTray: true }),
    setCallLinkSettings: async (settings) => settings,
    onScreenSharePick: never,
    chooseScreenShareSource: async () => ({ ok: true }),
    ensureMediaAccess: async () => ({ camera: 'granted', microphone: 'granted', canOpenSettings: true }),
    openPrivacySettings: async () => ({ ok: true }),
    getUpdateState: async () => ({ status: 'idle' }),
    onUpdateState: never,
    onHangUpRequest: never,
    onIncomingCallAction: never,
    restartToUpdate: async () => ({ ok: true }),
  };
}

export interface FakeDirectoryState {
  availability: DirectoryAvailability;
  people: DirectoryPerson[];
  /** Every query searched and id resolved, in order. */
  searches: string[];
  resolves: string[];
  /** Plays main's answer for one query (the test holds it to reorder answers); default: prefix match. */
  answerSearch?: (query: string) => Promise<DirectoryPerson[]>;
}

/**
 * Main's directory over a list of people, as the backend answers: a name or email that starts with
 * the query (a word of the name too), in name order; an id that is nobody answers null.
 */
export function createFakeDirectory(
  people: DirectoryPerson[] = [],
  availability: DirectoryAvailability = { available: false, reason: 'signed-out' },
): { api: DirectoryApi; state: FakeDirectoryState } {
  const state: FakeDirectoryState = { availability, people, searches: [], resolves: [] };
  const matches = (query: string) => {
    const q = query.trim().toLowerCase();
    return state.people
      .filter(
        (p) =>
          p.displayName
            .toLowerCase()
            .split(/\s+/)
            .some((word) => word.startsWith(q)) ||
          p.displayName.toLowerCase().startsWith(q) ||
          (p.email?.toLowerCase().startsWith(q) ?? false),
      )
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  };
  const api: DirectoryApi = {
    availability: async () => state.availability,
    search: async ({ query }) => {
      state.searches.push(query);
      if (!state.availability.available) return { ok: false, code: 'directory-unavailable', message: 'No directory.' };
      const people = state.answerSearch ? await state.answerSearch(query) : matches(query);
      return { ok: true, people, nextCursor: null };
    },
    resolve: async ({ communicationUserId }) => {
      state.resolves.push(communicationUserId);
      if (!state.availability.available) return { ok: false, code: 'directory-unavailable', message: 'No directory.' };
      return { ok: true, person: state.people.find((p) => p.communicationUserId === communicationUserId) ?? null };
    },
  };
  return { api, state };
}

/** Main's history store in memory: newest first, ids assigned, recents capped at 50. */
export function createFakeHistory(initial: Partial<CallHistory> = {}): {
  api: HistoryApi;
  state: FakeBridge['historyState'];
} {
  const state: FakeBridge['historyState'] = { history: { recents: [], favourites: [], ...initial }, recorded: [] };
  let nextId = 1;
  const snapshot = async () => structuredClone(state.history);
  const api: HistoryApi = {
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
  return { api, state };
}

export function createFakeBridge(session: SessionState = { status: 'signed-out' }): FakeBridge {
  const listeners = new Set<(session: SessionState) => void>();
  const configListeners = new Set<(config: AppConfig) => void>();
  const history = createFakeHistory();
  const directory = createFakeDirectory();
  const calls: FakeBridge['calls'] = {
    signIn: [],
    signOut: 0,
    cancelSignIn: 0,
    endOrganisationSession: 0,
    configSet: [],
    configTest: [],
  };
  const bridge: FakeBridge = {
    calls,
    answers: {
      session,
      config: { ...defaultConfig },
      signIn: (displayName) => ({
        ok: true,
        session: signedInSession({
          user: { communicationUserId: '8:acs:me', displayName: displayName ?? 'Ada Lovelace' },
        }),
      }),
      configSet: (update) => {
        const config = { ...bridge.answers.config };
        if (update.backendUrl !== undefined) config.backendUrl = update.backendUrl;
        if (update.alternateCallerId !== undefined) {
          config.alternateCallerId = update.alternateCallerId;
          config.alternateCallerIdSource = update.alternateCallerId ? 'user' : 'none';
        }
        if (update.language !== undefined) {
          // As main resolves it: the override, else what the OS's languages give.
          const { system } = config.language;
          config.language = { current: update.language ?? system, override: update.language, system };
        }
        return { ok: true, config };
      },
      configTest: (backendUrl) => ({
        ok: true,
        backendUrl,
        signIn: ['open'],
        alternateCallerId: '+14255550100',
        unauthenticated: true,
      }),
    },
    emitConfig(next) {
      bridge.answers.config = next;
      for (const listener of [...configListeners]) listener(next);
    },
    emitSession(next) {
      bridge.answers.session = next;
      for (const listener of [...listeners]) listener(next);
    },
    session: {
      get: async () => bridge.answers.session,
      signIn: async ({ displayName }) => {
        calls.signIn.push(displayName);
        const result = await bridge.answers.signIn(displayName);
        if (result.ok) bridge.emitSession(result.session);
        return result;
      },
      signOut: async () => {
        calls.signOut += 1;
        const next: SessionState = { status: 'signed-out', reason: 'signed-out' };
        bridge.emitSession(next);
        return next;
      },
      cancelSignIn: () => {
        calls.cancelSignIn += 1;
      },
      endOrganisationSession: async () => {
        calls.endOrganisationSession += 1;
        return true;
      },
      onChange: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    config: {
      get: async () => bridge.answers.config,
      set: async (update) => {
        calls.configSet.push(update);
        const result = bridge.answers.configSet(update);
        // As main does: a saved change is pushed to every listener before `set` answers.
        if (result.ok) bridge.emitConfig(result.config);
        return result;
      },
      test: async ({ backendUrl }) => {
        calls.configTest.push(backendUrl);
        return bridge.answers.configTest(backendUrl);
      },
      onChange: (listener) => {
        configListeners.add(listener);
        return () => configListeners.delete(listener);
      },
    },
    history: history.api,
    historyState: history.state,
    desktop: quietDesktop(),
    directory: directory.api,
    directoryState: directory.state,
    async getToken() {
      return { token: 'token', expiresOn: new Date(Date.now() + 3_600_000).toISOString() };
    },
  };
  return bridge;
}
