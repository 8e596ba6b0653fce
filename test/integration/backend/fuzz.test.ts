/**
 * 1200 random and malformed requests over raw HTTP (methods, paths, headers, bodies that no
 * well-behaved client sends): never a 5xx, always the contract's error shape for a 4xx, and the
 * server still answers /healthz afterwards.
 */
import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ErrorBodySchema } from '../../../common/backend-contract';
import { startTestBackend, type TestBackend } from '../../support/backend-harness';

let backend: TestBackend;
let validRefreshToken: string;
beforeAll(async () => {
  backend = await startTestBackend();
  validRefreshToken = (await backend.signIn('Fuzz')).session.refreshToken;
});
afterAll(() => backend.close());

interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

function send(raw: RawRequest): Promise<{ status: number; body: string }> {
  const { port } = new URL(backend.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: raw.method, path: raw.path, headers: raw.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end(raw.body);
  });
}

const pathArbitrary = fc.oneof(
  fc.constantFrom('/.well-known/switchboard', '/v1/sessions', '/v1/token', '/v1/sessions/current', '/healthz'),
  fc.constantFrom('/v1/sessions/', '/v1//token', '/v1/sessions/current/', '/%2e%2e/etc/passwd', '/v1/token?x=%ff'),
  fc.array(fc.stringMatching(/^[A-Za-z0-9._~%-]{0,12}$/), { maxLength: 5 }).map((segments) => `/${segments.join('/')}`),
  fc
    .constantFrom('/v1/token', '/v1/sessions')
    .chain((base) => fc.stringMatching(/^[A-Za-z0-9=&%._-]{0,30}$/).map((query) => `${base}?${query}`)),
);

const authorizationArbitrary = fc.oneof(
  fc.constant(undefined),
  fc.constant('VALID'),
  fc.stringMatching(/^[\x21-\x7e ]{0,80}$/),
  fc.stringMatching(/^[A-Za-z0-9_-]{40,46}$/).map((token) => `Bearer ${token}`),
  fc.constantFrom('Bearer', 'Bearer ', 'bearer x', 'Basic Zm9vOmJhcg==', `Bearer ${'A'.repeat(5000)}`),
);

const bodyArbitrary = fc.oneof(
  fc.constant(''),
  fc.json().map((json) => json),
  fc.jsonValue().map((value) => JSON.stringify({ displayName: value })),
  fc.string({ maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.constantFrom(
    '{"displayName":"Ada"}',
    '{"__proto__":{"polluted":true},"displayName":"x"}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"displayName":"\\u0000\\ud800"}',
    '[]',
    'null',
    '{"displayName":"a"'.repeat(50),
    'x'.repeat(9000),
  ),
);

const requestArbitrary = fc
  .record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'),
    path: pathArbitrary,
    contentType: fc.option(
      fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'APPLICATION/JSON',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=latin1',
        ';;;',
      ),
      { nil: undefined },
    ),
    authorization: authorizationArbitrary,
    body: bodyArbitrary,
    extraHeader: fc.option(
      fc.tuple(fc.constantFrom('x-forwarded-for', 'origin', 'x-request-id'), fc.stringMatching(/^[\x21-\x7e]{1,40}$/)),
      {
        nil: undefined,
      },
    ),
  })
  .map(({ method, path, contentType, authorization, body, extraHeader }): RawRequest => {
    const headers: Record<string, string> = {};
    if (contentType) headers['content-type'] = contentType;
    if (authorization)
      headers.authorization = authorization === 'VALID' ? `Bearer ${validRefreshToken}` : authorization;
    if (extraHeader) headers[extraHeader[0]] = extraHeader[1];
    const bytes = method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : Buffer.from(body, 'latin1');
    // Framed bodies: the fuzz is about what the backend does with a request, not HTTP framing.
    if (bytes.length > 0) headers['content-length'] = String(bytes.length);
    return { method, path, headers, body: bytes };
  });

test('1200 malformed requests: zero 5xx, errors always in the contract shape, /healthz still answers', async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(requestArbitrary, async (raw) => {
      const answer = await send(raw);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      expect(answer.status).toBeLessThan(500);
      if (answer.status >= 400 && raw.method !== 'HEAD') {
        expect(ErrorBodySchema.safeParse(JSON.parse(answer.body)).success).toBe(true);
        expect(answer.body).not.toMatch(/\n\s+at /);
      }
    }),
    { numRuns: 1200 },
  );
  const total = [...statuses.values()].reduce((sum, n) => sum + n, 0);
  expect(total).toBe(1200);
  // The run reached deep: successes, client errors and refusals all happened.
  expect([...statuses.keys()].some((status) => status < 300)).toBe(true);
  expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
  expect(statuses.get(401) ?? 0).toBeGreaterThan(0);
  expect((await fetch(`${backend.url}/healthz`)).status).toBe(200);
});
