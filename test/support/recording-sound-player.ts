/**
 * A `SoundPlayer` (renderer/calling/call-sounds.ts) that records what would sound where, in place
 * of HTMLAudioElement (jsdom cannot play audio). `playing` is what is audible now.
 */
import type { PlayOptions, SoundPlayer } from '../../renderer/calling/call-sounds';

export interface PlayedSound extends PlayOptions {
  url: string;
  stopped: boolean;
}

export class RecordingSoundPlayer implements SoundPlayer {
  readonly played: PlayedSound[] = [];
  play(url: string, options: PlayOptions): () => void {
    const sound: PlayedSound = { url, ...options, stopped: false };
    this.played.push(sound);
    return () => {
      sound.stopped = true;
    };
  }
  /** The file names of the sounds still playing (loops until stopped; one-shots count too). */
  get playing(): string[] {
    return this.played.filter((s) => !s.stopped).map((s) => s.url.split('/').pop() ?? s.url);
  }
}
