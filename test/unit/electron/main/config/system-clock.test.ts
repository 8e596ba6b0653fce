/**
 * Main reads how the OS writes times; `electron` is mocked at the module boundary with the OS's
 * answers, and the config main pushes carries them to the renderer.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';

const os = vi.hoisted(() => ({
  systemLocale: 'en-US',
  preferred: ['en-US'] as string[],
  defaults: {} as Record<string, boolean>,
  asked: [] as Array<[string, string]>,
}));

vi.mock('electron', () => ({
  app: {
    getSystemLocale: () => os.systemLocale,
    getPreferredSystemLanguages: () => os.preferred,
  },
  systemPreferences: {
    getUserDefault: (key: string, type: string) => {
      os.asked.push([key, type]);
      return os.defaults[key] ?? false;
    },
  },
}));

const { readSystemClock, toLocaleTag } = await import('../../../../../electron/main/config/system-clock');
const { AppConfigStore } = await import('../../../../../electron/main/config/app-config');

beforeEach(() => {
  os.systemLocale = 'en-US';
  os.preferred = ['en-US'];
  os.defaults = {};
  os.asked = [];
});

test('macOS: the "24-hour time" switch wins over the region’s 12-hour default', () => {
  os.defaults = { AppleICUForce24HourTime: true };
  expect(readSystemClock('darwin', {})).toEqual({ locale: 'en-US', hourCycle: 'h23' });
  expect(os.asked).toContainEqual(['AppleICUForce24HourTime', 'boolean']);
});

test('macOS: a forced 12-hour clock, and no override at all', () => {
  os.systemLocale = 'en-GB';
  os.defaults = { AppleICUForce12HourTime: true };
  expect(readSystemClock('darwin', {})).toEqual({ locale: 'en-GB', hourCycle: 'h12' });
  os.defaults = {};
  expect(readSystemClock('darwin', {})).toEqual({ locale: 'en-GB', hourCycle: null });
});

test('Windows: the regional format locale, and no macOS preference is read', () => {
  os.systemLocale = 'de-DE';
  expect(readSystemClock('win32', {})).toEqual({ locale: 'de-DE', hourCycle: null });
  expect(os.asked).toEqual([]);
});

test('Linux: LC_ALL, then LC_TIME, then LANG decide how times are written', () => {
  expect(readSystemClock('linux', { LC_TIME: 'en_GB.UTF-8', LANG: 'en_US.UTF-8' }).locale).toBe('en-GB');
  expect(readSystemClock('linux', { LC_ALL: 'fr_FR.UTF-8', LC_TIME: 'en_GB.UTF-8' }).locale).toBe('fr-FR');
  // "C" names no locale: Electron's answer stands.
  os.systemLocale = 'nl-NL';
  expect(readSystemClock('linux', { LANG: 'C' }).locale).toBe('nl-NL');
});

test('no usable system locale: the first preferred language; none at all: null', () => {
  os.systemLocale = '';
  os.preferred = ['pt-BR', 'en-US'];
  expect(readSystemClock('win32', {}).locale).toBe('pt-BR');
  os.preferred = [];
  expect(readSystemClock('win32', {})).toEqual({ locale: null, hourCycle: null });
});

test('locale tags: POSIX names become BCP 47, garbage becomes null', () => {
  expect(toLocaleTag('en_GB.UTF-8')).toBe('en-GB');
  expect(toLocaleTag('sr_RS@latin')).toBe('sr-RS');
  expect(toLocaleTag('POSIX')).toBeNull();
  expect(toLocaleTag('not a locale!')).toBeNull();
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-clock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('the config main pushes carries the clock', async () => {
  os.systemLocale = 'en-GB';
  const config = await AppConfigStore.open({
    argv: [],
    env: {},
    administratorFile: join(dir, 'admin.json'),
    userDataDir: dir,
    clock: readSystemClock('win32', {}),
  });
  expect(config.snapshot().clock).toEqual({ locale: 'en-GB', hourCycle: null });
});
