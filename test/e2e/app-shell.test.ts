import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium } from '../support/chromium';
import { type StaticServer, serveStatic } from '../support/static-server';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the production renderer bundle loads in Chromium and shows the app shell', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.origin}/`);
  await expect(page.getByTestId('app-shell').isVisible()).resolves.toBe(true);
  await expect(page.getByRole('heading', { name: 'Switchboard' }).textContent()).resolves.toBe('Switchboard');
  expect(errors).toEqual([]);
});
