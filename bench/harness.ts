/**
 * The benchmark convention: every `bench/*.bench.ts` default-exports a `Benchmark`. `npm run bench`
 * runs them one after another (never in parallel: 2 cores) and prints one table. Each benchmark
 * measures its own baseline in the same run, so the ratio is what matters, not the absolute time.
 */
export interface BenchRow {
  /** What was measured, e.g. "cached getToken p99". */
  metric: string;
  /** The figure, with its unit, e.g. 0.012 and "ms". */
  value: number;
  unit: string;
  /** The same measurement of the baseline in the same run, when there is one. */
  baseline?: number;
  /** value / baseline, or a ratio computed otherwise; compared against `budget`. */
  ratio?: number;
  /** The budget as a human-readable bound, e.g. "≤ 1.1×" or "≤ 1 ms". */
  budget?: string;
  /** Whether the figure is within budget. */
  withinBudget?: boolean;
}

export interface Benchmark {
  name: string;
  run(): Promise<BenchRow[]>;
}

/** `count` requests by `concurrency` workers, each starting the next as soon as its last answered; answers each latency (ms). */
export async function closedLoop(
  count: number,
  concurrency: number,
  request: (index: number) => Promise<void>,
): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let index = next++; index < count; index = next++) {
        const started = performance.now();
        await request(index);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies;
}

export function percentile(sortedAscending: readonly number[], p: number): number {
  if (sortedAscending.length === 0) return Number.NaN;
  const index = Math.min(sortedAscending.length - 1, Math.ceil((p / 100) * sortedAscending.length) - 1);
  return sortedAscending[Math.max(0, index)] ?? Number.NaN;
}

export function formatTable(results: ReadonlyArray<{ benchmark: string; rows: readonly BenchRow[] }>): string {
  const header = ['benchmark', 'metric', 'value', 'baseline', 'ratio', 'budget', 'ok'];
  const lines = results.flatMap(({ benchmark, rows }) =>
    rows.map((row) => [
      benchmark,
      row.metric,
      `${round(row.value)} ${row.unit}`,
      row.baseline === undefined ? '' : `${round(row.baseline)} ${row.unit}`,
      row.ratio === undefined ? '' : `${round(row.ratio)}×`,
      row.budget ?? '',
      row.withinBudget === undefined ? '' : row.withinBudget ? 'yes' : 'NO',
    ]),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const render = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...lines.map(render)].join('\n');
}

function round(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  return abs >= 100 ? n.toFixed(0) : abs >= 1 ? n.toFixed(2) : n.toPrecision(3);
}
