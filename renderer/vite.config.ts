// Builds the renderer into dist/renderer. `base: './'` makes every asset URL relative, so the same
// build works under the serve host (http://127.0.0.1:PORT/) and Electron's custom app protocol.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Both hosts send a CSP without 'unsafe-inline': keep every script and stylesheet a file.
    assetsInlineLimit: 0,
    // No source maps: the serve host only serves known static types, and .map is not one.
    sourcemap: false,
  },
});
