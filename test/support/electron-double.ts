/**
 * A recording double of the `electron` module, for running the built main bundle
 * (out/electron/main.cjs) in plain Node: test/integration/main-bundle/main-bundle.test.ts installs
 * it in Node's module cache under the path `require('electron')` resolves to, then requires the
 * bundle. Each piece is typed as a `Pick<>` of Electron's own declaration (electron.d.ts), so a
 * method Electron renames or drops breaks the type-check here, not the app on a user's machine.
 *
 * What it records: call order (`order`), every IPC handler and listener by channel, what was sent
 * to the window, windows, trays, notifications, dialogs (answered from `dialogAnswers`), menus and
 * the session's handlers. `app` is an EventEmitter, so a test can emit `second-instance`,
 * `before-quit`… as the OS would.
 */
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';

type Listener = (...args: never[]) => unknown;

/**
 * Compile time only: `double` provides the named part of Electron's API with Electron's own
 * signatures. Passed as a variable, it may carry extra recording fields (a literal may not).
 */
function provides<Api>(_double: Api): void {}

export interface IpcEventDouble {
  sender: { id: number };
  senderFrame: { url: string; parent: null };
}

/**
 * EventEmitter's instance side for the doubles below, without its static side (whose types the
 * declaration emit of this module cannot name).
 */
export class Emitter {
  readonly events = new EventEmitter();
  on(name: string, listener: Listener): this {
    this.events.on(name, listener as (...args: unknown[]) => void);
    return this;
  }
  once(name: string, listener: Listener): this {
    this.events.once(name, listener as (...args: unknown[]) => void);
    return this;
  }
  off(name: string, listener: Listener): this {
    this.events.off(name, listener as (...args: unknown[]) => void);
    return this;
  }
  removeListener(name: string, listener: Listener): this {
    return this.off(name, listener);
  }
  emit(name: string, ...args: unknown[]): boolean {
    return this.events.emit(name, ...args);
  }
  listenerCount(name: string): number {
    return this.events.listenerCount(name);
  }
}

class WebContentsDouble extends Emitter {
  readonly sent: Array<[string, unknown]> = [];
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  constructor(
    readonly id: number,
    private readonly record: (entry: string) => void,
  ) {
    super();
  }
  send(channel: string, payload: unknown): void {
    this.record(`send ${channel}`);
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  isDestroyed(): boolean {
    return false;
  }
}

export function createElectronDouble(options: { userData: string; appPath: string; name?: string }) {
  const order: string[] = [];
  const record = (entry: string) => void order.push(entry);
  const ipcHandlers = new Map<string, Listener[]>();
  const ipcListeners = new Map<string, Listener[]>();
  const privileged: Electron.CustomScheme[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  const dialogs: Electron.MessageBoxOptions[] = [];
  /** Answers for `dialog.showMessageBox`, in order; 0 (the safe default button) when empty. */
  const dialogAnswers: number[] = [];
  let nextWebContentsId = 1;
  let ready: () => void = () => {};
  const readyPromise = new Promise<void>((resolve) => {
    ready = resolve;
  });
  let isReady = false;

  class AppDouble extends Emitter {
    name = options.name ?? 'Switchboard';
    isPackaged = false;
    lockRequested = false;
    quitCalls = 0;
    badgeCount = 0;
    dock = undefined;
    whenReady = () => readyPromise;
    isReady = () => isReady;
    quit = () => {
      this.quitCalls++;
      record('app.quit');
    };
    getPath = (_name: Parameters<Electron.App['getPath']>[0]) => options.userData;
    getAppPath = () => options.appPath;
    getName = () => this.name;
    getVersion = () => '0.0.0-test';
    getSystemLocale = () => 'en-GB';
    getPreferredSystemLanguages = () => ['en-GB'];
    requestSingleInstanceLock = () => {
      this.lockRequested = true;
      record('requestSingleInstanceLock');
      return true;
    };
    setAppUserModelId = (_id: string) => {};
    setAsDefaultProtocolClient = (_protocol: string) => true;
    removeAsDefaultProtocolClient = (_protocol: string) => true;
    isDefaultProtocolClient = (_protocol: string) => false;
    setBadgeCount = (count?: number) => {
      this.badgeCount = count ?? 0;
      return true;
    };
  }
  const app = new AppDouble();
  provides<
    Pick<
      Electron.App,
      | 'whenReady'
      | 'isReady'
      | 'quit'
      | 'getPath'
      | 'getAppPath'
      | 'getName'
      | 'getVersion'
      | 'getSystemLocale'
      | 'getPreferredSystemLanguages'
      | 'requestSingleInstanceLock'
      | 'setAppUserModelId'
      | 'setAsDefaultProtocolClient'
      | 'removeAsDefaultProtocolClient'
      | 'isDefaultProtocolClient'
      | 'setBadgeCount'
      | 'isPackaged'
      | 'name'
    >
  >(app);

  const windows: BrowserWindowDouble[] = [];
  class BrowserWindowDouble extends Emitter {
    readonly webContents = new WebContentsDouble(nextWebContentsId++, record);
    loadedUrl = '';
    visible = false;
    focused = false;
    constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
      super();
      record('new BrowserWindow');
      windows.push(this);
      app.emit('browser-window-created', {}, this);
    }
    static getAllWindows = () => windows;
    /** Settles `loadURL` as the page's load completing would; until then the page is loading. */
    finishLoading: () => void = () => {};
    loadURL(url: string): Promise<void> {
      record(`loadURL ${url}`);
      this.loadedUrl = url;
      return new Promise((loaded) => {
        this.finishLoading = () => {
          record('page loaded');
          loaded();
        };
      });
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    isFocused = () => this.focused;
    isFullScreen = () => false;
    setFullScreen = (_on: boolean) => {};
    restore = () => {};
    show = () => {
      this.visible = true;
    };
    hide = () => {
      this.visible = false;
    };
    focus = () => {
      this.focused = true;
    };
    close = () => record('window.close');
    flashFrame = (_on: boolean) => {};
  }
  BrowserWindowDouble satisfies { getAllWindows: () => unknown[] };

  const trays: TrayDouble[] = [];
  class TrayDouble extends Emitter {
    tooltip = '';
    menu: unknown = null;
    constructor(public image: string) {
      super();
      trays.push(this);
    }
    isDestroyed = () => false;
    setImage = (image: string) => {
      this.image = image;
    };
    setToolTip = (tooltip: string) => {
      this.tooltip = tooltip;
    };
    setContextMenu = (menu: unknown) => {
      this.menu = menu;
    };
    displayBalloon = (_options: Electron.DisplayBalloonOptions) => {};
  }

  const notifications: NotificationDouble[] = [];
  class NotificationDouble extends Emitter {
    static isSupported = () => true;
    shown = false;
    closed = false;
    constructor(readonly options: Electron.NotificationConstructorOptions) {
      super();
      notifications.push(this);
    }
    show = () => {
      this.shown = true;
    };
    close = () => {
      this.closed = true;
    };
  }

  const defaultSession = {
    permissionCheck: null as Parameters<Electron.Session['setPermissionCheckHandler']>[0],
    permissionRequest: null as Parameters<Electron.Session['setPermissionRequestHandler']>[0],
    displayMedia: null as Parameters<Electron.Session['setDisplayMediaRequestHandler']>[0],
    setPermissionCheckHandler(handler: Parameters<Electron.Session['setPermissionCheckHandler']>[0]) {
      record('setPermissionCheckHandler');
      defaultSession.permissionCheck = handler;
    },
    setPermissionRequestHandler(handler: Parameters<Electron.Session['setPermissionRequestHandler']>[0]) {
      record('setPermissionRequestHandler');
      defaultSession.permissionRequest = handler;
    },
    setDisplayMediaRequestHandler(handler: Parameters<Electron.Session['setDisplayMediaRequestHandler']>[0]) {
      defaultSession.displayMedia = handler;
    },
    setPreloads: (_preloads: string[]) => {},
    getPreloads: () => [] as string[],
  };
  provides<
    Pick<
      Electron.Session,
      | 'setPermissionCheckHandler'
      | 'setPermissionRequestHandler'
      | 'setDisplayMediaRequestHandler'
      | 'setPreloads'
      | 'getPreloads'
    >
  >(defaultSession);

  const add = (map: Map<string, Listener[]>, channel: string, listener: Listener) =>
    map.set(channel, [...(map.get(channel) ?? []), listener]);
  const remove = (map: Map<string, Listener[]>, channel: string, listener?: Listener) =>
    map.set(
      channel,
      (map.get(channel) ?? []).filter((l) => listener !== undefined && l !== listener),
    );
  // Typed loosely on purpose: main hands these its own IpcMainLike (ipc/register.ts).
  const ipcMain = {
    handle: (channel: string, listener: Listener) => add(ipcHandlers, channel, listener),
    removeHandler: (channel: string) => remove(ipcHandlers, channel),
    on: (channel: string, listener: Listener) => add(ipcListeners, channel, listener),
    removeListener: (channel: string, listener: Listener) => remove(ipcListeners, channel, listener),
  };

  const menus: unknown[] = [];
  const opened: string[] = [];
  const awake = new Set<number>();
  const module = {
    app,
    BrowserWindow: BrowserWindowDouble,
    Tray: TrayDouble,
    Notification: NotificationDouble,
    ipcMain,
    protocol: {
      registerSchemesAsPrivileged: (schemes: Electron.CustomScheme[]) => {
        record('registerSchemesAsPrivileged');
        privileged.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
        record(`protocol.handle ${scheme}`);
        protocolHandlers.set(scheme, handler);
      },
    },
    session: { defaultSession },
    shell: {
      opened,
      openExternal: async (url: string) => void opened.push(url),
      openPath: async (_path: string) => '',
    },
    dialog: {
      showMessageBox: async (
        ...args: [Electron.BaseWindow, Electron.MessageBoxOptions] | [Electron.MessageBoxOptions]
      ): Promise<Electron.MessageBoxReturnValue> => {
        const options = args.length === 2 ? args[1] : args[0];
        record(`dialog ${options.message}`);
        dialogs.push(options);
        return { response: dialogAnswers.shift() ?? 0, checkboxChecked: false };
      },
      showErrorBox: (title: string, _content: string) => record(`error box ${title}`),
    },
    Menu: {
      buildFromTemplate: (template: Array<Electron.MenuItemConstructorOptions | Electron.MenuItem>) => ({ template }),
      setApplicationMenu: (menu: unknown) => void menus.push(menu),
    },
    powerSaveBlocker: {
      running: awake,
      start: (_type: 'prevent-app-suspension' | 'prevent-display-sleep') => {
        const id = awake.size + 1 + Math.max(0, ...awake);
        awake.add(id);
        return id;
      },
      stop: (id: number) => awake.delete(id),
      isStarted: (id: number) => awake.has(id),
    },
    desktopCapturer: {
      getSources: async (_options: Electron.SourcesOptions) => [] as Electron.DesktopCapturerSource[],
    },
    systemPreferences: {
      getMediaAccessStatus: (_mediaType: 'microphone' | 'camera' | 'screen') => 'granted' as const,
      askForMediaAccess: async (_mediaType: 'microphone' | 'camera') => true,
      getUserDefault: ((_key: string, _type: string) => false) as Electron.SystemPreferences['getUserDefault'],
    },
    // Electron's own autoUpdater: electron-updater emits before-quit-for-update on it.
    autoUpdater: new Emitter(),
    webContents: { getAllWebContents: () => windows.map((window) => window.webContents) },
  };

  provides<Pick<Electron.Protocol, 'registerSchemesAsPrivileged'>>(module.protocol);
  provides<Pick<Electron.Shell, 'openExternal' | 'openPath'>>(module.shell);
  provides<Pick<Electron.PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>>(module.powerSaveBlocker);
  provides<Pick<Electron.DesktopCapturer, 'getSources'>>(module.desktopCapturer);
  provides<Pick<Electron.SystemPreferences, 'getMediaAccessStatus' | 'askForMediaAccess' | 'getUserDefault'>>(
    module.systemPreferences,
  );
  provides<Pick<Electron.Dialog, 'showErrorBox'>>(module.dialog);

  return {
    module,
    order,
    ipcHandlers,
    ipcListeners,
    privileged,
    protocolHandlers,
    windows,
    trays,
    notifications,
    dialogs,
    dialogAnswers,
    menus,
    defaultSession,
    /** Resolves `app.whenReady()`, as Electron does once it has initialised. */
    becomeReady: () => {
      record('ready');
      isReady = true;
      ready();
      app.emit('ready');
    },
    /** What our window's renderer would send: the top frame of our window, on `url`. */
    eventFrom: (window: BrowserWindowDouble, url: string): IpcEventDouble => ({
      sender: { id: window.webContents.id },
      senderFrame: { url, parent: null },
    }),
  };
}

export type ElectronDouble = ReturnType<typeof createElectronDouble>;
