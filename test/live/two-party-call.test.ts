/**
 * Live: two people call each other through a real ACS resource. Two headless Chromium instances
 * with fake media sign in through the reference backend; one calls the other, and each step is
 * checked on the other side: connected, remote video rendered, mute, hold and resume, hang-up
 * with its end reason. Then a call to the ACS echo bot connects and returns audio.
 *
 * Runs only with ACS_CONNECTION_STRING set (GitHub Actions: a repository secret); otherwise each
 * test is skipped with the reason. How to run it: docs/live-tests.md.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type StaticServer, serveStatic } from '../support/static-server';
import {
  ACS_CONNECTION_STRING,
  audioBytesReceived,
  call,
  LIVE_SKIP_REASON,
  LIVE_WAIT,
  type LiveBackend,
  openParty,
  type Party,
  startLiveBackend,
  waitForStatus,
} from './live-parties';

describe.skipIf(!ACS_CONNECTION_STRING)(ACS_CONNECTION_STRING ? 'live ACS calls' : LIVE_SKIP_REASON, () => {
  let server: StaticServer;
  let backend: LiveBackend;
  let ada: Party;
  let grace: Party;

  beforeAll(async () => {
    [server, backend] = await Promise.all([serveStatic(), startLiveBackend()]);
    [ada, grace] = await Promise.all([
      openParty(server, backend.url, 'Ada Live'),
      openParty(server, backend.url, 'Grace Live'),
    ]);
  });

  afterAll(async () => {
    await Promise.all([ada?.close(), grace?.close()]);
    await backend?.close();
    await server?.close();
  });

  test('Ada calls Grace with video: it rings, Grace accepts, both are connected and see each other', async () => {
    await call(ada, grace.acsId, true);
    await grace.page.getByTestId('incoming-call').waitFor({ timeout: LIVE_WAIT });
    await grace.page
      .getByRole('button', { name: /with video$/ })
      .first()
      .click();
    await Promise.all([waitForStatus(ada, 'connected'), waitForStatus(grace, 'connected')]);
    // A remote <video> that has frames, on both sides (the fake camera's test pattern).
    for (const party of [ada, grace]) {
      await party.page.waitForFunction(
        () =>
          [...document.querySelectorAll('[data-testid="remote-video"] video')].some(
            (v) => (v as HTMLVideoElement).videoWidth > 0,
          ),
        undefined,
        { timeout: LIVE_WAIT },
      );
    }
  });

  test('Ada mutes: Grace sees her muted, then unmuted', async () => {
    const muted = grace.page.getByTestId('stage-tile').getByLabel('Muted');
    await ada.page.getByRole('button', { name: 'Mute', exact: true }).click();
    await muted.waitFor({ timeout: LIVE_WAIT });
    await ada.page.getByRole('button', { name: 'Unmute', exact: true }).click();
    await muted.waitFor({ state: 'detached', timeout: LIVE_WAIT });
  });

  test('Ada holds and resumes: Grace sees the remote hold come and go', async () => {
    await ada.page.getByRole('button', { name: 'Hold', exact: true }).click();
    await Promise.all([waitForStatus(ada, 'on-hold'), waitForStatus(grace, 'remote-hold')]);
    await ada.page.getByRole('button', { name: 'Resume', exact: true }).first().click();
    await Promise.all([waitForStatus(ada, 'connected'), waitForStatus(grace, 'connected')]);
  });

  test('Ada hangs up: each side says who ended the call', async () => {
    await ada.page.getByRole('button', { name: 'Hang up' }).click();
    await Promise.all([waitForStatus(ada, 'ended'), waitForStatus(grace, 'ended')]);
    await expect(ada.page.getByTestId('call-ended').textContent()).resolves.toContain('You ended the call');
    await expect(grace.page.getByTestId('call-ended').textContent()).resolves.toContain(
      'The other side ended the call',
    );
    expect([...ada.errors, ...grace.errors]).toEqual([]);
  });

  test('a call to the echo bot (8:echo123) connects and audio comes back', async () => {
    await ada.page.getByTestId('call-ended').getByRole('button', { name: 'Close' }).click();
    await ada.page.getByTestId('dialer-screen').waitFor({ timeout: LIVE_WAIT });
    await call(ada, '8:echo123', false);
    await waitForStatus(ada, 'connected');
    await expect.poll(() => audioBytesReceived(ada), { timeout: LIVE_WAIT, interval: 1_000 }).toBeGreaterThan(10_000);
    await ada.page.getByRole('button', { name: 'Hang up' }).click();
    await waitForStatus(ada, 'ended');
    await ada.page.getByTestId('call-ended').getByRole('button', { name: 'Close' }).click();
  });
});
