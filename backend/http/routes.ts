/**
 * The v1 contract's routes (docs/backend-openapi.yaml). Bodies and answers go through the schemas in
 * common/backend-contract.ts, the same ones the desktop app's client uses.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  BACKEND_API_VERSION,
  backendRoutes,
  CreateSessionRequestSchema,
  type DiscoveryDocument,
  DiscoveryDocumentSchema,
} from '../../common/backend-contract';
import { bearerToken } from '../sessions/refresh-token';
import type { TokenLookup } from '../sessions/session-service';
import type { RotateLimits } from '../sessions/session-store';
import { HttpError, unauthorized } from './errors';
import { clientKey, sessionKeyPrefix } from './rate-limit-store';
import { RATE_LIMIT_WINDOW_MS, type ServerOptions } from './server-options';
import { perSessionRateLimit } from './session-rate-limit';

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

  // Sign-out: per-session limit on top of the per-IP one, keyed by the session the refresh token
  // belongs to (rotation changes the token, not the session); unknown tokens count per address.
  const perSession = perSessionRateLimit(
    app,
    options.rateLimitPerSession,
    (request) => request.refreshLookup?.found?.session.id,
  );
  const resolveSession = async (request: FastifyRequest) => {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw unauthorized('Send the refresh token as "Authorization: Bearer <refresh token>".');
    request.refreshLookup = { token, found: await options.sessions.lookup(token) };
  };

  // A refresh counts both limits inside its rotation (one database round trip in all), so the
  // plugin's per-request hook is off here.
  const refreshLimits = (request: FastifyRequest): RotateLimits => ({
    ipKey: clientKey(request),
    perIp: options.rateLimitPerIp,
    sessionKeyPrefix: sessionKeyPrefix(backendRoutes.token),
    perSession: options.rateLimitPerSession,
    windowMs: RATE_LIMIT_WINDOW_MS,
  });
  app.post(backendRoutes.token, { config: { rateLimit: false } }, async (request) => {
    if (!isTokenRequestBody(request.body)) {
      throw new HttpError(400, 'invalid_request', 'The body of a token request is {} (or empty).');
    }
    const token = bearerToken(request.headers.authorization);
    return options.sessions.refresh(token, refreshLimits(request), request.log);
  });

  app.delete(backendRoutes.currentSession, { preHandler: [resolveSession, perSession] }, async (request, reply) => {
    const { token, found } = request.refreshLookup ?? { token: '', found: null };
    await options.sessions.signOut(token, found, request.log);
    reply.status(204).send();
  });
}

/**
 * RefreshTokenRequestSchema is `{}` (zod's object strips unknown keys, so any object passes it):
 * the same verdict without running zod on every refresh.
 */
function isTokenRequestBody(body: unknown): boolean {
  return body === undefined || (typeof body === 'object' && body !== null && !Array.isArray(body));
}
