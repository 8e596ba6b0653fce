/**
 * The directory's reads in the embedded SQLite file (its own read connection; WAL lets it share
 * the file with the session and identity stores). A search drives from the words index: the
 * prefix is one range of people_words' primary key, then people are read in directory order.
 */
import type Database from 'better-sqlite3';
import { openSqliteConnection } from '../database/sqlite-connection';
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
 WHERE p.issuer = :issuer AND p.offboarded_at IS NULL
   AND p.subject IN (SELECT w.subject FROM people_words w WHERE w.issuer = :issuer AND w.word >= :low AND w.word < :high)`;
const ORDER = 'ORDER BY p.sort_name, p.communication_user_id LIMIT :limit';

interface SessionRow {
  subject: string | null;
  expires_at: number;
  revoked_at: number | null;
}

export class SqliteDirectoryStore implements DirectoryStore {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<SqliteDirectoryStore['prepare']>;

  /** `path` is a file (created with its folder) or `:memory:`. */
  constructor(path: string) {
    this.db = openSqliteConnection(path);
    this.statements = this.prepare();
  }

  private prepare() {
    const db = this.db;
    return {
      insertKey: db.prepare(
        'INSERT INTO directory_signing_key (id, secret, created_at) VALUES (1, ?, ?) ON CONFLICT DO NOTHING',
      ),
      selectKey: db.prepare<[], { secret: Buffer }>('SELECT secret FROM directory_signing_key WHERE id = 1'),
      session: db.prepare<[string], SessionRow>('SELECT subject, expires_at, revoked_at FROM sessions WHERE id = ?'),
      firstPage: db.prepare<Record<string, unknown>, DirectoryRow>(`${SELECT_PEOPLE} ${ORDER}`),
      nextPage: db.prepare<Record<string, unknown>, DirectoryRow>(
        `${SELECT_PEOPLE} AND (p.sort_name, p.communication_user_id) > (:sortName, :id) ${ORDER}`,
      ),
      person: db.prepare<[string, string], DirectoryRow>(
        `SELECT communication_user_id, display_name, email, sort_name FROM people
          WHERE communication_user_id = ? AND issuer = ? AND offboarded_at IS NULL AND sort_name IS NOT NULL`,
      ),
    };
  }

  async signingKey(candidate: Buffer, now: Date): Promise<Buffer> {
    const { insertKey, selectKey } = this.statements;
    return this.db
      .transaction(() => {
        insertKey.run(candidate, now.getTime());
        const row = selectKey.get();
        if (!row) throw new Error('the directory signing key vanished inside its own transaction');
        return row.secret;
      })
      .immediate();
  }

  async sessionLiveness(sessionId: string): Promise<SessionLiveness | null> {
    const row = this.statements.session.get(sessionId);
    if (!row) return null;
    return {
      subject: row.subject,
      expiresAt: new Date(row.expires_at),
      revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
    };
  }

  async search(request: PeopleSearch): Promise<DirectoryEntry[]> {
    const range = {
      issuer: request.issuer,
      low: request.prefix,
      high: prefixUpperBound(request.prefix),
      limit: request.limit,
    };
    const rows = request.after
      ? this.statements.nextPage.all({
          ...range,
          sortName: request.after.sortName,
          id: request.after.communicationUserId,
        })
      : this.statements.firstPage.all(range);
    return rows.map(entryFromRow);
  }

  async findPerson(issuer: string, communicationUserId: string): Promise<DirectoryEntry | null> {
    const row = this.statements.person.get(communicationUserId, issuer);
    return row ? entryFromRow(row) : null;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
