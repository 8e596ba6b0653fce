/**
 * The scale-out session store: PostgreSQL through `pg`. Several backend instances can share it;
 * `rotate` locks the session row (SELECT … FOR UPDATE) so concurrent rotations of one session
 * serialise across instances. `schema` isolates test runs; production uses the default.
 */
import pg from 'pg';
import {
  judgePresentedToken,
  type NewSession,
  REUSE_DETECTION_GENERATIONS,
  type RefreshTokenRecord,
  type RevokeReason,
  type RotateOutcome,
  type RotateRequest,
  type SessionRecord,
  type SessionStore,
} from './session-store';

interface JoinedRow {
  hash: Buffer;
  session_id: string;
  parent_hash: Buffer | null;
  token_generation: number;
  issued_at: Date;
  communication_user_id: string;
  display_name: string;
  subject: string | null;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  revoke_reason: string | null;
  anchor_hash: Buffer | null;
  generation: number;
}

const SCHEMA = `
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
-- Every refresh moves expires_at, so an index on it cost an index write per refresh (and, in
-- PostgreSQL, ruled out HOT updates), while the hourly sweep (expires_at < $1 OR revoked_at < $1)
-- scans the table anyway: neither planner can use it for that OR. Dropped where an older
-- version created it.
DROP INDEX IF EXISTS sessions_by_end;
`;

const JOINED_SELECT = `
SELECT t.hash, t.session_id, t.parent_hash, t.generation AS token_generation, t.issued_at,
       s.communication_user_id, s.display_name, s.subject, s.created_at, s.expires_at,
       s.revoked_at, s.revoke_reason, s.anchor_hash, s.generation
  FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
 WHERE t.hash = $1`;

/**
 * Advances the session only if its generation is still $2 and it is not revoked; stores the new
 * token as a child of the presented one ($3) and forgets generations older than $7. Data-modifying
 * CTEs run as one statement: one round trip, atomic.
 */
const ROTATE_IF_UNCHANGED = `
WITH advanced AS (
  UPDATE sessions SET anchor_hash = $3, generation = generation + 1, expires_at = $4
   WHERE id = $1 AND generation = $2 AND revoked_at IS NULL
  RETURNING id, generation
), inserted AS (
  INSERT INTO refresh_tokens (hash, session_id, parent_hash, generation, issued_at)
  SELECT $5, id, $3, generation, $6 FROM advanced
), forgotten AS (
  DELETE FROM refresh_tokens
   WHERE session_id = $1 AND generation < $7 AND hash <> $3 AND EXISTS (SELECT 1 FROM advanced)
)
SELECT generation FROM advanced`;

/*
 * The two statements of every refresh run as named (prepared) statements: each pooled connection
 * parses and plans them once instead of on every request, which is PostgreSQL CPU the refresh
 * path no longer spends. Names are per connection; the texts never change.
 */

/** Concurrent rotations of one session are rare (a race or a retry); this bounds a pathological storm. */
const MAX_ROTATION_ATTEMPTS = 16;

/** Any number works as long as every instance uses the same one: it serialises migrations. */
const MIGRATION_LOCK_KEY = 0x5b5e5510;

export interface PostgresSessionStoreOptions {
  readonly connectionString: string;
  /** A schema to create and use instead of `public` (tests). */
  readonly schema?: string;
  readonly maxConnections?: number;
}

export class PostgresSessionStore implements SessionStore {
  private readonly pool: pg.Pool;
  private readonly schema: string | undefined;

  constructor(options: PostgresSessionStoreOptions) {
    if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
      throw new Error(`invalid PostgreSQL schema name "${options.schema}"`);
    }
    this.schema = options.schema;
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      // Set in the startup packet: no extra statement racing the first query on each connection.
      ...(this.schema !== undefined ? { options: `-c search_path=${this.schema}` } : {}),
    });
    // An idle client that loses its server must not crash the process; the next query reports it.
    this.pool.on('error', () => {});
  }

  async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      try {
        if (this.schema !== undefined) {
          await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
          await client.query(`SET search_path TO ${this.schema}`);
        }
        await client.query(SCHEMA);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      }
    } finally {
      client.release();
    }
  }

  async createSession(session: NewSession): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(
        `INSERT INTO sessions (id, communication_user_id, display_name, subject, created_at, expires_at, generation)
         VALUES ($1, $2, $3, $4, $5, $6, 0)`,
        [session.id, session.communicationUserId, session.displayName, session.subject, session.now, session.expiresAt],
      );
      await client.query(
        'INSERT INTO refresh_tokens (hash, session_id, parent_hash, generation, issued_at) VALUES ($1, $2, NULL, 0, $3)',
        [session.refreshTokenHash, session.id, session.now],
      );
    });
  }

  async findByTokenHash(hash: Buffer): Promise<{ session: SessionRecord; token: RefreshTokenRecord } | null> {
    const { rows } = await this.pool.query<JoinedRow>({
      name: 'find-by-token-hash',
      text: JOINED_SELECT,
      values: [hash],
    });
    return rows[0] ? fromRow(rows[0]) : null;
  }

  /**
   * Optimistic rotation: judge a snapshot, then write only if the session's generation is still
   * the one judged (compare-and-swap in one statement). Losing the race to a concurrent rotation
   * re-reads and judges again, so the outcome is the one a lock would have produced.
   */
  async rotate(request: RotateRequest): Promise<RotateOutcome> {
    let found = request.observed ?? (await this.findByTokenHash(request.presentedHash));
    for (let attempt = 0; attempt < MAX_ROTATION_ATTEMPTS; attempt++) {
      if (!found) return { kind: 'unknown' };
      const { session, token } = found;
      const verdict = judgePresentedToken(session, token, request.now);
      if (verdict === 'reused') {
        await this.revoke(session.id, 'reuse', request.now);
        return { kind: 'reused', session: { ...session, revokedAt: request.now, revokeReason: 'reuse' } };
      }
      if (verdict !== 'valid') return { kind: verdict, session };
      const { rows } = await this.pool.query<{ generation: number }>({
        name: 'rotate-if-unchanged',
        text: ROTATE_IF_UNCHANGED,
        values: [
          session.id,
          session.generation,
          token.hash,
          request.expiresAt,
          request.newHash,
          request.now,
          session.generation + 1 - REUSE_DETECTION_GENERATIONS,
        ],
      });
      const generation = rows[0]?.generation;
      if (generation !== undefined) {
        return {
          kind: 'rotated',
          session: { ...session, anchorHash: token.hash, generation, expiresAt: request.expiresAt },
        };
      }
      found = await this.findByTokenHash(request.presentedHash);
    }
    throw new Error(`refresh-token rotation conflicted ${MAX_ROTATION_ATTEMPTS} times in a row`);
  }

  async revoke(sessionId: string, reason: RevokeReason, now: Date): Promise<boolean> {
    const result = await this.pool.query(
      'UPDATE sessions SET revoked_at = $1, revoke_reason = $2 WHERE id = $3 AND revoked_at IS NULL',
      [now, reason, sessionId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async revokeBySubject(subject: string, reason: RevokeReason, now: Date): Promise<number> {
    const result = await this.pool.query(
      'UPDATE sessions SET revoked_at = $1, revoke_reason = $2 WHERE subject = $3 AND revoked_at IS NULL',
      [now, reason, subject],
    );
    return result.rowCount ?? 0;
  }

  async deleteEndedBefore(before: Date): Promise<number> {
    const result = await this.pool.query('DELETE FROM sessions WHERE expires_at < $1 OR revoked_at < $1', [before]);
    return result.rowCount ?? 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** Drops the test schema (tests only). */
  async dropSchema(): Promise<void> {
    if (this.schema !== undefined) await this.pool.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
}

function fromRow(row: JoinedRow): { session: SessionRecord; token: RefreshTokenRecord } {
  return {
    session: {
      id: row.session_id,
      communicationUserId: row.communication_user_id,
      displayName: row.display_name,
      subject: row.subject,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
      revokeReason: row.revoke_reason as RevokeReason | null,
      anchorHash: row.anchor_hash,
      generation: row.generation,
    },
    token: {
      hash: row.hash,
      sessionId: row.session_id,
      parentHash: row.parent_hash,
      generation: row.token_generation,
      issuedAt: row.issued_at,
    },
  };
}
