/**
 * The token path end to end, in Chromium with the REAL calling SDK: the production renderer bundle,
 * `window.switchboard` bound to the real main-process modules (test/support/bridge-harness.ts),
 * the real reference backend and the ACS Identity stand-in. Offline, so createCallAgent resolves
 * Disconnected after the SDK's ~7 s wait: the UI must say it cannot reach ACS instead of hanging.
 */
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { AGENT_ANSWERED_MARK, TOKEN_AND_SDK_MARK } from '../../renderer/calling/agent-lifecycle';
import { startTestBackend, type TestBackend } from '../support/backend-harness';
import { type BridgeHarness, createTestAppSession, installBridge } from '../support/bridge-harness';
import { launchChromium } from '../support/chromium';
import { type StaticServer, serveStatic } from '../support/static-server';

let browser: Browser;
let server: StaticServer;
let backend: TestBackend;

beforeAll(async () => {
  [server, backend, browser] = await Promise.all([
    serveStatic(),
    startTestBackend({ offlineAcs: true }),
    launchChromium({ fakeMedia: true }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await backend?.close();
  await server?.close();
});

interface Run {
  page: Page;
  harness: BridgeHarness;
  tokensHandedOut: string[];
  requestsWithToken: () => Request[];
  errors: string[];
  dispose(): Promise<void>;
}

async function open(): Promise<Run> {
  const app = await createTestAppSession({ backendUrl: backend.url });
  // Every token main hands the renderer through the bridge (the real broker answers).
  const tokensHandedOut: string[] = [];
  const getToken = app.getToken.bind(app);
  app.getToken = async (signal) => {
    const token = await getToken(signal);
    tokensHandedOut.push(token.token);
    return token;
  };
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  const harness = await installBridge(page, { app, origin: server.origin });
  await page.goto(`${server.origin}/`);
  return {
    page,
    harness,
    tokensHandedOut,
    errors,
    requestsWithToken: () =>
      requests.filter((r) => tokensHandedOut.some((t) => Object.values(r.headers()).some((v) => v.includes(t)))),
    async dispose() {
      await harness.dispose();
      await context.close();
      await app.dispose();
    },
  };
}

test('sign in → the SDK credential gets its token through the bridge → createCallAgent → "cannot reach ACS"', async () => {
  const run = await open();
  try {
    const { page } = run;
    await page.getByRole('heading', { name: 'Sign in to Switchboard' }).waitFor();
    await page.screenshot({ path: 'test-output/screens/sign-in.png' });
    await page.getByLabel('Your name').fill('Ada');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('dialer-screen').waitFor();
    await page.getByTestId('offline-development-banner').waitFor();

    // The SDK chunk and the token: the agent goes loading-sdk → connecting → unreachable.
    const status = page.getByTestId('agent-status');
    await page.waitForFunction(() => document.querySelector('[data-agent="connecting"], [data-agent="unreachable"]'));
    expect(run.tokensHandedOut.length).toBeGreaterThanOrEqual(1);
    // createCallAgent resolves offline after the SDK's ~7 s wait, Disconnected: say so, do not hang.
    await page.locator('[data-agent="unreachable"]').waitFor({ timeout: 30_000 });
    // Tokens from the offline stand-in: ACS is unreachable by design, and the one message about it
    // is the development-mode banner (no second "cannot reach" banner, no Try again).
    await expect(page.getByTestId('offline-development-banner').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('agent-banner').count()).resolves.toBe(0);
    await expect(status.textContent()).resolves.toBe('');
    await page.screenshot({ path: 'test-output/screens/home-offline.png' });
    // The token the credential was built with is the one main handed out; the SDK presented it
    // on its own requests (offline they fail, which is what made the agent Disconnected).
    // (Measured: `x-skypetoken` on https://edge.skype.com/trap/tokens, `authorization` on ECS.)
    expect(run.requestsWithToken().map((r) => new URL(r.url()).hostname)).toContain('edge.skype.com');
    expect(run.harness.refusals).toEqual([]);
    expect(run.errors).toEqual([]);
  } finally {
    await run.dispose();
  }
});

test('already signed in (restored session): no sign-in screen, token and SDK fetched at start, then "cannot reach ACS"; sign-out returns to sign-in', async () => {
  const run = await open();
  try {
    const { page } = run;
    await page.getByLabel('Your name').fill('Grace');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('dialer-screen').waitFor();
    const before = run.tokensHandedOut.length;
    // Every layout shift from the start of the next load on (issue 5: no layout shift when the SDK
    // finishes loading). Chromium reports them as `layout-shift` performance entries.
    await page.addInitScript(() => {
      const shifts: Array<{ startTime: number; value: number }> = [];
      (globalThis as unknown as { __layoutShifts: typeof shifts }).__layoutShifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>)
          if (!entry.hadRecentInput) shifts.push({ startTime: entry.startTime, value: entry.value });
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // A reload is a window restart as far as the renderer is concerned: main still holds the session.
    await page.reload();
    await page.getByTestId('dialer-screen').waitFor();
    await expect(page.getByRole('heading', { name: 'Sign in to Switchboard' }).count()).resolves.toBe(0);
    await page.locator('[data-agent="unreachable"]').waitFor({ timeout: 30_000 });
    expect(run.tokensHandedOut.length).toBeGreaterThan(before);
    // From the moment token and SDK were in hand until createCallAgent answered (the calling layer's
    // performance marks) — the SDK finishing its load, the device manager answering — nothing on
    // the page moved. (What the agent's answer shows afterwards, the "cannot reach ACS" banner,
    // is news that takes its own place.)
    const shiftsWhileSdkLoads = await page.evaluate(
      ({ sdkMark, agentMark }) => {
        const sdkReady = performance.getEntriesByName(sdkMark)[0]?.startTime ?? Number.NaN;
        const agentAnswered = performance.getEntriesByName(agentMark)[0]?.startTime ?? Number.NaN;
        const shifts = (globalThis as unknown as { __layoutShifts: Array<{ startTime: number; value: number }> })
          .__layoutShifts;
        return {
          sdkReady,
          agentAnswered,
          shifts: shifts.filter((shift) => shift.startTime >= sdkReady && shift.startTime < agentAnswered),
        };
      },
      { sdkMark: TOKEN_AND_SDK_MARK, agentMark: AGENT_ANSWERED_MARK },
    );
    expect(shiftsWhileSdkLoads.agentAnswered).toBeGreaterThan(shiftsWhileSdkLoads.sdkReady);
    expect(shiftsWhileSdkLoads.shifts).toEqual([]);

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in to Switchboard' }).waitFor();
    await page.locator('[data-agent="signed-out"]').waitFor();
    expect(run.harness.refusals).toEqual([]);
    expect(run.errors).toEqual([]);
  } finally {
    await run.dispose();
  }
});
