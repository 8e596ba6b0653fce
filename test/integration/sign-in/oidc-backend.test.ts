/**
 * The backend in `oidc` mode with a real OpenID Connect provider (oidc-provider on loopback):
 * tokens come from the desktop's own sign-in module driving the IdP's login over HTTP, then
 * `POST /v1/sessions` verifies them, maps the person to one ACS identity and answers a session,
 * on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backendRoutes, ErrorBodySchema, SessionAnswerSchema } from '../../../common/backend-contract';
import { startTestBackend, type TestBackend } from '../../support/backend-harness';
import { idpAccessToken } from '../../support/idp-sign-in';
import { startTestIdp, TEST_ACCOUNTS, TEST_GROUP, TEST_TENANT, type TestIdp } from '../../support/test-idp';

let idp: TestIdp;
beforeAll(async () => {
  idp = await startTestIdp();
});
afterAll(() => idp.close());

async function createSession(backend: TestBackend, accessToken: string, body: unknown = { displayName: 'Spoofed' }) {
  return fetch(`${backend.url}${backendRoutes.sessions}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify(body),
  });
}

describe.each(['sqlite', 'postgres'] as const)('oidc sign-in on %s', (database) => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await startTestBackend({
      database,
      settings: { ...idp.backendSettings, OIDC_REQUIRED_CLAIMS: `tid=${TEST_TENANT},groups=${TEST_GROUP}` },
    });
  });
  afterAll(() => backend.close());

  test('discovery advertises oidc with the issuer, client and scopes', async () => {
    const discovery = await (await fetch(`${backend.url}${backendRoutes.discovery}`)).json();
    expect(discovery).toMatchObject({
      signIn: ['oidc'],
      oidc: {
        issuer: idp.issuer,
        clientId: idp.backendSettings.OIDC_CLIENT_ID,
        scopes: ['openid', 'profile', 'email', `${idp.backendSettings.OIDC_AUDIENCE}/.default`],
      },
    });
  });

  test('the same person gets the same ACS identity on every sign-in; the name comes from the token', async () => {
    const first = await createSession(backend, await idpAccessToken(idp, TEST_ACCOUNTS.ada));
    expect(first.status).toBe(201);
    const firstAnswer = SessionAnswerSchema.parse(await first.json());
    expect(firstAnswer.user.displayName).toBe('Ada Lovelace');
    // Signed out, then in again on "another device": a new session, the same identity.
    await fetch(`${backend.url}${backendRoutes.currentSession}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${firstAnswer.session.refreshToken}` },
    });
    const second = SessionAnswerSchema.parse(
      await (await createSession(backend, await idpAccessToken(idp, TEST_ACCOUNTS.ada), {})).json(),
    );
    expect(second.user.communicationUserId).toBe(firstAnswer.user.communicationUserId);
    expect(second.session.refreshToken).not.toBe(firstAnswer.session.refreshToken);
    expect(await backend.standIn.checkUserToken(second.accessToken.token)).toMatchObject({
      valid: true,
      userId: firstAnswer.user.communicationUserId,
    });
    const person = await backend.backend.identities?.find({ issuer: idp.issuer, subject: TEST_ACCOUNTS.ada.sub });
    expect(person).toMatchObject({
      communicationUserId: firstAnswer.user.communicationUserId,
      displayName: 'Ada Lovelace',
      email: 'ada@example.com',
    });
  });

  test('without a name claim, preferred_username names the person', async () => {
    const answer = await createSession(backend, await idpAccessToken(idp, TEST_ACCOUNTS.grace));
    expect(answer.status).toBe(201);
    expect(SessionAnswerSchema.parse(await answer.json()).user.displayName).toBe('grace@example.com');
  });

  test('the same identity after a restart', async () => {
    const token = await idpAccessToken(idp, TEST_ACCOUNTS.ada);
    const before = SessionAnswerSchema.parse(await (await createSession(backend, token)).json());
    await backend.restart();
    const after = SessionAnswerSchema.parse(await (await createSession(backend, token)).json());
    expect(after.user.communicationUserId).toBe(before.user.communicationUserId);
  });

  test('an account outside the required group is refused with 403 and words to act on', async () => {
    const answer = await createSession(backend, await idpAccessToken(idp, TEST_ACCOUNTS.mallory));
    expect(answer.status).toBe(403);
    expect(ErrorBodySchema.parse(await answer.json()).error).toEqual({
      code: 'forbidden',
      message: 'Your account isn’t allowed to use Switchboard; ask your administrator.',
    });
  });
});
