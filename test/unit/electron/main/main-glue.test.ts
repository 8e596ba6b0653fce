import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';

// main.ts with Electron (and desktop integration, another module's concern) mocked at the module
// boundary: what it asks Electron for is what the app gets.
const recorded = vi.hoisted(() => ({
  order: [] as string[],
  privileged: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  windowOptions: null as null | { webPreferences: Record<string, unknown> },
  loadedUrl: '',
  contentsListeners: new Map<string, (event: { preventDefault(): void }, ...args: unknown[]) => void>(),
  openHandler: null as null | ((details: { url: string }) => { action: string }),
  opened: [] as string[],
  permissionCheck: null as null | ((...args: unknown[]) => boolean),
  permissionRequest: null as null | ((...args: unknown[]) => void),
  ready: null as null | (() => void),
  desktopContext: null as null | Record<string, unknown>,
  userData: '',
}));

vi.mock('electron', () => {
  const webContents = {
    id: 1,
    on: (name: string, listener: (event: { preventDefault(): void }, ...args: unknown[]) => void) =>
      recorded.contentsListeners.set(name, listener),
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      recorded.openHandler = handler;
    },
    send: () => {},
  };
  class BrowserWindow {
    webContents = webContents;
    constructor(options: { webPreferences: Record<string, unknown> }) {
      recorded.order.push('window created');
      recorded.windowOptions = options;
    }
    isDestroyed = () => false;
    once() {}
    on() {}
    show() {}
    async loadURL(url: string) {
      recorded.loadedUrl = url;
    }
  }
  const userData = mkdtempSync(join(tmpdir(), 'switchboard-main-glue-'));
  recorded.userData = userData;
  return {
    app: {
      whenReady: () =>
        new Promise<void>((resolve) => {
          recorded.ready = resolve;
        }),
      on: () => {},
      quit: () => {},
      getPath: () => userData,
      getAppPath: () => resolve(import.meta.dirname, '../../../..'),
    },
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privileged.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        recorded.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => {
          recorded.permissionCheck = handler;
        },
        setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => {
          recorded.permissionRequest = handler;
        },
      },
    },
    shell: { openExternal: async (url: string) => void recorded.opened.push(url) },
    ipcMain: { handle: () => {}, removeHandler: () => {}, on: () => {}, removeListener: () => {} },
    webContents,
  };
});
vi.mock('../../../../electron/main/desktop', () => ({
  desktopLog: { info: () => {} },
  prepareDesktopIntegration: () => ({ focusWindow: () => {} }),
  installDesktopIntegration: (context: Record<string, unknown>) => {
    recorded.desktopContext = context;
    return { isCallActive: () => false, osAllowsMedia: async () => true };
  },
}));
vi.mock('keytar', () => ({
  default: {
    getPassword: async () => {
      recorded.order.push('keychain read');
      return null;
    },
    setPassword: async () => {},
    deletePassword: async () => true,
  },
}));

const { AppSession } = await import('../../../../electron/main/app-session/app-session');
const originalStart = AppSession.prototype.start;

beforeAll(async () => {
  vi.spyOn(AppSession.prototype, 'start').mockImplementation(function (this: InstanceType<typeof AppSession>) {
    recorded.order.push('session start (keychain + first refresh)');
    return originalStart.call(this);
  });
  process.argv.push('--backend-url=http://localhost:9');
  await import('../../../../electron/main/main');
  recorded.ready?.();
  await vi.waitFor(() => expect(recorded.loadedUrl).not.toBe(''));
});
afterAll(() => {
  process.argv.pop();
  rmSync(recorded.userData, { recursive: true, force: true });
});

test('app:// is registered as a standard, secure scheme before ready, and the window loads app://localhost/', () => {
  expect(recorded.privileged).toContainEqual(
    expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
  );
  expect(recorded.protocolHandlers.has('app')).toBe(true);
  expect(recorded.loadedUrl).toBe('app://localhost/');
});

test('the keychain read and first refresh start before the window is even created', () => {
  const start = recorded.order.indexOf('session start (keychain + first refresh)');
  expect(start).toBeGreaterThanOrEqual(0);
  expect(start).toBeLessThan(recorded.order.indexOf('window created'));
});

test('the window is isolated, sandboxed, without Node, with web security and our preload', () => {
  expect(recorded.windowOptions?.webPreferences).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    webviewTag: false,
  });
  expect(String(recorded.windowOptions?.webPreferences.preload)).toMatch(/preload\.cjs$/);
});

test('navigation is prevented; new windows are denied and only validated https links reach the OS browser', () => {
  const event = { preventDefault: vi.fn() };
  recorded.contentsListeners.get('will-navigate')?.(event, 'https://evil.example/');
  expect(event.preventDefault).toHaveBeenCalled();
  expect(recorded.openHandler?.({ url: 'https://learn.microsoft.com/' })).toEqual({ action: 'deny' });
  expect(recorded.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
  expect(recorded.opened).toEqual(['https://learn.microsoft.com/']);
});

test('permissions: camera/microphone for our window on app://localhost; nothing for others', async () => {
  const { webContents } = (await import('electron')) as unknown as { webContents: unknown };
  const check = recorded.permissionCheck;
  expect(check?.(webContents, 'media', 'app://localhost', { isMainFrame: true })).toBe(true);
  expect(check?.(webContents, 'media', 'https://evil.example', { isMainFrame: true })).toBe(false);
  expect(check?.({ id: 2 }, 'media', 'app://localhost', { isMainFrame: true })).toBe(false);
  expect(check?.(webContents, 'geolocation', 'app://localhost', { isMainFrame: true })).toBe(false);
  const answer = await new Promise((resolve) =>
    recorded.permissionRequest?.(webContents, 'media', resolve, {
      requestingUrl: 'app://localhost/',
      mediaTypes: ['audio', 'video'],
      isMainFrame: true,
    }),
  );
  expect(answer).toBe(true);
  const denied = await new Promise((resolve) =>
    recorded.permissionRequest?.(webContents, 'notifications', resolve, {
      requestingUrl: 'app://localhost/',
      isMainFrame: true,
    }),
  );
  expect(denied).toBe(false);
});

test('desktop integration gets the window, the IPC registration and sign-out', () => {
  expect(recorded.desktopContext).toMatchObject({
    getMainWindow: expect.any(Function),
    registerIpc: expect.any(Function),
    signOut: expect.any(Function),
    isTrustedOrigin: expect.any(Function),
  });
  const isTrusted = recorded.desktopContext?.isTrustedOrigin as (origin: string) => boolean;
  expect(isTrusted('app://localhost')).toBe(true);
  expect(isTrusted('https://evil.example')).toBe(false);
});
