/**
 * The call screens in the production bundle (out/renderer) in Chromium, with the real calling SDK
 * and Chromium's fake camera and microphone, signed in against a real backend (ACS stand-in)
 * through the bridge bound to the real main-process modules (history included).
 *
 * Offline, the SDK's device manager and call agent each wait ≈ 7 s before answering: the waits
 * below are on conditions, with room for that.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { historyIpc } from '../../common/ipc/history';
import { createHistoryHandlers } from '../../electron/main/history/history-ipc';
import { HISTORY_FILE_NAME, HistoryStore } from '../../electron/main/history/history-store';
import { startTestBackend, type TestBackend } from '../support/backend-harness';
import { type BridgeHarness, createTestAppSession, installBridge } from '../support/bridge-harness';
import { launchChromium } from '../support/chromium';
import { type StaticServer, serveStatic } from '../support/static-server';

const SDK_WAIT = 30_000;

let server: StaticServer;
let backend: TestBackend;
let app: Awaited<ReturnType<typeof createTestAppSession>>;
let browser: Browser;
let harness: BridgeHarness;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await serveStatic();
  backend = await startTestBackend({ settings: { PSTN_ALTERNATE_CALLER_ID: '+14255550123' }, offlineAcs: true });
  app = await createTestAppSession({ backendUrl: backend.url });
  browser = await launchChromium({ fakeMedia: true });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  harness = await installBridge(page, { app, origin: server.origin });
  const history = await HistoryStore.open({ filePath: join(app.userDataDir, HISTORY_FILE_NAME) });
  harness.register(historyIpc, createHistoryHandlers(history));
  await page.goto(`${server.origin}/`);
  await page.evaluate(() =>
    (
      window as unknown as { switchboard: { session: { signIn(r: { displayName: string }): Promise<unknown> } } }
    ).switchboard.session.signIn({ displayName: 'Ada Lovelace' }),
  );
  await page.getByTestId('dialer-screen').waitFor({ timeout: SDK_WAIT });
});

afterAll(async () => {
  await page?.close();
  await browser?.close();
  await harness?.dispose();
  await app?.dispose();
  await backend?.close();
  await server?.close();
});

describe('device setup with the real SDK and fake devices', () => {
  // A page of its own, opened from the header; the call box's tests below need the home screen.
  beforeAll(async () => {
    await page.getByRole('button', { name: 'Camera and audio' }).click();
    await page.getByTestId('device-setup').waitFor();
  });

  afterAll(async () => {
    await page.getByRole('button', { name: 'Back to calls' }).click();
    await page.getByTestId('dialer-screen').waitFor();
  });

  test('lists the fake camera, microphone and speaker', async () => {
    const setup = page.getByTestId('device-setup');
    const optionsOf = (label: string) =>
      setup
        .getByLabel(label, { exact: true })
        .evaluate((select) => [...(select as HTMLSelectElement).options].map((o) => o.text));
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="device-setup"] select') as HTMLSelectElement | null)?.options.length,
      undefined,
      { timeout: SDK_WAIT },
    );
    await expect
      .poll(() => optionsOf('Microphone'), { timeout: SDK_WAIT })
      .toContainEqual(expect.stringMatching(/^Fake Default Audio Input/));
    expect(await optionsOf('Camera')).toContainEqual(expect.stringMatching(/fake_device_0/));
    expect(await optionsOf('Speaker')).toContainEqual(expect.stringMatching(/Fake/));
  });

  test('the preview shows live video from the fake camera once asked for, and stops', async () => {
    const toggle = page.getByTestId('device-setup').getByRole('button', { name: 'Preview camera' });
    await expect.poll(() => toggle.isEnabled(), { timeout: SDK_WAIT }).toBe(true);
    // Granted and ready, yet no camera until the user asks for the preview.
    await expect(page.getByTestId('local-preview').first().getAttribute('data-status')).resolves.toBe('off');
    await toggle.click();
    const frameTime = () =>
      page.evaluate(() => {
        const video = document.querySelector<HTMLVideoElement>(
          '[data-testid="device-setup"] [data-testid="local-preview"] video',
        );
        return video && video.videoWidth > 0 && !video.paused ? video.currentTime : -1;
      });
    await expect.poll(frameTime, { timeout: SDK_WAIT }).toBeGreaterThan(0);
    const first = await frameTime();
    // Live, not a still: time moves on.
    await expect.poll(frameTime, { timeout: 10_000 }).toBeGreaterThan(first);
    await expect(page.getByTestId('local-preview').first().getAttribute('data-status')).resolves.toBe('on');
    await page.getByTestId('device-setup').getByRole('button', { name: 'Stop preview' }).click();
    await expect.poll(frameTime).toBe(-1);
    await expect(page.getByTestId('local-preview').first().getAttribute('data-status')).resolves.toBe('off');
  });

  test('choosing another microphone goes through the layer and sticks', async () => {
    const mic = page.getByTestId('device-setup').getByLabel('Microphone', { exact: true });
    const values = await mic.evaluate((select) => [...(select as HTMLSelectElement).options].map((o) => o.value));
    const other = values.find((value) => value !== '' && value !== values[0]);
    expect(other, 'Chromium offers more than one fake microphone').toBeDefined();
    if (!other) return;
    await mic.selectOption(other);
    await expect.poll(() => mic.inputValue()).toBe(other);
  });

  test('the microphone level meter moves with the fake microphone’s beeps', async () => {
    const meter = page.getByRole('meter', { name: 'Microphone level' });
    await page.getByRole('button', { name: 'Test microphone' }).click();
    await expect
      .poll(async () => Number(await meter.getAttribute('aria-valuenow')), { timeout: SDK_WAIT, interval: 100 })
      .toBeGreaterThan(0);
  });
});

describe('the call box in the production bundle', () => {
  const box = () => page.getByRole('textbox', { name: 'Who do you want to call?' });
  const understood = () => page.getByTestId('call-target-understood');

  test('the idle home screen has not loaded the phone-number library (a caller id is configured)', async () => {
    const loaded = () =>
      page.evaluate(() =>
        // The library's own chunk, not the small loader chunk beside it (phone-numbers-loader-*).
        performance
          .getEntriesByType('resource')
          .some((entry) => /\/assets\/phone-numbers-[\w-]+\.js$/.test(entry.name) && !entry.name.includes('loader')),
      );
    await expect(page.getByTestId('dialer-screen').isVisible()).resolves.toBe(true);
    expect(await loaded()).toBe(false);
    await box().fill('+1 (425) 555-0100');
    await expect.poll(loaded).toBe(true);
  });

  test.each([
    [
      '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_0000001a-aaaa-bbbb',
      'Azure Communication Services user 8:acs:1b5cc06b',
    ],
    ['+1 (425) 555-0100', 'Phone number +1 425 555 0100'],
    ['425 555 0100', 'Phone number +1 425 555 0100'],
    ['29228d3e-040e-4656-a70e-890ab4e173e5', 'Group call 29228d3e-040e-4656-a70e-890ab4e173e5'],
    [
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d',
      'Teams meeting https://teams.microsoft.com/l/meetup-join/',
    ],
    ['https://teams.live.com/meet/9398123456789?p=AbCdEf', 'Teams meeting https://teams.live.com/meet/9398123456789'],
    ['99466898241024408', 'Room 99466898241024408'],
  ])('%s', async (input, words) => {
    await box().fill(input);
    await expect.poll(() => understood().textContent()).toContain(words);
  });

  test('phone numbers use the backend’s caller id', async () => {
    await box().fill('+44 20 7946 0958');
    await expect
      .poll(() => page.getByTestId('caller-id-note').textContent())
      .toBe('The person you call sees +1 425 555 0123.');
  });

  test('malformed input says what is wrong after Enter', async () => {
    await box().fill('https://teams.microsoft.com/l/chat/0/0');
    await box().press('Enter');
    await page.getByText('This Teams link is not a meeting link', { exact: false }).waitFor();
    await box().fill('+1 123');
    await box().press('Enter');
    await page.getByText('This is not a valid phone number', { exact: false }).waitFor();
  });

  test('a favourite is kept by the main process in userData', async () => {
    await box().fill('29228d3e-040e-4656-a70e-890ab4e173e5');
    await page.getByRole('button', { name: 'Add to favourites' }).click();
    await page.getByRole('button', { name: 'Remove from favourites' }).waitFor();
    const file = JSON.parse(await readFile(join(app.userDataDir, HISTORY_FILE_NAME), 'utf8'));
    expect(file.favourites).toMatchObject([
      { target: { kind: 'group', groupId: '29228d3e-040e-4656-a70e-890ab4e173e5' } },
    ]);
    // No tabs: the Favourites section appears beside Recent calls as soon as there is one.
    await page.getByRole('heading', { name: 'Favourites', level: 3 }).waitFor();
    await page.getByRole('list', { name: 'Favourites' }).getByText('29228d3e-040e-4656-a70e-890ab4e173e5').waitFor();
    await expect(page.getByRole('tab').count()).resolves.toBe(0);
    expect(harness.refusals).toEqual([]);
  });

  test('offline, the dialer says once that calls cannot connect, and offers no call', async () => {
    await page.locator('[data-agent="unreachable"]').waitFor({ timeout: SDK_WAIT });
    // The offline stand-in's tokens: the development-mode banner is the one message about it.
    await expect(page.getByTestId('offline-development-banner').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('agent-banner').count()).resolves.toBe(0);
    await box().fill('99466898241024408');
    await expect(page.getByRole('button', { name: /^Audio call to/ }).isDisabled()).resolves.toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
