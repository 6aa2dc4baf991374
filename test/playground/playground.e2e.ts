/**
 * The playground, used as a learner would: in headless Chromium, against a
 * real build of examples/playground. Every number the page shows is checked
 * against the library computed here in Node.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Network, kinks } from '../../src/index.js';
import { type OpenPlayground, openPlayground, shownMatrix } from './page.js';

const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const srcIndex = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
mkdirSync(screenshots, { recursive: true });

let playground: OpenPlayground;
beforeAll(async () => {
  playground = await openPlayground();
});
afterAll(async () => {
  await playground?.close();
});

/** The network the page would build for these hidden sizes, seed and activation (one input, linear output). */
function nodeNetwork(hidden: number[], seed = 42): Network {
  return new Network({ layers: [1, ...hidden, 1], hidden: 'relu', output: 'linear', init: 'he', seed });
}

async function setSeed(seed: number): Promise<void> {
  await playground.page.fill('#seed', String(seed));
  await playground.page.press('#seed', 'Enter');
  await playground.page.waitForFunction((s) => (document.querySelector('#seed') as HTMLInputElement).value === String(s), seed);
}

describe('the playground page', () => {
  it('loads with no console errors and starts from the article network [1, 2, 2, 1]', async () => {
    const { page, errors } = playground;
    expect(await page.textContent('#sizes')).toBe('[1,2,2,1]');
    expect(await page.locator('#diagram circle.neuron').count()).toBe(6); // 1 + 2 + 2 + 1 neurons
    expect(await page.locator('#diagram line.weight').count()).toBe(8); // 1·2 + 2·2 + 2·1 weights
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(screenshots, 'start.png'), fullPage: true });
  });

  it('shows the exact kink count of the network that kinks() computes in Node', async () => {
    const { page } = playground;
    const shown = Number(await page.textContent('#kink-count'));
    expect(shown).toBe(kinks(nodeNetwork([2, 2]), { domain: [-3, 3] }).breakpoints.length);
    expect(await page.locator('#function-plot circle.kink').count()).toBe(shown);
  });

  it('adding a hidden layer redraws the diagram and changes the kink count shown', async () => {
    const { page } = playground;
    // A seed where [1,2,2,1] and [1,2,2,2,1] bend a different number of times over [−3, 3].
    const seed = [42, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].find(
      (s) =>
        kinks(nodeNetwork([2, 2], s), { domain: [-3, 3] }).breakpoints.length !==
        kinks(nodeNetwork([2, 2, 2], s), { domain: [-3, 3] }).breakpoints.length,
    );
    expect(seed).toBeDefined();
    await setSeed(seed as number);
    const before = Number(await page.textContent('#kink-count'));
    await page.click('#add-layer');
    await page.waitForFunction(() => document.querySelector('#sizes')?.textContent === '[1,2,2,2,1]');
    expect(await page.locator('#diagram circle.neuron').count()).toBe(8);
    expect(await page.locator('#diagram line.weight').count()).toBe(12); // 2 + 4 + 4 + 2
    const after = Number(await page.textContent('#kink-count'));
    expect(before).toBe(kinks(nodeNetwork([2, 2], seed), { domain: [-3, 3] }).breakpoints.length);
    expect(after).toBe(kinks(nodeNetwork([2, 2, 2], seed), { domain: [-3, 3] }).breakpoints.length);
    expect(after).not.toBe(before);
    await page.click('#remove-layer');
    await setSeed(42);
  });

  it('editing a weight by hand changes the network every view draws', async () => {
    const { page } = playground;
    await page.click('#diagram line.weight[data-layer="3"][data-node="1"][data-from="1"]', { force: true });
    await page.fill('#edit-value', '2.5');
    await page.press('#edit-value', 'Enter');
    const json = JSON.parse(await page.inputValue('#export-json'));
    expect(json.weights[2][0][0]).toBe(2.5);
    await page.click('#edit-close');
    await page.click('#reset');
  });

  it('the stepper shows W, A, b, Z and relu(Z) of every layer exactly as net.trace computes them', async () => {
    const { page } = playground;
    const net = nodeNetwork([2, 2]);
    const sample = Number(await page.inputValue('#stepper input.sample'));
    const trace = net.trace([[sample]]);
    for (const step of trace) {
      await page.click(`#stepper button.step-layer[data-layer="${step.layer}"]`);
      await page.waitForFunction((l) => document.querySelector('#step-current')?.textContent === String(l), step.layer);
      expect(await shownMatrix(page, 'W')).toEqual(step.weights.toArray());
      expect(await shownMatrix(page, 'A')).toEqual(step.input.toArray());
      expect(await shownMatrix(page, 'b')).toEqual(step.biases.toArray());
      expect(await shownMatrix(page, 'Z')).toEqual(step.z.toArray());
      expect(await shownMatrix(page, 'a')).toEqual(step.a.toArray());
    }
    await page.locator('#step').screenshot({ path: join(screenshots, 'stepper.png') });
  });

  it('training XOR for a few hundred steps brings the shown loss below 0.05, with a frame at least every 50 ms', async () => {
    const { page } = playground;
    await page.selectOption('#target', 'xor');
    await page.waitForSelector('#plane');
    // A little more room than the article's net: two hidden layers of 6.
    for (let n = 0; n < 4; n++) {
      await page.click('button[data-action="more"][data-hidden="0"]');
      await page.click('button[data-action="more"][data-hidden="1"]');
    }
    await page.selectOption('#optimizer', 'adam');
    await page.fill('#learning-rate', '0.03');
    await page.press('#learning-rate', 'Enter');
    await page.click('#play');
    await page.waitForFunction(() => Number(document.querySelector('#steps')?.textContent) >= 300, undefined, {
      timeout: 90_000,
    });
    await page.click('#play'); // pause
    const loss = Number(await page.getAttribute('#loss', 'data-value'));
    expect(loss).toBeLessThan(0.05);
    const frames: number[] = await page.evaluate(() => (window as any).playground.frameTimes());
    const gaps = frames.slice(1).map((t, n) => t - frames[n]).sort((a, b) => a - b);
    const median = gaps[Math.floor(gaps.length / 2)];
    console.log(`training frames: ${gaps.length} gaps, median ${median.toFixed(1)} ms, max ${gaps[gaps.length - 1].toFixed(1)} ms`);
    expect(median).toBeLessThanOrEqual(50);
    await page.locator('#see').screenshot({ path: join(screenshots, 'xor-plane.png') });
    await page.check('#regions');
    await page.waitForSelector('#region-count');
    expect(Number(await page.textContent('#region-count'))).toBeGreaterThan(1);
    await page.locator('#see').screenshot({ path: join(screenshots, 'xor-regions.png') });
    await page.locator('#train').screenshot({ path: join(screenshots, 'training.png') });
    await page.uncheck('#regions');
    await page.screenshot({ path: join(screenshots, 'playground.png'), fullPage: true });
  });

  it('the exported code, run with tsx, rebuilds a network that predicts what the page predicts', async () => {
    const { page } = playground;
    const code = await page.inputValue('#export-code');
    const json = await page.inputValue('#export-json');
    const dir = mkdtempSync(join(tmpdir(), 'export-'));
    const file = join(dir, 'exported.ts');
    writeFileSync(file, code.replace("from 'feedforward'", `from ${JSON.stringify(srcIndex)}`));
    const printed = execFileSync('npx', ['tsx', file], { encoding: 'utf8' }).trim();
    const pageNet = Network.fromJSON(json);
    expect(JSON.parse(printed)).toEqual(pageNet.predict(pageNet.inputs === 1 ? [0.5] : [[0.5, 0.5]]));
  });

  it('redraws the function and kinks of a [1, 16, 16, 16, 1] network within one frame', async () => {
    const { page } = playground;
    await page.selectOption('#target', 'sine');
    while ((await page.locator('#remove-layer:not([disabled])').count()) > 0) await page.click('#remove-layer');
    for (let layer = 0; layer < 3; layer++) {
      await page.click('#add-layer');
      for (let n = 0; n < 14; n++) await page.click(`button[data-action="more"][data-hidden="${layer}"]`);
    }
    expect(await page.textContent('#sizes')).toBe('[1,16,16,16,1]');
    const times: number[] = await page.evaluate(() => {
      const out: number[] = [];
      for (let n = 0; n < 9; n++) out.push((window as any).playground.timeFunctionRedraw());
      return out.sort((a, b) => a - b);
    });
    console.log(`[1,16,16,16,1] function + kinks redraw: median ${times[4].toFixed(2)} ms`);
    expect(times[4]).toBeLessThan(1000 / 60);
    await page.locator('#see').screenshot({ path: join(screenshots, 'deep-function.png') });
    expect(playground.errors).toEqual([]);
  });
});
