/**
 * docs/backend-openapi.yaml against the running backend: every documented operation exists and
 * every other method on a contract path is refused (405), every status the server produced in
 * the run is documented for its operation, and real answers validate against the documented
 * schemas (JSON Schema 2020-12, as OpenAPI 3.1 uses).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parse } from 'yaml';
import { backendRoutes } from '../../../common/backend-contract';
import { startTestBackend, type TestBackend } from '../../support/backend-harness';

interface Operation {
  responses: Record<string, { $ref?: string; content?: { 'application/json'?: { schema: { $ref?: string } } } }>;
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, { content?: { 'application/json'?: { schema: { $ref: string } } } }> };
}

const document = parse(
  readFileSync(join(import.meta.dirname, '../../../docs/backend-openapi.yaml'), 'utf8'),
) as OpenApiDocument;
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend({ settings: { RATE_LIMIT_PER_SESSION: '2' } });
});
afterAll(() => backend.close());

/** Validates `body` against the schema the document gives `path method status`. */
function validateAgainstDocument(path: string, method: string, status: number, body: unknown): void {
  const operation = document.paths[path]?.[method];
  expect(operation, `${method.toUpperCase()} ${path} is documented`).toBeDefined();
  let response = operation?.responses[String(status)];
  expect(response, `${method.toUpperCase()} ${path} documents ${status}`).toBeDefined();
  if (response?.$ref) response = document.components.responses[response.$ref.split('/').at(-1) as string];
  const schemaRef = response?.content?.['application/json']?.schema;
  if (!schemaRef) {
    expect(body).toBe('');
    return;
  }
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  ajv.addSchema({ ...document, $id: 'openapi' });
  const validate = ajv.compile(schemaRef.$ref ? { $ref: `openapi${schemaRef.$ref}` } : schemaRef);
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
}

async function call(method: string, path: string, init: RequestInit = {}) {
  const response = await fetch(`${backend.url}${path}`, { ...init, method: method.toUpperCase() });
  const text = await response.text();
  const body = text === '' ? '' : (JSON.parse(text) as unknown);
  validateAgainstDocument(path, method, response.status, body);
  return { status: response.status, body };
}

test('the document is OpenAPI 3.1 and documents exactly the contract paths', () => {
  expect(document.openapi).toMatch(/^3\.1\./);
  expect(Object.keys(document.paths).sort()).toEqual(Object.values(backendRoutes).sort());
});

test('each documented operation exists on the server, and each undocumented method is 405', async () => {
  for (const path of Object.values(backendRoutes)) {
    for (const method of HTTP_METHODS) {
      const documented = document.paths[path]?.[method] !== undefined;
      const response = await fetch(`${backend.url}${path}`, { method: method.toUpperCase() });
      await response.arrayBuffer();
      if (documented) expect([404, 405], `${method} ${path}`).not.toContain(response.status);
      else expect(response.status, `${method} ${path} is undocumented`).toBe(405);
    }
  }
});

test('real answers match the documented status codes and schemas', async () => {
  await call('get', backendRoutes.health);
  await call('get', backendRoutes.discovery);
  const json = { 'content-type': 'application/json' };

  const created = await call('post', backendRoutes.sessions, { headers: json, body: '{"displayName":"Doc"}' });
  expect(created.status).toBe(201);
  await call('post', backendRoutes.sessions, { headers: json, body: '{}' });
  await call('post', backendRoutes.sessions, { headers: { 'content-type': 'text/plain' }, body: 'x' });
  await call('post', backendRoutes.sessions, { headers: json, body: `{"displayName":"${'x'.repeat(9000)}"}` });

  let refreshToken = (created.body as { session: { refreshToken: string } }).session.refreshToken;
  const bearer = () => ({ authorization: `Bearer ${refreshToken}` });
  const rotated = await call('post', backendRoutes.token, { headers: bearer() });
  expect(rotated.status).toBe(200);
  refreshToken = (rotated.body as { session: { refreshToken: string } }).session.refreshToken;
  await call('post', backendRoutes.token, { headers: { authorization: 'Bearer nonsense' } });
  backend.standIn.failNext(1, { status: 503, retryAfterSeconds: 4 });
  expect((await call('post', backendRoutes.token, { headers: bearer() })).status).toBe(503);
  expect((await call('post', backendRoutes.token, { headers: bearer() })).status).toBe(429);

  expect((await call('delete', backendRoutes.currentSession, { headers: bearer() })).status).toBe(204);
  expect((await call('delete', backendRoutes.currentSession, { headers: { authorization: 'Bearer x' } })).status).toBe(
    401,
  );
});
