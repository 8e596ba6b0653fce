/**
 * Structured JSON logs (pino). Request logs carry the request id and never a header, so neither
 * a refresh token nor an ACS token can reach them; the redaction list is a second line of
 * defence for anything a future change might log by mistake. test/integration/backend/
 * log-secrets.test.ts searches a full run's logs for every secret.
 */
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { type DestinationStream, type Logger, pino } from 'pino';
import type { LogLevel } from './config';

const REDACTED_PATHS = [
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
  '*.refreshToken',
  '*.token',
  '*.accessToken',
  '*.connectionString',
  '*.accessKey',
  'refreshToken',
  'token',
  'accessToken',
  'connectionString',
  'accessKey',
];

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
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
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
