import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backendRoutes } from '../../../common/backend-contract';
import { BackendClient } from '../../../electron/main/backend-client/backend-client';
import { BackendError } from '../../../electron/main/backend-client/backend-errors';
import { backendUrl } from '../../support/backend-url';
import { createTestAppSession } from '../../support/bridge-harness';
import { type MisbehavingBackend, startMisbehavingBackend } from '../../support/misbehaving-backend';
import { FAST_CLIENT } from './broker-fixture';

let backend: MisbehavingBackend;
beforeAll(async () => {
  backend = await startMisbehavingBackend();
});
afterAll(async () => {
  await backend?.stop();
});

test('a redirect within the backend’s own origin is followed, method and body kept (307)', async () => {
  const client = new BackendClient(backendUrl(backend.url), FAST_CLIENT);
  backend.script(backendRoutes.sessions, { kind: 'redirect', location: `${backend.url}${backendRoutes.sessions}` });
  await expect(client.createSession('Redirected Rosa')).resolves.toMatchObject({
    user: { displayName: 'Redirected Rosa' },
  });
});

test('the caller’s AbortSignal ends the request at once with AbortError, without retrying', async () => {
  const client = new BackendClient(backendUrl(backend.url), FAST_CLIENT);
  const before = backend.requests(backendRoutes.discovery);
  backend.script(backendRoutes.discovery, { kind: 'hang' });
  const controller = new AbortController();
  const pending = client.discover(controller.signal);
  await expect.poll(() => backend.requests(backendRoutes.discovery)).toBe(before + 1);
  controller.abort();
  await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  expect(backend.requests(backendRoutes.discovery)).toBe(before + 1);
});

test('a refused sign-in shows the backend’s reason, one line, with our bearer token scrubbed', async () => {
  const client = new BackendClient(backendUrl(backend.url), FAST_CLIENT);
  const proof = 'oidc-proof-token-value';
  backend.script(backendRoutes.sessions, {
    kind: 'status',
    status: 401,
    body: { error: { code: 'unauthorized', message: `token ${proof} expired\nat line 2` } },
  });
  const error = (await client.createSession('Ada', proof).catch((e: unknown) => e)) as BackendError;
  expect(error).toBeInstanceOf(BackendError);
  expect(error.code).toBe('sign-in-rejected');
  expect(error.message).toBe(
    `The backend at ${new URL(backend.url).origin} refused the sign-in: token [redacted] expired at line 2`,
  );
});

test('a discovery document of another API version is refused as not a Switchboard v1 backend', async () => {
  const client = new BackendClient(backendUrl(backend.url), FAST_CLIENT);
  backend.script(backendRoutes.discovery, {
    kind: 'status',
    status: 200,
    body: { api: 'switchboard/2', signIn: ['open'] },
  });
  await expect(client.discover()).rejects.toMatchObject({
    code: 'bad-response',
    message: expect.stringMatching(/unexpected or missing fields \(api\).*Switchboard backend \(API v1\)/),
  });
});

test('a 401 on sign-out counts as already signed out', async () => {
  const client = new BackendClient(backendUrl(backend.url), FAST_CLIENT);
  await expect(client.deleteSession('not-a-known-token')).resolves.toBeUndefined();
});

test('an invalid backend URL never reaches a client: "Test connection" answers with the validator’s reason', async () => {
  const app = await createTestAppSession({ backendUrl: backend.url, clientOptions: FAST_CLIENT });
  await expect(app.testBackend('http://calls.example.com')).resolves.toEqual({
    ok: false,
    code: 'invalid',
    message: expect.stringMatching(/Plain http:\/\/ is only allowed/),
  });
  await app.dispose();
});

describe('the advice when the backend does not answer fits every screen it is shown on', () => {
  test('a backend on this computer that is down: check that it is running, not the network or "Settings"', async () => {
    const down = await startMisbehavingBackend();
    await down.stop();
    try {
      const client = new BackendClient(backendUrl(down.url), FAST_CLIENT);
      const error = (await client.discover().catch((e: unknown) => e)) as BackendError;
      expect(error.code).toBe('unreachable');
      expect(error.message).toContain('Check that the backend is running on this computer and the backend address');
      // Shown on the sign-in screen too, where there is no "Settings" to go to.
      expect(error.message).not.toMatch(/Settings|network connection/);
    } finally {
      await down.restart();
      await down.stop();
    }
  });

  test('a deployed backend out of reach: check the network connection and the address', async () => {
    const client = new BackendClient(backendUrl('https://calls.contoso.com'), {
      ...FAST_CLIENT,
      // What the platform's fetch throws when the network is down (no socket to test with here).
      fetch: async () => {
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }),
        });
      },
    });
    const error = (await client.discover().catch((e: unknown) => e)) as BackendError;
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain('Check your network connection and the backend address');
    expect(error.message).not.toContain('Settings');
  });
});
