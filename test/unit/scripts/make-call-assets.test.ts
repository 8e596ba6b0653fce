/** The committed calling sounds and background are exactly what scripts/make-call-assets.ts makes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CALL_SOUND_FILES } from '../../../renderer/calling/call-sounds';
import { BACKGROUND_IMAGE_PATH } from '../../../renderer/calling/effects';
import { callAssets, PUBLIC_DIR } from '../../../scripts/make-call-assets';

const assets = callAssets();

test('every sound and image the renderer asks for is generated, and the committed file matches', () => {
  const wanted = [...Object.values(CALL_SOUND_FILES), BACKGROUND_IMAGE_PATH].map((url) => url.slice(1));
  expect([...assets.keys()].sort()).toEqual(wanted.sort());
  for (const [path, bytes] of assets) {
    expect(
      readFileSync(join(PUBLIC_DIR, path)).equals(bytes),
      `${path} is stale: run npx tsx scripts/make-call-assets.ts`,
    ).toBe(true);
  }
});

test('the sounds are small mono PCM WAV files, the ringback and busy tones at 425 Hz cadence lengths', () => {
  const seconds = (name: string) => {
    const wav = assets.get(`sounds/${name}`);
    if (!wav) throw new Error(name);
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt16LE(22)).toBe(1); // mono
    expect(wav.length).toBeLessThan(100 * 1024);
    return wav.readUInt32LE(40) / (wav.readUInt32LE(24) * 2);
  };
  expect(seconds('ringback.wav')).toBe(5); // 1 s on, 4 s off
  expect(seconds('busy.wav')).toBe(3); // three 0.5 s on / 0.5 s off
  expect(seconds('ringtone.wav')).toBeCloseTo(3, 1);
  expect(seconds('ended.wav')).toBeLessThan(1);
});

test('the background is a 16:9 PNG, as ACS asks of replacement images', () => {
  const png = assets.get('backgrounds/switchboard.png');
  if (!png) throw new Error('no background');
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(png.readUInt32BE(16) / png.readUInt32BE(20)).toBeCloseTo(16 / 9, 5);
});
