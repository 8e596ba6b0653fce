/**
 * The PostgreSQL store's schema, as numbered migrations (rules in migrations.ts). Version 1 is
 * the schema every release before versioning created with `CREATE … IF NOT EXISTS`, so a
 * database left by one of them takes version 1 as a no-op and keeps its sessions.
 */
import type pg from 'pg';
import { type Migration, pendingMigrations, SELECT_VERSION, VERSION_TABLE } from './migrations';

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'sessions and refresh tokens',
    sql: `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  communication_user_id TEXT NOT NULL,
  display_name TEXT NOT NULL,
  subject TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  revoked_at TIMESTAMPTZ,
  revoke_reason TEXT,
  anchor_hash BYTEA,
  generation INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS refresh_tokens (
  hash BYTEA PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  parent_hash BYTEA,
  generation INTEGER NOT NULL,
  issued_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS refresh_tokens_by_session ON refresh_tokens(session_id, generation);
-- Every refresh moves expires_at, so an index on it cost an index write per refresh and ruled out
-- HOT updates, while the hourly sweep (expires_at < $1 OR revoked_at < $1) scans the table
-- anyway: the planner cannot use it for that OR. Dropped where an older version created it.
DROP INDEX IF EXISTS sessions_by_end;
`,
  },
];

/** Any number works as long as every instance uses the same one: it serialises migrations. */
const MIGRATION_LOCK_KEY = 0x5b5e5510;

/**
 * Applies what is missing, each migration in its own transaction with its version row, while
 * holding a session-level advisory lock: instances starting together queue on the lock, and
 * each one after the first reads the new version and finds nothing left to do. `schema` (tests)
 * is created first and put on the connection's search path.
 */
export async function applyPostgresMigrations(
  client: pg.ClientBase,
  schema: string | undefined,
  migrations = POSTGRES_MIGRATIONS,
): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    if (schema !== undefined) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(`SET search_path TO ${schema}`);
    }
    await client.query(VERSION_TABLE);
    const { rows } = await client.query<{ version: number }>(SELECT_VERSION);
    for (const migration of pendingMigrations(migrations, Number(rows[0]?.version ?? 0))) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  }
}
