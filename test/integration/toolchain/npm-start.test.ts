/**
 * `npm start` (scripts/dev.mjs) end to end, here where the Electron binary cannot be downloaded:
 * Electron's own hook, ELECTRON_OVERRIDE_DIST_PATH, points at a stand-in executable
 * (test/fixtures/electron-stand-in/electron.mjs) that reads the backend URL it was given, fetches
 * discovery and signs in, like the real app's first seconds. Each run works in a copy of the
 * checkout, so its build never rewrites the out/ that the browser tests are serving.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { electronPlatformPath } from '../../../scripts/electron-binary.mjs';
import { PREFERRED_BACKEND_PORT } from '../../../scripts/free-port.mjs';

const repo = resolve(import.meta.dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'switchboard-npm-start-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the checkout (tracked and new files, as in a fresh clone) sharing node_modules. */
function copyCheckout(name: string): string {
  const target = join(scratch, name);
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repo,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => file && existsSync(join(repo, file)));
  for (const file of files) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(join(repo, file), join(target, file));
  }
  symlinkSync(join(repo, 'node_modules'), join(target, 'node_modules'), 'junction');
  return target;
}

/** A dist folder whose executable is the stand-in, where ELECTRON_OVERRIDE_DIST_PATH will look. */
function standInDist(): string {
  const dist = mkdtempSync(join(scratch, 'dist-'));
  const executable = join(dist, electronPlatformPath());
  mkdirSync(dirname(executable), { recursive: true });
  copyFileSync(join(repo, 'test/fixtures/electron-stand-in/electron.mjs'), executable);
  chmodSync(executable, 0o755);
  return dist;
}

interface StandInRecord {
  pid: number;
  args: string[];
  env: Record<string, string>;
  backendUrl: string | null;
  discovery: { api?: string } | null;
  signIn: { status: number; communicationUserId: string | null; accessTokenParts: number; refreshTokenIssued: boolean };
}

interface Run {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exited: Promise<number | null>;
}

function npmStart(checkout: string, env: Record<string, string | undefined>): Run {
  const { ACS_CONNECTION_STRING: _a, ACS_ENDPOINT: _b, SWITCHBOARD_DEV_BACKEND_PORT: _c, ...inherited } = process.env;
  const child = spawn(process.execPath, ['scripts/dev.mjs'], {
    cwd: checkout,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: Run = {
    child,
    stdout: '',
    stderr: '',
    exited: once(child, 'exit').then(([code]) => code as number | null),
  };
  child.stdout?.on('data', (chunk) => {
    run.stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    run.stderr += chunk;
  });
  return run;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function refusesConnections(url: string): Promise<boolean> {
  return fetch(`${url}/healthz`).then(
    () => false,
    () => true,
  );
}

/** Holds the preferred port, so the run must pick another and say so (unless something else holds it already). */
async function occupy(port: number): Promise<Server | null> {
  const server = createServer();
  return new Promise((done) => {
    server.once('error', () => done(null));
    server.listen(port, '127.0.0.1', () => done(server));
  });
}

const standInsRun = process.platform !== 'win32';
/** Each run builds the app (Vite + esbuild) and starts a backend: generous on a loaded 2-core machine. */
const RUN_TIMEOUT_MS = 240_000;
const WHY_NOT_WINDOWS = 'skipped on Windows: the stand-in must be an .exe there, not a script';

describe.skipIf(!standInsRun)(
  `npm start with a stand-in app${standInsRun ? '' : ` (${WHY_NOT_WINDOWS})`}`,
  { timeout: RUN_TIMEOUT_MS },
  () => {
    let checkout: string;
    beforeAll(() => {
      checkout = copyCheckout('checkout');
    });

    test('builds, starts the backend, the app signs in against it, and both are gone when the app exits 0', async () => {
      const holder = await occupy(PREFERRED_BACKEND_PORT);
      try {
        const recordFile = join(scratch, 'record-ok.json');
        const run = npmStart(checkout, {
          ELECTRON_OVERRIDE_DIST_PATH: standInDist(),
          STAND_IN_RECORD: recordFile,
        });
        expect(await run.exited, run.stderr).toBe(0);

        expect(existsSync(join(checkout, 'out/electron/main.cjs'))).toBe(true);
        expect(existsSync(join(checkout, 'out/renderer/index.html'))).toBe(true);

        const record = JSON.parse(readFileSync(recordFile, 'utf8')) as StandInRecord;
        expect(record.args[0]).toBe('.');
        expect(record.backendUrl).toMatch(/^http:\/\/localhost:\d+$/);
        expect(record.args).toContain(`--backend-url=${record.backendUrl}`);
        expect(record.discovery?.api).toBe('switchboard/1');
        expect(record.signIn).toEqual({
          status: 201,
          communicationUserId: expect.stringMatching(/^8:acs:/),
          accessTokenParts: 3,
          refreshTokenIssued: true,
        });
        // The preferred port was taken: another was picked, passed on, and the user told.
        expect(new URL(record.backendUrl ?? '').port).not.toBe(String(PREFERRED_BACKEND_PORT));
        expect(run.stderr).toContain(`port ${PREFERRED_BACKEND_PORT} is in use`);
        expect(run.stderr).toMatch(/development backend on http:\/\/127\.0\.0\.1:\d+ — OFFLINE/);

        expect(isRunning(record.pid)).toBe(false);
        expect(await refusesConnections(record.backendUrl ?? '')).toBe(true);
      } finally {
        holder?.close();
      }
    });

    test('an app that exits non-zero is reported, and npm start exits with its code', async () => {
      const recordFile = join(scratch, 'record-fail.json');
      const run = npmStart(checkout, {
        ELECTRON_OVERRIDE_DIST_PATH: standInDist(),
        STAND_IN_RECORD: recordFile,
        STAND_IN_EXIT_CODE: '3',
      });
      expect(await run.exited).toBe(3);
      expect(run.stderr).toContain('Switchboard exited with code 3.');
      const record = JSON.parse(readFileSync(recordFile, 'utf8')) as StandInRecord;
      expect(await refusesConnections(record.backendUrl ?? '')).toBe(true);
    });

    test('SIGTERM to npm start stops the app and the backend', async () => {
      const recordFile = join(scratch, 'record-signal.json');
      const run = npmStart(checkout, {
        ELECTRON_OVERRIDE_DIST_PATH: standInDist(),
        STAND_IN_RECORD: recordFile,
        STAND_IN_STAY: '1',
      });
      // The stand-in prints this once it has signed in and written its record.
      while (!run.stdout.includes('stand-in: signed in')) await once(run.child.stdout as NodeJS.EventEmitter, 'data');
      const record = JSON.parse(readFileSync(recordFile, 'utf8')) as StandInRecord;
      expect(isRunning(record.pid)).toBe(true);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(isRunning(record.pid)).toBe(false);
      expect(await refusesConnections(record.backendUrl ?? '')).toBe(true);
    });

    test('a port asked for that is in use gets one clear line, before anything starts', async () => {
      const holder = await occupy(0);
      const port = (holder?.address() as { port: number } | null)?.port;
      try {
        const run = npmStart(checkout, {
          ELECTRON_OVERRIDE_DIST_PATH: standInDist(),
          SWITCHBOARD_DEV_BACKEND_PORT: String(port),
        });
        expect(await run.exited).toBe(1);
        const lines = run.stderr.trim().split('\n');
        expect(lines.at(-1)).toBe(
          `Switchboard cannot start: port ${port} (SWITCHBOARD_DEV_BACKEND_PORT) is in use by another program; stop it, or choose another port, or unset the variable to let npm start pick one.`,
        );
      } finally {
        holder?.close();
      }
    });
  },
);

describe('npm start without the Electron binary', () => {
  test('with ELECTRON_SKIP_BINARY_DOWNLOAD set: one line, not a stack trace', () => {
    // An empty package folder stands for an install where the binary was never downloaded.
    const emptyElectronPackage = mkdtempSync(join(scratch, 'no-electron-'));
    const run = npmStart(repo, {
      SWITCHBOARD_ELECTRON_PACKAGE_DIR: emptyElectronPackage,
      ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    });
    return run.exited.then((code) => {
      expect(code).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Switchboard cannot start: the Electron binary is not installed.*npx install-electron/);
      expect(run.stdout).toBe('');
    });
  });

  test("fetches it with Electron's installer; when the download fails, one line says what to do", async () => {
    // A copy of the electron package without its binary; the installer downloads from a mirror on
    // a loopback port nobody listens on, into an empty cache: the download fails here and on CI alike.
    const packageDir = mkdtempSync(join(scratch, 'electron-package-'));
    const installed = join(repo, 'node_modules/electron');
    for (const file of ['install.js', 'package.json', 'checksums.json']) {
      copyFileSync(join(installed, file), join(packageDir, file));
    }
    const closed = await occupy(0);
    const closedPort = (closed?.address() as { port: number } | null)?.port;
    closed?.close();
    const run = npmStart(repo, {
      SWITCHBOARD_ELECTRON_PACKAGE_DIR: packageDir,
      ELECTRON_SKIP_BINARY_DOWNLOAD: '',
      ELECTRON_MIRROR: `http://127.0.0.1:${closedPort}/`,
      electron_config_cache: mkdtempSync(join(scratch, 'electron-cache-')),
      // The copied installer finds @electron/get in the real node_modules.
      NODE_PATH: join(repo, 'node_modules'),
    });
    expect(await run.exited).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/fetching the Electron binary with Electron's installer/);
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toMatch(
      /^Switchboard cannot start: downloading the Electron binary failed \(.+\)\. Check the network or proxy .*npx install-electron/,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
