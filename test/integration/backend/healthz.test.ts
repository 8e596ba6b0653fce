import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildServer } from '../../../backend/http/server';

const app = buildServer();
let base: string;

beforeAll(async () => {
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(() => app.close());

test('GET /healthz answers 200 over real HTTP', async () => {
  const response = await fetch(`${base}/healthz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});

test('an unknown route is a 404, not a 200', async () => {
  const response = await fetch(`${base}/nope`);
  expect(response.status).toBe(404);
});
