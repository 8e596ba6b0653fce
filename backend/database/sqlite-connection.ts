/**
 * Another connection on the session database's SQLite file, for the stores that share it
 * (people, directory): WAL (readers never wait for the writer), a busy timeout for the writer's
 * lock, and the migrations applied, since better-sqlite3 needs the tables before it prepares
 * statements. The session store opens its own with more pragmas (sqlite-session-store.ts).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { applySqliteMigrations } from './sqlite-migrations';

/** `path` is a file (created with its folder) or `:memory:`. */
export function openSqliteConnection(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  applySqliteMigrations(db);
  return db;
}
