/**
 * Finding 5: text from outside must not forge log lines. `switchboard://call?to=1&x%0A<fake>=1`
 * used to write a second, forged line to main.log: the decoded parameter name went into the
 * refusal reason unescaped. The link goes through the real inbox and the real electron-log
 * logger configured as the app configures it; the file must hold one line per entry.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { escapeControlCharacters } from '../../../common/display-text';
import { CallLinkInbox, inboxVerdictLine } from '../../../electron/main/desktop/call-link-inbox';
import { configureLogger, type LoggerLike } from '../../../electron/main/desktop/logging';

type TestLogger = LoggerLike & {
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
};

let directory: string;
afterEach(() => rmSync(directory, { recursive: true, force: true }));

function fileLogger(): { logger: TestLogger; path: string } {
  directory = mkdtempSync(join(tmpdir(), 'switchboard-log-injection-'));
  const require = createRequire(import.meta.url);
  const logger = require('electron-log/node').create({
    logId: `log-injection-${Date.now()}-${Math.random()}`,
  }) as TestLogger;
  const path = configureLogger(logger, { userDataPath: directory, verboseConsole: false });
  logger.transports.console.level = false;
  return { logger, path };
}

async function linesOf(path: string, expected: number): Promise<string[]> {
  await expect
    .poll(() => existsSync(path) && readFileSync(path, 'utf8').trimEnd().split('\n').length >= expected)
    .toBe(true);
  return readFileSync(path, 'utf8').trimEnd().split('\n');
}

describe('log injection (finding 5)', () => {
  it('a link parameter named with a newline writes one escaped line, not a forged one', async () => {
    const { logger, path } = fileLogger();
    const inbox = new CallLinkInbox({ linkOptions: () => ({ enabledSchemes: new Set() }) });
    const outcome = inbox.receive('switchboard://call?to=1&x%0A<fake>=1');
    expect(outcome.accepted).toBe(false);
    const { level, message } = inboxVerdictLine(outcome, 'open-url');
    logger[level](message);
    logger.info('after');

    const lines = await linesOf(path, 2);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('call link refused (open-url): the link has unexpected parameters (x\\n<fake>)');
    expect(lines.some((line) => line.startsWith('<fake>'))).toBe(false);
    expect(lines[1]).toContain('after');
  });

  it('strings and error messages from outside are escaped by the logger itself', async () => {
    const { logger, path } = fileLogger();
    logger.warn('backend said: ok\r\n[2030-01-01 00:00:00.000] [info] signed in as admin');
    logger.error(new Error('socket hang up\n[info] forged'));
    logger.info('bidi \u202egnp.exe');
    const lines = await linesOf(path, 3);
    // One line per entry, plus the error's own stack frames (indented "at …" lines, ours).
    const entries = lines.filter((line) => !/^\s+at /.test(line));
    expect(entries).toHaveLength(3);
    expect(entries[0]).toContain('backend said: ok\\r\\n[2030-01-01 00:00:00.000] [info] signed in as admin');
    expect(entries[1]).toContain('socket hang up\\n[info] forged');
    expect(entries[2]).toContain('bidi \\u202egnp.exe');
  });

  it('escapes every C0/C1 control and format character, leaves ordinary text alone', () => {
    expect(escapeControlCharacters('a\u0000b\u001bc\u0085d\u2028e\u200bf')).toBe(
      'a\\u0000b\\u001bc\\u0085d\\u2028e\\u200bf',
    );
    const ordinary = 'call link received (second launch, tel) — Zoë 東京 +1 (555) 0100';
    expect(escapeControlCharacters(ordinary)).toBe(ordinary);
  });
});
