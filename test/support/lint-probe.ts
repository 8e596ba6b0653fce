import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');

/**
 * Biome's output for `source` as a file in `folder` (relative to the repository), so that the
 * folder's own rules in biome.json apply; '' when it lints clean. Biome prints no diagnostics for
 * stdin, so the probe is a real file for the moment of the check, and removed whatever happens.
 */
export async function lintProbe(folder: string, name: string, source: string): Promise<string> {
  const probe = join(repo, folder, `${name}-${process.pid}.ts`);
  writeFileSync(probe, source);
  try {
    await run(join(repo, 'node_modules/.bin/biome'), ['lint', probe], { cwd: repo });
    return '';
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return `${stdout}${stderr}`;
  } finally {
    rmSync(probe, { force: true });
  }
}
