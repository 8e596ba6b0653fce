/**
 * The HTTP face of the backend: Fastify with the contract's routes (routes.ts), security
 * headers, body cap, per-IP and per-session rate limits, no CORS, and one error handler that
 * answers `{"error":{"code","message"}}` for everything, a 500 included, never with a stack.
 */
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import { type BackendErrorCode, backendRoutes, type ErrorBody } from '../../common/backend-contract';
import { registerDirectoryRoutes } from '../directory/directory-routes';
import { RequestLogController } from '../logging';
import { HttpError } from './errors';
import { acceptOnlyLoopbackHosts } from './host-check';
import { clientKey, databaseRateLimitStore } from './rate-limit-store';
import { registerRoutes } from './routes';
import { addSecurityHeaders } from './security-headers';
import { RATE_LIMIT_WINDOW_MS, type ServerOptions } from './server-options';

/** Sign-in and token bodies are a few dozen bytes; anything near this cap is not a client of ours. */
export const BODY_LIMIT_BYTES = 8 * 1024;

const STATUS_CODES: Readonly<Record<number, BackendErrorCode>> = {
  400: 'invalid_request',
  401: 'unauthorized',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  421: 'invalid_request',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // pino's Logger is Fastify's logger; the cast only widens the generic parameter.
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    // A hop count trusts that many proxies nearest to us (App Service's front end is one); a list
    // trusts those addresses. Never every hop (config.ts refuses it).
    trustProxy: trustedProxies(options.trustProxy),
    genReqId: () => randomUUID(),
    requestIdHeader: false, // a client-chosen id could forge log lines; ours is echoed back instead
    logController: new RequestLogController(),
    return503OnClosing: true,
    clientErrorHandler: answerUnparsableRequest,
    // Errors Fastify raises before routing (a malformed %-escape in the URL, a bad content type).
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const status = error.statusCode !== undefined && error.statusCode < 500 ? error.statusCode : 400;
      reply
        .status(status)
        .send(errorBody(STATUS_CODES[status] ?? 'invalid_request', 'The request could not be understood.'));
    },
    routerOptions: { maxParamLength: 200 },
  });

  // Hooks on every request take Fastify's callback form: an async hook costs a promise and a
  // microtask turn per request for work that is synchronous.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    reply.header('cache-control', 'no-store');
    done();
  });

  // Graceful shutdown: once closing, in-flight requests still finish, but their keep-alive
  // connections end with them, so that close() does not wait for the keep-alive timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
  app.addHook('onResponse', (request, _reply, done) => {
    if (closing) request.raw.socket?.end();
    done();
  });

  // An empty body counts as `{}` (POST /v1/token has nothing to say); otherwise Fastify's safe
  // parser, which refuses __proto__ and constructor.prototype keys.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers(); // JSON only: text/plain and the rest answer 415
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = String(body);
    if (text === '') return done(null, undefined);
    parseJson(request, text, done);
  });

  addSecurityHeaders(app);
  if (options.loopbackHostsOnly) acceptOnlyLoopbackHosts(app);
  await app.register(rateLimit, {
    global: true,
    max: options.rateLimitPerIp,
    timeWindow: RATE_LIMIT_WINDOW_MS,
    store: databaseRateLimitStore(options.requestCounter),
    keyGenerator: clientKey,
    // Every route that changes something needs the database anyway; failing open while it is
    // down keeps discovery answering instead of turning every request into a 500.
    skipOnError: true,
    errorResponseBuilder: (_request, context) =>
      new HttpError(429, 'rate_limited', `Too many requests; retry in ${context.after}.`, retryAfter(context.ttl)),
  });

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    const answer = toErrorAnswer(error);
    if (answer.status >= 500 && !(error instanceof HttpError)) {
      request.log.error({ err: { type: error.name, code: error.code } }, 'unexpected error');
    }
    if (answer.retryAfterSeconds !== undefined) reply.header('retry-after', String(answer.retryAfterSeconds));
    reply.status(answer.status).send(answer.body);
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(errorBody('not_found', `There is no ${request.method} ${request.url.split('?')[0]} here.`));
  });

  registerRoutes(app, options);
  registerDirectoryRoutes(app, { directory: options.directory, perSession: options.rateLimitDirectoryPerSession });
  rejectOtherMethods(app);
  return app;
}

function trustedProxies(setting: ServerOptions['trustProxy']) {
  if (typeof setting === 'number') return (_address: string, hop: number) => hop < setting;
  return setting === false ? false : [...setting];
}

/** Known paths answer 405 with `Allow` for methods they do not support (OPTIONS too: no CORS). */
function rejectOtherMethods(app: FastifyInstance): void {
  for (const [path, methods] of Object.entries({
    [backendRoutes.discovery]: ['GET', 'HEAD'],
    [backendRoutes.sessions]: ['POST'],
    [backendRoutes.token]: ['POST'],
    [backendRoutes.currentSession]: ['DELETE'],
    [backendRoutes.people]: ['GET', 'HEAD'],
    [`${backendRoutes.people}/:communicationUserId`]: ['GET', 'HEAD'],
    [backendRoutes.health]: ['GET', 'HEAD'],
  })) {
    const others = (['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const).filter((m) => !methods.includes(m));
    app.route({
      method: others,
      url: path,
      config: { rateLimit: false },
      handler: async (request, reply) => {
        reply.header('allow', methods.join(', '));
        reply.status(405).send(errorBody('method_not_allowed', `${path} does not accept ${request.method}.`));
      },
    });
  }
}

export function errorBody(code: BackendErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

function toErrorAnswer(error: FastifyError | HttpError): {
  status: number;
  body: ErrorBody;
  retryAfterSeconds?: number;
} {
  if (error instanceof HttpError) {
    return {
      status: error.statusCode,
      body: errorBody(error.code, error.message),
      ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
    };
  }
  const status = error.statusCode ?? 500;
  const code = STATUS_CODES[status];
  if (status >= 400 && status < 500 && code) {
    // Fastify's own 4xx messages (bad JSON, wrong content type, body too large) are safe and useful.
    return { status, body: errorBody(code, messageFor(error, status)) };
  }
  if (status >= 400 && status < 500) return { status: 400, body: errorBody('invalid_request', 'Bad request.') };
  return {
    status: 500,
    body: errorBody('internal', 'The backend failed unexpectedly; the request id is in the logs.'),
  };
}

function messageFor(error: FastifyError, status: number): string {
  switch (status) {
    case 413:
      return `The request body is larger than ${BODY_LIMIT_BYTES} bytes.`;
    case 415:
      return 'Send the body as application/json.';
    case 400:
      return error.code?.startsWith('FST_ERR_CTP') ? 'The body is not valid JSON.' : 'Bad request.';
    default:
      return 'The request was refused.';
  }
}

/**
 * Requests Node's HTTP parser refuses never reach Fastify's routing (a body on a request that
 * cannot carry one, oversized headers, broken framing): answer them in the contract's shape too.
 */
function answerUnparsableRequest(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason] =
    error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
  const body = JSON.stringify(errorBody('invalid_request', 'The request is not valid HTTP/1.1.'));
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function retryAfter(ttlMs: number): number {
  return Math.max(1, Math.ceil(ttlMs / 1000));
}
