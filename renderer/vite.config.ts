import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * Two chunks are imported lazily so that they never delay the shell's first paint, yet are needed
 * right after it: the calling SDK (renderer/calling/sdk.ts, 1.7 MB gzipped) and the Fluent half of
 * the frame (renderer/app/FluentScreens.tsx). A modulepreload hint starts their download with the
 * page instead of after the shell has booted; it fetches without evaluating.
 */
const PRELOADED_LAZY_CHUNKS = ['FluentScreens', 'sdk'];

function preloadLazyChunks(): Plugin {
  return {
    name: 'switchboard:preload-lazy-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        return PRELOADED_LAZY_CHUNKS.map((name) => {
          const chunk = Object.values(context.bundle ?? {}).find(
            (output) => output.type === 'chunk' && output.isDynamicEntry && output.name === name,
          );
          if (!chunk) throw new Error(`the lazily loaded chunk "${name}" is missing from the build`);
          return {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${chunk.fileName}` },
            injectTo: 'head' as const,
          };
        });
      },
    },
  };
}

// The renderer is a plain browser bundle: served from app://localhost/ in Electron and from
// http://localhost:PORT/ in browser tests (the calling SDK accepts only https, file: or localhost).
export default defineConfig({
  root: rendererRoot,
  base: '/',
  plugins: [react(), preloadLazyChunks()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    reportCompressedSize: false,
  },
});
