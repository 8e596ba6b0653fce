/**
 * The scanner wrapper really scans: on a main process with context isolation and the sandbox off
 * and no navigation limits it reports those findings as undocumented and exits 1. (`npm test` runs the
 * wrapper over electron/ itself; this checks the wrapper is not a green light that sees nothing.)
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, test } from 'vitest';

const run = promisify(execFile);
const script = resolve(import.meta.dirname, '../../../scripts/electronegativity.mjs');
const folder = mkdtempSync(join(tmpdir(), 'switchboard-insecure-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

test('an insecure main process fails the scan with undocumented findings', async () => {
  writeFileSync(
    join(folder, 'main.ts'),
    `import { app, BrowserWindow } from 'electron';
app.whenReady().then(() => {
  const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });
  void window.loadURL('http://example.com/');
});
`,
  );
  const outcome = await run(process.execPath, [script, '--json', '--input', folder]).then(
    () => ({ code: 0, stdout: '' }),
    (error: { code: number; stdout: string }) => error,
  );
  expect(outcome.code).toBe(1);
  const report = JSON.parse(outcome.stdout.slice(outcome.stdout.indexOf('{')));
  const ids = report.undocumented.map((finding: { id: string }) => finding.id);
  expect(ids).toEqual(
    expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']),
  );
  expect(report.unparsed).toEqual([]);
});
