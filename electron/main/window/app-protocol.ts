/**
 * Serves the renderer from `app://localhost/` (docs/acs-facts.md, Calling SDK: the calling SDK accepts https:, file: or
 * the host `localhost`; a registered standard + secure scheme gives a real origin, secure-context
 * APIs and no file:// access to the disk). Only files inside the renderer folder are served; an
 * unknown path gets index.html (the app routes itself); every answer carries the CSP.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from '../app-identity';

/** For `protocol.registerSchemesAsPrivileged`, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
} as const;

/** Also used by the browser tests' static server, so pages are served there as the app serves them. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
};

/** The `protocol.handle(APP_SCHEME, …)` handler: a plain function of the request, testable without Electron. */
export function createAppProtocolHandler(rendererDir: string, csp: () => string) {
  const root = normalize(rendererDir + sep);
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response('Method not allowed', { status: 405 });
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return new Response('Bad request', { status: 400 });
    }
    const file = normalize(join(root, path));
    // Outside the renderer folder (a "..", an encoded separator): refused, never read.
    if (!file.startsWith(root)) return new Response('Not found', { status: 404 });
    const target = extname(file) === '' ? join(root, 'index.html') : file;
    let body: Buffer;
    try {
      body = await readFile(target);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': CONTENT_TYPES[extname(target)] ?? 'application/octet-stream',
        'content-security-policy': csp(),
        'x-content-type-options': 'nosniff',
        'cross-origin-opener-policy': 'same-origin',
      },
    });
  };
}
