/**
 * The built main process (out/electron/main.cjs, exactly what Electron runs) executed in Node
 * against a recording double of the `electron` module (test/support/electron-double.ts), with the
 * real keychain (keytar, loaded from where the bundle loads it) and a real backend on loopback.
 * This is the composition root and every desktop glue file running, here where the Electron binary
 * cannot; the `_electron` suite (test/e2e/electron-*.test.ts) repeats the essentials in real
 * Electron wherever the binary exists.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backendRoutes } from '../../../common/backend-contract';
import { type AnyDescriptor, bridgeContract, sessionIpc } from '../../../common/ipc';
import { type DesktopCallState, desktopIpc } from '../../../common/ipc/desktop';
import { APP_ID } from '../../../electron/main/app-identity';
import { KeytarSecretStore } from '../../../electron/main/secrets/keytar-secret-store';
import { startTestBackend, type TestBackend } from '../../support/backend-harness';
import { createTestAppSession } from '../../support/bridge-harness';
import { createElectronDouble, type ElectronDouble } from '../../support/electron-double';

const repo = resolve(import.meta.dirname, '../../..');
const bundle = join(repo, 'out/electron/main.cjs');
const requireFromBundle = createRequire(bundle);

let electron: ElectronDouble;
let backend: TestBackend;
let userData: string;
let keytarCalls: string[];
const originalArgv = process.argv;

type Handler = (event: unknown, ...args: unknown[]) => unknown;

beforeAll(async () => {
  if (!existsSync(bundle)) throw new Error('out/electron/main.cjs is missing: run `npm run build` (npm test does).');
  backend = await startTestBackend();
  userData = mkdtempSync(join(tmpdir(), 'switchboard-main-bundle-'));

  // keytar as the bundle resolves it (node_modules beside out/, unpacked from asar when packaged),
  // watched so that the order of the keychain read against the window is visible.
  const keytarPath = requireFromBundle.resolve('keytar');
  const keytar = requireFromBundle('keytar') as import('../../../electron/main/secrets/keytar-secret-store').KeytarLike;
  keytarCalls = [];
  const getPassword = keytar.getPassword.bind(keytar);
  keytar.getPassword = (service, account) => {
    if (service === APP_ID) electron?.order.push('keychain read');
    keytarCalls.push(keytarPath);
    return getPassword(service, account);
  };

  // A session from an earlier run, in the real keychain: this start must restore and refresh it.
  const earlier = await createTestAppSession({
    backendUrl: backend.url,
    store: new KeytarSecretStore(keytar, APP_ID),
  });
  await earlier.signIn('Bundle Bea');
  await earlier.dispose();

  electron = createElectronDouble({ userData, appPath: repo });
  const electronPath = requireFromBundle.resolve('electron');
  requireFromBundle.cache[electronPath] = {
    id: electronPath,
    filename: electronPath,
    loaded: true,
    exports: electron.module,
  } as unknown as NodeJS.Module;

  // The bundle's own requests to the backend, seen as they leave (main uses the global fetch).
  const fetchBefore = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    if (String(input instanceof Request ? input.url : input).endsWith(backendRoutes.token)) {
      electron.order.push('token refresh requested');
    }
    return fetchBefore(input, init);
  };
  process.argv = [process.execPath, bundle, `--backend-url=${backend.url}`];
  requireFromBundle(bundle);
  electron.order.push('bundle loaded');
  electron.becomeReady();
  await waitFor(() => electron.windows[0]?.loadedUrl !== '' && electron.windows.length > 0);
}, 60_000);

afterAll(async () => {
  process.argv = originalArgv;
  // Sign out through the app, so the keychain entry this test created goes.
  const signOut = handler(sessionIpc.signOut.channel);
  if (signOut && electron.windows[0]) await Promise.resolve(signOut(trusted())).catch(() => {});
  await backend?.close();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

/** Resolves once `condition` holds, checked on every turn of the event loop (no fixed sleeps). */
async function waitFor(condition: () => boolean, what = 'the condition'): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((next) => setImmediate(next));
  }
}

function handler(channel: string): Handler | undefined {
  return electron.ipcHandlers.get(channel)?.[0] as Handler | undefined;
}
function listener(channel: string): Handler | undefined {
  return electron.ipcListeners.get(channel)?.[0] as Handler | undefined;
}
function window() {
  const first = electron.windows[0];
  if (!first) throw new Error('no window');
  return first;
}
function trusted() {
  return electron.eventFrom(window(), 'app://localhost/');
}
function report(state: Partial<DesktopCallState>) {
  listener(desktopIpc.reportCallState.channel)?.(trusted(), {
    agent: 'connected',
    callActive: false,
    callTitle: null,
    incoming: [],
    ...state,
  });
}

describe('before ready', () => {
  test('app:// is registered as a privileged scheme before the app is ready, and the lock is taken', () => {
    expect(electron.privileged).toContainEqual(
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    );
    expect(electron.order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(electron.order.indexOf('ready'));
    expect(electron.order.indexOf('requestSingleInstanceLock')).toBeLessThan(electron.order.indexOf('ready'));
  });
});

describe('the window', () => {
  test('isolated, sandboxed, no Node, web security, no webview, our preload; it loads app://localhost/', () => {
    expect(window().options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      // The ringtone plays without a click, hidden in the tray too.
      autoplayPolicy: 'no-user-gesture-required',
    });
    expect(String(window().options.webPreferences?.preload)).toBe(join(repo, 'out/electron/preload.cjs'));
    expect(window().loadedUrl).toBe('app://localhost/');
  });

  test('navigation and redirects are prevented; only validated https links reach the OS browser', () => {
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      window().webContents.emit(name, { preventDefault: () => (prevented = true) }, 'https://evil.example/');
      expect(prevented, name).toBe(true);
    }
    expect(window().webContents.openHandler?.({ url: 'https://learn.microsoft.com/' })).toEqual({ action: 'deny' });
    expect(window().webContents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(electron.module.shell.opened).toEqual(['https://learn.microsoft.com/']);
  });

  test('every other webContents is locked too: navigation, redirects, webviews and windows', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
    const openHandlers: Array<(details: { url: string }) => { action: string }> = [];
    const contents = {
      on: (name: string, listener: (event: { preventDefault(): void }) => void) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => openHandlers.push(handler),
    };
    electron.module.app.emit('web-contents-created', {}, contents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      listeners.get(name)?.({ preventDefault: () => (prevented = true) });
      expect(prevented, name).toBe(true);
    }
    expect(openHandlers).toHaveLength(1);
    expect(openHandlers[0]?.({ url: 'https://learn.microsoft.com/' })).toEqual({ action: 'deny' });
  });

  test('app://localhost answers carry the CSP header; paths outside the renderer are refused', async () => {
    const serve = electron.protocolHandlers.get('app');
    const page = await serve?.(new Request('app://localhost/'));
    expect(page?.status).toBe(200);
    expect(page?.headers.get('content-security-policy')).toMatch(/default-src 'none'|default-src 'self'/);
    expect(page?.headers.get('content-security-policy')).toContain("script-src 'self'");
    const traversal = await serve?.(new Request('app://localhost/%2e%2e/%2e%2e/package.json'));
    expect(traversal?.status).not.toBe(200);
  });

  test('permission handlers: camera and microphone for our window on app://localhost, nothing else', async () => {
    const check = electron.defaultSession.permissionCheck;
    const contents = window().webContents as unknown as Electron.WebContents;
    expect(check?.(contents, 'media', 'app://localhost', { isMainFrame: true } as never)).toBe(true);
    expect(check?.(contents, 'media', 'https://evil.example', { isMainFrame: true } as never)).toBe(false);
    expect(check?.(contents, 'geolocation', 'app://localhost', { isMainFrame: true } as never)).toBe(false);
    const answer = await new Promise((done) =>
      electron.defaultSession.permissionRequest?.(contents, 'media', done, {
        requestingUrl: 'app://localhost/',
        mediaTypes: ['audio', 'video'],
        isMainFrame: true,
      } as never),
    );
    expect(answer).toBe(true);
    const denied = await new Promise((done) =>
      electron.defaultSession.permissionRequest?.(contents, 'notifications', done, {
        requestingUrl: 'app://localhost/',
        isMainFrame: true,
      } as never),
    );
    expect(denied).toBe(false);
    expect(electron.order.indexOf('setPermissionRequestHandler')).toBeLessThan(
      electron.order.indexOf('new BrowserWindow'),
    );
  });
});

describe('IPC', () => {
  test('every descriptor in common/ipc has exactly one handler, and events none', () => {
    for (const [namespace, table] of Object.entries(bridgeContract)) {
      for (const [name, descriptor] of Object.entries(table) as Array<[string, AnyDescriptor]>) {
        const handlers = electron.ipcHandlers.get(descriptor.channel) ?? [];
        const listeners = electron.ipcListeners.get(descriptor.channel) ?? [];
        const expected = { invoke: [1, 0], send: [0, 1], event: [0, 0] }[descriptor.kind];
        expect([handlers.length, listeners.length], `${namespace}.${name}`).toEqual(expected);
      }
    }
  });

  test('a call from another window or origin is refused before its payload is read', async () => {
    const get = handler(sessionIpc.get.channel);
    await expect(
      get?.({ sender: { id: 999 }, senderFrame: { url: 'app://localhost/', parent: null } }),
    ).rejects.toThrow(/refused/);
    await expect(get?.(electron.eventFrom(window(), 'https://evil.example/'))).rejects.toThrow(/refused/);
  });
});

describe('the session', () => {
  test('the keychain read starts before the window exists, the first refresh while it is still loading', async () => {
    const order = electron.order;
    await waitFor(() => order.includes('token refresh requested'), 'the refresh');
    expect(order.indexOf('keychain read')).toBeGreaterThan(order.indexOf('ready'));
    expect(order.indexOf('keychain read')).toBeLessThan(order.indexOf('new BrowserWindow'));
    // Nothing waited for the page: it has not finished loading, and is told so only now.
    expect(order).not.toContain('page loaded');
    window().finishLoading();
    expect(order.indexOf('page loaded')).toBeGreaterThan(order.indexOf('keychain read'));
    const state = await handler(sessionIpc.get.channel)?.(trusted());
    expect(state).toMatchObject({ status: 'signed-in', user: { displayName: 'Bundle Bea' }, remembered: true });
  });

  test('keytar is loaded from where the bundle resolves it', () => {
    expect(keytarCalls.length).toBeGreaterThan(0);
    expect(new Set(keytarCalls)).toEqual(new Set([join(repo, 'node_modules/keytar/lib/keytar.js')]));
  });
});

describe('desktop integration', () => {
  test('a second instance’s switchboard:// link reaches this one, which asks the renderer to confirm it', async () => {
    electron.module.app.emit(
      'second-instance',
      {},
      ['/opt/Switchboard/switchboard', 'switchboard://call?to=%2B14255550100'],
      '/',
    );
    expect(window().webContents.sent).toContainEqual([desktopIpc.onCallLinksPending.channel, { count: 1 }]);
    expect(window().visible && window().focused).toBe(true);
    const links = await handler(desktopIpc.takeCallLinks.channel)?.(trusted());
    expect(links).toMatchObject([{ source: 'switchboard', target: '+14255550100' }]);
  });

  test('tray, menu, screen-share handler and updates are installed', async () => {
    expect(electron.trays).toHaveLength(1);
    expect(electron.menus).toHaveLength(1);
    expect(electron.defaultSession.displayMedia).toBeTypeOf('function');
    await expect(handler(desktopIpc.getUpdateState.channel)?.(trusted())).resolves.toMatchObject({
      status: 'disabled',
    });
  });

  test('an incoming call while the window is in the background notifies; the call keeps the display awake', () => {
    window().focused = false;
    report({ incoming: [{ id: 'call-1', callerDisplayName: 'Ada' }] });
    expect(electron.notifications.at(-1)?.shown).toBe(true);
    report({ callActive: true, callTitle: 'Ada' });
    expect(electron.module.powerSaveBlocker.running.size).toBe(1);
    expect(electron.trays[0]?.tooltip).toMatch(/in a call with Ada/);
  });

  test('quitting during a call asks first, and "Keep the call" keeps the app running', async () => {
    report({ callActive: true, callTitle: 'Ada' });
    const quitsBefore = electron.module.app.quitCalls;
    let prevented = false;
    electron.dialogAnswers.push(0);
    electron.module.app.emit('before-quit', { preventDefault: () => (prevented = true) });
    await waitFor(() => electron.dialogs.length > 0, 'the question');
    expect(prevented).toBe(true);
    expect(electron.dialogs.at(-1)).toMatchObject({ type: 'warning', defaultId: 0, cancelId: 0 });
    expect(electron.module.app.quitCalls).toBe(quitsBefore);
    report({ callActive: false });
  });
});
