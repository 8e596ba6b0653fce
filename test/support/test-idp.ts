/**
 * A real OpenID Connect provider on loopback: `oidc-provider` (the certified Node implementation)
 * configured as an organisation's IdP would be for Switchboard:
 *
 * - a public native client (`token_endpoint_auth_method: none`) that must use PKCE (S256), with
 *   the loopback redirect `http://127.0.0.1/callback` on any port (RFC 8252 §7.3);
 * - the backend API as a resource (`TEST_IDP_AUDIENCE`) whose access tokens are RS256 JWTs,
 *   granted for the scope `<audience>/.default` as Entra ID names it (the backend's default
 *   OIDC_SCOPES) and carrying `name`, `preferred_username`, `email`, `groups` and `tid`;
 * - test accounts (`TEST_ACCOUNTS`); its development login and consent pages, which
 *   `drive-idp-login.ts` fills in over HTTP as a person would in a browser;
 * - an `end_session_endpoint`.
 *
 *   const idp = await startTestIdp();
 *   idp.issuer;            // http://127.0.0.1:PORT
 *   await idp.close();
 */
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { errors } from 'oidc-provider';

export const TEST_IDP_CLIENT_ID = 'switchboard-desktop';
export const TEST_IDP_AUDIENCE = 'api://switchboard-test';
export const TEST_IDP_SCOPES = ['openid', 'profile', 'email', `${TEST_IDP_AUDIENCE}/.default`] as const;
export const TEST_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const TEST_GROUP = 'switchboard-users';

export interface TestAccount {
  readonly sub: string;
  readonly name?: string;
  readonly preferred_username?: string;
  readonly email?: string;
  readonly groups: readonly string[];
}

/** The login page takes the account's `sub` (and any password: the development page checks none). */
export const TEST_ACCOUNTS = {
  ada: { sub: 'sub-ada-0001', name: 'Ada Lovelace', email: 'ada@example.com', groups: [TEST_GROUP] },
  grace: { sub: 'sub-grace-0002', preferred_username: 'grace@example.com', groups: [TEST_GROUP] },
  mallory: { sub: 'sub-mallory-0003', name: 'Mallory Outsider', email: 'mallory@example.com', groups: [] },
} as const satisfies Record<string, TestAccount>;

export interface TestIdp {
  readonly issuer: string;
  /** Backend settings for this IdP (`SIGN_IN_MODE=oidc`, issuer, audience, client). */
  readonly backendSettings: Readonly<Record<string, string>>;
  /** Token requests the provider answered (code exchanges), to tell replays apart. */
  readonly tokenRequests: () => number;
  close(): Promise<void>;
}

export async function startTestIdp(): Promise<TestIdp> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'test-idp-1', alg: 'RS256', use: 'sig' };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_IDP_CLIENT_ID,
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: ['http://127.0.0.1/callback'],
        post_logout_redirect_uris: ['http://127.0.0.1/signed-out'],
      },
    ],
    jwks: { keys: [signingKey] },
    pkce: { required: () => true },
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email'],
    },
    scopes: ['openid', 'profile', 'email'],
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => TEST_IDP_AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== TEST_IDP_AUDIENCE) throw new errors.InvalidTarget();
          return {
            scope: `${TEST_IDP_AUDIENCE}/.default`,
            audience: TEST_IDP_AUDIENCE,
            accessTokenFormat: 'jwt',
            accessTokenTTL: 600,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    // What Entra ID puts in its access tokens for an API: the person's name, email, groups, tenant.
    extraTokenClaims: (_ctx, token) => {
      const accountId = 'accountId' in token ? token.accountId : undefined;
      const account = Object.values<TestAccount>(TEST_ACCOUNTS).find((candidate) => candidate.sub === accountId);
      if (!account) return undefined;
      const { sub: _sub, ...claims } = account;
      return { ...claims, tid: TEST_TENANT };
    },
    findAccount: (_ctx, id) => {
      const account = Object.values<TestAccount>(TEST_ACCOUNTS).find((candidate) => candidate.sub === id);
      if (!account) return undefined;
      return {
        accountId: account.sub,
        claims: () => {
          const { groups: _groups, ...claims } = account;
          return claims;
        },
      };
    },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
  });
  provider.on('server_error', () => {});
  let tokenRequests = 0;
  provider.on('grant.success', () => {
    tokenRequests += 1;
  });
  const callback = provider.callback();
  server.on('request', (request, response) => {
    void callback(request, response);
  });

  return {
    issuer,
    backendSettings: {
      SIGN_IN_MODE: 'oidc',
      OIDC_ISSUER: issuer,
      OIDC_AUDIENCE: TEST_IDP_AUDIENCE,
      OIDC_CLIENT_ID: TEST_IDP_CLIENT_ID,
    },
    tokenRequests: () => tokenRequests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
