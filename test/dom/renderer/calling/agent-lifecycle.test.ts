import { TOKEN_AND_SDK_MARK, UNREACHABLE_AFTER_MS } from '../../../../renderer/calling/agent-lifecycle';
import { agentStrings } from '../../../../renderer/strings';
import { FakeCallingSdk } from '../../../support/fake-calling-sdk';
import { createHarness, ME, signedIn, signInAndSettle } from './calling-harness';

test('signing in loads the SDK and the first token in parallel, then creates one agent with that token', async () => {
  const h = createHarness();
  h.store.setSession(signedIn());
  expect(h.store.getState().agent).toBe('loading-sdk');
  expect(h.store.getState().myCommunicationUserId).toBe(ME);
  await h.store.settled();
  expect(h.store.getState().agent).toBe('connected');
  expect(h.sdk.clients).toHaveLength(1);
  expect(h.sdk.credentials).toHaveLength(1);
  const [credential] = h.sdk.credentials;
  expect(credential?.options.token).toBe('token-1');
  expect(credential?.options.refreshProactively).toBe(true);
  expect(h.sdk.clients[0]?.agentOptions[0]).toEqual({ credential, displayName: 'Ada' });
});

test('the moment token and SDK are both in hand is marked once on the performance timeline', async () => {
  performance.clearMarks(TOKEN_AND_SDK_MARK);
  const h = createHarness();
  h.store.setSession(signedIn());
  expect(performance.getEntriesByName(TOKEN_AND_SDK_MARK)).toHaveLength(0);
  await h.store.settled();
  expect(performance.getEntriesByName(TOKEN_AND_SDK_MARK)).toHaveLength(1);
  h.store.setSession(signedIn());
  await h.store.settled();
  expect(performance.getEntriesByName(TOKEN_AND_SDK_MARK)).toHaveLength(1);
});

test("the credential's refresher asks the bridge for a token and passes the SDK's abort signal", async () => {
  const h = createHarness();
  await signInAndSettle(h);
  const refresher = h.sdk.credentials[0]?.options.tokenRefresher;
  const signal = new AbortController().signal;
  await expect(refresher?.(signal)).resolves.toBe('token-2');
  expect(h.tokenRequests.at(-1)?.signal).toBe(signal);
});

test('an agent that comes up Disconnected (offline) shows "cannot reach ACS" at once', async () => {
  const sdk = new FakeCallingSdk(ME);
  sdk.nextConnectionState = 'Disconnected';
  const h = createHarness({ sdk });
  await signInAndSettle(h);
  expect(h.store.getState()).toMatchObject({ agent: 'unreachable', agentMessage: agentStrings.unreachable });
});

test('a connected agent that drops is "unreachable" only if it stays disconnected', async () => {
  const h = createHarness();
  await signInAndSettle(h);
  vi.useFakeTimers();
  try {
    h.sdk.agent.remoteSetConnectionState('Disconnected', 'connectionIssue');
    vi.advanceTimersByTime(UNREACHABLE_AFTER_MS - 1);
    expect(h.store.getState().agent).toBe('connected');
    h.sdk.agent.remoteSetConnectionState('Connected');
    vi.advanceTimersByTime(UNREACHABLE_AFTER_MS);
    expect(h.store.getState().agent).toBe('connected');
    h.sdk.agent.remoteSetConnectionState('Disconnected', 'connectionIssue');
    vi.advanceTimersByTime(UNREACHABLE_AFTER_MS);
    expect(h.store.getState()).toMatchObject({ agent: 'unreachable', agentMessage: agentStrings.unreachable });
  } finally {
    vi.useRealTimers();
  }
});

test('an invalid token disconnect says so in words', async () => {
  const h = createHarness();
  await signInAndSettle(h);
  h.sdk.agent.remoteSetConnectionState('Disconnected', 'invalidToken');
  expect(h.store.getState()).toMatchObject({ agent: 'failed', agentMessage: agentStrings.invalidToken });
});

test('sign-out disposes the agent and the credential; signing in again builds new ones on the same CallClient', async () => {
  const h = createHarness();
  await signInAndSettle(h);
  const firstAgent = h.sdk.agent;
  h.store.setSession({ status: 'signed-out', reason: 'signed-out' });
  await h.store.settled();
  expect(firstAgent.disposed).toBe(true);
  expect(h.sdk.credentials[0]?.disposed).toBe(true);
  expect(h.store.getState()).toMatchObject({ agent: 'signed-out', myCommunicationUserId: null, call: null });

  await signInAndSettle(h);
  expect(h.sdk.clients).toHaveLength(1);
  expect(h.sdk.agent).not.toBe(firstAgent);
  expect(h.sdk.credentials).toHaveLength(2);
  expect(h.sdk.credentials[1]?.disposed).toBe(false);
  expect(h.store.getState().agent).toBe('connected');
});

test('a backend change disposes the old agent before the new identity gets its own', async () => {
  const h = createHarness();
  await signInAndSettle(h);
  const firstAgent = h.sdk.agent;
  h.store.setSession(signedIn('8:acs:other', 'https://other.example.com'));
  await h.store.settled();
  // FakeCallClient.createCallAgent throws if an agent is still live, as ACS does.
  expect(firstAgent.disposed).toBe(true);
  expect(h.sdk.credentials[0]?.disposed).toBe(true);
  expect(h.sdk.agent.disposed).toBe(false);
  expect(h.store.getState()).toMatchObject({ agent: 'connected', myCommunicationUserId: '8:acs:other' });
});

test('signing out while the agent is still being created disposes it as soon as it arrives', async () => {
  const sdk = new FakeCallingSdk(ME);
  let open!: () => void;
  sdk.agentGate = new Promise((resolve) => {
    open = resolve;
  });
  const h = createHarness({ sdk });
  h.store.setSession(signedIn());
  await vi.waitFor(() => expect(h.store.getState().agent).toBe('connecting'));
  h.store.setSession({ status: 'signed-out' });
  open();
  await h.store.settled();
  expect(sdk.agent.disposed).toBe(true);
  expect(sdk.credentials[0]?.disposed).toBe(true);
  expect(h.store.getState().agent).toBe('signed-out');
});

test('the same session reported twice does not rebuild the agent', async () => {
  const h = createHarness();
  await signInAndSettle(h);
  h.store.setSession(signedIn());
  await h.store.settled();
  expect(h.sdk.clients[0]?.agents).toHaveLength(1);
});

test('a token refused by main, or an SDK chunk that fails to load, ends in "failed" with words that say which', async () => {
  const { createCallingStore } = await import('../../../../renderer/calling/calling-store');
  const { TokenRequestError } = await import('../../../../renderer/bridge');
  const storage = { getItem: () => null, setItem: () => undefined };
  const config = {} as never;
  const refused = createCallingStore({
    loadSdk: async () => new FakeCallingSdk(ME),
    bridge: {
      getToken: async () => {
        throw new TokenRequestError('session-ended', 'Your session ended.');
      },
      config,
    },
    storage,
  });
  refused.setSession(signedIn());
  await refused.settled();
  expect(refused.getState()).toMatchObject({
    agent: 'failed',
    agentMessage: agentStrings.tokenFailed('Your session ended.'),
  });

  const broken = createCallingStore({
    loadSdk: async () => {
      throw new Error('Failed to fetch dynamically imported module');
    },
    bridge: { getToken: async () => ({ token: 't', expiresOn: '2030-01-01T00:00:00Z' }), config },
    storage,
  });
  broken.setSession(signedIn());
  await broken.settled();
  expect(broken.getState()).toMatchObject({
    agent: 'failed',
    agentMessage: agentStrings.sdkFailed('Failed to fetch dynamically imported module'),
  });
});
