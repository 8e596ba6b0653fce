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
import { backendRoutes, personRoute, SessionAnswerSchema } from '../../../common/backend-contract';
import { startTestBackend, type TestBackend } from '../../support/backend-harness';
import { startForgingIssuer } from '../../support/forging-issuer';

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

/** Calls `path` (which may carry a query, or fill a templated `documentedPath`) and validates the answer. */
async function call(method: string, path: string, init: RequestInit = {}, documentedPath = path, on = backend) {
  const response = await fetch(`${on.url}${path}`, { ...init, method: method.toUpperCase() });
  const text = await response.text();
  const body = text === '' ? '' : (JSON.parse(text) as unknown);
  validateAgainstDocument(documentedPath, method, response.status, body);
  return { status: response.status, body };
}

/** The contract's templated paths, and a concrete path of each to call. */
const PERSON_PATH = '/v1/people/{communicationUserId}';
const TEMPLATED_PATHS: Record<string, string> = { [PERSON_PATH]: personRoute('8:acs:documented_example') };

test('the document is OpenAPI 3.1 and documents exactly the contract paths', () => {
  expect(document.openapi).toMatch(/^3\.1\./);
  expect(Object.keys(document.paths).sort()).toEqual(
    [...Object.values(backendRoutes), ...Object.keys(TEMPLATED_PATHS)].sort(),
  );
});

test('each documented operation exists on the server, and each undocumented method is 405', async () => {
  for (const path of [...Object.values(backendRoutes), ...Object.keys(TEMPLATED_PATHS)]) {
    for (const method of HTTP_METHODS) {
      const documented = document.paths[path]?.[method] !== undefined;
      const response = await fetch(`${backend.url}${TEMPLATED_PATHS[path] ?? path}`, { method: method.toUpperCase() });
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

test('the directory’s real answers match the documented status codes and schemas', async () => {
  // open mode: no directory.
  expect((await call('get', `${backendRoutes.people}?query=a`, {}, backendRoutes.people)).status).toBe(403);
  expect((await call('get', TEMPLATED_PATHS[PERSON_PATH] as string, {}, PERSON_PATH)).status).toBe(403);

  const issuer = await startForgingIssuer();
  const oidc = await startTestBackend({
    settings: { ...issuer.backendSettings, RATE_LIMIT_DIRECTORY_PER_SESSION: '5' },
  });
  try {
    const created = await call(
      'post',
      backendRoutes.sessions,
      {
        headers: {
          authorization: `Bearer ${await issuer.sign({ sub: 'doc-1', name: 'Doc Umented', email: 'doc@example.com' })}`,
        },
      },
      backendRoutes.sessions,
      oidc,
    );
    expect(created.status).toBe(201);
    const answer = SessionAnswerSchema.parse(created.body);
    const headers = { authorization: `Bearer ${answer.directory?.token}` };
    const people = (query: string) =>
      call('get', `${backendRoutes.people}?${query}`, { headers }, backendRoutes.people, oidc);
    expect((await people('query=doc')).status).toBe(200);
    expect((await people('query=doc&limit=0')).status).toBe(400);
    expect((await call('get', `${backendRoutes.people}?query=doc`, {}, backendRoutes.people, oidc)).status).toBe(401);
    const person = (id: string) => call('get', personRoute(id), { headers }, PERSON_PATH, oidc);
    expect((await person(answer.user.communicationUserId)).status).toBe(200);
    expect((await person('8:acs:nobody')).status).toBe(404);
    // The fifth directory request of this session, look-ups included (the 401 named no session).
    expect((await people('query=doc')).status).toBe(200);
    expect((await people('query=doc')).status).toBe(429);
  } finally {
    await oidc.close();
    await issuer.close();
  }
});
