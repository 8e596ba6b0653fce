/**
 * The SQLite store's schema, as numbered migrations (rules in migrations.ts). Version 1 is the
 * schema every release before versioning created with `CREATE … IF NOT EXISTS`, so a database
 * left by one of them takes version 1 as a no-op and keeps its sessions.
 */
import type Database from 'better-sqlite3';
import { type Migration, pendingMigrations, SELECT_VERSION, VERSION_TABLE } from './migrations';

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'sessions and refresh tokens',
    sql: `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  communication_user_id TEXT NOT NULL,
  display_name TEXT NOT NULL,
  subject TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER,
  revoke_reason TEXT,
  anchor_hash BLOB,
  generation INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS refresh_tokens (
  hash BLOB PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  parent_hash BLOB,
  generation INTEGER NOT NULL,
  issued_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS refresh_tokens_by_session ON refresh_tokens(session_id, generation);
-- Every refresh moves expires_at, so an index on it cost an index write per refresh, while the
-- hourly sweep (expires_at < $1 OR revoked_at < $1) scans the table anyway: the planner cannot
-- use it for that OR. Dropped where an older version created it.
DROP INDEX IF EXISTS sessions_by_end;
`,
  },
  {
    version: 2,
    name: 'people: one ACS identity per person (company sign-in)',
    sql: `
-- (issuer, subject) from the identity provider's token -> the person's one ACS identity, with the
-- verified name and email. The key makes a first sign-in race-safe across instances: every
-- racer's INSERT ... ON CONFLICT DO NOTHING lands on the one row that won.
CREATE TABLE people (
  issuer TEXT NOT NULL,
  subject TEXT NOT NULL,
  communication_user_id TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  email TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (issuer, subject)
);
-- Offboarding revokes every session of one person (sessions.subject, there since release 0.1).
CREATE INDEX sessions_by_subject ON sessions (subject) WHERE subject IS NOT NULL;
`,
  },
  {
    version: 3,
    name: 'rate-limit counters',
    sql: `
-- Fixed-window request counters (per client address, per session), kept with the sessions so
-- that every process using this database shares them. window_ends_at is in milliseconds.
CREATE TABLE rate_limits (
  key TEXT PRIMARY KEY,
  hits INTEGER NOT NULL,
  window_ends_at INTEGER NOT NULL
) WITHOUT ROWID;
`,
  },
  {
    version: 4,
    name: 'company directory: search words, directory order, offboarding, signing key',
    sql: `
-- The directory (backend/directory/): see postgres-migrations.ts, version 4. SQLite compares text
-- byte-wise (BINARY) already, as PostgreSQL's "C" collation does.
ALTER TABLE people ADD COLUMN sort_name TEXT;
ALTER TABLE people ADD COLUMN offboarded_at INTEGER;
CREATE INDEX people_in_directory_order ON people (issuer, sort_name, communication_user_id);
CREATE TABLE people_words (
  issuer TEXT NOT NULL,
  word TEXT NOT NULL,
  subject TEXT NOT NULL,
  PRIMARY KEY (issuer, word, subject),
  FOREIGN KEY (issuer, subject) REFERENCES people (issuer, subject) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX people_words_by_person ON people_words (issuer, subject);
CREATE TABLE directory_signing_key (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  secret BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
`,
  },
];

/**
 * Applies what is missing in one IMMEDIATE transaction: it takes the write lock before reading
 * the version, so a second process opening the same file waits (busy_timeout) and then finds
 * nothing left to do. SQLite's DDL is transactional: a failing migration leaves no trace.
 */
export function applySqliteMigrations(db: Database.Database, migrations = SQLITE_MIGRATIONS): void {
  db.transaction(() => {
    db.exec(VERSION_TABLE);
    const { version } = db.prepare<[], { version: number }>(SELECT_VERSION).get() ?? { version: 0 };
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of pendingMigrations(migrations, version)) {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
  }).immediate();
}
