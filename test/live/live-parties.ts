/**
 * Support for the live ACS tests (test/live/): the reference backend against the real ACS
 * resource named by ACS_CONNECTION_STRING, and "parties": each a headless Chromium of its own
 * with fake camera and microphone, the production renderer bundle, and `window.switchboard`
 * bound to the real main-process modules (test/support/bridge-harness.ts), signed in through
 * the backend. Nothing here is a stand-in: the calling SDK talks to Azure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type Backend, createBackend } from '../../backend/app';
import { parseConfig } from '../../backend/config';
import { type BridgeHarness, createTestAppSession, installBridge } from '../support/bridge-harness';
import { launchChromium } from '../support/chromium';
import type { StaticServer } from '../support/static-server';

export const ACS_CONNECTION_STRING = process.env.ACS_CONNECTION_STRING?.trim() ?? '';
/** Said by every skipped live test. */
export const LIVE_SKIP_REASON =
  'live ACS tests need a real resource: set ACS_CONNECTION_STRING (see docs/live-tests.md); skipped here';

/** Signalling, ICE and media over the internet: generous, but every wait is on a condition. */
export const LIVE_WAIT = 60_000;

export interface LiveBackend {
  url: string;
  close(): Promise<void>;
}

export async function startLiveBackend(): Promise<LiveBackend> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-live-'));
  const backend: Backend = await createBackend({
    config: parseConfig({
      ACS_CONNECTION_STRING,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      SQLITE_PATH: join(dir, 'sessions.sqlite'),
    }),
  });
  const url = await backend.listen();
  return {
    url,
    async close() {
      await backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Party {
  name: string;
  page: Page;
  /** The signed-in ACS id, as the home screen shows it ("Your ID"). */
  acsId: string;
  /** Uncaught errors in the page. */
  errors: string[];
  close(): Promise<void>;
}

/** A second RTCPeerConnection list, so a test can read the real media statistics. */
const TRACK_PEER_CONNECTIONS = `(() => {
  const Native = window.RTCPeerConnection;
  const all = [];
  window.__peerConnections = all;
  window.RTCPeerConnection = function (...args) { const pc = new Native(...args); all.push(pc); return pc; };
  window.RTCPeerConnection.prototype = Native.prototype;
  Object.setPrototypeOf(window.RTCPeerConnection, Native);
})();`;

export async function openParty(server: StaticServer, backendUrl: string, name: string): Promise<Party> {
  const browser: Browser = await launchChromium({ fakeMedia: true });
  const app = await createTestAppSession({ backendUrl });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(TRACK_PEER_CONNECTIONS);
  const harness: BridgeHarness = await installBridge(page, { app, origin: server.origin });
  await page.goto(`${server.origin}/`);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('dialer-screen').waitFor({ timeout: LIVE_WAIT });
  await page.locator('[data-agent="connected"]').waitFor({ timeout: LIVE_WAIT });
  const acsId = (await page.getByTestId('copyable-id').first().getAttribute('title')) ?? '';
  return {
    name,
    page,
    acsId,
    errors,
    async close() {
      await harness.dispose();
      await browser.close();
      await app.dispose();
    },
  };
}

/** Places a call from the home screen's call box. */
export async function call(party: Party, target: string, video: boolean): Promise<void> {
  await party.page.getByTestId('call-box').fill(target);
  await party.page.getByRole('button', { name: video ? /^Video call to/ : /^Audio call to/ }).click();
  await party.page.getByTestId('in-call-screen').waitFor({ timeout: LIVE_WAIT });
}

/** Waits for the call header's status (renderer/calling/model.ts `CallStatus`). */
export async function waitForStatus(party: Party, status: string): Promise<void> {
  await party.page.locator(`[data-testid="call-status"][data-status="${status}"]`).waitFor({ timeout: LIVE_WAIT });
}

/** Bytes of audio received over every peer connection so far (WebRTC's inbound-rtp statistics). */
export async function audioBytesReceived(party: Party): Promise<number> {
  return party.page.evaluate(async () => {
    const connections = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
    let bytes = 0;
    for (const connection of connections) {
      const stats = await connection.getStats();
      stats.forEach((report: { type: string; kind?: string; bytesReceived?: number }) => {
        if (report.type === 'inbound-rtp' && report.kind === 'audio') bytes += report.bytesReceived ?? 0;
      });
    }
    return bytes;
  });
}
