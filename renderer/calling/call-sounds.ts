/**
 * Calling sounds, decided from the calling state alone: the ringtone while a call rings in,
 * ringback while an outgoing call rings at the other end, and a busy or call-ended tone when a
 * call ends. Each plays on the selected speaker (`HTMLMediaElement.setSinkId`). The sounds are
 * small WAV files the project generates (scripts/make-call-assets.ts) and Vite serves from
 * renderer/public: fetched when first played, never part of the script bundle.
 *
 * The window keeps running while hidden in the tray (Electron's default autoplay policy needs
 * no user gesture, and audio is not throttled in hidden windows), so an incoming call rings there
 * too.
 */
import { browserDeviceId } from './media';
import type { CallingState, SoundSettings } from './model';

export type CallSound = 'ringtone' | 'ringback' | 'busy' | 'ended';

export const CALL_SOUND_FILES: Record<CallSound, string> = {
  ringtone: '/sounds/ringtone.wav',
  ringback: '/sounds/ringback.wav',
  busy: '/sounds/busy.wav',
  ended: '/sounds/ended.wav',
};

export const SOUND_SETTINGS_KEY = 'switchboard.sounds.v1';
export const defaultSoundSettings: SoundSettings = { ringtone: true, volume: 0.8, alsoRingOn: null };

type SoundStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function readSoundSettings(storage: SoundStorage): SoundSettings {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(SOUND_SETTINGS_KEY) ?? '{}');
    const record = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    return {
      ringtone: typeof record.ringtone === 'boolean' ? record.ringtone : defaultSoundSettings.ringtone,
      volume:
        typeof record.volume === 'number' && record.volume >= 0 && record.volume <= 1
          ? record.volume
          : defaultSoundSettings.volume,
      alsoRingOn:
        typeof record.alsoRingOn === 'string' && record.alsoRingOn.length <= 512
          ? record.alsoRingOn
          : defaultSoundSettings.alsoRingOn,
    };
  } catch {
    return defaultSoundSettings; // a corrupt entry only loses the setting
  }
}

export function writeSoundSettings(storage: SoundStorage, settings: SoundSettings): void {
  storage.setItem(SOUND_SETTINGS_KEY, JSON.stringify(settings));
}

export interface PlayOptions {
  loop: boolean;
  volume: number;
  /** The browser's deviceId of the speaker, or undefined for the system default. */
  sinkId: string | undefined;
}

/** Plays sound files; the returned function stops the one started. */
export interface SoundPlayer {
  play(url: string, options: PlayOptions): () => void;
}

type SinkableAudio = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };

export const browserSoundPlayer: SoundPlayer = {
  play(url, { loop, volume, sinkId }) {
    const audio: SinkableAudio = new Audio(url);
    audio.loop = loop;
    audio.volume = volume;
    let stopped = false;
    // The speaker first, then play: a ringtone must not start on the wrong device. A speaker that
    // cannot be selected (unplugged since) still rings, on the default one.
    const routed = sinkId && audio.setSinkId ? audio.setSinkId(sinkId).catch(() => {}) : Promise.resolve();
    void routed
      .then(() => (stopped ? undefined : audio.play()))
      .catch(() => {
        // Nothing to tell the user mid-ring: the call screens show the call either way.
      });
    return () => {
      stopped = true;
      audio.pause();
      audio.removeAttribute('src');
      audio.load();
    };
  },
};

/** The looping sound the state asks for, or null. */
export function loopingSound(state: Pick<CallingState, 'incoming' | 'call' | 'sounds'>): CallSound | null {
  if (state.incoming.length > 0 && state.sounds.ringtone) return 'ringtone';
  if (state.call?.direction === 'outgoing' && state.call.status === 'ringing') return 'ringback';
  return null;
}

/**
 * The second speaker the ringtone also plays on, when it is set, still plugged in, and not the
 * selected speaker itself (that one rings anyway).
 */
export function secondRinger(state: Pick<CallingState, 'devices' | 'sounds'>): string | null {
  const { alsoRingOn } = state.sounds;
  if (!alsoRingOn || alsoRingOn === state.devices.selectedSpeakerId) return null;
  return state.devices.speakers.some((speaker) => speaker.id === alsoRingOn) ? alsoRingOn : null;
}

/** The tone for a call that has just ended: busy for 486 (busy here) and 600 (busy everywhere). */
export function endTone(state: Pick<CallingState, 'call'>): CallSound | null {
  const reason = state.call?.status === 'ended' ? state.call.endReason : null;
  if (!reason) return null;
  return reason.code === 486 || reason.code === 600 ? 'busy' : 'ended';
}

interface ObservedStore {
  getState(): CallingState;
  subscribe(listener: () => void): () => void;
}

/** Follows the store and plays what it asks for; returns the function that stops listening. */
export function attachCallSounds(store: ObservedStore, player: SoundPlayer): () => void {
  let playing: { key: string; stop: () => void } | null = null;
  let tone: (() => void) | null = null;
  let endedCallId: string | null = null;

  const follow = () => {
    const state = store.getState();
    const options = (loop: boolean, speakerId = state.devices.selectedSpeakerId): PlayOptions => ({
      loop,
      volume: state.sounds.volume,
      sinkId: browserDeviceId(speakerId),
    });
    const wanted = loopingSound(state);
    const extra = wanted === 'ringtone' ? secondRinger(state) : null;
    // A new speaker, second ringer or volume restarts the loop: the key holds them all.
    const key = wanted ? `${wanted}|${state.devices.selectedSpeakerId}|${extra}|${state.sounds.volume}` : null;
    if (playing?.key !== key) {
      playing?.stop();
      playing = wanted && key ? { key, stop: playLoop(player, CALL_SOUND_FILES[wanted], options(true), extra) } : null;
    }
    const ended = endTone(state);
    const callId = state.call?.id ?? null;
    if (ended && callId !== endedCallId) {
      endedCallId = callId;
      tone?.();
      tone = player.play(CALL_SOUND_FILES[ended], options(false));
    }
  };
  follow();
  const unsubscribe = store.subscribe(follow);
  return () => {
    unsubscribe();
    playing?.stop();
    tone?.();
  };
}

/** The loop on the selected speaker, and on the second ringer too when there is one; stops both. */
function playLoop(player: SoundPlayer, url: string, options: PlayOptions, extraSpeakerId: string | null): () => void {
  const stops = [player.play(url, options)];
  if (extraSpeakerId) stops.push(player.play(url, { ...options, sinkId: browserDeviceId(extraSpeakerId) }));
  return () => {
    for (const stop of stops) stop();
  };
}
