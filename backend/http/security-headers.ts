/**
 * Helmet's security headers, with Helmet's defaults, from Helmet itself. Its middleware is run
 * once, at start-up, against a response that only records what it sets; every request then gets
 * that recorded set through Fastify's reply headers. Running the middleware per request (eleven
 * `setHeader` calls, each validating its name and value, through Helmet's `next()` chain) was a
 * visible share of a refresh's CPU (docs/performance.md, "Where a refresh's CPU goes"), for
 * headers that never change here. The @fastify/helmet plugin (13, no longer used) was worse: it
 * built the middleware again for every request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

export function addSecurityHeaders(app: FastifyInstance): void {
  const headers = helmetHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}

/** The headers Helmet's default middleware sets, by lower-case name. */
export function helmetHeaders(): Readonly<Record<string, string>> {
  const recorded: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      recorded[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
      return recorder;
    },
    removeHeader() {}, // X-Powered-By, which Fastify never sets
  };
  let finished = false;
  helmet()({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    finished = true;
  });
  // Default Helmet reads nothing from the request and finishes synchronously; a future version
  // that did otherwise must not leave responses without their headers.
  if (!finished || Object.keys(recorded).length === 0) throw new Error('Helmet did not set its headers synchronously');
  return Object.freeze(recorded);
}
