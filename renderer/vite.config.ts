import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The Fluent half of the frame (renderer/app/FluentScreens.tsx) is imported lazily so that it never
 * delays the shell's first paint, yet is needed right after it: a modulepreload hint starts its
 * download with the page instead of after the entry script has run. The calling SDK
 * (renderer/calling/sdk.ts, 6.9 MB) is deliberately not preloaded: its download and streaming
 * parse competed with the entry's on 2 cores (see renderer/main.tsx, bench/renderer-startup).
 */
const PRELOADED_LAZY_CHUNKS = ['FluentScreens'];

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
  // The English words ride in the entry: as JSON.parse of a string, which V8 reads far faster than
  // the same data as an object literal (bench/renderer-startup, docs/performance.md "Renderer").
  json: { stringify: true },
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    reportCompressedSize: false,
  },
});
