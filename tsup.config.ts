import { defineConfig } from 'tsup';

// One entry per public door; ESM + CJS + .d.ts for each, as package.json's "exports" map says.
export default defineConfig({
  entry: { index: 'src/index.ts', plot: 'src/plot/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  treeshake: true,
  splitting: true,
});
