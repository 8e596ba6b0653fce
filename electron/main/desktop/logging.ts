/**
 * The main process log: electron-log writing `logs/main.log` in userData, rotated at 5 MB into
 * `main.1.log` … `main.3.log`, every value redacted before it is written (log-redaction.ts).
 * Works on any electron-log logger (the main-process one in the app, the Node one in tests).
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, parse } from 'node:path';
import { escapeControlCharacters } from '../../../common/display-text';
import { redactValue } from './log-redaction';

export const LOG_FILE_NAME = 'main.log';
export const LOG_MAX_BYTES = 5 * 1024 * 1024;
export const LOG_ARCHIVES_KEPT = 3;

/** The part of an electron-log logger configured here. */
export interface LoggerLike {
  hooks: Array<(message: { data: unknown[] }) => { data: unknown[] } | false>;
  transports: {
    file: {
      resolvePathFn: (...args: never[]) => string;
      maxSize: number;
      archiveLogFn: (file: { toString(): string }) => void;
      level: string | false;
    };
    console: { level: string | false };
  };
}

export function logDirectory(userDataPath: string): string {
  return join(userDataPath, 'logs');
}

/** main.log → main.1.log → main.2.log → main.3.log; the oldest falls off. Synchronous, as electron-log requires. */
export function rotateLogFile(currentPath: string, kept: number = LOG_ARCHIVES_KEPT): void {
  const { dir, name, ext } = parse(currentPath);
  const archive = (n: number) => join(dir, `${name}.${n}${ext}`);
  rmSync(archive(kept), { force: true });
  for (let n = kept - 1; n >= 1; n--) {
    if (existsSync(archive(n))) renameSync(archive(n), archive(n + 1));
  }
  renameSync(currentPath, archive(1));
}

export function configureLogger(
  logger: LoggerLike,
  options: { userDataPath: string; verboseConsole: boolean },
): string {
  const path = join(logDirectory(options.userDataPath), LOG_FILE_NAME);
  logger.transports.file.resolvePathFn = () => path;
  logger.transports.file.maxSize = LOG_MAX_BYTES;
  logger.transports.file.level = 'info';
  logger.transports.file.archiveLogFn = (file) => rotateLogFile(file.toString());
  logger.transports.console.level = options.verboseConsole ? 'debug' : 'warn';
  // Runs before every transport: nothing unredacted reaches the file or the console, and nothing
  // can start a line of its own.
  logger.hooks.push((message) => ({ ...message, data: message.data.map((value) => oneLine(redactValue(value))) }));
  return path;
}

/**
 * Log lines carry text from outside (link parameters, server messages, error texts): a newline in
 * it would forge a line of its own, a bidi override would reorder the line. Strings and error
 * messages are escaped; an error's stack keeps its own line breaks between frames (those are ours).
 * Objects are left to electron-log, whose `util.inspect` quotes and escapes their strings.
 */
export function oneLine(value: unknown): unknown {
  if (typeof value === 'string') return escapeControlCharacters(value);
  if (value instanceof Error) {
    const copy = new Error(escapeControlCharacters(value.message));
    copy.name = value.name;
    copy.stack = value.stack?.replace(value.message, copy.message);
    return copy;
  }
  return value;
}
