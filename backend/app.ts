/**
 * Wires the backend from a validated configuration: logger, session store, ACS gateway,
 * authenticator, session service and HTTP server. `main.ts` runs it; tests and the development
 * run create it in-process with a few programmatic extras (log capture, the stand-in's CA).
 */
import type { AddressInfo, Socket } from 'node:net';
import { getHeapStatistics } from 'node:v8';
import type { CommunicationIdentityClientOptions } from '@azure/communication-identity';
import type { TokenCredential } from '@azure/core-auth';
import type { FastifyInstance } from 'fastify';
import type { DestinationStream, Logger } from 'pino';
import { type AcsIdentityGateway, createAcsIdentityGateway } from './acs/identity-gateway';
import { createOpenAuthenticator, type SignInAuthenticator } from './auth/authenticator';
import { createOidcAuthenticator } from './auth/oidc-authenticator';
import { type BackendConfig, isOpenSignInExposed, listensOnLoopback } from './config';
import { DirectoryService } from './directory/directory-service';
import type { DirectoryStore } from './directory/directory-store';
import { PostgresDirectoryStore } from './directory/postgres-directory-store';
import { SqliteDirectoryStore } from './directory/sqlite-directory-store';
import { buildServer } from './http/server';
import type { IdentityStore } from './identities/identity-store';
import { PostgresIdentityStore } from './identities/postgres-identity-store';
import { SqliteIdentityStore } from './identities/sqlite-identity-store';
import { createLogger } from './logging';
import { PostgresSessionStore } from './sessions/postgres-session-store';
import { SessionService } from './sessions/session-service';
import type { SessionStore } from './sessions/session-store';
import { SqliteSessionStore } from './sessions/sqlite-session-store';

export interface BackendOptions {
  readonly config: BackendConfig;
  /** Where logs go (default stdout). Tests capture them. */
  readonly logDestination?: DestinationStream;
  /** Extra SDK options; tests and the offline development run pass the stand-in's CA as `tlsOptions`. */
  readonly acsClientOptions?: CommunicationIdentityClientOptions;
  /** Managed-identity mode's credential (default `DefaultAzureCredential`). */
  readonly credential?: TokenCredential;
  /** Sets the discovery document's `development.offlineAcs` (the offline development run). */
  readonly offlineAcs?: boolean;
  /** A PostgreSQL schema to use instead of `public` (tests). */
  readonly postgresSchema?: string;
  /** The clock sessions expire by (tests move it forward). */
  readonly now?: () => Date;
}

export interface Backend {
  readonly app: FastifyInstance;
  readonly sessions: SessionService;
  readonly store: SessionStore;
  /** The person → ACS identity mapping; null in `open` mode. */
  readonly identities: IdentityStore | null;
  /** The company directory; null in `open` mode. */
  readonly directory: DirectoryService | null;
  readonly acs: AcsIdentityGateway;
  readonly logger: Logger;
  /** Listens on the configured host and port; answers the base URL. */
  listen(): Promise<string>;
  /** Stops accepting, lets in-flight requests finish, then closes the store. */
  close(): Promise<void>;
}

const HOUR_MS = 3600_000;

export async function createBackend(options: BackendOptions): Promise<Backend> {
  const { config } = options;
  const logger = createLogger(config.logLevel, options.logDestination);
  const store: SessionStore =
    config.database.kind === 'postgres'
      ? new PostgresSessionStore({
          connectionString: config.database.url,
          ...(options.postgresSchema ? { schema: options.postgresSchema } : {}),
        })
      : new SqliteSessionStore(config.database.path);
  await store.migrate().catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  // The people table is a migration of the session database (backend/database/), applied above.
  const identities = config.oidc ? createIdentityStore(config, options.postgresSchema) : null;
  // People rows from before the directory (migration 4) get their search words once.
  await identities?.indexUnindexedPeople();
  const directory = config.oidc
    ? await DirectoryService.open({
        store: createDirectoryStore(config, options.postgresSchema),
        issuer: config.oidc.issuer,
        ...(options.now ? { now: options.now } : {}),
      })
    : null;

  const acs = createAcsIdentityGateway({
    credentials:
      config.acs.kind === 'access-key'
        ? { kind: 'access-key', connectionString: config.acs.connectionString }
        : {
            kind: 'managed-identity',
            endpoint: config.acs.endpoint,
            // Loaded only in this mode: @azure/identity and MSAL cost ~15 MB that access-key mode never uses.
            credential: options.credential ?? new (await import('@azure/identity')).DefaultAzureCredential(),
          },
    tokenLifetimeMinutes: config.tokenLifetimeMinutes,
    timeoutMs: config.acsTimeoutMs,
    clientOptions: {
      ...(config.development ? { allowInsecureConnection: true } : {}),
      ...options.acsClientOptions,
    },
  });
  const sessions = new SessionService({
    store,
    acs,
    ...(identities ? { identities } : {}),
    ...(directory ? { directory } : {}),
    logger,
    sessionIdleMs: config.sessionIdleDays * 24 * HOUR_MS,
    sessionMaxMs: config.sessionMaxDays * 24 * HOUR_MS,
    ...(options.now ? { now: options.now } : {}),
  });
  let authenticator: SignInAuthenticator = createOpenAuthenticator();
  if (config.oidc) {
    const oidc = createOidcAuthenticator({
      config: config.oidc,
      warn: (message) => logger.warn(message),
      ...(options.now ? { now: options.now } : {}),
    });
    // The issuer's metadata and keys are fetched now, so the first sign-in does not wait for them.
    void oidc.warm();
    authenticator = oidc;
  }
  const app = await buildServer({
    logger,
    sessions,
    requestCounter: store,
    authenticator,
    discovery: { alternateCallerId: config.alternateCallerId, offlineAcs: options.offlineAcs === true },
    rateLimitPerIp: config.rateLimitPerIp,
    rateLimitPerSession: config.rateLimitPerSession,
    directory,
    rateLimitDirectoryPerSession: config.rateLimitDirectoryPerSession,
    trustProxy: config.trustProxy,
    loopbackHostsOnly: config.development || listensOnLoopback(config.host),
  });

  // Ended sessions are kept a week (so a late replay still reads "revoked"), then deleted.
  const cleanup = setInterval(() => {
    store.deleteEndedBefore(new Date(Date.now() - 7 * 24 * HOUR_MS)).catch((error: unknown) => {
      logger.warn({ err: { type: (error as Error).name } }, 'session cleanup failed');
    });
  }, HOUR_MS);
  cleanup.unref();

  const sockets = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  return {
    app,
    sessions,
    store,
    identities,
    directory,
    acs,
    logger,
    async listen() {
      await app.listen({ host: config.host, port: config.port });
      const { port } = app.server.address() as AddressInfo;
      const host = config.host.includes(':') ? `[${config.host}]` : config.host;
      if (isOpenSignInExposed(config)) {
        const warning = `SIGN_IN_MODE=open while listening on ${config.host}: ANYONE who can reach this backend can get ACS tokens. Use it only on a trusted network, or listen on 127.0.0.1.`;
        logger.warn({ host: config.host }, warning);
        process.stderr.write(`WARNING: ${warning}\n`);
      }
      const url = `http://${host}:${port}`;
      // The heap limit shows whether the deployed Node options (node-options.ts) are in effect.
      const heapLimitMb = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
      logger.info({ url, acs: config.acs.kind, database: config.database.kind, heapLimitMb }, 'listening');
      return url;
    },
    async close() {
      clearInterval(cleanup);
      await app.close();
      // In-flight requests have finished; idle keep-alive sockets would otherwise linger until
      // their client next writes to them (and meets a closed server). End them, and wait.
      await Promise.all(
        [...sockets].map((socket) => new Promise((resolve) => socket.once('close', resolve).destroy())),
      );
      await store.close();
      await identities?.close();
      await directory?.close();
      await acs.close();
    },
  };
}

function createIdentityStore(config: BackendConfig, postgresSchema: string | undefined): IdentityStore {
  return config.database.kind === 'postgres'
    ? new PostgresIdentityStore({
        connectionString: config.database.url,
        ...(postgresSchema ? { schema: postgresSchema } : {}),
      })
    : new SqliteIdentityStore(config.database.path);
}

function createDirectoryStore(config: BackendConfig, postgresSchema: string | undefined): DirectoryStore {
  return config.database.kind === 'postgres'
    ? new PostgresDirectoryStore({
        connectionString: config.database.url,
        ...(postgresSchema ? { schema: postgresSchema } : {}),
      })
    : new SqliteDirectoryStore(config.database.path);
}
