/** A hand-written bridge for DOM tests: main's side played by the test (session events, config answers). */
import type {
  AppConfig,
  ConfigSetResult,
  ConfigTestResult,
  ConfigUpdate,
  SessionState,
  SignInResult,
} from '../../../common/ipc';
import type { RendererBridge } from '../../../renderer/bridge';

export interface FakeBridge extends RendererBridge {
  emitSession(session: SessionState): void;
  config: RendererBridge['config'];
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

export function createFakeBridge(session: SessionState = { status: 'signed-out' }): FakeBridge {
  const listeners = new Set<(session: SessionState) => void>();
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
        bridge.answers.config = config;
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
        return bridge.answers.configSet(update);
      },
      test: async ({ backendUrl }) => {
        calls.configTest.push(backendUrl);
        return bridge.answers.configTest(backendUrl);
      },
    },
    async getToken() {
      return { token: 'token', expiresOn: new Date(Date.now() + 3_600_000).toISOString() };
    },
  };
  return bridge;
}
