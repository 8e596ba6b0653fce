import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createAppProtocolHandler } from '../../../electron/main/window/app-protocol';
import { contentSecurityPolicy } from '../../../electron/main/window/content-security-policy';
import { startTestBackend, type TestBackend } from '../../support/backend-harness';
import { createTestAppSession, installBridge } from '../../support/bridge-harness';
import { FAKE_MEDIA_ARGS, launchChromium } from '../../support/chromium';
import { RENDERER_BUILD_DIR } from '../../support/static-server';

// The production renderer under the production CSP and the app:// handler's answers (served here
// on http://localhost, which Chromium can load without Electron), signed in through the bridge:
// the real calling SDK loads, spawns its blob: worker and tries ACS, and nothing trips the policy.
let server: Server;
let origin: string;
let browser: Browser;
let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend();
  const handle = createAppProtocolHandler(RENDERER_BUILD_DIR, () => contentSecurityPolicy(new URL(backend.url).origin));
  server = createServer(async (req, res) => {
    const answer = await handle(new Request(`app://localhost${req.url ?? '/'}`));
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium({ args: FAKE_MEDIA_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
  await backend?.close();
});

test('signed in, the SDK runs to "cannot reach ACS" with no Content-Security-Policy violation', async () => {
  const app = await createTestAppSession({ backendUrl: backend.url });
  await app.signIn('Policy Pat');
  const page = await browser.newPage();
  const harness = await installBridge(page, { app, origin });
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|create|connect)/i.test(message.text()))
      violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `Refused to load (CSP): ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      );
    });
  });
  const response = await page.goto(`${origin}/`);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  // The SDK waits ≈ 7 s offline before createCallAgent resolves Disconnected.
  await page
    .getByText(/Cannot reach Azure Communication Services/)
    .first()
    .waitFor({ timeout: 45_000 });
  // zod probes `Function('')` inside a try/catch to decide whether to JIT its parsers; under
  // script-src 'self' the probe fails (reported, harmless) and zod parses without eval. Anything
  // else blocked would be a real breakage.
  const zodProbe = /script-src eval at .*\/assets\/[^ ]+\.js/;
  expect(violations.filter((v) => !zodProbe.test(v))).toEqual([]);
  expect(harness.refusals).toEqual([]);
  await harness.dispose();
  await page.close();
  await app.dispose();
});
