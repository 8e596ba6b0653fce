/**
 * The token server of Microsoft's ACS calling samples on loopback (docs/token-path.md, "ACS sample token servers"; compatibility
 * target), behaving as the samples' Express server does, over the real
 * `@azure/communication-identity` SDK pointed at the ACS Identity stand-in (acs-identity.ts):
 *
 * - Each route is mounted as `app.use('/token', cors(), router)`: `cors()` ends every `OPTIONS`
 *   with 204 and CORS headers before the route runs, reflecting the preflight's
 *   `Access-Control-Request-Headers` in `Access-Control-Allow-Headers` (its default).
 * - `GET /token?scope=a,b` and `POST /token` (`{"scope":"a,b"}` in a JSON body) →
 *   `createUserAndToken(scopes)` (default `chat,voip`) → `res.send(result)`:
 *   `{user:{communicationUserId}, token, expiresOn}` with the `Date` serialised by JSON.
 * - `POST /refreshToken/:id` → `getToken({communicationUserId: id}, ['chat','voip'])` →
 *   `{user, token, expiresOn}`. The id is percent-decoded as Express decodes route params.
 * - An SDK failure (ACS refuses: the identity was deleted; or fails: 503) is never answered: the
 *   hero sample's token handlers have no error handling, so the rejection is unhandled and the
 *   Node process exits. The request's connection drops and the server is gone (connections are
 *   refused) until whoever runs it starts it again: `restart()`, on the same port.
 * - Anything else: Express's 404 page (`Cannot GET /path`).
 *
 * Test knobs: `answerNext(route, answer)` replaces the next answer on a route (malformed sample
 * answers, 5xx, something in front of the sample) or, with `'hang'`, never answers it;
 * `requests` lists what was answered (method and route, oldest first); `crashes` counts exits.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CommunicationIdentityClient, type TokenScope } from '@azure/communication-identity';
import type { AcsIdentityStandIn } from '../../devtools/acs-stand-in/acs-identity';

export type AcsSampleRoute = '/token' | '/refreshToken';

export interface AcsSampleRequestRecord {
  readonly method: string;
  /** `/token`, `/refreshToken` or the unknown path asked for. */
  readonly route: string;
  /** The decoded `:id` of a refresh request. */
  readonly userId: string | null;
  readonly status: number;
}

/** What a replaced answer sends instead of the real one. */
export interface AcsSampleScriptedAnswer {
  readonly status: number;
  /** Sent as is (a string) or as JSON. */
  readonly body: unknown;
  readonly contentType?: string;
}

export interface AcsSampleTokenServer {
  /** `http://localhost:PORT` */
  readonly url: string;
  readonly requests: readonly AcsSampleRequestRecord[];
  /** The next request on `route` (after CORS, any method but OPTIONS) gets `answer`, or none at all. */
  answerNext(route: AcsSampleRoute, answer: AcsSampleScriptedAnswer | 'hang'): void;
  /** How many times the server "exited" after an ACS failure. */
  crashes(): number;
  /** Whether it is down (crashed and not restarted). */
  readonly down: boolean;
  /** Starts it again on the same port, as a person or a process manager would after a crash. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_SCOPES: TokenScope[] = ['chat', 'voip'];
/** `express.json()`'s default limit. */
const MAX_JSON_BODY_BYTES = 100 * 1024;

export async function startAcsSampleTokenServer(acs: AcsIdentityStandIn): Promise<AcsSampleTokenServer> {
  const identity = new CommunicationIdentityClient(acs.connectionString, {
    tlsOptions: { ca: acs.certificates.caCertPem },
  });
  const requests: AcsSampleRequestRecord[] = [];
  const scripted = new Map<AcsSampleRoute, Array<AcsSampleScriptedAnswer | 'hang'>>();

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<AcsSampleRequestRecord> => {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://localhost');
    const mount = mountOf(url.pathname);
    const rest = mount ? url.pathname.slice(mount.length) : '';
    const refreshId = mount === '/refreshToken' ? /^\/([^/]+)\/?$/.exec(rest)?.[1] : undefined;
    let userId: string | null = null;
    const record = (status: number) => ({ method, route: mount ?? url.pathname, userId, status });
    const send = (status: number, body: unknown, contentType?: string) => {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      response.writeHead(status, {
        'content-type':
          contentType ?? (typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8'),
        'content-length': String(Buffer.byteLength(text)),
        'x-powered-by': 'Express',
        ...(mount ? { 'access-control-allow-origin': '*' } : {}),
      });
      response.end(text);
      return record(status);
    };
    const notFound = () =>
      send(
        404,
        `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot ${method} ${url.pathname}</pre>\n</body>\n</html>\n`,
      );
    /** The unhandled rejection ends the process: this connection drops, then nobody listens. */
    const exitProcess = (): Promise<never> => {
      crashCount += 1;
      response.socket?.destroy();
      stopListening();
      return new Promise<never>(() => {});
    };

    const body = await readBody(request);
    if (!mount) return notFound();
    if (method === 'OPTIONS') {
      // cors() with its defaults: the preflight ends here, whatever the route below would do.
      const requestedHeaders = request.headers['access-control-request-headers'];
      response.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET,HEAD,PUT,PATCH,POST,DELETE',
        ...(requestedHeaders ? { 'access-control-allow-headers': requestedHeaders } : {}),
        vary: 'Access-Control-Request-Headers',
        'content-length': '0',
      });
      response.end();
      return record(204);
    }
    const isTokenRoute = mount === '/token' && (rest === '' || rest === '/') && (method === 'GET' || method === 'POST');
    const isRefreshRoute = mount === '/refreshToken' && refreshId !== undefined && method === 'POST';
    if (!isTokenRoute && !isRefreshRoute) return notFound();
    if (isRefreshRoute) userId = decodeURIComponent(refreshId ?? '');

    const replacement = scripted.get(mount)?.shift();
    if (replacement === 'hang') return new Promise<never>(() => {});
    if (replacement) return send(replacement.status, replacement.body, replacement.contentType);

    try {
      if (isTokenRoute) {
        const json = method === 'POST' ? parseJson(request, body) : undefined;
        if (json === 'too-large') return send(413, 'PayloadTooLargeError: request entity too large');
        const requested = method === 'GET' ? url.searchParams.get('scope') : readScope(json);
        const scopes = requested ? (requested.split(',') as TokenScope[]) : DEFAULT_SCOPES;
        const created = await identity.createUserAndToken(scopes);
        userId = created.user.communicationUserId;
        return send(200, created);
      }
      const user = { communicationUserId: userId ?? '' };
      const token = await identity.getToken(user, DEFAULT_SCOPES);
      return send(200, { user, ...token });
    } catch {
      return exitProcess();
    }
  };

  let crashCount = 0;
  let down = false;
  const server = createServer((request, response) => {
    handle(request, response)
      .then((entry) => requests.push(entry))
      .catch(() => {
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;
  function stopListening() {
    down = true;
    server.close();
    server.closeAllConnections();
  }

  return {
    url,
    requests,
    crashes: () => crashCount,
    get down() {
      return down;
    },
    restart: () =>
      new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          down = false;
          resolve();
        });
      }),
    answerNext(route, answer) {
      const queue = scripted.get(route) ?? [];
      queue.push(answer);
      scripted.set(route, queue);
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (down) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function mountOf(pathname: string): AcsSampleRoute | null {
  for (const mount of ['/token', '/refreshToken'] as const) {
    if (pathname === mount || pathname.startsWith(`${mount}/`)) return mount;
  }
  return null;
}

function readScope(json: unknown): string | null {
  if (typeof json !== 'object' || json === null) return null;
  const scope = (json as { scope?: unknown }).scope;
  return typeof scope === 'string' && scope !== '' ? scope : null;
}

/** `express.json()`: JSON bodies only, others left unparsed (`req.body` is then `{}`). */
function parseJson(request: IncomingMessage, body: Buffer): unknown {
  if (!(request.headers['content-type'] ?? '').includes('application/json')) return {};
  if (body.byteLength > MAX_JSON_BODY_BYTES) return 'too-large';
  try {
    return body.byteLength === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return {};
  }
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** A fresh id for tests that need one the stand-in never issued. */
export function unknownCommunicationUserId(acs: AcsIdentityStandIn): string {
  return `8:acs:${acs.resourceId}_${randomUUID()}`;
}
