/**
 * A v1 backend on loopback that behaves correctly until told otherwise. Each route has a queue of
 * scripted faults, consumed one per request; with the queue empty it answers as the contract
 * says (docs/backend.md, "Refresh-token rotation"): rotating refresh tokens (the previous one stays valid until the new one is
 * first used), 401 for unknown or revoked tokens, JWT access tokens with a real `exp`.
 *
 *   const backend = await startMisbehavingBackend();
 *   backend.script('/v1/token', { kind: 'status', status: 503, headers: { 'retry-after': '1' } }, { kind: 'hang' });
 *   backend.requests('/v1/token')      // how many requests reached the route
 *   backend.revokeAll()                // every refresh token now gets 401 session_revoked
 *   await backend.stop(); await backend.restart();   // down (connection refused) and back on the same port
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { SignJWT } from 'jose';
import { afterAll, beforeAll } from 'vitest';
import { backendRoutes, type SessionAnswer } from '../../common/backend-contract';

export type Fault =
  /** Accepts the request and never answers. */
  | { readonly kind: 'hang' }
  /** Closes the connection without an answer. */
  | { readonly kind: 'reset' }
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly headers?: Record<string, string>;
      /** Default: the contract's error body for the status. */
      readonly body?: unknown;
    }
  /** 200 with the first half of a correct answer, framed as complete. */
  | { readonly kind: 'truncated-json' }
  /** 200 with the right keys and wrong value types. */
  | { readonly kind: 'wrong-types' }
  /** 200 streaming this many bytes of JSON-looking padding (no content-length). */
  | { readonly kind: 'huge-body'; readonly bytes: number }
  /** A correct answer (the refresh token really rotates) whose access token has already expired. */
  | { readonly kind: 'expired-token' }
  /** A redirect (307) to this absolute URL. */
  | { readonly kind: 'redirect'; readonly location: string };

type Route = (typeof backendRoutes)[keyof typeof backendRoutes];

export interface MisbehavingBackend {
  /** `http://localhost:PORT` */
  readonly url: string;
  script(route: Route, ...faults: Fault[]): void;
  requests(route: Route): number;
  /** Every session revoked: refresh and delete get 401. */
  revokeAll(): void;
  /** Refresh tokens that currently work (for asserting nothing valid was lost). */
  isValidRefreshToken(token: string): boolean;
  /** Lifetime of issued access tokens. */
  tokenLifetimeMs: number;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

interface Session {
  readonly communicationUserId: string;
  readonly displayName: string;
  current: string;
  /** Still accepted until `current` is first used. */
  previous: string | null;
  revoked: boolean;
}

const signingKey = randomBytes(32);

export async function startMisbehavingBackend(): Promise<MisbehavingBackend> {
  const queues = new Map<string, Fault[]>();
  const counts = new Map<string, number>();
  const sessions: Session[] = [];
  const sockets = new Set<Socket>();
  let port = 0;
  let server: Server;

  const state = {
    tokenLifetimeMs: 60 * 60_000,
  };

  const findSession = (token: string | null) =>
    token ? sessions.find((s) => !s.revoked && (s.current === token || s.previous === token)) : undefined;

  async function answerFor(session: Session, expired = false): Promise<SessionAnswer> {
    const now = Date.now();
    const expiresAt = expired ? now - 60_000 : now + backend.tokenLifetimeMs;
    const token = await new SignJWT({ skypeid: session.communicationUserId, scp: 1792 })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(Math.floor(now / 1000) - (expired ? 3600 : 0))
      .setExpirationTime(Math.floor(expiresAt / 1000))
      .sign(signingKey);
    return {
      user: { communicationUserId: session.communicationUserId, displayName: session.displayName },
      accessToken: { token, expiresOn: new Date(expiresAt).toISOString() },
      session: { refreshToken: session.current, expiresOn: new Date(now + 86_400_000).toISOString() },
    };
  }

  function bearer(req: IncomingMessage): string | null {
    const header = req.headers.authorization ?? '';
    return header.startsWith('Bearer ') ? header.slice(7) : null;
  }

  function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      ...headers,
    });
    res.end(text);
  }

  function errorBody(status: number) {
    const code =
      status === 401
        ? 'unauthorized'
        : status === 429
          ? 'rate_limited'
          : status >= 500
            ? 'internal'
            : 'invalid_request';
    return { error: { code, message: `scripted ${status}` } };
  }

  async function correct(route: string, req: IncomingMessage, res: ServerResponse, expired = false): Promise<void> {
    if (route === backendRoutes.discovery) return json(res, 200, { api: 'switchboard/1', signIn: ['open'] });
    if (route === backendRoutes.health) return json(res, 200, { status: 'ok' });
    if (route === backendRoutes.sessions && req.method === 'POST') {
      const session: Session = {
        communicationUserId: `8:acs:${randomUUID()}`,
        displayName: 'Test User',
        current: randomBytes(32).toString('base64url'),
        previous: null,
        revoked: false,
      };
      try {
        const body = JSON.parse((await readBody(req)) || '{}') as { displayName?: unknown };
        if (typeof body.displayName === 'string') (session as { displayName: string }).displayName = body.displayName;
      } catch {
        return json(res, 400, errorBody(400));
      }
      sessions.push(session);
      return json(res, 201, await answerFor(session));
    }
    const token = bearer(req);
    const session = findSession(token);
    if (route === backendRoutes.token && req.method === 'POST') {
      if (!session) return json(res, 401, { error: { code: 'session_revoked', message: 'The session has ended.' } });
      // Using the current token retires the previous one; then rotate.
      if (token === session.current) session.previous = session.current;
      session.current = randomBytes(32).toString('base64url');
      return json(res, 200, await answerFor(session, expired));
    }
    if (route === backendRoutes.currentSession && req.method === 'DELETE') {
      if (!session) return json(res, 401, { error: { code: 'session_revoked', message: 'The session has ended.' } });
      session.revoked = true;
      res.writeHead(204).end();
      return;
    }
    json(res, 404, { error: { code: 'not_found', message: 'No such route.' } });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const route = new URL(req.url ?? '/', 'http://localhost').pathname;
    counts.set(route, (counts.get(route) ?? 0) + 1);
    const fault = queues.get(route)?.shift();
    if (!fault) return correct(route, req, res);
    await readBody(req);
    switch (fault.kind) {
      case 'hang':
        return; // the socket stays open until stop()
      case 'reset':
        req.socket.destroy();
        return;
      case 'status':
        return json(res, fault.status, fault.body ?? errorBody(fault.status), fault.headers);
      case 'truncated-json': {
        const full = JSON.stringify(await answerFor(sessions[0] ?? placeholderSession()));
        const half = full.slice(0, Math.floor(full.length / 2));
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(half) });
        res.end(half);
        return;
      }
      case 'wrong-types':
        return json(res, 200, {
          user: { communicationUserId: 42, displayName: null },
          accessToken: { token: 7, expiresOn: 'tomorrow' },
          session: { refreshToken: ['x'], expiresOn: false },
        });
      case 'huge-body': {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < fault.bytes) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('error', () => {});
        pump();
        return;
      }
      case 'expired-token':
        return correct(route, req, res, true);
      case 'redirect':
        res.writeHead(307, { location: fault.location }).end();
        return;
    }
  }

  function placeholderSession(): Session {
    return { communicationUserId: '8:acs:placeholder', displayName: 'x', current: 'x', previous: null, revoked: false };
  }

  async function listen(): Promise<void> {
    server = createServer((req, res) => {
      handle(req, res).catch(() => res.destroy());
    });
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((ready) => server.listen(port, '127.0.0.1', ready));
    port = (server.address() as AddressInfo).port;
  }

  await listen();

  const backend: MisbehavingBackend = {
    url: `http://localhost:${port}`,
    get tokenLifetimeMs() {
      return state.tokenLifetimeMs;
    },
    set tokenLifetimeMs(value: number) {
      state.tokenLifetimeMs = value;
    },
    script: (route, ...faults) => {
      queues.set(route, [...(queues.get(route) ?? []), ...faults]);
    },
    requests: (route) => counts.get(route) ?? 0,
    revokeAll: () => {
      for (const session of sessions) session.revoked = true;
    },
    isValidRefreshToken: (token) => findSession(token) !== undefined,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
    restart: () => listen(),
  };
  return backend;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Two backends for the enclosing test file or describe block (switching from one to the other):
 * started before its tests, stopped after. Read `first`/`second` inside tests, not at collection.
 */
export function misbehavingBackendPair(): { readonly first: MisbehavingBackend; readonly second: MisbehavingBackend } {
  const pair = {} as { first: MisbehavingBackend; second: MisbehavingBackend };
  beforeAll(async () => {
    [pair.first, pair.second] = await Promise.all([startMisbehavingBackend(), startMisbehavingBackend()]);
  });
  afterAll(async () => {
    await Promise.all([pair.first?.stop(), pair.second?.stop()]);
  });
  return pair;
}
