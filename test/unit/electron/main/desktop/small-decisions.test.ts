import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { appMenuTemplate } from '../../../../../electron/main/desktop/app-menu';
import {
  DEFAULT_CALL_LINK_SETTINGS,
  DEFAULT_DESKTOP_SETTINGS,
  DesktopSettingsStore,
  parseDesktopSettings,
} from '../../../../../electron/main/desktop/desktop-settings';
import { applyLinkSchemeRegistration, linkOptionsFrom } from '../../../../../electron/main/desktop/link-schemes';
import { CallPowerSaveGuard, type PowerSaveBlockerLike } from '../../../../../electron/main/desktop/power-save';
import { confirmationFor, decideQuit } from '../../../../../electron/main/desktop/quit-guard';

describe('power-save', () => {
  test('the display stays awake exactly while a call is active', () => {
    const started = new Set<number>();
    let next = 1;
    const blocker: PowerSaveBlockerLike = {
      start: vi.fn(() => {
        started.add(next);
        return next++;
      }),
      stop: vi.fn((id: number) => started.delete(id)),
      isStarted: (id) => started.has(id),
    };
    const guard = new CallPowerSaveGuard(blocker);
    guard.update(false);
    expect(blocker.start).not.toHaveBeenCalled();
    guard.update(true);
    guard.update(true);
    expect(blocker.start).toHaveBeenCalledOnce();
    expect(blocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    expect(started.size).toBe(1);
    guard.update(false);
    expect(started.size).toBe(0);
    expect(guard.active).toBe(false);
  });
});

describe('quit guard', () => {
  test('asks only during a call, and only until the user confirmed', () => {
    expect(decideQuit({ callActive: false, confirmed: false })).toBe('proceed');
    expect(decideQuit({ callActive: true, confirmed: false })).toBe('ask');
    expect(decideQuit({ callActive: true, confirmed: true })).toBe('proceed');
  });

  test('the safe choice is the first button', () => {
    expect(confirmationFor('quit')).toEqual({
      message: 'A call is in progress',
      detail: 'Quitting will hang up the call.',
      buttons: ['Stay in the call', 'Hang up and quit'],
    });
    expect(confirmationFor('sign-out').buttons[1]).toBe('Hang up and sign out');
    expect(confirmationFor('close-window').detail).toBe('Closing Switchboard will hang up the call.');
  });
});

describe('link scheme registration', () => {
  const fakeApp = () => ({
    setAsDefaultProtocolClient: vi.fn((scheme: string) => scheme !== 'callto'),
    removeAsDefaultProtocolClient: vi.fn(() => true),
  });

  test('packaged: switchboard always, tel/callto only when opted in (and removed when opted out)', () => {
    const app = fakeApp();
    expect(applyLinkSchemeRegistration(app, { tel: true, callto: true }, { isPackaged: true })).toEqual({
      registered: ['switchboard', 'tel'],
      failed: ['callto'],
    });
    const off = fakeApp();
    applyLinkSchemeRegistration(off, DEFAULT_CALL_LINK_SETTINGS, { isPackaged: true });
    expect(off.setAsDefaultProtocolClient.mock.calls).toEqual([['switchboard']]);
    expect(off.removeAsDefaultProtocolClient.mock.calls).toEqual([['tel'], ['callto']]);
  });

  test('development builds never take the schemes from an installed Switchboard', () => {
    const app = fakeApp();
    applyLinkSchemeRegistration(app, { tel: true, callto: true }, { isPackaged: false });
    expect(app.setAsDefaultProtocolClient).not.toHaveBeenCalled();
    expect(app.removeAsDefaultProtocolClient).not.toHaveBeenCalled();
  });

  test('the opt-in maps to the parser options', () => {
    expect([...linkOptionsFrom({ tel: true, callto: false }).enabledSchemes]).toEqual(['tel']);
  });

  describe('the settings file', () => {
    let directory: string;
    afterEach(() => rmSync(directory, { recursive: true, force: true }));

    test('round-trips; missing, corrupt or foreign content means the defaults (links off, tray on)', async () => {
      directory = mkdtempSync(join(tmpdir(), 'switchboard-desktop-'));
      const file = join(directory, 'desktop-settings.json');
      const store = DesktopSettingsStore.openSync(file);
      expect(store.current).toEqual(DEFAULT_DESKTOP_SETTINGS);
      expect(store.current).toMatchObject({ callLinks: DEFAULT_CALL_LINK_SETTINGS, keepRunningInTray: true });
      await store.update({ callLinks: { tel: true, callto: false } });
      await store.update({ trayNoticeShown: true });
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
        version: 1,
        callLinks: { tel: true, callto: false },
        keepRunningInTray: true,
        trayNoticeShown: true,
      });
      expect(DesktopSettingsStore.openSync(file).current).toEqual(store.current);
      // A damaged part falls back alone; the others survive.
      writeFileSync(file, '{"callLinks":{"tel":"yes"},"keepRunningInTray":false}');
      expect(DesktopSettingsStore.openSync(file).current).toEqual({
        callLinks: DEFAULT_CALL_LINK_SETTINGS,
        keepRunningInTray: false,
        trayNoticeShown: false,
      });
      // A file written before the tray setting existed keeps its opt-in and gets the tray default.
      expect(parseDesktopSettings('{"version":1,"callLinks":{"tel":false,"callto":true}}')).toEqual({
        callLinks: { tel: false, callto: true },
        keepRunningInTray: true,
        trayNoticeShown: false,
      });
      writeFileSync(file, '{not json');
      expect(DesktopSettingsStore.openSync(file).current).toEqual(DEFAULT_DESKTOP_SETTINGS);
      expect(parseDesktopSettings('[1]')).toEqual(DEFAULT_DESKTOP_SETTINGS);
    });

    test('a failed write changes nothing and says so; the next write still runs', async () => {
      directory = mkdtempSync(join(tmpdir(), 'switchboard-desktop-'));
      const file = join(directory, 'desktop-settings.json');
      const fs = await import('node:fs/promises');
      let refuse = true;
      const store = DesktopSettingsStore.openSync(file, {
        ...fs,
        open: (async (...args: Parameters<typeof fs.open>) => {
          if (refuse) throw new Error('disk full');
          return fs.open(...args);
        }) as typeof fs.open,
      });
      await expect(store.update({ keepRunningInTray: false })).rejects.toThrow('disk full');
      expect(store.current.keepRunningInTray).toBe(true);
      refuse = false;
      await store.update({ keepRunningInTray: false });
      expect(store.current.keepRunningInTray).toBe(false);
      expect(JSON.parse(readFileSync(file, 'utf8')).keepRunningInTray).toBe(false);
    });
  });
});

describe('application menu', () => {
  test('Help → Open logs folder on every platform; developer tools only in development', () => {
    const openLogsFolder = vi.fn();
    for (const platform of ['darwin', 'win32', 'linux']) {
      const release = appMenuTemplate({ platform, appName: 'Switchboard', isPackaged: true }, { openLogsFolder });
      const help = release.find((menu) => menu.label === 'Help');
      const item = help?.submenu?.find((entry) => entry.label === 'Open logs folder');
      item?.click?.();
      expect(JSON.stringify(release)).not.toContain('toggleDevTools');
      expect(release.some((menu) => menu.role === 'appMenu')).toBe(platform === 'darwin');
    }
    expect(openLogsFolder).toHaveBeenCalledTimes(3);
    const development = appMenuTemplate(
      { platform: 'linux', appName: 'Switchboard', isPackaged: false },
      { openLogsFolder },
    );
    expect(JSON.stringify(development)).toContain('toggleDevTools');
  });
});
