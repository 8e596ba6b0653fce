/**
 * Screenshots of the main screens, saved under test-output/screenshots/ for a person to look at,
 * with assertions on what they show: the key controls are visible inside the window and nothing
 * overflows it.
 *
 * - sign-in, home (dialer + device setup): the production bundle (out/renderer) with the real
 *   calling SDK, fake media devices, a real backend and the bridge bound to the real main modules.
 * - incoming and in-call: a call needs Azure, so these are shot on a test-only gallery page
 *   (test/dom/renderer/screens/support/gallery/) that renders the real screens over the in-memory
 *   FakeCallingStore, built here with Vite. The same page checks the real keyboard (Tab order,
 *   visible focus) in Chromium, which jsdom cannot.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import react from '@vitejs/plugin-react';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { historyIpc } from '../../common/ipc/history';
import { createHistoryHandlers } from '../../electron/main/history/history-ipc';
import { HISTORY_FILE_NAME, HistoryStore } from '../../electron/main/history/history-store';
import { startTestBackend, type TestBackend } from '../support/backend-harness';
import { type BridgeHarness, createTestAppSession, installBridge } from '../support/bridge-harness';
import { launchChromium } from '../support/chromium';
import { type StaticServer, serveStatic } from '../support/static-server';

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = join(ROOT, 'test-output/screenshots');
const GALLERY_SRC = join(ROOT, 'test/dom/renderer/screens/support/gallery');
const VIEWPORT = { width: 1280, height: 800 };

let browser: Browser;

beforeAll(async () => {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium({ fakeMedia: true });
});

afterAll(async () => {
  await browser?.close();
});

/** A page in a context of its own (axe opens its helper pages in the page's context); closed together. */
async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('close', () => void context.close());
  return page;
}

/** Nothing wider or taller than the window scrolls the page itself; every given element is on screen. */
async function expectFitsWindow(page: Page, testIds: string[] = []): Promise<void> {
  const overflow = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { x: root.scrollWidth - root.clientWidth, y: root.scrollHeight - root.clientHeight };
  });
  expect(overflow).toEqual({ x: 0, y: 0 });
  for (const id of testIds) {
    const box = await page.getByTestId(id).first().boundingBox();
    expect(box, `${id} is rendered`).not.toBeNull();
    if (!box) continue;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORT.width + 0.5);
    expect(box.y + box.height).toBeLessThanOrEqual(VIEWPORT.height + 0.5);
  }
}

/** Text that is cut off inside its own box (scrollWidth > clientWidth on a non-scrolling element). */
async function clippedButtons(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button')]
      .filter((b) => b.offsetParent !== null && b.scrollWidth > b.clientWidth + 1)
      .map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''),
  );
}

/**
 * Presses Tab `count` times and answers what got focus each time, marked " (no ring)" when the
 * focused control shows no visible focus indicator (Fluent draws it on ::after once its focus
 * manager has seen keyboard navigation, or as an outline).
 */
async function tabThrough(page: Page, count: number): Promise<string[]> {
  const reached: string[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const after = getComputedStyle(el, '::after');
      const own = getComputedStyle(el);
      const drawn =
        (after.content !== 'none' && (after.borderTopStyle !== 'none' || after.outlineStyle !== 'none')) ||
        own.outlineStyle !== 'none';
      return {
        label: el.getAttribute('aria-label') ?? el.textContent ?? '',
        ring: el.hasAttribute('data-fui-focus-visible') && drawn,
        detail: `${el.hasAttribute('data-fui-focus-visible')} ${after.content} ${after.borderTopStyle} ${after.outlineStyle} ${own.outlineStyle}`,
      };
    });
    if (focused) reached.push(`${focused.label}${focused.ring ? '' : ` (no ring: ${focused.detail})`}`);
  }
  return reached;
}

/**
 * axe-core over the screen as shown: no serious or critical violation of WCAG 2.x A/AA, plus the
 * "label in name" rule (an accessible name must contain the visible text, WCAG 2.5.3).
 */
async function expectAccessible(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    // Tabster's focus sentinels (Fluent's focus management): aria-hidden and focusable by design,
    // they pass focus on the moment they receive it.
    .exclude('[data-tabster-dummy]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${state}: ${violation.id} (${violation.impact}) at ${violation.nodes
          .slice(0, 3)
          .map((node) => `${node.target.join(' ')} ${node.failureSummary ?? ''}`)
          .join(' | ')}`,
    );
  expect(serious).toEqual([]);
}

/** Every screen state shot is also scanned by axe (expectAccessible). */
async function shoot(page: Page, name: string): Promise<void> {
  // Tooltips and focus rings from the last interaction are not part of the screen.
  await page.mouse.move(0, 0);
  // animations: 'disabled' finishes CSS transitions (a button turning enabled) before the shot.
  await page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled' });
  await expectAccessible(page, name);
}

describe('incoming and in-call screens (gallery page over the in-memory store)', () => {
  let server: StaticServer;
  // A private folder: test-output/ is shared with other suites running at the same time.
  const GALLERY_OUT = mkdtempSync(join(tmpdir(), 'switchboard-gallery-'));

  beforeAll(async () => {
    await build({
      configFile: false,
      root: GALLERY_SRC,
      base: '/',
      logLevel: 'warn',
      plugins: [react()],
      build: { outDir: GALLERY_OUT, emptyOutDir: true, target: 'chrome130', reportCompressedSize: false },
    });
    server = await serveStatic(GALLERY_OUT);
  });

  afterAll(async () => {
    await server?.close();
    rmSync(GALLERY_OUT, { recursive: true, force: true });
  });

  async function open(scene: string, extra = '', viewport = VIEWPORT): Promise<Page> {
    const page = await newPage(viewport);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.origin}/?scene=${scene}${extra}`);
    const screenId = scene.startsWith('incoming')
      ? 'incoming-screen'
      : scene.startsWith('dialer')
        ? 'dialer-screen'
        : scene.startsWith('devices')
          ? 'device-setup'
          : scene.startsWith('settings-') || scene.startsWith('sign-in-')
            ? scene
            : scene.startsWith('pre-join')
              ? 'pre-join-screen'
              : 'in-call-screen';
    await page.getByTestId(screenId).waitFor();
    expect(errors).toEqual([]);
    return page;
  }

  test('incoming call', async () => {
    const page = await open('incoming');
    for (const name of [
      'Accept with video: the call from Megan Bowen',
      'Accept: the call from Megan Bowen, audio only',
      'Decline: the call from Megan Bowen',
    ]) {
      await expect(page.getByRole('button', { name }).isVisible()).resolves.toBe(true);
    }
    await expectFitsWindow(page, ['incoming-call']);
    expect(await clippedButtons(page)).toEqual([]);
    await shoot(page, '04-incoming');
    await page.close();
  });

  test('incoming call while in a call: hold and accept', async () => {
    const page = await open('incoming-during-call');
    await expect(
      page
        .getByRole('button', {
          name: 'Hold and accept: put your current call on hold and accept Megan Bowen',
          exact: true,
        })
        .isVisible(),
    ).resolves.toBe(true);
    await expectFitsWindow(page, ['incoming-call']);
    await shoot(page, '05-incoming-during-call');
    await page.close();
  });

  test('in call, 1:1 audio: header, stage, controls', async () => {
    const page = await open('in-call-audio');
    await expect(page.getByTestId('call-status').textContent()).resolves.toBe('Connected');
    await expect(page.getByRole('timer').textContent()).resolves.toMatch(/^4:1[7-9]$/);
    await expectFitsWindow(page, ['call-status', 'stage']);
    expect(await clippedButtons(page)).toEqual([]);
    const toolbar = page.getByRole('toolbar', { name: 'Call controls' });
    await expectFitsWindowBox(page, toolbar);
    await shoot(page, '06-in-call-audio');
    await page.close();
  });

  test('in call, group with video, my camera and the people panel', async () => {
    const page = await open('in-call-grid');
    // Four people and my camera, which has a tile of its own: 3×2.
    await expect(page.getByTestId('stage').getAttribute('data-layout')).resolves.toBe('3x2');
    // My camera preview is a real, playing <video> from Chromium's fake camera.
    await page.waitForFunction(() => {
      const video = document.querySelector<HTMLVideoElement>('[data-testid="local-preview"] video');
      return !!video && video.videoWidth > 0 && !video.paused;
    });
    await page.getByRole('button', { name: 'People', exact: true }).click();
    await page.getByTestId('participants').waitFor();
    await expectFitsWindow(page, ['participants', 'stage']);
    await shoot(page, '07-in-call-group-video');
    await page.close();
  });

  test('in call, nine videos in a 3×3 grid with a network banner', async () => {
    const page = await open('in-call-nine');
    await expect(page.getByTestId('stage').getAttribute('data-layout')).resolves.toBe('3x3');
    await expect(page.getByTestId('stage-tile').count()).resolves.toBe(9);
    // Tiles share the stage evenly: same size, none spilling out of it.
    const boxes = await page.getByTestId('stage-tile').evaluateAll((tiles) =>
      tiles.map((t) => {
        const r = t.getBoundingClientRect();
        return { w: Math.round(r.width), h: Math.round(r.height) };
      }),
    );
    expect(new Set(boxes.map((b) => `${b.w}x${b.h}`)).size).toBe(1);
    expect(boxes[0]?.w).toBeGreaterThan(200);
    await expectFitsWindow(page, ['stage', 'diagnostic']);
    await shoot(page, '08-in-call-nine');
    await page.close();
  });

  test('in call, phone: keypad open', async () => {
    const page = await open('in-call-phone');
    await page.getByRole('button', { name: 'Keypad' }).click();
    await page.getByRole('button', { name: '5 JKL' }).click();
    await expect(page.getByTestId('dtmf-sent').textContent()).resolves.toBe('5');
    await expectFitsWindow(page);
    await shoot(page, '09-in-call-phone-keypad');
    await page.close();
  });

  test('in call: ACS unreachable, second incoming call, ended', async () => {
    let page = await open('in-call-unreachable');
    await expect(page.getByTestId('agent-banner').textContent()).resolves.toMatch(
      /Cannot reach Azure Communication Services/,
    );
    await expectFitsWindow(page, ['agent-banner']);
    await shoot(page, '10-in-call-unreachable');
    await page.close();

    page = await open('in-call-second-incoming');
    await expectFitsWindow(page, ['incoming-call', 'stage']);
    await shoot(page, '11-in-call-second-incoming');
    await page.close();

    page = await open('in-call-ended');
    await expect(page.getByTestId('call-ended').textContent()).resolves.toMatch(/The other side ended the call\./);
    await expectFitsWindow(page, ['call-ended']);
    await shoot(page, '12-in-call-ended');
    await page.close();
  });

  test('sharing my screen while muted: a bar says so, with Stop; muted is a warning', async () => {
    const page = await open('in-call-sharing');
    const bar = page.getByTestId('sharing-bar');
    await expect(bar.textContent()).resolves.toMatch(/You are sharing your screen/);
    const unmute = page.getByRole('button', { name: 'Unmute', exact: true });
    const colours = await unmute.evaluate((el) => getComputedStyle(el).backgroundColor);
    const people = await page
      .getByRole('button', { name: 'People', exact: true })
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(colours).not.toBe(people);
    await expectFitsWindow(page, ['sharing-bar', 'stage']);
    await shoot(page, '17-in-call-sharing-muted');
    await bar.getByRole('button', { name: 'Stop sharing' }).click();
    await page.getByTestId('sharing-bar').waitFor({ state: 'detached' });
    await page.close();
  });

  test('a shared screen: my camera heads the strip and covers no tile; the strip is reachable by keyboard', async () => {
    const page = await open('in-call-screen-share');
    await expect(page.getByTestId('stage').getAttribute('data-layout')).resolves.toBe('screen-share');
    const self = await page.getByTestId('local-preview').boundingBox();
    const tiles = await page.getByTestId('stage-tile').evaluateAll((all) =>
      all.map((t) => {
        const r = t.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
    expect(self).not.toBeNull();
    const overlaps = tiles.filter(
      (t) =>
        self &&
        t.x < self.x + self.width - 1 &&
        self.x < t.x + t.width - 1 &&
        t.y < self.y + self.height - 1 &&
        self.y < t.y + t.height - 1,
    );
    expect(overlaps).toEqual([]);
    const strip = page.getByRole('region', { name: 'People in the call' });
    await strip.focus();
    await expect(strip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await shoot(page, '18-in-call-screen-share');
    await page.close();
  });

  test('calls on hold are listed with Swap; a call that never connected says so', async () => {
    let page = await open('in-call-held');
    await expect(page.getByRole('list', { name: 'Calls on hold' }).textContent()).resolves.toMatch(
      /Adele Vance · on hold/,
    );
    await expectFitsWindow(page, ['held-calls']);
    await shoot(page, '19-in-call-held');
    await page.close();

    page = await open('in-call-failed');
    await expect(page.getByTestId('call-ended-title').textContent()).resolves.toBe('Call didn’t connect');
    const width = await page.getByTestId('call-ended').evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBe(440);
    await shoot(page, '20-in-call-failed');
    await page.close();
  });

  test('two calls ringing: the number formatted, and who else is calling', async () => {
    const page = await open('incoming-several');
    await expect(page.getByTestId('incoming-call').textContent()).resolves.toMatch(/\+1 425 555 0123/);
    await expect(page.getByTestId('also-calling').textContent()).resolves.toBe('Lee Gu is also calling.');
    await shoot(page, '21-incoming-several');
    await page.close();
  });

  test('dialer on its own: a typed group id, recents', async () => {
    const page = await open('dialer');
    await page.getByRole('textbox', { name: 'Who do you want to call?' }).fill('29228d3e-040e-4656-a70e-890ab4e173e5');
    await expect(page.getByTestId('call-target-understood').textContent()).resolves.toBe(
      'Group call 29228d3e-040e-4656-a70e-890ab4e173e5',
    );
    await expect(page.getByRole('list', { name: 'Recent' }).getByRole('listitem').count()).resolves.toBe(4);
    // A call to several people: named as it was placed, called again with everyone.
    await expect(
      page.getByRole('button', { name: 'Call Adele Vance, Lee Gu and 1 other', exact: true }).isEnabled(),
    ).resolves.toBe(true);
    await shoot(page, '14-dialer-standalone');
    await expectFitsWindow(page, ['dialer-screen']);
    expect(await clippedButtons(page)).toEqual([]);
    await page.close();
  });

  test('the call box finds people as you type: name and email, the first highlighted', async () => {
    const page = await open('dialer', '&directory=org');
    const box = page.getByRole('combobox', { name: 'Who do you want to call?' });
    await box.fill('ad');
    const options = page.getByRole('listbox', { name: 'People in your organisation' }).getByRole('option');
    await options.first().waitFor();
    await expect(options.allTextContents()).resolves.toEqual([
      'AVAdele Vance AdeleV@contoso.com',
      'AKAdrian King AdrianK@contoso.com',
    ]);
    // In Chromium an option is named by its name and email as two words.
    await expect(
      page.getByRole('option', { name: 'Adele Vance AdeleV@contoso.com', exact: true }).count(),
    ).resolves.toBe(1);
    await box.press('ArrowDown');
    await expect(options.nth(1).getAttribute('aria-selected')).resolves.toBe('true');
    // The list hangs over the page, inside the window, and nothing scrolls sideways.
    await expectFitsWindow(page, ['people-suggestions']);
    await shoot(page, '30-dialer-people-search');
    await page.close();
  });

  test('the call box in open sign-in: a name finds no one, and the box says why', async () => {
    const page = await open('dialer', '&directory=open');
    await page.getByRole('textbox', { name: 'Who do you want to call?' }).fill('adele');
    await expect(page.getByTestId('directory-note').textContent()).resolves.toMatch(/^No company directory/);
    await shoot(page, '31-dialer-no-directory');
    await page.close();
  });

  test('incoming call from a person the directory knows: their name, verified', async () => {
    const page = await open('incoming-verified', '&directory=org');
    const dialog = page.getByRole('alertdialog', { name: 'Megan Bowen is calling' });
    await dialog.waitFor();
    await expect(dialog.getByTestId('verified-name').textContent()).resolves.toBe('Verified by your organisation');
    await expect(dialog.textContent()).resolves.not.toContain('The CEO');
    await expectFitsWindow(page, ['incoming-call']);
    await shoot(page, '32-incoming-verified');
    await page.close();
  });

  test('device setup on its own: live preview, level meter', async () => {
    const page = await open('devices');
    await page.getByRole('button', { name: 'Preview camera' }).click();
    await page.getByRole('button', { name: 'Test microphone' }).click();
    await page.waitForFunction(() => {
      const video = document.querySelector<HTMLVideoElement>('[data-testid="local-preview"] video');
      return !!video && video.videoWidth > 0 && !video.paused;
    });
    await page.evaluate(() =>
      (
        window as unknown as { galleryStore: { emitMicrophoneLevel(l: number): void } }
      ).galleryStore.emitMicrophoneLevel(0.6),
    );
    await expect(page.getByRole('meter', { name: 'Microphone level' }).getAttribute('aria-valuenow')).resolves.toBe(
      '60',
    );
    await shoot(page, '15-device-setup-standalone');
    await expectFitsWindow(page, ['device-setup']);
    expect(await clippedButtons(page)).toEqual([]);
    await page.close();
  });

  test('camera and audio at 800×600 with long device names: nothing scrolls sideways', async () => {
    const page = await open('devices', '', { width: 800, height: 600 });
    await page.evaluate(() =>
      (window as unknown as { galleryStore: { updateDevices(patch: object): void } }).galleryStore.updateDevices({
        microphones: [
          {
            id: 'mic-1',
            name: 'Microphone Array (Intel® Smart Sound Technology for Digital Microphones, second array)',
            isSystemDefault: true,
          },
        ],
      }),
    );
    await page
      .getByText(/Intel® Smart Sound/)
      .first()
      .waitFor({ state: 'attached' });
    const overflow = await page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBe(0);
    const card = await page.getByTestId('device-setup').boundingBox();
    const picker = await page.getByLabel('Microphone', { exact: true }).boundingBox();
    expect(card && picker && picker.x + picker.width <= card.x + card.width).toBe(true);
    await shoot(page, '22-device-setup-800');
    await page.close();
  });

  test('a small window (720×540): the in-call controls go icon-only on one row, nothing leaves the window', async () => {
    const small = { width: 720, height: 540 };
    const page = await open('in-call-nine', '', small);
    const overflow = await page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      return root.scrollWidth - root.clientWidth + (root.scrollHeight - root.clientHeight);
    });
    expect(overflow).toBe(0);
    const bar = await page.getByRole('toolbar', { name: 'Call controls' }).boundingBox();
    expect(bar && bar.x + bar.width <= small.width && bar.y + bar.height <= small.height).toBe(true);
    await expect(page.getByRole('button', { name: 'Hang up' }).isVisible()).resolves.toBe(true);
    expect(await clippedButtons(page)).toEqual([]);
    await shoot(page, '16-in-call-small-window');
    await page.close();
  });

  test('real keyboard on the dialer: Tab reaches the call box, the star, both call buttons and the lists', async () => {
    const page = await open('dialer');
    await page.getByRole('textbox', { name: 'Who do you want to call?' }).fill('99466898241024408');
    await page.getByRole('textbox', { name: 'Who do you want to call?' }).focus();
    const reached = await tabThrough(page, 11);
    expect(reached.slice(0, 5)).toEqual([
      'Add to favourites',
      'Audio call to 99466898241024408',
      'Video call to 99466898241024408',
      'Join a Teams meeting with an ID',
      'Copy my call id',
    ]);
    // Then into the lists: favourites first, then recent calls with their clear button.
    expect(reached).toContainEqual(expect.stringMatching(/^Weekly sync.*: put in the call box$/));
    expect(reached).toContain('Clear recent calls');
    expect(reached.filter((r) => r.includes('(no ring'))).toEqual([]);
    // Enter in the call box asks for an audio call (a room then stops at its pre-join check).
    await page.getByRole('textbox', { name: 'Who do you want to call?' }).press('Enter');
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window as unknown as { galleryStore: { callsOf(n: string): unknown[][] } }).galleryStore.callsOf(
            'placeCall',
          ),
        ),
      )
      .toEqual([[{ kind: 'room', roomId: '99466898241024408' }, { video: false }]]);
    await page.close();
  });

  test('dark theme', async () => {
    const page = await open('in-call-grid', '&theme=dark');
    await shoot(page, '13-in-call-dark');
    const background = await page
      .getByTestId('in-call-screen')
      .evaluate((el) => getComputedStyle(el).backgroundColor.match(/\d+/g)?.map(Number) ?? []);
    expect(Math.max(...background.slice(0, 3))).toBeLessThan(80);
    await page.close();
  });

  test('real keyboard: Tab reaches every in-call control with a visible focus ring; shortcuts work', async () => {
    // A group call: every control applies (a phone call has fewer: in-call.test.tsx).
    const page = await open('in-call-grid');
    const reached = await tabThrough(page, 15);
    for (const control of [
      'People',
      'Raise hand',
      'Share screen',
      'Captions',
      'Devices',
      'Turn camera off',
      'Mute',
      'Hold',
      'Hang up',
    ]) {
      expect(reached).toContain(control);
    }
    expect(reached.filter((r) => r.includes('(no ring'))).toEqual([]);
    // Arrow keys move along the toolbar too (ARIA toolbar pattern).
    await page.getByRole('button', { name: 'People', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('Raise hand');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('Hang up');
    await page.keyboard.press('Control+Shift+M');
    await page.getByRole('button', { name: 'Unmute', exact: true }).waitFor();
    await page.close();
  });
  // Issue 14: recording notice, background effects, calling sounds.
  test('in call while recorded and transcribed: the notice sits above the stage, announced', async () => {
    const page = await open('in-call-recording');
    const banner = page.getByTestId('compliance-banner');
    await expect(banner.textContent()).resolves.toContain('This call is being recorded and transcribed.');
    await expect(
      page
        .getByTestId('compliance-live-region')
        .evaluate((el) => [el.getAttribute('role'), el.getAttribute('aria-live')]),
    ).resolves.toEqual(['status', 'polite']);
    await expectFitsWindow(page, ['compliance-banner', 'stage']);
    await shoot(page, '20-in-call-recording');
    await page.close();
  });

  test('a meeting host: Mute everyone and a menu per person in the people pane; End for everyone asks first', async () => {
    const page = await open('in-call-host');
    await page.getByRole('button', { name: 'People', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Mute everyone' }).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'More options for Lee Gu' }).click();
    await expect(page.getByRole('menuitem', { name: 'Mute Lee Gu' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('menuitem', { name: 'Remove Lee Gu from the call' }).isVisible()).resolves.toBe(true);
    await expectFitsWindow(page, ['participants', 'end-for-everyone']);
    await shoot(page, '30-in-call-host');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'End for everyone', exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: 'End the call for everyone?' });
    await expect(dialog.isVisible()).resolves.toBe(true);
    await shoot(page, '31-in-call-end-for-everyone');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.close();
  });

  test('a meeting lobby: a notice when people wait, the count on People, admit or deny in the pane', async () => {
    const page = await open('in-call-lobby');
    const notice = page.getByTestId('lobby-notice');
    await expect(notice.textContent()).resolves.toContain('Alex Wilber and Diego Siciliani are waiting in the lobby.');
    await expect(page.getByRole('button', { name: 'People, 2 waiting in the lobby' }).isVisible()).resolves.toBe(true);
    await expectFitsWindow(page, ['lobby-notice', 'lobby-count']);
    await shoot(page, '32-in-call-lobby-notice');
    await notice.getByRole('button', { name: 'View lobby' }).click();
    const lobby = page.getByTestId('lobby');
    await expect(lobby.getByRole('button', { name: 'Admit Diego Siciliani' }).isVisible()).resolves.toBe(true);
    await expect(lobby.getByRole('button', { name: 'Admit all' }).isVisible()).resolves.toBe(true);
    await expectFitsWindow(page, ['lobby']);
    await shoot(page, '33-in-call-lobby');
    await page.close();
  });

  test('network quality: a word in the header, the figures on click', async () => {
    const page = await open('in-call-network');
    const indicator = page.getByRole('button', { name: 'Network: Fair' });
    await expect(indicator.isVisible()).resolves.toBe(true);
    await indicator.click();
    const details = page.getByTestId('network-details');
    await details.waitFor();
    await expect(details.textContent()).resolves.toContain('4.2 %');
    await expectFitsWindow(page, ['network-indicator', 'network-details']);
    await shoot(page, '34-in-call-network');
    await page.close();
  });

  test('reactions, light and dark: badges on the senders and my self-view, the picker, a meeting without them', async () => {
    for (const theme of ['light', 'dark']) {
      const suffix = theme === 'dark' ? '-dark' : '';
      const page = await open('reaction-received', theme === 'dark' ? '&theme=dark' : '');
      await expect(page.getByTestId('reaction-badge').count()).resolves.toBe(3);
      await expect(page.getByTestId('self-view').getByRole('img', { name: 'Reacted with like' }).count()).resolves.toBe(
        1,
      );
      await expect(page.getByTestId('reactions-live-region').textContent()).resolves.toContain(
        'Adele Vance reacted with applause',
      );
      await expectFitsWindow(page, ['stage']);
      await shoot(page, `reaction-received${suffix}`);
      await page.getByRole('button', { name: 'React', exact: true }).click();
      const picker = page.getByRole('dialog', { name: 'Send a reaction' });
      await expect(picker.getByRole('button', { name: 'Applause' }).isVisible()).resolves.toBe(true);
      await shoot(page, `reaction-picker${suffix}`);
      await page.close();

      const off = await open('reaction-turned-off', theme === 'dark' ? '&theme=dark' : '');
      await off.getByRole('button', { name: 'React', exact: true }).click();
      await expect(off.getByTestId('reactions-unavailable').textContent()).resolves.toContain(
        'Reactions are turned off in this meeting.',
      );
      await shoot(off, `reaction-turned-off${suffix}`);
      await off.close();
    }
  });

  test('reactions pop in, and under reduced motion simply appear', async () => {
    const page = await open('reaction-received');
    const animations = () =>
      page.getByTestId('reaction-badge').evaluateAll((badges) => badges.map((b) => getComputedStyle(b).animationName));
    await expect(animations()).resolves.not.toContain('none');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expect(animations()).resolves.toEqual(['none', 'none', 'none']);
    await page.close();
  });

  test("spotlight, light and dark: the spotlighted share the large area, marked; an organiser's people pane", async () => {
    for (const theme of ['light', 'dark']) {
      const suffix = theme === 'dark' ? '-dark' : '';
      const page = await open('spotlight-organiser', theme === 'dark' ? '&theme=dark' : '');
      await expect(page.getByTestId('stage').getAttribute('data-layout')).resolves.toBe('spotlight');
      await expect(
        page
          .getByTestId('stage-large')
          .getByTestId('stage-tile')
          .evaluateAll((tiles) => tiles.map((t) => t.dataset.participant)),
      ).resolves.toEqual(['p1', 'p3']);
      await expect(page.getByTestId('stage-large').getByText('Spotlighted').count()).resolves.toBe(2);
      await expectFitsWindow(page, ['stage-large']);
      await shoot(page, `spotlight-stage${suffix}`);
      await page.getByRole('button', { name: 'People', exact: true }).click();
      const pane = page.getByTestId('participants');
      await expect(pane.getByRole('button', { name: 'Stop spotlight for Lee Gu' }).isVisible()).resolves.toBe(true);
      await expect(pane.getByRole('button', { name: 'Spotlight Adele Vance' }).isVisible()).resolves.toBe(true);
      await expect(pane.getByRole('button', { name: 'Spotlight me', exact: true }).isVisible()).resolves.toBe(true);
      await expect(pane.getByRole('button', { name: 'Stop all spotlights' }).isVisible()).resolves.toBe(true);
      await expectFitsWindow(page, ['participants']);
      await shoot(page, `spotlight-people${suffix}`);
      await page.close();

      const me = await open('spotlight-me', theme === 'dark' ? '&theme=dark' : '');
      await me.getByRole('button', { name: 'People', exact: true }).click();
      await expect(me.getByText('You are spotlighted: everyone sees your video large.').isVisible()).resolves.toBe(
        true,
      );
      await expect(me.getByTestId('self-status').getByText('Spotlighted').isVisible()).resolves.toBe(true);
      await shoot(me, `spotlight-me${suffix}`);
      await me.close();
    }
  });

  test('dialer: join a Teams meeting with its id and passcode', async () => {
    const page = await open('dialer');
    await page.getByRole('button', { name: 'Join a Teams meeting with an ID' }).click();
    const form = page.getByRole('form', { name: 'Join a Teams meeting' });
    await form.getByLabel('Meeting ID').fill('123 456 789 012');
    await form.getByLabel('Passcode').fill('aB3cD4');
    await expect(form.getByRole('button', { name: 'Join', exact: true }).isEnabled()).resolves.toBe(true);
    await expectFitsWindow(page, ['meeting-id-form']);
    await shoot(page, '35-dialer-meeting-id');
    await page.close();
  });

  test('in call, the devices popover offers the background and noise suppression', async () => {
    const page = await open('in-call-grid');
    await page.getByRole('button', { name: 'Devices', exact: true }).click();
    await page.getByTestId('effects-picker').waitFor();
    await expect(page.getByRole('radio', { name: 'Blur' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('switch', { name: 'Noise suppression' }).isChecked()).resolves.toBe(true);
    await expectFitsWindow(page, ['effects-picker']);
    await page.screenshot({ path: join(SHOTS, '21-in-call-effects.png'), animations: 'disabled' });
    await page.close();
  });

  test('devices page: the background choice under the camera preview', async () => {
    const page = await open('devices-effects');
    await page.getByRole('button', { name: 'Preview camera' }).click();
    await page.waitForFunction(() => {
      const video = document.querySelector<HTMLVideoElement>('[data-testid="local-preview"] video');
      return !!video && video.videoWidth > 0;
    });
    await expect(page.getByRole('radio', { name: 'Blur' }).isChecked()).resolves.toBe(true);
    await expectFitsWindow(page, ['effects-picker', 'local-preview']);
    await shoot(page, '22-devices-effects');
    await page.close();
  });

  test('devices page: an effect this computer cannot run is explained', async () => {
    const page = await open('devices-effects-unsupported');
    await expect(page.getByTestId('effects-problem').textContent()).resolves.toContain(
      'not available on this computer',
    );
    await shoot(page, '23-devices-effects-unsupported');
    await page.close();
  });

  test('settings page, light and dark: headings below the title, no gaps above them', async () => {
    for (const theme of ['light', 'dark']) {
      const page = await open('settings-page', `&theme=${theme}`);
      const size = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
      expect(await size('h3')).toBeLessThan(await size('h2'));
      const marginsAbove = await page
        .locator('[role="region"] h3')
        .evaluateAll((headings) => headings.map((h) => getComputedStyle(h).marginTop));
      expect(new Set(marginsAbove)).toEqual(new Set(['0px']));
      await expectFitsWindow(page, []);
      await shoot(page, `25-settings-${theme}`);
      await page.close();
    }
  });

  test('sign-in with a backend address set by the administrator, light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      const page = await open('sign-in-locked', `&theme=${theme}`);
      await page.getByTestId('backend-url-lock').waitFor();
      await shoot(page, `26-sign-in-locked-${theme}`);
      await page.close();
    }
  });

  test('home while calling connects, and when ACS stays unreachable: Try again', async () => {
    for (const theme of ['light', 'dark']) {
      const connecting = await open('dialer-connecting', `&theme=${theme}`);
      await connecting.getByRole('progressbar').waitFor();
      await shoot(connecting, `27-home-connecting-${theme}`);
      await connecting.close();
      const unreachable = await open('dialer-unreachable', `&theme=${theme}`);
      await unreachable.getByRole('button', { name: 'Try again' }).waitFor();
      await expectFitsWindow(unreachable, ['agent-banner']);
      await shoot(unreachable, `28-home-unreachable-${theme}`);
      await unreachable.close();
    }
  });

  /** The app's header and status line (AppFrame) sit above the screen area; the gallery has neither. */
  const FRAME_CHROME_PX = 72;

  test.each([
    ['pre-join-video', VIEWPORT, '36-pre-join-video'],
    ['pre-join-meeting', { width: 800, height: 600 }, '37-pre-join-meeting-800'],
  ])(
    'pre-join check (%s), light and dark: preview, switches, pickers, Join now in the window',
    async (scene, size, shot) => {
      for (const theme of ['light', 'dark']) {
        const page = await open(scene, theme === 'dark' ? '&theme=dark' : '', size);
        await page.waitForFunction(() => {
          const video = document.querySelector<HTMLVideoElement>('[data-testid="local-preview"] video');
          return !!video && video.videoWidth > 0 && !video.paused;
        });
        await expect(page.getByRole('switch', { name: 'Join with camera on' }).isChecked()).resolves.toBe(true);
        await expect(page.getByRole('switch', { name: 'Join with microphone on' }).isChecked()).resolves.toBe(true);
        await expect(page.getByRole('combobox', { name: 'Microphone' }).isEnabled()).resolves.toBe(true);
        // Join now and Cancel are reached without scrolling, below the app's own header.
        for (const name of ['Join now', 'Cancel']) {
          const box = await page.getByRole('button', { name, exact: true }).boundingBox();
          expect(box && box.y + box.height <= size.height - FRAME_CHROME_PX && box.x + box.width <= size.width).toBe(
            true,
          );
        }
        const overflowX = await page.evaluate(() => {
          const root = document.scrollingElement ?? document.documentElement;
          return root.scrollWidth - root.clientWidth;
        });
        expect(overflowX).toBe(0);
        expect(await clippedButtons(page)).toEqual([]);
        await shoot(page, theme === 'dark' ? `${shot}-dark` : shot);
        await page.close();
      }
    },
  );

  // Dutch runs about 30 % longer than English: the tightest window the app supports must still hold it.
  test.each([
    ['incoming-several', 'nl-01-incoming'],
    ['in-call-grid', 'nl-02-in-call'],
    ['dialer', 'nl-03-dialer'],
    ['settings-page', 'nl-04-settings'],
  ])('in Dutch at 800×600 (%s): <html lang="nl">, nothing clipped, nothing scrolls sideways', async (scene, shot) => {
    const page = await open(scene, '&lang=nl', { width: 800, height: 600 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    const overflow = await page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      return { x: root.scrollWidth - root.clientWidth, y: root.scrollHeight - root.clientHeight };
    });
    expect(overflow.x).toBe(0);
    // The call screens fit the window; the dialer and settings scroll inside the app frame's
    // content, as in English.
    if (scene.startsWith('in')) expect(overflow.y).toBe(0);
    expect(await clippedButtons(page)).toEqual([]);
    if (scene === 'settings-page') {
      const language = page.getByRole('region', { name: 'Taal' });
      await language.scrollIntoViewIfNeeded();
      await expect(language.getByRole('radio', { name: 'Nederlands' }).isChecked()).resolves.toBe(true);
    }
    await shoot(page, shot);
    await page.close();
  });

  test('settings: calling sounds', async () => {
    const page = await open('settings-sounds');
    await expect(page.getByRole('switch', { name: 'Play a ringtone for incoming calls' }).isChecked()).resolves.toBe(
      true,
    );
    await expect(
      page.getByRole('slider', { name: 'Volume of calling sounds' }).getAttribute('aria-valuetext'),
    ).resolves.toBe('80%');
    await shoot(page, '24-settings-sounds');
    await page.close();
  });

  test('in call: speaker view, a pinned person, and "+N more" opened', async () => {
    const page = await open('in-call-nine');
    await page.getByRole('button', { name: 'View: choose how people are arranged' }).click();
    await page.getByRole('menuitemradio', { name: 'Speaker' }).click();
    await expect(page.getByTestId('stage').getAttribute('data-layout')).resolves.toBe('speaker');
    // The one speaking in the scene (participant 4) is large; the others fill the strip.
    await expect(
      page.getByTestId('stage-large').getByTestId('stage-tile').getAttribute('data-participant'),
    ).resolves.toBe('p4');
    await expectFitsWindow(page, ['stage']);
    await shoot(page, '25-in-call-speaker-view');
    await page.getByRole('button', { name: /^Pin / }).first().click();
    await expect(page.getByTestId('stage').getAttribute('data-layout')).resolves.toBe('pinned');
    await shoot(page, '26-in-call-pinned');
    await page.close();

    const crowded = await open('in-call-crowded');
    await crowded.getByTestId('stage-more').click();
    await crowded.getByRole('list', { name: 'Not on the stage' }).waitFor();
    await shoot(crowded, '27-in-call-more-people');
    await crowded.close();
  });

  test('in call with captions: the pane under the stage, speakers named, a polite log of final lines', async () => {
    const page = await open('in-call-captions');
    await page.getByRole('toolbar').getByRole('button', { name: 'Captions', exact: true }).click();
    // The control keeps focus, and its tooltip would cover the pane in the shot.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const pane = page.getByTestId('captions-pane');
    await pane.waitFor();
    await expect(pane.getByRole('combobox', { name: /Spoken language/ }).inputValue()).resolves.toBe('en-us');
    await expect(pane.getByRole('listitem').allTextContents()).resolves.toEqual([
      'Adele VanceShall we go through the new call screen first?',
      'YouYes, the captions pane is new since last week.',
      'Lee GuIt looks good on my side, the names come through',
    ]);
    await expect(
      page
        .getByTestId('captions-live-region')
        .evaluate((el) => [el.getAttribute('role'), el.getAttribute('aria-live'), el.children.length]),
    ).resolves.toEqual(['log', 'polite', 2]);
    await expectFitsWindow(page, ['captions-pane', 'stage']);
    await shoot(page, '28-in-call-captions');
    await page.close();
  });

  test('in call without captions: the pane says so in words', async () => {
    const page = await open('in-call-captions-unavailable');
    await page.getByRole('toolbar').getByRole('button', { name: 'Captions', exact: true }).click();
    // The control keeps focus, and its tooltip would cover the pane in the shot.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expect(page.getByTestId('captions-problem').textContent()).resolves.toContain(
      'Captions are not offered in this call.',
    );
    await expectFitsWindow(page, ['captions-pane']);
    await shoot(page, '29-in-call-captions-unavailable');
    await page.close();
  });

  test("transfer: the picker, a transfer under way, the transferee's notice, light and dark", async () => {
    for (const theme of ['light', 'dark']) {
      const suffix = theme === 'dark' ? '-dark' : '';
      const picker = await open('transfer-picker', `&directory=org${theme === 'dark' ? '&theme=dark' : ''}`);
      await picker.getByRole('toolbar').getByRole('button', { name: 'Transfer', exact: true }).click();
      const dialog = picker.getByRole('dialog', { name: 'Transfer this call' });
      await dialog.waitFor();
      await dialog.getByRole('combobox', { name: 'Transfer to' }).fill('al');
      await dialog.getByRole('option', { name: /^Alex Wilber/ }).waitFor();
      await expect(
        dialog.getByRole('button', { name: 'Transfer to the held call with Megan Bowen' }).isVisible(),
      ).resolves.toBe(true);
      await expectFitsWindowBox(picker, dialog);
      await shoot(picker, `transfer-picker${suffix}`);
      await picker.close();

      const progress = await open('transfer-in-progress', theme === 'dark' ? '&theme=dark' : '');
      await expect(progress.getByTestId('transfer-notice').textContent()).resolves.toBe('Transferring to Lee Gu…');
      await shoot(progress, `transfer-in-progress${suffix}`);
      await progress.close();

      const arrived = await open('transfer-arrived', theme === 'dark' ? '&theme=dark' : '');
      await expect(
        arrived.getByTestId('transfer-live-region').evaluate((el) => [el.getAttribute('role'), el.textContent]),
      ).resolves.toEqual(['status', 'You were transferred to Lee Gu.Dismiss']);
      await shoot(arrived, `transfer-arrived${suffix}`);
      await arrived.close();
    }
  });

  test('group calls, light and dark: three people as chips in the call box, one added mid-call ringing', async () => {
    for (const theme of ['light', 'dark']) {
      const suffix = theme === 'dark' ? '-dark' : '';
      const dialer = await open('dialer', `&directory=org&theme=${theme}`);
      const box = dialer.getByRole('combobox', { name: 'Who do you want to call?' });
      await box.fill('ade');
      await dialer.getByRole('option', { name: 'Adele Vance AdeleV@contoso.com', exact: true }).waitFor();
      await dialer.getByRole('button', { name: 'Add to the people to call' }).click();
      await box.fill('+1 425 555 0123');
      await dialer.getByTestId('call-target-understood').waitFor();
      await box.press(',');
      await box.fill('meg');
      await dialer.getByRole('option', { name: 'Megan Bowen MeganB@contoso.com', exact: true }).waitFor();
      await box.press('Enter');
      const chips = dialer.getByRole('toolbar', { name: 'People to call' }).getByRole('button');
      await expect(chips.evaluateAll((all) => all.map((chip) => chip.getAttribute('aria-label')))).resolves.toEqual([
        'Remove Adele Vance',
        'Remove +1 425 555 0123',
        'Remove Megan Bowen',
      ]);
      const call = dialer.getByRole('button', { name: 'Audio call to Adele Vance, +1 425 555 0123 and 1 other' });
      await expect(call.isEnabled()).resolves.toBe(true);
      await expectFitsWindow(dialer, ['call-list']);
      await shoot(dialer, `group-call-box-three-chips${suffix}`);
      await dialer.close();

      const inCall = await open('in-call-audio', `&directory=org&theme=${theme}`);
      await inCall.getByRole('button', { name: 'People', exact: true }).click();
      const pane = inCall.getByTestId('participants');
      await pane.getByRole('combobox', { name: 'Add people' }).fill('meg');
      await pane.getByRole('option', { name: 'Megan Bowen MeganB@contoso.com', exact: true }).click();
      await expect(pane.getByTestId('add-people-status').textContent()).resolves.toBe('Ringing Megan Bowen…');
      await expect(pane.getByTestId('participant').filter({ hasText: 'Megan Bowen' }).textContent()).resolves.toContain(
        'Ringing…',
      );
      await expectFitsWindow(inCall, ['participants', 'add-people']);
      await shoot(inCall, `group-add-people-ringing${suffix}`);
      await inCall.close();
    }
  });
});

async function expectFitsWindowBox(page: Page, locator: ReturnType<Page['getByRole']>): Promise<void> {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  if (!box) return;
  expect(box.y + box.height).toBeLessThanOrEqual(VIEWPORT.height + 0.5);
  expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORT.width + 0.5);
  void page;
}

describe('sign-in and home (production bundle, real SDK, fake devices)', () => {
  let server: StaticServer;
  let backend: TestBackend;
  let app: Awaited<ReturnType<typeof createTestAppSession>>;
  let harness: BridgeHarness;
  let page: Page;

  beforeAll(async () => {
    server = await serveStatic();
    backend = await startTestBackend({ settings: { PSTN_ALTERNATE_CALLER_ID: '+14255550123' }, offlineAcs: true });
    app = await createTestAppSession({ backendUrl: backend.url });
    page = await newPage(VIEWPORT);
    harness = await installBridge(page, { app, origin: server.origin });
    const history = await HistoryStore.open({ filePath: join(app.userDataDir, HISTORY_FILE_NAME) });
    harness.register(historyIpc, createHistoryHandlers(history));
  });

  afterAll(async () => {
    await page?.close();
    await harness?.dispose();
    await app?.dispose();
    await backend?.close();
    await server?.close();
  });

  test('sign-in, then home with the dialer, then the camera and audio page', async () => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.origin}/`);
    const shell = page.getByTestId('app-shell');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="app-shell"]')?.getAttribute('data-route') === 'sign-in',
    );
    // The screen itself, not the "Loading…" placeholder while its chunk arrives.
    await page.getByRole('heading', { name: 'Sign in to Switchboard' }).waitFor();
    await expectFitsWindow(page);
    await shoot(page, '01-sign-in');

    await page.evaluate(() =>
      (
        window as unknown as { switchboard: { session: { signIn(r: { displayName: string }): Promise<unknown> } } }
      ).switchboard.session.signIn({
        displayName: 'Ada Lovelace',
      }),
    );
    await page.getByTestId('dialer-screen').waitFor({ timeout: 30_000 });
    await expect(shell.getAttribute('data-route')).resolves.toBe('home');
    await page.getByRole('textbox', { name: 'Who do you want to call?' }).fill('+1 425 555 0100');
    await page.getByTestId('call-target-understood').waitFor();
    await page.getByTestId('caller-id-note').waitFor();
    await shoot(page, '02-home-dialer');
    // The app frame scrolls its content; the call box and what it understood must be in view.
    await expectFitsWindow(page, ['call-box', 'call-target-understood', 'caller-id-note']);
    expect(await clippedButtons(page)).toEqual([]);

    await page.getByRole('button', { name: 'Camera and audio' }).click();
    await expect(shell.getAttribute('data-route')).resolves.toBe('devices');
    // The SDK's device manager answers after its offline wait (≈ 7 s): then the pickers fill in
    // and the fake camera plays in the preview once asked for.
    const previewToggle = page.getByRole('button', { name: 'Preview camera' });
    await expect.poll(() => previewToggle.isEnabled(), { timeout: 30_000 }).toBe(true);
    await previewToggle.click();
    await page.waitForFunction(
      () => {
        const video = document.querySelector<HTMLVideoElement>('[data-testid="local-preview"] video');
        return !!video && video.videoWidth > 0 && !video.paused;
      },
      undefined,
      { timeout: 30_000 },
    );
    await shoot(page, '03-device-setup');
    await expectFitsWindow(page, ['device-setup']);
    expect(await clippedButtons(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
