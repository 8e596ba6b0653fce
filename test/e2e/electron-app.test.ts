import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestBackend, type TestBackend } from '../support/backend-harness';

// The real app (main + preload + renderer bundle) under Playwright's Electron driver. The binary is
// found the way `npm start` finds it (never `require('electron')`, which throws without it).
const repo = resolve(import.meta.dirname, '../..');
const binaryModule = join(repo, 'scripts/electron-binary.mjs');
const { findElectronBinary, ELECTRON_BINARY_MISSING } = (await import(binaryModule)) as {
  findElectronBinary: () => string | null;
  ELECTRON_BINARY_MISSING: string;
};
const electronBinary = findElectronBinary();

let backend: TestBackend;
let userDataDir: string;

beforeAll(async () => {
  if (!electronBinary) return;
  backend = await startTestBackend();
  userDataDir = await mkdtemp(join(tmpdir(), 'switchboard-e2e-userdata-'));
});
afterAll(async () => {
  await backend?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

function launch(): Promise<ElectronApplication> {
  return _electron.launch({
    executablePath: electronBinary ?? '',
    args: [repo, `--backend-url=${backend.url}`, `--user-data-dir=${userDataDir}`],
    // The test keyring of scripts/with-test-keyring.sh is inherited through the environment.
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' } as Record<string, string>,
  });
}

test.skipIf(!electronBinary)(
  `sign in → quit → relaunch → still signed in, no sign-in screen (skipped here: ${ELECTRON_BINARY_MISSING})`,
  async () => {
    const first = await launch();
    const window = await first.firstWindow();
    expect(window.url()).toBe('app://localhost/');
    await window.getByTestId('app-shell').waitFor();
    await window.locator('[data-testid="app-shell"][data-route="sign-in"]').waitFor();
    await window.getByRole('textbox').first().fill('Relaunch Rita');
    await window.getByRole('button', { name: /sign in/i }).click();
    await window.locator('[data-testid="app-shell"][data-route="home"]').waitFor();
    await first.close();

    const second = await launch();
    const again = await second.firstWindow();
    await again.locator('[data-testid="app-shell"][data-route="home"]').waitFor();
    await expect(again.locator('[data-route="sign-in"]').count()).resolves.toBe(0);
    // The preload's bridge is the only thing the page got: no Node, no ipcRenderer.
    await expect(again.evaluate(() => typeof (globalThis as { require?: unknown }).require)).resolves.toBe('undefined');
    await second.close();
  },
);
