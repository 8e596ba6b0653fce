/**
 * Every route and every error of the v1 contract over real HTTP, against the real backend and
 * the ACS stand-in (through the real identity SDK).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import helmet from 'helmet';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  backendRoutes,
  DiscoveryDocumentSchema,
  ErrorBodySchema,
  type SessionAnswer,
  SessionAnswerSchema,
} from '../../../common/backend-contract';
import { startTestBackend, type TestBackend } from '../../support/backend-harness';

let backend: TestBackend;
beforeAll(async () => {
  // Short enough for the timeout test below, long enough that no other ACS call here times out
  // when the machine is busy (400 ms did, under a full parallel run on 2 cores).
  backend = await startTestBackend({ settings: { ACS_TIMEOUT_MS: '2000' } });
});
afterAll(() => backend.close());

const refresh = (refreshToken: string, target = backend) =>
  fetch(`${target.url}${backendRoutes.token}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${refreshToken}`, 'content-type': 'application/json' },
    body: '{}',
  });

const signOut = (refreshToken: string) =>
  fetch(`${backend.url}${backendRoutes.currentSession}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${refreshToken}` },
  });

/** Asserts the contract's error shape and answers the code. */
async function errorCode(response: Response): Promise<string> {
  const text = await response.text();
  expect(text).not.toMatch(/\n\s+at /); // never a stack
  return ErrorBodySchema.parse(JSON.parse(text)).error.code;
}

async function refreshed(response: Response): Promise<SessionAnswer> {
  expect(response.status).toBe(200);
  return SessionAnswerSchema.parse(await response.json());
}

describe('GET /.well-known/switchboard and /healthz', () => {
  test('the discovery document is v1 with open sign-in and nothing optional by default', async () => {
    const response = await fetch(`${backend.url}${backendRoutes.discovery}`);
    expect(response.status).toBe(200);
    const document = DiscoveryDocumentSchema.parse(await response.json());
    expect(document).toEqual({ api: 'switchboard/1', signIn: ['open'] });
  });

  test('a configured caller id and the offline development flag appear in discovery', async () => {
    const other = await startTestBackend({
      standIn: backend.standIn,
      offlineAcs: true,
      settings: { PSTN_ALTERNATE_CALLER_ID: '+14255550123' },
    });
    try {
      const document = DiscoveryDocumentSchema.parse(
        await (await fetch(`${other.url}${backendRoutes.discovery}`)).json(),
      );
      expect(document.pstn).toEqual({ alternateCallerId: '+14255550123' });
      expect(document.development).toEqual({ offlineAcs: true });
    } finally {
      await other.close();
    }
  });

  test('responses carry security headers and a request id, and no CORS headers even when asked', async () => {
    const response = await fetch(`${backend.url}${backendRoutes.discovery}`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(response.headers.get('x-frame-options')).toBeTruthy();
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();

    const preflight = await fetch(`${backend.url}${backendRoutes.token}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(405);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(await errorCode(preflight)).toBe('method_not_allowed');
  });

  test("every answer, errors included, carries exactly Helmet's default headers", async () => {
    // What Helmet's middleware itself sets on a plain Node server: the backend records it once at
    // start-up (security-headers.ts) and must send the same, on success and on failure alike.
    const plain = createServer((request, response) => helmet()(request, response, () => response.end()));
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const helmetAnswer = await fetch(`http://127.0.0.1:${(plain.address() as AddressInfo).port}/`);
    await new Promise((resolve) => plain.close(resolve));
    const transport = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
    const expected = [...helmetAnswer.headers].filter(([name]) => !transport.has(name));
    expect(expected.length).toBeGreaterThan(8);

    const answers = [
      await fetch(`${backend.url}${backendRoutes.discovery}`),
      await refresh('not-a-token'), // 401 from the refresh path
      await fetch(`${backend.url}/v1/nothing-here`), // 404
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 401, 404]);
    for (const answer of answers) {
      for (const [name, value] of expected) expect([name, answer.headers.get(name)]).toEqual([name, value]);
    }
  });

  test('a wrong method on a known path is 405 with Allow; an unknown path is 404', async () => {
    const wrong = await fetch(`${backend.url}${backendRoutes.token}`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect(await errorCode(wrong)).toBe('method_not_allowed');
    const unknown = await fetch(`${backend.url}/v2/token`, { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect(await errorCode(unknown)).toBe('not_found');
  });
});

describe('POST /v1/sessions', () => {
  test('creates an ACS identity and answers a valid voip token and a refresh token', async () => {
    const answer = await backend.signIn('Ada Lovelace');
    expect(answer.user.displayName).toBe('Ada Lovelace');
    expect(answer.user.communicationUserId).toMatch(/^8:acs:/);
    expect(answer.session.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const check = await backend.standIn.checkUserToken(answer.accessToken.token);
    expect(check).toMatchObject({ valid: true, userId: answer.user.communicationUserId, scopes: ['voip'] });
    // The configured lifetime (default 60 minutes) reached ACS: expiresOn is the JWT's exp.
    if (check.valid) expect(check.expiresOn.toISOString()).toBe(answer.accessToken.expiresOn);
    const minutes = (Date.parse(answer.accessToken.expiresOn) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(58);
    expect(minutes).toBeLessThanOrEqual(60);
  });

  test.each([
    ['no body', undefined, 'application/json', 400, 'invalid_request'],
    ['no displayName', '{}', 'application/json', 400, 'invalid_request'],
    ['an empty name', '{"displayName":"   "}', 'application/json', 400, 'invalid_request'],
    [
      'a 257-character name',
      JSON.stringify({ displayName: 'x'.repeat(257) }),
      'application/json',
      400,
      'invalid_request',
    ],
    ['a number for a name', '{"displayName":42}', 'application/json', 400, 'invalid_request'],
    ['broken JSON', '{"displayName":', 'application/json', 400, 'invalid_request'],
    ['prototype poisoning', '{"__proto__":{"x":1},"displayName":"a"}', 'application/json', 400, 'invalid_request'],
    ['a text body', 'displayName=Ada', 'text/plain', 415, 'unsupported_media_type'],
    ['a form body', 'displayName=Ada', 'application/x-www-form-urlencoded', 415, 'unsupported_media_type'],
    [
      'an oversize body',
      JSON.stringify({ displayName: 'a', pad: 'x'.repeat(10_000) }),
      'application/json',
      413,
      'payload_too_large',
    ],
  ])('%s', async (_name, body, contentType, status, code) => {
    const response = await fetch(`${backend.url}${backendRoutes.sessions}`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      ...(body === undefined ? {} : { body }),
    });
    expect(response.status).toBe(status);
    expect(await errorCode(response)).toBe(code);
  });

  test('ACS throttling during sign-in is a 503 with ACS’s Retry-After, and nothing is created', async () => {
    const usersBefore = backend.standIn.userIds().length;
    backend.standIn.failNext(1, { status: 429, retryAfterSeconds: 7 });
    const response = await fetch(`${backend.url}${backendRoutes.sessions}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"displayName":"Ada"}',
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await errorCode(response)).toBe('acs_unavailable');
    expect(backend.standIn.userIds().length).toBe(usersBefore);
  });
});

describe('POST /v1/token', () => {
  test.each([
    ['no Authorization header', undefined],
    ['an empty bearer', 'Bearer '],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['garbage', 'Bearer not-a-token'],
    ['a well-formed token nobody issued', `Bearer ${'A'.repeat(43)}`],
    ['two tokens', `Bearer ${'A'.repeat(43)} ${'B'.repeat(43)}`],
  ])('%s is 401 unauthorized', async (_name, authorization) => {
    const response = await fetch(`${backend.url}${backendRoutes.token}`, {
      method: 'POST',
      headers: authorization === undefined ? {} : { authorization },
    });
    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe('unauthorized');
  });

  test('rotates the refresh token and answers a fresh ACS token (empty body or {})', async () => {
    const signedIn = await backend.signIn();
    const empty = await fetch(`${backend.url}${backendRoutes.token}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${signedIn.session.refreshToken}` },
    });
    const first = await refreshed(empty);
    expect(first.session.refreshToken).not.toBe(signedIn.session.refreshToken);
    expect(first.user).toEqual(signedIn.user);
    expect(await backend.standIn.checkUserToken(first.accessToken.token)).toMatchObject({ valid: true });
    const second = await refreshed(await refresh(first.session.refreshToken));
    expect(second.session.refreshToken).not.toBe(first.session.refreshToken);
  });

  test('a body other than {} is refused', async () => {
    const signedIn = await backend.signIn();
    const response = await fetch(`${backend.url}${backendRoutes.token}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${signedIn.session.refreshToken}`, 'content-type': 'application/json' },
      body: '[1,2]',
    });
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('invalid_request');
  });

  test('the previous token works until the new one is used; then it is reuse and the whole session ends', async () => {
    const signedIn = await backend.signIn();
    const t0 = signedIn.session.refreshToken;
    const t1 = (await refreshed(await refresh(t0))).session.refreshToken;
    // The answer with t1 might have been lost: t0 still works (and issues another child).
    const t1b = (await refreshed(await refresh(t0))).session.refreshToken;
    const t2 = await refreshed(await refresh(t1b));
    // t1b is now in use: t0 and the never-used t1 are from the past.
    const reused = await refresh(t0);
    expect(reused.status).toBe(401);
    expect(await errorCode(reused)).toBe('refresh_token_reused');
    // The whole session is gone, the newest token included, and so are its ACS tokens.
    const newest = await refresh(t2.session.refreshToken);
    expect(newest.status).toBe(401);
    expect(await errorCode(newest)).toBe('refresh_token_reused');
    expect(await backend.standIn.checkUserToken(t2.accessToken.token)).toEqual({ valid: false, reason: 'revoked' });
    expect((await refresh(t1)).status).toBe(401);
  });

  test('a revoked session answers 401 session_revoked', async () => {
    const signedIn = await backend.signIn();
    expect(await backend.revokeSession(signedIn.session.refreshToken)).toBe(true);
    const response = await refresh(signedIn.session.refreshToken);
    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe('session_revoked');
  });

  test('a session idle past SESSION_IDLE_DAYS answers 401 session_expired', async () => {
    let offsetMs = 0;
    const clocked = await startTestBackend({
      standIn: backend.standIn,
      settings: { SESSION_IDLE_DAYS: '30' },
      now: () => new Date(Date.now() + offsetMs),
    });
    try {
      const signedIn = await clocked.signIn();
      const next = await refreshed(await refresh(signedIn.session.refreshToken, clocked));
      offsetMs = 29 * 24 * 3600_000; // idle expiry slides with each refresh: still alive
      const later = await refreshed(await refresh(next.session.refreshToken, clocked));
      offsetMs += 31 * 24 * 3600_000;
      const expired = await refresh(later.session.refreshToken, clocked);
      expect(expired.status).toBe(401);
      expect(await errorCode(expired)).toBe('session_expired');
    } finally {
      await clocked.close();
    }
  });

  test('ACS failing maps to 503/502 with Retry-After, and the refresh token still works afterwards', async () => {
    const signedIn = await backend.signIn();
    const token = signedIn.session.refreshToken;

    backend.standIn.failNext(1, { status: 429, retryAfterSeconds: 12 });
    const throttled = await refresh(token);
    expect(throttled.status).toBe(503);
    expect(throttled.headers.get('retry-after')).toBe('12');
    expect(await errorCode(throttled)).toBe('acs_unavailable');

    backend.standIn.failNext(1, { status: 503 });
    const unavailable = await refresh(token);
    expect(unavailable.status).toBe(503);
    expect(Number(unavailable.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await errorCode(unavailable)).toBe('acs_unavailable');

    backend.standIn.setLatency(5_000); // beyond ACS_TIMEOUT_MS=2000
    try {
      const timedOut = await refresh(token);
      expect(timedOut.status).toBe(502);
      expect(Number(timedOut.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await errorCode(timedOut)).toBe('acs_unavailable');
    } finally {
      backend.standIn.setLatency(0);
    }

    // The failed refreshes made the token the anchor (as a lost answer would): it still works.
    await refreshed(await refresh(token));
  });

  test('an ACS identity deleted behind our back ends the session with 401', async () => {
    const signedIn = await backend.signIn();
    const admin = new CommunicationIdentityClient(backend.standIn.connectionString, {
      tlsOptions: { ca: backend.standIn.certificates.caCertPem },
    });
    await admin.deleteUser({ communicationUserId: signedIn.user.communicationUserId });
    const response = await refresh(signedIn.session.refreshToken);
    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe('session_revoked');
  });
});

describe('DELETE /v1/sessions/current', () => {
  test('revokes the session and its ACS tokens; repeating it is harmless', async () => {
    const signedIn = await backend.signIn();
    const response = await signOut(signedIn.session.refreshToken);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(await backend.standIn.checkUserToken(signedIn.accessToken.token)).toEqual({
      valid: false,
      reason: 'revoked',
    });
    const after = await refresh(signedIn.session.refreshToken);
    expect(after.status).toBe(401);
    expect(await errorCode(after)).toBe('session_revoked');
    expect((await signOut(signedIn.session.refreshToken)).status).toBe(204);
  });

  test('an unknown or missing token is 401', async () => {
    const unknown = await signOut('A'.repeat(43));
    expect(unknown.status).toBe(401);
    expect(await errorCode(unknown)).toBe('unauthorized');
    const missing = await fetch(`${backend.url}${backendRoutes.currentSession}`, { method: 'DELETE' });
    expect(missing.status).toBe(401);
  });

  test('when ACS fails the session is still revoked, and a retry completes the ACS revoke', async () => {
    const signedIn = await backend.signIn();
    backend.standIn.failNext(1, { status: 503, retryAfterSeconds: 2 });
    const failed = await signOut(signedIn.session.refreshToken);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('2');
    expect((await refresh(signedIn.session.refreshToken)).status).toBe(401);
    expect(await backend.standIn.checkUserToken(signedIn.accessToken.token)).toMatchObject({ valid: true });
    expect((await signOut(signedIn.session.refreshToken)).status).toBe(204);
    expect(await backend.standIn.checkUserToken(signedIn.accessToken.token)).toMatchObject({ valid: false });
  });
});

describe('rate limits', () => {
  test('per client address: 429 with Retry-After past RATE_LIMIT_PER_IP; /healthz stays exempt', async () => {
    const limited = await startTestBackend({ standIn: backend.standIn, settings: { RATE_LIMIT_PER_IP: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(`${limited.url}${backendRoutes.discovery}`)).status);
      expect(statuses).toEqual([200, 200, 200]);
      const refused = await fetch(`${limited.url}${backendRoutes.discovery}`);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await errorCode(refused)).toBe('rate_limited');
      expect((await fetch(`${limited.url}${backendRoutes.health}`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  test('per session: a busy session is limited across rotations while another session is not', async () => {
    const limited = await startTestBackend({ standIn: backend.standIn, settings: { RATE_LIMIT_PER_SESSION: '2' } });
    try {
      const busy = await limited.signIn();
      const calm = await limited.signIn();
      const first = await refreshed(await refresh(busy.session.refreshToken, limited));
      const second = await refreshed(await refresh(first.session.refreshToken, limited));
      const refused = await refresh(second.session.refreshToken, limited);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await errorCode(refused)).toBe('rate_limited');
      await refreshed(await refresh(calm.session.refreshToken, limited));
    } finally {
      await limited.close();
    }
  });
});
