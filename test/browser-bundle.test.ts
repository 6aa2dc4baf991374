/**
 * The library runs in a browser: nothing in it imports from Node. esbuild bundles
 * each entry point for the browser (a Node built-in such as 'fs' or 'node:module'
 * anywhere in the graph fails that build), and a plain forward pass bundles without
 * mathjs, which loads only when a mathjs feature is used. Entry points named `node`
 * (feedforward/node) are for Node only. `npm run test:browser` runs the page in Chromium.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { isNodeOnly, sourceEntries } from '../scripts/entries.mjs';

const root = join(__dirname, '..');
const browserEntries = sourceEntries.filter((file) => !isNodeOnly(file));

/** Bundles `contents` (a module in the repository root) for the browser; returns the inputs that made it in. */
async function bundle(contents: string): Promise<string[]> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return Object.values(result.metafile.outputs).flatMap((output) => Object.keys(output.inputs));
}

describe('the library bundles for a browser', () => {
  for (const entry of browserEntries) {
    it(`${entry} bundles with esbuild for the browser (it imports nothing from Node)`, async () => {
      const inputs = await bundle(`export * from './${entry}';`);
      expect(inputs).toContain(entry);
    });
  }
  it('a forward pass bundles without mathjs (loadMathjs() fetches it when wanted)', async () => {
    const inputs = await bundle(`
      import { Network } from './src/index.ts';
      console.log(new Network({ layers: [1, 2, 1] }).forward([[0.5]]).toString());`);
    expect(inputs).toContain('src/network/network.ts');
    expect(inputs.filter((input) => input.includes('node_modules/mathjs/'))).toEqual([]);
  });
  it('a page that calls loadMathjs() does bundle mathjs (so the test above can fail)', async () => {
    const inputs = await bundle(`import { loadMathjs } from './src/index.ts'; loadMathjs();`);
    expect(inputs.some((input) => input.includes('node_modules/mathjs/'))).toBe(true);
  });
});
