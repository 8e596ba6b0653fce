/**
 * Auto-update through electron-updater, on only where the policy allows (decisions:
 * update-policy.ts): never during a call unless the user chose "Restart to update". Electron glue only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import log from 'electron-log/main';
import { autoUpdater } from 'electron-updater';
import { onMainLanguageChange } from '../strings/main-i18n';
import type { DesktopContext, DesktopHandlers } from './desktop-context';
import type { QuitGuard } from './install-quit-guard';
import {
  decideUpdatePolicy,
  UpdateCoordinator,
  type UpdaterLike,
  type UpdateVerification,
  updateFeedConfigured,
  updateVerificationFrom,
} from './update-policy';

export function installUpdates(
  context: DesktopContext,
  quitGuard: QuitGuard,
): DesktopHandlers<'getUpdateState' | 'restartToUpdate'> {
  const updates = new UpdateCoordinator({
    updater: lazyUpdater(),
    policy: decideUpdatePolicy({
      isPackaged: app.isPackaged,
      updateVerification: readUpdateVerification(),
      feedConfigured: updateFeedConfigured(readTextOrNull(join(process.resourcesPath ?? '', 'app-update.yml'))),
      disabledByAdministrator: process.env.SWITCHBOARD_DISABLE_UPDATES === '1',
    }),
    isCallActive: () => context.calls.isCallActive(),
    publish: (state) => context.events.onUpdateState(state),
    log: (message) => log.warn(message),
  });
  context.calls.onChange(() => updates.callStateChanged());
  onMainLanguageChange(() => updates.languageChanged());
  updates.start();
  return {
    getUpdateState: () => updates.current,
    restartToUpdate: () => {
      const result = updates.restartToUpdate();
      if (result.ok) quitGuard.confirmDisruption();
      return result;
    },
  };
}

/** The release workflow sets `switchboard.updateVerification` in the packaged package.json (extraMetadata). */
function readUpdateVerification(): UpdateVerification {
  try {
    return updateVerificationFrom(JSON.parse(readFileSync(join(app.getAppPath(), 'package.json'), 'utf8')));
  } catch {
    return 'none';
  }
}

function readTextOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** electron-updater creates its updater on first access: touch it only when updates are on. */
function lazyUpdater(): UpdaterLike {
  let updater: UpdaterLike | null = null;
  const get = (): UpdaterLike => {
    if (!updater) {
      autoUpdater.logger = log;
      updater = autoUpdater as unknown as UpdaterLike;
    }
    return updater;
  };
  return {
    get autoDownload() {
      return get().autoDownload;
    },
    set autoDownload(value) {
      get().autoDownload = value;
    },
    get autoInstallOnAppQuit() {
      return get().autoInstallOnAppQuit;
    },
    set autoInstallOnAppQuit(value) {
      get().autoInstallOnAppQuit = value;
    },
    checkForUpdates: () => get().checkForUpdates(),
    quitAndInstall: (isSilent, isForceRunAfter) => get().quitAndInstall(isSilent, isForceRunAfter),
    on: ((event: string, listener: (...args: unknown[]) => void) =>
      (get().on as (e: string, l: (...args: unknown[]) => void) => unknown)(event, listener)) as UpdaterLike['on'],
  };
}
