/**
 * What the company directory reads from the session database: people of one issuer by a folded
 * prefix (search-words.ts) in a stable order, one person by ACS id, whether a session is still
 * alive, and the key directory bearers are signed with. Two implementations (SQLite, PostgreSQL)
 * pass one contract suite (test/integration/backend/directory-store.test.ts). The people table and
 * its words are written by the identity stores (backend/identities/), in the same transaction as
 * the profile they index.
 */
import type { DirectoryPerson } from '../../common/backend-contract';
import type { DirectoryPosition } from './search-words';

/** One person as the directory answers them, with their place in its order. */
export interface DirectoryEntry extends DirectoryPerson {
  readonly sortName: string;
}

export interface PeopleSearch {
  /** The organisation: only people of this issuer are answered. */
  readonly issuer: string;
  /** Folded (search-words.ts `fold`), non-empty. */
  readonly prefix: string;
  /** The last person of the previous page; null for the first page. */
  readonly after: DirectoryPosition | null;
  readonly limit: number;
}

/** What the directory bearer's check needs of a session. */
export interface SessionLiveness {
  readonly subject: string | null;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
}

export interface DirectoryStore {
  /**
   * The shared signing key: stores `candidate` if no key exists yet, and answers the stored one,
   * so that every instance on the database ends up with the key the first one wrote.
   */
  signingKey(candidate: Buffer, now: Date): Promise<Buffer>;
  /** One indexed lookup by session id. */
  sessionLiveness(sessionId: string): Promise<SessionLiveness | null>;
  /** People whose search words start with `prefix`, after `after`, in directory order, at most `limit`. */
  search(request: PeopleSearch): Promise<DirectoryEntry[]>;
  /** The person with this ACS id in `issuer`'s directory (offboarded people are not). */
  findPerson(issuer: string, communicationUserId: string): Promise<DirectoryEntry | null>;
  close(): Promise<void>;
}

/** A directory row as both stores read it. */
export interface DirectoryRow {
  communication_user_id: string;
  display_name: string;
  email: string | null;
  sort_name: string;
}

export function entryFromRow(row: DirectoryRow): DirectoryEntry {
  return {
    communicationUserId: row.communication_user_id,
    displayName: row.display_name,
    email: row.email,
    sortName: row.sort_name,
  };
}
