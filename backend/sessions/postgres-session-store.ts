/**
 * The scale-out session store: PostgreSQL through `pg`. Several backend instances can share it:
 * `rotate` is one call of a stored function that locks the session row (SELECT … FOR UPDATE), so
 * concurrent rotations of one session serialise across instances, and the rate-limit counters
 * live in the database too. `schema` isolates test runs; production uses the default.
 */
import type pg from 'pg';
import { applyPostgresMigrations } from '../database/postgres-migrations';
import { openPostgresPool } from '../database/postgres-pool';
import type {
  NewSession,
  RateLimitCount,
  RefreshTokenRecord,
  RevokeReason,
  RotateOutcome,
  RotateRequest,
  SessionRecord,
  SessionStore,
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

const JOINED_SELECT = `
SELECT t.hash, t.session_id, t.parent_hash, t.generation AS token_generation, t.issued_at,
       s.communication_user_id, s.display_name, s.subject, s.created_at, s.expires_at,
       s.revoked_at, s.revoke_reason, s.anchor_hash, s.generation
  FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
 WHERE t.hash = $1`;

type SessionColumns = Omit<JoinedRow, 'hash' | 'parent_hash' | 'token_generation' | 'issued_at'>;

interface RotatedRow extends SessionColumns {
  outcome: 'rotated' | 'unknown' | 'revoked' | 'expired' | 'reused' | 'rate-limited-ip' | 'rate-limited-session';
  retry_after_ms: number | null;
}

/*
 * The statements of every request run as named (prepared) statements: each pooled connection
 * parses and plans them once instead of on every request. Names are per connection; the texts
 * never change.
 */
// The rotation's answer needs the session only: the token's columns are not fetched (each
// column costs a type parser per call and a value to parse per row).
const ROTATE = `SELECT outcome, retry_after_ms, session_id, communication_user_id, display_name, subject, created_at,
       expires_at, revoked_at, revoke_reason, anchor_hash, generation
  FROM rotate_session($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`;
const COUNT_REQUEST = 'SELECT hits, ttl_ms FROM count_request($1, $2)';

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
    this.schema = options.schema;
    this.pool = openPostgresPool({ ...options, maxConnections: options.maxConnections ?? 10 });
  }

  async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await applyPostgresMigrations(client, this.schema);
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

  /** One round trip: rotate_session() (postgres-migrations.ts) counts, judges and rotates under a row lock. */
  async rotate(request: RotateRequest): Promise<RotateOutcome> {
    const { limits } = request;
    const { rows } = await this.pool.query<RotatedRow>({
      name: 'rotate-session',
      text: ROTATE,
      values: [
        request.presentedHash,
        request.newHash,
        request.now,
        request.expiresAt,
        request.maxLifetimeMs ?? null,
        limits?.ipKey ?? null,
        limits?.perIp ?? null,
        limits?.sessionKeyPrefix ?? null,
        limits?.perSession ?? null,
        limits?.windowMs ?? null,
      ],
    });
    const row = rows[0];
    if (!row) throw new Error('rotate_session() answered no row');
    switch (row.outcome) {
      case 'unknown':
        return { kind: 'unknown' };
      case 'rate-limited-ip':
      case 'rate-limited-session':
        return {
          kind: 'rate-limited',
          scope: row.outcome === 'rate-limited-ip' ? 'ip' : 'session',
          retryAfterMs: row.retry_after_ms ?? 0,
        };
      default:
        return { kind: row.outcome, session: sessionFromRow(row) };
    }
  }

  async countRequest(key: string, windowMs: number): Promise<RateLimitCount> {
    const { rows } = await this.pool.query<{ hits: number; ttl_ms: number }>({
      name: 'count-request',
      text: COUNT_REQUEST,
      values: [key, windowMs],
    });
    const row = rows[0] as { hits: number; ttl_ms: number };
    return { hits: row.hits, ttlMs: row.ttl_ms };
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
    await this.pool.query('DELETE FROM rate_limits WHERE window_ends_at < now()');
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

function sessionFromRow(row: SessionColumns): SessionRecord {
  return {
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
  };
}

function fromRow(row: JoinedRow): { session: SessionRecord; token: RefreshTokenRecord } {
  return {
    session: sessionFromRow(row),
    token: {
      hash: row.hash,
      sessionId: row.session_id,
      parentHash: row.parent_hash,
      generation: row.token_generation,
      issuedAt: row.issued_at,
    },
  };
}
