import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { lintProbe } from '../../support/lint-probe';

// The renderer's type-check must refuse Node and Electron. This compiles fixture files with the
// renderer's own compiler options (renderer/tsconfig.json, unchanged) and lints them with the
// renderer's Biome rules, so a loosened tsconfig or biome.json fails here.
const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../../..');
const fixtures = join(repo, 'test/fixtures/process-boundary');
const workDir = join(repo, 'out/process-boundary-check');

async function typecheckAsRenderer(fixture: string): Promise<string> {
  mkdirSync(workDir, { recursive: true });
  const config = join(workDir, `${fixture}.tsconfig.json`);
  writeFileSync(
    config,
    JSON.stringify({
      extends: join(repo, 'renderer/tsconfig.json'),
      compilerOptions: { composite: false, noEmit: true, emitDeclarationOnly: false, declaration: true },
      files: [join(fixtures, `${fixture}.ts`)],
      include: [],
      references: [],
    }),
  );
  try {
    await run(join(repo, 'node_modules/.bin/tsc'), ['-p', config], { cwd: repo });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout);
  }
}

describe('renderer type-check', () => {
  test('refuses a Node built-in', async () => {
    expect(await typecheckAsRenderer('imports-node-builtin')).toMatch(/Cannot find (name|module) 'node:fs'/);
  });

  test('refuses electron', async () => {
    expect(await typecheckAsRenderer('imports-electron')).toMatch(/'"electron"' has no exported member 'ipcRenderer'/);
  });

  test('refuses Node globals', async () => {
    expect(await typecheckAsRenderer('uses-node-global')).toMatch(/Cannot find name 'process'/);
  });

  test('accepts browser code that uses the shared contract', async () => {
    expect(await typecheckAsRenderer('browser-only')).toBe('');
  });
});

describe('renderer lint', () => {
  function lintAsRenderer(fixture: string): Promise<string> {
    return lintProbe('renderer', `boundary-check-${fixture}`, readFileSync(join(fixtures, `${fixture}.ts`), 'utf8'));
  }

  test('flags Node built-ins and electron', async () => {
    expect(await lintAsRenderer('imports-node-builtin')).toMatch(/noNodejsModules/);
    expect(await lintAsRenderer('imports-electron')).toMatch(/noRestrictedImports/);
  });
});
