// Bundles the main process and the preload with esbuild. Why esbuild and not electron-vite:
// electron-vite pins its own Vite major and would drag a second Vite into a project that builds
// the renderer with Vite 8; two small esbuild calls are all main + preload need.
import { build } from 'esbuild';

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: true,
  // The preload is parsed on every window load, main on every start: minified, they parse faster
  // (the preload carries the IPC descriptors, and with them zod). Source maps keep stacks readable.
  minify: true,
  logLevel: 'warning',
  // keytar is a native module: loaded from node_modules (unpacked from asar), never bundled.
  external: ['electron', 'keytar'],
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'out/electron/main.cjs' }),
  // A sandboxed preload can require only `electron` (and a few Node polyfills): one CJS file.
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'out/electron/preload.cjs' }),
]);
console.log('built out/electron/main.cjs and out/electron/preload.cjs');
