/**
 * Structured JSON logs (pino). Request logs carry the request id and never a header, so neither
 * a refresh token nor an ACS token can reach them; the redaction list is a second line of
 * defence for anything a future change might log by mistake. test/integration/backend/
 * log-secrets.test.ts searches a full run's logs for every secret.
 */
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
  return destination ? pino(options, destination) : pino(options);
}
