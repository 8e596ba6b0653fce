/**
 * What closing the window does (electron/main/desktop/window-close.ts): hide to the tray while
 * signed in on Windows/Linux, hide on macOS, close for real while quitting — and the one-time
 * notice that Switchboard keeps running.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  decideWindowClose,
  trayNoticeChannel,
  trayNoticeText,
  type WindowCloseFacts,
} from '../../../../../electron/main/desktop/window-close';

const signedInOnWindows: WindowCloseFacts = {
  platform: 'win32',
  quitting: false,
  keepRunningInTray: true,
  signedIn: true,
  trayAvailable: true,
  callActive: false,
  disruptionConfirmed: false,
};

describe('closing the window', () => {
  test('Windows and Linux, signed in: hides to the tray, during a call too (the call goes on)', () => {
    for (const platform of ['win32', 'linux'] as const) {
      expect(decideWindowClose({ ...signedInOnWindows, platform })).toBe('hide');
      expect(decideWindowClose({ ...signedInOnWindows, platform, callActive: true })).toBe('hide');
    }
  });

  test('Windows and Linux: signed out, setting off or no tray → a real close (which asks during a call)', () => {
    for (const change of [{ signedIn: false }, { keepRunningInTray: false }, { trayAvailable: false }]) {
      expect(decideWindowClose({ ...signedInOnWindows, platform: 'linux', ...change })).toBe('close');
      expect(decideWindowClose({ ...signedInOnWindows, ...change, callActive: true })).toBe('ask');
      expect(decideWindowClose({ ...signedInOnWindows, ...change, callActive: true, disruptionConfirmed: true })).toBe(
        'close',
      );
    }
  });

  test('macOS: hides whatever the setting, sign-in or tray; the dock brings it back', () => {
    expect(
      decideWindowClose({
        ...signedInOnWindows,
        platform: 'darwin',
        keepRunningInTray: false,
        signedIn: false,
        trayAvailable: false,
      }),
    ).toBe('hide');
  });

  test('a real quit always closes: the quit guard has asked about any call already', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<NodeJS.Platform>('win32', 'linux', 'darwin'),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (platform, keepRunningInTray, signedIn, trayAvailable, callActive, disruptionConfirmed) =>
          decideWindowClose({
            platform,
            quitting: true,
            keepRunningInTray,
            signedIn,
            trayAvailable,
            callActive,
            disruptionConfirmed,
          }) === 'close',
      ),
    );
  });

  test('never closes for real during an unconfirmed call unless quitting', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<NodeJS.Platform>('win32', 'linux', 'darwin'),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (platform, keepRunningInTray, signedIn, trayAvailable) =>
          decideWindowClose({
            platform,
            quitting: false,
            keepRunningInTray,
            signedIn,
            trayAvailable,
            callActive: true,
            disruptionConfirmed: false,
          }) !== 'close',
      ),
    );
  });
});

describe('the one-time notice', () => {
  const facts = { platform: 'win32' as const, noticeShown: false, notificationsSupported: true, trayAvailable: true };

  test('a notification the first time; nothing once shown', () => {
    expect(trayNoticeChannel(facts)).toBe('notification');
    expect(trayNoticeChannel({ ...facts, noticeShown: true })).toBeNull();
  });

  test('Windows without notifications falls back to a tray balloon; Linux without a daemon stays silent', () => {
    expect(trayNoticeChannel({ ...facts, notificationsSupported: false })).toBe('balloon');
    expect(trayNoticeChannel({ ...facts, notificationsSupported: false, trayAvailable: false })).toBeNull();
    expect(trayNoticeChannel({ ...facts, platform: 'linux', notificationsSupported: false })).toBeNull();
    expect(trayNoticeChannel({ ...facts, platform: 'linux' })).toBe('notification');
  });

  test('macOS: no notice, a closed window leaving the app running is what Mac users expect', () => {
    expect(trayNoticeChannel({ ...facts, platform: 'darwin' })).toBeNull();
  });

  test('the words say it keeps running for calls and how to quit', () => {
    const { title, body } = trayNoticeText('Switchboard');
    expect(title).toBe('Switchboard is still running');
    expect(body).toContain('receive calls');
    expect(body).toContain('Quit Switchboard');
  });
});
