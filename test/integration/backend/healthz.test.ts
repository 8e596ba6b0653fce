import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestBackend, type TestBackend } from '../../support/backend-harness';

let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(() => backend.close());

test('GET /healthz answers 200 over real HTTP', async () => {
  const response = await fetch(`${backend.url}/healthz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});

test('an unknown route is a 404 in the contract error shape', async () => {
  const response = await fetch(`${backend.url}/nope`);
  expect(response.status).toBe(404);
  expect(await response.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
});
