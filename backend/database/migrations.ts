/**
 * Numbered schema migrations, shared by both stores (docs/backend.md, "Schema migrations").
 * Each store keeps its own ordered list (`sqlite-migrations.ts`, `postgres-migrations.ts`) and a
 * `schema_migrations` table with one row per migration applied. Start-up applies the missing
 * ones in order, each exactly once, under a lock every instance takes (an advisory lock on
 * PostgreSQL, an IMMEDIATE transaction on SQLite), so instances starting together do not race.
 * A database newer than the code refuses to start: old code would misread a newer schema.
 *
 * Adding a table later: append `{ version: <next number>, name: '…', sql: '…' }` to the store's
 * list. Never edit or renumber a migration that has shipped.
 */

export interface Migration {
  /** 1, 2, 3…: the position in the list, so that the order is the version order. */
  readonly version: number;
  /** What it does, in a few words; stored with the version for whoever reads the table. */
  readonly name: string;
  /** The DDL. Runs in one transaction with the version row that records it. */
  readonly sql: string;
}

export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
  constructor(databaseVersion: number, codeVersion: number) {
    super(
      `The database schema is at version ${databaseVersion}, newer than this backend knows (${codeVersion}): run the newer backend, or point the backend at its own database.`,
    );
  }
}

/** The migrations a database at `applied` still needs, in order; throws if it is newer than `migrations`. */
export function pendingMigrations(migrations: readonly Migration[], applied: number): readonly Migration[] {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration "${migration.name}" is numbered ${migration.version}, expected ${index + 1}`);
    }
  });
  if (applied > migrations.length) throw new SchemaTooNewError(applied, migrations.length);
  return migrations.slice(applied);
}

/** The version table, the same in both stores (types that both SQLite and PostgreSQL accept). */
export const VERSION_TABLE = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

export const SELECT_VERSION = 'SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations';
