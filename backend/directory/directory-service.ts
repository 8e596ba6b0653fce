/**
 * The company directory, independent of HTTP: issues directory bearers for `oidc` sessions,
 * checks a presented one (signature and expiry in-process, then one indexed lookup that the
 * session is still alive), and answers people of the caller's organisation. Every refusal is an
 * `HttpError` with the contract's code; the bearer itself never appears in one, nor in a log.
 */
import { randomBytes } from 'node:crypto';
import type { DirectoryAccess, DirectoryPerson, PeoplePage, PeopleQuery } from '../../common/backend-contract';
import { HttpError, sessionExpired, sessionRevoked, unauthorized } from '../http/errors';
import { bearerToken } from '../sessions/refresh-token';
import { DirectoryBearers, type DirectoryClaims } from './directory-bearer';
import type { DirectoryEntry, DirectoryStore } from './directory-store';
import { decodeCursor, encodeCursor, fold } from './search-words';

export interface DirectoryServiceOptions {
  readonly store: DirectoryStore;
  /** The organisation this backend serves: OIDC_ISSUER. */
  readonly issuer: string;
  readonly now?: () => Date;
}

/** The caller a valid bearer names. */
export interface DirectoryCaller {
  readonly sessionId: string;
  readonly subject: string;
}

export class DirectoryService {
  private constructor(
    private readonly store: DirectoryStore,
    private readonly bearers: DirectoryBearers,
    private readonly issuer: string,
    private readonly now: () => Date,
  ) {}

  /** Reads (or, first of all instances, writes) the shared signing key. */
  static async open(options: DirectoryServiceOptions): Promise<DirectoryService> {
    const now = options.now ?? (() => new Date());
    const key = await options.store.signingKey(randomBytes(32), now());
    return new DirectoryService(options.store, new DirectoryBearers(key, now), options.issuer, now);
  }

  /** The `directory` field of a session or token answer for an `oidc` session. */
  accessFor(session: { id: string; subject: string; expiresAt: Date }): Promise<DirectoryAccess> {
    return this.bearers.issue(
      { sessionId: session.id, subject: session.subject, organisation: this.issuer },
      session.expiresAt,
    );
  }

  /** Checks `Authorization: Bearer <directory token>`; throws the contract's 401 otherwise. */
  async authorise(authorization: string | undefined): Promise<DirectoryCaller> {
    const token = bearerToken(authorization);
    if (!token) {
      throw unauthorized(
        'Send the directory token of your session answer as "Authorization: Bearer <directory token>".',
      );
    }
    const claims = await this.bearers.verify(token);
    if (claims === 'expired') throw unauthorized('The directory token expired; refresh the session for a new one.');
    if (claims === 'malformed' || claims.organisation !== this.issuer) {
      throw unauthorized('The directory token is not recognised; refresh the session for a new one.');
    }
    await this.checkSessionAlive(claims);
    return { sessionId: claims.sessionId, subject: claims.subject };
  }

  private async checkSessionAlive(claims: DirectoryClaims): Promise<void> {
    const session = await this.store.sessionLiveness(claims.sessionId);
    if (!session || session.subject !== claims.subject || session.revokedAt !== null) {
      throw sessionRevoked();
    }
    if (session.expiresAt.getTime() <= this.now().getTime()) {
      throw sessionExpired();
    }
  }

  async search(query: PeopleQuery): Promise<PeoplePage> {
    const prefix = fold(query.query);
    if (!prefix) throw new HttpError(400, 'invalid_request', 'Search for a name or an email: "query" has no letters.');
    let after = null;
    if (query.cursor !== undefined) {
      after = decodeCursor(query.cursor);
      if (!after) {
        throw new HttpError(400, 'invalid_request', 'The cursor is not one this directory gave; start from page one.');
      }
    }
    // One more than asked tells whether there is a next page.
    const entries = await this.store.search({ issuer: this.issuer, prefix, after, limit: query.limit + 1 });
    const page = entries.slice(0, query.limit);
    const last = page.at(-1);
    return {
      people: page.map(toPerson),
      nextCursor: entries.length > query.limit && last ? encodeCursor(last) : null,
    };
  }

  /** One person of the organisation, or 404. */
  async resolve(communicationUserId: string): Promise<DirectoryPerson> {
    const entry = await this.store.findPerson(this.issuer, communicationUserId);
    if (!entry) throw new HttpError(404, 'not_found', 'Nobody in your organisation’s directory has this id.');
    return toPerson(entry);
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

function toPerson(entry: DirectoryEntry): DirectoryPerson {
  return { communicationUserId: entry.communicationUserId, displayName: entry.displayName, email: entry.email };
}
