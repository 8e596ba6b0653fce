/**
 * Helmet's security headers, with Helmet's defaults. The middleware is built once: @fastify/helmet
 * 13 builds it again for every request (options parsed, CSP directives validated, two hooks), which
 * was a twentieth of what a request allocated; the headers it sets never change here.
 */
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import type Helmet from 'helmet';

// Helmet is @fastify/helmet's own dependency (package.json lists the plugin): resolve it from there.
const fromPlugin = createRequire(createRequire(import.meta.url).resolve('@fastify/helmet'));
const helmet = fromPlugin('helmet') as typeof Helmet;

export function addSecurityHeaders(app: FastifyInstance): void {
  const applyHeaders = helmet();
  app.addHook('onRequest', (request, reply, done) => {
    applyHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
}
