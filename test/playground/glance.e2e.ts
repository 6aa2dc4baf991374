/**
 * The page at a glance (issue 22, item 4), as a teacher meets it: everything to watch in view at
 * 1280×800, a sensible order and readable numbers on a phone, presenter mode, a reset of everything,
 * neuron colours that never look alike, extreme values refused or explained by their box, an editor and
 * an import box that survive redraws, and links that open anywhere.
 */
import { inspect } from 'node:util';
import { differenceCiede2000 } from 'culori';
import { describe, expect, it } from 'vitest';
import { Network, articleNetwork } from '../../src/index.js';
import { inPage, typeInto, usePlayground } from './page.js';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';

const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(screenshots, { recursive: true });

const playground = usePlayground();
const { fresh, settings, network } = playground;


/** The size in CSS pixels at which each tick label of the page's SVG plots and plane is drawn. */
function tickSizes(): number[] {
  const svgTicks = Array.from(document.querySelectorAll<SVGTextElement>('svg text.tick'), (text) => {
    const scale = text.ownerSVGElement?.getScreenCTM()?.a ?? 1;
    return Number.parseFloat(getComputedStyle(text).fontSize) * scale;
  });
  const planes = Array.from(document.querySelectorAll<HTMLCanvasElement>('canvas#plane'), (canvas) => (Number(canvas.dataset.fontPx) * canvas.clientWidth) / canvas.width);
  return [...svgTicks, ...planes];
}

describe('the playground page at a glance (issue 22)', () => {
  it('at 1280×800 the network diagram, the function plot with its kinks and the play button are all in view without scrolling', async () => {
    const page = await playground.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(playground.url);
    await page.waitForSelector('#function-plot circle.kink');
    const boxes = await page.$$eval('#diagram svg, #function-plot, #function-plot circle.kink, #play', (elements) =>
      elements.map((e) => {
        const r = e.getBoundingClientRect();
        return { what: e.id || e.getAttribute('class') || e.tagName, top: r.top, left: r.left, bottom: r.bottom, right: r.right };
      }),
    );
    expect(boxes.length).toBe(7); // the diagram, the plot, its four kinks, the play button
    for (const box of boxes) {
      expect(box.top, box.what).toBeGreaterThanOrEqual(0);
      expect(box.left, box.what).toBeGreaterThanOrEqual(0);
      expect(box.bottom, box.what).toBeLessThanOrEqual(800);
      expect(box.right, box.what).toBeLessThanOrEqual(1280);
    }
    await page.screenshot({ path: join(screenshots, 'playground-1280.png') });
    await page.close();
  });

  it('at 390 px wide: the play bar, the function, the network, then the rest; nothing overflows; every tick label is 10 px or more', async () => {
    const phone = await playground.browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(playground.url);
    await phone.waitForSelector('#diagram svg');
    await phone.click('#step-once');
    await phone.click('#step-once'); // the loss curve has its axes from two epochs on
    const tops = await phone.$$eval('#transport, #see, #build, #train, #step, #back, #export', (sections) =>
      sections.map((s) => ({ id: s.id, top: s.getBoundingClientRect().top })),
    );
    const order = tops.sort((a, b) => a.top - b.top).map((s) => s.id);
    expect(order).toEqual(['transport', 'see', 'build', 'train', 'step', 'back', 'export']);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const sizes = await phone.evaluate(tickSizes);
    expect(sizes.length).toBeGreaterThan(20);
    console.log(`tick labels at 390 px: ${Math.min(...sizes).toFixed(1)} to ${Math.max(...sizes).toFixed(1)} px`);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
    await phone.screenshot({ path: join(screenshots, 'playground-390.png') }); // the first screen
    await phone.screenshot({ path: join(screenshots, 'playground-390-full.png'), fullPage: true });
    // Two inputs: the plane's numbers too.
    await phone.goto('about:blank');
    await phone.goto(`${playground.url}#target=moons&hidden=4,4`);
    await phone.waitForSelector('#plane');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(Math.min(...(await phone.evaluate(tickSizes)))).toBeGreaterThanOrEqual(10);
    await phone.close();
  });

  it('presenter mode (its button, or ?present) has larger type and controls; the button keeps the state, links keep ?present', async () => {
    const page = await playground.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(playground.url);
    await page.waitForSelector('#diagram svg');
    const normal = await page.evaluate(() => ({
      font: Number.parseFloat(getComputedStyle(document.body).fontSize),
      play: document.querySelector('#play')!.getBoundingClientRect().height,
    }));
    await page.selectOption('#target', 'abs');
    await Promise.all([page.waitForURL(/\?present#target=abs&/), page.click('#present')]); // the button keeps the state
    await page.waitForSelector('#diagram svg');
    expect(await page.evaluate(() => document.documentElement.className)).toBe('present');
    expect((await inPage(page, (p) => p.settings())).target).toBe('abs');
    const present = await page.evaluate(() => ({
      font: Number.parseFloat(getComputedStyle(document.body).fontSize),
      play: document.querySelector('#play')!.getBoundingClientRect().height,
    }));
    expect(present.font).toBeGreaterThanOrEqual(normal.font * 1.3);
    expect(present.play).toBeGreaterThanOrEqual(normal.play * 1.3);
    expect(Math.min(...(await page.evaluate(tickSizes)))).toBeGreaterThanOrEqual(12);
    expect(await page.inputValue('#share-link')).toMatch(/\?present#target=abs&/);
    await Promise.all([page.waitForURL((url) => !url.search.includes('present')), page.click('#present')]);
    await page.waitForSelector('#diagram svg');
    expect(await page.evaluate(() => document.documentElement.className)).toBe('');
    await page.goto(`${playground.url}?present`);
    await page.waitForSelector('#diagram svg');
    await page.screenshot({ path: join(screenshots, 'playground-present.png') });
    await page.close();
  });

  it('"copy link" gives the page\'s own address (its path and query, not a fixed host) with the state as its hash', async () => {
    const { page } = playground;
    await fresh('?lesson=3#target=abs');
    const link = await page.inputValue('#share-link');
    expect(link.startsWith(`${playground.url}?lesson=3#target=abs&`)).toBe(true);
    expect(link).toBe(await page.evaluate(() => location.href.split('#')[0]) + (await page.evaluate(() => location.hash)));
  });

  it('"reset everything" brings back the first set-up: the article\'s network on the sine, default settings, the editor closed', async () => {
    const { page } = playground;
    await fresh();
    const first = { settings: await settings(), hash: await page.evaluate(() => location.hash) };
    await page.selectOption('#target', 'abs');
    await page.click('#add-layer');
    await typeInto(page, '#learning-rate', '0.1');
    await page.click('#step-once');
    await page.click('#diagram circle.neuron[data-layer="1"][data-node="1"]');
    expect(await page.isVisible('#weight-editor')).toBe(true);
    await page.click('#reset-all');
    expect(await settings()).toEqual(first.settings);
    expect(await network()).toEqual(articleNetwork().toJSON());
    expect(await page.isHidden('#weight-editor')).toBe(true);
    expect(await page.evaluate(() => location.hash)).toBe(first.hash);
    expect(await page.textContent('#sizes')).toBe('[1,2,2,1]');
  });

  it('sixteen hidden neurons get sixteen colours, no two alike (a CIEDE2000 difference of 20 or more)', async () => {
    const { page } = playground;
    await fresh('#hidden=16&init=he');
    const fills = await page.$$eval('#diagram circle.neuron.hidden', (circles) => circles.map((c) => /fill:(#[0-9a-f]{6})/.exec(c.getAttribute('style') ?? '')?.[1]));
    expect(fills.length).toBe(16);
    expect(new Set(fills).size).toBe(16);
    const difference = differenceCiede2000();
    let closest = Number.POSITIVE_INFINITY;
    for (const [i, a] of fills.entries()) for (const b of fills.slice(i + 1)) closest = Math.min(closest, difference(a!, b!));
    expect(closest).toBeGreaterThanOrEqual(20);
  });

  it('a weight of 1e308 is refused by its box; a learning rate of 5 stops training with a message by its box; the page keeps working', async () => {
    const { page } = playground;
    await fresh();
    await page.click('#diagram line.weight[data-layer="1"][data-node="1"][data-from="1"]', { force: true });
    await typeInto(page, '#edit-value', '1e308');
    expect(await page.textContent('#edit-value-error')).toBe('w (layer 1, node 1 ← node 1) must be a number from −1000 to 1000: "1e308" is not used (still 1)');
    expect(await network()).toEqual(articleNetwork().toJSON());
    await page.click('#edit-close');

    await typeInto(page, '#learning-rate', '5');
    for (let n = 0; n < 10 && !(await page.textContent('#learning-rate-error')); n++) await page.click('#step-once');
    expect(await page.textContent('#learning-rate-error')).toMatch(
      /^Training stopped: the training loss grew from .* by epoch \d+, more than 1000-fold: the learning rate 5 is too large for this network/,
    );
    await typeInto(page, '#learning-rate', '0.02');
    expect(await page.textContent('#learning-rate-error')).toBe('');
    const epochs = (await settings()).epochs;
    await page.click('#step-once');
    expect((await settings()).epochs).toBe(epochs + 1);
    expect(await page.locator('.view-error').count()).toBe(0);
    expect(playground.errors).toEqual([]);
  });

  it('the weight editor follows the network when the architecture changes, and closes when its weight is gone', async () => {
    const { page } = playground;
    await fresh();
    await page.click('#diagram line.weight[data-layer="1"][data-node="1"][data-from="1"]', { force: true });
    await page.click('button[data-action="more"][data-hidden="0"]'); // [1, 3, 2, 1]: a new, seeded network
    expect(await page.isVisible('#weight-editor')).toBe(true);
    const json = (await network()) as { weights: number[][][] };
    expect(Number(await page.inputValue('#edit-value'))).toBe(json.weights[0][0][0]);
    await typeInto(page, '#edit-value', '0.75');
    expect(((await network()) as { weights: number[][][] }).weights[0][0][0]).toBe(0.75); // the new network's weight
    await page.click('#diagram line.weight[data-layer="3"][data-node="1"][data-from="2"]', { force: true });
    await page.click('#remove-layer'); // [1, 3, 1]: there is no layer 3 any more
    expect(await page.isHidden('#weight-editor')).toBe(true);
  });

  it('the import box keeps what was pasted across redraws, reads what console.log prints (a JavaScript object literal), and hints otherwise', async () => {
    const { page } = playground;
    await fresh();
    const net = new Network({ layers: [1, 3, 1], seed: 11 });
    const whole = inspect(net.toJSON(), { depth: null }); // console.dir(net.toJSON(), { depth: null }): single quotes, bare keys
    await page.fill('#import-json', whole);
    await page.click('#step-once');
    await page.click('#step-once');
    expect(await page.inputValue('#import-json')).toBe(whole);
    await page.click('#import-button');
    expect(await page.textContent('#import-message')).toBe('Imported a network with layers [1,3,1].');
    expect(await network()).toEqual(net.toJSON());

    await page.fill('#import-json', inspect(net.toJSON())); // console.log's default depth prints [Array]
    await page.click('#import-button');
    expect(await page.textContent('#import-message')).toMatch(/console\.log cut this short .*console\.log\(JSON\.stringify\(net\.toJSON\(\)\)\)/);
    await page.fill('#import-json', 'layers: 1, 2, 1');
    await page.click('#import-button');
    expect(await page.textContent('#import-message')).toMatch(/^Not imported: this is neither JSON nor a JavaScript object literal \(.+\)\. Paste what console\.log/);
    expect(await network()).toEqual(net.toJSON()); // unchanged
  });

  it('the whole-batch backpropagation view cuts its matrices at 8 rows and 8 columns, as every other view does', async () => {
    const { page } = playground;
    await fresh();
    const sample = (await page.locator('#back').boundingBox())!.height;
    await page.check('#back-stepper input[name="back-on"][value="batch"]');
    await page.waitForFunction(() => document.querySelector('#back-stepper')?.textContent?.includes('m = 60'));
    const shapes = await page.$$eval('#back-stepper figure.matrix table', (tables) =>
      (tables as HTMLTableElement[]).map((t) => ({ rows: t.rows.length, cols: Math.max(...Array.from(t.rows, (r) => r.cells.length)) })),
    );
    expect(Math.max(...shapes.map((s) => s.rows))).toBeLessThanOrEqual(9); // 8 rows and a ⋮
    expect(Math.max(...shapes.map((s) => s.cols))).toBeLessThanOrEqual(10); // a colour, 8 columns and a …
    expect(await page.locator('#back-stepper tr.more-rows').count()).toBeGreaterThan(0); // (A²)ᵀ has 60 rows
    const batch = (await page.locator('#back').boundingBox())!.height;
    console.log(`backpropagation panel: ${sample.toFixed(0)} px for one sample, ${batch.toFixed(0)} px for the batch of 60`);
    expect(batch).toBeLessThan(sample * 2); // wider rows of matrices wrap more; a column of 60 rows made it 2,168 px
  });
});
