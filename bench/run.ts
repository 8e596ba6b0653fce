// `npm run bench [name-filter]`: runs every bench/*.bench.ts in turn and prints one table.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Benchmark, type BenchRow, formatTable } from './harness';

const filter = process.argv[2];
const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filter || f.includes(filter))
  .sort();

const results: Array<{ benchmark: string; rows: BenchRow[] }> = [];
let failed = false;
for (const file of files) {
  const benchmark = (await import(pathToFileURL(join(dir, file)).href)).default as Benchmark;
  process.stderr.write(`running ${benchmark.name}…\n`);
  try {
    results.push({ benchmark: benchmark.name, rows: await benchmark.run() });
  } catch (error) {
    failed = true;
    results.push({
      benchmark: benchmark.name,
      rows: [{ metric: `FAILED: ${(error as Error).message}`, value: Number.NaN, unit: '' }],
    });
  }
}
if (files.length === 0) console.log('no benchmarks match');
else console.log(formatTable(results));
process.exit(failed ? 1 : 0);
