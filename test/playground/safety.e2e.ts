/**
 * The playground cannot be wedged, and what it shows is the model (issue 19, items 11–13): a link's
 * every value is read with the rules of its box and every list in it is capped; an error while
 * redrawing leaves a message and every control working; an imported network is drawn, trained and
 * exported exactly as `net.predict` computes it (leakyRelu's slope, `standardize`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Network, kinks, sgd, standardizerFromJSON } from '../../src/index.js';
import { inPage, typeInto, usePlayground } from './page.js';

const srcIndex = fileURLToPath(new URL('../../src/index.ts', import.meta.url));

const playground = usePlayground();
const { fresh, settings } = playground;

const pageNetwork = async () => Network.fromJSON(await inPage(playground.page, (p) => p.network()));
const problems = () => playground.page.textContent('#link-problems');

/** Every control a learner repairs the page with is there and enabled. */
async function controlsWork(): Promise<void> {
  const { page } = playground;
  for (const id of ['#play', '#step-once', '#reset', '#reset-all', '#learning-rate', '#batch-size', '#target', '#add-layer', '#import-json', '#import-button']) {
    expect(await page.locator(id).count(), id).toBe(1);
    expect(await page.isEnabled(id), id).toBe(true);
  }
  await typeInto(page, '#learning-rate', '0.05');
  expect((await settings()).learningRate).toBe(0.05);
}

/** Imports a network's JSON through the import box. */
async function importJson(net: Network): Promise<void> {
  const { page } = playground;
  await page.fill('#import-json', JSON.stringify(net.toJSON()));
  await page.click('#import-button');
  await page.waitForFunction(() => document.querySelector('#import-message')?.textContent !== '');
  expect(await page.textContent('#import-message')).toMatch(/^Imported/);
}

/** Runs the exported code in Node (tsx), against this repository's src/: its samples and what it printed. */
function runExported(code: string): { samples: number[] | number[][]; printed: number[] } {
  const samples = JSON.parse(/const samples = (.*);/.exec(code)?.[1] ?? 'null');
  expect(samples).not.toBeNull();
  const file = join(mkdtempSync(join(tmpdir(), 'export-')), 'exported.ts');
  writeFileSync(file, code.replace("from 'feedforward'", `from ${JSON.stringify(srcIndex)}`));
  return { samples, printed: JSON.parse(execFileSync('npx', ['tsx', file], { encoding: 'utf8' }).trim()) };
}

describe('the playground page: no link wedges it (issue 19)', () => {
  it('refuses features=square 20,000 times (a duplicate) and every list longer than the page allows, and opens with the defaults', async () => {
    const { page } = playground;
    const squares = Array(20_000).fill('square').join(',');
    await fresh(`#features=${squares}`);
    expect(await problems()).toContain('is not a valid value: 139999 characters but a value of a link has at most 65536');
    expect((await settings()).features).toEqual([]);
    expect(await page.textContent('#sizes')).toBe('[1,2,2,1]');
    // Within the length: the list is read up to its third entry, where a duplicate or an unknown name shows.
    await fresh(`#features=${Array(5_000).fill('square').join(',')}`);
    expect(await problems()).toContain('is not a valid value: "square" twice but each feature comes once');
    expect((await settings()).features).toEqual([]);

    await fresh('#features=cube');
    expect(await problems()).toContain('features=cube is not a valid value: "cube" is not a feature of this page (square, sin)');
    await fresh('#hidden=2,2,2,2,2,2,2');
    expect(await problems()).toContain('hidden=2,2,2,2,2,2,2 is not a valid value: 7 layers but the page draws at most 6');
    const many = Array.from({ length: 201 }, (_, n) => `${n / 100}:0`).join(';');
    await fresh(`#target=points&points=${many}`);
    expect(await problems()).toContain('is not a valid value: 201 points but a link carries at most 200');
    await fresh('#features=sin,square');
    expect(await page.isHidden('#link-problems')).toBe(true);
    expect(await page.textContent('#sizes')).toBe('[3,2,2,1]');
    expect(playground.errors).toEqual([]);
  });

  it('reads every value of a link with the rule of its box: lr=1e308 and points at ±1e308 are refused by name, and every control works', async () => {
    await fresh('#lr=1e308');
    expect(await problems()).toContain('lr=1e308 is not a valid value: learning rate must be a number > 0 and at most 10');
    expect((await settings()).learningRate).toBe(0.02);
    await controlsWork();

    await fresh('#target=points&points=1e308:1;-1e308:2;0.5:1e308');
    expect(await problems()).toContain('is not a valid value: point 1 has x = 1e+308 but a point must be within ±1000000');
    expect((await settings()).target).toBe('points');
    expect(await playground.page.locator('#function-plot').count()).toBe(1);
    await controlsWork();
    expect(playground.errors).toEqual([]);
  });

  it('a redraw that fails (weights of 1e300 overflow) says so in place of the view, and every control still works', async () => {
    const { page } = playground;
    const huge = Network.fromWeights([{ weights: [[1e300], [1]], biases: [0, 0] }, { weights: [[1e300, 1]], biases: [0] }]);
    await fresh(`#net=${encodeURIComponent(JSON.stringify(huge.toJSON()))}`);
    expect(await page.textContent('#function-view .view-error')).toMatch(/could not be drawn: .*Infinity/);
    await controlsWork();
    await page.click('#reset-all');
    await page.waitForSelector('#function-plot');
    expect(await page.locator('.view-error').count()).toBe(0);
    expect(playground.errors).toEqual([]);
  });
});

describe('the playground page: names from a link are text, never markup', () => {
  it('a column named <img onerror=…> shows its name and runs nothing; so does a network whose activation is named so', async () => {
    const { page } = playground;
    const evil = '<img src=x onerror="window.pwned=1">';
    await fresh(`#target=points&points=0:1;1:2&columns=${encodeURIComponent(JSON.stringify([evil, 'y']))}`);
    expect(await page.textContent('#function-plot text.axis-title')).toBe(evil);
    const net = Network.fromJSON({
      format: 'feedforward-network',
      version: 1,
      layers: [1, 2, 1],
      activations: [{ name: evil, expression: 'x' }, 'linear'],
      weights: [[[1], [2]], [[1, 1]]],
      biases: [[0, 0], [0]],
    } as never);
    await fresh(`#net=${encodeURIComponent(JSON.stringify(net.toJSON()))}`);
    // The page has no formula engine loaded (mathjs is loaded on demand): the network is refused by name, as text.
    expect(await problems()).toContain(`net: `);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  });
});

describe('the playground page: what it draws, trains and exports is the imported model (issue 19)', () => {
  it("keeps leakyRelu's slope: the line drawn and the exported code, run in Node, give net.predict's numbers", async () => {
    await fresh();
    const net = new Network({ layers: [1, 3, 1], hidden: { name: 'leakyRelu', slope: 0.5 }, seed: 3 });
    await importJson(net);
    const xs = [-2.5, -1, 0, 0.75, 2];
    expect(await inPage(playground.page, (p) => p.drawn([[-2.5, -1, 0, 0.75, 2]]))).toEqual(net.predict(xs));
    const code = await playground.page.inputValue('#export-code');
    expect(code).toContain("{ name: 'leakyRelu', slope: 0.5 }");
    const { samples, printed } = runExported(code);
    expect(printed).toEqual(net.predict(samples));
  });

  it('applies an imported standardize: drawn, kinks, one training step and the exported code all as net.predict computes', async () => {
    const { page } = playground;
    await fresh();
    const net = new Network({ layers: [1, 4, 1], seed: 7 });
    net.standardize = { inputs: standardizerFromJSON({ mean: [0.5], std: [2] }), outputs: standardizerFromJSON({ mean: [1], std: [0.5] }) };
    await importJson(net);
    // Drawn: the line over raw x, in the data's units.
    const xs = [-3, -1.25, 0, 0.5, 2.75];
    expect(await inPage(page, (p) => p.drawn([[-3, -1.25, 0, 0.5, 2.75]]))).toEqual(net.predict(xs));
    // The kinks: the network's own, in standardized x, mapped back to raw x = μ + σ·x′.
    const own = kinks(net, { domain: [(-3 - 0.5) / 2, (3 - 0.5) / 2] }).breakpoints.map((b) => 0.5 + 2 * b);
    const shown = await page.$$eval('#function-plot circle.kink', (marks) => marks.map((m) => Number(m.getAttribute('data-x'))));
    expect(shown).toEqual(own);
    expect(shown.length).toBeGreaterThan(0);
    // The exported code carries the standardizers.
    const { samples, printed } = runExported(await page.inputValue('#export-code'));
    expect(printed).toEqual(net.predict(samples));
    // One step: net.fit on the raw data, which it standardizes with the network's own standardizers, as predict does.
    const data = await inPage(page, (p) => p.trainingData());
    await page.click('#step-once');
    net.fit(data.X, data.Y, { epochs: 1, optimizer: sgd({ learningRate: 0.02 }), loss: 'mse', batchSize: 32, seed: 0 });
    expect((await pageNetwork()).toJSON()).toEqual(net.toJSON());
    expect(playground.errors).toEqual([]);
  });
});
