/**
 * Versioned schema migrations on both stores: a database left by release 0.1 (built from that
 * release's DDL, kept in test/fixtures/backend/) upgrades with its sessions intact; instances
 * starting together on an empty or an old database apply each migration once; a database newer
 * than the code refuses to start with one line.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { SchemaTooNewError } from '../../../backend/database/migrations';
import { POSTGRES_MIGRATIONS } from '../../../backend/database/postgres-migrations';
import { SQLITE_MIGRATIONS } from '../../../backend/database/sqlite-migrations';
import { PostgresSessionStore } from '../../../backend/sessions/postgres-session-store';
import { hashRefreshToken, newRefreshToken } from '../../../backend/sessions/refresh-token';
import { SqliteSessionStore } from '../../../backend/sessions/sqlite-session-store';
import { runBackend } from '../../support/backend-process';

const repoRoot = join(import.meta.dirname, '../../..');
const fixture = (name: string) => readFileSync(join(repoRoot, 'test/fixtures/backend', name), 'utf8');
const DAY = 24 * 3600_000;

/** A session as release 0.1 wrote it: one session row and its first token. */
function oldSession() {
  const refreshToken = newRefreshToken();
  return { id: randomUUID(), refreshToken, hash: hashRefreshToken(refreshToken) };
}

describe('SQLite migrations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-migrate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function releaseDatabase(path: string) {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.exec(fixture('release-0.1-sqlite-schema.sql'));
    const session = oldSession();
    const now = Date.now();
    db.prepare(
      `INSERT INTO sessions (id, communication_user_id, display_name, subject, created_at, expires_at, generation)
       VALUES (?, '8:acs:old', 'Old', NULL, ?, ?, 0)`,
    ).run(session.id, now, now + 30 * DAY);
    db.prepare(
      'INSERT INTO refresh_tokens (hash, session_id, parent_hash, generation, issued_at) VALUES (?, ?, NULL, 0, ?)',
    ).run(session.hash, session.id, now);
    db.close();
    return session;
  }

  const versions = (path: string) => {
    const db = new Database(path, { readonly: true });
    try {
      return db.prepare<[], { version: number }>('SELECT version FROM schema_migrations ORDER BY version').all();
    } finally {
      db.close();
    }
  };

  test('a database left by release 0.1 upgrades with its sessions intact', async () => {
    const path = join(dir, 'old.sqlite');
    const session = releaseDatabase(path);
    const store = new SqliteSessionStore(path);
    try {
      const found = await store.findByTokenHash(session.hash);
      expect(found?.session).toMatchObject({ id: session.id, displayName: 'Old', generation: 0 });
      const now = new Date();
      const next = hashRefreshToken(newRefreshToken());
      const outcome = await store.rotate({
        presentedHash: session.hash,
        newHash: next,
        now,
        expiresAt: new Date(now.getTime() + DAY),
      });
      expect(outcome.kind).toBe('rotated');
    } finally {
      await store.close();
    }
    expect(versions(path).map((row) => row.version)).toEqual(SQLITE_MIGRATIONS.map((m) => m.version));
    // Opening again applies nothing twice (a duplicate version row would fail its primary key).
    await new SqliteSessionStore(path).close();
    expect(versions(path)).toHaveLength(SQLITE_MIGRATIONS.length);
  });

  /** Two real processes open the same file at once, as two backends on one volume would. */
  async function openTogether(path: string): Promise<number[]> {
    const script = `import { SqliteSessionStore } from './backend/sessions/sqlite-session-store.ts';
      const store = new SqliteSessionStore(${JSON.stringify(path)}); await store.close();`;
    const run = () =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
          cwd: repoRoot,
          stdio: 'ignore',
        });
        child.once('exit', (code) => resolve(code ?? -1));
      });
    return Promise.all([run(), run(), run()]);
  }

  test('instances starting together on an empty database and on an old one do not race', async () => {
    const empty = join(dir, 'empty.sqlite');
    expect(await openTogether(empty)).toEqual([0, 0, 0]);
    expect(versions(empty)).toHaveLength(SQLITE_MIGRATIONS.length);

    const old = join(dir, 'old-together.sqlite');
    const session = releaseDatabase(old);
    expect(await openTogether(old)).toEqual([0, 0, 0]);
    expect(versions(old)).toHaveLength(SQLITE_MIGRATIONS.length);
    const store = new SqliteSessionStore(old);
    expect((await store.findByTokenHash(session.hash))?.session.id).toBe(session.id);
    await store.close();
  });

  test('a database newer than the code refuses to open, and `npm run backend` says so in one line', async () => {
    const path = join(dir, 'newer.sqlite');
    await new SqliteSessionStore(path).close();
    const db = new Database(path);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', '')").run();
    db.close();
    expect(() => new SqliteSessionStore(path)).toThrow(SchemaTooNewError);

    const { exited, output } = runBackend({
      ACS_CONNECTION_STRING: `endpoint=https://example.communication.azure.com/;accesskey=${randomBytes(32).toString('base64')}`,
      SQLITE_PATH: path,
      PORT: '0',
    });
    const code = await exited;
    const stderr = output().stderr;
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([
      `switchboard backend: The database schema is at version 99, newer than this backend knows (${SQLITE_MIGRATIONS.length}): run the newer backend, or point the backend at its own database.`,
    ]);
  });
});

describe('PostgreSQL migrations', () => {
  const url = process.env.TEST_DATABASE_URL;
  const schemas: string[] = [];
  const newSchema = () => {
    const schema = `sb_migrate_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    return schema;
  };
  const requireUrl = (): string => {
    if (!url) {
      throw new Error(
        'TEST_DATABASE_URL is not set: run `npm test` or `bash scripts/with-test-postgres.sh npx vitest run --project integration test/integration/backend/migrations.test.ts`.',
      );
    }
    return url;
  };
  afterAll(async () => {
    if (!url) return;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  async function withClient<T>(schema: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: requireUrl(), options: `-c search_path=${schema}` });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  async function releaseDatabase(schema: string) {
    const session = oldSession();
    await withClient(schema, async (client) => {
      await client.query(`CREATE SCHEMA ${schema}`);
      await client.query(fixture('release-0.1-postgres-schema.sql'));
      await client.query(
        `INSERT INTO sessions (id, communication_user_id, display_name, subject, created_at, expires_at, generation)
         VALUES ($1, '8:acs:old', 'Old', NULL, now(), now() + interval '30 days', 0)`,
        [session.id],
      );
      await client.query(
        'INSERT INTO refresh_tokens (hash, session_id, parent_hash, generation, issued_at) VALUES ($1, $2, NULL, 0, now())',
        [session.hash, session.id],
      );
    });
    return session;
  }

  const versions = (schema: string) =>
    withClient(schema, async (client) =>
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map(
        (row) => row.version,
      ),
    );

  /** Several instances (each its own pool) start on one database at the same moment. */
  async function startTogether(schema: string, count = 3): Promise<void> {
    const stores = Array.from(
      { length: count },
      () => new PostgresSessionStore({ connectionString: requireUrl(), schema }),
    );
    try {
      await Promise.all(stores.map((store) => store.migrate()));
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  }

  test('a database left by release 0.1 upgrades with its sessions intact', async () => {
    const schema = newSchema();
    const session = await releaseDatabase(schema);
    const store = new PostgresSessionStore({ connectionString: requireUrl(), schema });
    try {
      await store.migrate();
      expect((await store.findByTokenHash(session.hash))?.session).toMatchObject({ id: session.id, generation: 0 });
      const now = new Date();
      const outcome = await store.rotate({
        presentedHash: session.hash,
        newHash: hashRefreshToken(newRefreshToken()),
        now,
        expiresAt: new Date(now.getTime() + DAY),
      });
      expect(outcome.kind).toBe('rotated');
      await store.migrate();
    } finally {
      await store.close();
    }
    expect(await versions(schema)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
  });

  test('instances starting together on an empty database and on an old one do not race', async () => {
    const empty = newSchema();
    await startTogether(empty);
    expect(await versions(empty)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));

    const old = newSchema();
    const session = await releaseDatabase(old);
    await startTogether(old);
    expect(await versions(old)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
    const store = new PostgresSessionStore({ connectionString: requireUrl(), schema: old });
    expect((await store.findByTokenHash(session.hash))?.session.id).toBe(session.id);
    await store.close();
  });

  test('a database newer than the code refuses to start', async () => {
    const schema = newSchema();
    await startTogether(schema, 1);
    await withClient(schema, (client) =>
      client.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', '')"),
    );
    const store = new PostgresSessionStore({ connectionString: requireUrl(), schema });
    await expect(store.migrate()).rejects.toThrow(SchemaTooNewError);
    await store.close();
  });
});
