/**
 * The committed icons (scripts/make-icons.ts renders them from build/icon.svg and
 * build/tray-icon.svg): every size exists, is a PNG of that size, and the .ico/.icns containers
 * hold what electron-builder and the OSes read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { TRAY_STATE_COLORS } from '../../../scripts/make-icons';

const build = resolve(import.meta.dirname, '../../../build');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test('Linux icon set and the 1024 px master', () => {
  for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
    expect(pngSize(readFileSync(resolve(build, 'icons', `${size}x${size}.png`)))).toEqual({
      width: size,
      height: size,
    });
  }
  expect(pngSize(readFileSync(resolve(build, 'icon.png')))).toEqual({ width: 1024, height: 1024 });
});

test('icon.ico: a directory of PNG entries up to 256 px', () => {
  const ico = readFileSync(resolve(build, 'icon.ico'));
  expect(ico.readUInt16LE(2)).toBe(1);
  const count = ico.readUInt16LE(4);
  const sizes: number[] = [];
  for (let i = 0; i < count; i++) {
    const entry = 6 + 16 * i;
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    const { width } = pngSize(ico.subarray(offset, offset + length));
    expect(ico.readUInt8(entry) || 256).toBe(width);
    sizes.push(width);
  }
  expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
});

test('icon.icns: PNG elements from 16 to 1024 px', () => {
  const icns = readFileSync(resolve(build, 'icon.icns'));
  expect(icns.toString('ascii', 0, 4)).toBe('icns');
  expect(icns.readUInt32BE(4)).toBe(icns.length);
  const found: Record<string, number> = {};
  for (let offset = 8; offset < icns.length; ) {
    const type = icns.toString('ascii', offset, offset + 4);
    const length = icns.readUInt32BE(offset + 4);
    found[type] = pngSize(icns.subarray(offset + 8, offset + length)).width;
    offset += length;
  }
  expect(found).toMatchObject({ icp4: 16, icp5: 32, ic07: 128, ic08: 256, ic09: 512, ic10: 1024 });
});

test('a tray icon per tray state, 1x and 2x, each state its own image; shipped as extraResources', () => {
  const images = new Set<string>();
  for (const state of Object.keys(TRAY_STATE_COLORS)) {
    const one = readFileSync(resolve(build, 'tray', `tray-${state}.png`));
    expect(pngSize(one)).toEqual({ width: 16, height: 16 });
    expect(pngSize(readFileSync(resolve(build, 'tray', `tray-${state}@2x.png`)))).toEqual({ width: 32, height: 32 });
    images.add(one.toString('base64'));
  }
  expect(images.size).toBe(4);
  const config = parse(readFileSync(resolve(build, '../electron-builder.yml'), 'utf8'));
  expect(config.extraResources).toEqual([{ from: 'build/tray', to: 'tray', filter: ['*.png'] }]);
  for (const path of [config.mac.icon, config.win.icon, config.linux.icon])
    expect(existsSync(resolve(build, '..', path))).toBe(true);
});
