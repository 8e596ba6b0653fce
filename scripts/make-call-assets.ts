/**
 * Generates the calling sounds and the replacement background the renderer ships, so every byte
 * is the project's own (no third-party recordings, nothing to license):
 *
 *   npx tsx scripts/make-call-assets.ts
 *
 * writes renderer/public/sounds/{ringtone,ringback,busy,ended}.wav and
 * renderer/public/backgrounds/switchboard.png, which Vite serves as they are (fetched only when a
 * sound plays or background replacement is chosen). The output is deterministic and committed;
 * test/unit/scripts/make-call-assets.test.ts checks the committed files match this script.
 *
 * The tones follow the European telephony standard (ETSI ES 201 970): ringback 425 Hz, 1 s on
 * and 4 s off; busy 425 Hz, 0.5 s on and 0.5 s off. The ringtone and the call-ended tone are
 * short chimes of our own.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

/** One span of sound: partials (Hz, relative level) for `seconds`, or silence when empty. */
interface Span {
  seconds: number;
  partials: ReadonlyArray<readonly [frequency: number, level: number]>;
  /** Exponential decay rate (1/s) for chimes; 0 for a steady tone. */
  decay?: number;
}

function wav(sampleRate: number, spans: readonly Span[], peak = 0.5): Buffer {
  const samples: number[] = [];
  for (const span of spans) {
    const count = Math.round(span.seconds * sampleRate);
    const fade = Math.min(count / 2, Math.round(0.005 * sampleRate)); // 5 ms ramps: no clicks
    for (let i = 0; i < count; i++) {
      const t = i / sampleRate;
      let value = 0;
      for (const [frequency, level] of span.partials) value += level * Math.sin(2 * Math.PI * frequency * t);
      const ramp = Math.min(1, i / fade, (count - 1 - i) / fade);
      samples.push(value * ramp * Math.exp(-(span.decay ?? 0) * t) * peak);
    }
  }
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((sample, i) => {
    data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, sample)) * 32767), i * 2);
  });
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16); // PCM chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const silence = (seconds: number): Span => ({ seconds, partials: [] });
const tone425 = (seconds: number): Span => ({ seconds, partials: [[425, 1]] });
const chime = (frequency: number, seconds: number): Span => ({
  seconds,
  partials: [
    [frequency, 1],
    [frequency * 2, 0.3],
    [frequency * 3, 0.1],
  ],
  decay: 4,
});

/** File name → bytes. Telephony tones at 8 kHz (as the phone network); chimes at 16 kHz. */
export function callSounds(): Map<string, Buffer> {
  return new Map([
    // Two rising chime pairs, then a pause: a loop of 3 s.
    [
      'ringtone.wav',
      wav(16_000, [chime(784, 0.25), chime(1175, 0.55), chime(784, 0.25), chime(1175, 0.75), silence(1.2)], 0.45),
    ],
    ['ringback.wav', wav(8_000, [tone425(1), silence(4)], 0.35)],
    [
      'busy.wav',
      wav(8_000, [tone425(0.5), silence(0.5), tone425(0.5), silence(0.5), tone425(0.5), silence(0.5)], 0.35),
    ],
    // A falling pair: the call is over.
    ['ended.wav', wav(16_000, [chime(880, 0.22), chime(587, 0.5)], 0.4)],
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A calm 16:9 background (1280×720): a diagonal blue–teal gradient with soft light discs. */
export function backgroundPng(width = 1280, height = 720): Buffer {
  const discs = [
    { x: 0.22, y: 0.3, r: 0.22, a: 0.16 },
    { x: 0.78, y: 0.24, r: 0.16, a: 0.12 },
    { x: 0.64, y: 0.76, r: 0.3, a: 0.1 },
    { x: 0.1, y: 0.86, r: 0.12, a: 0.1 },
  ];
  const from = [15, 108, 189]; // Fluent's brand blue
  const to = [3, 131, 135]; // teal
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    rows[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const t = (x / width) * 0.6 + (y / height) * 0.4;
      let light = 0;
      for (const d of discs) {
        const distance = Math.hypot(x / height - (d.x * width) / height, y / height - d.y) / d.r;
        light += d.a * Math.max(0, 1 - distance * distance);
      }
      for (let c = 0; c < 3; c++) {
        const base = (from[c] ?? 0) * (1 - t) + (to[c] ?? 0) * t;
        rows[row + 1 + x * 3 + c] = Math.round(Math.min(255, base + (255 - base) * light));
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export const PUBLIC_DIR = join(import.meta.dirname, '../renderer/public');

/** Relative path under renderer/public → bytes, for every generated asset. */
export function callAssets(): Map<string, Buffer> {
  const assets = new Map<string, Buffer>();
  for (const [name, bytes] of callSounds()) assets.set(`sounds/${name}`, bytes);
  assets.set('backgrounds/switchboard.png', backgroundPng());
  return assets;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  for (const [path, bytes] of callAssets()) {
    const target = join(PUBLIC_DIR, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    console.log(`${path}: ${(bytes.length / 1024).toFixed(1)} KB`);
  }
}
