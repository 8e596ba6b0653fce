/**
 * Structured JSON logs (pino). Request logs carry the request id and never a header, so neither
 * a refresh token nor an ACS token can reach them; `censorSecrets` is a second line of defence
 * for anything a future change might log by mistake. test/integration/backend/
 * log-secrets.test.ts searches a full run's logs for every secret.
 */
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { type DestinationStream, type Logger, pino } from 'pino';
import type { LogLevel } from './config';

/** Keys whose values are secrets wherever they appear in a log entry. */
const SECRET_KEYS: ReadonlySet<string> = new Set([
  'authorization',
  'refreshToken',
  'token',
  'accessToken',
  'connectionString',
  'accessKey',
]);
const CENSOR = '[redacted]';
/** Entry → value → one level inside a plain object: `req.headers.authorization`, `acs.token`. */
const CENSOR_DEPTH = 2;

/**
 * The second line of defence: answers `entry` itself unless a secret key sits in it, at its top
 * level or up to two levels down; then a copy with those values replaced. It descends only into
 * plain objects (a Fastify request's headers are behind a getter, and the request serializer
 * never logs them); any object's own keys are checked one level down. pino's `redact` did this
 * with wildcard paths (`*.token`), which cloned and re-parsed every path for every object of every
 * line: an eighth of what a sign-in allocated, for lines that never hold a secret.
 */
export function censorSecrets<T extends object>(entry: T, depth = 0): T {
  let copy: Record<string, unknown> | undefined;
  for (const key in entry) {
    if (!Object.hasOwn(entry, key)) continue;
    const value: unknown = entry[key];
    let censored = value;
    if (SECRET_KEYS.has(key)) censored = CENSOR;
    else if (depth < CENSOR_DEPTH && typeof value === 'object' && value !== null) {
      if (depth === 0 || isPlainObject(value)) censored = censorSecrets(value, depth + 1);
    }
    if (censored !== value) {
      copy ??= { ...(entry as Record<string, unknown>) };
      copy[key] = censored;
    }
  }
  return (copy as T | undefined) ?? entry;
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Buffered, asynchronous writes to stdout: under load, lines leave in batches of about 4 KB (one
 * write(2) for a dozen requests instead of one each; on a busy 2-core server the syscall was a
 * visible share of a refresh's CPU), and at most a quarter of a second late when traffic is light.
 * pino flushes what is buffered when the process exits (signals included, through serve.ts's
 * graceful exit); only a hard kill loses the last few lines.
 */
const STDOUT_BUFFERING = { dest: 1, sync: false, minLength: 4096, periodicFlush: 250 } as const;

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'switchboard-backend' },
    formatters: { log: (entry: Record<string, unknown>) => censorSecrets(entry) },
    serializers: {
      req: (request: { method: string; url: string; ip?: string }) => ({
        method: request.method,
        url: request.url,
        remoteAddress: request.ip,
      }),
    },
  };
  return pino(options, destination ?? pino.destination(STDOUT_BUFFERING));
}

/**
 * One log line per request, when it completes (method, path, status, duration, request id),
 * instead of Fastify's two; the "incoming request" line moves to debug.
 */
export class RequestLogController extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'requestId' });
  }

  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply): void {
    const entry = { req: request, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...entry, err: { type: error.name } }, 'request errored');
    else reply.log.info(entry, 'request completed');
  }
}
