/**
 * One person, one ACS identity, on both stores: the store contract, concurrent first sign-ins on
 * one instance and on two instances sharing the database (exactly one mapping; the identities the
 * losers created are deleted in ACS), and offboarding from the command line (`offboard --subject`,
 * optionally `--delete-identity`).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseConfig } from '../../../backend/config';
import { runOffboardCommand, UsageError } from '../../../backend/identities/offboard-command';
import { backendRoutes } from '../../../common/backend-contract';
import { type AcsIdentityStandIn, startAcsIdentityStandIn } from '../../../devtools/acs-stand-in/acs-identity';
import { signInWithBearer, startTestBackend, type TestBackend } from '../../support/backend-harness';
import { type ForgingIssuer, startForgingIssuer } from '../../support/forging-issuer';

let issuer: ForgingIssuer;
beforeAll(async () => {
  issuer = await startForgingIssuer();
});
afterAll(() => issuer.close());

const signIn = signInWithBearer;

async function refresh(backend: TestBackend, refreshToken: string) {
  const response = await fetch(`${backend.url}${backendRoutes.token}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${refreshToken}` },
  });
  return { status: response.status, body: await response.json() };
}

const countOf = (standIn: AcsIdentityStandIn, operation: string) =>
  standIn.requests.filter((request) => request.operation === operation && request.status < 300).length;

describe.each(['sqlite', 'postgres'] as const)('on %s', (database) => {
  let standIn: AcsIdentityStandIn;
  let first: TestBackend;
  let second: TestBackend;
  beforeAll(async () => {
    standIn = await startAcsIdentityStandIn();
    first = await startTestBackend({ database, standIn, settings: issuer.backendSettings });
    second = await startTestBackend({ database, standIn, settings: issuer.backendSettings, shareDatabaseWith: first });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
    await standIn.close();
  });

  test('the store: claim creates once, a second claim answers the winner, profile updates, delete', async () => {
    const identities = first.backend.identities;
    if (!identities) throw new Error('oidc mode has an identity store');
    const key = { issuer: issuer.issuer, subject: `store-${randomUUID()}` };
    const now = new Date('2026-01-01T00:00:00Z');
    const won = await identities.claim({
      ...key,
      communicationUserId: `8:acs:a_${randomUUID()}`,
      displayName: 'A',
      email: null,
      now,
    });
    expect(won.created).toBe(true);
    const lost = await identities.claim({
      ...key,
      communicationUserId: `8:acs:b_${randomUUID()}`,
      displayName: 'B',
      email: null,
      now,
    });
    expect(lost).toEqual({ created: false, person: won.person });
    await identities.updateProfile(key, {
      displayName: 'A. Person',
      email: 'a@example.com',
      now: new Date('2026-02-01T00:00:00Z'),
    });
    expect(await identities.find(key)).toMatchObject({
      displayName: 'A. Person',
      email: 'a@example.com',
      createdAt: now,
    });
    expect((await identities.delete(key))?.communicationUserId).toBe(won.person.communicationUserId);
    expect(await identities.find(key)).toBeNull();
  });

  test('concurrent first sign-ins on one instance and across two: one mapping, the losers’ identities deleted', async () => {
    const subject = `race-${randomUUID()}`;
    const token = await issuer.sign({ sub: subject, name: 'Racer' });
    const createdBefore = countOf(standIn, 'createUser');
    const deletedBefore = countOf(standIn, 'deleteUser');
    // ACS as slow as it is on a bad day: every sign-in is past its lookup before any has claimed.
    standIn.setLatency(150);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, index) => signIn(index % 2 === 0 ? first : second, token)),
    ).finally(() => standIn.setLatency(0));
    const ids = new Set(answers.map((answer) => answer.user.communicationUserId));
    expect(ids.size).toBe(1);
    const created = countOf(standIn, 'createUser') - createdBefore;
    expect(created).toBeGreaterThan(1);
    // Every identity but the winner's was deleted in ACS.
    expect(countOf(standIn, 'deleteUser') - deletedBefore).toBe(created - 1);
    for (const answer of answers) {
      expect(await standIn.checkUserToken(answer.accessToken.token)).toMatchObject({ valid: true });
    }
  });

  test('offboarding revokes every session of the person and their ACS tokens; other people keep theirs', async () => {
    const subject = `leaver-${randomUUID()}`;
    const token = await issuer.sign({ sub: subject });
    const laptop = await signIn(first, token);
    const phone = await signIn(second, token);
    const colleague = await signIn(first, await issuer.sign({ sub: `stayer-${randomUUID()}` }));
    const line = await runOffboardCommand(configOf(first, database), ['--subject', subject], extrasOf(first, database));
    expect(line).toBe(
      `offboarded ${subject}: 2 session(s) revoked; ACS tokens of ${laptop.user.communicationUserId} revoked.`,
    );
    for (const session of [laptop, phone]) {
      const answer = await refresh(first, session.session.refreshToken);
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('session_revoked');
      expect(await standIn.checkUserToken(session.accessToken.token)).toEqual({ valid: false, reason: 'revoked' });
    }
    expect((await refresh(second, colleague.session.refreshToken)).status).toBe(200);
    // Allowed back in: the same identity.
    expect((await signIn(first, token)).user.communicationUserId).toBe(laptop.user.communicationUserId);
  });

  test('offboarding with --delete-identity deletes the mapping and the ACS identity', async () => {
    const subject = `deleted-${randomUUID()}`;
    const token = await issuer.sign({ sub: subject });
    const before = await signIn(first, token);
    const line = await runOffboardCommand(
      configOf(first, database),
      ['--subject', subject, '--delete-identity'],
      extrasOf(first, database),
    );
    expect(line).toContain(`ACS identity ${before.user.communicationUserId} and its mapping deleted`);
    expect(await standIn.checkUserToken(before.accessToken.token)).toEqual({ valid: false, reason: 'deleted' });
    expect(await first.backend.identities?.find({ issuer: issuer.issuer, subject })).toBeNull();
    expect((await signIn(first, token)).user.communicationUserId).not.toBe(before.user.communicationUserId);
  });

  test('offboarding a subject nobody knows says so; bad arguments are usage errors', async () => {
    expect(
      await runOffboardCommand(configOf(first, database), ['--subject', 'nobody'], extrasOf(first, database)),
    ).toBe('offboarded nobody: 0 session(s) revoked; no ACS identity mapped to this subject.');
    await expect(runOffboardCommand(configOf(first, database), [], extrasOf(first, database))).rejects.toThrow(
      UsageError,
    );
    await expect(
      runOffboardCommand(configOf(first, database), ['--subject', 'x', '--everything'], extrasOf(first, database)),
    ).rejects.toThrow(/Unknown option/);
  });

  test('a mapped identity deleted in ACS behind the backend’s back: the next sign-in maps the person to a new one', async () => {
    const token = await issuer.sign({ sub: `orphan-${randomUUID()}` });
    const before = await signIn(first, token);
    await first.backend.acs.deleteUser(before.user.communicationUserId);
    const after = await signIn(second, token);
    expect(after.user.communicationUserId).not.toBe(before.user.communicationUserId);
    expect(await standIn.checkUserToken(after.accessToken.token)).toMatchObject({ valid: true });
    expect((await signIn(first, token)).user.communicationUserId).toBe(after.user.communicationUserId);
  });

  function configOf(backend: TestBackend, kind: 'sqlite' | 'postgres') {
    return parseConfig({
      ACS_CONNECTION_STRING: standIn.connectionString,
      ...issuer.backendSettings,
      ...(kind === 'postgres'
        ? { DATABASE_URL: process.env.TEST_DATABASE_URL }
        : { SQLITE_PATH: backend.database.sqlitePath }),
    });
  }
  function extrasOf(backend: TestBackend, kind: 'sqlite' | 'postgres') {
    return {
      acsClientOptions: { tlsOptions: { ca: standIn.certificates.caCertPem } },
      ...(kind === 'postgres' ? { postgresSchema: backend.database.postgresSchema } : {}),
    };
  }
});
