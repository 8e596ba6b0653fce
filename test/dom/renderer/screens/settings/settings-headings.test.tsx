/**
 * Settings' heading sizes and spacing. jsdom applies the stylesheet Griffel inserts but cannot
 * resolve Fluent's CSS variables, so the sizes are read as the theme tokens they name and resolved
 * against the theme the app uses; the sizes in pixels are checked in Chromium too
 * (test/e2e/screenshots.test.ts, "settings page").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webLightTheme } from '@fluentui/react-components';
import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { settingsStrings } from '../../../../../renderer/strings';
import { createFakeBridge, signedInSession } from '../../app/fake-bridge';
import { renderApp } from '../../app/render-app';

/** "var(--fontSizeBase400)" → 16, through the theme's own tokens. */
function fontPixels(element: Element): number {
  const value = getComputedStyle(element).fontSize;
  const token = /var\(--(\w+)\)/.exec(value)?.[1];
  const resolved = token ? String((webLightTheme as Record<string, unknown>)[token]) : value;
  return Number.parseFloat(resolved);
}

/** The window's own heading (the app's name in the header), styled by renderer/index.html. */
function appHeadingPixels(): number {
  const html = readFileSync(join(import.meta.dirname, '../../../../../renderer/index.html'), 'utf8');
  const size = /\.sb-header h1 \{[^}]*font-size: (\d+)px/.exec(html)?.[1];
  if (!size) throw new Error('renderer/index.html no longer sizes the header heading');
  return Number(size);
}

test('settings headings step down from the window’s heading, with no margin above the cards’ headings', async () => {
  renderApp(createFakeBridge(signedInSession()));
  const { default: userEvent } = await import('@testing-library/user-event');
  await userEvent.click(await screen.findByRole('button', { name: 'Settings' }));
  const title = await screen.findByRole('heading', { level: 2, name: settingsStrings.title });
  const titleSize = fontPixels(title);
  // A page title no larger than the window's own heading, as on home and camera and audio.
  expect(titleSize).toBeGreaterThan(0);
  expect(titleSize).toBeLessThanOrEqual(appHeadingPixels());
  for (const name of [settingsStrings.account, settingsStrings.backend, settingsStrings.phoneCalls]) {
    const heading = within(screen.getByRole('region', { name })).getByRole('heading', { level: 3 });
    expect(fontPixels(heading), name).toBeLessThan(titleSize);
    // The panel's gap spaces its parts: its style zeroes the heading's own margin (the browser's
    // default, about 1em, which jsdom does not apply and Chromium does).
    expect(getComputedStyle(heading).marginTop, name).toMatch(/^0(px)?$/);
  }
});
