/**
 * A PostgreSQL database of its own for one test file, on the server TEST_DATABASE_URL points at
 * (`npm test` and scripts/with-test-postgres.sh start one): for tests where several backend
 * processes share a database through DATABASE_URL, as deployed, so a schema per test will not do.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface ScratchDatabase {
  /** postgres://… of the new database. */
  readonly url: string;
  /** Drops it, closing whatever connections are left. */
  drop(): Promise<void>;
}

export async function createScratchDatabase(prefix = 'sb_scratch'): Promise<ScratchDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    throw new Error(
      'TEST_DATABASE_URL is not set: run `npm test` or `bash scripts/with-test-postgres.sh npx vitest run …` (PostgreSQL tests never skip silently).',
    );
  }
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
