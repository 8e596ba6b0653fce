/**
 * One vs two backend instances on one PostgreSQL database, at a fixed concurrency, as behind a
 * load balancer (docs/backend.md, "Running several instances"; figures in docs/performance.md).
 *
 * Shape: the ACS stand-in, PostgreSQL and two backends (`backend/main.ts`, deployed heap
 * settings), each its own process; this process is the load: SCALE_CONCURRENCY closed-loop
 * workers, each with its own session. "One instance" sends every refresh to A; "two instances"
 * spreads the workers over A and B (worker i → instance i mod 2). The two sides alternate in
 * short rounds (`compare`), so machine load lands on both. Printed per side: throughput, p50,
 * p99, and the backends' CPU time per refresh (from /proc), at ACS +30 ms and against the raw
 * stand-in.
 *
 * Budget: at ACS +30 ms two instances keep ≥ 0.9× one instance's throughput: sharing the database
 * (counters, row locks, the rotation function) must not serialise them. On 2 shared cores a
 * second instance adds no CPU, so more than 1× is not expected here.
 */
import {
  ACS_LATENCY_MS,
  backendSide,
  compare,
  type Measurement,
  processCpuTimeMs,
  startBackend,
  startPostgres,
  startStandIn,
} from './backend-load';
import type { Benchmark, BenchRow } from './harness';

const SCALE_CONCURRENCY = 16;
const TWO_INSTANCE_THROUGHPUT_FLOOR = 0.9;

function rows(latency: number, two: Measurement, one: Measurement): BenchRow[] {
  const condition = latency === 0 ? 'ACS raw' : `ACS +${latency} ms`;
  const throughputRatio = two.throughput / one.throughput;
  const judged = latency !== 0;
  return [
    {
      metric: `${condition}: 2 instances vs 1, refresh throughput (c=${SCALE_CONCURRENCY})`,
      value: two.throughput,
      unit: 'req/s',
      baseline: one.throughput,
      ratio: throughputRatio,
      ...(judged
        ? {
            budget: `≥ ${TWO_INSTANCE_THROUGHPUT_FLOOR}×`,
            withinBudget: throughputRatio >= TWO_INSTANCE_THROUGHPUT_FLOOR,
          }
        : {}),
    },
    {
      metric: `${condition}: 2 instances vs 1, p50`,
      value: two.p50,
      unit: 'ms',
      baseline: one.p50,
      ratio: two.p50 / one.p50,
    },
    {
      metric: `${condition}: 2 instances vs 1, p99`,
      value: two.p99,
      unit: 'ms',
      baseline: one.p99,
      ratio: two.p99 / one.p99,
    },
    {
      metric: `${condition}: 2 instances vs 1, backend CPU per refresh`,
      value: two.cpuPerRequestMs,
      unit: 'ms',
      baseline: one.cpuPerRequestMs,
      ratio: two.cpuPerRequestMs / one.cpuPerRequestMs,
    },
  ];
}

const benchmark: Benchmark = {
  name: 'backend scale-out: 1 vs 2 instances on one PostgreSQL',
  async run() {
    const standIn = await startStandIn();
    const postgres = await startPostgres();
    const results: BenchRow[] = [];
    try {
      const database = { DATABASE_URL: postgres.ready.url as string };
      const a = await startBackend(database, standIn.ready);
      const b = await startBackend(database, standIn.ready);
      try {
        for (const latency of [ACS_LATENCY_MS, 0]) {
          await standIn.command(`latency ${latency}`);
          const one = await backendSide([a.url], processCpuTimeMs([a.pid]), SCALE_CONCURRENCY);
          const two = await backendSide([a.url, b.url], processCpuTimeMs([a.pid, b.pid]), SCALE_CONCURRENCY);
          const measured = await compare(one, two);
          results.push(...rows(latency, measured.backend, measured.baseline));
        }
      } finally {
        await standIn.command('latency 0');
        await Promise.all([a.stop(), b.stop()]);
      }
    } finally {
      await standIn.stop();
      await postgres.stop();
    }
    return results;
  },
};

export default benchmark;
