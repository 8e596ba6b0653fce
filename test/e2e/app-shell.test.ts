/**
 * The production renderer bundle in Chromium: the shell paints with the real bridge (main's
 * modules in the test process) and no backend configured yet; the SDK chunk is fetched right after
 * the shell's first commit, even on the sign-in screen, while the call screens are not fetched at
 * all there; the frame follows the OS colour scheme.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestAppSession, installBridge } from '../support/bridge-harness';
import { launchChromium } from '../support/chromium';
import { type StaticServer, serveStatic } from '../support/static-server';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  [server, browser] = await Promise.all([serveStatic(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('first run: the shell and the sign-in screen; the SDK chunk arrives, the call screens are not loaded', async () => {
  const app = await createTestAppSession({ backendUrl: null });
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  const harness = await installBridge(page, { app, origin: server.origin });
  try {
    await page.goto(`${server.origin}/`);
    await page.getByTestId('app-shell').waitFor();
    await page.getByRole('heading', { name: 'Sign in to Switchboard' }).waitFor();
    await expect(page.getByRole('heading', { name: 'Switchboard', exact: true }).textContent()).resolves.toBe(
      'Switchboard',
    );
    await expect(page.getByLabel('Backend address').inputValue()).resolves.toBe('');
    await expect(page.locator('[data-theme]').first().getAttribute('data-theme')).resolves.toBe('dark');
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((entry) => /\/assets\/sdk-[^/]+\.js$/.test(entry.name)),
    );
    expect(scripts.some((path) => /\/assets\/(DialerScreen|InCallScreen|IncomingCallScreen)-/.test(path))).toBe(false);
    expect(harness.refusals).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await harness.dispose();
    await context.close();
    await app.dispose();
  }
});
