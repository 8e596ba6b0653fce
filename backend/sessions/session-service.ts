/**
 * Sessions and tokens, independent of HTTP: sign-in creates an ACS identity and a session;
 * refresh rotates the refresh token (rules in session-store.ts) and fetches a fresh ACS token;
 * sign-out revokes both. Every failure is an `HttpError` with the contract's code.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { SessionAnswer } from '../../common/backend-contract';
import { AcsFailure, type AcsIdentityGateway } from '../acs/identity-gateway';
import type { SignedInPrincipal, VerifiedPerson } from '../auth/authenticator';
import type { DirectoryService } from '../directory/directory-service';
import { HttpError, sessionExpired, sessionRevoked, unauthorized } from '../http/errors';
import type { IdentityStore } from '../identities/identity-store';
import { hashRefreshToken, isWellFormedRefreshToken, newRefreshToken } from './refresh-token';
import type { RefreshTokenRecord, RotateLimits, SessionRecord, SessionStore } from './session-store';

export interface SessionServiceOptions {
  readonly store: SessionStore;
  readonly acs: AcsIdentityGateway;
  /** The person → ACS identity mapping (`oidc` mode). */
  readonly identities?: IdentityStore;
  /** Issues the `directory` bearer of `oidc` sessions' answers (`oidc` mode). */
  readonly directory?: Pick<DirectoryService, 'accessFor'>;
  /** Fallback logger; HTTP calls pass the request's logger (it carries the request id). */
  readonly logger: FastifyBaseLogger;
  /** A session ends after this long without a refresh. */
  readonly sessionIdleMs: number;
  /** A session ends this long after sign-in, however often it refreshes (SESSION_MAX_DAYS). */
  readonly sessionMaxMs: number;
  readonly now?: () => Date;
}

/** What a refresh token resolved to; computed once per request (the rate limiter needs it too). */
export type TokenLookup = { session: SessionRecord; token: RefreshTokenRecord } | null;

/** Refresh tokens issued here and not yet presented, remembered at most (the oldest go first). */
const ISSUED_HERE_MAX = 20_000;

export class SessionService {
  private readonly now: () => Date;
  /**
   * The ACS identity of each refresh token this instance issued and nobody has presented yet, by
   * the token's SHA-256 (never the token). Only a hint for `refresh`: it lets the ACS call start
   * while the rotation runs instead of after it. The rotation alone decides; a token presented
   * once is forgotten, so a replayed, revoked or rate-limited one costs at most one ACS token,
   * which never leaves this process. Tokens issued by another instance, or forgotten, take the
   * serial path (rotation, then ACS). A Map in insertion order: each token is read at most
   * once, so "least recently used" is "oldest issued", and the oldest goes first when full.
   */
  private readonly issuedHere = new Map<string, string>();

  constructor(private readonly options: SessionServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Resolves a presented refresh token to its session without changing anything. */
  async lookup(refreshToken: string): Promise<TokenLookup> {
    if (!isWellFormedRefreshToken(refreshToken)) return null;
    return this.options.store.findByTokenHash(hashRefreshToken(refreshToken));
  }

  async signIn(
    principal: SignedInPrincipal,
    /** The name the client asked for: used in `open` mode only. */
    displayName: string | undefined,
    log: FastifyBaseLogger = this.options.logger,
  ): Promise<SessionAnswer> {
    const person = principal.person;
    // oidc: the name the IdP vouches for, never the one the client sent.
    const name = person?.displayName ?? displayName;
    if (name === undefined) throw new Error('open sign-in needs a display name');
    const { communicationUserId, accessToken } = person
      ? await this.identityOf(person, log)
      : await this.acsCall(log, () => this.options.acs.createUserAndToken());
    const refreshToken = newRefreshToken();
    const now = this.now();
    const expiresAt = new Date(now.getTime() + Math.min(this.options.sessionIdleMs, this.options.sessionMaxMs));
    const sessionId = randomUUID();
    const refreshTokenHash = hashRefreshToken(refreshToken);
    await this.options.store.createSession({
      id: sessionId,
      communicationUserId,
      displayName: name,
      subject: principal.subject,
      now,
      expiresAt,
      refreshTokenHash,
    });
    this.rememberIssued(refreshTokenHash, communicationUserId);
    log.info({ sessionId }, 'session created');
    return {
      user: { communicationUserId, displayName: name },
      accessToken,
      session: { refreshToken, expiresOn: expiresAt.toISOString() },
      ...(await this.directoryAccess({ id: sessionId, subject: person?.subject ?? null, expiresAt })),
    };
  }

  /**
   * One atomic store step (one round trip on PostgreSQL) counts the request against `limits`,
   * judges the token and rotates it; only a refresh that passed it gets an ACS token. For a token
   * this instance issued, the ACS call runs alongside that step (`issuedHere`); otherwise after
   * it, so a token of unknown origin never costs an ACS call before it is judged. When ACS
   * then fails, the presented token has become the anchor and stays valid, so the client's retry
   * with the same token works, exactly as after a lost answer (docs/backend.md, "Refresh-token
   * rotation"). `refreshToken` is null when the request carried none.
   */
  async refresh(
    refreshToken: string | null,
    limits?: RotateLimits,
    log: FastifyBaseLogger = this.options.logger,
  ): Promise<SessionAnswer> {
    const { store } = this.options;
    if (refreshToken === null || !isWellFormedRefreshToken(refreshToken)) {
      // Garbage never reaches the rotation, but still counts against the client's limit.
      if (limits) {
        const count = await store.countRequest(limits.ipKey, limits.windowMs);
        if (count.hits > limits.perIp) throw rateLimited('ip', count.ttlMs);
      }
      throw refreshToken === null
        ? unauthorized('Send the refresh token as "Authorization: Bearer <refresh token>".')
        : unauthorized();
    }
    const next = newRefreshToken();
    const now = this.now();
    const presentedHash = hashRefreshToken(refreshToken);
    const newHash = hashRefreshToken(next);
    // A token issued here: its ACS call overlaps the rotation (see `issuedHere`). Its failure is
    // handled below, only if the rotation lets the refresh through.
    const presentedKey = presentedHash.toString('latin1');
    const knownUser = this.issuedHere.get(presentedKey);
    let early: Promise<SessionAnswer['accessToken']> | undefined;
    if (knownUser !== undefined) {
      this.issuedHere.delete(presentedKey);
      early = this.options.acs.getToken(knownUser);
      early.catch(() => {}); // settled either way; awaited only after a rotation
    }
    const outcome = await store.rotate({
      presentedHash,
      newHash,
      now,
      expiresAt: new Date(now.getTime() + this.options.sessionIdleMs),
      maxLifetimeMs: this.options.sessionMaxMs,
      ...(limits ? { limits } : {}),
    });
    switch (outcome.kind) {
      case 'unknown':
        throw unauthorized();
      case 'rate-limited':
        throw rateLimited(outcome.scope, outcome.retryAfterMs);
      case 'revoked':
        throw endedBy(outcome.session);
      case 'expired':
        throw sessionExpired();
      case 'reused':
        await this.afterReuse(log, outcome.session);
        throw tokenReused();
    }
    const { session } = outcome;
    const accessToken = await this.acsCall(
      log,
      () =>
        early !== undefined && knownUser === session.communicationUserId
          ? early
          : this.options.acs.getToken(session.communicationUserId),
      session,
    );
    this.rememberIssued(newHash, session.communicationUserId);
    return {
      user: { communicationUserId: session.communicationUserId, displayName: session.displayName },
      accessToken,
      session: { refreshToken: next, expiresOn: session.expiresAt.toISOString() },
      ...(await this.directoryAccess(session)),
    };
  }

  private rememberIssued(refreshTokenHash: Buffer, communicationUserId: string): void {
    this.issuedHere.set(refreshTokenHash.toString('latin1'), communicationUserId);
    if (this.issuedHere.size > ISSUED_HERE_MAX) {
      const oldest = this.issuedHere.keys().next().value;
      if (oldest !== undefined) this.issuedHere.delete(oldest);
    }
  }

  /**
   * `oidc` sessions (those with a verified subject) get a directory bearer; `open` ones never do:
   * nobody's name is verified there. Signed in-process: no database round trip.
   */
  private async directoryAccess(session: {
    id: string;
    subject: string | null;
    expiresAt: Date;
  }): Promise<Pick<SessionAnswer, 'directory'>> {
    const { directory } = this.options;
    if (!directory || session.subject === null) return {};
    return { directory: await directory.accessFor({ ...session, subject: session.subject }) };
  }

  /**
   * One person, one ACS identity: the mapped one, or a new one claimed in the store. When a
   * concurrent first sign-in of the same person claimed first, the identity created here is
   * unused: it is deleted (best effort, logged) and the winner's is used.
   */
  private async identityOf(
    person: VerifiedPerson,
    log: FastifyBaseLogger,
    replaceGone = true,
  ): Promise<{ communicationUserId: string; accessToken: SessionAnswer['accessToken'] }> {
    const identities = this.options.identities;
    if (!identities) throw new Error('oidc sign-in needs the identity store');
    const now = this.now();
    const known = await identities.find(person);
    if (known) {
      const accessToken = await this.acsCall(log, () =>
        this.options.acs.getToken(known.communicationUserId).catch((error: unknown) => {
          if (replaceGone && error instanceof AcsFailure && error.kind === 'identity-gone') return null;
          throw error;
        }),
      );
      if (accessToken === null) {
        // Deleted in ACS behind our back (by hand, or an offboarding that failed half-way): the
        // mapping points nowhere. Forget it and map the person to a new identity, once.
        log.warn('the mapped ACS identity no longer exists: mapping the person to a new one');
        await identities.delete(person);
        return this.identityOf(person, log, false);
      }
      // Also after offboarding: signing in again brings the person back into the directory.
      if (known.displayName !== person.displayName || known.email !== person.email || known.offboardedAt !== null) {
        await identities.updateProfile(person, { displayName: person.displayName, email: person.email, now });
      }
      return { communicationUserId: known.communicationUserId, accessToken };
    }
    const created = await this.acsCall(log, () => this.options.acs.createUserAndToken());
    let claim: Awaited<ReturnType<IdentityStore['claim']>>;
    try {
      claim = await identities.claim({ ...person, communicationUserId: created.communicationUserId, now });
    } catch (error) {
      await this.deleteUnused(created.communicationUserId, log);
      throw error;
    }
    if (claim.created) {
      log.info('person mapped to a new ACS identity');
      return created;
    }
    await this.deleteUnused(created.communicationUserId, log);
    const winner = claim.person.communicationUserId;
    return {
      communicationUserId: winner,
      accessToken: await this.acsCall(log, () => this.options.acs.getToken(winner)),
    };
  }

  private async deleteUnused(communicationUserId: string, log: FastifyBaseLogger): Promise<void> {
    await this.options.acs.deleteUser(communicationUserId).then(
      () => log.info('a concurrent sign-in of the same person won: the unused ACS identity was deleted'),
      (error: unknown) => log.warn({ acs: describe(error) }, 'deleting an unused ACS identity failed'),
    );
  }

  /** Sign-out: the session dies first (the refresh token is then useless), then ACS revokes its tokens. */
  async signOut(
    refreshToken: string,
    known?: TokenLookup,
    log: FastifyBaseLogger = this.options.logger,
  ): Promise<void> {
    const found = known !== undefined ? known : await this.lookup(refreshToken);
    if (!found) throw unauthorized();
    const revokedNow = await this.options.store.revoke(found.session.id, 'signed-out', this.now());
    if (revokedNow) log.info({ sessionId: found.session.id }, 'session signed out');
    // Also when it was already revoked: a retried sign-out completes an ACS revoke that failed before.
    await this.acsCall(log, () => this.options.acs.revokeTokens(found.session.communicationUserId));
  }

  /** Administrator revocation (and the test harness's knob): no ACS call, the session just ends. */
  async revokeByRefreshToken(refreshToken: string): Promise<boolean> {
    const found = await this.lookup(refreshToken);
    return found ? this.options.store.revoke(found.session.id, 'administrator', this.now()) : false;
  }

  private async afterReuse(log: FastifyBaseLogger, session: SessionRecord): Promise<void> {
    log.warn(
      { sessionId: session.id },
      'refresh token reuse: an older refresh token came back, the session is revoked',
    );
    // Whoever replayed the token may hold ACS tokens from it: revoke them too, best effort.
    await this.options.acs.revokeTokens(session.communicationUserId).catch((error: unknown) => {
      log.warn({ sessionId: session.id, acs: describe(error) }, 'ACS revoke after reuse failed');
    });
  }

  /** Runs an ACS call and turns its failure into the contract's answer. */
  private async acsCall<T>(log: FastifyBaseLogger, work: () => Promise<T>, session?: SessionRecord): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof AcsFailure)) throw error;
      log.warn({ sessionId: session?.id, acs: describe(error) }, 'ACS identity call failed');
      switch (error.kind) {
        case 'throttled':
          throw new HttpError(
            503,
            'acs_unavailable',
            'Azure Communication Services is busy; try again shortly.',
            Math.min(Math.max(error.retryAfterSeconds ?? 5, 1), 300),
          );
        case 'identity-gone':
          if (session) {
            await this.options.store.revoke(session.id, 'acs-identity-gone', this.now());
            throw new HttpError(401, 'session_revoked', 'Your calling identity no longer exists; sign in again.');
          }
          throw new HttpError(502, 'acs_unavailable', 'Azure Communication Services refused the request.', 30);
        case 'credentials-rejected':
          log.error(
            { acs: describe(error) },
            'ACS rejected the backend credentials: check ACS_CONNECTION_STRING or the managed identity role',
          );
          throw new HttpError(502, 'acs_unavailable', 'The backend cannot reach Azure Communication Services.', 30);
        case 'unavailable':
        case 'rejected':
          throw new HttpError(
            502,
            'acs_unavailable',
            'Azure Communication Services did not answer; try again shortly.',
            5,
          );
      }
    }
  }
}

function describe(error: unknown): Record<string, unknown> {
  return error instanceof AcsFailure
    ? { kind: error.kind, status: error.acsStatus, code: error.acsCode }
    : { kind: 'unexpected', name: (error as Error | undefined)?.name };
}

/** A revoked session's answer says why, so the app can tell "signed out" from "ended to protect you". */
const endedBy = (session: SessionRecord) => (session.revokeReason === 'reuse' ? tokenReused() : sessionRevoked());
const rateLimited = (scope: 'ip' | 'session', retryAfterMs: number) => {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new HttpError(
    429,
    'rate_limited',
    scope === 'ip'
      ? `Too many requests; retry in ${seconds} s.`
      : `Too many token requests for this session; retry in ${seconds} s.`,
    seconds,
  );
};
const tokenReused = () =>
  new HttpError(
    401,
    'refresh_token_reused',
    'An old refresh token was used again, so this session was ended to protect it; sign in again.',
  );
