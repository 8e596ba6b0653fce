/**
 * An OpenID Connect issuer reduced to what a resource server reads (metadata and key set), with
 * the pen to sign anything: valid tokens, and every forgery a backend must refuse (wrong issuer
 * or audience, expired, not yet valid, `alg: none`, HS256 keyed with the public key, an unknown
 * key, no `sub`). `rotate()` puts a new signing key in the published set, as IdPs roll keys.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, exportSPKI, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';

export const FORGED_AUDIENCE = 'api://switchboard-forge';

interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
  readonly publicPem: string;
}

export interface ForgingIssuer {
  readonly issuer: string;
  readonly backendSettings: Readonly<Record<string, string>>;
  /** How many times the key set was fetched. */
  jwksFetches(): number;
  /** A token signed with the current published key; `claims` override the defaults (null deletes). */
  sign(claims?: Record<string, unknown>, options?: { key?: 'current' | 'unpublished' }): Promise<string>;
  /** `alg: none`: a token with no signature. */
  unsigned(claims?: Record<string, unknown>): string;
  /** HS256 with the published RSA public key (PEM) as the HMAC secret: the classic confusion attack. */
  hmacWithPublicKey(claims?: Record<string, unknown>): Promise<string>;
  /** Publishes a new key and signs with it from now on (the old key stays published). */
  rotate(): Promise<void>;
  /** Stops answering (the IdP unreachable); `resume()` answers again. */
  goDark(): void;
  resume(): void;
  close(): Promise<void>;
}

async function newKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  return {
    kid,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
    publicPem: await exportSPKI(publicKey),
  };
}

export async function startForgingIssuer(): Promise<ForgingIssuer> {
  const published: SigningKey[] = [await newKey()];
  const unpublished = await newKey();
  let fetches = 0;
  let dark = false;
  const server = createServer((request, response) => {
    if (dark) {
      request.socket.destroy();
      return;
    }
    const send = (body: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.url === '/.well-known/openid-configuration') {
      return send({ issuer, jwks_uri: `${issuer}/jwks`, authorization_endpoint: `${issuer}/authorize` });
    }
    if (request.url === '/jwks') {
      fetches += 1;
      return send({ keys: published.map((key) => key.publicJwk) });
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const payload = (claims: Record<string, unknown> = {}): JWTPayload => {
    const now = Math.floor(Date.now() / 1000);
    const merged: Record<string, unknown> = {
      iss: issuer,
      aud: FORGED_AUDIENCE,
      sub: 'forged-subject-1',
      name: 'Forge Tester',
      iat: now,
      nbf: now,
      exp: now + 600,
      ...claims,
    };
    for (const [key, value] of Object.entries(merged)) if (value === null) delete merged[key];
    return merged as JWTPayload;
  };
  const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  return {
    issuer,
    backendSettings: {
      SIGN_IN_MODE: 'oidc',
      OIDC_ISSUER: issuer,
      OIDC_AUDIENCE: FORGED_AUDIENCE,
      OIDC_CLIENT_ID: 'forge-client',
    },
    jwksFetches: () => fetches,
    async sign(claims, options = {}) {
      const key = options.key === 'unpublished' ? unpublished : (published.at(-1) as SigningKey);
      return new SignJWT(payload(claims))
        .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
        .sign(key.privateKey);
    },
    unsigned(claims) {
      return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload(claims))}.`;
    },
    async hmacWithPublicKey(claims) {
      const key = published.at(-1) as SigningKey;
      return new SignJWT(payload(claims))
        .setProtectedHeader({ alg: 'HS256', kid: key.kid, typ: 'JWT' })
        .sign(new TextEncoder().encode(key.publicPem));
    },
    async rotate() {
      published.push(await newKey());
    },
    goDark: () => {
      dark = true;
    },
    resume: () => {
      dark = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
