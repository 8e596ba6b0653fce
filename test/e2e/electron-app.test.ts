import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { desktopIpc } from '../../common/ipc/desktop';
import { startTestBackend, type TestBackend } from '../support/backend-harness';
import {
  type DevelopmentBackend,
  ELECTRON_SKIP_REASON,
  type ElectronDisplay,
  electronBinary,
  electronDisplay,
  REPO_ROOT,
  startDevelopmentBackend,
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

/** The test's name, and why it skipped where the binary is missing. */
const named = (name: string) => `${name}${electronBinary ? '' : ` (${ELECTRON_SKIP_REASON})`}`;

/** Launches the app from out/ against `backendUrl` with its own profile. */
function launchAgainst(backendUrl: string, profile: string): Promise<ElectronApplication> {
  return _electron.launch({
    executablePath: electronBinary ?? '',
    args: [REPO_ROOT, `--backend-url=${backendUrl}`, `--user-data-dir=${profile}`],
    env: { ...display?.env, ELECTRON_ENABLE_LOGGING: '1' },
  });
}

test.skipIf(!electronBinary)(
  named('launched from out/, the window is on app://localhost and every answer there carries the CSP'),
  async () => {
    const app = await launch();
    try {
      const window = await app.firstWindow();
      await window.getByTestId('app-shell').waitFor();
      expect(window.url()).toBe('app://localhost/');
      const csp = await app.evaluate(async ({ net }) => {
        const response = await net.fetch('app://localhost/');
        return response.headers.get('content-security-policy');
      });
      expect(csp).toContain("script-src 'self'");
      const mainPath = await app.evaluate(({ app: electronApp }) => electronApp.getAppPath());
      expect(mainPath).toBe(REPO_ROOT);
    } finally {
      await app.close();
    }
  },
);

describe('against the development backend (npm start)', () => {
  let development: DevelopmentBackend | null = null;
  let profile = '';
  beforeAll(async () => {
    if (!electronBinary) return;
    profile = await mkdtemp(join(tmpdir(), 'switchboard-e2e-dev-'));
    development = await startDevelopmentBackend(profile);
  });
  afterAll(async () => {
    await development?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  test.skipIf(!electronBinary)(named('signs in, and the offline development mode is said'), async () => {
    const app = await launchAgainst(development?.url ?? '', profile);
    try {
      const window = await app.firstWindow();
      await window.locator('[data-testid="app-shell"][data-route="sign-in"]').waitFor();
      await window.getByRole('textbox').first().fill('Developer Dee');
      await window.getByRole('button', { name: /sign in/i }).click();
      await window.locator('[data-testid="app-shell"][data-route="home"]').waitFor();
      await window.getByText(/Development mode: this backend issues tokens from an offline stand-in/).waitFor();
    } finally {
      await app.close();
    }
  });

  test.skipIf(!electronBinary)(
    named('signed in on Linux, closing the window keeps Switchboard running in the tray'),
    async () => {
      const app = await launchAgainst(development?.url ?? '', profile);
      try {
        const window = await app.firstWindow();
        await window.locator('[data-testid="app-shell"][data-route="home"]').waitFor();
        await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
        const state = await app.evaluate(({ BrowserWindow }) =>
          BrowserWindow.getAllWindows().map((shown) => ({
            visible: shown.isVisible(),
            destroyed: shown.isDestroyed(),
          })),
        );
        expect(state).toEqual([{ visible: false, destroyed: false }]);
      } finally {
        await app.close();
      }
    },
  );

  test.skipIf(!electronBinary)(
    named('quitting during a call asks first, and "Keep the call" keeps it running'),
    async () => {
      const app = await launchAgainst(development?.url ?? '', profile);
      try {
        const window = await app.firstWindow();
        await window.locator('[data-testid="app-shell"][data-route="home"]').waitFor();
        // No call connects without ACS: the renderer's report is delivered as the renderer would send it
        // (from our window's top frame, so main's sender check admits it), and the native question is
        // answered by a recorder instead of a person.
        const asked = await app.evaluate(async ({ app: electronApp, BrowserWindow, dialog, ipcMain }, channel) => {
          const shown = BrowserWindow.getAllWindows()[0];
          if (!shown) throw new Error('no window');
          const questions: string[] = [];
          dialog.showMessageBox = (async (...args: unknown[]) => {
            const options = args.at(-1) as { message: string };
            questions.push(options.message);
            return { response: 0, checkboxChecked: false };
          }) as typeof dialog.showMessageBox;
          const event = { sender: shown.webContents, senderFrame: shown.webContents.mainFrame };
          ipcMain.emit(channel, event, { agent: 'connected', callActive: true, callTitle: 'Ada', incoming: [] });
          electronApp.quit();
          await new Promise((settled) => setImmediate(settled));
          return questions;
        }, desktopIpc.reportCallState.channel);
        expect(asked).toHaveLength(1);
        await expect(app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).resolves.toBe(1);
      } finally {
        await app.evaluate(({ app: electronApp }) => electronApp.exit(0)).catch(() => {});
      }
    },
  );
});
