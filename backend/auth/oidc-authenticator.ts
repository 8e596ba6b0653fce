/**
 * `SIGN_IN_MODE=oidc`: `POST /v1/sessions` carries `Authorization: Bearer <access token>` from the
 * organisation's OpenID Connect provider, verified with `jose` against the keys the issuer
 * publishes (its `/.well-known/openid-configuration` names the `jwks_uri`):
 *
 * - exact issuer, the configured audience, `exp`/`nbf` with at most 60 s of skew, `sub` required;
 * - asymmetric algorithms only (an `alg: none` or HS256 token never reaches a key);
 * - the key set is cached by `createRemoteJWKSet`; an unknown `kid` refetches it at most every
 *   30 s, so a key the IdP rotates in is accepted within a minute and garbage cannot make the
 *   backend hammer the IdP;
 * - then the required claims (`OIDC_REQUIRED_CLAIMS`): a missing one is 403, not 401.
 *
 * The IdP unreachable while no keys are cached is 503 with Retry-After; nothing here is a 500.
 */
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import type { OidcConfig } from '../config';
import { HttpError } from '../http/errors';
import type { SignInAuthenticator, VerifiedPerson } from './authenticator';

/** Asymmetric JWS algorithms: what IdPs sign access tokens with. Never `none`, never HS*. */
export const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];

export const CLOCK_TOLERANCE_SECONDS = 60;
/** Minimum time between two key-set fetches (an unknown `kid` asks again only after this). */
export const JWKS_REFETCH_COOLDOWN_MS = 30_000;
const IDP_TIMEOUT_MS = 5_000;
const IDP_RETRY_AFTER_SECONDS = 10;

export interface OidcAuthenticatorOptions {
  readonly config: OidcConfig;
  /** Time source for `exp`/`nbf` (tests). */
  readonly now?: () => Date;
  /** Where the administrator learns why the IdP could not be used (never with a token). */
  readonly warn?: (message: string) => void;
}

/** Why the IdP could not be asked: kept apart from token failures so that it answers 503, not 401. */
class IdentityProviderUnreachable extends Error {
  override readonly name = 'IdentityProviderUnreachable';
}

const idpUnavailable = () =>
  new HttpError(
    503,
    'idp_unavailable',
    'The backend cannot reach your organisation’s sign-in service to check your sign-in; try again shortly.',
    IDP_RETRY_AFTER_SECONDS,
  );
const missingToken = () =>
  new HttpError(
    401,
    'unauthorized',
    'Sign in with your organisation: send the access token as "Authorization: Bearer <token>".',
  );
const invalidToken = () =>
  new HttpError(
    401,
    'unauthorized',
    'Your organisation’s sign-in could not be verified for this backend; sign in again.',
  );
const expiredToken = () =>
  new HttpError(
    401,
    'unauthorized',
    'Your organisation’s sign-in has expired; sign in again. If this keeps happening, check that your computer’s clock is right.',
  );
const notYetValidToken = () =>
  new HttpError(
    401,
    'unauthorized',
    'Your organisation’s sign-in is not valid yet: check that your computer’s clock (and time zone) is right, then sign in again.',
  );
export const FORBIDDEN_MESSAGE = 'Your account isn’t allowed to use Switchboard; ask your administrator.';

export function createOidcAuthenticator(options: OidcAuthenticatorOptions): SignInAuthenticator & {
  /** Fetches the issuer's metadata and keys ahead of the first sign-in; never throws. */
  warm(): Promise<void>;
} {
  const { config } = options;
  let keySet: Promise<ReturnType<typeof createRemoteJWKSet>> | null = null;

  /** The issuer's metadata, read once; a failure is forgotten so that the next sign-in asks again. */
  const remoteKeySet = () => {
    keySet ??= discoverJwksUri(config.issuer).then(
      (jwksUri) =>
        createRemoteJWKSet(jwksUri, {
          cooldownDuration: JWKS_REFETCH_COOLDOWN_MS,
          timeoutDuration: IDP_TIMEOUT_MS,
        }),
      (error: unknown) => {
        keySet = null;
        throw error;
      },
    );
    return keySet;
  };

  const verify = async (token: string): Promise<JWTPayload> => {
    const jwks = await remoteKeySet();
    const currentDate = options.now?.();
    const { payload } = await jwtVerify(
      token,
      async (header, input) => {
        try {
          return await jwks(header, input);
        } catch (error) {
          // No key with that kid even after the (cooled-down) refetch: a forged or foreign token.
          if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys)
            throw error;
          throw new IdentityProviderUnreachable('the key set could not be fetched');
        }
      },
      {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: ASYMMETRIC_ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['sub', 'exp'],
        ...(currentDate ? { currentDate } : {}),
      },
    );
    return payload;
  };

  return {
    mode: 'oidc',
    discovery: () => ({ oidc: { issuer: config.issuer, clientId: config.clientId, scopes: [...config.scopes] } }),
    async warm() {
      await remoteKeySet().catch(() => {});
    },
    async authenticate({ authorization }) {
      const match = /^Bearer ([A-Za-z0-9_.~+/=-]{1,16384})$/.exec(authorization ?? '');
      if (!match?.[1]) throw missingToken();
      let payload: JWTPayload;
      try {
        payload = await verify(match[1]);
      } catch (error) {
        if (error instanceof IdentityProviderUnreachable) {
          options.warn?.(`oidc sign-in: ${error.message} (OIDC_ISSUER ${config.issuer})`);
          throw idpUnavailable();
        }
        if (error instanceof errors.JWTExpired) throw expiredToken();
        if (error instanceof errors.JWTClaimValidationFailed && (error.claim === 'nbf' || error.claim === 'iat')) {
          throw notYetValidToken();
        }
        // Every other jose error (bad signature, wrong iss/aud, alg refused, malformed) and
        // anything unexpected from parsing a hostile token: the token is not accepted.
        throw invalidToken();
      }
      const subject = payload.sub;
      if (typeof subject !== 'string' || subject === '') throw invalidToken();
      for (const { claim, value } of config.requiredClaims) {
        if (!claimHolds(payload[claim], value)) throw new HttpError(403, 'forbidden', FORBIDDEN_MESSAGE);
      }
      const person = personFrom(config.issuer, subject, payload);
      return { subject, person };
    },
  };
}

/** A string claim must equal the value; an array claim (such as `groups`) must contain it. */
function claimHolds(claim: unknown, value: string): boolean {
  if (typeof claim === 'string') return claim === value;
  if (Array.isArray(claim)) return claim.some((item) => item === value);
  if (typeof claim === 'number' || typeof claim === 'boolean') return String(claim) === value;
  return false;
}

function personFrom(issuer: string, subject: string, payload: JWTPayload): VerifiedPerson {
  const text = (claim: unknown) => (typeof claim === 'string' && claim.trim() !== '' ? claim.trim() : null);
  const email = text(payload.email);
  const displayName = text(payload.name) ?? text(payload.preferred_username) ?? email ?? subject;
  return { issuer, subject, displayName: displayName.slice(0, 256), email: email?.slice(0, 320) ?? null };
}

/** Reads `jwks_uri` from the issuer's metadata, checking that the metadata is the issuer's own. */
async function discoverJwksUri(issuer: string): Promise<URL> {
  const metadataUrl = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let metadata: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const response = await fetch(metadataUrl, {
      signal: AbortSignal.timeout(IDP_TIMEOUT_MS),
      headers: { accept: 'application/json' },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    metadata = (await response.json()) as typeof metadata;
  } catch {
    throw new IdentityProviderUnreachable('the issuer metadata could not be read');
  }
  if (metadata.issuer !== issuer || typeof metadata.jwks_uri !== 'string') {
    // A misconfiguration (OIDC_ISSUER differs from what the IdP calls itself), not a bad token:
    // the administrator must fix it, and every sign-in fails until then.
    throw new IdentityProviderUnreachable('the issuer metadata does not match OIDC_ISSUER');
  }
  return new URL(metadata.jwks_uri);
}
