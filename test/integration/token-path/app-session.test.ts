import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { backendRoutes } from '../../../common/backend-contract';
import type { AppConfig, SessionState } from '../../../common/ipc';
import { createSessionIpcHandlers } from '../../../electron/main/app-session/session-ipc';
import { MemorySecretStore } from '../../../electron/main/secrets/memory-secret-store';
import { startTestBackend } from '../../support/backend-harness';
import { createTestAppSession } from '../../support/bridge-harness';
import { misbehavingBackendPair } from '../../support/misbehaving-backend';
import { FAST_CLIENT } from './broker-fixture';

const backends = misbehavingBackendPair();

const context = { senderId: 1 };

test('changing the backend signs out of the old one (there and here) and starts over on the new one', async () => {
  const store = new MemorySecretStore();
  // The user says "Change backend" in main's native question (test/integration/security/native-confirm.test.ts).
  const app = await createTestAppSession({
    backendUrl: backends.first.url,
    store,
    clientOptions: FAST_CLIENT,
    confirm: async () => true,
  });
  await app.signIn('Switcher');
  const oldRefresh = (await store.load(new URL(backends.first.url).origin))?.refreshToken ?? '';
  const events: SessionState[] = [];
  app.onChange((state) => events.push(state));

  const handlers = createSessionIpcHandlers(app);
  await expect(handlers.config.set({ backendUrl: backends.second.url }, context)).resolves.toMatchObject({
    ok: true,
    config: { backendUrl: backends.second.url },
  });
  expect(events).toContainEqual({ status: 'signed-out', reason: 'backend-changed' });
  expect(app.state).toMatchObject({ status: 'signed-out', reason: 'backend-changed' });
  expect(backends.first.isValidRefreshToken(oldRefresh)).toBe(false);
  await expect(store.load(new URL(backends.first.url).origin)).resolves.toBeNull();
  await expect(handlers.session.signIn({ displayName: 'Switcher' }, context)).resolves.toMatchObject({
    ok: true,
    session: { backendUrl: backends.second.url },
  });
  // The new session retired the carried reason as it arrived, not when someone read `state`:
  // signing out of the new backend says "signed out", and reading `state` twice changes nothing.
  events.length = 0;
  await handlers.session.signOut(context);
  expect(events.at(-1)).toMatchObject({ status: 'signed-out' });
  expect(events.at(-1)).not.toMatchObject({ reason: 'backend-changed' });
  expect(app.state).toEqual(app.state);
  await app.dispose();
});

test('token.abort ends that caller’s wait with an "aborted" result; the shared refresh still completes', async () => {
  const clock = { offsetMs: 0 };
  const app = await createTestAppSession({
    backendUrl: backends.first.url,
    clientOptions: FAST_CLIENT,
    brokerOptions: { now: () => Date.now() + clock.offsetMs },
  });
  await app.signIn('Aborter');
  clock.offsetMs = 55 * 60_000; // the cached token now needs renewing
  const before = backends.first.requests(backendRoutes.token);
  backends.first.script(backendRoutes.token, { kind: 'hang' });
  const handlers = createSessionIpcHandlers(app);
  const requestId = randomUUID();
  const waiting = handlers.token.get({ requestId }, context);
  handlers.token.abort({ requestId }, context);
  await expect(waiting).resolves.toEqual({ ok: false, code: 'aborted', message: 'The token request was cancelled.' });
  // The same flight (hung attempt, then a retry) serves the next caller.
  await expect(handlers.token.get({ requestId: randomUUID() }, context)).resolves.toMatchObject({ ok: true });
  expect(backends.first.requests(backendRoutes.token) - before).toBe(2);
  await app.dispose();
});

test('the discovery document supplies the caller id and the offline-development flag', async () => {
  const backend = await startTestBackend({ settings: { PSTN_ALTERNATE_CALLER_ID: '+14255550123' }, offlineAcs: true });
  try {
    const app = await createTestAppSession({ backendUrl: backend.url, clientOptions: FAST_CLIENT });
    const config = await new Promise<AppConfig>((resolve) => {
      const current = app.config.snapshot();
      if (current.alternateCallerId) resolve(current);
      else app.config.onChange(resolve);
    });
    expect(config).toMatchObject({ alternateCallerId: '+14255550123', alternateCallerIdSource: 'backend' });
    await expect(app.signIn('Dev')).resolves.toMatchObject({ status: 'signed-in', offlineDevelopment: true });
    await app.dispose();
  } finally {
    await backend.close();
  }
});

test('with no keychain, start-up says sign-in cannot be remembered; a sign-in then reports remembered:false', async () => {
  const app = await createTestAppSession({
    backendUrl: backends.first.url,
    store: new MemorySecretStore(),
    clientOptions: FAST_CLIENT,
  });
  expect(app.state).toMatchObject({
    status: 'signed-out',
    reason: 'keychain-unavailable',
    message: expect.stringMatching(/cannot remember your sign-in/),
  });
  await expect(app.signIn('Forgetful')).resolves.toMatchObject({ status: 'signed-in', remembered: false });
  await app.dispose();
});

test('config.test reads a backend’s discovery document, and says plainly why one cannot be used', async () => {
  const app = await createTestAppSession({ backendUrl: null });
  const handlers = createSessionIpcHandlers(app);
  await expect(handlers.config.test({ backendUrl: `${backends.first.url}/` }, context)).resolves.toEqual({
    ok: true,
    backendUrl: backends.first.url,
    signIn: ['open'],
    alternateCallerId: null,
    unauthenticated: true,
    protocol: 'switchboard',
  });
  await expect(handlers.config.test({ backendUrl: 'http://calls.example.com' }, context)).resolves.toMatchObject({
    ok: false,
    code: 'invalid',
    message: expect.stringMatching(/Plain http:\/\/ is only allowed/),
  });
  backends.first.script(backendRoutes.discovery, { kind: 'status', status: 404 });
  await expect(handlers.config.test({ backendUrl: backends.first.url }, context)).resolves.toMatchObject({
    ok: false,
    code: 'rejected',
    message: expect.stringMatching(/HTTP 404/),
  });
  await app.dispose();
});

test('a backend that only accepts organisation sign-in (oidc) goes to the IdP first; an unreachable IdP is said plainly and the backend is not asked', async () => {
  backends.second.script(backendRoutes.discovery, {
    kind: 'status',
    status: 200,
    body: {
      api: 'switchboard/1',
      signIn: ['oidc'],
      // A loopback port nobody listens on: the IdP is unreachable.
      oidc: { issuer: 'http://127.0.0.1:9/', clientId: 'x', scopes: ['openid'] },
    },
  });
  const sessionsBefore = backends.second.requests(backendRoutes.sessions);
  const opened: string[] = [];
  const app = await createTestAppSession({
    backendUrl: backends.second.url,
    clientOptions: FAST_CLIENT,
    openExternal: async (url) => void opened.push(url),
  });
  // Sign-in waits for the discovery read that started with the session.
  const handlers = createSessionIpcHandlers(app);
  await expect(handlers.session.signIn({}, context)).resolves.toEqual({
    ok: false,
    code: 'idp-unreachable',
    message:
      'Switchboard cannot reach your organisation’s sign-in service (127.0.0.1:9). Check your connection and try again.',
  });
  expect(opened).toEqual([]);
  expect(backends.second.requests(backendRoutes.sessions)).toBe(sessionsBefore);
  await app.dispose();
});
