import { defineConfig } from 'tsup';

// One entry per public door; ESM + CJS + .d.ts for each, as package.json's "exports" map says.
// 'feedforward/plot' keeps Vega out of the core; 'feedforward/node' (file saving) keeps Node out of it.
export default defineConfig({
  entry: { index: 'src/index.ts', plot: 'src/plot/index.ts', node: 'src/node.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  treeshake: true,
  // Shared code in one chunk, for CJS too, so every entry uses the same Network class.
  splitting: true,
});
