import { describe, expect, test, vi } from 'vitest';
import type { MediaAccessStatus } from '../../../../../common/ipc/desktop';
import {
  ensureMediaAccess,
  osAllowsMedia,
  privacySettingsUrl,
  type SystemPreferencesLike,
  screenRecordingAccess,
} from '../../../../../electron/main/desktop/media-access';

function prefs(statuses: Partial<Record<'camera' | 'microphone' | 'screen', MediaAccessStatus>>, answer = true) {
  const askForMediaAccess = vi.fn(async () => answer);
  const systemPreferences: SystemPreferencesLike = {
    getMediaAccessStatus: (kind) => statuses[kind] ?? 'granted',
    askForMediaAccess,
  };
  return { systemPreferences, askForMediaAccess };
}

describe('macOS camera and microphone', () => {
  test('asks before first use, one kind at a time, and reports the answer', async () => {
    const { systemPreferences, askForMediaAccess } = prefs({ camera: 'not-determined', microphone: 'not-determined' });
    const report = await ensureMediaAccess(
      { camera: true, microphone: true },
      { platform: 'darwin', systemPreferences },
    );
    expect(askForMediaAccess.mock.calls).toEqual([['microphone'], ['camera']]);
    expect(report).toEqual({ camera: 'granted', microphone: 'granted', canOpenSettings: true });
  });

  test('a refusal is reported as denied; an earlier denial is not asked again', async () => {
    const refused = prefs({ microphone: 'not-determined' }, false);
    expect(
      (await ensureMediaAccess({ camera: false, microphone: true }, { platform: 'darwin', ...refused })).microphone,
    ).toBe('denied');
    const denied = prefs({ camera: 'denied' });
    const report = await ensureMediaAccess({ camera: true, microphone: false }, { platform: 'darwin', ...denied });
    expect(report.camera).toBe('denied');
    expect(report.microphone).toBe('unknown');
    expect(denied.askForMediaAccess).not.toHaveBeenCalled();
  });

  test('the permission handler gate: grants only what the OS allows', async () => {
    const deps = { platform: 'darwin', ...prefs({ camera: 'denied', microphone: 'granted' }) };
    await expect(osAllowsMedia(['audio'], deps)).resolves.toBe(true);
    await expect(osAllowsMedia(['audio', 'video'], deps)).resolves.toBe(false);
  });

  test('each settings pane has a fixed URL; the renderer never supplies one', () => {
    expect(privacySettingsUrl('darwin', 'camera')).toBe(
      'x-apple.systempreferences:com.apple.preference.security?Privacy_Camera',
    );
    expect(privacySettingsUrl('darwin', 'microphone')).toMatch(/Privacy_Microphone$/);
    expect(privacySettingsUrl('darwin', 'screen-recording')).toMatch(/Privacy_ScreenCapture$/);
    expect(privacySettingsUrl('win32', 'camera')).toBe('ms-settings:privacy-webcam');
    expect(privacySettingsUrl('win32', 'screen-recording')).toBeNull();
    expect(privacySettingsUrl('linux', 'camera')).toBeNull();
  });
});

describe('other systems', () => {
  test('Windows reports its privacy switches but cannot ask', async () => {
    const deps = { platform: 'win32', ...prefs({ camera: 'denied', microphone: 'not-determined' }) };
    expect(await ensureMediaAccess({ camera: true, microphone: true }, deps)).toEqual({
      camera: 'denied',
      microphone: 'not-determined',
      canOpenSettings: true,
    });
    expect(deps.askForMediaAccess).not.toHaveBeenCalled();
  });

  test('Linux has no OS gate', async () => {
    const deps = { platform: 'linux', ...prefs({ camera: 'denied' }) };
    expect(await ensureMediaAccess({ camera: true, microphone: true }, deps)).toEqual({
      camera: 'granted',
      microphone: 'granted',
      canOpenSettings: false,
    });
  });

  test('screen recording: only macOS can be missing it', () => {
    expect(screenRecordingAccess({ platform: 'darwin', ...prefs({ screen: 'denied' }) })).toBe('denied');
    expect(screenRecordingAccess({ platform: 'darwin', ...prefs({ screen: 'restricted' }) })).toBe('denied');
    expect(screenRecordingAccess({ platform: 'darwin', ...prefs({ screen: 'not-determined' }) })).toBe(
      'not-determined',
    );
    expect(screenRecordingAccess({ platform: 'linux', ...prefs({ screen: 'denied' }) })).toBe('granted');
  });
});
