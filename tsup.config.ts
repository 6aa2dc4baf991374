import { defineConfig } from 'tsup';

// One entry per public door; ESM + CJS + .d.ts for each, as package.json's "exports" map says.
export default defineConfig({
  // 'feedforward/node' (file saving) is its own entry so the core imports nothing from Node.
  entry: { index: 'src/index.ts', node: 'src/node.ts' },
  // Shared code in one chunk for CJS too, so both entries use the same Network class.
  splitting: true,
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  treeshake: true,
});
