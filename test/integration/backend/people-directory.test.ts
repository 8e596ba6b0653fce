/**
 * The company directory over real HTTP on both stores: `oidc` sessions get a directory bearer
 * with every session and token answer; `GET /v1/people` finds people of the same organisation by
 * a prefix of a word of their name or of their email, pages them, and `GET /v1/people/{id}`
 * resolves one. Two organisations (two issuers) share one database to prove neither sees the
 * other; a third instance on the same database checks another's bearers and shares the limits.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIRECTORY_BEARER_LIFETIME_MS } from '../../../backend/directory/directory-bearer';
import { offboard } from '../../../backend/identities/offboarding';
import {
  backendRoutes,
  ErrorBodySchema,
  PeoplePageSchema,
  PersonAnswerSchema,
  personRoute,
  type SessionAnswer,
  SessionAnswerSchema,
} from '../../../common/backend-contract';
import { type AcsIdentityStandIn, startAcsIdentityStandIn } from '../../../devtools/acs-stand-in/acs-identity';
import { signInWithBearer, startTestBackend, type TestBackend } from '../../support/backend-harness';
import { type ForgingIssuer, startForgingIssuer } from '../../support/forging-issuer';

let acme: ForgingIssuer;
let globex: ForgingIssuer;
beforeAll(async () => {
  acme = await startForgingIssuer();
  globex = await startForgingIssuer();
});
afterAll(async () => {
  await acme.close();
  await globex.close();
});

const signIn = signInWithBearer;

async function get(backend: TestBackend, path: string, bearer?: string) {
  const response = await fetch(`${backend.url}${path}`, {
    headers: bearer === undefined ? {} : { authorization: `Bearer ${bearer}` },
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
}

const search = (backend: TestBackend, bearer: string, params: Record<string, string>) =>
  get(backend, `${backendRoutes.people}?${new URLSearchParams(params)}`, bearer);

function bearerOf(answer: SessionAnswer): string {
  if (!answer.directory) throw new Error('an oidc session answer carries a directory bearer');
  return answer.directory.token;
}

const names = (body: unknown) => PeoplePageSchema.parse(body).people.map((person) => person.displayName);
const errorCode = (body: unknown) => ErrorBodySchema.parse(body).error.code;

describe.each(['sqlite', 'postgres'] as const)('the company directory on %s', (database) => {
  let standIn: AcsIdentityStandIn;
  let clockOffsetMs = 0;
  const now = () => new Date(Date.now() + clockOffsetMs);
  let acmeBackend: TestBackend;
  let acmeSecond: TestBackend;
  let globexBackend: TestBackend;
  let openBackend: TestBackend;
  const acmePeople: Record<string, SessionAnswer> = {};
  let globexAdalbert: SessionAnswer;

  beforeAll(async () => {
    standIn = await startAcsIdentityStandIn();
    acmeBackend = await startTestBackend({ database, standIn, settings: acme.backendSettings, now });
    // A second instance of the same organisation on the same database, with a tight directory limit.
    acmeSecond = await startTestBackend({
      database,
      standIn,
      settings: { ...acme.backendSettings, RATE_LIMIT_DIRECTORY_PER_SESSION: '3' },
      shareDatabaseWith: acmeBackend,
    });
    // Another organisation whose backend (misconfigured or not) shares the database.
    globexBackend = await startTestBackend({
      database,
      standIn,
      settings: globex.backendSettings,
      shareDatabaseWith: acmeBackend,
    });
    openBackend = await startTestBackend({ database, standIn });
    for (const [key, name, email] of [
      ['ada', 'Ada Lovelace', 'ada@acme.example'],
      ['adam', 'Adam Smith', 'asmith@acme.example'],
      ['zoe', 'Zoë Adams', 'zoe@acme.example'],
      ['jeanluc', 'Jean-Luc Picard', 'captain@acme.example'],
      ['grace', 'Grace Hopper', null],
    ] as const) {
      acmePeople[key] = await signIn(
        acmeBackend,
        await acme.sign({ sub: `${key}-${randomUUID()}`, name, email: email ?? null }),
      );
    }
    globexAdalbert = await signIn(
      globexBackend,
      await globex.sign({ sub: `adalbert-${randomUUID()}`, name: 'Adalbert Other', email: 'ada@globex.example' }),
    );
  });
  afterAll(async () => {
    await openBackend?.close();
    await globexBackend?.close();
    await acmeSecond?.close();
    await acmeBackend?.close();
    await standIn?.close();
  });

  const ada = () => acmePeople.ada as SessionAnswer;

  test('oidc session and token answers carry a short-lived directory bearer; open ones never do', async () => {
    const answer = ada();
    const expiresOn = Date.parse(answer.directory?.expiresOn ?? '');
    expect(expiresOn).toBeGreaterThan(Date.now());
    expect(expiresOn).toBeLessThanOrEqual(Date.now() + DIRECTORY_BEARER_LIFETIME_MS);
    const refreshed = await fetch(`${acmeBackend.url}${backendRoutes.token}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${answer.session.refreshToken}` },
    });
    expect(refreshed.status).toBe(200);
    const next = SessionAnswerSchema.parse(await refreshed.json());
    expect(next.directory?.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    acmePeople.ada = next;
    expect((await search(acmeBackend, bearerOf(next), { query: 'grace' })).status).toBe(200);

    const open = await openBackend.signIn('Open User');
    expect(open.directory).toBeUndefined();
    const refreshedOpen = await fetch(`${openBackend.url}${backendRoutes.token}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${open.session.refreshToken}` },
    });
    expect(SessionAnswerSchema.parse(await refreshedOpen.json()).directory).toBeUndefined();
    for (const bearer of [undefined, open.session.refreshToken, bearerOf(next)]) {
      const refused = await get(openBackend, `${backendRoutes.people}?query=ada`, bearer);
      expect(refused.status).toBe(403);
      expect(ErrorBodySchema.parse(refused.body).error.message).toMatch(/open sign-in/);
    }
  });

  test('search: a prefix of any word of the name, of the whole name or of the email, folded, in name order', async () => {
    const bearer = bearerOf(ada());
    const page = await search(acmeBackend, bearer, { query: 'ADA' });
    expect(page.status).toBe(200);
    // Adam by his first name, Zoë by her surname, never Adalbert of the other organisation.
    expect(names(page.body)).toEqual(['Ada Lovelace', 'Adam Smith', 'Zoë Adams']);
    expect(PeoplePageSchema.parse(page.body)).toMatchObject({
      people: [
        {
          displayName: 'Ada Lovelace',
          email: 'ada@acme.example',
          communicationUserId: ada().user.communicationUserId,
        },
        {},
        {},
      ],
      nextCursor: null,
    });
    expect(names((await search(acmeBackend, bearer, { query: 'zoe' })).body)).toEqual(['Zoë Adams']);
    expect(names((await search(acmeBackend, bearer, { query: 'luc' })).body)).toEqual(['Jean-Luc Picard']);
    expect(names((await search(acmeBackend, bearer, { query: 'ada  lov' })).body)).toEqual(['Ada Lovelace']);
    expect(names((await search(acmeBackend, bearer, { query: 'asmith@' })).body)).toEqual(['Adam Smith']);
    expect(names((await search(acmeBackend, bearer, { query: 'hopper' })).body)).toEqual(['Grace Hopper']);
    // A prefix of the middle of a word is not one of a word.
    expect(names((await search(acmeBackend, bearer, { query: 'ovelace' })).body)).toEqual([]);
    expect(names((await search(acmeBackend, bearer, { query: 'acme.example' })).body)).toEqual([]);
  });

  test('paging: limit and an opaque cursor walk the same people once each, in order', async () => {
    const bearer = bearerOf(ada());
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const params: Record<string, string> = { query: 'a', limit: '2', ...(cursor ? { cursor } : {}) };
      const page = PeoplePageSchema.parse((await search(acmeBackend, bearer, params)).body);
      expect(page.people.length).toBeLessThanOrEqual(2);
      seen.push(...page.people.map((person) => person.displayName));
      cursor = page.nextCursor;
      if (cursor === null) break;
    }
    expect(cursor).toBeNull();
    expect(seen).toEqual(names((await search(acmeBackend, bearer, { query: 'a', limit: '50' })).body));
    expect(seen).toEqual(['Ada Lovelace', 'Adam Smith', 'Zoë Adams']);
  });

  test('resolve: one person of the organisation; unknown ids and other organisations answer 404', async () => {
    const bearer = bearerOf(ada());
    const zoe = acmePeople.zoe as SessionAnswer;
    const found = await get(acmeBackend, personRoute(zoe.user.communicationUserId), bearer);
    expect(found.status).toBe(200);
    expect(PersonAnswerSchema.parse(found.body).person).toEqual({
      communicationUserId: zoe.user.communicationUserId,
      displayName: 'Zoë Adams',
      email: 'zoe@acme.example',
    });
    for (const id of ['8:acs:nobody_00000000-0000-0000-0000-000000000000', globexAdalbert.user.communicationUserId]) {
      const missing = await get(acmeBackend, personRoute(id), bearer);
      expect(missing.status).toBe(404);
      expect(errorCode(missing.body)).toBe('not_found');
    }
  });

  test('organisations never see each other, and one organisation’s bearer is refused by the other', async () => {
    const globexBearer = bearerOf(globexAdalbert);
    expect(names((await search(globexBackend, globexBearer, { query: 'ada' })).body)).toEqual(['Adalbert Other']);
    const crossed = await search(globexBackend, bearerOf(ada()), { query: 'ada' });
    expect(crossed.status).toBe(401);
    expect(errorCode(crossed.body)).toBe('unauthorized');
  });

  test('bad queries answer 400 with what to send', async () => {
    const bearer = bearerOf(ada());
    const queries: Record<string, string>[] = [
      {},
      { query: '   ' },
      { query: 'a'.repeat(101) },
      { query: 'ada', limit: '0' },
      { query: 'ada', limit: '51' },
      { query: 'ada', limit: 'ten' },
      { query: 'ada', cursor: 'not-a-cursor' },
      { query: '\u0301' },
    ];
    for (const params of queries) {
      const answer = await search(acmeBackend, bearer, params);
      expect(answer.status, JSON.stringify(params)).toBe(400);
      expect(errorCode(answer.body)).toBe('invalid_request');
    }
  });

  test('missing, forged and expired bearers, and the refresh token itself, answer 401', async () => {
    const bearer = bearerOf(ada());
    const [header, payload] = bearer.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    for (const presented of [undefined, 'garbage', forged, ada().session.refreshToken, await acme.sign()]) {
      const answer = await get(acmeBackend, `${backendRoutes.people}?query=ada`, presented);
      expect(answer.status).toBe(401);
      expect(errorCode(answer.body)).toBe('unauthorized');
    }
    clockOffsetMs = DIRECTORY_BEARER_LIFETIME_MS + 1000;
    try {
      const expired = await search(acmeBackend, bearer, { query: 'ada' });
      expect(expired.status).toBe(401);
      expect(ErrorBodySchema.parse(expired.body).error.message).toMatch(/expired; refresh the session/);
    } finally {
      clockOffsetMs = 0;
    }
  });

  test('another instance on the same database accepts the bearer and shares the per-session limit', async () => {
    const session = await signIn(acmeBackend, await acme.sign({ sub: `limited-${randomUUID()}`, name: 'Lim Ited' }));
    const limited = bearerOf(session);
    expect((await search(acmeBackend, limited, { query: 'ada' })).status).toBe(200);
    expect((await search(acmeSecond, limited, { query: 'ada' })).status).toBe(200);
    expect((await search(acmeSecond, limited, { query: 'ada' })).status).toBe(200);
    const refused = await search(acmeSecond, limited, { query: 'ada' });
    expect(refused.status).toBe(429);
    expect(errorCode(refused.body)).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Per session: another session on the same instance and address is still served.
    const other = await signIn(acmeBackend, await acme.sign({ sub: `other-${randomUUID()}`, name: 'Oth Er' }));
    expect((await search(acmeSecond, bearerOf(other), { query: 'ada' })).status).toBe(200);
  });

  test('signing out ends directory access at once', async () => {
    const session = await signIn(acmeBackend, await acme.sign({ sub: `leaving-${randomUUID()}`, name: 'Lea Ving' }));
    const bearer = bearerOf(session);
    expect((await search(acmeBackend, bearer, { query: 'lea' })).status).toBe(200);
    const signedOut = await fetch(`${acmeBackend.url}${backendRoutes.currentSession}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${session.session.refreshToken}` },
    });
    expect(signedOut.status).toBe(204);
    for (const backend of [acmeBackend, acmeSecond]) {
      const refused = await search(backend, bearer, { query: 'lea' });
      expect(refused.status).toBe(401);
      expect(errorCode(refused.body)).toBe('session_revoked');
    }
  });

  test('offboarded people leave the directory; signing in again brings them back', async () => {
    const bearer = bearerOf(ada());
    const subject = `offboarded-${randomUUID()}`;
    const token = await acme.sign({ sub: subject, name: 'Otto Offboarded', email: 'otto@acme.example' });
    const otto = await signIn(acmeBackend, token);
    expect(names((await search(acmeBackend, bearer, { query: 'otto' })).body)).toEqual(['Otto Offboarded']);
    const { store, identities, acs } = acmeBackend.backend;
    if (!identities) throw new Error('oidc mode has an identity store');
    await offboard(
      { store, identities, acs },
      { issuer: acme.issuer, subject, deleteIdentity: false, now: new Date() },
    );
    expect(names((await search(acmeBackend, bearer, { query: 'otto' })).body)).toEqual([]);
    expect((await get(acmeBackend, personRoute(otto.user.communicationUserId), bearer)).status).toBe(404);
    await signIn(acmeBackend, token);
    expect(names((await search(acmeBackend, bearer, { query: 'otto' })).body)).toEqual(['Otto Offboarded']);
  });

  test('a renamed person is found by the new name only', async () => {
    const bearer = bearerOf(ada());
    const subject = `renamed-${randomUUID()}`;
    await signIn(acmeBackend, await acme.sign({ sub: subject, name: 'Pat Before', email: 'pat@acme.example' }));
    await signIn(acmeBackend, await acme.sign({ sub: subject, name: 'Pat After', email: 'pat@acme.example' }));
    expect(names((await search(acmeBackend, bearer, { query: 'before' })).body)).toEqual([]);
    expect(names((await search(acmeBackend, bearer, { query: 'after' })).body)).toEqual(['Pat After']);
    expect(names((await search(acmeBackend, bearer, { query: 'pat@' })).body)).toEqual(['Pat After']);
  });

  test('people written before the directory existed are indexed at start-up', async () => {
    // As migration 4 leaves a row of an earlier release: no sort name, no words.
    const row = [acme.issuer, `legacy-${randomUUID()}`, `8:acs:legacy_${randomUUID()}`, 'Lena Legacy', null];
    if (database === 'sqlite') {
      const db = new Database(acmeBackend.database.sqlitePath);
      db.prepare(
        'INSERT INTO people (issuer, subject, communication_user_id, display_name, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)',
      ).run(...row);
      db.close();
    } else {
      const client = new pg.Client({
        connectionString: process.env.TEST_DATABASE_URL,
        options: `-c search_path=${acmeBackend.database.postgresSchema}`,
      });
      await client.connect();
      await client.query(
        'INSERT INTO people (issuer, subject, communication_user_id, display_name, email, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, now(), now())',
        row,
      );
      await client.end();
    }
    const bearer = bearerOf(ada());
    expect(names((await search(acmeBackend, bearer, { query: 'lena' })).body)).toEqual([]);
    await acmeBackend.restart();
    expect(names((await search(acmeBackend, bearer, { query: 'legacy' })).body)).toEqual(['Lena Legacy']);
  });

  test('no directory bearer reaches the logs', () => {
    const bearers = [ada(), globexAdalbert].map(bearerOf);
    for (const backend of [acmeBackend, acmeSecond, globexBackend]) {
      const logs = backend.logs().join('\n');
      expect(logs).toContain('request completed');
      for (const bearer of bearers) expect(logs).not.toContain(bearer.split('.')[2]);
    }
  });
});
