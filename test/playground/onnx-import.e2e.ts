/**
 * The playground's "bring a network in" box takes an ONNX file too: a network
 * PyTorch exported (the article's, test/fixtures/onnx/article_f64.onnx) opens on
 * the page as it is, weights and all; a file that is not a model says why.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { articleNetwork } from '../../src/index.js';
import { usePlayground } from './page.js';

const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/onnx/article_f64.onnx', import.meta.url));
mkdirSync(screenshots, { recursive: true });

const playground = usePlayground();

describe('the playground reads an .onnx file', () => {
  it("opens the article's network exported by PyTorch, with the article's weights", async () => {
    const { page } = playground;
    await page.setInputFiles('#import-file', fixture);
    await page.waitForFunction(() => document.querySelector('#import-message')?.textContent !== '');
    expect(await page.textContent('#import-message')).toBe('Imported a network with layers [1,2,2,1].');
    const shown = (await page.evaluate('window.playground.network()')) as { weights: unknown; biases: unknown };
    const { weights, biases } = articleNetwork().toJSON();
    expect([shown.weights, shown.biases]).toEqual([weights, biases]);
    await page.locator('#import-message').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'onnx-import.png') });
    expect(playground.errors).toEqual([]);
  });

  it('says why a file that is not an ONNX model is not imported, and keeps the network', async () => {
    const { page } = playground;
    const file = join(mkdtempSync(join(tmpdir(), 'onnx-import-')), 'broken.onnx');
    writeFileSync(file, 'not a model');
    await page.setInputFiles('#import-file', file);
    await page.waitForFunction(() => document.querySelector('#import-message')?.className === 'error');
    expect(await page.textContent('#import-message')).toMatch(/^Not imported: fromOnnx: the bytes are not a valid ONNX model/);
    expect(((await page.evaluate('window.playground.network()')) as { layers: number[] }).layers).toEqual([1, 2, 2, 1]);
  });
});
