/**
 * Camera and microphone access at the OS level. macOS gates both per app (TCC): Switchboard asks
 * with `systemPreferences.askForMediaAccess` before first use, and when the user said no it can
 * only point them at the right System Settings pane. Windows has per-app privacy switches it can
 * read but not ask for. Linux has no such gate (Chromium's permission handler is the only one).
 */
import type {
  MediaAccessReport,
  MediaAccessRequest,
  MediaAccessStatus,
  MediaKind,
  ScreenRecordingAccess,
  SettingsPane,
} from '../../../common/ipc/desktop';

/** The part of Electron's `systemPreferences` used here. */
export interface SystemPreferencesLike {
  getMediaAccessStatus(kind: 'camera' | 'microphone' | 'screen'): MediaAccessStatus;
  /** macOS only. */
  askForMediaAccess?(kind: 'camera' | 'microphone'): Promise<boolean>;
}

export type Platform = 'darwin' | 'win32' | 'linux' | (string & {});

const MAC_PRIVACY = 'x-apple.systempreferences:com.apple.preference.security';

/** Fixed settings URLs: the renderer names a pane, never a URL. */
export function privacySettingsUrl(platform: Platform, pane: SettingsPane): string | null {
  if (platform === 'darwin') {
    return {
      camera: `${MAC_PRIVACY}?Privacy_Camera`,
      microphone: `${MAC_PRIVACY}?Privacy_Microphone`,
      'screen-recording': `${MAC_PRIVACY}?Privacy_ScreenCapture`,
    }[pane];
  }
  if (platform === 'win32') {
    return {
      camera: 'ms-settings:privacy-webcam',
      microphone: 'ms-settings:privacy-microphone',
      'screen-recording': null,
    }[pane];
  }
  return null;
}

export interface MediaAccessDeps {
  readonly platform: Platform;
  readonly systemPreferences: SystemPreferencesLike;
}

/** One kind: read the OS status; on macOS ask when it was never asked. */
export async function ensureMediaKind(kind: MediaKind, deps: MediaAccessDeps): Promise<MediaAccessStatus> {
  if (deps.platform !== 'darwin' && deps.platform !== 'win32') return 'granted';
  const status = deps.systemPreferences.getMediaAccessStatus(kind);
  if (deps.platform === 'darwin' && status === 'not-determined' && deps.systemPreferences.askForMediaAccess) {
    return (await deps.systemPreferences.askForMediaAccess(kind)) ? 'granted' : 'denied';
  }
  return status;
}

export async function ensureMediaAccess(
  request: MediaAccessRequest,
  deps: MediaAccessDeps,
): Promise<MediaAccessReport> {
  // One at a time: macOS shows one prompt per kind, and two at once stack confusingly.
  const microphone = request.microphone ? await ensureMediaKind('microphone', deps) : 'unknown';
  const camera = request.camera ? await ensureMediaKind('camera', deps) : 'unknown';
  return { camera, microphone, canOpenSettings: privacySettingsUrl(deps.platform, 'camera') !== null };
}

/**
 * For a session permission request handler: may the page have `mediaTypes` now? Asks the OS first
 * where it needs asking, so the TCC prompt comes from a user action, before the first getUserMedia.
 */
export async function osAllowsMedia(
  mediaTypes: ReadonlyArray<'audio' | 'video' | (string & {})>,
  deps: MediaAccessDeps,
): Promise<boolean> {
  const report = await ensureMediaAccess(
    { microphone: mediaTypes.includes('audio'), camera: mediaTypes.includes('video') },
    deps,
  );
  const okay = (status: MediaAccessStatus) => status === 'granted' || status === 'unknown';
  return okay(report.microphone) && okay(report.camera);
}

export function screenRecordingAccess(deps: MediaAccessDeps): ScreenRecordingAccess {
  if (deps.platform !== 'darwin') return 'granted';
  const status = deps.systemPreferences.getMediaAccessStatus('screen');
  if (status === 'granted') return 'granted';
  return status === 'not-determined' ? 'not-determined' : 'denied';
}
