/**
 * What the tests that launch the real app (Playwright's `_electron`) share: where the binary is
 * (found the way `npm start` finds it — never `require('electron')`, which throws without it), the
 * reason they skip when it is absent, and an X display for Electron on Linux: `npm test` unsets
 * DISPLAY for the keyring (scripts/with-test-keyring.sh), so a private Xvfb stands in.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

const { findElectronBinary, ELECTRON_BINARY_MISSING } = (await import(
  join(REPO_ROOT, 'scripts/electron-binary.mjs')
)) as typeof import('../../scripts/electron-binary.mjs');

/** The Electron binary, or null where it is not installed (the tests then skip, saying why). */
export const electronBinary: string | null = findElectronBinary();

/** Appended to a skipped test's name so the report says why it did not run. */
export const ELECTRON_SKIP_REASON = `skipped here: ${ELECTRON_BINARY_MISSING}`;

export interface ElectronDisplay {
  /** The environment to launch Electron with (DISPLAY set on Linux). */
  env: Record<string, string>;
  close(): void;
}

/** On Linux without a display, starts a private Xvfb and waits until it names its display. */
export async function electronDisplay(): Promise<ElectronDisplay> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  let xvfb: ChildProcess | null = null;
  if (process.platform === 'linux' && !env.DISPLAY) {
    const server = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    xvfb = server;
    env.DISPLAY = await new Promise<string>((ready, fail) => {
      server.once('error', fail);
      server.stdout?.once('data', (chunk: Buffer) => ready(`:${chunk.toString().trim()}`));
    });
  }
  return { env, close: () => xvfb?.kill() };
}

export interface DevelopmentBackend {
  /** `http://localhost:PORT`, as `npm start` hands it to the app. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The development backend exactly as `npm start` runs it (scripts/dev-backend.ts: the offline ACS
 * stand-in when no ACS credentials are set), on a free port, with its sessions in `dataDir`.
 */
export async function startDevelopmentBackend(dataDir: string): Promise<DevelopmentBackend> {
  const { ACS_CONNECTION_STRING: _a, ACS_ENDPOINT: _b, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev-backend.ts'], {
    cwd: REPO_ROOT,
    env: { ...env, PORT: '0', SQLITE_PATH: join(dataDir, 'dev-sessions.sqlite') },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((listening, failed) => {
    child.on('message', (message: { listening?: string }) => message.listening && listening(message.listening));
    child.once('exit', (code) => failed(new Error(`the development backend exited (${code}) before listening`)));
  });
  return {
    url,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
