import { decodeJwt } from 'jose';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { AppSession } from '../../../electron/main/app-session/app-session';
import { AppConfigStore } from '../../../electron/main/config/app-config';
import { MemorySecretStore } from '../../../electron/main/secrets/memory-secret-store';
import { startTestBackend, type TestBackend } from '../../support/backend-harness';
import { createTestAppSession } from '../../support/bridge-harness';
import { FAST_CLIENT } from './broker-fixture';

// The main process's session modules against the real reference backend and the ACS Identity
// stand-in on loopback (docs/testing.md): sign-in, restart restore, rotation, revocation, sign-out offline.
let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(async () => {
  await backend?.close();
});

/** A "restart": new config, broker and client over the same userData folder and secret store. */
async function relaunch(userDataDir: string, store: MemorySecretStore, offsetMs = 0): Promise<AppSession> {
  const config = await AppConfigStore.open({ argv: [], env: {}, administratorFile: '/nonexistent', userDataDir });
  const app = new AppSession({
    config,
    store,
    clientOptions: FAST_CLIENT,
    brokerOptions: { now: () => Date.now() + offsetMs },
  });
  await app.start();
  return app;
}

async function signedInApp() {
  const store = new MemorySecretStore();
  const app = await createTestAppSession({ backendUrl: backend.url, store, clientOptions: FAST_CLIENT });
  const state = await app.signIn('Ada Lovelace');
  return { app, store, state };
}

test('sign-in: the user, an ACS token from the stand-in, and the refresh state stored before success', async () => {
  const { app, store, state } = await signedInApp();
  expect(state).toMatchObject({
    status: 'signed-in',
    user: { displayName: 'Ada Lovelace' },
    backendUrl: backend.url,
    protocol: 'switchboard',
  });
  const stored = await store.load(new URL(backend.url).origin);
  expect(stored).toMatchObject({ backendUrl: backend.url, displayName: 'Ada Lovelace' });
  const token = await app.getToken();
  expect(decodeJwt(token.token)).toMatchObject({ skypeid: expect.any(String), scp: expect.anything() });
  await app.dispose();
});

test('restart: signed in from the stored state without typing, and the first refresh already under way', async () => {
  const { app, store } = await signedInApp();
  const origin = new URL(backend.url).origin;
  const before = (await store.load(origin))?.refreshToken;
  // 55 of 60 minutes later: the relaunched broker must renew, which proves the stored token works.
  const again = await relaunch(app.userDataDir, store, 55 * 60_000);
  expect(again.state).toMatchObject({ status: 'signed-in', user: { displayName: 'Ada Lovelace' } });
  await expect(again.getToken()).resolves.toMatchObject({ token: expect.any(String) });
  const after = (await store.load(origin))?.refreshToken;
  expect(after).toBeDefined();
  expect(after).not.toBe(before); // rotated by the refresh that start() began
  await app.dispose();
});

test('rotation: every refresh stores the new refresh token, and the stored one always works', async () => {
  const { app, store } = await signedInApp();
  const origin = new URL(backend.url).origin;
  const seen = new Set([(await store.load(origin))?.refreshToken]);
  for (let round = 1; round <= 3; round++) {
    const relaunched = await relaunch(app.userDataDir, store, 55 * 60_000);
    await relaunched.getToken();
    seen.add((await store.load(origin))?.refreshToken);
    expect(seen.size).toBe(round + 1);
  }
  await app.dispose();
});

test('revocation: 401 clears the stored state and ends the session with reason "revoked"', async () => {
  const { app, store } = await signedInApp();
  const origin = new URL(backend.url).origin;
  const refreshToken = (await store.load(origin))?.refreshToken ?? '';
  await expect(backend.revokeSession(refreshToken)).resolves.toBe(true);
  const relaunched = await relaunch(app.userDataDir, store, 55 * 60_000);
  const events: string[] = [];
  relaunched.onChange((s) => events.push(s.status === 'signed-out' ? `signed-out:${s.reason}` : s.status));
  await expect(relaunched.getToken()).rejects.toMatchObject({ code: 'session-ended' });
  expect(relaunched.state).toMatchObject({ status: 'signed-out', reason: 'revoked' });
  expect(events).toContain('signed-out:revoked');
  await expect(store.load(origin)).resolves.toBeNull();
  await app.dispose();
});

test('sign-out with the backend down still clears the local session', async () => {
  const own = await startTestBackend();
  const store = new MemorySecretStore();
  const app = await createTestAppSession({ backendUrl: own.url, store, clientOptions: FAST_CLIENT });
  await app.signIn('Offline Olly');
  await own.close();
  await expect(app.signOut()).resolves.toMatchObject({ status: 'signed-out', reason: 'signed-out' });
  await expect(store.load(new URL(own.url).origin)).resolves.toBeNull();
  await expect(app.getToken()).rejects.toMatchObject({ code: 'session-ended' });
  await app.dispose();
});

test('sign-out with the backend up revokes the session there too', async () => {
  const { app, store } = await signedInApp();
  const refreshToken = (await store.load(new URL(backend.url).origin))?.refreshToken ?? '';
  await app.signOut();
  const response = await fetch(`${backend.url}/v1/token`, {
    method: 'POST',
    headers: { authorization: `Bearer ${refreshToken}`, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(response.status).toBe(401);
  await app.dispose();
});
