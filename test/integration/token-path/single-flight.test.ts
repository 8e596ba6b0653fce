import { afterAll, beforeAll, expect, test } from 'vitest';
import { backendRoutes } from '../../../common/backend-contract';
import { type MisbehavingBackend, startMisbehavingBackend } from '../../support/misbehaving-backend';
import { brokerFor } from './broker-fixture';

let backend: MisbehavingBackend;
beforeAll(async () => {
  backend = await startMisbehavingBackend();
});
afterAll(async () => {
  await backend?.stop();
});

test('1000 concurrent getToken calls on an expired cache → one backend request; an aborted caller gets AbortError, the rest the token', async () => {
  const { broker, expireCache, storedRefreshToken } = brokerFor(backend.url);
  await broker.signIn('Crowd');
  expireCache();
  // Hold the refresh at the backend until every caller is waiting, then let it through.
  backend.script(backendRoutes.token, { kind: 'status', status: 503 });
  const before = backend.requests(backendRoutes.token);

  const aborter = new AbortController();
  const aborted = broker.getToken(aborter.signal);
  const others = Array.from({ length: 999 }, () => broker.getToken(new AbortController().signal));
  aborter.abort();

  await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
  const tokens = await Promise.all(others);
  expect(new Set(tokens.map((t) => t.token)).size).toBe(1);
  // One flight: the 503 and its one retry, never one request per caller.
  expect(backend.requests(backendRoutes.token) - before).toBe(2);
  expect(backend.isValidRefreshToken((await storedRefreshToken()) ?? '')).toBe(true);

  // And the next call is served from memory.
  await broker.getToken();
  expect(backend.requests(backendRoutes.token) - before).toBe(2);
});

test('1000 concurrent getToken calls with no fault → exactly one backend request', async () => {
  const { broker, expireCache } = brokerFor(backend.url);
  await broker.signIn('Crowd');
  expireCache();
  const before = backend.requests(backendRoutes.token);
  const tokens = await Promise.all(Array.from({ length: 1000 }, () => broker.getToken()));
  expect(new Set(tokens.map((t) => t.token)).size).toBe(1);
  expect(backend.requests(backendRoutes.token) - before).toBe(1);
});

test('aborting every caller does not cancel the shared request: its token is cached for the next caller', async () => {
  const { broker, expireCache } = brokerFor(backend.url);
  await broker.signIn('Quitter');
  expireCache();
  const before = backend.requests(backendRoutes.token);
  const controllers = Array.from({ length: 10 }, () => new AbortController());
  const waits = controllers.map((c) => broker.getToken(c.signal));
  for (const c of controllers) c.abort();
  for (const wait of waits) await expect(wait).rejects.toMatchObject({ name: 'AbortError' });
  await expect(broker.getToken()).resolves.toMatchObject({ token: expect.any(String) });
  expect(backend.requests(backendRoutes.token) - before).toBe(1);
});
