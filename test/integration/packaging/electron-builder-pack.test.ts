/**
 * electron-builder really packs the app with electron-builder.yml: a Linux `dir` build against a
 * stand-in Electron distribution (the real binary cannot be downloaded here), so the files rules,
 * asar, unpacking, extra resources and the app's package.json are exercised by electron-builder
 * itself. The stand-in executable carries Electron's default fuse wire (test/support/fuse-wire.ts),
 * so electron-builder's own fuse step flips it as it would flip the real binary.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parse } from 'yaml';
import { type FuseName, HARDENING_FUSES, readFuses, standInExecutable } from '../../support/fuse-wire';

const root = resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  listPackage(path: string): string[];
  extractFile(archive: string, filename: string): Buffer;
};
const work = mkdtempSync(join(tmpdir(), 'switchboard-pack-'));
const output = join(work, 'release');
const appDir = join(output, 'linux-unpacked');
let fusesConfigured: Record<FuseName, boolean>;

beforeAll(async () => {
  for (const bundle of ['out/electron/main.cjs', 'out/electron/preload.cjs', 'out/renderer/index.html']) {
    if (!existsSync(join(root, bundle))) throw new Error(`${bundle} is missing: run "npm run build" first`);
  }
  // A stand-in Electron distribution: electron-builder copies it and renames the executable.
  const electronDist = join(work, 'electron-dist');
  mkdirSync(join(electronDist, 'resources'), { recursive: true });
  writeFileSync(join(electronDist, 'electron'), standInExecutable());
  chmodSync(join(electronDist, 'electron'), 0o755);
  const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
  fusesConfigured = config.electronFuses;
  const configFile = join(work, 'electron-builder.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      ...config,
      electronDist,
      electronVersion: JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version,
      directories: { ...config.directories, output },
      // The GitHub provider needs a git remote to name the repository; a fixed feed keeps this offline.
      publish: { provider: 'generic', url: 'https://updates.example.com/switchboard' },
      // The test checks the marker the release workflow sets.
      extraMetadata: { switchboard: { updateVerification: 'release-sha512' } },
    }),
  );
  await promisify(execFile)(
    process.execPath,
    [
      join(root, 'node_modules/electron-builder/cli.js'),
      '--config',
      configFile,
      '--linux',
      'dir',
      '--publish',
      'never',
    ],
    { cwd: root, env: { ...process.env, CI: '1' }, maxBuffer: 64 * 1024 * 1024 },
  );
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the archive holds the bundles, package.json and keytar — nothing else, no source maps', () => {
  const files = asar.listPackage(join(appDir, 'resources/app.asar'));
  expect(files).toEqual(
    expect.arrayContaining([
      '/out/electron/main.cjs',
      '/out/electron/preload.cjs',
      '/out/renderer/index.html',
      '/package.json',
      '/node_modules/keytar/lib/keytar.js',
    ]),
  );
  const modules = new Set(files.flatMap((file) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? []));
  expect([...modules]).toEqual(['keytar']);
  expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
});

test('development code stays out of the archive: no stand-in, test, script or source file, in a file or a bundle', () => {
  const archive = join(appDir, 'resources/app.asar');
  const files = asar.listPackage(archive);
  // Everything is a build output, the manifest or keytar: devtools/, test/, scripts/ and sources are not.
  const shipped = /^\/(out|out\/(electron|renderer)(\/.*)?|package\.json|node_modules|node_modules\/keytar(\/.*)?)$/;
  expect(files.filter((file) => !shipped.test(file))).toEqual([]);
  expect(files.filter((file) => /devtools|stand-in|\/test\//.test(file))).toEqual([]);
  // The bundles are minified; their source maps (built beside them, left out of the archive) name
  // every module esbuild bundled. The archive's bundles are those very builds.
  for (const bundle of ['out/electron/main.cjs', 'out/electron/preload.cjs']) {
    expect(asar.extractFile(archive, bundle).equals(readFileSync(join(root, bundle)))).toBe(true);
    const { sources } = JSON.parse(readFileSync(join(root, `${bundle}.map`), 'utf8')) as { sources: string[] };
    expect(sources.some((source) => source.includes('electron/main/') || source.includes('electron/preload/'))).toBe(
      true,
    );
    // Paths are relative to out/electron/: ../../devtools/… would be the repository's own devtools.
    expect(sources.filter((source) => /^\.\.\/\.\.\/(devtools|test|scripts|bench)\//.test(source))).toEqual([]);
  }
});

test('keytar’s native binary is unpacked beside the archive, where Node can load it', () => {
  expect(existsSync(join(appDir, 'resources/app.asar.unpacked/node_modules/keytar/build/Release/keytar.node'))).toBe(
    true,
  );
});

test('tray icons ship as resources; the executable is named after the product; the update feed is written', () => {
  for (const state of ['signed-out', 'ready', 'in-call', 'unreachable']) {
    expect(existsSync(join(appDir, 'resources/tray', `tray-${state}.png`))).toBe(true);
  }
  expect(existsSync(join(appDir, 'switchboard'))).toBe(true);
  const feed = readFileSync(join(appDir, 'resources/app-update.yml'), 'utf8');
  expect(feed).toMatch(/^provider: generic$/m);
  expect(feed).toMatch(/^url: https:\/\/updates\.example\.com\/switchboard$/m);
});

test('the packed package.json points at the bundle and carries the update-verification marker', () => {
  const extract = require('@electron/asar') as { extractFile(archive: string, file: string): Buffer };
  const pkg = JSON.parse(extract.extractFile(join(appDir, 'resources/app.asar'), 'package.json').toString('utf8'));
  expect(pkg.main).toBe('out/electron/main.cjs');
  expect(pkg.switchboard).toEqual({ updateVerification: 'release-sha512' });
  expect(pkg.devDependencies).toBeUndefined();
});

test('electron-builder flips every fuse in the packaged executable as electron-builder.yml says (issue 13, finding 10)', async () => {
  const packaged = await readFuses(join(appDir, 'switchboard'));
  expect(packaged).toEqual(fusesConfigured);
  // The ones docs/security.md promises, spelled out: a wrong YAML would fail here too.
  expect(packaged).toMatchObject(HARDENING_FUSES);
});
