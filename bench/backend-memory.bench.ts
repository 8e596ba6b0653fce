/**
 * Backend memory (docs/architecture.md, Budgets): RSS ≤ 150 MB with 10 000 sessions under 200 requests/s.
 * The backend runs as `backend/main.ts` (SQLite) against the ACS stand-in, each in its own
 * process; this process signs in 10 000 sessions, then refreshes random sessions at a steady
 * 200 requests/s (open loop) while sampling the backend's resident set size from /proc (Linux).
 *
 * It measures the backend as deployed (docs/backend.md): bundled by esbuild and run by `node` with
 * the deployed heap settings (backend/node-options.ts, the same flags the documented container
 * and App Service commands pass). Under `npm run backend` the tsx loader adds about 60 MB of its
 * own (a loader thread).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BACKEND_NODE_OPTIONS } from '../backend/node-options';
import { backendRoutes, SessionAnswerSchema } from '../common/backend-contract';
import { startBackend, startStandIn } from './backend-load';
import { type Benchmark, type BenchRow, percentile } from './harness';

const SESSIONS = 10_000;
const SIGN_IN_CONCURRENCY = 16;
const RATE_PER_SECOND = 200;
const LOAD_SECONDS = 15;
const BUDGET_MB = 150;

function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]);
  if (!Number.isFinite(kilobytes)) throw new Error(`no VmRSS for process ${pid}`);
  return kilobytes / 1024;
}

/**
 * `fetch`, whose network failures say why: undici's own message is only "fetch failed", with the
 * reason (a reset, a connect timeout) in `cause`.
 */
async function send(what: string, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`${what}: ${(error as Error).message} (${cause?.code ?? cause?.message ?? 'no cause given'})`);
  }
}

async function signIn(url: string): Promise<string> {
  const response = await send('sign-in', `${url}${backendRoutes.sessions}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"displayName":"Memory"}',
  });
  return SessionAnswerSchema.parse(await response.json()).session.refreshToken;
}

const benchmark: Benchmark = {
  name: 'backend memory with 10 000 sessions at 200 req/s',
  async run(): Promise<BenchRow[]> {
    if (process.platform !== 'linux') throw new Error('reads /proc/<pid>/status: Linux only');
    const standIn = await startStandIn();
    const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-memory-'));
    // Inside the repository, so that the bundle's external packages resolve from node_modules.
    const bundle = join(import.meta.dirname, '..', 'out', 'bench', 'backend-main.mjs');
    await build({
      entryPoints: [join(import.meta.dirname, '..', 'backend', 'main.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile: bundle,
      logLevel: 'warning',
    });
    const backend = await startBackend({ SQLITE_PATH: join(dataDir, 'sessions.sqlite') }, standIn.ready, [
      ...BACKEND_NODE_OPTIONS,
      bundle,
    ]);
    try {
      const tokens: string[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: SIGN_IN_CONCURRENCY }, async () => {
          while (next < SESSIONS) {
            next += 1;
            tokens.push(await signIn(backend.url));
          }
        }),
      );

      const busy = new Set<number>();
      const latencies: number[] = [];
      let peak = residentMegabytes(backend.pid);
      /** Failed refreshes by status and error code, e.g. "502 acs_unavailable" (never a token). */
      const failures = new Map<string, number>();
      const refresh = async (index: number) => {
        busy.add(index);
        const started = performance.now();
        const response = await send('refresh', `${backend.url}${backendRoutes.token}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens[index]}` },
        });
        if (response.status === 200)
          tokens[index] = SessionAnswerSchema.parse(await response.json()).session.refreshToken;
        else {
          const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
          const key = `${response.status} ${body?.error?.code ?? '(no error code)'}`;
          failures.set(key, (failures.get(key) ?? 0) + 1);
        }
        latencies.push(performance.now() - started);
        busy.delete(index);
      };

      // Open loop: requests leave on a fixed schedule whether or not earlier ones have answered.
      const inFlight: Promise<void>[] = [];
      const start = performance.now();
      const total = RATE_PER_SECOND * LOAD_SECONDS;
      for (let sent = 0; sent < total; sent++) {
        const due = start + (sent * 1000) / RATE_PER_SECOND;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        let index = Math.floor(Math.random() * tokens.length);
        while (busy.has(index)) index = (index + 1) % tokens.length;
        inFlight.push(refresh(index));
        if (sent % RATE_PER_SECOND === 0) peak = Math.max(peak, residentMegabytes(backend.pid));
      }
      await Promise.all(inFlight);
      peak = Math.max(peak, residentMegabytes(backend.pid));
      const achieved = latencies.length / ((performance.now() - start) / 1000);
      latencies.sort((a, b) => a - b);
      if (failures.size > 0) {
        const counts = [...failures].map(([key, count]) => `${count}× ${key}`).join(', ');
        throw new Error(`refreshes failed: ${counts}`);
      }
      return [
        {
          metric: `peak RSS, ${SESSIONS} sessions, ${RATE_PER_SECOND} req/s`,
          value: peak,
          unit: 'MB',
          budget: `≤ ${BUDGET_MB} MB`,
          withinBudget: peak <= BUDGET_MB,
        },
        { metric: 'achieved refresh rate', value: achieved, unit: 'req/s' },
        { metric: 'refresh p99 at that rate', value: percentile(latencies, 99), unit: 'ms' },
      ];
    } finally {
      await backend.stop();
      await standIn.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
