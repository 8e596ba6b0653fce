/**
 * What `POST /v1/sessions` in `oidc` mode refuses, over real HTTP: forged and broken tokens get
 * 401 (a missing required claim 403), in the contract's error shape, never a 5xx; the IdP
 * unreachable before any key is cached is 503 with Retry-After; keys are cached, an unknown `kid`
 * refetches them at most every 30 s, and a key the IdP rotates in is accepted within a minute.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { backendRoutes, ErrorBodySchema } from '../../../common/backend-contract';
import { startTestBackend, type TestBackend } from '../../support/backend-harness';
import { type ForgingIssuer, startForgingIssuer } from '../../support/forging-issuer';

let issuer: ForgingIssuer;
let backend: TestBackend;
beforeAll(async () => {
  issuer = await startForgingIssuer();
  backend = await startTestBackend({
    settings: { ...issuer.backendSettings, OIDC_REQUIRED_CLAIMS: 'tid=tenant-1,groups=callers' },
  });
});
afterAll(async () => {
  await backend?.close();
  await issuer?.close();
});
afterEach(() => {
  vi.useRealTimers();
});

const ALLOWED = { tid: 'tenant-1', groups: ['staff', 'callers'] };

async function signIn(authorization: string | undefined) {
  const response = await fetch(`${backend.url}${backendRoutes.sessions}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ displayName: 'Whoever' }),
  });
  const body = await response.json();
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
}

test('a valid token signs in; the body name is ignored for the token’s', async () => {
  const answer = await signIn(`Bearer ${await issuer.sign(ALLOWED)}`);
  expect(answer.status).toBe(201);
  expect(answer.body.user.displayName).toBe('Forge Tester');
});

describe('refused with 401 in the error shape', () => {
  const cases: [string, () => Promise<string | undefined>][] = [
    ['no Authorization header', async () => undefined],
    ['a Basic header', async () => 'Basic dXNlcjpwdw=='],
    ['garbage bearer', async () => 'Bearer not-a-jwt'],
    ['a JWT-shaped garbage bearer', async () => 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.AAAA'],
    ['a long non-JWT bearer', async () => `Bearer ${'a'.repeat(9_000)}`],
    ['wrong issuer', async () => `Bearer ${await issuer.sign({ ...ALLOWED, iss: 'https://evil.example.com' })}`],
    ['wrong audience', async () => `Bearer ${await issuer.sign({ ...ALLOWED, aud: 'api://another-api' })}`],
    [
      'expired beyond the 60 s skew',
      async () => `Bearer ${await issuer.sign({ ...ALLOWED, exp: Math.floor(Date.now() / 1000) - 61 })}`,
    ],
    [
      'not yet valid beyond the 60 s skew',
      async () => `Bearer ${await issuer.sign({ ...ALLOWED, nbf: Math.floor(Date.now() / 1000) + 120 })}`,
    ],
    ['alg: none', async () => `Bearer ${issuer.unsigned(ALLOWED)}`],
    ['HS256 keyed with the public key', async () => `Bearer ${await issuer.hmacWithPublicKey(ALLOWED)}`],
    ['an unknown key', async () => `Bearer ${await issuer.sign(ALLOWED, { key: 'unpublished' })}`],
    ['no sub', async () => `Bearer ${await issuer.sign({ ...ALLOWED, sub: null })}`],
    ['no exp', async () => `Bearer ${await issuer.sign({ ...ALLOWED, exp: null })}`],
  ];
  test.each(cases)('%s', async (_name, authorization) => {
    const answer = await signIn(await authorization());
    expect(answer.status).toBe(401);
    expect(ErrorBodySchema.parse(answer.body).error.code).toBe('unauthorized');
    expect(answer.body.error.message).toMatch(/sign in|Sign in/);
  });

  test('a token inside the 60 s skew is accepted', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await signIn(`Bearer ${await issuer.sign({ ...ALLOWED, exp: now - 30 })}`)).status).toBe(201);
    expect((await signIn(`Bearer ${await issuer.sign({ ...ALLOWED, nbf: now + 30 })}`)).status).toBe(201);
  });

  test('clock trouble is named', async () => {
    const now = Math.floor(Date.now() / 1000);
    const early = await signIn(`Bearer ${await issuer.sign({ ...ALLOWED, nbf: now + 3600 })}`);
    expect(early.body.error.message).toMatch(/clock/);
  });
});

describe('required claims', () => {
  test.each([
    ['tid missing', { groups: ['callers'] }],
    ['tid different', { tid: 'tenant-2', groups: ['callers'] }],
    ['group missing from the array', { tid: 'tenant-1', groups: ['staff'] }],
    ['groups absent', { tid: 'tenant-1' }],
  ])('%s → 403 with words to act on', async (_name, claims) => {
    const answer = await signIn(`Bearer ${await issuer.sign(claims)}`);
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({
      error: { code: 'forbidden', message: 'Your account isn’t allowed to use Switchboard; ask your administrator.' },
    });
  });
});

describe('keys', () => {
  test('cached: many sign-ins, no key-set fetch; garbage kids within the cooldown fetch nothing', async () => {
    await signIn(`Bearer ${await issuer.sign(ALLOWED)}`);
    const before = issuer.jwksFetches();
    for (let i = 0; i < 5; i++) expect((await signIn(`Bearer ${await issuer.sign(ALLOWED)}`)).status).toBe(201);
    for (let i = 0; i < 5; i++) await signIn(`Bearer ${await issuer.sign(ALLOWED, { key: 'unpublished' })}`);
    expect(issuer.jwksFetches() - before).toBeLessThanOrEqual(1);
  });

  test('a key rotated in is accepted within a minute', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    // Make sure the cache is fresh: the rotated key is then unknown and inside the cooldown.
    vi.setSystemTime(Date.now() + 31_000);
    await signIn(`Bearer ${await issuer.sign({ ...ALLOWED }, { key: 'unpublished' })}`);
    await issuer.rotate();
    const rotated = async () => signIn(`Bearer ${await issuer.sign(ALLOWED)}`);
    expect((await rotated()).status).toBe(401);
    vi.setSystemTime(Date.now() + 31_000);
    expect((await rotated()).status).toBe(201);
  });
});

test('the IdP unreachable before any key is cached: 503 with Retry-After, then recovery', async () => {
  const dark = await startForgingIssuer();
  dark.goDark();
  const lonely = await startTestBackend({ settings: dark.backendSettings });
  try {
    const token = await dark.sign();
    const down = await fetch(`${lonely.url}${backendRoutes.sessions}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{}',
    });
    expect(down.status).toBe(503);
    expect(Number(down.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(ErrorBodySchema.parse(await down.json()).error.code).toBe('idp_unavailable');
    dark.resume();
    const up = await fetch(`${lonely.url}${backendRoutes.sessions}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{}',
    });
    expect(up.status).toBe(201);
    expect(lonely.logs().join('\n')).not.toContain(token);
  } finally {
    await lonely.close();
    await dark.close();
  }
});

test('at trace level, an oidc run logs none of the bearers, forged or valid, nor the tokens it issued', async () => {
  const traced = await startTestBackend({
    standIn: backend.standIn,
    settings: { ...issuer.backendSettings, LOG_LEVEL: 'trace', OIDC_REQUIRED_CLAIMS: 'tid=tenant-1' },
  });
  try {
    const bearers = [
      await issuer.sign({ tid: 'tenant-1' }),
      await issuer.sign({ tid: 'tenant-2' }),
      await issuer.sign({ tid: 'tenant-1', aud: 'api://other' }),
      issuer.unsigned({ tid: 'tenant-1' }),
    ];
    const issued: string[] = [];
    for (const bearer of bearers) {
      const response = await fetch(`${traced.url}${backendRoutes.sessions}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: '{}',
      });
      const body = await response.json();
      if (response.status === 201) issued.push(body.accessToken.token, body.session.refreshToken);
    }
    expect(issued).toHaveLength(2);
    const logs = traced.logs().join('\n');
    expect(logs).toContain('session created');
    for (const secret of [...bearers, ...issued]) expect(logs).not.toContain(secret);
    // The signature part alone is enough to look for.
    for (const bearer of bearers) {
      const signature = bearer.split('.')[2];
      if (signature) expect(logs).not.toContain(signature);
    }
  } finally {
    await traced.close();
  }
});
