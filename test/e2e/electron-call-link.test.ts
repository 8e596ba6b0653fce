import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';

// The real app: a second launch carrying a call link hands it to the running Switchboard (single
// instance lock → `second-instance`), which comes to the front and asks before dialing. The binary
// is found the way `npm start` finds it (never `require('electron')`, which throws without it).
const repo = resolve(import.meta.dirname, '../..');
const { findElectronBinary, ELECTRON_BINARY_MISSING } = (await import(join(repo, 'scripts/electron-binary.mjs'))) as {
  findElectronBinary: () => string | null;
  ELECTRON_BINARY_MISSING: string;
};
const electronBinary = findElectronBinary();

let userDataDir: string;
let xvfb: ChildProcess | null = null;
const env: Record<string, string> = { ...(process.env as Record<string, string>) };

beforeAll(async () => {
  if (!electronBinary) return;
  userDataDir = await mkdtemp(join(tmpdir(), 'switchboard-e2e-links-'));
  // `npm test` unsets DISPLAY for the keyring (scripts/with-test-keyring.sh): Electron on Linux
  // needs an X server, so start a private Xvfb and wait until it reports its display number.
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
});
afterAll(async () => {
  xvfb?.kill();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

const appArgs = () => [repo, `--user-data-dir=${userDataDir}`];

test.skipIf(!electronBinary)(
  `a second launch with a call link focuses the first instance and shows the confirmation (skipped here: ${ELECTRON_BINARY_MISSING})`,
  async () => {
    const first: ElectronApplication = await _electron.launch({
      executablePath: electronBinary ?? '',
      args: appArgs(),
      env,
    });
    try {
      const window = await first.firstWindow();
      await window.getByTestId('app-shell').waitFor();
      await first.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.minimize());

      // The second launch finds the lock held, passes its argv to the first instance and exits.
      const second = spawn(electronBinary ?? '', [...appArgs(), 'switchboard://call?to=%2B14255550100'], {
        env,
        stdio: 'ignore',
      });
      const exitCode = await new Promise<number | null>((done) => second.once('exit', done));
      expect(exitCode).toBe(0);

      const dialog = window.getByRole('alertdialog', { name: 'Call from a link?' });
      await dialog.waitFor();
      await expect(dialog.getByTestId('call-link-target').textContent()).resolves.toBe('Phone number +1 425 555 0100');
      const state = await first.evaluate(({ BrowserWindow }) => {
        const shown = BrowserWindow.getAllWindows()[0];
        return { minimized: shown?.isMinimized(), visible: shown?.isVisible() };
      });
      expect(state).toEqual({ minimized: false, visible: true });
      // Nothing is dialed until the user chooses: "Don't call" closes the question.
      await dialog.getByRole('button', { name: 'Don’t call' }).click();
      await dialog.waitFor({ state: 'detached' });
    } finally {
      await first.close();
    }
  },
);
