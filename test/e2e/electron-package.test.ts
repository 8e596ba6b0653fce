/**
 * A `--dir` package built from the real Electron binary with electron-builder.yml as it is, fuses
 * included, then read back from the packaged executable with @electron/fuses: the fuses are what
 * the binary carries, not what the YAML says. Needs the binary (electron-builder flips the fuses in
 * a copy of it); where it is missing the test skips and says why. The stand-in packaging test
 * (test/integration/packaging/electron-builder-pack.test.ts) covers the rest here.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, expect, test } from 'vitest';
import { parse } from 'yaml';
import { ELECTRON_SKIP_REASON, electronBinary, REPO_ROOT } from '../support/electron-app';

const work = mkdtempSync(join(tmpdir(), 'switchboard-fuses-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fuse on the wire is the character '1' or '0' (the package's FuseState, which its index does not export). */
const ENABLED = '1'.charCodeAt(0);
const DISABLED = '0'.charCodeAt(0);

/** electron-builder.yml's names for the fuses, against @electron/fuses' indices. */
const FUSE_NAMES: Record<string, FuseV1Options> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

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
    const wire = await getCurrentFuseWire(executable);
    const expected = Object.entries(config.electronFuses as Record<string, boolean>);
    expect(expected.length).toBe(Object.keys(FUSE_NAMES).length);
    for (const [name, enabled] of expected) {
      const index = FUSE_NAMES[name];
      expect(index, `unknown fuse ${name}`).toBeDefined();
      expect(wire[index as FuseV1Options], name).toBe(enabled ? ENABLED : DISABLED);
    }
  },
  600_000,
);
