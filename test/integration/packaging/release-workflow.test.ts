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
