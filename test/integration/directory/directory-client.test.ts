/**
 * The backend client's two directory calls over loopback HTTP, against the misbehaving backend's
 * scripted answers: the contract's shapes, the usual retries and deadlines, 404 as "nobody", a 401
 * as a refused directory bearer, and messages that never carry the bearer.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type BackendRoute, backendRoutes, personRoute } from '../../../common/backend-contract';
import { BackendClient } from '../../../electron/main/backend-client/backend-client';
import { BackendError, DirectoryAccessRefusedError } from '../../../electron/main/backend-client/backend-errors';
import { backendUrl } from '../../support/backend-url';
import { type MisbehavingBackend, startMisbehavingBackend } from '../../support/misbehaving-backend';
import { FAST_CLIENT } from '../token-path/broker-fixture';

const BEARER = 'directory-bearer-c2VjcmV0';
const grace = { communicationUserId: '8:acs:grace', displayName: 'Grace Hopper', email: 'grace@example.com' };

let backend: MisbehavingBackend;
let client: BackendClient;
beforeAll(async () => {
  backend = await startMisbehavingBackend();
  client = new BackendClient(backendUrl(backend.url), FAST_CLIENT);
});
afterAll(async () => {
  await backend?.stop();
});

/** The person route of an id, as the server sees its path (`personRoute` encodes the id). */
const graceRoute = personRoute(grace.communicationUserId) as BackendRoute;

test('a search page and a person are read with the contract schemas; a 5xx is retried', async () => {
  backend.script(
    backendRoutes.people,
    { kind: 'status', status: 503, headers: { 'retry-after': '0' } },
    { kind: 'status', status: 200, body: { people: [grace], nextCursor: 'next-page', extra: 'ignored' } },
  );
  const before = backend.requests(backendRoutes.people);
  await expect(client.searchPeople(BEARER, { query: 'gra', cursor: 'page-1' })).resolves.toEqual({
    people: [grace],
    nextCursor: 'next-page',
  });
  expect(backend.requests(backendRoutes.people) - before).toBe(2);

  backend.script(graceRoute, { kind: 'status', status: 200, body: { person: grace } });
  await expect(client.findPerson(BEARER, grace.communicationUserId)).resolves.toEqual(grace);
});

test('404 on a person is nobody, not an error', async () => {
  backend.script(graceRoute, { kind: 'status', status: 404 });
  await expect(client.findPerson(BEARER, grace.communicationUserId)).resolves.toBeNull();
});

test('401 is a refused directory bearer, not the end of the session; the message holds no bearer', async () => {
  backend.script(backendRoutes.people, {
    kind: 'status',
    status: 401,
    body: { error: { code: 'unauthorized', message: `bearer ${BEARER} expired` } },
  });
  const error = await client.searchPeople(BEARER, { query: 'gra' }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(DirectoryAccessRefusedError);
  expect(error).toMatchObject({ code: 'rejected', status: 401 });
  expect((error as Error).message).toMatch(/Sign out and sign in again/);
  expect((error as Error).message).not.toContain(BEARER);
});

test('an answer of the wrong shape is a bad response naming fields, not values', async () => {
  backend.script(backendRoutes.people, {
    kind: 'status',
    status: 200,
    body: { people: [{ communicationUserId: BEARER, displayName: 7, email: null }], nextCursor: null },
  });
  const error = await client.searchPeople(BEARER, { query: 'gra' }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(BackendError);
  expect(error).toMatchObject({ code: 'bad-response' });
  expect((error as Error).message).toContain('people.0.displayName');
  expect((error as Error).message).not.toContain(BEARER);
});

test('a backend that never answers ends in the usual deadline, with the usual sentence', async () => {
  backend.script(backendRoutes.people, { kind: 'hang' }, { kind: 'hang' }, { kind: 'hang' });
  await expect(client.searchPeople(BEARER, { query: 'gra' })).rejects.toMatchObject({
    code: 'unreachable',
    message: expect.stringMatching(/searching the company directory/),
  });
});
