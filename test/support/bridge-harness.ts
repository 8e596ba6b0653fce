/**
 * docs/testing.md's "preload's bridge replaced by a test binding": gives a Playwright page a
 * `window.switchboard` that is the production bridge, wired to the real main-process modules
 * running in the test process.
 *
 * API
 *   const app = await createTestAppSession({ backendUrl });          // real config, SecretStore, BackendClient, TokenBroker
 *   const harness = await installBridge(page, { app, origin: server.origin });
 *   await page.goto(`${server.origin}/`);                              // install BEFORE navigating
 *   … the page calls window.switchboard.session.signIn({displayName}), .token.get({requestId}), …
 *   harness.refusals                                                    // calls main refused (sender / payload), for assertions
 *   harness.register(historyIpc, handlers)                              // another concern's table, same checks
 *   await harness.dispose();  await app.dispose();
 *
 * What is real: the page's `window.switchboard` is built by electron/preload/bridge.ts — the same
 * code the preload runs — bundled into an init script (one function per descriptor, nothing
 * generic). Each call crosses into the test process through one `page.exposeBinding`, where the
 * handlers that main.ts registers (electron/main/app-session/session-ipc.ts, through
 * electron/main/ipc/register.ts) check the sender with the production sender policy (the page's
 * top frame on `origin`; subframes and other origins are refused) and parse the payload with the
 * descriptor's zod schema. Main → renderer events (`session.onChange`) are delivered into the page.
 * What differs from Electron: the transport (a Playwright binding instead of Electron IPC) and
 * the page's origin (`http://localhost:PORT` instead of `app://localhost`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { bridgeContract, type DescriptorTable } from '../../common/ipc';
import { AppSession, type AppSessionOptions } from '../../electron/main/app-session/app-session';
import { sessionIpcBindings } from '../../electron/main/app-session/session-ipc';
import type { BackendClientOptions } from '../../electron/main/backend-client/backend-client';
import { AppConfigStore } from '../../electron/main/config/app-config';
import {
  type HandlersFor,
  type IpcMainLike,
  type RegisteredTable,
  type RegisterOptions,
  registerIpcTable,
} from '../../electron/main/ipc/register';
import { createSenderPolicy, type IpcSenderInfo } from '../../electron/main/ipc/sender-policy';
import { MemorySecretStore } from '../../electron/main/secrets/memory-secret-store';
import type { SecretStore } from '../../electron/main/secrets/secret-store';
import type { NativeConfirm } from '../../electron/main/window/native-confirm';
import { bridgeShape } from '../../electron/preload/bridge';

const BINDING = '__switchboardTestIpc';
const DELIVER = '__switchboardTestDeliver';
/** The harness's stand-in for our window's `webContents.id`. */
const PAGE_SENDER_ID = 1;

export interface BridgeHarness {
  /** One line per call main refused (foreign sender, malformed payload); empty when all was well. */
  readonly refusals: readonly string[];
  /**
   * Registers another concern's table (history, desktop, …) on the same transport, sender policy
   * and payload checks; its calls otherwise reject with "No handler registered".
   */
  register<T extends DescriptorTable>(table: T, handlers: HandlersFor<T>): RegisteredTable<T>;
  /** Unregisters the handlers. The page keeps its (now dead) bridge. */
  dispose(): Promise<void>;
}

export interface InstallBridgeOptions {
  /** The main-process session the page talks to (see createTestAppSession). */
  readonly app: AppSession;
  /** The origin the page is served from, e.g. `http://localhost:5173`: the only one main accepts. */
  readonly origin: string;
}

/** Installs `window.switchboard` in `page` (for every navigation from now on). */
export async function installBridge(page: Page, options: InstallBridgeOptions): Promise<BridgeHarness> {
  const refusals: string[] = [];
  const invokeHandlers = new Map<string, (event: IpcSenderInfo, ...args: unknown[]) => unknown>();
  const sendListeners = new Map<string, Set<(event: IpcSenderInfo, ...args: unknown[]) => void>>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => {
      if (invokeHandlers.has(channel)) throw new Error(`a handler for ${channel} is already registered`);
      invokeHandlers.set(channel, listener);
    },
    removeHandler: (channel) => invokeHandlers.delete(channel),
    on: (channel, listener) => {
      const set = sendListeners.get(channel) ?? new Set();
      set.add(listener);
      sendListeners.set(channel, set);
    },
    removeListener: (channel, listener) => sendListeners.get(channel)?.delete(listener as never),
  };

  const registerOptions: RegisterOptions = {
    ipc,
    senderPolicy: createSenderPolicy({ webContentsId: () => PAGE_SENDER_ID, origin: options.origin }),
    deliver: (channel, payload) => {
      // A page that is navigating or closed misses the event, as a reloading window would.
      page
        .evaluate(
          ([name, c, p]) => (window as unknown as Record<string, (c: string, p: unknown) => void>)[name]?.(c, p),
          [DELIVER, channel, payload] as const,
        )
        .catch(() => {});
    },
    log: (message) => {
      if (message.startsWith('refused ')) refusals.push(message);
    },
  };
  const disposeSession = sessionIpcBindings(options.app).map((binding) =>
    binding.register((table, handlers) => registerIpcTable(table, handlers, registerOptions)),
  );
  const extra: Array<{ dispose(): void }> = [];

  await page.exposeBinding(BINDING, async (source, kind: unknown, channel: unknown, args: unknown) => {
    const event: IpcSenderInfo = {
      sender: { id: PAGE_SENDER_ID },
      senderFrame: { url: source.frame.url(), parent: source.frame.parentFrame() ?? undefined },
    };
    const list = Array.isArray(args) ? args : [];
    if (kind === 'invoke' && typeof channel === 'string') {
      const handler = invokeHandlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler(event, ...list);
    }
    if (kind === 'send' && typeof channel === 'string') {
      for (const listener of sendListeners.get(channel) ?? []) listener(event, ...list);
      return undefined;
    }
    throw new Error('malformed bridge call');
  });
  await page.addInitScript({ content: await bridgeInitScript() });

  return {
    refusals,
    register: (table, handlers) => {
      const registered = registerIpcTable(table, handlers, registerOptions);
      extra.push(registered);
      return registered;
    },
    dispose: async () => {
      for (const dispose of disposeSession) dispose();
      for (const registered of extra.splice(0)) registered.dispose();
    },
  };
}

let cachedScript: Promise<string> | null = null;

/** The production bridge builder, bundled for the page, over a transport made of the binding. */
function bridgeInitScript(): Promise<string> {
  cachedScript ??= (async () => {
    const entry = `
      import { buildBridge } from ${JSON.stringify(resolve(import.meta.dirname, '../../electron/preload/bridge.ts'))};
      const binding = window[${JSON.stringify(BINDING)}];
      const listeners = new Map();
      Object.defineProperty(window, ${JSON.stringify(DELIVER)}, {
        value: (channel, payload) => { for (const l of [...(listeners.get(channel) ?? [])]) l(payload); },
      });
      const bridge = buildBridge(${JSON.stringify(bridgeShape(bridgeContract))}, {
        invoke: (channel, ...args) => binding('invoke', channel, args),
        send: (channel, payload) => { binding('send', channel, [payload]).catch(() => {}); },
        subscribe: (channel, listener) => {
          const set = listeners.get(channel) ?? new Set();
          set.add(listener);
          listeners.set(channel, set);
          return () => { set.delete(listener); };
        },
      });
      Object.defineProperty(window, ${JSON.stringify('switchboard')}, { value: bridge, enumerable: true });
    `;
    const result = await build({
      stdin: { contents: entry, resolveDir: process.cwd(), loader: 'js' },
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
    });
    const file = result.outputFiles[0];
    if (!file) throw new Error('bridge bundle is empty');
    return file.text;
  })();
  return cachedScript;
}

export interface TestAppSessionOptions {
  /** The backend the session talks to (e.g. `startTestBackend().url`); null: none configured. */
  readonly backendUrl: string | null;
  /** Default: a MemorySecretStore (pass a KeytarSecretStore inside with-test-keyring.sh for the real keychain). */
  readonly store?: SecretStore;
  /** Default: a fresh temporary folder, removed by dispose(). */
  readonly userDataDir?: string;
  readonly clientOptions?: BackendClientOptions;
  /** E.g. `{ now: () => Date.now() + offset }` to make the cached token stale without waiting. */
  readonly brokerOptions?: AppSessionOptions['brokerOptions'];
  /** The user's answer to main's native questions (a backend change). Default: none to ask, so a change is refused. */
  readonly confirm?: NativeConfirm;
  /** The system browser for an organisation sign-in (e.g. `driveIdpLogin`, or a second Chromium page). */
  readonly openExternal?: AppSessionOptions['openExternal'];
}

/**
 * The main process's session modules as main.ts builds them, with the backend URL saved as the
 * user's setting (so `config.set` may change it). `start()` has already run (keychain read, first refresh under way).
 */
export async function createTestAppSession(
  options: TestAppSessionOptions,
): Promise<AppSession & { readonly userDataDir: string; dispose(): Promise<void> }> {
  const ownDir = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'switchboard-userdata-')));
  const config = await AppConfigStore.open({
    argv: [],
    env: {},
    administratorFile: join(userDataDir, 'no-administrator-file.json'),
    userDataDir,
    confirm: options.confirm,
  });
  // As if the user had typed it in Settings, so that `config.set` can change it.
  if (options.backendUrl !== null) {
    const saved = await config.update({ backendUrl: options.backendUrl });
    if (!saved.ok) throw new Error(saved.message);
  }
  const app = new AppSession({
    config,
    store: options.store ?? new MemorySecretStore(),
    clientOptions: options.clientOptions,
    brokerOptions: options.brokerOptions,
    ...(options.openExternal ? { openExternal: options.openExternal } : {}),
  });
  await app.start();
  return Object.assign(app, {
    userDataDir,
    dispose: async () => {
      if (ownDir) await rm(userDataDir, { recursive: true, force: true });
    },
  });
}
