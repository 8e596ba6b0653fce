/**
 * Where sessions live. Two implementations (SQLite embedded, PostgreSQL to scale out) pass one
 * contract suite (test/integration/backend/session-store.contract.ts). The rotation rule itself
 * is `judgePresentedToken` below, shared by both: each store only supplies atomicity.
 *
 * Rotation design (docs/backend.md, "Refresh-token rotation"): a session has an *anchor*, the
 * last refresh token that was used (none before the first refresh). The tokens that are valid
 * are the anchor itself and every token issued from it (its children). Presenting a child makes
 * it the new anchor; presenting the anchor again (a retry after a lost answer, or two refreshes
 * racing with the same token) issues one more child. Any other token of the session is *reuse*:
 * someone holds a token the legitimate client has moved past, so the whole session is revoked.
 * Every token a session ever had stays stored until the session is deleted, so this holds for
 * any earlier generation, however old (RFC 9700 §4.14.2); SESSION_MAX_DAYS bounds how many.
 */

export interface SessionRecord {
  readonly id: string;
  readonly communicationUserId: string;
  readonly displayName: string;
  /** The sign-in subject (OIDC `sub`); null in `open` mode. */
  readonly subject: string | null;
  readonly createdAt: Date;
  /** Slides forward on every refresh. */
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly revokeReason: RevokeReason | null;
  /** Hash of the last used refresh token; null until the first refresh. */
  readonly anchorHash: Buffer | null;
  /** Generation of the newest token issued (the first token is 0). */
  readonly generation: number;
}

export interface RefreshTokenRecord {
  readonly hash: Buffer;
  readonly sessionId: string;
  /** The anchor it was issued from; null for the session's first token. */
  readonly parentHash: Buffer | null;
  readonly generation: number;
  readonly issuedAt: Date;
}

export type RevokeReason = 'signed-out' | 'reuse' | 'administrator' | 'acs-identity-gone';

export interface NewSession {
  readonly id: string;
  readonly communicationUserId: string;
  readonly displayName: string;
  readonly subject: string | null;
  readonly now: Date;
  readonly expiresAt: Date;
  readonly refreshTokenHash: Buffer;
}

export type TokenVerdict = 'valid' | 'revoked' | 'expired' | 'reused';

export type RotateOutcome =
  | { readonly kind: 'rotated'; readonly session: SessionRecord }
  | { readonly kind: 'unknown' }
  /** `reused`: the store has revoked the session in the same transaction. */
  | { readonly kind: 'revoked' | 'expired' | 'reused'; readonly session: SessionRecord }
  /** A limit was reached before anything changed; `retryAfterMs` is when its window ends. */
  | { readonly kind: 'rate-limited'; readonly scope: 'ip' | 'session'; readonly retryAfterMs: number };

/**
 * Request counters checked in the same atomic step as the rotation (docs/backend.md, "Rate
 * limits"): they live in the database so that N instances share them instead of allowing N×.
 */
export interface RotateLimits {
  /** The client's counter, shared with every other route (`RateLimitCounter` keys). */
  readonly ipKey: string;
  readonly perIp: number;
  /** Counted per session, under `sessionKeyPrefix` + the session id. */
  readonly sessionKeyPrefix: string;
  readonly perSession: number;
  readonly windowMs: number;
}

export interface RotateRequest {
  readonly presentedHash: Buffer;
  readonly newHash: Buffer;
  readonly now: Date;
  /** The session's new idle expiry; the store caps it at `createdAt + maxLifetimeMs`. */
  readonly expiresAt: Date;
  /** SESSION_MAX_DAYS; unset: no absolute end. */
  readonly maxLifetimeMs?: number;
  /** Counted first; a limit reached answers `rate-limited` and changes nothing else. */
  readonly limits?: RotateLimits;
}

/** One fixed-window counter: `hits` so far in the window, which ends in `ttlMs`. */
export interface RateLimitCount {
  readonly hits: number;
  readonly ttlMs: number;
}

export interface SessionStore {
  /** Creates tables if needed. Idempotent; safe with several instances starting at once. */
  migrate(): Promise<void>;
  createSession(session: NewSession): Promise<void>;
  findByTokenHash(hash: Buffer): Promise<{ session: SessionRecord; token: RefreshTokenRecord } | null>;
  /**
   * A refresh's whole database work in one atomic step, one round trip on PostgreSQL: count the
   * request against the limits, find the presented token's session, judge the token, and when
   * valid make it the anchor, store `newHash` as its child and slide the expiry. A `reused`
   * verdict revokes the session in the same step.
   */
  rotate(request: RotateRequest): Promise<RotateOutcome>;
  /** Counts one request under `key` in a fixed window of `windowMs` (the rate limiters' store). */
  countRequest(key: string, windowMs: number): Promise<RateLimitCount>;
  /** Revokes the session if it is not already; answers whether this call revoked it. */
  revoke(sessionId: string, reason: RevokeReason, now: Date): Promise<boolean>;
  /** Offboarding: revokes every live session of one sign-in subject; answers how many. */
  revokeBySubject(subject: string, reason: RevokeReason, now: Date): Promise<number>;
  /** Deletes sessions that expired or were revoked before `before` (and stale counters); answers how many sessions. */
  deleteEndedBefore(before: Date): Promise<number>;
  close(): Promise<void>;
}

/** The rotation rule (see the module comment). Pure: both stores call it inside a transaction. */
export function judgePresentedToken(session: SessionRecord, token: RefreshTokenRecord, now: Date): TokenVerdict {
  if (session.revokedAt !== null) return 'revoked';
  const isAnchor = session.anchorHash?.equals(token.hash) === true;
  const isChildOfAnchor =
    session.anchorHash === null ? token.parentHash === null : token.parentHash?.equals(session.anchorHash) === true;
  if (!isAnchor && !isChildOfAnchor) return 'reused';
  // postgres-migrations.ts's rotate_session() states this same rule in SQL: keep the two in step.
  if (session.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

/** The new idle expiry, never past the session's absolute end (SESSION_MAX_DAYS). */
export function cappedExpiry(request: RotateRequest, session: SessionRecord): Date {
  if (request.maxLifetimeMs === undefined) return request.expiresAt;
  const end = session.createdAt.getTime() + request.maxLifetimeMs;
  return end < request.expiresAt.getTime() ? new Date(end) : request.expiresAt;
}
