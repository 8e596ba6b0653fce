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
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (issuer, subject)
);
-- Offboarding revokes every session of one person (sessions.subject, there since release 0.1).
CREATE INDEX sessions_by_subject ON sessions (subject) WHERE subject IS NOT NULL;
`,
  },
  {
    version: 3,
    name: 'rate-limit counters and one-round-trip rotation',
    sql: `
-- Fixed-window request counters (per client address, per session), shared by every instance.
-- The database's clock decides the windows, so instances with skewed clocks agree.
CREATE TABLE rate_limits (
  key TEXT PRIMARY KEY,
  hits INTEGER NOT NULL,
  window_ends_at TIMESTAMPTZ NOT NULL
);

CREATE FUNCTION count_request(p_key TEXT, p_window_ms INTEGER, OUT hits INTEGER, OUT ttl_ms INTEGER)
LANGUAGE sql AS $$
  INSERT INTO rate_limits AS r (key, hits, window_ends_at)
  VALUES (p_key, 1, clock_timestamp() + p_window_ms * interval '1 millisecond')
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN r.window_ends_at <= clock_timestamp() THEN 1 ELSE r.hits + 1 END,
    window_ends_at = CASE WHEN r.window_ends_at <= clock_timestamp() THEN excluded.window_ends_at
                          ELSE r.window_ends_at END
  RETURNING r.hits, GREATEST(0, CEIL(EXTRACT(EPOCH FROM r.window_ends_at - clock_timestamp()) * 1000))::INTEGER
$$;

-- A refresh's whole database work in one call (one round trip; session-store.ts, rotate()):
-- count the request, find and lock the presented token's session, judge the token, then rotate
-- or, on reuse, revoke. The row lock serialises refreshes of one session across instances, and
-- the judge below is judgePresentedToken (session-store.ts) in SQL: keep the two in step.
-- The client's counter is read first without a lock and incremented last: many clients behind
-- one NAT share it, and an upsert first would hold its row lock for the whole call, queueing all
-- of their refreshes behind each other. Racing refreshes may pass the limit by a few requests.
CREATE FUNCTION rotate_session(
  p_presented BYTEA, p_new BYTEA, p_now TIMESTAMPTZ, p_expires_at TIMESTAMPTZ, p_max_lifetime_ms BIGINT,
  p_ip_key TEXT, p_per_ip INTEGER, p_session_key_prefix TEXT, p_per_session INTEGER, p_window_ms INTEGER
) RETURNS TABLE (
  outcome TEXT, retry_after_ms INTEGER, parent_hash BYTEA, token_generation INTEGER, issued_at TIMESTAMPTZ,
  session_id TEXT, communication_user_id TEXT, display_name TEXT, subject TEXT, created_at TIMESTAMPTZ,
  expires_at TIMESTAMPTZ, revoked_at TIMESTAMPTZ, revoke_reason TEXT, anchor_hash BYTEA, generation INTEGER
) LANGUAGE plpgsql AS $$
DECLARE
  t refresh_tokens%ROWTYPE;
  s sessions%ROWTYPE;
  c RECORD;
  is_valid BOOLEAN;
BEGIN
  IF p_ip_key IS NOT NULL THEN
    SELECT r.hits, r.window_ends_at INTO c FROM rate_limits r WHERE r.key = p_ip_key;
    IF FOUND AND c.window_ends_at > clock_timestamp() AND c.hits >= p_per_ip THEN
      SELECT * INTO c FROM count_request(p_ip_key, p_window_ms);
      outcome := 'rate-limited-ip';
      retry_after_ms := c.ttl_ms;
      RETURN NEXT;
      RETURN;
    END IF;
  END IF;
  SELECT * INTO t FROM refresh_tokens WHERE hash = p_presented;
  IF FOUND THEN
    SELECT * INTO s FROM sessions WHERE id = t.session_id FOR UPDATE;
  END IF;
  IF t.hash IS NULL OR s.id IS NULL THEN
    outcome := 'unknown';
  ELSIF p_session_key_prefix IS NOT NULL
    AND (SELECT q.hits > p_per_session FROM count_request(p_session_key_prefix || s.id, p_window_ms) q) THEN
    SELECT r.window_ends_at INTO c FROM rate_limits r WHERE r.key = p_session_key_prefix || s.id;
    outcome := 'rate-limited-session';
    retry_after_ms := GREATEST(0, CEIL(EXTRACT(EPOCH FROM c.window_ends_at - clock_timestamp()) * 1000))::INTEGER;
  ELSE
    is_valid := s.anchor_hash = t.hash
      OR (s.anchor_hash IS NULL AND t.parent_hash IS NULL)
      OR t.parent_hash = s.anchor_hash;
    IF s.revoked_at IS NOT NULL THEN
      outcome := 'revoked';
    ELSIF NOT COALESCE(is_valid, FALSE) THEN
      UPDATE sessions SET revoked_at = p_now, revoke_reason = 'reuse' WHERE id = s.id;
      s.revoked_at := p_now;
      s.revoke_reason := 'reuse';
      outcome := 'reused';
    ELSIF s.expires_at <= p_now THEN
      outcome := 'expired';
    ELSE
      s.anchor_hash := t.hash;
      s.generation := s.generation + 1;
      s.expires_at := CASE WHEN p_max_lifetime_ms IS NULL THEN p_expires_at
        ELSE LEAST(p_expires_at, s.created_at + p_max_lifetime_ms * interval '1 millisecond') END;
      UPDATE sessions SET anchor_hash = s.anchor_hash, generation = s.generation, expires_at = s.expires_at
       WHERE id = s.id;
      INSERT INTO refresh_tokens (hash, session_id, parent_hash, generation, issued_at)
      VALUES (p_new, s.id, t.hash, s.generation, p_now);
      outcome := 'rotated';
    END IF;
  END IF;
  IF p_ip_key IS NOT NULL THEN
    PERFORM count_request(p_ip_key, p_window_ms);
  END IF;
  IF outcome IN ('unknown', 'rate-limited-session') THEN
    RETURN NEXT;
    RETURN;
  END IF;
  RETURN QUERY SELECT outcome, NULL::INTEGER, t.parent_hash, t.generation, t.issued_at, s.id,
    s.communication_user_id, s.display_name, s.subject, s.created_at, s.expires_at, s.revoked_at,
    s.revoke_reason, s.anchor_hash, s.generation;
END
$$;
`,
  },
  {
    version: 4,
    name: 'company directory: search words, directory order, offboarding, signing key',
    sql: `
-- The directory (backend/directory/) answers people of one issuer in a stable order, found by a
-- prefix of any word of their name or of their email. Words and sort keys are folded in
-- TypeScript (search-words.ts: NFKD, marks dropped, lower case) and compared byte-wise ("C"
-- collation), so a prefix is an index range and both stores order alike. sort_name stays NULL on
-- rows written before this version until the identity store indexes them at start-up.
ALTER TABLE people ADD COLUMN sort_name TEXT COLLATE "C";
-- Offboarding without --delete-identity keeps the mapping (the person gets their identity back if
-- allowed in again) but hides the person from the directory until they sign in again.
ALTER TABLE people ADD COLUMN offboarded_at TIMESTAMPTZ;
CREATE INDEX people_in_directory_order ON people (issuer, sort_name, communication_user_id);
CREATE TABLE people_words (
  issuer TEXT NOT NULL,
  word TEXT COLLATE "C" NOT NULL,
  subject TEXT NOT NULL,
  PRIMARY KEY (issuer, word, subject),
  FOREIGN KEY (issuer, subject) REFERENCES people (issuer, subject) ON DELETE CASCADE
);
CREATE INDEX people_words_by_person ON people_words (issuer, subject);
-- The key every instance signs and checks directory bearers with (one row, written once by the
-- first instance that starts; directory-store.ts).
CREATE TABLE directory_signing_key (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  secret BYTEA NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
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
