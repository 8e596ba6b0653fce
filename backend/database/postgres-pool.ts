/**
 * A connection pool on the session database, for the stores that share it (sessions, people).
 * `schema` (tests) is checked, then set in each connection's startup packet: no extra statement
 * races the first query on a connection.
 */
import pg from 'pg';

export interface PostgresPoolOptions {
  readonly connectionString: string;
  /** A schema to use instead of `public` (tests). */
  readonly schema?: string | undefined;
  readonly maxConnections: number;
}

export function openPostgresPool(options: PostgresPoolOptions): pg.Pool {
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
    throw new Error(`invalid PostgreSQL schema name "${options.schema}"`);
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections,
    ...(options.schema !== undefined ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  return pool;
}
