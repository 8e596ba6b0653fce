/**
 * How `POST /v1/sessions` learns who is signing in. `open` (below) accepts anyone; the OIDC
 * authenticator (oidc-authenticator.ts: a JWT verified against the organisation's JWKS)
 * implements the same interface and answers the verified person, whom the session service maps
 * to one ACS identity.
 */
import type { DiscoveryDocument, SignInMode } from '../../common/backend-contract';

export interface SignInProof {
  /** The `Authorization` header of the sign-in request, if any. */
  readonly authorization: string | undefined;
}

export interface SignedInPrincipal {
  /** A stable id for the person (OIDC `sub`), or null when nobody is authenticated (`open`). */
  readonly subject: string | null;
  /** The verified person (`oidc`): the mapping key and what their IdP says about them. */
  readonly person?: VerifiedPerson;
}

export interface VerifiedPerson {
  readonly issuer: string;
  readonly subject: string;
  /** `name`, else `preferred_username`, else `email` (else the subject). */
  readonly displayName: string;
  readonly email: string | null;
}

export interface SignInAuthenticator {
  readonly mode: SignInMode;
  /** Answers the principal, or throws an `HttpError` (401, 403, 503) with a reason the user can act on. */
  authenticate(proof: SignInProof): Promise<SignedInPrincipal>;
  /** What this mode adds to the discovery document (`oidc` settings, for instance). */
  discovery(): Partial<Pick<DiscoveryDocument, 'oidc'>>;
}

/** Anyone who reaches the backend gets a new ACS identity: for development and trusted networks. */
export function createOpenAuthenticator(): SignInAuthenticator {
  return {
    mode: 'open',
    authenticate: async () => ({ subject: null }),
    discovery: () => ({}),
  };
}
