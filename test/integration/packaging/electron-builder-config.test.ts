/**
 * electron-builder.yml against electron-builder's own JSON schema (the one its CLI validates with),
 * plus the settings a schema cannot require: fuses, entitlements, usage strings, native modules,
 * targets. `npm run dist` itself needs the Electron binary and cannot run here (docs/desktop.md).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { HARDENING_FUSES } from '../../support/fuse-wire';

const root = resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const config = parse(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8'));
const schema = require('app-builder-lib/scheme.json');

test('electron-builder.yml is valid against app-builder-lib/scheme.json', () => {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
  const valid = validate(config);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
});

test('the schema check would catch a mistake (a misspelt key, a wrong type)', () => {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
  expect(validate({ ...config, npmRebuilt: false })).toBe(false);
  expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNode: 'no' } })).toBe(false);
});

test('identity, files and native modules', () => {
  expect(config.appId).toBe('com.switchboard.desktop');
  expect(config.productName).toBe('Switchboard');
  expect(config.files).toEqual([
    'out/electron/**',
    'out/renderer/**',
    'package.json',
    '!**/*.map',
    '!node_modules/**',
    'node_modules/keytar/**',
  ]);
  expect(config.asar).toBe(true);
  expect(config.asarUnpack).toContain('**/node_modules/keytar/**');
  expect(config.npmRebuild).toBe(false);
  expect(config.protocols).toEqual([expect.objectContaining({ schemes: ['switchboard'] })]);
  expect(['github', 'generic', 's3', 'spaces', 'gitlab', 'keygen', 'bitbucket']).toContain(config.publish.provider);
});

test('every module esbuild leaves outside the main bundle is shipped (and native ones unpacked)', () => {
  const buildScript = readFileSync(resolve(root, 'scripts/build-electron.mjs'), 'utf8');
  const externals = [...(/external:\s*\[([^\]]*)\]/.exec(buildScript)?.[1] ?? '').matchAll(/'([^']+)'/g)].map(
    (match) => match[1],
  );
  expect(externals).toContain('keytar');
  for (const name of externals.filter((external) => external !== 'electron')) {
    expect(config.files).toContain(`node_modules/${name}/**`);
  }
  expect(config.asarUnpack).toContain('**/node_modules/keytar/**');
});

test('the main process reads package.json "main" from the bundle electron-builder packs', () => {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
  expect(pkg.main).toBe('out/electron/main.cjs');
  expect(pkg.scripts.dist).toBe('npm run build && electron-builder --config electron-builder.yml');
});

test('every hardening fuse is set', () => {
  expect(config.electronFuses).toMatchObject(HARDENING_FUSES);
});

describe('macOS', () => {
  test('dmg + zip, hardened runtime, notarization, usage strings', () => {
    expect(config.mac.target.map((t: { target: string }) => t.target)).toEqual(['dmg', 'zip']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.notarize).toBe(true);
    expect(config.mac.extendInfo.NSCameraUsageDescription).toMatch(/camera/);
    expect(config.mac.extendInfo.NSMicrophoneUsageDescription).toMatch(/microphone/);
  });

  test.each([['mac.entitlements'], ['mac.entitlementsInherit']])(
    '%s grants JIT, camera and audio input only',
    (key) => {
      const path = key === 'mac.entitlements' ? config.mac.entitlements : config.mac.entitlementsInherit;
      const plist = readFileSync(resolve(root, path), 'utf8');
      const granted = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((m) => m[1]);
      expect(granted.sort()).toEqual([
        'com.apple.security.cs.allow-jit',
        'com.apple.security.device.audio-input',
        'com.apple.security.device.camera',
      ]);
    },
  );
});

test('Windows: NSIS, per-user', () => {
  expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis']);
  expect(config.nsis.perMachine).toBe(false);
  expect(config.nsis.oneClick).toBe(false);
});

test('Linux: AppImage and deb, the deb depends on libsecret and Electron’s libraries', () => {
  expect(config.linux.target).toEqual(['AppImage', 'deb']);
  expect(config.deb.depends).toEqual(
    expect.arrayContaining(['libsecret-1-0', 'libgtk-3-0', 'libnss3', 'libnotify4', 'libxss1', 'libxtst6', 'libgbm1']),
  );
});
