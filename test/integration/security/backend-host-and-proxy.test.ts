/**
 * Replays issue 13, finding 8: DNS rebinding against a backend on loopback (a page whose name
 * was re-pointed at 127.0.0.1 sends its own name in Host), and X-Forwarded-For spoofing to dodge
 * the per-IP limit (TRUST_PROXY=true believed the client's own leftmost entry).
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConfigError, parseConfig } from '../../../backend/config';
import { backendRoutes } from '../../../common/backend-contract';
import { startTestBackend, type TestBackend } from '../../support/backend-harness';

/** A raw request, so that Host and X-Forwarded-For are exactly what an attacker's page would send. */
function send(url: string, path: string, headers: Record<string, string>) {
  const { port } = new URL(url);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, method: 'GET', headers, agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('DNS rebinding: a backend on loopback answers only loopback names on its port', () => {
  let backend: TestBackend;
  let port: string;
  beforeAll(async () => {
    backend = await startTestBackend();
    port = new URL(backend.url).port;
  });
  afterAll(() => backend.close());

  test.each(['localhost', '127.0.0.1', '[::1]', 'LOCALHOST'])('Host %s:<port> is answered', async (name) => {
    expect((await send(backend.url, backendRoutes.discovery, { host: `${name}:${port}` })).status).toBe(200);
  });

  test.each([
    ['a rebound name', () => `attacker.example:${port}`],
    ['a loopback name on another port', () => `localhost:${Number(port) + 1}`],
    ['no port', () => 'localhost'],
    ['a name that merely starts with localhost', () => `localhost.attacker.example:${port}`],
  ])('%s is refused with the contract error body', async (_what, host) => {
    const answer = await send(backend.url, backendRoutes.discovery, { host: host() });
    expect(answer.status).toBe(421);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'invalid_request' } });
  });

  test('a sign-in through a rebound name creates no ACS identity', async () => {
    const before = backend.standIn.requests.length;
    const answer = await new Promise<number>((resolve, reject) => {
      const outgoing = request(
        {
          host: '127.0.0.1',
          port,
          path: backendRoutes.sessions,
          method: 'POST',
          headers: { host: `attacker.example:${port}`, 'content-type': 'application/json' },
          agent: false,
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(JSON.stringify({ displayName: 'Mallory' }));
    });
    expect(answer).toBe(421);
    expect(backend.standIn.requests.length).toBe(before);
  });
});

describe('TRUST_PROXY', () => {
  // Open sign-in behind a proxy must be allowed explicitly (company sign-in's rule): these tests
  // are about the proxy setting itself.
  const base = {
    ACS_CONNECTION_STRING: `endpoint=https://contoso.communication.azure.com/;accesskey=${Buffer.alloc(32, 1).toString('base64')}`,
    ALLOW_OPEN_SIGN_IN_ON_NETWORK: 'true',
  };

  test('"true" is refused with one line: it would let a client choose its own address', () => {
    expect(() => parseConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => parseConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(/lets a client choose its own address/);
    expect(() => parseConfig({ ...base, TRUST_PROXY: '10.0.0.5,not-an-address' })).toThrow(ConfigError);
    expect(parseConfig({ ...base, TRUST_PROXY: '10.0.0.5, 10.1.0.0/16' }).trustProxy).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
    ]);
  });

  /** Each request claims a new address in front of the one the proxy appended. */
  const spoofed = (n: number) => ({ 'x-forwarded-for': `198.51.100.${n}, 203.0.113.7` });

  test.each([
    ['a hop count', '1'],
    ['the proxy address', '127.0.0.1'],
  ])('with %s, a spoofed X-Forwarded-For does not dodge the per-IP limit', async (_what, trustProxy) => {
    const backend = await startTestBackend({
      settings: { TRUST_PROXY: trustProxy, RATE_LIMIT_PER_IP: '3', ALLOW_OPEN_SIGN_IN_ON_NETWORK: 'true' },
    });
    try {
      const host = `127.0.0.1:${new URL(backend.url).port}`;
      const statuses: number[] = [];
      for (let n = 1; n <= 5; n++) {
        statuses.push((await send(backend.url, backendRoutes.discovery, { host, ...spoofed(n) })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      // Another client behind the same proxy still has its own budget.
      const other = await send(backend.url, backendRoutes.discovery, {
        host,
        'x-forwarded-for': '203.0.113.8',
      });
      expect(other.status).toBe(200);
    } finally {
      await backend.close();
    }
  });
});
