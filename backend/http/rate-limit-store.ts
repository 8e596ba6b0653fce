/**
 * @fastify/rate-limit's counters kept in the session database (`SessionStore.countRequest`)
 * instead of each instance's memory, so that N instances behind a load balancer enforce one
 * limit, not N× it. The refresh route counts inside its rotation instead (one round trip); the
 * keys are shared, so a client's requests on every route and instance add up.
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { SessionStore } from '../sessions/session-store';

export type RequestCounter = Pick<SessionStore, 'countRequest'>;

export function databaseRateLimitStore(counter: RequestCounter): FastifyRateLimitStoreCtor {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      window: number,
    ) {
      counter.countRequest(key, window).then(
        (count) => callback(null, { current: count.hits, ttl: count.ttlMs }),
        (error: Error) => callback(error),
      );
    }
    child(): FastifyRateLimitStore {
      return this;
    }
  };
}

/** The per-client key, the same for the plugin's limiter and the refresh's own count. */
export const clientKey = (request: FastifyRequest): string => `ip ${request.ip}`;

/** Per-session keys: per route, so that a session that refreshed a lot can still sign out. */
export const sessionKeyPrefix = (route: string): string => `${route} session:`;
