/**
 * The refresh of a token this instance issued starts its ACS call alongside the rotation
 * (session-service.ts, `issuedHere`). The rotation alone decides: these tests check the order of
 * the two steps, that a refused refresh answers its refusal and no token, and that a token gets
 * at most one overlapped ACS call however often it is presented. Real store (SQLite), real lean
 * ACS client, the ACS stand-in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { createHmacIdentityGateway } from '../../../backend/acs/hmac-identity-gateway';
import type { AcsIdentityGateway } from '../../../backend/acs/identity-gateway';
import { HttpError } from '../../../backend/http/errors';
import { SessionService } from '../../../backend/sessions/session-service';
import { SqliteSessionStore } from '../../../backend/sessions/sqlite-session-store';
import { type AcsIdentityStandIn, startAcsIdentityStandIn } from '../../../devtools/acs-stand-in/acs-identity';

const DAY = 24 * 60 * 60 * 1000;
let standIn: AcsIdentityStandIn;
let acs: AcsIdentityGateway;
let dir: string;
let store: SqliteSessionStore;
/** The order in which the service started ACS token calls and rotations. */
let steps: string[];

const logger = pino({ level: 'silent' });
const recordingAcs = (): AcsIdentityGateway => ({
  ...acs,
  getToken: (communicationUserId) => {
    steps.push('acs');
    return acs.getToken(communicationUserId);
  },
});
const service = () =>
  new SessionService({
    store: new Proxy(store, {
      get: (target, name, receiver) => {
        if (name === 'rotate') {
          return (...args: Parameters<SqliteSessionStore['rotate']>) => {
            steps.push('rotate');
            return target.rotate(...args);
          };
        }
        const value = Reflect.get(target, name, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }),
    acs: recordingAcs(),
    logger,
    sessionIdleMs: 30 * DAY,
    sessionMaxMs: 90 * DAY,
  });
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'answered',
    (error: unknown) => (error instanceof HttpError ? error.code : `unexpected ${String(error)}`),
  );

beforeAll(async () => {
  standIn = await startAcsIdentityStandIn();
  acs = createHmacIdentityGateway({
    endpoint: standIn.endpoint,
    accessKey: standIn.accessKey,
    tokenLifetimeMinutes: 60,
    timeoutMs: 2000,
    tls: { ca: standIn.certificates.caCertPem },
  });
  dir = mkdtempSync(join(tmpdir(), 'overlapped-acs-'));
  store = new SqliteSessionStore(join(dir, 'sessions.sqlite'));
});
afterAll(async () => {
  await store.close();
  await acs.close();
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  steps = [];
});

test('a token issued here has its ACS call started before the rotation; one from elsewhere after it', async () => {
  const here = service();
  const signedIn = await here.signIn({ subject: null }, 'Ada', logger);
  steps = [];
  const first = await here.refresh(signedIn.session.refreshToken);
  expect(steps).toEqual(['acs', 'rotate']);
  expect(await standIn.checkUserToken(first.accessToken.token)).toEqual(expect.objectContaining({ valid: true }));

  // Another instance (its own memory, the same database) never issued this token: serial.
  steps = [];
  const elsewhere = service();
  const second = await elsewhere.refresh(first.session.refreshToken);
  expect(steps).toEqual(['rotate', 'acs']);
  // …and the token it issued overlaps there, not here.
  steps = [];
  await elsewhere.refresh(second.session.refreshToken);
  expect(steps).toEqual(['acs', 'rotate']);
});

test('a refused refresh answers its refusal, never a token; a token gets one overlapped call at most', async () => {
  const here = service();
  const signedIn = await here.signIn({ subject: null }, 'Grace', logger);
  const t0 = signedIn.session.refreshToken;
  const t1 = (await here.refresh(t0)).session.refreshToken;
  // The answer with t1 was lost; t0 again is the lost-response retry: it works, serially now.
  steps = [];
  const t1b = (await here.refresh(t0)).session.refreshToken;
  expect(steps).toEqual(['rotate', 'acs']);
  await here.refresh(t1b);

  // t1 was never used, and t1b has been: t1 is reuse. Its overlapped ACS call is discarded.
  steps = [];
  expect(await refusal(here.refresh(t1))).toBe('refresh_token_reused');
  expect(steps).toEqual(['acs', 'rotate']);
  // Presented again: forgotten, so judged first and no ACS call at all.
  steps = [];
  expect(await refusal(here.refresh(t1))).toBe('refresh_token_reused');
  expect(steps).toEqual(['rotate']);
});

test("an overlapped ACS failure is not the answer when the rotation refuses; it is when it doesn't", async () => {
  const here = service();
  const revoked = await here.signIn({ subject: null }, 'Edsger', logger);
  expect(await here.revokeByRefreshToken(revoked.session.refreshToken)).toBe(true);
  standIn.failNext(1, { status: 503 });
  expect(await refusal(here.refresh(revoked.session.refreshToken))).toBe('session_revoked');

  const live = await here.signIn({ subject: null }, 'Barbara', logger);
  standIn.failNext(1, { status: 503 });
  steps = [];
  expect(await refusal(here.refresh(live.session.refreshToken))).toBe('acs_unavailable');
  expect(steps).toEqual(['acs', 'rotate']);
  // As after any ACS failure, the presented token stays valid for the retry (serial now).
  steps = [];
  const retried = await here.refresh(live.session.refreshToken);
  expect(steps).toEqual(['rotate', 'acs']);
  expect(retried.user.displayName).toBe('Barbara');
});
