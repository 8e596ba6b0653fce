/**
 * DNS rebinding defence (docs/security.md): a web page whose name an attacker re-points at
 * 127.0.0.1 can make the browser send it requests to a backend on this computer, with the
 * attacker's name in `Host`. A backend on loopback (or in development) therefore answers only
 * requests addressed to `localhost`, `127.0.0.1` or `[::1]` on the port it listens on; the
 * desktop app always uses one of those. Deployed backends behind a proxy are not affected.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'] as const;

export function acceptOnlyLoopbackHosts(app: FastifyInstance): void {
  // Known once listening: PORT may be 0 (any free port).
  let allowed: ReadonlySet<string> | undefined;
  app.addHook('onRequest', (request, _reply, done) => {
    allowed ??= new Set(LOOPBACK_NAMES.map((name) => `${name}:${(app.server.address() as AddressInfo).port}`));
    const host = request.headers.host?.toLowerCase();
    if (host !== undefined && allowed.has(host)) return done();
    done(
      new HttpError(
        421,
        'invalid_request',
        'This backend only answers requests addressed to localhost, 127.0.0.1 or [::1] on its own port.',
      ),
    );
  });
}
