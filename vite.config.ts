/**
 * The renderer build. Electron loads the result from file://, so asset paths are relative (base './'),
 * and the loopback bridge serves the same files with CSP `script-src 'self'`: no inline scripts.
 */
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: path.resolve(import.meta.dirname, 'src-renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist', 'renderer'),
    emptyOutDir: true,
    // No inline <script> and no data: module preload polyfill: both would break `script-src 'self'`.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    target: 'es2022',
    sourcemap: false,
  },
  server: { port: 5173, strictPort: false },
});
