import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { backendRoutes } from '../../../common/backend-contract';
import type { AppConfig, SessionState } from '../../../common/ipc';
import { MemorySecretStore } from '../../../electron/main/secrets/memory-secret-store';
import { createSessionIpcHandlers } from '../../../electron/main/session/session-ipc';
import { startTestBackend } from '../../support/backend-harness';
import { createTestAppSession } from '../../support/bridge-harness';
import { type MisbehavingBackend, startMisbehavingBackend } from '../../support/misbehaving-backend';
import { FAST_CLIENT } from './broker-fixture';

let first: MisbehavingBackend;
let second: MisbehavingBackend;
beforeAll(async () => {
  [first, second] = await Promise.all([startMisbehavingBackend(), startMisbehavingBackend()]);
});
afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
});

const context = { senderId: 1 };

test('changing the backend signs out of the old one (there and here) and starts over on the new one', async () => {
  const store = new MemorySecretStore();
  const app = await createTestAppSession({ backendUrl: first.url, store, clientOptions: FAST_CLIENT });
  await app.signIn('Switcher');
  const oldRefresh = (await store.load(new URL(first.url).origin))?.refreshToken ?? '';
  const events: SessionState[] = [];
  app.onChange((state) => events.push(state));

  const handlers = createSessionIpcHandlers(app);
  await expect(handlers.config.set({ backendUrl: second.url }, context)).resolves.toMatchObject({
    ok: true,
    config: { backendUrl: second.url },
  });
  expect(events).toContainEqual({ status: 'signed-out', reason: 'backend-changed' });
  expect(app.state).toMatchObject({ status: 'signed-out', reason: 'backend-changed' });
  expect(first.isValidRefreshToken(oldRefresh)).toBe(false);
  await expect(store.load(new URL(first.url).origin)).resolves.toBeNull();
  await expect(handlers.session.signIn({ displayName: 'Switcher' }, context)).resolves.toMatchObject({
    ok: true,
    session: { backendUrl: second.url },
  });
  await app.dispose();
});

test('token.abort ends that caller’s wait with an "aborted" result; the shared refresh still completes', async () => {
  const clock = { offsetMs: 0 };
  const app = await createTestAppSession({
    backendUrl: first.url,
    clientOptions: FAST_CLIENT,
    brokerOptions: { now: () => Date.now() + clock.offsetMs },
  });
  await app.signIn('Aborter');
  clock.offsetMs = 55 * 60_000; // the cached token now needs renewing
  const before = first.requests(backendRoutes.token);
  first.script(backendRoutes.token, { kind: 'hang' });
  const handlers = createSessionIpcHandlers(app);
  const requestId = randomUUID();
  const waiting = handlers.token.get({ requestId }, context);
  handlers.token.abort({ requestId }, context);
  await expect(waiting).resolves.toEqual({ ok: false, code: 'aborted', message: 'The token request was cancelled.' });
  // The same flight (hung attempt, then a retry) serves the next caller.
  await expect(handlers.token.get({ requestId: randomUUID() }, context)).resolves.toMatchObject({ ok: true });
  expect(first.requests(backendRoutes.token) - before).toBe(2);
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
    backendUrl: first.url,
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
  await expect(handlers.config.test({ backendUrl: `${first.url}/` }, context)).resolves.toEqual({
    ok: true,
    backendUrl: first.url,
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
  first.script(backendRoutes.discovery, { kind: 'status', status: 404 });
  await expect(handlers.config.test({ backendUrl: first.url }, context)).resolves.toMatchObject({
    ok: false,
    code: 'rejected',
    message: expect.stringMatching(/HTTP 404/),
  });
  await app.dispose();
});

test('a backend that only accepts organisation sign-in (oidc) goes to the IdP first; an unreachable IdP is said plainly and the backend is not asked', async () => {
  second.script(backendRoutes.discovery, {
    kind: 'status',
    status: 200,
    body: {
      api: 'switchboard/1',
      signIn: ['oidc'],
      // A loopback port nobody listens on: the IdP is unreachable.
      oidc: { issuer: 'http://127.0.0.1:9/', clientId: 'x', scopes: ['openid'] },
    },
  });
  const sessionsBefore = second.requests(backendRoutes.sessions);
  const opened: string[] = [];
  const app = await createTestAppSession({
    backendUrl: second.url,
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
  expect(second.requests(backendRoutes.sessions)).toBe(sessionsBefore);
  await app.dispose();
});
