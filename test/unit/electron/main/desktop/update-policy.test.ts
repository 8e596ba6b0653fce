import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { UpdateState } from '../../../../../common/ipc/desktop';
import {
  decideUpdatePolicy,
  UPDATE_CHECK_INTERVAL_MS,
  UpdateCoordinator,
  type UpdaterLike,
  updateFeedConfigured,
  updateVerificationFrom,
} from '../../../../../electron/main/desktop/update-policy';

const release = {
  isPackaged: true,
  updateVerification: 'code-signature' as const,
  feedConfigured: true,
  disabledByAdministrator: false,
};

describe('when updates are on', () => {
  test.each([
    [{ ...release, isPackaged: false }, 'development'],
    [{ ...release, updateVerification: 'none' as const }, 'unsigned'],
    [{ ...release, feedConfigured: false }, 'no-feed'],
    [{ ...release, disabledByAdministrator: true }, 'administrator'],
  ])('off: %j', (environment, reason) => {
    const policy = decideUpdatePolicy(environment);
    expect(policy.enabled).toBe(false);
    if (!policy.enabled) expect(policy.reason).toBe(reason);
  });

  test('a feed is configured only when app-update.yml names a provider', () => {
    expect(updateFeedConfigured(null)).toBe(false);
    expect(updateFeedConfigured('updaterCacheDirName: switchboard-updater\n')).toBe(false);
    expect(updateFeedConfigured('provider: github\nowner: o\nrepo: r\n')).toBe(true);
  });

  test('on for a signed, packaged release with a feed, and for a Linux release verified by its sha512', () => {
    expect(decideUpdatePolicy(release)).toEqual({ enabled: true });
    expect(decideUpdatePolicy({ ...release, updateVerification: 'release-sha512' })).toEqual({ enabled: true });
  });

  test.each([
    [{ switchboard: { updateVerification: 'code-signature' } }, 'code-signature'],
    [{ switchboard: { updateVerification: 'release-sha512' } }, 'release-sha512'],
    [{ switchboard: { updateVerification: 'none' } }, 'none'],
    // The old marker, a typo, or nothing at all: nothing verifies updates.
    [{ switchboard: { signedBuild: true } }, 'none'],
    [{ switchboard: { updateVerification: 'signed' } }, 'none'],
    [{}, 'none'],
    [null, 'none'],
  ])('the packaged marker %j reads as %s', (pkg, expected) => {
    expect(updateVerificationFrom(pkg)).toBe(expected);
  });
});

/** electron-updater's AppUpdater as far as the coordinator uses it: an EventEmitter with two methods. */
class FakeUpdater extends EventEmitter implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  checks = 0;
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  checkForUpdates = async () => {
    this.checks++;
    return null;
  };
  quitAndInstall = (isSilent?: boolean, isForceRunAfter?: boolean) => {
    this.installs.push([isSilent, isForceRunAfter]);
  };
}

describe('update coordinator', () => {
  let updater: FakeUpdater;
  let inCall: boolean;
  let published: UpdateState[];
  let coordinator: UpdateCoordinator;

  beforeEach(() => {
    vi.useFakeTimers();
    updater = new FakeUpdater();
    inCall = false;
    published = [];
    coordinator = new UpdateCoordinator({
      updater,
      policy: { enabled: true },
      isCallActive: () => inCall,
      publish: (state) => published.push(state),
      log: () => {},
    });
  });
  afterEach(() => {
    coordinator.stop();
    vi.useRealTimers();
  });

  test('checks at start and every four hours, downloading in the background', () => {
    coordinator.start();
    expect(updater.autoDownload).toBe(true);
    // As docs/security.md and docs/desktop.md say: quitting installs a downloaded update too.
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.checks).toBe(1);
    vi.advanceTimersByTime(UPDATE_CHECK_INTERVAL_MS - 1);
    expect(updater.checks).toBe(1);
    vi.advanceTimersByTime(1);
    expect(updater.checks).toBe(2);
  });

  test('a download finished during a call is offered only after the call, and restart is refused meanwhile', () => {
    coordinator.start();
    inCall = true;
    updater.emit('update-available', { version: '1.2.0' });
    updater.emit('download-progress', { percent: 50 });
    updater.emit('update-downloaded', { version: '1.2.0' });
    expect(coordinator.current).toEqual({ status: 'ready', version: '1.2.0', canRestartNow: false });
    expect(coordinator.restartToUpdate()).toMatchObject({ ok: false, code: 'call-active' });
    expect(updater.installs).toEqual([]);

    inCall = false;
    coordinator.callStateChanged();
    expect(coordinator.current).toEqual({ status: 'ready', version: '1.2.0', canRestartNow: true });
    expect(coordinator.restartToUpdate()).toEqual({ ok: true });
    expect(updater.installs).toEqual([[false, true]]);
    expect(published.map((s) => s.status)).toEqual(['downloading', 'downloading', 'ready', 'ready']);
  });

  test('a call starting after the offer withdraws "restart now"', () => {
    coordinator.start();
    updater.emit('update-downloaded', { version: '1.2.0' });
    expect(coordinator.current).toMatchObject({ canRestartNow: true });
    inCall = true;
    coordinator.callStateChanged();
    expect(coordinator.current).toMatchObject({ status: 'ready', canRestartNow: false });
    expect(coordinator.restartToUpdate()).toMatchObject({ ok: false });
  });

  test('no restart before anything was downloaded; errors are logged, not shown', () => {
    const logged: string[] = [];
    const quiet = new UpdateCoordinator({
      updater,
      policy: { enabled: true },
      isCallActive: () => false,
      publish: (state) => published.push(state),
      log: (message) => logged.push(message),
    });
    quiet.start();
    updater.emit('checking-for-update');
    updater.emit('error', new Error('net::ERR_INTERNET_DISCONNECTED'));
    expect(quiet.current).toEqual({ status: 'idle' });
    expect(logged).toEqual(['update check failed: net::ERR_INTERNET_DISCONNECTED']);
    expect(quiet.restartToUpdate()).toMatchObject({ ok: false, code: 'no-update' });
    quiet.stop();
  });

  test('disabled: never touches the updater and says why', () => {
    const untouched = new FakeUpdater();
    const off = new UpdateCoordinator({
      updater: untouched,
      policy: { enabled: false, reason: 'development' },
      isCallActive: () => false,
      publish: () => {},
      log: () => {},
    });
    off.start();
    vi.advanceTimersByTime(UPDATE_CHECK_INTERVAL_MS * 3);
    expect(untouched.checks).toBe(0);
    expect(untouched.listenerCount('update-downloaded')).toBe(0);
    expect(off.current).toEqual({ status: 'disabled', reason: 'Updates are off in development builds.' });
  });
});
