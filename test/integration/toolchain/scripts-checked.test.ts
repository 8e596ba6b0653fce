/**
 * The scripts are checked like the rest of the code: `npm start` was once broken for days by one
 * undeclared name in scripts/dev.mjs that nothing read. Here a copy of scripts/ with exactly that
 * mistake must fail both checks `npm test` runs first (Biome, then `tsc -b`), and the untouched copy
 * must pass them, so the test can tell the two apart.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const repo = resolve(import.meta.dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'switchboard-scripts-checked-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A tree with the project's configs and scripts/, dev.mjs optionally rewritten. */
function treeWith(name: string, rewrite: (devScript: string) => string): string {
  const root = join(scratch, name);
  cpSync(join(repo, 'scripts'), join(root, 'scripts'), { recursive: true });
  for (const file of ['tsconfig.base.json', 'biome.json']) cpSync(join(repo, file), join(root, file));
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'junction');
  const dev = join(root, 'scripts/dev.mjs');
  writeFileSync(dev, rewrite(readFileSync(dev, 'utf8')));
  return root;
}

function checks(root: string) {
  const run = (command: string, args: string[]) =>
    spawnSync(process.execPath, [join(repo, 'node_modules', command), ...args], { cwd: root, encoding: 'utf8' });
  const biome = run('@biomejs/biome/bin/biome', ['lint', '--vcs-enabled=false', 'scripts']);
  const tsc = run('typescript/bin/tsc', ['-b', 'scripts']);
  return { biome, tsc };
}

// The shape of the original bug: a constant used after its definition was removed.
const withUndeclaredName = (source: string) => source.replace('PORT: String(port.port)', 'PORT: String(BACKEND_PORT)');

test('an undeclared name in a script fails Biome and the type-check', () => {
  const broken = treeWith('broken', withUndeclaredName);
  expect(readFileSync(join(broken, 'scripts/dev.mjs'), 'utf8')).toContain('BACKEND_PORT');
  const { biome, tsc } = checks(broken);
  expect(biome.status).not.toBe(0);
  expect(biome.stdout + biome.stderr).toMatch(/noUndeclaredVariables[\s\S]*BACKEND_PORT|BACKEND_PORT[\s\S]*undeclared/);
  expect(tsc.status).not.toBe(0);
  expect(tsc.stdout).toMatch(/dev\.mjs.*Cannot find name 'BACKEND_PORT'/);
});

test('the scripts as they are pass both checks', () => {
  const { biome, tsc } = checks(treeWith('intact', (source) => source));
  expect(biome.status, biome.stdout + biome.stderr).toBe(0);
  expect(tsc.status, tsc.stdout).toBe(0);
});
