import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type AppConfig, bridgeContract, type SessionState, type SwitchboardBridge } from '../../../common/ipc';
import { createTestAppSession, installBridge } from '../../support/bridge-harness';
import { launchChromium } from '../../support/chromium';
import { type MisbehavingBackend, startMisbehavingBackend } from '../../support/misbehaving-backend';
import { type StaticServer, serveStatic } from '../../support/static-server';

// The harness the renderer's end-to-end tests stand on: the production bridge builder in a real
// page, the real session handlers in this process, the sender and payload checks in between.
let browser: Browser;
let server: StaticServer;
let backend: MisbehavingBackend;

beforeAll(async () => {
  backend = await startMisbehavingBackend();
  server = await serveStatic(undefined, {
    '/blank.html': { type: 'text/html', body: '<!doctype html><title>blank</title>' },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await backend?.stop();
});

async function openPage(): Promise<{ page: Page; dispose(): Promise<void>; refusals: readonly string[] }> {
  const app = await createTestAppSession({ backendUrl: backend.url });
  const page = await browser.newPage();
  const harness = await installBridge(page, { app, origin: server.origin });
  await page.goto(`${server.origin}/blank.html`);
  return {
    page,
    refusals: harness.refusals,
    dispose: async () => {
      await page.close();
      await harness.dispose();
      await app.dispose();
    },
  };
}

test('the page signs in, gets a token and hears the session change through window.switchboard', async () => {
  const { page, dispose } = await openPage();
  const outcome = await page.evaluate(async () => {
    const bridge = (window as unknown as { switchboard: SwitchboardBridge }).switchboard;
    const changes: SessionState[] = [];
    const unsubscribe = bridge.session.onChange((state) => changes.push(state));
    const signIn = await bridge.session.signIn({ displayName: 'Ada' });
    const token = await bridge.token.get({ requestId: crypto.randomUUID() });
    const session = await bridge.session.get();
    // Events arrive asynchronously: wait until the signed-in one has.
    for (let i = 0; i < 100 && !changes.some((c) => c.status === 'signed-in'); i++) {
      await new Promise((r) => requestAnimationFrame(r));
    }
    unsubscribe();
    return { signIn, token, session, changes, keys: Object.keys(bridge).sort() };
  });
  expect(outcome.keys).toEqual(Object.keys(bridgeContract).sort());
  expect(outcome.signIn).toMatchObject({ ok: true, session: { status: 'signed-in', user: { displayName: 'Ada' } } });
  expect(outcome.token).toMatchObject({ ok: true, accessToken: { token: expect.any(String) } });
  expect(outcome.session).toMatchObject({ status: 'signed-in', remembered: false });
  expect(outcome.changes.map((c) => c.status)).toContain('signed-in');
  await dispose();
});

test('main pushes every configuration change to the page, as it does the session', async () => {
  const { page, dispose } = await openPage();
  const changes = await page.evaluate(async () => {
    const bridge = (window as unknown as { switchboard: SwitchboardBridge }).switchboard;
    const seen: AppConfig[] = [];
    const unsubscribe = bridge.config.onChange((config) => seen.push(config));
    await bridge.config.set({ alternateCallerId: '+1 425 555 0177' });
    // Events arrive asynchronously: wait until the change has.
    for (let i = 0; i < 100 && seen.length === 0; i++) await new Promise((r) => requestAnimationFrame(r));
    unsubscribe();
    return seen;
  });
  expect(changes.at(-1)).toMatchObject({ alternateCallerId: '+14255550177', alternateCallerIdSource: 'user' });
  await dispose();
});

test('main refuses a malformed payload and a call from an embedded frame of another origin', async () => {
  const { page, dispose, refusals } = await openPage();
  const malformed = await page.evaluate(() =>
    (window as unknown as { switchboard: SwitchboardBridge }).switchboard.token
      .get({ requestId: 'not-a-uuid' })
      .then(() => 'accepted')
      .catch((error: Error) => error.message),
  );
  expect(malformed).toMatch(/refused switchboard:token:get: the request is malformed \(requestId/);

  // An iframe on 127.0.0.1 is another origin than localhost; it has its own bridge (init scripts run in every frame).
  const otherOrigin = server.origin.replace('localhost', '127.0.0.1');
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    document.body.append(frame);
    return new Promise((r) => frame.addEventListener('load', r));
  }, `${otherOrigin}/blank.html`);
  const child = page.frames().find((f) => f !== page.mainFrame());
  if (!child) throw new Error('the iframe did not load');
  const fromFrame = await child.evaluate(() =>
    (window as unknown as { switchboard: SwitchboardBridge }).switchboard.session
      .get()
      .then(() => 'accepted')
      .catch((error: Error) => error.message),
  );
  expect(fromFrame).toMatch(/refused switchboard:session:get/);
  expect(refusals).toHaveLength(2);
  await dispose();
});
