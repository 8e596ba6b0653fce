import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';

const repo = resolve(import.meta.dirname, '../../..');

test('npm start without the Electron binary exits with one line, not a stack trace', () => {
  // An empty package folder stands for an install where the binary was never downloaded.
  const emptyElectronPackage = mkdtempSync(join(tmpdir(), 'no-electron-'));
  const result = spawnSync(process.execPath, ['scripts/dev.mjs'], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, SWITCHBOARD_ELECTRON_PACKAGE_DIR: emptyElectronPackage },
  });
  expect(result.status).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Switchboard cannot start: the Electron binary is not installed.*npx install-electron/);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout).toBe('');
});
