import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type Browser, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type DesktopCallState, desktopIpc } from '../../common/ipc/desktop';
import { CallLinkInbox } from '../../electron/main/desktop/call-link-inbox';
import { createTestAppSession, installBridge } from '../support/bridge-harness';
import { launchChromium } from '../support/chromium';
import { serveStatic } from '../support/static-server';

// The real app: a second launch carrying a call link hands it to the running Switchboard (single
// instance lock → `second-instance`), which comes to the front and asks before dialing. The binary
// is found the way `npm start` finds it (never `require('electron')`, which throws without it).
const repo = resolve(import.meta.dirname, '../..');
const { findElectronBinary, ELECTRON_BINARY_MISSING } = (await import(join(repo, 'scripts/electron-binary.mjs'))) as {
  findElectronBinary: () => string | null;
  ELECTRON_BINARY_MISSING: string;
};
const electronBinary = findElectronBinary();

// The app frame mounts the desktop pieces with one line (in renderer/app/, inside the Fluent
// provider); until it does, the bundle has no confirmation dialog to find, and this says so.
const appFolder = join(repo, 'renderer/app');
const frameMountsDesktop = readdirSync(appFolder)
  .filter((name) => name.endsWith('.tsx'))
  .some((name) => readFileSync(join(appFolder, name), 'utf8').includes('<DesktopIntegration'));
const NOT_MOUNTED = 'no file in renderer/app/ mounts <DesktopIntegration /> yet';

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

test.skipIf(!electronBinary || !frameMountsDesktop)(
  `a second launch with a call link focuses the first instance and shows the confirmation${electronBinary ? (frameMountsDesktop ? '' : ` (skipped: ${NOT_MOUNTED})`) : ` (skipped here: ${ELECTRON_BINARY_MISSING})`}`,
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

// Where the binary is missing, the same journey minus the OS: the production renderer bundle in
// Chromium, its bridge bound to main's real modules (DESIGN §7: sender policy, zod schemas) and to
// a real CallLinkInbox. A link "arrives" after the page is up, as from a second launch.

test.skipIf(!frameMountsDesktop)(
  `the production renderer takes a link main accepted and asks before dialing; a malicious link never reaches it${frameMountsDesktop ? '' : ` (skipped: ${NOT_MOUNTED})`}`,
  async () => {
    const [server, browser]: [Awaited<ReturnType<typeof serveStatic>>, Browser] = await Promise.all([
      serveStatic(),
      launchChromium(),
    ]);
    const app = await createTestAppSession({ backendUrl: null });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const harness = await installBridge(page, { app, origin: server.origin });
    const inbox = new CallLinkInbox({ linkOptions: () => ({ enabledSchemes: new Set() }) });
    const reports: DesktopCallState[] = [];
    const desktop = harness.register(desktopIpc, {
      reportCallState: (state) => {
        reports.push(state);
      },
      takeCallLinks: () => inbox.take(),
      getCallLinkSettings: () => ({ tel: false, callto: false }),
      setCallLinkSettings: (settings) => settings,
      chooseScreenShareSource: () => ({ ok: false, code: 'no-request', message: 'none open' }),
      ensureMediaAccess: () => ({ camera: 'granted', microphone: 'granted', canOpenSettings: false }),
      openPrivacySettings: () => ({ ok: false, code: 'unsupported', message: 'none here' }),
      getUpdateState: () => ({ status: 'disabled', reason: 'Updates are off in development builds.' }),
      restartToUpdate: () => ({ ok: false, code: 'no-update', message: 'No update has been downloaded yet.' }),
    });
    inbox.onLink(() => desktop.emit.onCallLinksPending({ count: inbox.size }));
    try {
      await page.goto(`${server.origin}/`);
      await page.getByTestId('desktop-integration').waitFor({ state: 'attached' });
      await expect.poll(() => reports.at(-1)?.agent).toBe('signed-out');

      expect(inbox.receive('switchboard://call?to=%2B1%E2%80%AE0010555')).toMatchObject({ accepted: false });
      expect(inbox.receive('switchboard://call?to=%2B14255550100')).toMatchObject({ accepted: true });
      const dialog = page.getByRole('alertdialog', { name: 'Call from a link?' });
      await dialog.waitFor();
      await expect(dialog.getByTestId('call-link-target').textContent()).resolves.toBe('Phone number +1 425 555 0100');
      // Signed out: the question stays, but nothing can be dialed yet.
      await expect(dialog.getByRole('button', { name: 'Call', exact: true }).isDisabled()).resolves.toBe(true);
      await dialog.getByRole('button', { name: 'Don’t call' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(inbox.size).toBe(0);
      expect(harness.refusals).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await harness.dispose();
      await app.dispose();
      await browser.close();
      await server.close();
    }
  },
);
