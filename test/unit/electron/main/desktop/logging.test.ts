import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { REDACTED, redactText, redactValue } from '../../../../../electron/main/desktop/log-redaction';
import { configureLogger, type LoggerLike, rotateLogFile } from '../../../../../electron/main/desktop/logging';

// A JWT shaped like an ACS token, a 256-bit refresh token (base64url) and a connection string.
const jwt =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6IjEwNiJ9.eyJza3lwZWlkIjoiYWNzOjEyMyIsInNjcCI6MTc5MiwiZXhwIjoxNzAwMDAwMDAwfQ.c2lnbmF0dXJlLWJ5dGVz';
const refreshToken = 'q3V9xW2kL7pR0tY8uZ1aB4cD6eF5gH3iJ9kL2mN7oP0';
const accessKey = 'dGhpcyBpcyBhIHRlc3Qga2V5IG5vdCBhIHJlYWwgb25lIQ==';
const connectionString = `endpoint=https://example.communication.azure.com/;accesskey=${accessKey}`;

describe('redaction', () => {
  test.each([
    [`token ${jwt} expired`, 'token [redacted] expired'],
    [`Authorization: Bearer ${refreshToken}`, 'Authorization: Bearer [redacted]'],
    [connectionString, 'endpoint=https://example.communication.azure.com/;accesskey=[redacted]'],
    [`{"refreshToken":"${refreshToken}","user":"8:acs:abc"}`, '{"refreshToken":"[redacted]","user":"8:acs:abc"}'],
    ['HMAC-SHA256 SignedHeaders=x-ms-date;host&Signature=abcDEF123=', 'HMAC-SHA256 [redacted]'],
    [`refreshing with ${refreshToken}`, 'refreshing with [redacted]'],
  ])('%s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  test('identifiers and ordinary text survive', () => {
    const text =
      'user 8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_00000014-5e1d-4e1b-a1f3-0c5a2c3c0000 called +14255550100 from https://backend.example.com/v1/token';
    expect(redactText(text)).toBe(text);
  });

  test('objects by key name, errors, arrays and cycles', () => {
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    const error = new Error(`request failed: Bearer ${refreshToken}`);
    const redacted = redactValue({
      accessToken: { token: jwt, expiresOn: '2030-01-01' },
      session: { refreshToken },
      nested: [{ password: 'hunter2' }, `x ${jwt}`],
      error,
      cyclic,
      count: 3,
    }) as Record<string, unknown>;
    expect(redacted.accessToken).toBe(REDACTED);
    expect(redacted.session).toEqual({ refreshToken: REDACTED });
    expect(redacted.nested).toEqual([{ password: REDACTED }, `x ${REDACTED}`]);
    expect((redacted.error as Error).message).toBe('request failed: Bearer [redacted]');
    expect((redacted.error as Error).stack).not.toContain(refreshToken);
    expect((redacted.cyclic as Record<string, unknown>).self).toBe('[circular]');
    expect(redacted.count).toBe(3);
  });
});

describe('the log file', () => {
  let directory: string;
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  test('electron-log writes to userData/logs/main.log with every secret redacted', async () => {
    directory = mkdtempSync(join(tmpdir(), 'switchboard-log-'));
    // electron-log's Node flavour: the same logger API as electron-log/main, without Electron.
    const require = createRequire(import.meta.url);
    const logger = require('electron-log/node').create({ logId: `desktop-test-${Date.now()}` }) as LoggerLike & {
      info(...args: unknown[]): void;
      error(...args: unknown[]): void;
    };
    const path = configureLogger(logger, { userDataPath: directory, verboseConsole: false });
    logger.transports.console.level = false;
    expect(path).toBe(join(directory, 'logs', 'main.log'));

    logger.info('signed in', { refreshToken, accessToken: { token: jwt } });
    logger.error(new Error(`backend said no to Bearer ${refreshToken}`));
    logger.info(`configured ${connectionString}`);
    await expect.poll(() => existsSync(path) && readFileSync(path, 'utf8').split('\n').length > 3).toBe(true);

    const written = readFileSync(path, 'utf8');
    for (const secret of [refreshToken, jwt, accessKey]) expect(written).not.toContain(secret);
    expect(written).toContain('signed in');
    expect(written).toContain('backend said no to Bearer [redacted]');
  });

  test('rotation keeps three archives and drops the oldest', () => {
    directory = mkdtempSync(join(tmpdir(), 'switchboard-log-'));
    const current = join(directory, 'main.log');
    for (let generation = 1; generation <= 5; generation++) {
      writeFileSync(current, `generation ${generation}\n`);
      rotateLogFile(current);
    }
    expect(readdirSync(directory).sort()).toEqual(['main.1.log', 'main.2.log', 'main.3.log']);
    expect(readFileSync(join(directory, 'main.1.log'), 'utf8')).toBe('generation 5\n');
    expect(readFileSync(join(directory, 'main.3.log'), 'utf8')).toBe('generation 3\n');
  });
});
