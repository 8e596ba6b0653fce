/**
 * The person → ACS identity mapping in the embedded SQLite file, beside the sessions (its own
 * connection: better-sqlite3 handles are cheap, and WAL lets them share the file). `INSERT … ON
 * CONFLICT DO NOTHING` on the (issuer, subject) key makes `claim` race-safe, also for two
 * processes sharing the file.
 */
import type Database from 'better-sqlite3';
import { openSqliteConnection } from '../database/sqlite-connection';
import { searchWords, sortNameOf } from '../directory/search-words';
import {
  type IdentityStore,
  indexPeople,
  type NewPerson,
  type PersonKey,
  type PersonRecord,
  type PersonRow,
  personFromRow,
} from './identity-store';

export class SqliteIdentityStore implements IdentityStore {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<SqliteIdentityStore['prepare']>;

  /** `path` is a file (created with its folder) or `:memory:`. */
  constructor(path: string) {
    this.db = openSqliteConnection(path);
    this.statements = this.prepare();
  }

  private prepare() {
    const db = this.db;
    return {
      find: db.prepare<[string, string], PersonRow>('SELECT * FROM people WHERE issuer = ? AND subject = ?'),
      insert: db.prepare(
        `INSERT INTO people (issuer, subject, communication_user_id, display_name, email, created_at, updated_at, sort_name)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (issuer, subject) DO NOTHING`,
      ),
      update: db.prepare(
        `UPDATE people SET display_name = ?, email = ?, updated_at = ?, sort_name = ?, offboarded_at = NULL
          WHERE issuer = ? AND subject = ?`,
      ),
      unindexed: db.prepare<[], PersonRow>('SELECT * FROM people WHERE sort_name IS NULL'),
      hide: db.prepare('UPDATE people SET offboarded_at = ? WHERE issuer = ? AND subject = ?'),
      deleteWords: db.prepare('DELETE FROM people_words WHERE issuer = ? AND subject = ?'),
      insertWord: db.prepare('INSERT OR IGNORE INTO people_words (issuer, subject, word) VALUES (?, ?, ?)'),
      delete: db.prepare<[string, string], PersonRow>(
        'DELETE FROM people WHERE issuer = ? AND subject = ? RETURNING *',
      ),
    };
  }

  async migrate(): Promise<void> {
    // Applied in the constructor.
  }

  async find(key: PersonKey): Promise<PersonRecord | null> {
    const row = this.statements.find.get(key.issuer, key.subject);
    return row ? personFromRow(row) : null;
  }

  async claim(person: NewPerson): Promise<{ person: PersonRecord; created: boolean }> {
    const { insert, find } = this.statements;
    return this.db
      .transaction(() => {
        const time = person.now.getTime();
        const inserted = insert.run(
          person.issuer,
          person.subject,
          person.communicationUserId,
          person.displayName,
          person.email,
          time,
          time,
          sortNameOf(person.displayName),
        );
        if (inserted.changes === 1) this.writeWords(person, person.displayName, person.email);
        const row = find.get(person.issuer, person.subject);
        if (!row) throw new Error('the person mapping vanished inside its own transaction');
        return { person: personFromRow(row), created: inserted.changes === 1 };
      })
      .immediate();
  }

  async updateProfile(key: PersonKey, profile: { displayName: string; email: string | null; now: Date }) {
    const { update } = this.statements;
    this.db
      .transaction(() => {
        const updated = update.run(
          profile.displayName,
          profile.email,
          profile.now.getTime(),
          sortNameOf(profile.displayName),
          key.issuer,
          key.subject,
        );
        if (updated.changes === 1) this.writeWords(key, profile.displayName, profile.email);
      })
      .immediate();
  }

  async indexUnindexedPeople(): Promise<number> {
    return indexPeople(this, this.statements.unindexed.all());
  }

  async hideFromDirectory(key: PersonKey, now: Date): Promise<void> {
    this.statements.hide.run(now.getTime(), key.issuer, key.subject);
  }

  /** Replaces the person's search words; inside the caller's transaction. */
  private writeWords(key: PersonKey, displayName: string, email: string | null): void {
    const { deleteWords, insertWord } = this.statements;
    deleteWords.run(key.issuer, key.subject);
    for (const word of searchWords(displayName, email)) insertWord.run(key.issuer, key.subject, word);
  }

  async delete(key: PersonKey): Promise<PersonRecord | null> {
    const { deleteWords, delete: deletePerson } = this.statements;
    const row = this.db
      .transaction(() => {
        deleteWords.run(key.issuer, key.subject);
        return deletePerson.get(key.issuer, key.subject);
      })
      .immediate();
    return row ? personFromRow(row) : null;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
