import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The playground imports 'feedforward' exactly as a user would; here that name
// points at the library's source, so the page always runs the code in src/.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: {
    alias: { feedforward: fileURLToPath(new URL('../../src/index.ts', import.meta.url)) },
  },
  build: { outDir: 'dist', emptyOutDir: true },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
