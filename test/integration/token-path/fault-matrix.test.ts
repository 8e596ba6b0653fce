import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backendRoutes } from '../../../common/backend-contract';
import { BackendError } from '../../../electron/main/backend-client/backend-errors';
import { type Fault, type MisbehavingBackend, startMisbehavingBackend } from '../../support/misbehaving-backend';
import { brokerFor } from './broker-fixture';

// docs/token-path.md "Fault matrix": each fault on POST /v1/token ends in its documented outcome,
// and the refresh state the broker holds is still one the backend accepts (nothing valid is lost).
let backend: MisbehavingBackend;
let elsewhere: { server: Server; url: string; hits: number };

beforeAll(async () => {
  backend = await startMisbehavingBackend();
  const server = createServer((_req, res) => {
    elsewhere.hits++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  elsewhere = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: 0 };
});

afterAll(async () => {
  await backend?.stop();
  await new Promise((done) => elsewhere?.server.close(done));
});

async function signedInWithExpiredCache() {
  const fixture = brokerFor(backend.url);
  await fixture.broker.signIn('Fault Tester');
  fixture.expireCache();
  return fixture;
}

async function expectNothingLost(fixture: Awaited<ReturnType<typeof signedInWithExpiredCache>>) {
  const stored = await fixture.storedRefreshToken();
  expect(stored).not.toBeNull();
  expect(backend.isValidRefreshToken(stored ?? '')).toBe(true);
  expect(fixture.broker.state.status).toBe('signed-in');
  // And once the backend behaves, the same session works again.
  await expect(fixture.broker.getToken()).resolves.toMatchObject({ token: expect.any(String) });
}

const failures: Array<[string, BackendError['code'], number, RegExp, Fault[]]> = [
  [
    '500 on every attempt',
    'server-error',
    3,
    /had a problem.*HTTP 500/,
    [500, 500, 500].map((status) => ({ kind: 'status', status })),
  ],
  [
    'a hang past the timeout',
    'unreachable',
    3,
    /did not (answer|finish)/,
    [{ kind: 'hang' }, { kind: 'hang' }, { kind: 'hang' }],
  ],
  [
    'a connection reset',
    'unreachable',
    3,
    /cannot reach the backend/,
    [{ kind: 'reset' }, { kind: 'reset' }, { kind: 'reset' }],
  ],
  ['truncated JSON', 'bad-response', 1, /not complete JSON/, [{ kind: 'truncated-json' }]],
  [
    'wrong types',
    'bad-response',
    1,
    /unexpected or missing fields \(user\.communicationUserId/,
    [{ kind: 'wrong-types' }],
  ],
  ['a 10 MB body', 'bad-response', 1, /larger than 256 KB/, [{ kind: 'huge-body', bytes: 10 * 1024 * 1024 }]],
  [
    '429 with a Retry-After beyond the deadline',
    'rate-limited',
    1,
    /busy and asked Switchboard to wait 120 seconds/,
    [{ kind: 'status', status: 429, headers: { 'retry-after': '120' } }],
  ],
  [
    '400 (not retried)',
    'rejected',
    1,
    /refused renewing the access token \(HTTP 400/,
    [{ kind: 'status', status: 400 }],
  ],
];

describe('faults that fail the refresh keep the session', () => {
  test.each(failures)('%s → %s after %i request(s)', async (_label, code, requests, message, faults) => {
    const fixture = await signedInWithExpiredCache();
    const before = backend.requests(backendRoutes.token);
    backend.script(backendRoutes.token, ...faults);
    const error = await fixture.broker.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect((error as BackendError).code).toBe(code);
    expect((error as BackendError).message).toMatch(message);
    expect((error as BackendError).message).not.toContain((await fixture.storedRefreshToken()) ?? '-');
    expect(backend.requests(backendRoutes.token) - before).toBe(requests);
    await expectNothingLost(fixture);
  });

  test('a redirect to another origin is not followed → redirected', async () => {
    const fixture = await signedInWithExpiredCache();
    backend.script(backendRoutes.token, { kind: 'redirect', location: `${elsewhere.url}/steal` });
    const error = (await fixture.broker.getToken().catch((e: unknown) => e)) as BackendError;
    expect(error.code).toBe('redirected');
    expect(error.message).toContain(new URL(elsewhere.url).origin);
    expect(elsewhere.hits).toBe(0); // the refresh token never went there
    await expectNothingLost(fixture);
  });

  test('connection refused (backend down) → unreachable, and the session survives the outage', async () => {
    const fixture = await signedInWithExpiredCache();
    await backend.stop();
    try {
      const error = (await fixture.broker.getToken().catch((e: unknown) => e)) as BackendError;
      expect(error.code).toBe('unreachable');
      expect(error.message).toMatch(/cannot reach the backend at http:\/\/localhost:\d+/);
    } finally {
      await backend.restart();
    }
    await expectNothingLost(fixture);
  });
});

describe('faults the client rides out', () => {
  test.each([
    ['503 then success', [{ kind: 'status', status: 503 } as Fault], 2],
    [
      '429 with Retry-After: 1 then success',
      [{ kind: 'status', status: 429, headers: { 'retry-after': '1' } } as Fault],
      2,
    ],
    ['a hang then success', [{ kind: 'hang' } as Fault], 2],
  ])('%s → a token, the rotated refresh token stored', async (_label, faults, requests) => {
    const fixture = await signedInWithExpiredCache();
    const before = backend.requests(backendRoutes.token);
    const oldRefresh = await fixture.storedRefreshToken();
    backend.script(backendRoutes.token, ...faults);
    await expect(fixture.broker.getToken()).resolves.toMatchObject({ token: expect.any(String) });
    expect(backend.requests(backendRoutes.token) - before).toBe(requests);
    const rotated = await fixture.storedRefreshToken();
    expect(rotated).not.toBe(oldRefresh);
    expect(backend.isValidRefreshToken(rotated ?? '')).toBe(true);
  });
});

describe('answers that end or spoil the refresh', () => {
  test('an already-expired access token → bad-response, yet the rotated refresh token is stored', async () => {
    const fixture = await signedInWithExpiredCache();
    const oldRefresh = await fixture.storedRefreshToken();
    backend.script(backendRoutes.token, { kind: 'expired-token' });
    const error = (await fixture.broker.getToken().catch((e: unknown) => e)) as BackendError;
    expect(error.code).toBe('bad-response');
    expect(error.message).toMatch(/already expired.*date and time/);
    const rotated = await fixture.storedRefreshToken();
    expect(rotated).not.toBe(oldRefresh);
    await expectNothingLost(fixture);
  });

  test('401 (revoked) → session-ended: state cleared, listeners told why', async () => {
    const fixture = await signedInWithExpiredCache();
    backend.script(backendRoutes.token, {
      kind: 'status',
      status: 401,
      body: { error: { code: 'session_revoked', message: 'The session has ended.' } },
    });
    const error = (await fixture.broker.getToken().catch((e: unknown) => e)) as BackendError;
    expect(error.code).toBe('session-ended');
    expect(error.message).toMatch(/has ended \(it was signed out or revoked\)\. Sign in again\./);
    expect(await fixture.storedRefreshToken()).toBeNull();
    expect(fixture.broker.state).toMatchObject({ status: 'signed-out', reason: 'revoked' });
    expect(fixture.sessionEvents.at(-1)).toBe('signed-out:revoked');
  });
});
