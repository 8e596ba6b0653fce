/**
 * A `--dir` package built from the real Electron binary with electron-builder.yml as it is, fuses
 * included, then read back from the packaged executable with @electron/fuses: the fuses are what
 * the binary carries, not what the YAML says. Needs the binary (electron-builder flips the fuses in
 * a copy of it); where it is missing the test skips and says why. The stand-in packaging test
 * (test/integration/packaging/electron-builder-pack.test.ts, a stand-in carrying Electron's default
 * fuse wire) covers the same fuse step here.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, test } from 'vitest';
import { parse } from 'yaml';
import { ELECTRON_SKIP_REASON, electronBinary, REPO_ROOT } from '../support/electron-app';
import { readFuses } from '../support/fuse-wire';

const work = mkdtempSync(join(tmpdir(), 'switchboard-fuses-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test.skipIf(!electronBinary)(
  `the packaged executable carries the fuses electron-builder.yml sets${electronBinary ? '' : ` (${ELECTRON_SKIP_REASON})`}`,
  async () => {
    const config = parse(readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8'));
    const output = join(work, 'release');
    const configFile = join(work, 'electron-builder.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        ...config,
        // The binary npm start uses: nothing is downloaded.
        electronDist: dirname(electronBinary ?? ''),
        directories: { ...config.directories, output },
        publish: { provider: 'generic', url: 'https://updates.example.com/switchboard' },
      }),
    );
    await promisify(execFile)(
      process.execPath,
      [join(REPO_ROOT, 'node_modules/electron-builder/cli.js'), '--config', configFile, '--dir', '--publish', 'never'],
      { cwd: REPO_ROOT, env: { ...process.env, CI: '1', CSC_IDENTITY_AUTO_DISCOVERY: 'false' }, maxBuffer: 64 << 20 },
    );
    const executable = {
      linux: join(output, 'linux-unpacked', 'switchboard'),
      win32: join(output, 'win-unpacked', 'Switchboard.exe'),
      darwin: join(
        output,
        process.arch === 'arm64' ? 'mac-arm64' : 'mac',
        'Switchboard.app/Contents/MacOS/Switchboard',
      ),
    }[process.platform as 'linux' | 'win32' | 'darwin'];
    // Every fuse this Electron has, none removed, each as electron-builder.yml sets it.
    await expect(readFuses(executable)).resolves.toEqual(config.electronFuses);
  },
  600_000,
);
