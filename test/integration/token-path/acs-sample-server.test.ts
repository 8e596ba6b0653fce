/**
 * The app against an ACS sample token server (docs/token-path.md, "ACS sample token servers"): the stand-in of
 * Microsoft's sample (real `@azure/communication-identity` SDK → ACS Identity stand-in), through
 * AppSession, TokenBroker and BackendClient as main.ts builds them. "Test connection" finds it
 * without creating an identity and says it authenticates nobody; sign-in, renewal (single
 * flight), restart restore (memory store here; the real keychain below), sign-out with nothing
 * to revoke; malformed sample answers refused with a sentence and nothing lost.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AcsIdentityStandIn, startAcsIdentityStandIn } from '../../../devtools/acs-stand-in/acs-identity';
import { AppSession } from '../../../electron/main/app-session/app-session';
import { createSessionIpcHandlers } from '../../../electron/main/app-session/session-ipc';
import { AppConfigStore } from '../../../electron/main/config/app-config';
import { FallbackSecretStore } from '../../../electron/main/secrets/fallback-secret-store';
import { KeytarSecretStore } from '../../../electron/main/secrets/keytar-secret-store';
import { MemorySecretStore } from '../../../electron/main/secrets/memory-secret-store';
import type { SecretStore } from '../../../electron/main/secrets/secret-store';
import { sessionWords } from '../../../electron/main/strings/session';
import { type AcsSampleTokenServer, startAcsSampleTokenServer } from '../../stand-ins/acs-sample-token-server';
import { createTestAppSession } from '../../support/bridge-harness';
import { FAST_CLIENT } from './broker-fixture';

let acs: AcsIdentityStandIn;
let sample: AcsSampleTokenServer;
let origin: string;
beforeAll(async () => {
  acs = await startAcsIdentityStandIn();
  sample = await startAcsSampleTokenServer(acs);
  origin = new URL(sample.url).origin;
});
afterAll(async () => {
  await sample?.close();
  await acs?.close();
});

const context = { senderId: 1 };
/** The stand-in's tokens live 24 hours; this leaves 5 minutes of the first one (under the margin). */
const NEARLY_A_DAY_MS = (24 * 60 - 5) * 60_000;

function acsOperations(): string[] {
  return acs.requests.map((request) => request.operation);
}

/** A launch as main.ts does it: config from userData, the given store, session restored. */
/** A session on the sample server with an in-memory store and a clock the test can move forward. */
async function openWithClock() {
  const clock = { offsetMs: 0 };
  const store = new MemorySecretStore();
  const app = await createTestAppSession({
    backendUrl: sample.url,
    store,
    clientOptions: FAST_CLIENT,
    brokerOptions: { now: () => Date.now() + clock.offsetMs },
  });
  return { clock, store, app };
}

async function launch(userDataDir: string, store: SecretStore, clock = { offsetMs: 0 }): Promise<AppSession> {
  const config = await AppConfigStore.open({
    argv: [`--backend-url=${sample.url}`],
    env: {},
    administratorFile: '/nonexistent',
    userDataDir,
  });
  const app = new AppSession({
    config,
    store,
    clientOptions: FAST_CLIENT,
    brokerOptions: { now: () => Date.now() + clock.offsetMs },
  });
  await app.start();
  return app;
}

test('Test connection finds the sample server without creating an identity, and says it authenticates nobody', async () => {
  const app = await createTestAppSession({ backendUrl: null, clientOptions: FAST_CLIENT });
  const acsBefore = acs.requests.length;
  const sampleBefore = sample.requests.length;
  const result = await createSessionIpcHandlers(app).config.test({ backendUrl: sample.url }, context);
  expect(result).toEqual({
    ok: true,
    backendUrl: sample.url,
    signIn: ['open'],
    alternateCallerId: null,
    unauthenticated: true,
    protocol: 'acs-sample',
    notice: sessionWords.acsSampleNotice(),
  });
  expect(sessionWords.acsSampleNotice()).toMatch(/anyone who can reach it gets a calling identity/);
  expect(sessionWords.acsSampleNotice()).toMatch(/no sessions to end or revoke/);
  // Only the discovery read (404) and the two OPTIONS probes: ACS was not called at all.
  expect(sample.requests.slice(sampleBefore).map((r) => `${r.method} ${r.route} ${r.status}`)).toEqual([
    'GET /.well-known/switchboard 404',
    'OPTIONS /token 204',
    'OPTIONS /refreshToken 204',
  ]);
  expect(acs.requests.length).toBe(acsBefore);
  await app.dispose();
});

test('sign-in creates one identity and stores its id (no refresh token); renewal is one request for every caller', async () => {
  const { clock, store, app } = await openWithClock();
  const createdBefore = acsOperations().filter((op) => op === 'createUser').length;
  const state = await app.signIn('Ada Lovelace');
  expect(state).toMatchObject({
    status: 'signed-in',
    user: { communicationUserId: expect.stringMatching(/^8:acs:/), displayName: 'Ada Lovelace' },
    backendUrl: sample.url,
    protocol: 'acs-sample',
  });
  if (state.status !== 'signed-in') throw new Error('not signed in');
  const userId = state.user.communicationUserId;
  expect(acsOperations().filter((op) => op === 'createUser').length - createdBefore).toBe(1);
  await expect(store.load(origin)).resolves.toEqual({
    kind: 'acs-sample-refresh-state/1',
    backendUrl: sample.url,
    communicationUserId: userId,
    displayName: 'Ada Lovelace',
  });

  const first = await app.getToken();
  await expect(acs.checkUserToken(first.token)).resolves.toMatchObject({ valid: true, userId });
  const refreshesBefore = sample.requests.filter((r) => r.route === '/refreshToken' && r.method === 'POST').length;
  clock.offsetMs = NEARLY_A_DAY_MS;
  const renewed = await Promise.all(Array.from({ length: 50 }, () => app.getToken()));
  const refreshes = sample.requests.filter((r) => r.route === '/refreshToken' && r.method === 'POST');
  expect(refreshes.length - refreshesBefore).toBe(1);
  expect(refreshes.at(-1)).toMatchObject({ userId, status: 200 });
  expect(new Set(renewed.map((t) => t.token)).size).toBe(1);
  expect(renewed[0]?.token).not.toBe(first.token);
  await expect(acs.checkUserToken(renewed[0]?.token ?? '')).resolves.toMatchObject({ valid: true, userId });
  await app.dispose();
});

test('restart: signed in again from the store at once, and the first token comes from /refreshToken/<id>', async () => {
  const userDataDir = await mkdtemp(join(tmpdir(), 'switchboard-sample-'));
  const store = new MemorySecretStore();
  try {
    const first = await launch(userDataDir, store);
    const signedIn = await first.signIn('Grace Hopper');
    if (signedIn.status !== 'signed-in') throw new Error('not signed in');
    const refreshesBefore = sample.requests.filter((r) => r.route === '/refreshToken' && r.method === 'POST').length;

    const second = await launch(userDataDir, store);
    expect(second.state).toMatchObject({
      status: 'signed-in',
      user: { communicationUserId: signedIn.user.communicationUserId, displayName: 'Grace Hopper' },
      protocol: 'acs-sample',
    });
    const token = await second.getToken();
    await expect(acs.checkUserToken(token.token)).resolves.toMatchObject({
      valid: true,
      userId: signedIn.user.communicationUserId,
    });
    expect(
      sample.requests.filter((r) => r.route === '/refreshToken' && r.method === 'POST').length - refreshesBefore,
    ).toBe(1);
  } finally {
    await rm(userDataDir, { recursive: true, force: true });
  }
});

test('sign-out forgets the session here and asks the server nothing (it has nothing to revoke)', async () => {
  const store = new MemorySecretStore();
  const app = await createTestAppSession({ backendUrl: sample.url, store, clientOptions: FAST_CLIENT });
  await app.signIn('Leaving');
  const before = sample.requests.length;
  await expect(app.signOut()).resolves.toMatchObject({ status: 'signed-out', reason: 'signed-out' });
  await expect(store.load(origin)).resolves.toBeNull();
  // Other sessions' background discovery (GET + OPTIONS probes) may still be arriving: nothing else may.
  const told = sample.requests
    .slice(before)
    .filter((r) => r.method !== 'OPTIONS' && r.route !== '/.well-known/switchboard');
  expect(told).toEqual([]);
  await expect(app.getToken()).rejects.toMatchObject({ name: 'SignedOutError' });
  await app.dispose();
});

describe('malformed sample answers are refused with a sentence; nothing is stored or lost', () => {
  test.each([
    {
      what: 'wrong types',
      answer: { status: 200, body: { token: 42, expiresOn: 'tomorrow', user: {} } },
      message: /unexpected or missing fields \(token, expiresOn, user\.communicationUserId\)/,
    },
    {
      what: 'truncated JSON',
      answer: { status: 200, body: '{"token":"eyJ', contentType: 'application/json' },
      message: /not complete JSON/,
    },
    {
      what: 'a token that is not an ACS token',
      answer: {
        status: 200,
        body: {
          token: 'not-a-jwt',
          expiresOn: new Date(Date.now() + 3600_000).toISOString(),
          user: { communicationUserId: '8:acs:x' },
        },
      },
      message: /not an ACS token/,
    },
    {
      what: 'a body over the size cap',
      answer: { status: 200, body: 'x'.repeat(300 * 1024), contentType: 'application/json' },
      message: /larger than 256 KB/,
    },
  ])('sign-in: $what', async ({ answer, message }) => {
    const store = new MemorySecretStore();
    const app = await createTestAppSession({ backendUrl: sample.url, store, clientOptions: FAST_CLIENT });
    sample.answerNext('/token', answer);
    const result = await createSessionIpcHandlers(app).session.signIn({ displayName: 'Mallory' }, context);
    expect(result).toMatchObject({ ok: false, code: 'bad-response', message: expect.stringMatching(message) });
    if (result.ok) throw new Error('signed in');
    expect(result.message).toMatch(/ACS sample token server/);
    expect(result.message).not.toMatch(/not-a-jwt|eyJ/);
    expect(app.state.status).toBe('signed-out');
    await expect(store.load(origin)).resolves.toBeNull();
    await app.dispose();
  });

  test('renewal: an answer for another identity, then a broken one, then a 500: the session is kept and recovers', async () => {
    const { clock, store, app } = await openWithClock();
    await app.signIn('Kept');
    const stored = await store.load(origin);
    clock.offsetMs = NEARLY_A_DAY_MS;
    const other = await createTestAppSession({ backendUrl: sample.url, clientOptions: FAST_CLIENT });
    const otherState = await other.signIn('Someone else');
    if (otherState.status !== 'signed-in') throw new Error('not signed in');
    const otherToken = await other.getToken();

    sample.answerNext('/refreshToken', {
      status: 200,
      body: { user: { communicationUserId: otherState.user.communicationUserId }, ...otherToken },
    });
    await expect(app.getToken()).rejects.toMatchObject({
      code: 'bad-response',
      message: expect.stringMatching(/a token for another identity/),
    });
    sample.answerNext('/refreshToken', { status: 200, body: { token: '', expiresOn: 42 } });
    await expect(app.getToken()).rejects.toMatchObject({
      code: 'bad-response',
      message: expect.stringMatching(/unexpected or missing fields \(token, expiresOn\)/),
    });
    for (let i = 0; i < (FAST_CLIENT.retry?.maxAttempts ?? 3); i++) {
      sample.answerNext('/refreshToken', { status: 500, body: '<pre>Internal Server Error</pre>' });
    }
    await expect(app.getToken()).rejects.toMatchObject({ code: 'server-error' });

    expect(app.state).toMatchObject({ status: 'signed-in' });
    await expect(store.load(origin)).resolves.toEqual(stored);
    const recovered = await app.getToken();
    await expect(acs.checkUserToken(recovered.token)).resolves.toMatchObject({
      valid: true,
      userId: stored?.communicationUserId,
    });
    await Promise.all([app.dispose(), other.dispose()]);
  });
});

describe('renewal faults: the same broker behaviour as with a Switchboard backend', () => {
  async function staleSession() {
    const { clock, store, app } = await openWithClock();
    await app.signIn('Faulty');
    clock.offsetMs = NEARLY_A_DAY_MS;
    return { app, store, stored: await store.load(origin) };
  }
  const refreshCount = () => sample.requests.filter((r) => r.route === '/refreshToken' && r.method === 'POST').length;

  test('a 503 is retried and the renewal succeeds', async () => {
    const { app } = await staleSession();
    const before = refreshCount();
    sample.answerNext('/refreshToken', { status: 503, body: 'Service Unavailable' });
    await expect(app.getToken()).resolves.toMatchObject({ token: expect.any(String) });
    expect(refreshCount() - before).toBe(2);
    await app.dispose();
  });

  test('a refresh that never answers (old sample, no try/catch): token.abort ends that caller’s wait; the retry serves the next', async () => {
    const { app } = await staleSession();
    sample.answerNext('/refreshToken', 'hang');
    const handlers = createSessionIpcHandlers(app);
    const requestId = randomUUID();
    const waiting = handlers.token.get({ requestId }, context);
    handlers.token.abort({ requestId }, context);
    await expect(waiting).resolves.toEqual({ ok: false, code: 'aborted', message: 'The token request was cancelled.' });
    await expect(handlers.token.get({ requestId: randomUUID() }, context)).resolves.toMatchObject({ ok: true });
    await app.dispose();
  });

  test('a 401 (something in front of the sample refusing us) ends the session and clears the store', async () => {
    const { app, store } = await staleSession();
    sample.answerNext('/refreshToken', { status: 401, body: { error: { code: 'unauthorized', message: 'No.' } } });
    await expect(app.getToken()).rejects.toMatchObject({ code: 'session-ended' });
    expect(app.state).toMatchObject({ status: 'signed-out', reason: 'revoked' });
    await expect(store.load(origin)).resolves.toBeNull();
    await app.dispose();
  });
});

// Real keytar against the isolated gnome-keyring of scripts/with-test-keyring.sh.
const inTestKeyring = process.env.SWITCHBOARD_TEST_KEYRING === '1';
describe.skipIf(!inTestKeyring)(
  'with the real Secret Service (skipped unless run inside scripts/with-test-keyring.sh)',
  () => {
    const service = `switchboard-test-${randomUUID()}`;
    afterAll(async () => {
      await keytar.deletePassword(service, origin);
    });

    test('sign in, restart: restored from the keychain (protocol and user id, no secret), remembered; sign-out clears it', async () => {
      const userDataDir = await mkdtemp(join(tmpdir(), 'switchboard-sample-keychain-'));
      const keychain = () => new FallbackSecretStore(new KeytarSecretStore(keytar, service));
      try {
        const first = await launch(userDataDir, keychain());
        const signedIn = await first.signIn('Katherine Johnson');
        expect(signedIn).toMatchObject({ status: 'signed-in', remembered: true });
        if (signedIn.status !== 'signed-in') throw new Error('not signed in');
        expect(JSON.parse((await keytar.getPassword(service, origin)) ?? '{}')).toEqual({
          kind: 'acs-sample-refresh-state/1',
          backendUrl: sample.url,
          communicationUserId: signedIn.user.communicationUserId,
          displayName: 'Katherine Johnson',
        });

        const second = await launch(userDataDir, keychain());
        expect(second.state).toMatchObject({
          status: 'signed-in',
          remembered: true,
          user: { communicationUserId: signedIn.user.communicationUserId, displayName: 'Katherine Johnson' },
        });
        await expect(acs.checkUserToken((await second.getToken()).token)).resolves.toMatchObject({ valid: true });

        await second.signOut();
        await expect(keytar.getPassword(service, origin)).resolves.toBeNull();
        const third = await launch(userDataDir, keychain());
        expect(third.state).toMatchObject({ status: 'signed-out' });
      } finally {
        await rm(userDataDir, { recursive: true, force: true });
      }
    });
  },
);
