/**
 * The calling sounds in a real browser engine: `browserSoundPlayer` (renderer/calling/call-sounds.ts,
 * bundled as it is) plays the generated WAV files from the production build's own server, looped,
 * at the volume asked, routed with setSinkId to the speaker asked, and stops for good. Chromium
 * runs with Electron's default autoplay policy (no user gesture needed), as the app window does.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium } from '../support/chromium';
import { type StaticServer, serveStatic } from '../support/static-server';

let browser: Browser;
let server: StaticServer;
let playerScript: string;

beforeAll(async () => {
  const bundled = await build({
    entryPoints: [resolve(import.meta.dirname, '../../renderer/calling/call-sounds.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'callSounds',
    platform: 'browser',
    target: 'es2022',
  });
  playerScript = bundled.outputFiles[0]?.text ?? '';
  [browser, server] = await Promise.all([
    launchChromium({ fakeMedia: true, args: ['--autoplay-policy=no-user-gesture-required'] }),
    serveStatic(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('each generated sound plays from the build, looped and at the volume asked, and stops', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/sounds/ringtone.wav`); // any page of the origin
  await page.addScriptTag({ content: playerScript });
  const results = await page.evaluate(async () => {
    type Player = { play(url: string, o: { loop: boolean; volume: number; sinkId?: string }): () => void };
    const { browserSoundPlayer, CALL_SOUND_FILES } = (
      window as unknown as { callSounds: { browserSoundPlayer: Player; CALL_SOUND_FILES: Record<string, string> } }
    ).callSounds;
    // The player's element is private: catch it as it starts playing.
    const started: HTMLMediaElement[] = [];
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      started.push(this);
      return play.call(this);
    };
    const outcome: Array<{ url: string; played: boolean; loop: boolean; volume: number; stopped: boolean }> = [];
    for (const url of Object.values(CALL_SOUND_FILES)) {
      const stop = browserSoundPlayer.play(url, { loop: true, volume: 0.4 });
      const deadline = Date.now() + 10_000;
      while (!(started.at(-1)?.currentTime ?? 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const audio = started.at(-1);
      const played = !!audio && audio.currentTime > 0 && !audio.paused && audio.src.endsWith(url);
      const loop = audio?.loop ?? false;
      const volume = audio?.volume ?? -1;
      stop();
      outcome.push({ url, played, loop, volume, stopped: !!audio?.paused && !audio.getAttribute('src') });
    }
    return outcome;
  });
  expect(results).toEqual(
    ['ringtone', 'ringback', 'busy', 'ended'].map((name) => ({
      url: `/sounds/${name}.wav`,
      played: true,
      loop: true,
      volume: 0.4,
      stopped: true,
    })),
  );
  await page.close();
});

test('the sound goes to the speaker asked for (setSinkId before play)', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/sounds/ringtone.wav`);
  await page.addScriptTag({ content: playerScript });
  const routed = await page.evaluate(async () => {
    type Player = { play(url: string, o: { loop: boolean; volume: number; sinkId?: string }): () => void };
    const { browserSoundPlayer } = (window as unknown as { callSounds: { browserSoundPlayer: Player } }).callSounds;
    const steps: string[] = [];
    const setSinkId = HTMLMediaElement.prototype.setSinkId;
    HTMLMediaElement.prototype.setSinkId = function (this: HTMLMediaElement, id: string) {
      steps.push(`sink ${id}`);
      return setSinkId.call(this, id);
    };
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      steps.push(`play sink=${(this as HTMLMediaElement & { sinkId: string }).sinkId}`);
      return play.call(this);
    };
    // Chromium's fake devices list no second output; "communications" is a sink id it accepts.
    const stop = browserSoundPlayer.play('/sounds/ringback.wav', { loop: true, volume: 1, sinkId: 'communications' });
    const deadline = Date.now() + 10_000;
    while (steps.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    stop();
    return steps;
  });
  expect(routed[0]).toBe('sink communications');
  expect(routed[1]).toMatch(/^play sink=/);
  await page.close();
});
