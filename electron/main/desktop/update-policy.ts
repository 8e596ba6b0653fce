/**
 * Auto-update rules. Updates are off in development, in builds whose updates nothing could verify
 * and when no update feed was packaged; otherwise Switchboard checks at start and every few hours,
 * downloads in the background, and offers "restart to update" only when no call is active. It
 * never restarts during a call: the offer waits, and a restart request during a call is refused.
 * A downloaded update also installs when the user quits (the quit guard asks about a call first).
 */
import type { UpdateState } from '../../../common/ipc/desktop';
import { updateWords } from '../strings/desktop';

export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

/**
 * What verifies a downloaded update, as the release workflow recorded it in the packaged
 * package.json (`switchboard.updateVerification`):
 * - `code-signature`: Windows and macOS builds signed with the release certificate. electron-updater
 *   (Windows) and Squirrel.Mac check that the new version carries the same publisher signature.
 * - `release-sha512`: Linux builds, which carry no OS signature. electron-updater downloads
 *   `latest-linux.yml` over HTTPS from the GitHub release and checks the package's sha512
 *   against it: the update is as trustworthy as the release itself and TLS, no more.
 * - `none`: anything else (a local or unsigned build). Updates stay off.
 */
export type UpdateVerification = 'code-signature' | 'release-sha512' | 'none';

/** Reads the marker from the packaged package.json (already parsed); anything unexpected is `none`. */
export function updateVerificationFrom(packageJson: unknown): UpdateVerification {
  const marker = (packageJson as { switchboard?: { updateVerification?: unknown } } | null)?.switchboard
    ?.updateVerification;
  return marker === 'code-signature' || marker === 'release-sha512' ? marker : 'none';
}

export interface UpdateEnvironment {
  /** `app.isPackaged`: false when running `electron .` from a checkout. */
  readonly isPackaged: boolean;
  /** How this build's updates are verified (set by the release workflow). */
  readonly updateVerification: UpdateVerification;
  /** `app-update.yml` exists in the resources folder (electron-builder writes it from `publish`). */
  readonly feedConfigured: boolean;
  /** An administrator's opt-out: SWITCHBOARD_DISABLE_UPDATES=1. */
  readonly disabledByAdministrator: boolean;
}

/** Why updates are off; put in words when shown, in the language in force then. */
export type UpdatesOffReason = 'development' | 'administrator' | 'unsigned' | 'no-feed';

export type UpdatePolicy = { readonly enabled: true } | { readonly enabled: false; readonly reason: UpdatesOffReason };

export function decideUpdatePolicy(environment: UpdateEnvironment): UpdatePolicy {
  if (!environment.isPackaged) return { enabled: false, reason: 'development' };
  if (environment.disabledByAdministrator) return { enabled: false, reason: 'administrator' };
  if (environment.updateVerification === 'none') return { enabled: false, reason: 'unsigned' };
  if (!environment.feedConfigured) return { enabled: false, reason: 'no-feed' };
  return { enabled: true };
}

export function updatesOffSentence(reason: UpdatesOffReason): string {
  switch (reason) {
    case 'development':
      return updateWords.offInDevelopment();
    case 'administrator':
      return updateWords.offByAdministrator();
    case 'unsigned':
      return updateWords.offUnsigned();
    case 'no-feed':
      return updateWords.noFeed();
  }
}

/**
 * Whether the packaged app-update.yml (null: absent) names a feed. electron-builder writes the file
 * even when it could not resolve `publish` (a local build with no GitHub remote): then it names no
 * provider and the updater could not work.
 */
export function updateFeedConfigured(appUpdateYml: string | null): boolean {
  return appUpdateYml !== null && /^provider:\s*\S+/m.test(appUpdateYml);
}

/** The part of electron-updater's `AppUpdater` used here (events as electron-updater names them). */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'checking-for-update' | 'update-not-available', listener: () => void): unknown;
  on(event: 'update-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateCoordinatorOptions {
  readonly updater: UpdaterLike;
  readonly policy: UpdatePolicy;
  readonly isCallActive: () => boolean;
  /** Tells the renderer; called on every change. */
  readonly publish: (state: UpdateState) => void;
  readonly log: (message: string) => void;
  readonly intervalMs?: number;
}

export class UpdateCoordinator {
  private state: UpdateState;
  private timer: ReturnType<typeof setInterval> | null = null;
  private downloadedVersion: string | null = null;

  constructor(private readonly options: UpdateCoordinatorOptions) {
    const { policy } = options;
    this.state = policy.enabled
      ? { status: 'idle' }
      : { status: 'disabled', reason: updatesOffSentence(policy.reason) };
  }

  /** The language changed: a "disabled" state on screen is said again in the new one. */
  languageChanged(): void {
    const { policy } = this.options;
    if (!policy.enabled) this.set({ status: 'disabled', reason: updatesOffSentence(policy.reason) });
  }

  get current(): UpdateState {
    return this.state;
  }

  /** Wires the updater's events, checks now, then every interval. Does nothing when disabled. */
  start(): void {
    if (!this.options.policy.enabled || this.timer) return;
    const { updater } = this.options;
    updater.autoDownload = true;
    // Installing when the user quits is not a restart: the quit guard already asked about calls.
    updater.autoInstallOnAppQuit = true;
    updater.on('checking-for-update', () => {
      if (this.downloadedVersion === null) this.set({ status: 'checking' });
    });
    updater.on('update-not-available', () => {
      if (this.downloadedVersion === null) this.set({ status: 'idle' });
    });
    updater.on('update-available', (info) => this.set({ status: 'downloading', version: info.version, percent: 0 }));
    updater.on('download-progress', (progress) => {
      if (this.state.status === 'downloading') {
        this.set({ ...this.state, percent: Math.max(0, Math.min(100, progress.percent)) });
      }
    });
    updater.on('update-downloaded', (info) => {
      this.downloadedVersion = info.version;
      this.offer();
    });
    updater.on('error', (error) => {
      // Offline or a feed hiccup: not the user's problem; the next check tries again.
      this.options.log(`update check failed: ${error.message}`);
      if (this.downloadedVersion === null) this.set({ status: 'idle' });
    });
    this.check();
    this.timer = setInterval(() => this.check(), this.options.intervalMs ?? UPDATE_CHECK_INTERVAL_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Call whenever the call state changes: an offer held back during a call appears when it ends. */
  callStateChanged(): void {
    if (this.downloadedVersion !== null) this.offer();
  }

  /** The renderer's "Restart to update". Refused during a call, and when nothing was downloaded. */
  restartToUpdate(): { ok: true } | { ok: false; code: string; message: string } {
    if (this.downloadedVersion === null) {
      return { ok: false, code: 'no-update', message: updateWords.noneDownloaded() };
    }
    if (this.options.isCallActive()) {
      return { ok: false, code: 'call-active', message: updateWords.notDuringCall() };
    }
    this.stop();
    this.options.updater.quitAndInstall(false, true);
    return { ok: true };
  }

  private check(): void {
    // A download already waiting needs no new check until the user restarts.
    if (this.downloadedVersion !== null) return;
    this.options.updater.checkForUpdates().catch((error: unknown) => {
      this.options.log(`update check failed: ${(error as Error)?.message ?? String(error)}`);
    });
  }

  private offer(): void {
    if (this.downloadedVersion === null) return;
    this.set({ status: 'ready', version: this.downloadedVersion, canRestartNow: !this.options.isCallActive() });
  }

  private set(next: UpdateState): void {
    if (JSON.stringify(next) === JSON.stringify(this.state)) return;
    this.state = next;
    this.options.publish(next);
  }
}
