/**
 * A real Switchboard backend on loopback, talking to the ACS Identity stand-in over HTTPS with
 * the real `@azure/communication-identity` SDK, for integration and end-to-end tests.
 *
 *   const backend = await startTestBackend();            // SQLite in a temp dir
 *   const answer = await backend.signIn('Ada');          // POST /v1/sessions, parsed by the contract schema
 *   await fetch(`${backend.url}/v1/token`, …);           // anything over real HTTP
 *   backend.standIn.failNext(1, { status: 503 });        // ACS faults / latency / short token lifetime
 *   await backend.revokeSession(answer.session.refreshToken);
 *   await backend.restart();                             // same URL, same database, same ACS (see flushStaleConnections)
 *   await backend.close();
 *
 * Options:
 *   database  'sqlite' (default; a fresh file in a temp dir) or 'postgres' (needs TEST_DATABASE_URL,
 *             which `npm test` and scripts/with-test-postgres.sh set; each backend gets its own schema).
 *   settings  environment settings as `npm run backend` reads them (see `--help`), e.g.
 *             { ACS_TOKEN_LIFETIME_MINUTES: '60', RATE_LIMIT_PER_SESSION: '3', PSTN_ALTERNATE_CALLER_ID: '+14255550123' }.
 *             Rate limits default to values no ordinary test reaches.
 *   standIn   share one ACS stand-in between several backends (default: a new one, closed with the backend).
 *   offlineAcs set the discovery document's `development.offlineAcs` flag.
 *   now       the clock sessions expire by (move it forward to expire a session).
 *
 * Knobs for short-lived ACS tokens: `backend.standIn.setTokenLifetimeSeconds(n)` (the stand-in then
 * ignores ACS's 60-minute minimum, on purpose, so refresh logic can be tested without waiting).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Backend, createBackend } from '../../backend/app';
import { parseConfig } from '../../backend/config';
import { PostgresSessionStore } from '../../backend/sessions/postgres-session-store';
import { backendRoutes, type SessionAnswer, SessionAnswerSchema } from '../../common/backend-contract';
import { type AcsIdentityStandIn, startAcsIdentityStandIn } from '../../devtools/acs-stand-in/acs-identity';

export interface TestBackendOptions {
  readonly database?: 'sqlite' | 'postgres';
  readonly settings?: Readonly<Record<string, string>>;
  readonly standIn?: AcsIdentityStandIn;
  readonly offlineAcs?: boolean;
  readonly now?: () => Date;
  /** Share another test backend's database (a second instance): its SQLite file or PostgreSQL schema. */
  readonly shareDatabaseWith?: TestBackend;
}

export interface TestBackend {
  /** Where this backend keeps its data (what `shareDatabaseWith` reuses). */
  readonly database: { readonly sqlitePath: string; readonly postgresSchema: string };
  /** `http://127.0.0.1:PORT`, stable across `restart()`. */
  readonly url: string;
  readonly standIn: AcsIdentityStandIn;
  /** The running backend (its store, session service, Fastify app); replaced by `restart()`. */
  readonly backend: Backend;
  /** Every log line the backend wrote so far (JSON, one per entry), across restarts. */
  logs(): string[];
  /** Signs in over HTTP and answers the contract-validated body; throws on a non-201. */
  signIn(displayName?: string): Promise<SessionAnswer>;
  /** Ends the session the refresh token belongs to, as an administrator would (no ACS call). */
  revokeSession(refreshToken: string): Promise<boolean>;
  /** Stops the backend (in-flight requests finish) and starts a new one on the same port and database. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * After a restart this process's `fetch` pool may still hold keep-alive sockets to the old
 * server; undici notices a closed one only when a request meets it ("other side closed"), as any
 * client of a restarted server would. Idle sockets are picked oldest first, so idempotent probes
 * until one succeeds use up every stale socket before a test's own POST can meet one.
 */
async function flushStaleConnections(url: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(`${url}${backendRoutes.health}`);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch (error) {
      if (attempt >= 20) throw error;
    }
  }
}

const GENEROUS_LIMITS = { RATE_LIMIT_PER_IP: '100000', RATE_LIMIT_PER_SESSION: '100000' };

export async function startTestBackend(options: TestBackendOptions = {}): Promise<TestBackend> {
  const standIn = options.standIn ?? (await startAcsIdentityStandIn());
  const ownsStandIn = options.standIn === undefined;
  const tempDir = mkdtempSync(join(tmpdir(), 'switchboard-backend-'));
  const shared = options.shareDatabaseWith?.database;
  const postgresSchema = shared?.postgresSchema ?? `sb_test_${randomBytes(6).toString('hex')}`;
  const sqlitePath = shared?.sqlitePath ?? join(tempDir, 'sessions.sqlite');

  let databaseSettings: Record<string, string>;
  if (options.database === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) {
      throw new Error(
        'TEST_DATABASE_URL is not set: run through `npm test` or `bash scripts/with-test-postgres.sh npx vitest run …` (PostgreSQL tests never skip silently).',
      );
    }
    databaseSettings = { DATABASE_URL: url };
  } else {
    databaseSettings = { SQLITE_PATH: sqlitePath };
  }

  const lines: string[] = [];
  const logDestination = { write: (line: string) => void lines.push(line) };
  let port = 0;

  const start = async (): Promise<Backend> => {
    const config = parseConfig({
      ACS_CONNECTION_STRING: standIn.connectionString,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      ...GENEROUS_LIMITS,
      ...databaseSettings,
      ...options.settings,
    });
    const backend = await createBackend({
      config,
      logDestination,
      acsClientOptions: { tlsOptions: { ca: standIn.certificates.caCertPem } },
      offlineAcs: options.offlineAcs === true,
      ...(options.now ? { now: options.now } : {}),
      ...(options.database === 'postgres' ? { postgresSchema } : {}),
    });
    const url = await backend.listen();
    port = Number(new URL(url).port);
    return backend;
  };

  let backend = await start();
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    database: { sqlitePath, postgresSchema },
    standIn,
    get backend() {
      return backend;
    },
    logs: () => [...lines],
    async signIn(displayName = 'Test User') {
      const response = await fetch(`${url}${backendRoutes.sessions}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ displayName }),
      });
      if (response.status !== 201) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
      return SessionAnswerSchema.parse(await response.json());
    },
    revokeSession: (refreshToken) => backend.sessions.revokeByRefreshToken(refreshToken),
    async restart() {
      await backend.close();
      backend = await start();
      await flushStaleConnections(url);
    },
    async close() {
      await backend.close();
      if (options.database === 'postgres' && process.env.TEST_DATABASE_URL && !shared) {
        const store = new PostgresSessionStore({
          connectionString: process.env.TEST_DATABASE_URL,
          schema: postgresSchema,
        });
        await store.dropSchema().finally(() => store.close());
      }
      if (ownsStandIn) await standIn.close();
      rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

/** `oidc` sign-in with `token` (from the test IdP or the forging issuer) as the proof; throws on a non-201. */
export async function signInWithBearer(backend: Pick<TestBackend, 'url'>, token: string): Promise<SessionAnswer> {
  const response = await fetch(`${backend.url}${backendRoutes.sessions}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: '{}',
  });
  if (response.status !== 201) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  return SessionAnswerSchema.parse(await response.json());
}
