import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));

// The renderer is a plain browser bundle: served from app://localhost/ in Electron and from
// http://localhost:PORT/ in browser tests (the calling SDK accepts only https, file: or localhost).
export default defineConfig({
  root: rendererRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    reportCompressedSize: false,
  },
});
