// Where Electron's binary is, and fetching it when it is not there, without `require('electron')`:
// outside Electron that call downloads the binary itself and throws a stack trace where it cannot.
// Used by `npm start` (scripts/dev.mjs) and by the tests that launch the real app (they skip,
// saying why, when `findElectronBinary` returns null).
//
// Electron 45's package has no install script: `npm ci` leaves the binary out, and its own
// installer (`install.js`, also `npx install-electron`) fetches it on first use. We run that same
// installer, so mirrors, proxies, the cache and checksums behave exactly as Electron documents.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The `electron` package folder (a test points it elsewhere with SWITCHBOARD_ELECTRON_PACKAGE_DIR). */
export function electronPackageDir(env = process.env) {
  return env.SWITCHBOARD_ELECTRON_PACKAGE_DIR ?? dirname(require.resolve('electron/package.json'));
}

/**
 * The executable's path inside a dist folder, as Electron's installer names it (install.js
 * `getPlatformPath`).
 * @param {NodeJS.Platform} platform
 */
export function electronPlatformPath(platform = process.platform) {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * The binary's path, or null when it is not installed. Honours ELECTRON_OVERRIDE_DIST_PATH the way
 * the `electron` package's own index.js does: the executable is looked up in that folder instead.
 * @param {string} packageDir
 * @returns {string | null}
 */
export function findElectronBinary(packageDir = electronPackageDir(), env = process.env) {
  const pathFile = join(packageDir, 'path.txt');
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, recorded ?? electronPlatformPath())
    : recorded && join(packageDir, 'dist', recorded);
  return binary && existsSync(binary) ? binary : null;
}

export const ELECTRON_BINARY_MISSING =
  'the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD or no network); run "npx install-electron" where downloads work.';

/**
 * Runs Electron's own installer with the terminal attached, so its progress bar shows. The
 * installer reports a failure as a stack trace: scripts/electron-install-errors.cjs turns that into
 * one line on fd 3, which comes back as `reason`.
 * @returns {Promise<{ binary: string } | { reason: string }>}
 */
export async function installElectronBinary(packageDir = electronPackageDir(), env = process.env) {
  const installer = join(packageDir, 'install.js');
  if (!existsSync(installer)) return { reason: `Electron's installer is missing (${installer}); run "npm ci"` };
  const child = spawn(
    process.execPath,
    ['--require', join(import.meta.dirname, 'electron-install-errors.cjs'), installer],
    { stdio: ['inherit', 'inherit', 'inherit', 'pipe'], env },
  );
  let reported = '';
  child.stdio[3]?.on('data', (chunk) => {
    reported += chunk;
  });
  const code = await new Promise((done) => {
    child.on('error', () => done(-1));
    child.on('close', done);
  });
  const binary = findElectronBinary(packageDir, env);
  if (code === 0 && binary) return { binary };
  return { reason: reported.trim().split('\n')[0] || `Electron's installer exited with code ${code}` };
}
