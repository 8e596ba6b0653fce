/**
 * One contract suite for every SessionStore: SQLite (a file in a temp dir) and PostgreSQL (the
 * server TEST_DATABASE_URL points at; `npm test` starts one). PostgreSQL is never skipped: without
 * TEST_DATABASE_URL its half of the suite fails and says how to run it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PostgresSessionStore } from '../../../backend/sessions/postgres-session-store';
import { hashRefreshToken, newRefreshToken } from '../../../backend/sessions/refresh-token';
import type { SessionStore } from '../../../backend/sessions/session-store';
import { SqliteSessionStore } from '../../../backend/sessions/sqlite-session-store';

interface StoreFactory {
  /** Opens a store on the same database each time (a second connection, or the same after a restart). */
  open(): SessionStore;
  cleanup(): Promise<void>;
  /** Raw bytes of everything the database holds, for the "hashes only" check (SQLite only). */
  rawBytes?(): Buffer;
}

const factories: Record<string, () => StoreFactory> = {
  sqlite: () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-store-'));
    const path = join(dir, 'sessions.sqlite');
    return {
      open: () => new SqliteSessionStore(path),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
      rawBytes: () =>
        Buffer.concat(
          ['', '-wal'].map((suffix) => {
            try {
              return readFileSync(path + suffix);
            } catch {
              return Buffer.alloc(0);
            }
          }),
        ),
    };
  },
  postgres: () => {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) {
      throw new Error(
        'TEST_DATABASE_URL is not set: run `npm test` or `bash scripts/with-test-postgres.sh npx vitest run test/integration/backend`.',
      );
    }
    const schema = `sb_store_${randomBytes(6).toString('hex')}`;
    return {
      open: () => new PostgresSessionStore({ connectionString: url, schema }),
      cleanup: async () => {
        const store = new PostgresSessionStore({ connectionString: url, schema });
        await store.dropSchema();
        await store.close();
      },
    };
  },
};

const DAY = 24 * 3600_000;

describe.each(Object.keys(factories))('SessionStore contract: %s', (kind) => {
  let factory: StoreFactory;
  let store: SessionStore;
  const opened: SessionStore[] = [];
  const open = async () => {
    const next = factory.open();
    await next.migrate();
    opened.push(next);
    return next;
  };

  beforeAll(async () => {
    factory = (factories[kind] as () => StoreFactory)();
    store = await open();
  });
  afterAll(async () => {
    for (const each of opened) await each.close();
    await factory?.cleanup();
  });

  async function newSession(now = new Date(), expiresAt = new Date(now.getTime() + 30 * DAY)) {
    const refreshToken = newRefreshToken();
    const id = randomUUID();
    await store.createSession({
      id,
      communicationUserId: `8:acs:test_${id}`,
      displayName: 'Grace',
      subject: null,
      now,
      expiresAt,
      refreshTokenHash: hashRefreshToken(refreshToken),
    });
    return { id, refreshToken, hash: hashRefreshToken(refreshToken) };
  }

  const rotate = (target: SessionStore, presentedHash: Buffer, now = new Date()) => {
    const next = newRefreshToken();
    return target
      .rotate({ presentedHash, newHash: hashRefreshToken(next), now, expiresAt: new Date(now.getTime() + 30 * DAY) })
      .then((outcome) => ({ outcome, next, nextHash: hashRefreshToken(next) }));
  };

  test('migrate is idempotent', async () => {
    await store.migrate();
    await (await open()).migrate();
  });

  test('a new session is found by its token hash, with its first token as generation 0', async () => {
    const created = await newSession();
    const found = await store.findByTokenHash(created.hash);
    expect(found?.session).toMatchObject({
      id: created.id,
      displayName: 'Grace',
      subject: null,
      revokedAt: null,
      anchorHash: null,
      generation: 0,
    });
    expect(found?.token).toMatchObject({ sessionId: created.id, parentHash: null, generation: 0 });
    expect(found?.token.hash.equals(created.hash)).toBe(true);
    expect(await store.findByTokenHash(hashRefreshToken(newRefreshToken()))).toBeNull();
  });

  test('rotation: child becomes anchor; the anchor may be presented again; older tokens are reuse and revoke', async () => {
    const created = await newSession();
    const first = await rotate(store, created.hash);
    expect(first.outcome).toMatchObject({ kind: 'rotated', session: { generation: 1 } });
    // The anchor again (lost answer): another child.
    const again = await rotate(store, created.hash);
    expect(again.outcome.kind).toBe('rotated');
    // Using that child moves the anchor; the sibling and the old anchor become reuse.
    expect((await rotate(store, again.nextHash)).outcome.kind).toBe('rotated');
    const reused = await rotate(store, first.nextHash);
    expect(reused.outcome.kind).toBe('reused');
    const after = await store.findByTokenHash(created.hash);
    expect(after?.session.revokeReason).toBe('reuse');
    expect((await rotate(store, again.nextHash)).outcome.kind).toBe('revoked');
  });

  test('the retried anchor gets a child of the anchor, with the generation after the newest', async () => {
    const created = await newSession();
    const first = await rotate(store, created.hash);
    expect(first.outcome).toMatchObject({ kind: 'rotated', session: { generation: 1 } });
    const retried = await rotate(store, created.hash);
    expect(retried.outcome).toMatchObject({ kind: 'rotated', session: { generation: 2 } });
    expect((await store.findByTokenHash(retried.nextHash))?.token.parentHash?.equals(created.hash)).toBe(true);
  });

  test('a revoked session rotates nothing: its token hands out no child', async () => {
    const created = await newSession();
    expect(await store.revoke(created.id, 'signed-out', new Date())).toBe(true);
    const { outcome, nextHash } = await rotate(store, created.hash);
    expect(outcome.kind).toBe('revoked');
    expect(await store.findByTokenHash(nextHash)).toBeNull();
  });

  test('the new expiry never passes the absolute end (createdAt + maxLifetimeMs)', async () => {
    const createdAt = new Date(Date.now() - 80 * DAY);
    const created = await newSession(createdAt, new Date(Date.now() + DAY));
    const now = new Date();
    const outcome = await store.rotate({
      presentedHash: created.hash,
      newHash: hashRefreshToken(newRefreshToken()),
      now,
      expiresAt: new Date(now.getTime() + 30 * DAY),
      maxLifetimeMs: 90 * DAY,
    });
    expect(outcome).toMatchObject({ kind: 'rotated' });
    expect(outcome.kind === 'rotated' && outcome.session.expiresAt.getTime()).toBe(createdAt.getTime() + 90 * DAY);
    expect((await store.findByTokenHash(created.hash))?.session.expiresAt.getTime()).toBe(
      createdAt.getTime() + 90 * DAY,
    );
  });

  test('rotation counts the client and the session first; a limit reached changes nothing', async () => {
    const created = await newSession();
    const ipKey = `ip test-${randomUUID()}`;
    const limits = { ipKey, perIp: 3, sessionKeyPrefix: 'rotate session:', perSession: 2, windowMs: 60_000 };
    const limited = (presentedHash: Buffer) => {
      const now = new Date();
      const next = hashRefreshToken(newRefreshToken());
      return store
        .rotate({ presentedHash, newHash: next, now, expiresAt: new Date(now.getTime() + DAY), limits })
        .then((outcome) => ({ outcome, next }));
    };
    const first = await limited(created.hash);
    expect(first.outcome.kind).toBe('rotated');
    expect((await limited(first.next)).outcome.kind).toBe('rotated');
    const third = await limited(created.hash);
    expect(third.outcome).toMatchObject({ kind: 'rate-limited', scope: 'session' });
    if (third.outcome.kind === 'rate-limited') {
      expect(third.outcome.retryAfterMs).toBeGreaterThan(50_000);
      expect(third.outcome.retryAfterMs).toBeLessThanOrEqual(60_000);
    }
    // Not judged: the (old) token did not revoke the session.
    expect((await store.findByTokenHash(created.hash))?.session.revokedAt).toBeNull();
    expect(await store.findByTokenHash(third.next)).toBeNull();
    const other = await newSession();
    expect((await limited(other.hash)).outcome).toMatchObject({ kind: 'rate-limited', scope: 'ip' });
    expect(await store.countRequest(ipKey, 60_000)).toMatchObject({ hits: 5 });
  });

  test('a request counter starts a new window once the last one ended', async () => {
    const key = `test ${randomUUID()}`;
    expect((await store.countRequest(key, 200)).hits).toBe(1);
    expect((await store.countRequest(key, 200)).hits).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await store.countRequest(key, 200)).hits).toBe(1);
  });

  test('an unknown hash rotates nothing', async () => {
    expect((await rotate(store, hashRefreshToken(newRefreshToken()))).outcome).toEqual({ kind: 'unknown' });
  });

  test('expired sessions do not rotate; rotation slides the expiry', async () => {
    const created = await newSession(new Date(Date.now() - 40 * DAY));
    expect((await rotate(store, created.hash)).outcome.kind).toBe('expired');
    const live = await newSession();
    const later = new Date(Date.now() + 20 * DAY);
    const rotated = await rotate(store, live.hash, later);
    expect(rotated.outcome.kind).toBe('rotated');
    const found = await store.findByTokenHash(rotated.nextHash);
    expect(found?.session.expiresAt.getTime()).toBe(later.getTime() + 30 * DAY);
  });

  test('revoke is once only and stops rotation', async () => {
    const created = await newSession();
    expect(await store.revoke(created.id, 'signed-out', new Date())).toBe(true);
    expect(await store.revoke(created.id, 'signed-out', new Date())).toBe(false);
    expect((await rotate(store, created.hash)).outcome.kind).toBe('revoked');
  });

  test('every earlier generation stays known for the whole session: the oldest one is reuse and revokes', async () => {
    const created = await newSession();
    let presented = created.hash;
    for (let i = 0; i < 40; i++) {
      const { outcome, nextHash } = await rotate(store, presented);
      expect(outcome.kind).toBe('rotated');
      presented = nextHash;
    }
    expect((await store.findByTokenHash(created.hash))?.token.generation).toBe(0);
    expect((await rotate(store, created.hash)).outcome.kind).toBe('reused');
    expect((await rotate(store, presented)).outcome.kind).toBe('revoked');
  });

  test('two connections rotating the same token at once both succeed, and the session survives', async () => {
    const created = await newSession();
    const other = await open();
    const results = await Promise.all([rotate(store, created.hash), rotate(other, created.hash)]);
    expect(results.map((r) => r.outcome.kind)).toEqual(['rotated', 'rotated']);
    const [a, b] = results as [(typeof results)[0], (typeof results)[0]];
    expect(a.outcome.kind === 'rotated' && b.outcome.kind === 'rotated').toBe(true);
    // Whichever answer the client kept works; using it retires the other.
    expect((await rotate(other, b.nextHash)).outcome.kind).toBe('rotated');
    expect((await rotate(store, a.nextHash)).outcome.kind).toBe('reused');
  });

  test('ended sessions are deleted after the grace period, with their tokens', async () => {
    const created = await newSession(new Date(Date.now() - 100 * DAY));
    const live = await newSession();
    const deleted = await store.deleteEndedBefore(new Date(Date.now() - 7 * DAY));
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await store.findByTokenHash(created.hash)).toBeNull();
    expect(await store.findByTokenHash(live.hash)).not.toBeNull();
  });

  test('sessions survive closing and reopening the database', async () => {
    const created = await newSession();
    const reopened = await open();
    expect((await reopened.findByTokenHash(created.hash))?.session.id).toBe(created.id);
  });

  // The file check needs raw bytes, which only SQLite offers; the PostgreSQL store receives the
  // same hashes through the same interface and never sees a token.
  if (kind === 'sqlite')
    test('only hashes reach the database file, never a refresh token', async () => {
      const created = await newSession();
      const { next } = await rotate(store, created.hash);
      const bytes = (factory.rawBytes as () => Buffer)();
      expect(bytes.includes(created.hash)).toBe(true);
      expect(bytes.includes(Buffer.from(created.refreshToken))).toBe(false);
      expect(bytes.includes(Buffer.from(next))).toBe(false);
    });
});
