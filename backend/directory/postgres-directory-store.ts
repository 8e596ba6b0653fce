/**
 * The directory's reads in PostgreSQL, shared by every instance. A search drives from the words
 * index: the prefix is one range of people_words' primary key ("C" collation, so byte-wise), then
 * people are read in directory order. Statements are named (prepared once per connection).
 */
import type pg from 'pg';
import { openPostgresPool } from '../database/postgres-pool';
import {
  type DirectoryEntry,
  type DirectoryRow,
  type DirectoryStore,
  entryFromRow,
  type PeopleSearch,
  type SessionLiveness,
} from './directory-store';
import { prefixUpperBound } from './search-words';

const SELECT_PEOPLE = `
SELECT p.communication_user_id, p.display_name, p.email, p.sort_name
  FROM people p
 WHERE p.issuer = $1 AND p.offboarded_at IS NULL
   AND p.subject IN (SELECT w.subject FROM people_words w WHERE w.issuer = $1 AND w.word >= $2 AND w.word < $3)`;
const FIRST_PAGE = `${SELECT_PEOPLE} ORDER BY p.sort_name, p.communication_user_id LIMIT $4`;
const NEXT_PAGE = `${SELECT_PEOPLE} AND (p.sort_name, p.communication_user_id) > ($5, $6)
 ORDER BY p.sort_name, p.communication_user_id LIMIT $4`;
const PERSON = `
SELECT communication_user_id, display_name, email, sort_name FROM people
 WHERE communication_user_id = $1 AND issuer = $2 AND offboarded_at IS NULL AND sort_name IS NOT NULL`;
const SIGNING_KEY = `
WITH inserted AS (
  INSERT INTO directory_signing_key (id, secret, created_at) VALUES (1, $1, $2)
  ON CONFLICT (id) DO NOTHING RETURNING secret
)
SELECT secret FROM inserted`;

export interface PostgresDirectoryStoreOptions {
  readonly connectionString: string;
  /** The schema the session store uses (tests); default `public`. */
  readonly schema?: string;
}

export class PostgresDirectoryStore implements DirectoryStore {
  private readonly pool: pg.Pool;

  /** The tables are migration 4 of the session database, applied by the session store first. */
  constructor(options: PostgresDirectoryStoreOptions) {
    // Searches as people type: a few connections; each request holds one for one statement.
    this.pool = openPostgresPool({ ...options, maxConnections: 4 });
  }

  async signingKey(candidate: Buffer, now: Date): Promise<Buffer> {
    const { rows } = await this.pool.query<{ secret: Buffer }>(SIGNING_KEY, [candidate, now]);
    if (rows[0]) return rows[0].secret;
    // Another instance wrote it first (ON CONFLICT waited for its commit): read that one.
    const stored = await this.pool.query<{ secret: Buffer }>('SELECT secret FROM directory_signing_key WHERE id = 1');
    if (!stored.rows[0]) throw new Error('the directory signing key was deleted while it was being created');
    return stored.rows[0].secret;
  }

  async sessionLiveness(sessionId: string): Promise<SessionLiveness | null> {
    const { rows } = await this.pool.query<{ subject: string | null; expires_at: Date; revoked_at: Date | null }>({
      name: 'directory-session',
      text: 'SELECT subject, expires_at, revoked_at FROM sessions WHERE id = $1',
      values: [sessionId],
    });
    const row = rows[0];
    return row ? { subject: row.subject, expiresAt: row.expires_at, revokedAt: row.revoked_at } : null;
  }

  async search(request: PeopleSearch): Promise<DirectoryEntry[]> {
    const range = [request.issuer, request.prefix, prefixUpperBound(request.prefix), request.limit];
    const { rows } = await this.pool.query<DirectoryRow>(
      request.after
        ? {
            name: 'directory-next-page',
            text: NEXT_PAGE,
            values: [...range, request.after.sortName, request.after.communicationUserId],
          }
        : { name: 'directory-first-page', text: FIRST_PAGE, values: range },
    );
    return rows.map(entryFromRow);
  }

  async findPerson(issuer: string, communicationUserId: string): Promise<DirectoryEntry | null> {
    const { rows } = await this.pool.query<DirectoryRow>({
      name: 'directory-person',
      text: PERSON,
      values: [communicationUserId, issuer],
    });
    return rows[0] ? entryFromRow(rows[0]) : null;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
