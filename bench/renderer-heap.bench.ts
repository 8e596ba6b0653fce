/**
 * docs/architecture.md, Budgets: "renderer JS heap, signed in, idle, SDK loaded ≤ 1.5×" a bare page that only loads the
 * SDK and creates a CallClient. Both in Debian Chromium from the production bundle's origin; the
 * app is signed in (a session restored by main, the real broker and reference backend) and idle
 * on its home screen (the dialer) once its agent has settled (offline: Disconnected after the
 * SDK's ~7 s wait). Heap = V8's used heap after a forced garbage collection (CDP), median of ROUNDS.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestBackend } from '../test/support/backend-harness';
import { createTestAppSession, installBridge } from '../test/support/bridge-harness';
import { launchChromium } from '../test/support/chromium';
import { RENDERER_BUILD_DIR, serveStatic } from '../test/support/static-server';
import { type Benchmark, type BenchRow, percentile } from './harness';

const ROUNDS = 3;

/**
 * Waits without running Playwright's selector engine in the page: a locator's wait polls every
 * animation frame, and over the agent's ~7 s offline wait V8 compiled that injected code into
 * ≈ 0.2 MB of optimised machine code counted in the page's heap, not the app's. One cheap check
 * a second, the same for all three pages.
 */
async function waitUntil(page: Page, check: string): Promise<void> {
  await page.waitForFunction(check, null, { timeout: 60_000, polling: 1000 });
}

async function usedHeapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / (1024 * 1024);
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/** A private copy of the build, so a rebuild elsewhere during the run cannot pull files away. */
function snapshotBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'switchboard-renderer-'));
  cpSync(RENDERER_BUILD_DIR, root, { recursive: true });
  return root;
}

const benchmark: Benchmark = {
  name: 'renderer heap',
  async run(): Promise<BenchRow[]> {
    const root = snapshotBuild();
    const sdkChunk = readdirSync(join(root, 'assets')).find((f) => /^sdk-.*\.js$/.test(f));
    if (!sdkChunk) throw new Error('out/renderer has no sdk-*.js chunk: run "npm run build:renderer"');
    const server = await serveStatic(root, {
      '/bench/sdk-client.html': {
        type: 'text/html',
        // The chunk's export names are the bundler's; find the calling layer's SDK object by shape.
        body: `<!doctype html><script type="module">
          const module = await import('/assets/${sdkChunk}');
          const sdk = Object.values(module).find((value) => value && typeof value.createCallClient === 'function');
          window.__client = sdk.createCallClient();
          window.__ready = true;
        </script>`,
      },
      // Not the budget's baseline: the same SDK objects the app holds (device manager, an agent
      // with a bridge-fed credential), to tell the SDK's share from the UI's.
      '/bench/sdk-agent.html': {
        type: 'text/html',
        body: `<!doctype html><script type="module">
          const module = await import('/assets/${sdkChunk}');
          const sdk = Object.values(module).find((value) => value && typeof value.createCallClient === 'function');
          const client = sdk.createCallClient();
          const token = async () => {
            const r = await window.switchboard.token.get({ requestId: crypto.randomUUID() });
            return r.accessToken.token;
          };
          const credential = sdk.createCredential({ tokenRefresher: token, token: await token(), refreshProactively: true });
          const [devices, agent] = await Promise.all([client.getDeviceManager(), client.createCallAgent(credential, { displayName: 'Heap' })]);
          await Promise.all([devices.getCameras(), devices.getMicrophones(), devices.getSpeakers()]);
          window.__keep = { client, credential, devices, agent };
          window.__ready = true;
        </script>`,
      },
    });
    const backend = await startTestBackend({ offlineAcs: true });
    const app = await createTestAppSession({ backendUrl: backend.url });
    let browser: Browser | null = null;
    try {
      await app.signIn('Heap');
      browser = await launchChromium({ fakeMedia: true });
      const appHeap: number[] = [];
      const bareHeap: number[] = [];
      const agentHeap: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        {
          const context = await browser.newContext();
          const page = await context.newPage();
          await page.goto(`${server.origin}/bench/sdk-client.html`);
          await waitUntil(page, 'window.__ready === true');
          bareHeap.push(await usedHeapAfterGc(page));
          await context.close();
        }
        {
          const context = await browser.newContext();
          const page = await context.newPage();
          const harness = await installBridge(page, { app, origin: server.origin });
          await page.goto(`${server.origin}/bench/sdk-agent.html`);
          await waitUntil(page, 'window.__ready === true');
          agentHeap.push(await usedHeapAfterGc(page));
          await harness.dispose();
          await context.close();
        }
        {
          const context = await browser.newContext();
          const page = await context.newPage();
          const harness = await installBridge(page, { app, origin: server.origin });
          await page.goto(`${server.origin}/`);
          await waitUntil(
            page,
            `document.querySelector('[data-agent="unreachable"], [data-agent="connected"]') !== null &&
             document.querySelector('[data-testid="dialer-screen"]') !== null`,
          );
          appHeap.push(await usedHeapAfterGc(page));
          await harness.dispose();
          await context.close();
        }
      }
      const a = median(appHeap);
      const b = median(bareHeap);
      const g = median(agentHeap);
      return [
        { metric: 'JS heap, bare SDK + CallClient (median)', value: b, unit: 'MB' },
        {
          metric: 'JS heap, bare SDK + device manager + agent, no UI (median)',
          value: g,
          unit: 'MB',
          baseline: b,
          ratio: g / b,
        },
        {
          metric: 'JS heap, signed in, idle, SDK loaded (median)',
          value: a,
          unit: 'MB',
          baseline: b,
          ratio: a / b,
          budget: '≤ 1.5× SDK + CallClient page',
          withinBudget: a / b <= 1.5,
        },
      ];
    } finally {
      await browser?.close();
      await app.dispose();
      await backend.close();
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  },
};

export default benchmark;
