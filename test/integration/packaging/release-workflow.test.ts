/**
 * The release workflow cannot run here; this checks its shape: a version-tag trigger, one job per
 * OS, the tag/version guard, and electron-builder publishing with this repository's config.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';

const workflow = parse(readFileSync(resolve(import.meta.dirname, '../../../.github/workflows/release.yml'), 'utf8'));

test('runs on version tags only, on macOS, Windows and Linux, with permission to upload', () => {
  expect(workflow.on).toEqual({ push: { tags: ['v*.*.*'] } });
  expect(workflow.permissions).toEqual({ contents: 'write' });
  const job = workflow.jobs.installers;
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template.
  expect(job['runs-on']).toBe('${{ matrix.os }}');
  expect(job.strategy.matrix.os).toEqual(['macos-latest', 'windows-latest', 'ubuntu-latest']);
});

test('builds from a clean install, refuses a tag that is not the version, publishes with electron-builder.yml', () => {
  const steps: Array<{ run?: string; uses?: string }> = workflow.jobs.installers.steps;
  const script = steps.map((step) => step.run ?? '').join('\n');
  expect(steps.map((step) => step.uses).filter(Boolean)).toEqual(['actions/checkout@v4', 'actions/setup-node@v4']);
  expect(script).toContain('npm ci');
  expect(script).toContain('test "v$(node -p \'require("./package.json").version\')" = "$GITHUB_REF_NAME"');
  expect(script).toContain('npx electron-builder --config electron-builder.yml --publish always -c.npmRebuild=true');
  expect(script).toContain('-c.extraMetadata.switchboard.updateVerification=$verification');
});

test('Linux builds are never marked signed: their updates are verified by the release sha512 (issue 13, finding 9)', () => {
  const script: string = workflow.jobs.installers.steps.map((step: { run?: string }) => step.run ?? '').join('\n');
  expect(script).not.toMatch(/signedBuild|signed=true/);
  expect(script).toContain('if [ "$RUNNER_OS" = "Linux" ]; then verification=release-sha512');
  expect(script).toContain('elif [ -n "$CSC_LINK" ]; then verification=code-signature');
  // Unsigned Windows/macOS: the default stays "none", so auto-update stays off there.
  expect(script).toContain('verification=none\n');
});
