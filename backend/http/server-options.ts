/**
 * What the HTTP face is built from. Its own module so that server.ts (which builds Fastify) and
 * routes.ts (which registers the contract's routes) both import it and neither imports the other
 * for a type.
 */
import type { Logger } from 'pino';
import type { SignInAuthenticator } from '../auth/authenticator';
import type { SessionService } from '../sessions/session-service';

export interface DiscoverySettings {
  readonly alternateCallerId: string | null;
  /** The development run against the offline ACS stand-in. */
  readonly offlineAcs: boolean;
}

export interface ServerOptions {
  readonly logger: Logger;
  readonly sessions: SessionService;
  readonly authenticator: SignInAuthenticator;
  readonly discovery: DiscoverySettings;
  readonly rateLimitPerIp: number;
  readonly rateLimitPerSession: number;
  readonly trustProxy: boolean | number;
}
