/**
 * The sign-in screen in `oidc` mode, in Chromium with the production renderer bundle and the real
 * main-process modules behind `window.switchboard` (bridge-harness): the backend in oidc mode and
 * a real OpenID Connect provider (oidc-provider) on loopback. The "system browser" is the test:
 * it either leaves the IdP page alone (the waiting state, Cancel) or logs in over HTTP.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestBackend, type TestBackend } from '../support/backend-harness';
import { type BridgeHarness, createTestAppSession, installBridge } from '../support/bridge-harness';
import { launchChromium } from '../support/chromium';
import { driveIdpLogin } from '../support/drive-idp-login';
import { type StaticServer, serveStatic } from '../support/static-server';
import { startTestIdp, TEST_ACCOUNTS, TEST_GROUP, type TestAccount, type TestIdp } from '../support/test-idp';

let browser: Browser;
let server: StaticServer;
let idp: TestIdp;
let backend: TestBackend;

beforeAll(async () => {
  idp = await startTestIdp();
  [server, backend, browser] = await Promise.all([
    serveStatic(),
    startTestBackend({
      offlineAcs: true,
      settings: { ...idp.backendSettings, OIDC_REQUIRED_CLAIMS: `groups=${TEST_GROUP}` },
    }),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await backend?.close();
  await server?.close();
  await idp?.close();
});

/** What the "system browser" does with the authorization URL. */
type BrowserBehaviour = { kind: 'leave-open' } | { kind: 'log-in'; account: TestAccount };

async function open(behaviour: BrowserBehaviour) {
  const opened: string[] = [];
  const app = await createTestAppSession({
    backendUrl: backend.url,
    openExternal: async (url) => {
      opened.push(url);
      if (behaviour.kind === 'log-in') void driveIdpLogin(url, behaviour.account).catch(() => {});
    },
  });
  const context = await browser.newContext();
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const harness: BridgeHarness = await installBridge(page, { app, origin: server.origin });
  await page.goto(`${server.origin}/`);
  return {
    page,
    opened,
    errors,
    harness,
    async dispose() {
      await harness.dispose();
      await context.close();
      await app.dispose();
    },
  };
}

const issuerHost = () => new URL(idp.issuer).host;

test('oidc mode: "Sign in with your organisation" and the issuer’s host, no name field', async () => {
  const run = await open({ kind: 'leave-open' });
  try {
    const { page } = run;
    const button = page.getByRole('button', { name: 'Sign in with your organisation' });
    await button.waitFor();
    await expect(page.getByText(`with your work account at ${issuerHost()}`).count()).resolves.toBe(1);
    await expect(page.getByLabel('Your name').count()).resolves.toBe(0);
    await page.screenshot({ path: 'test-output/screens/sign-in-organisation.png' });
    expect(run.errors).toEqual([]);
  } finally {
    await run.dispose();
  }
});

test('waiting on the browser: "Continue in your browser…" with Cancel; Cancel ends it and says so', async () => {
  const run = await open({ kind: 'leave-open' });
  try {
    const { page } = run;
    await page.getByRole('button', { name: 'Sign in with your organisation' }).click();
    const waiting = page.getByTestId('sign-in-waiting');
    await waiting.waitFor();
    await expect(waiting.textContent()).resolves.toContain('Continue in your browser…');
    // The browser was sent to the IdP's authorization endpoint with PKCE, state and nonce.
    expect(run.opened).toHaveLength(1);
    const authorization = new URL(run.opened[0] as string);
    expect(authorization.origin).toBe(idp.issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    await page.screenshot({ path: 'test-output/screens/sign-in-organisation-waiting.png' });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('sign-in-notice').textContent()).resolves.toBe('Sign-in cancelled.');
    await page.getByRole('button', { name: 'Sign in with your organisation' }).waitFor();
    // The loopback listener is closed: a late redirect finds nobody.
    await expect(fetch(authorization.searchParams.get('redirect_uri') as string)).rejects.toThrow();
    expect(run.errors).toEqual([]);
  } finally {
    await run.dispose();
  }
});

test('an account the backend does not allow (403): the message says to ask the administrator', async () => {
  const run = await open({ kind: 'log-in', account: TEST_ACCOUNTS.mallory });
  try {
    const { page } = run;
    await page.getByRole('button', { name: 'Sign in with your organisation' }).click();
    const error = page.getByTestId('sign-in-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toBe(
      'Your account isn’t allowed to use Switchboard; ask your administrator.',
    );
    await page.screenshot({ path: 'test-output/screens/sign-in-organisation-forbidden.png' });
    expect(run.errors).toEqual([]);
  } finally {
    await run.dispose();
  }
});

test('an allowed account signs in in the browser and the app lands on home', async () => {
  const run = await open({ kind: 'log-in', account: TEST_ACCOUNTS.ada });
  try {
    const { page } = run;
    await page.getByRole('button', { name: 'Sign in with your organisation' }).click();
    await page.getByTestId('dialer-screen').waitFor();
    expect(run.harness.refusals).toEqual([]);
    expect(run.errors).toEqual([]);
  } finally {
    await run.dispose();
  }
});
