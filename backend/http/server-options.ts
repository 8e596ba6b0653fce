/**
 * What the HTTP face is built from. Its own module so that server.ts (which builds Fastify) and
 * routes.ts (which registers the contract's routes) both import it and neither imports the other
 * for a type.
 */
import type { Logger } from 'pino';
import type { SignInAuthenticator } from '../auth/authenticator';
import type { BackendConfig } from '../config';
import type { DirectoryService } from '../directory/directory-service';
import type { SessionService } from '../sessions/session-service';
import type { RequestCounter } from './rate-limit-store';

/** The rate limits' window: every limit is "so many per minute". */
export const RATE_LIMIT_WINDOW_MS = 60_000;

export interface DiscoverySettings {
  readonly alternateCallerId: string | null;
  /** The development run against the offline ACS stand-in. */
  readonly offlineAcs: boolean;
}

export interface ServerOptions {
  readonly logger: Logger;
  readonly sessions: SessionService;
  /** Where the rate limiters count (the session database, shared by every instance). */
  readonly requestCounter: RequestCounter;
  readonly authenticator: SignInAuthenticator;
  readonly discovery: DiscoverySettings;
  readonly rateLimitPerIp: number;
  readonly rateLimitPerSession: number;
  /** The company directory (`oidc` mode); null in `open` mode, where its routes answer 403. */
  readonly directory: DirectoryService | null;
  readonly rateLimitDirectoryPerSession: number;
  readonly trustProxy: BackendConfig['trustProxy'];
  /** Refuse requests whose Host is not localhost/127.0.0.1/[::1] on our port (loopback and development). */
  readonly loopbackHostsOnly: boolean;
}
