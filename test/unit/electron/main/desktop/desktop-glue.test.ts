/**
 * The Electron glue (electron/main/desktop/index.ts) with `electron`, `electron-log/main` and
 * `electron-updater` mocked at the module boundary: the wiring between OS events, IPC and the
 * decision modules — links from a second launch, the quit guard, power-save, tray, notifications,
 * the display-media handler, the updater staying off in development.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { parse } from 'yaml';
import type { DesktopCallState } from '../../../../../common/ipc/desktop';

const fakes = vi.hoisted(() => {
  // biome-ignore lint/suspicious/noExplicitAny: a hand-rolled stand-in for Electron's modules.
  const { EventEmitter } = require('node:events') as any;
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    lockGranted: true,
    userData: '',
    requestSingleInstanceLock: () => app.lockGranted,
    quit: vi.fn(),
    getPath: () => app.userData,
    getName: () => 'Switchboard',
    getAppPath: () => '/nonexistent/app',
    setAsDefaultProtocolClient: vi.fn(() => true),
    removeAsDefaultProtocolClient: vi.fn(() => true),
    setBadgeCount: vi.fn(),
    setAppUserModelId: vi.fn(),
    dock: undefined,
  });
  // biome-ignore lint/suspicious/noExplicitAny: instances of the fake class below.
  const notifications: any[] = [];
  class Notification extends EventEmitter {
    static isSupported = () => true;
    shown = false;
    closed = false;
    constructor(public options: unknown) {
      super();
      notifications.push(this);
    }
    show() {
      this.shown = true;
    }
    close() {
      this.closed = true;
    }
  }
  const trays: Array<{
    image: string;
    tooltip: string;
    menu: unknown;
    balloons: unknown[];
  }> = [];
  class Tray extends EventEmitter {
    tooltip = '';
    menu: unknown = null;
    balloons: unknown[] = [];
    constructor(public image: string) {
      super();
      trays.push(this);
    }
    isDestroyed = () => false;
    setImage(image: string) {
      this.image = image;
    }
    setToolTip(tooltip: string) {
      this.tooltip = tooltip;
    }
    setContextMenu(menu: unknown) {
      this.menu = menu;
    }
    displayBalloon(options: unknown) {
      this.balloons.push(options);
    }
  }
  const powerSaveBlocker = {
    running: new Set<number>(),
    next: 1,
    start: vi.fn((): number => {
      const id = powerSaveBlocker.next++;
      powerSaveBlocker.running.add(id);
      return id;
    }),
    stop: vi.fn((id: number) => powerSaveBlocker.running.delete(id)),
    isStarted: (id: number) => powerSaveBlocker.running.has(id),
  };
  const dialog = { showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })) };
  const logger = {
    hooks: [] as unknown[],
    transports: {
      file: { resolvePathFn: () => '', maxSize: 0, archiveLogFn: () => {}, level: 'info' },
      console: { level: 'info' },
    },
    info: vi.fn(),
    warn: vi.fn(),
  };
  const autoUpdater = { touched: false };
  // Electron's own autoUpdater: electron-updater emits before-quit-for-update on it.
  const electronAutoUpdater = new EventEmitter();
  return {
    app,
    Notification,
    notifications,
    Tray,
    trays,
    powerSaveBlocker,
    dialog,
    logger,
    autoUpdater,
    electronAutoUpdater,
  };
});

vi.mock('electron', () => ({
  app: fakes.app,
  autoUpdater: fakes.electronAutoUpdater,
  Notification: fakes.Notification,
  Tray: fakes.Tray,
  powerSaveBlocker: fakes.powerSaveBlocker,
  dialog: fakes.dialog,
  desktopCapturer: {
    getSources: vi.fn(async () => [
      {
        id: 'screen:1:0',
        name: 'Entire screen',
        thumbnail: { isEmpty: () => false, toDataURL: () => 'data:image/png;base64,AA' },
      },
    ]),
  },
  Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: vi.fn() },
  shell: { openExternal: vi.fn(async () => {}), openPath: vi.fn(async () => '') },
  systemPreferences: { getMediaAccessStatus: () => 'granted' },
}));
vi.mock('electron-log/main', () => ({ default: fakes.logger }));
vi.mock('electron-updater', () => ({
  get autoUpdater() {
    fakes.autoUpdater.touched = true;
    return {};
  },
}));

const { installDesktopIntegration, prepareDesktopIntegration } = await import('../../../../../electron/main/desktop');
const { followConfiguredLanguage, setMainLanguage } = await import('../../../../../electron/main/strings/main-i18n');
const { AppConfigStore } = await import('../../../../../electron/main/config/app-config');
const electron = await import('electron');
const { APP_ID } = await import('../../../../../electron/main/app-identity');

class FakeWindow extends EventEmitter {
  webContents = new EventEmitter();
  focused = false;
  calls: string[] = [];
  isDestroyed = () => false;
  isMinimized = () => true;
  isFocused = () => this.focused;
  restore = () => this.calls.push('restore');
  show = () => this.calls.push('show');
  focus = () => this.calls.push('focus');
  flashFrame = (on: boolean) => this.calls.push(`flash:${on}`);
  close = () => this.calls.push('close');
  hide = () => this.calls.push('hide');
  fullScreen = false;
  isFullScreen = () => this.fullScreen;
  setFullScreen = (on: boolean) => {
    this.calls.push(`fullscreen:${on}`);
    this.fullScreen = on;
  };
}

function harness() {
  const emitted: Array<[string, unknown]> = [];
  // biome-ignore lint/suspicious/noExplicitAny: handlers are typed by the descriptor table in production.
  let handlers: Record<string, (...args: any[]) => any> = {};
  const window = new FakeWindow();
  const displayMedia: { handler?: (request: unknown, callback: (grant: unknown) => void) => void; options?: unknown } =
    {};
  const session = {
    setDisplayMediaRequestHandler: (handler: typeof displayMedia.handler, options: unknown) => {
      displayMedia.handler = handler;
      displayMedia.options = options;
    },
  };
  const signOut = vi.fn(async () => {});
  const early = prepareDesktopIntegration();
  if (!early) throw new Error('expected the lock');
  const desktop = installDesktopIntegration({
    early,
    getMainWindow: () => window as never,
    session: session as never,
    isTrustedOrigin: (origin) => origin === 'app://localhost',
    signOut,
  });
  // main.ts registers the desktop table as it registers every concern's: here a recording registrar.
  desktop.ipc.register(((_table: unknown, given: typeof handlers) => {
    handlers = given;
    return {
      emit: new Proxy({}, { get: (_target, name) => (payload: unknown) => emitted.push([String(name), payload]) }),
      dispose: () => {},
    };
  }) as never);
  const report = (state: Partial<DesktopCallState>) =>
    handlers.reportCallState?.(
      { agent: 'connected', callActive: false, callTitle: null, incoming: [], ...state },
      {
        senderId: 1,
      },
    );
  return { emitted, handlers, window, displayMedia, desktop, report, signOut };
}

let userData: string;
const originalArgv = process.argv;
beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'switchboard-glue-'));
  fakes.app.userData = userData;
  fakes.app.lockGranted = true;
  fakes.app.removeAllListeners();
  fakes.electronAutoUpdater.removeAllListeners();
  fakes.Notification.isSupported = () => true;
  fakes.app.quit.mockClear();
  fakes.notifications.length = 0;
  fakes.trays.length = 0;
  fakes.dialog.showMessageBox.mockClear();
  fakes.powerSaveBlocker.running.clear();
  fakes.powerSaveBlocker.start.mockClear();
  fakes.logger.hooks.length = 0;
});
afterEach(() => {
  // English is the default every other test here reads.
  setMainLanguage('en');
  process.argv = originalArgv;
  rmSync(userData, { recursive: true, force: true });
});

describe('before the app is ready', () => {
  test('a second instance hands over and quits; it must not create a window', () => {
    fakes.app.lockGranted = false;
    expect(prepareDesktopIntegration()).toBeNull();
    expect(fakes.app.quit).toHaveBeenCalledOnce();
    expect(fakes.app.listenerCount('second-instance')).toBe(0);
  });

  test('the log is redacted from the first line; development builds register no link scheme', () => {
    const early = prepareDesktopIntegration();
    expect(early).not.toBeNull();
    expect(fakes.logger.hooks).toHaveLength(1);
    expect(fakes.logger.transports.file.resolvePathFn()).toBe(join(userData, 'logs', 'main.log'));
    expect(fakes.app.setAsDefaultProtocolClient).not.toHaveBeenCalled();
  });
});

test('Windows: the AppUserModelID notifications need is the installer’s appId', () => {
  const platform = Object.getOwnPropertyDescriptor(process, 'platform');
  Object.defineProperty(process, 'platform', { value: 'win32' });
  try {
    prepareDesktopIntegration();
  } finally {
    if (platform) Object.defineProperty(process, 'platform', platform);
  }
  expect(fakes.app.setAppUserModelId).toHaveBeenCalledWith(APP_ID);
  const builder = parse(readFileSync(resolve(import.meta.dirname, '../../../../../electron-builder.yml'), 'utf8'));
  expect(builder.appId).toBe(APP_ID);
});

describe('call links', () => {
  test('a link on the first launch’s command line waits for the renderer', async () => {
    process.argv = ['/opt/Switchboard/switchboard', 'switchboard://call?to=%2B14255550100'];
    const { handlers, emitted } = harness();
    expect(emitted).toContainEqual(['onCallLinksPending', { count: 1 }]);
    const links = await handlers.takeCallLinks?.({ senderId: 1 });
    expect(links).toMatchObject([{ source: 'switchboard', target: '+14255550100' }]);
  });

  test('a second launch with a link focuses the window and announces the link; a malicious one is dropped', async () => {
    const { handlers, emitted, window } = harness();
    fakes.app.emit(
      'second-instance',
      {},
      ['/opt/Switchboard/switchboard', 'switchboard://call?to=%2B14255550100'],
      '/',
    );
    expect(window.calls).toEqual(expect.arrayContaining(['restore', 'show', 'focus']));
    expect(emitted).toContainEqual(['onCallLinksPending', { count: 1 }]);
    fakes.app.emit('second-instance', {}, ['x', 'switchboard://call?to=javascript%3Aalert(1)'], '/');
    expect(await handlers.takeCallLinks?.({ senderId: 1 })).toHaveLength(1);
    expect(fakes.logger.warn).toHaveBeenCalledWith(expect.stringContaining('call link refused (second launch)'));
  });

  test('macOS open-url is taken over from the OS (preventDefault) and queued', async () => {
    const { handlers } = harness();
    const event = { preventDefault: vi.fn() };
    fakes.app.emit('open-url', event, 'switchboard://call?to=8%3Aacs%3Aresource_user-0001');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(await handlers.takeCallLinks?.({ senderId: 1 })).toMatchObject([{ target: '8:acs:resource_user-0001' }]);
  });
});

describe('during a call', () => {
  test('display stays awake, tray says in call, quitting asks first and only proceeds on "Hang up and quit"', async () => {
    const { report, emitted } = harness();
    report({ callActive: true, callTitle: 'Ada' });
    expect(fakes.powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    expect(fakes.trays[0]?.image).toMatch(/tray-in-call\.png$/);
    expect(fakes.trays[0]?.tooltip).toBe('Switchboard — in a call with Ada');

    const quit = { preventDefault: vi.fn() };
    fakes.app.emit('before-quit', quit);
    expect(quit.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fakes.dialog.showMessageBox).toHaveBeenCalledOnce());
    expect(fakes.app.quit).not.toHaveBeenCalled(); // "Stay in the call"

    fakes.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    fakes.app.emit('before-quit', { preventDefault: vi.fn() });
    // "Hang up and quit": the renderer is asked to hang up cleanly; quit follows once it has.
    await vi.waitFor(() => expect(emitted).toContainEqual(['onHangUpRequest', { reason: 'quit' }]));
    expect(fakes.app.quit).not.toHaveBeenCalled();
    report({ callActive: false });
    await vi.waitFor(() => expect(fakes.app.quit).toHaveBeenCalledOnce());
    const confirmedQuit = { preventDefault: vi.fn() };
    fakes.app.emit('before-quit', confirmedQuit);
    expect(confirmedQuit.preventDefault).not.toHaveBeenCalled();
  });

  test('a second Quit while the question is open does not stack a second dialog', async () => {
    const { report } = harness();
    report({ callActive: true });
    let answer: (value: { response: number; checkboxChecked: boolean }) => void = () => {};
    fakes.dialog.showMessageBox.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    fakes.app.emit('before-quit', { preventDefault: vi.fn() });
    fakes.app.emit('before-quit', { preventDefault: vi.fn() });
    await vi.waitFor(() => expect(fakes.dialog.showMessageBox).toHaveBeenCalledOnce());
    answer({ response: 0, checkboxChecked: false });
    await vi.waitFor(() => expect(fakes.app.quit).not.toHaveBeenCalled());
  });

  test('with "keep running in the tray" off, closing the window during a call asks too; after the call it just closes', async () => {
    const { report, window, handlers } = harness();
    await handlers.setCallLinkSettings?.({ tel: false, callto: false, keepRunningInTray: false }, { senderId: 1 });
    report({ callActive: true });
    const close = { preventDefault: vi.fn() };
    window.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalled();
    report({ callActive: false });
    expect(fakes.powerSaveBlocker.running.size).toBe(0);
    const later = { preventDefault: vi.fn() };
    window.emit('close', later);
    expect(later.preventDefault).not.toHaveBeenCalled();
  });

  test('a renderer that does not answer the hang-up request does not block quitting', async () => {
    vi.useFakeTimers();
    try {
      const { report } = harness();
      report({ callActive: true });
      fakes.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
      fakes.app.emit('before-quit', { preventDefault: vi.fn() });
      await vi.advanceTimersByTimeAsync(2_999);
      expect(fakes.app.quit).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(fakes.app.quit).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });

  test('a reloaded renderer forgets its call: power-save off, quit no longer asks', () => {
    const { report, window } = harness();
    report({ callActive: true });
    window.webContents.emit('render-process-gone');
    expect(fakes.powerSaveBlocker.running.size).toBe(0);
    const quit = { preventDefault: vi.fn() };
    fakes.app.emit('before-quit', quit);
    expect(quit.preventDefault).not.toHaveBeenCalled();
  });
});

test('an incoming call in the background: notification (click focuses), flashing, badge; cleared when answered', () => {
  const { report, window } = harness();
  report({ incoming: [{ id: 'c1', callerDisplayName: 'Ada Lovelace' }] });
  expect(fakes.notifications).toHaveLength(1);
  expect(fakes.notifications[0]?.options).toMatchObject({ title: 'Incoming call', body: 'Ada Lovelace is calling' });
  expect(fakes.notifications[0]?.shown).toBe(true);
  expect(window.calls).toContain('flash:true');
  expect(fakes.app.setBadgeCount).toHaveBeenLastCalledWith(1);
  window.calls.length = 0;
  fakes.notifications[0]?.emit('click');
  expect(window.calls).toEqual(['restore', 'show', 'focus']);
  report({ callActive: true });
  expect(fakes.notifications[0]?.closed).toBe(true);
  expect(window.calls).toContain('flash:false');
  expect(fakes.app.setBadgeCount).toHaveBeenLastCalledWith(0);
});

/** A test body run as if on `value` (the glue reads `process.platform` when installed). */
const withPlatform = (value: NodeJS.Platform, run: () => Promise<void> | void) => async () => {
  const platform = Object.getOwnPropertyDescriptor(process, 'platform');
  Object.defineProperty(process, 'platform', { value });
  try {
    await run();
  } finally {
    if (platform) Object.defineProperty(process, 'platform', platform);
  }
};

describe('answering from the incoming call notification', () => {
  const ring = () => {
    const setup = harness();
    setup.report({ incoming: [{ id: 'c1', callerDisplayName: 'Ada Lovelace' }] });
    setup.window.calls.length = 0;
    return { ...setup, notification: fakes.notifications[0] };
  };

  test(
    'Windows: Accept and Decline buttons; Accept brings the window forward and answers, Decline only answers',
    withPlatform('win32', () => {
      const { notification, emitted, window } = ring();
      expect(notification?.options).toMatchObject({
        actions: [
          { type: 'button', text: 'Accept' },
          { type: 'button', text: 'Decline' },
        ],
      });
      notification?.emit('action', { actionIndex: 1, selectionIndex: -1 }, 1);
      expect(emitted).toContainEqual(['onIncomingCallAction', { callId: 'c1', action: 'decline' }]);
      expect(window.calls).toEqual([]);
      notification?.emit('action', { actionIndex: 0, selectionIndex: -1 }, 0);
      expect(emitted).toContainEqual(['onIncomingCallAction', { callId: 'c1', action: 'accept' }]);
      expect(window.calls).toEqual(['restore', 'show', 'focus']);
    }),
  );

  test(
    'macOS: the same buttons; an index outside them does nothing',
    withPlatform('darwin', () => {
      const { notification, emitted } = ring();
      expect(notification?.options).toMatchObject({ actions: [{ text: 'Accept' }, { text: 'Decline' }] });
      notification?.emit('action', { actionIndex: 7, selectionIndex: -1 }, 7);
      expect(emitted.filter(([name]) => name === 'onIncomingCallAction')).toEqual([]);
    }),
  );

  test(
    'Linux: no buttons (notification servers differ); a click focuses the window and the ringing card',
    withPlatform('linux', () => {
      const { notification, emitted, window } = ring();
      expect(notification?.options).toMatchObject({ actions: [] });
      notification?.emit('click');
      expect(window.calls).toEqual(['restore', 'show', 'focus']);
      expect(emitted).toContainEqual(['onIncomingCallAction', { callId: 'c1', action: 'show' }]);
    }),
  );
});

test('tray sign-out outside a call signs out at once', async () => {
  const { signOut } = harness();
  const menu = fakes.trays[0]?.menu as { template: Array<{ label?: string; click?: () => void }> };
  menu.template.find((item) => item.label === 'Sign out')?.click?.();
  await vi.waitFor(() => expect(signOut).toHaveBeenCalledOnce());
  expect(fakes.dialog.showMessageBox).not.toHaveBeenCalled();
});

test('display media: our picker is installed with the macOS system picker preferred; a foreign origin gets nothing', async () => {
  const { displayMedia } = harness();
  expect(displayMedia.options).toEqual({ useSystemPicker: true });
  const callback = vi.fn();
  displayMedia.handler?.({ securityOrigin: 'https://evil.example', videoRequested: true }, callback);
  await vi.waitFor(() => expect(callback).toHaveBeenCalledWith(null));
});

test('screen share end to end in main: our origin asks, the renderer is shown the sources, its choice is granted', async () => {
  const { displayMedia, emitted, handlers } = harness();
  const callback = vi.fn();
  displayMedia.handler?.({ securityOrigin: 'app://localhost', videoRequested: true }, callback);
  await vi.waitFor(() => expect(emitted.some(([name]) => name === 'onScreenSharePick')).toBe(true));
  const [, request] = emitted.find(([name]) => name === 'onScreenSharePick') as [
    string,
    { requestId: string; screenRecordingAccess: string },
  ];
  expect(request.screenRecordingAccess).toBe('granted');
  // The renderer proposes; the user confirms in main's own dialog ("Share").
  fakes.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
  expect(
    await handlers.chooseScreenShareSource?.({ requestId: request.requestId, sourceId: 'screen:1:0' }, { senderId: 1 }),
  ).toEqual({ ok: true });
  expect(callback).toHaveBeenCalledWith({ video: { id: 'screen:1:0', name: 'Entire screen' } });
  expect(fakes.dialog.showMessageBox).toHaveBeenCalledWith(
    expect.anything(),
    expect.objectContaining({ message: 'Share your screen?', defaultId: 0, cancelId: 0 }),
  );
});

test('opting in to tel: links is saved in userData and takes effect for the next link', async () => {
  const { handlers } = harness();
  fakes.app.emit('second-instance', {}, ['x', 'tel:+14255550100'], '/');
  expect(await handlers.takeCallLinks?.({ senderId: 1 })).toEqual([]);
  // Main asks natively before taking tel: links; the user agrees.
  fakes.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
  expect(
    await handlers.setCallLinkSettings?.({ tel: true, callto: false, keepRunningInTray: true }, { senderId: 1 }),
  ).toEqual({ tel: true, callto: false, keepRunningInTray: true });
  expect(JSON.parse(readFileSync(join(userData, 'desktop-settings.json'), 'utf8')).callLinks).toEqual({
    tel: true,
    callto: false,
  });
  fakes.app.emit('second-instance', {}, ['x', 'tel:+14255550100'], '/');
  expect(await handlers.takeCallLinks?.({ senderId: 1 })).toMatchObject([{ source: 'tel', target: '+14255550100' }]);
  // A restart reads the opt-in back before the first link is looked at.
  expect(prepareDesktopIntegration()?.settings.current.callLinks).toEqual({ tel: true, callto: false });
});

test('development build: updates are off and electron-updater is never touched', async () => {
  fakes.autoUpdater.touched = false;
  const { handlers } = harness();
  expect(await handlers.getUpdateState?.({ senderId: 1 })).toEqual({
    status: 'disabled',
    reason: 'Updates are off in development builds.',
  });
  expect(await handlers.restartToUpdate?.({ senderId: 1 })).toMatchObject({ ok: false, code: 'no-update' });
  expect(fakes.autoUpdater.touched).toBe(false);
});

test('privacy settings: only fixed panes, none on Linux', async () => {
  const platform = Object.getOwnPropertyDescriptor(process, 'platform');
  Object.defineProperty(process, 'platform', { value: 'linux' });
  try {
    const { handlers } = harness();
    expect(await handlers.openPrivacySettings?.('camera', { senderId: 1 })).toMatchObject({
      ok: false,
      code: 'unsupported',
    });
  } finally {
    if (platform) Object.defineProperty(process, 'platform', platform);
  }
});

describe('closing the window keeps Switchboard in the tray', () => {
  const close = (window: FakeWindow) => {
    const event = { preventDefault: vi.fn() };
    window.emit('close', event);
    return event.preventDefault.mock.calls.length > 0 ? 'kept' : 'closed';
  };

  test('Linux, signed in: the window hides, the user is told once (persisted), the notice and the tray bring it back', async () => {
    const { report, window, handlers } = harness();
    report({ agent: 'connected' });
    expect(close(window)).toBe('kept');
    expect(window.calls).toEqual(['hide']);
    expect(fakes.notifications).toHaveLength(1);
    expect(fakes.notifications[0]?.options).toMatchObject({ title: 'Switchboard is still running' });
    expect(fakes.notifications[0]?.shown).toBe(true);
    fakes.notifications[0]?.emit('click');
    expect(window.calls).toContain('show');
    // The write is asynchronous (atomic rename); on a loaded machine it can take longer than vi's default second.
    await vi.waitFor(
      () =>
        expect(JSON.parse(readFileSync(join(userData, 'desktop-settings.json'), 'utf8')).trayNoticeShown).toBe(true),
      { timeout: 15_000 },
    );
    // Once is enough: not again now, nor after a restart.
    expect(close(window)).toBe('kept');
    expect(fakes.notifications).toHaveLength(1);
    expect(prepareDesktopIntegration()?.settings.current.trayNoticeShown).toBe(true);
    window.calls.length = 0;
    (fakes.trays[0] as unknown as EventEmitter | undefined)?.emit('click');
    expect(window.calls).toContain('show');
    // The settings screen sees the setting (never the notice flag).
    expect(await handlers.getCallLinkSettings?.({ senderId: 1 })).toEqual({
      tel: false,
      callto: false,
      keepRunningInTray: true,
    });
  });

  test('during a call the window hides without asking: the call goes on in the tray', () => {
    const { report, window } = harness();
    report({ callActive: true });
    expect(close(window)).toBe('kept');
    expect(window.calls).toEqual(['hide']);
    expect(fakes.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(fakes.powerSaveBlocker.running.size).toBe(1);
  });

  test('a real quit (tray or menu Quit) closes the window instead of hiding it', () => {
    const { report, window } = harness();
    report({ agent: 'connected' });
    const quit = { preventDefault: vi.fn() };
    fakes.app.emit('before-quit', quit);
    expect(quit.preventDefault).not.toHaveBeenCalled();
    expect(close(window)).toBe('closed');
    expect(window.calls).not.toContain('hide');
  });

  test('a quit the quit guard stopped does not count as quitting: the window still hides', () => {
    const { report, window } = harness();
    report({ callActive: true });
    fakes.app.emit('before-quit', { preventDefault: vi.fn() });
    expect(close(window)).toBe('kept');
    expect(window.calls).toEqual(['hide']);
  });

  test('an update installing and Windows ending the session close the window for real', () => {
    const first = harness();
    first.report({ agent: 'connected' });
    fakes.electronAutoUpdater.emit('before-quit-for-update');
    expect(close(first.window)).toBe('closed');

    fakes.app.removeAllListeners();
    fakes.electronAutoUpdater.removeAllListeners();
    const second = harness();
    second.report({ agent: 'connected' });
    second.window.emit('session-end');
    expect(close(second.window)).toBe('closed');
  });

  test('signed out, or with the setting off, closing closes (and the app quits as before)', async () => {
    const { report, window, handlers } = harness();
    report({ agent: 'signed-out' });
    expect(close(window)).toBe('closed');
    report({ agent: 'connected' });
    await handlers.setCallLinkSettings?.({ tel: false, callto: false, keepRunningInTray: false }, { senderId: 1 });
    expect(close(window)).toBe('closed');
    expect(JSON.parse(readFileSync(join(userData, 'desktop-settings.json'), 'utf8')).keepRunningInTray).toBe(false);
    expect(fakes.notifications).toHaveLength(0);
  });

  test(
    'Windows without notification support: a tray balloon says it instead',
    withPlatform('win32', () => {
      fakes.Notification.isSupported = () => false;
      const { report, window } = harness();
      report({ agent: 'connected' });
      expect(close(window)).toBe('kept');
      expect(fakes.trays[0]?.balloons).toEqual([
        expect.objectContaining({ title: 'Switchboard is still running', iconType: 'info' }),
      ]);
    }),
  );

  test(
    'macOS: closing hides even signed out, leaves full screen first, says nothing; the dock icon brings it back',
    withPlatform('darwin', () => {
      const { window } = harness();
      window.fullScreen = true;
      expect(close(window)).toBe('kept');
      expect(window.calls).toEqual(['fullscreen:false']);
      window.emit('leave-full-screen');
      expect(window.calls).toEqual(['fullscreen:false', 'hide']);
      expect(fakes.notifications).toHaveLength(0);
      fakes.app.emit('activate');
      expect(window.calls).toContain('show');
    }),
  );
});

describe('a language chosen in Settings', () => {
  type Labelled = { label?: string; submenu?: Labelled[] };
  const labels = (items: Labelled[]): string[] =>
    items.flatMap((item) => [...(item.label ? [item.label] : []), ...labels(item.submenu ?? [])]);
  const templateOf = (menu: unknown) => (menu as { template?: Labelled[] } | undefined)?.template ?? [];
  const lastAppMenu = () => templateOf(vi.mocked(electron.Menu.setApplicationMenu).mock.calls.at(-1)?.[0]);
  const trayMenu = () => templateOf(fakes.trays[0]?.menu);

  test('re-says the tray and the app menu at once, and the next question and update notice are Dutch', async () => {
    const { report, handlers, emitted } = harness();
    const config = await AppConfigStore.open({
      argv: [],
      env: {},
      administratorFile: join(userData, 'no-admin.json'),
      userDataDir: userData,
      systemLanguages: ['en-GB'],
    });
    followConfiguredLanguage(config);
    report({ callActive: true, callTitle: 'Ada' });
    expect(fakes.trays[0]?.tooltip).toBe('Switchboard — in a call with Ada');
    expect(labels(trayMenu())).toContain('Quit Switchboard');
    expect(labels(lastAppMenu())).toEqual(expect.arrayContaining(['File', 'Edit', 'Copy', 'Open logs folder']));

    await config.update({ language: 'nl' });
    // No new call state: the language change alone rebuilt them.
    expect(fakes.trays[0]?.tooltip).toBe('Switchboard — in gesprek met Ada');
    expect(labels(trayMenu())).toEqual(['In gesprek', 'Switchboard weergeven', 'Afmelden', 'Switchboard afsluiten']);
    const menu = labels(lastAppMenu());
    expect(menu).toEqual(expect.arrayContaining(['Bestand', 'Bewerken', 'Kopiëren', 'Beeld', 'Venster', 'Help']));
    expect(menu).toContain('Map met logbestanden openen');
    expect(menu).not.toContain('Copy');
    // The disabled-updates notice on the settings screen follows too.
    expect(emitted).toContainEqual([
      'onUpdateState',
      { status: 'disabled', reason: 'Updates staan uit in ontwikkelversies.' },
    ]);
    expect(await handlers.getUpdateState?.({ senderId: 1 })).toMatchObject({
      reason: expect.stringMatching(/^Updates staan uit/),
    });

    fakes.app.emit('before-quit', { preventDefault: vi.fn() });
    await vi.waitFor(() => expect(fakes.dialog.showMessageBox).toHaveBeenCalledOnce());
    expect(fakes.dialog.showMessageBox.mock.calls[0]?.at(-1)).toMatchObject({
      message: 'Er is een gesprek bezig',
      detail: 'Als je afsluit, wordt het gesprek opgehangen.',
      buttons: ['In het gesprek blijven', 'Ophangen en afsluiten'],
    });

    // Back to following the OS (English here): back to English at once.
    await config.update({ language: null });
    expect(fakes.trays[0]?.tooltip).toBe('Switchboard — in a call with Ada');
    expect(labels(lastAppMenu())).toContain('Open logs folder');
  });
});
