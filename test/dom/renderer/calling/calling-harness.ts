/** Builds a calling store over the fake SDK and a hand-written bridge (the session is driven by the test). */
import type { AppConfig, SessionState } from '../../../../common/ipc';
import type { RendererBridge } from '../../../../renderer/bridge';
import { type CallingController, createCallingStore } from '../../../../renderer/calling/calling-store';
import type { MediaEnvironment } from '../../../../renderer/calling/media';
import type { CallTarget } from '../../../../renderer/calling/model';
import { type FakeCall, FakeCallingSdk, fakeEffectsPackage } from '../../../support/fake-calling-sdk';
import { RecordingSoundPlayer } from '../../../support/recording-sound-player';

export const ME = '8:acs:me';

export function signedIn(userId = ME, backendUrl = 'https://calls.example.com'): SessionState {
  return {
    status: 'signed-in',
    user: { communicationUserId: userId, displayName: 'Ada' },
    backendUrl,
    remembered: true,
    offlineDevelopment: false,
  };
}

export const baseConfig: AppConfig = {
  backendUrl: 'https://calls.example.com',
  backendUrlSource: 'user',
  backendUrlLocked: false,
  alternateCallerId: '+14255550100',
  alternateCallerIdSource: 'backend',
  clock: { locale: 'en-US', hourCycle: null },
  language: { current: 'en', override: null, system: 'en' },
};

export interface Harness {
  sdk: FakeCallingSdk;
  store: CallingController;
  tokenRequests: Array<{ signal: unknown }>;
  config: AppConfig;
  storage: Map<string, string>;
  sounds: RecordingSoundPlayer;
  /** How many times the layer imported the effects package. */
  effectsLoads: number;
}

export function createHarness(
  options: {
    sdk?: FakeCallingSdk;
    storage?: Map<string, string>;
    media?: MediaEnvironment;
    /** The layer's clock; the screens' tests that record calls use the real one, as the screens do. */
    now?: () => number;
  } = {},
): Harness {
  const sdk = options.sdk ?? new FakeCallingSdk(ME);
  const storage = options.storage ?? new Map<string, string>();
  const tokenRequests: Harness['tokenRequests'] = [];
  const sounds = new RecordingSoundPlayer();
  const harness = { sdk, tokenRequests, config: { ...baseConfig }, storage, sounds, effectsLoads: 0 } as Harness;
  const effectsPackage = fakeEffectsPackage();
  let n = 0;
  const bridge: Pick<RendererBridge, 'getToken' | 'config'> = {
    async getToken(signal) {
      tokenRequests.push({ signal });
      n += 1;
      return { token: `token-${n}`, expiresOn: new Date(Date.now() + 3_600_000).toISOString() };
    },
    config: {
      get: async () => harness.config,
      set: async () => ({ ok: false, code: 'unused', message: 'unused' }),
      test: async () => ({ ok: false, code: 'unused', message: 'unused' }),
      onChange: () => () => {},
    },
  };
  harness.store = createCallingStore({
    loadSdk: async () => sdk,
    bridge,
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    ...(options.media ? { media: options.media } : {}),
    now: options.now ?? (() => 1_000),
    sounds,
    loadEffects: async () => {
      harness.effectsLoads += 1;
      return effectsPackage;
    },
  });
  return harness;
}

/** Signs in and waits until the agent exists and the device lists are loaded. */
export async function signInAndSettle(h: Harness, session = signedIn()): Promise<void> {
  h.store.setSession(session);
  await h.store.settled();
  await vi.waitFor(() => expect(h.store.getState().devices.ready).toBe(true));
}

/** A harness signed in, its agent connected and its device lists loaded. */
export async function connectedHarness(options: Parameters<typeof createHarness>[0] = {}): Promise<Harness> {
  const h = createHarness(options);
  await signInAndSettle(h);
  return h;
}

/** The call placed most recently through the fake agent. */
export function lastCall(h: Harness): FakeCall {
  const call = h.sdk.agent.calls.at(-1);
  if (!call) throw new Error('no call was placed');
  return call;
}

/** A harness with one call placed to `target` and connected. */
export async function connectedCall(
  target: CallTarget = { kind: 'acs-user', communicationUserId: '8:acs:bob' },
  options: Parameters<typeof createHarness>[0] = {},
): Promise<{ h: Harness; call: FakeCall }> {
  const h = await connectedHarness(options);
  await h.store.actions.startCall(target, { video: false });
  const call = lastCall(h);
  call.remoteSetState('Connected');
  return { h, call };
}

export const TEAMS_MEETING: CallTarget = {
  kind: 'teams-meeting',
  meetingLink: 'https://teams.microsoft.com/meet/28512416645934?p=Z9bM5',
};
