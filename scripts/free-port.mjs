// The development backend's port for `npm start`. The desktop app keys its keychain entry by the
// backend's origin, so the same port on every run is what keeps a developer signed in across
// restarts: 8787 (the backend's own default) unless it is taken.
import { createServer } from 'node:net';

export const PREFERRED_BACKEND_PORT = 8787;

/**
 * @param {number} port 0 for any free port
 * @returns {Promise<number | null>} the port bound (and released again), or null when it is in use
 */
export function tryPort(port) {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(null));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : null));
    });
  });
}

/**
 * A port asked for explicitly (SWITCHBOARD_DEV_BACKEND_PORT) must be free: silently moving would
 * defeat why it was asked for. Otherwise the preferred port, or any free one when that is taken.
 * @param {string | undefined} requested
 * @returns {Promise<{ port: number, fallback: boolean } | { error: string }>}
 */
export async function chooseBackendPort(requested) {
  if (requested !== undefined && requested !== '') {
    const port = Number(requested);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      return { error: `SWITCHBOARD_DEV_BACKEND_PORT must be a port number from 1 to 65535, not "${requested}".` };
    }
    if ((await tryPort(port)) === null) {
      return {
        error: `port ${port} (SWITCHBOARD_DEV_BACKEND_PORT) is in use by another program; stop it, or choose another port, or unset the variable to let npm start pick one.`,
      };
    }
    return { port, fallback: false };
  }
  const preferred = await tryPort(PREFERRED_BACKEND_PORT);
  if (preferred !== null) return { port: preferred, fallback: false };
  const any = await tryPort(0);
  return any === null
    ? { error: 'no free port on 127.0.0.1 for the development backend.' }
    : { port: any, fallback: true };
}
