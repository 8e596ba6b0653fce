/**
 * The desktop's organisation sign-in (electron/main/sign-in) against a real OpenID Connect
 * provider (oidc-provider on loopback), and what it refuses: a redirect with another `state`, one
 * sent to another port (a foreign Host), a code replayed, a wrong PKCE verifier, a nonce mismatch,
 * cancel, the time limit, and the IdP's own error response. Each failure is an `OidcSignInError`
 * with a sentence the user can act on, and none of them quotes a code or a token.
 */
import { request } from 'node:http';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { discoverIdp, redeemCode, signInWithOidc } from '../../../electron/main/sign-in/oidc-sign-in';
import { OidcSignInError } from '../../../electron/main/sign-in/sign-in-errors';
import { type BrowserVisit, driveIdpLogin } from '../../support/drive-idp-login';
import {
  startTestIdp,
  TEST_ACCOUNTS,
  TEST_IDP_AUDIENCE,
  TEST_IDP_CLIENT_ID,
  TEST_IDP_SCOPES,
  type TestIdp,
} from '../../support/test-idp';

let idp: TestIdp;
beforeAll(async () => {
  idp = await startTestIdp();
});
afterAll(() => idp.close());

const settings = () => ({ issuer: idp.issuer, clientId: TEST_IDP_CLIENT_ID, scopes: TEST_IDP_SCOPES });

async function failure(promise: Promise<unknown>): Promise<OidcSignInError> {
  const error = await promise.then(
    () => {
      throw new Error('the sign-in succeeded');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OidcSignInError);
  return error as OidcSignInError;
}

test('the whole flow: PKCE S256, state and nonce; the browser sees the short page; the token is for the API', async () => {
  let visit: Promise<BrowserVisit> | undefined;
  let authorizationUrl = '';
  const result = await signInWithOidc({
    ...settings(),
    openExternal: async (url) => {
      authorizationUrl = url;
      visit = driveIdpLogin(url, TEST_ACCOUNTS.ada);
    },
  });
  const params = new URL(authorizationUrl).searchParams;
  expect(params.get('code_challenge_method')).toBe('S256');
  expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(params.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(params.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(params.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
  const page = await visit;
  expect(page?.status).toBe(200);
  expect(page?.page).toContain('You can close this tab and return to Switchboard.');
  const [, payload] = result.accessToken.split('.');
  const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString()) as Record<string, unknown>;
  expect(claims).toMatchObject({ iss: idp.issuer, aud: TEST_IDP_AUDIENCE, sub: TEST_ACCOUNTS.ada.sub });
  expect(result.endSessionUrl).toMatch(new RegExp(`^${idp.issuer}/session/end\\?client_id=${TEST_IDP_CLIENT_ID}`));
});

describe('the loopback listener', () => {
  test('a redirect with another state is refused (400) and the sign-in keeps waiting for the right one', async () => {
    const controller = new AbortController();
    const visits: BrowserVisit[] = [];
    const flow = signInWithOidc({
      ...settings(),
      signal: controller.signal,
      openExternal: async (url) => {
        const forged = await driveIdpLogin(url, TEST_ACCOUNTS.ada, {
          redirectOverride: (redirect) => {
            const other = new URL(redirect);
            other.searchParams.set('state', 'attacker-state');
            return other;
          },
        });
        visits.push(forged);
        controller.abort();
      },
    });
    expect((await failure(flow)).code).toBe('cancelled');
    expect(visits[0]?.status).toBe(400);
    expect(visits[0]?.page).toContain('not the one Switchboard is waiting for');
  });

  test('a request naming another port in Host (as a redirect to another port or DNS rebinding would) is refused', async () => {
    const controller = new AbortController();
    let status = 0;
    const flow = signInWithOidc({
      ...settings(),
      signal: controller.signal,
      openExternal: async (url) => {
        const redirect = await driveIdpLogin(url, TEST_ACCOUNTS.ada, { stopAtRedirect: true });
        status = await new Promise<number>((resolve, reject) => {
          const sent = request(
            redirect.redirectedTo,
            { headers: { host: `127.0.0.1:${Number(redirect.redirectedTo.port) + 1}` } },
            (response) => {
              response.resume();
              resolve(response.statusCode ?? 0);
            },
          );
          sent.on('error', reject);
          sent.end();
        });
        controller.abort();
      },
    });
    expect((await failure(flow)).code).toBe('cancelled');
    expect(status).toBe(400);
  });

  test('cancel ends the wait and closes the listener', async () => {
    const controller = new AbortController();
    let redirectUri = '';
    const flow = signInWithOidc({
      ...settings(),
      signal: controller.signal,
      openExternal: async (url) => {
        redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
        controller.abort();
      },
    });
    const error = await failure(flow);
    expect(error).toMatchObject({ code: 'cancelled', message: 'Sign-in cancelled.' });
    await expect(fetch(redirectUri)).rejects.toThrow();
  });

  test('the time limit ends the wait with words', async () => {
    const error = await failure(signInWithOidc({ ...settings(), timeoutMs: 200, openExternal: async () => {} }));
    expect(error.code).toBe('timed-out');
    expect(error.message).toMatch(/took longer than 5 minutes; try again/);
  });
});

test('the IdP’s error response (the user declined consent) is shown in words', async () => {
  const error = await failure(
    signInWithOidc({
      ...settings(),
      openExternal: async (url) => {
        void driveIdpLogin(url, TEST_ACCOUNTS.ada, { deny: true }).catch(() => {});
      },
    }),
  );
  expect(error.code).toBe('idp-error');
  expect(error.message).toBe('Your organisation’s sign-in was declined: End-User aborted interaction.');
});

describe('the code exchange', () => {
  /** A real authorization response from the IdP for our own verifier, state and nonce. */
  async function authorizationResponse() {
    const config = await discoverIdp(settings(), new AbortController().signal);
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: 'http://127.0.0.1:49152/callback',
      scope: TEST_IDP_SCOPES.join(' '),
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const visit = await driveIdpLogin(url.href, TEST_ACCOUNTS.ada, { stopAtRedirect: true });
    return { config, verifier, state, nonce, callback: visit.redirectedTo };
  }
  const live = () => new AbortController().signal;

  test('a code replayed is refused by the IdP', async () => {
    const { config, verifier, state, nonce, callback } = await authorizationResponse();
    const checks = { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce };
    const token = await redeemCode(config, callback, checks, live());
    const error = await failure(redeemCode(config, callback, checks, live()));
    expect(error.code).toBe('idp-error');
    expect(error.message).toMatch(/refused the sign-in \(invalid_grant\)/);
    expect(error.message).not.toContain(callback.searchParams.get('code') as string);
    expect(error.message).not.toContain(token);
  });

  test('a wrong PKCE verifier is refused by the IdP', async () => {
    const { config, state, nonce, callback } = await authorizationResponse();
    const error = await failure(
      redeemCode(
        config,
        callback,
        { pkceCodeVerifier: client.randomPKCECodeVerifier(), expectedState: state, expectedNonce: nonce },
        live(),
      ),
    );
    expect(error.code).toBe('idp-error');
    expect(error.message).toMatch(/invalid_grant/);
  });

  test('an ID token with another nonce is refused here', async () => {
    const { config, verifier, state, callback } = await authorizationResponse();
    const error = await failure(
      redeemCode(
        config,
        callback,
        { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: client.randomNonce() },
        live(),
      ),
    );
    expect(error.code).toBe('rejected');
    expect(error.message).toMatch(/failed a security check/);
  });

  test('a computer clock hours off makes the ID token look expired: the words say to check the clock', async () => {
    const { config, verifier, state, nonce, callback } = await authorizationResponse();
    // The same IdP, seen from a computer whose clock runs two hours ahead.
    const skewed = new client.Configuration(
      config.serverMetadata(),
      TEST_IDP_CLIENT_ID,
      { [client.clockSkew]: 2 * 3600 },
      client.None(),
    );
    client.allowInsecureRequests(skewed);
    const error = await failure(
      redeemCode(skewed, callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce }, live()),
    );
    expect(error.code).toBe('clock-skew');
    expect(error.message).toMatch(/check that this computer’s clock, date and time zone are right/);
  });

  test('a state mismatch in the authorization response is refused here too', async () => {
    const { config, verifier, nonce, callback } = await authorizationResponse();
    const error = await failure(
      redeemCode(
        config,
        callback,
        { pkceCodeVerifier: verifier, expectedState: client.randomState(), expectedNonce: nonce },
        live(),
      ),
    );
    expect(error.code).toBe('rejected');
  });
});

test('an IdP that cannot be reached is said plainly', async () => {
  const error = await failure(
    signInWithOidc({ issuer: 'http://127.0.0.1:9', clientId: 'x', scopes: ['openid'], openExternal: async () => {} }),
  );
  expect(error).toMatchObject({
    code: 'idp-unreachable',
    message:
      'Switchboard cannot reach your organisation’s sign-in service (127.0.0.1:9). Check your connection and try again.',
  });
});
