/**
 * Which calls get a pre-join check (camera preview, mic and camera, devices, background) before
 * they start, and the user's "Don't show this again", remembered per kind of call in
 * localStorage like the sound and effect settings. Pure: the calling store decides with it.
 *
 * Meetings (a Teams meeting link, a room, a group call) get it whichever button placed them, as
 * Teams does: others will see and hear you as you join. A call to a person gets it when it is a
 * video call. An audio call to a person or a phone number starts at once: nothing to check that
 * the call screen's own mute button does not cover, and a PSTN call has no video at all.
 */
import type { CallTarget, PreJoinKind, PreJoinSettings } from './model';

export const PRE_JOIN_SETTINGS_KEY = 'switchboard.prejoin.v1';
export const PRE_JOIN_KINDS: readonly PreJoinKind[] = ['video-call', 'meeting'];
export const defaultPreJoinSettings: PreJoinSettings = { 'video-call': true, meeting: true };

type PreJoinStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The kind of pre-join check this call would get, or null when it starts without one. */
export function preJoinKindFor(target: CallTarget, video: boolean): PreJoinKind | null {
  switch (target.kind) {
    case 'group':
    case 'teams-meeting':
    case 'teams-meeting-id':
    case 'room':
      return 'meeting';
    case 'acs-user':
      return video ? 'video-call' : null;
    case 'phone':
      return null;
  }
}

export function readPreJoinSettings(storage: PreJoinStorage): PreJoinSettings {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(PRE_JOIN_SETTINGS_KEY) ?? '{}');
    const record = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    const settings = { ...defaultPreJoinSettings };
    for (const kind of PRE_JOIN_KINDS) {
      const shown = record[kind];
      if (typeof shown === 'boolean') settings[kind] = shown;
    }
    return settings;
  } catch {
    return { ...defaultPreJoinSettings }; // a corrupt entry only loses the setting: the check shows
  }
}

export function writePreJoinSettings(storage: PreJoinStorage, settings: PreJoinSettings): void {
  try {
    storage.setItem(PRE_JOIN_SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Storage full or disabled: the setting holds for this run only.
  }
}
