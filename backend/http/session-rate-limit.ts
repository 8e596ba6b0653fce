/**
 * A per-session request limit on top of the global per-IP one, as a preHandler: counted in the
 * session database under `sessionKeyPrefix(route)` + the session id (so every instance shares
 * it); requests whose session is unknown count per address instead.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors';
import { sessionKeyPrefix } from './rate-limit-store';
import { RATE_LIMIT_WINDOW_MS } from './server-options';

export function perSessionRateLimit(
  app: FastifyInstance,
  max: number,
  /** The session the request belongs to, once a previous preHandler resolved it. */
  sessionOf: (request: FastifyRequest) => string | undefined,
  options: {
    /** What the message calls them. */
    readonly what?: string;
    /** Several routes sharing one counter name it here; by default each route counts alone. */
    readonly counter?: string;
  } = {},
): (request: FastifyRequest) => Promise<void> {
  const what = options.what ?? 'requests';
  const limiter = app.createRateLimit({
    max,
    timeWindow: RATE_LIMIT_WINDOW_MS,
    keyGenerator: (request) => {
      const session = sessionOf(request);
      const route = options.counter ?? request.routeOptions.url ?? '';
      return session ? sessionKeyPrefix(route) + session : `${route} ip:${request.ip}`;
    },
  });
  return async (request) => {
    const limit = await limiter(request);
    if (!limit.isAllowed && limit.isExceeded) {
      throw new HttpError(
        429,
        'rate_limited',
        `Too many ${what} for this session; retry in ${limit.ttlInSeconds} s.`,
        Math.max(1, limit.ttlInSeconds),
      );
    }
  };
}
