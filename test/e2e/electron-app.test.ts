import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestBackend, type TestBackend } from '../support/backend-harness';
import {
  ELECTRON_SKIP_REASON,
  type ElectronDisplay,
  electronBinary,
  electronDisplay,
  REPO_ROOT,
} from '../support/electron-app';

// The real app (main + preload + renderer bundle) under Playwright's Electron driver.
let backend: TestBackend;
let userDataDir: string;
let display: ElectronDisplay | null = null;

beforeAll(async () => {
  if (!electronBinary) return;
  backend = await startTestBackend();
  userDataDir = await mkdtemp(join(tmpdir(), 'switchboard-e2e-userdata-'));
  display = await electronDisplay();
});
afterAll(async () => {
  display?.close();
  await backend?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

function launch(): Promise<ElectronApplication> {
  return _electron.launch({
    executablePath: electronBinary ?? '',
    args: [REPO_ROOT, `--backend-url=${backend.url}`, `--user-data-dir=${userDataDir}`],
    // The test keyring of scripts/with-test-keyring.sh is inherited through the environment.
    env: { ...display?.env, ELECTRON_ENABLE_LOGGING: '1' },
  });
}

test.skipIf(!electronBinary)(
  `sign in → quit → relaunch → still signed in, no sign-in screen${electronBinary ? '' : ` (${ELECTRON_SKIP_REASON})`}`,
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
