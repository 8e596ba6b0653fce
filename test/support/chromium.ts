import { existsSync } from 'node:fs';
import { type Browser, chromium, type LaunchOptions } from 'playwright-core';

/** Debian's Chromium; `playwright install` cannot download a browser here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium off the network (this machine has none) and fast on 2 cores. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Fake camera and microphone, granted without a prompt. */
export const FAKE_MEDIA_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

export async function launchChromium(options: { fakeMedia?: boolean } & LaunchOptions = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  const { fakeMedia, ...launch } = options;
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    ...launch,
    args: [...CHROMIUM_ARGS, ...(fakeMedia ? FAKE_MEDIA_ARGS : []), ...(launch.args ?? [])],
  });
}
