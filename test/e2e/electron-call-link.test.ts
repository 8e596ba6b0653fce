import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type Browser, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type DesktopCallState, desktopIpc } from '../../common/ipc/desktop';
import { CallLinkInbox } from '../../electron/main/desktop/call-link-inbox';
import { createTestAppSession, installBridge } from '../support/bridge-harness';
import { launchChromium } from '../support/chromium';
import {
  ELECTRON_SKIP_REASON,
  type ElectronDisplay,
  electronBinary,
  electronDisplay,
  REPO_ROOT,
} from '../support/electron-app';
import { serveStatic } from '../support/static-server';

// The real app: a second launch carrying a call link hands it to the running Switchboard (single
// instance lock → `second-instance`), which comes to the front and asks before dialing.
let userDataDir: string;
let display: ElectronDisplay | null = null;
let env: Record<string, string> = {};

beforeAll(async () => {
  if (!electronBinary) return;
  userDataDir = await mkdtemp(join(tmpdir(), 'switchboard-e2e-links-'));
  display = await electronDisplay();
  env = display.env;
});
afterAll(async () => {
  display?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

const appArgs = () => [REPO_ROOT, `--user-data-dir=${userDataDir}`];

test.skipIf(!electronBinary)(
  `a second launch with a call link focuses the first instance and shows the confirmation${electronBinary ? '' : ` (${ELECTRON_SKIP_REASON})`}`,
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
// Chromium, its bridge bound to main's real modules (docs/testing.md: sender policy, zod schemas) and to
// a real CallLinkInbox. A link "arrives" after the page is up, as from a second launch.

test('the production renderer takes a link main accepted and asks before dialing; a malicious link never reaches it', async () => {
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
    getCallLinkSettings: () => ({ tel: false, callto: false, keepRunningInTray: true }),
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
});
