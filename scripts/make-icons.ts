/**
 * Renders every app and tray icon from the two SVG sources in build/ with headless Chromium (this
 * machine has no ImageMagick), then packs the Windows .ico and macOS .icns in plain JS (both
 * formats hold PNGs). The results are committed, so packaging never needs Chromium:
 *
 *   npx tsx scripts/make-icons.ts
 *
 * Outputs: build/icon.png (1024), build/icons/NxN.png (Linux), build/icon.ico, build/icon.icns,
 * build/tray/tray-<state>.png and @2x (one per tray state in electron/main/desktop/tray-state.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { TrayStatus } from '../electron/main/desktop/tray-state';
import { launchChromium } from '../test/support/chromium';

const BUILD = resolve(import.meta.dirname, '../build');
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS element types holding PNGs, by pixel size (the @2x types reuse the larger renders). */
const ICNS_TYPES: Array<[string, number]> = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];
export const TRAY_STATE_COLORS: Record<TrayStatus, string> = {
  'signed-out': '#8a8886',
  ready: '#13a10e',
  'in-call': '#d13438',
  unreachable: '#f7a600',
};

async function render(page: Page, svg: string, size: number): Promise<Buffer> {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

/** ICO: a directory of PNG entries (Windows Vista and later read PNG-compressed entries). */
export function packIco(images: Array<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

/** ICNS: 'icns', total length, then (type, length, PNG) elements, big-endian. */
export function packIcns(elements: Array<{ type: string; png: Buffer }>): Buffer {
  const chunks = elements.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

async function main(): Promise<void> {
  const appSvg = readFileSync(join(BUILD, 'icon.svg'), 'utf8');
  const traySvg = readFileSync(join(BUILD, 'tray-icon.svg'), 'utf8');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const pngs = new Map<number, Buffer>();
    for (const size of LINUX_SIZES) pngs.set(size, await render(page, appSvg, size));
    const png = (size: number) => {
      const image = pngs.get(size);
      if (!image) throw new Error(`no ${size}px render`);
      return image;
    };

    mkdirSync(join(BUILD, 'icons'), { recursive: true });
    for (const size of LINUX_SIZES) writeFileSync(join(BUILD, 'icons', `${size}x${size}.png`), png(size));
    writeFileSync(join(BUILD, 'icon.png'), png(1024));
    writeFileSync(join(BUILD, 'icon.ico'), packIco(ICO_SIZES.map((size) => ({ size, png: png(size) }))));
    writeFileSync(join(BUILD, 'icon.icns'), packIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: png(size) }))));

    mkdirSync(join(BUILD, 'tray'), { recursive: true });
    for (const [state, color] of Object.entries(TRAY_STATE_COLORS)) {
      const svg = traySvg.replaceAll('STATE_COLOR', color);
      writeFileSync(join(BUILD, 'tray', `tray-${state}.png`), await render(page, svg, 16));
      writeFileSync(join(BUILD, 'tray', `tray-${state}@2x.png`), await render(page, svg, 32));
    }
  } finally {
    await browser.close();
  }
  console.log(`icons written to ${BUILD}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
