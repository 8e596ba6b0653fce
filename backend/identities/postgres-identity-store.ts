/**
 * The person → ACS identity mapping in PostgreSQL, shared by every instance. `claim` is one
 * statement: insert unless (issuer, subject) exists, then read whichever row is there; two
 * instances racing on a person's first sign-in both answer the one row that won.
 */
import type pg from 'pg';
import { applyPostgresMigrations } from '../database/postgres-migrations';
import { openPostgresPool } from '../database/postgres-pool';
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

/**
 * Answers the row only when this call inserted it. On a conflict (ON CONFLICT waits for the other
 * transaction's insert to commit) the winner is read by a second statement: a SELECT inside this
 * one would see the snapshot from before the winner committed.
 */
const CLAIM = `
WITH inserted AS (
  INSERT INTO people (issuer, subject, communication_user_id, display_name, email, created_at, updated_at, sort_name)
  VALUES ($1, $2, $3, $4, $5, $6, $6, $7)
  ON CONFLICT (issuer, subject) DO NOTHING
  RETURNING *
), words AS (
  INSERT INTO people_words (issuer, subject, word)
  SELECT i.issuer, i.subject, w FROM inserted i, unnest($8::text[]) AS w
)
SELECT * FROM inserted`;

/**
 * The new profile and its search words in one statement. Words the new profile keeps are neither
 * deleted nor re-inserted (both sub-statements see the same snapshot, so deleting all and
 * inserting all would lose them).
 */
const UPDATE_PROFILE = `
WITH updated AS (
  UPDATE people SET display_name = $1, email = $2, updated_at = $3, sort_name = $6, offboarded_at = NULL
   WHERE issuer = $4 AND subject = $5
  RETURNING issuer, subject
), gone AS (
  DELETE FROM people_words w USING updated u
   WHERE w.issuer = u.issuer AND w.subject = u.subject AND NOT (w.word = ANY ($7::text[]))
)
INSERT INTO people_words (issuer, subject, word)
SELECT u.issuer, u.subject, w FROM updated u, unnest($7::text[]) AS w
ON CONFLICT DO NOTHING`;

export interface PostgresIdentityStoreOptions {
  readonly connectionString: string;
  /** The schema the session store uses (tests); default `public`. */
  readonly schema?: string;
}

export class PostgresIdentityStore implements IdentityStore {
  private readonly pool: pg.Pool;
  private readonly schema: string | undefined;

  constructor(options: PostgresIdentityStoreOptions) {
    this.schema = options.schema;
    // Sign-ins only (never on the refresh path): a few connections are plenty.
    this.pool = openPostgresPool({ ...options, maxConnections: 4 });
  }

  /** The `people` table is migration 2 of the session database: the one runner applies what is missing. */
  async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await applyPostgresMigrations(client, this.schema);
    } finally {
      client.release();
    }
  }

  async find(key: PersonKey): Promise<PersonRecord | null> {
    const { rows } = await this.pool.query<PersonRow>('SELECT * FROM people WHERE issuer = $1 AND subject = $2', [
      key.issuer,
      key.subject,
    ]);
    return rows[0] ? personFromRow(rows[0]) : null;
  }

  async claim(person: NewPerson): Promise<{ person: PersonRecord; created: boolean }> {
    const { rows } = await this.pool.query<PersonRow>(CLAIM, [
      person.issuer,
      person.subject,
      person.communicationUserId,
      person.displayName,
      person.email,
      person.now,
      sortNameOf(person.displayName),
      searchWords(person.displayName, person.email),
    ]);
    if (rows[0]) return { person: personFromRow(rows[0]), created: true };
    const winner = await this.find(person);
    if (!winner) throw new Error('the person mapping was deleted while this sign-in claimed it');
    return { person: winner, created: false };
  }

  async updateProfile(key: PersonKey, profile: { displayName: string; email: string | null; now: Date }) {
    await this.pool.query(UPDATE_PROFILE, [
      profile.displayName,
      profile.email,
      profile.now,
      key.issuer,
      key.subject,
      sortNameOf(profile.displayName),
      searchWords(profile.displayName, profile.email),
    ]);
  }

  async indexUnindexedPeople(): Promise<number> {
    const { rows } = await this.pool.query<PersonRow>('SELECT * FROM people WHERE sort_name IS NULL');
    return indexPeople(this, rows);
  }

  async hideFromDirectory(key: PersonKey, now: Date): Promise<void> {
    await this.pool.query('UPDATE people SET offboarded_at = $1 WHERE issuer = $2 AND subject = $3', [
      now,
      key.issuer,
      key.subject,
    ]);
  }

  async delete(key: PersonKey): Promise<PersonRecord | null> {
    const { rows } = await this.pool.query<PersonRow>(
      'DELETE FROM people WHERE issuer = $1 AND subject = $2 RETURNING *',
      [key.issuer, key.subject],
    );
    return rows[0] ? personFromRow(rows[0]) : null;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
