/**
 * The directory bearer (docs/backend.md, "Company directory"): a short-lived HS256 JWT that the
 * session and token answers of an `oidc` session carry as `directory`. Signed in-process with the
 * key every instance reads from the shared database (directory-store.ts `signingKey`), so issuing
 * one costs the refresh path no database round trip, and any instance verifies any other's.
 *
 * It names the session (`sid`), the person (`sub`) and the organisation (`org`, the OIDC issuer).
 * The signature and expiry are checked here; that the session is still alive is checked by the
 * caller (one indexed lookup), so signing out ends directory access at once, not at expiry.
 */
import { errors, jwtVerify, SignJWT } from 'jose';
import type { DirectoryAccess } from '../../common/backend-contract';

/** How long a directory bearer lives; the app gets a new one with every token refresh. */
export const DIRECTORY_BEARER_LIFETIME_MS = 10 * 60_000;

/** Ours alone: a JWT meant for anything else (an IdP's token, say) is never accepted. */
const AUDIENCE = 'switchboard-directory';
const ISSUER = 'switchboard-backend';
const ALGORITHM = 'HS256';

export interface DirectoryClaims {
  readonly sessionId: string;
  readonly subject: string;
  /** The OIDC issuer of the person: their organisation. */
  readonly organisation: string;
}

/** Why a presented bearer was refused (the answer's message says which, never the token). */
export type BearerRefusal = 'malformed' | 'expired';

export class DirectoryBearers {
  private readonly key: Uint8Array;

  constructor(
    key: Buffer,
    private readonly now: () => Date,
  ) {
    if (key.length < 32) throw new Error('the directory signing key must have at least 256 bits');
    this.key = new Uint8Array(key);
  }

  /** A bearer for this session, ending with it if it ends within the lifetime. */
  async issue(claims: DirectoryClaims, sessionExpiresAt: Date): Promise<DirectoryAccess> {
    const now = this.now().getTime();
    const expiresAt = Math.min(now + DIRECTORY_BEARER_LIFETIME_MS, sessionExpiresAt.getTime());
    // JWT times are whole seconds: round the expiry down so that `expiresOn` is never later than it.
    const exp = Math.floor(expiresAt / 1000);
    const token = await new SignJWT({ sid: claims.sessionId, org: claims.organisation })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(claims.subject)
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresOn: new Date(exp * 1000).toISOString() };
  }

  /** The claims of a bearer this backend (or another instance on the same database) issued. */
  async verify(token: string): Promise<DirectoryClaims | BearerRefusal> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        audience: AUDIENCE,
        issuer: ISSUER,
        currentDate: this.now(),
        requiredClaims: ['exp', 'sub'],
      });
      const { sid, org, sub } = payload;
      if (typeof sid !== 'string' || typeof org !== 'string' || typeof sub !== 'string') return 'malformed';
      return { sessionId: sid, subject: sub, organisation: org };
    } catch (error) {
      return error instanceof errors.JWTExpired ? 'expired' : 'malformed';
    }
  }
}
