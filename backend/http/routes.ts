/**
 * The v1 contract's routes (DESIGN.md §4). Bodies and answers go through the schemas in
 * common/backend-contract.ts, the same ones the desktop app's client uses.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  BACKEND_API_VERSION,
  backendRoutes,
  CreateSessionRequestSchema,
  type DiscoveryDocument,
  DiscoveryDocumentSchema,
  RefreshTokenRequestSchema,
} from '../../common/backend-contract';
import { bearerToken } from '../sessions/refresh-token';
import type { TokenLookup } from '../sessions/session-service';
import { HttpError, unauthorized } from './errors';
import type { ServerOptions } from './server';

export interface DiscoverySettings {
  readonly alternateCallerId: string | null;
  /** The development run against the offline ACS stand-in. */
  readonly offlineAcs: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The presented refresh token, resolved once by `resolveSession` (rate limiter and handler share it). */
    refreshLookup?: { token: string; found: TokenLookup };
  }
}

export function registerRoutes(app: FastifyInstance, options: ServerOptions): void {
  const discovery: DiscoveryDocument = DiscoveryDocumentSchema.parse({
    api: BACKEND_API_VERSION,
    signIn: [options.authenticator.mode],
    ...options.authenticator.discovery(),
    ...(options.discovery.alternateCallerId
      ? { pstn: { alternateCallerId: options.discovery.alternateCallerId } }
      : {}),
    ...(options.discovery.offlineAcs ? { development: { offlineAcs: true } } : {}),
  });

  app.get(backendRoutes.health, { config: { rateLimit: false } }, async () => ({ status: 'ok' }));

  app.get(backendRoutes.discovery, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return discovery;
  });

  app.post(backendRoutes.sessions, async (request, reply) => {
    const principal = await options.authenticator.authenticate({ authorization: request.headers.authorization });
    // oidc: the verified token names the person; a body's displayName is ignored.
    let displayName: string | undefined;
    if (!principal.person) {
      const body = CreateSessionRequestSchema.safeParse(request.body);
      if (!body.success) {
        throw new HttpError(400, 'invalid_request', 'Send {"displayName": "…"} with a name of 1 to 256 characters.');
      }
      displayName = body.data.displayName;
    }
    const answer = await options.sessions.signIn(principal, displayName, request.log);
    reply.status(201);
    return answer;
  });

  // Per-session limit, on top of the per-IP one: keyed by the session the refresh token belongs
  // to (rotation changes the token, not the session); unknown tokens count against the address.
  const sessionLimiter = app.createRateLimit({
    max: options.rateLimitPerSession,
    timeWindow: 60_000,
    // Counted per route, so that a session that refreshed a lot can still sign out.
    keyGenerator: (request) => {
      const session = request.refreshLookup?.found?.session.id;
      return `${request.routeOptions.url} ${session ? `session:${session}` : `ip:${request.ip}`}`;
    },
  });
  const perSession = async (request: FastifyRequest) => {
    const limit = await sessionLimiter(request);
    if (!limit.isAllowed && limit.isExceeded) {
      throw new HttpError(
        429,
        'rate_limited',
        `Too many token requests for this session; retry in ${limit.ttlInSeconds} s.`,
        Math.max(1, limit.ttlInSeconds),
      );
    }
  };
  const resolveSession = async (request: FastifyRequest) => {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw unauthorized('Send the refresh token as "Authorization: Bearer <refresh token>".');
    request.refreshLookup = { token, found: await options.sessions.lookup(token) };
  };

  app.post(backendRoutes.token, { preHandler: [resolveSession, perSession] }, async (request) => {
    if (!RefreshTokenRequestSchema.safeParse(request.body ?? {}).success) {
      throw new HttpError(400, 'invalid_request', 'The body of a token request is {} (or empty).');
    }
    const { token, found } = request.refreshLookup ?? { token: '', found: null };
    return options.sessions.refresh(token, found, request.log);
  });

  app.delete(backendRoutes.currentSession, { preHandler: [resolveSession, perSession] }, async (request, reply) => {
    const { token, found } = request.refreshLookup ?? { token: '', found: null };
    await options.sessions.signOut(token, found, request.log);
    reply.status(204).send();
  });
}
