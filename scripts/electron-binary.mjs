// Where Electron's binary is, found without `require('electron')`: outside Electron that call
// tries to download the binary and throws where it cannot. Used by `npm start` and by the tests
// that launch the real app (they skip, saying why, when this returns null).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** @returns {string | null} the binary's path, or null when it is not installed. */
export function findElectronBinary(
  packageDir = process.env.SWITCHBOARD_ELECTRON_PACKAGE_DIR ?? dirname(require.resolve('electron/package.json')),
) {
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export const ELECTRON_BINARY_MISSING =
  'the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD or no network); run "npx install-electron" where downloads work.';
