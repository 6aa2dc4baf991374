/**
 * The playground, used as a learner and a teacher would: in headless Chromium,
 * against a real build of examples/playground. Every number the page shows is
 * checked against the library computed here in Node.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type TestContext, describe, expect, it } from 'vitest';
import { Network, articleNetwork, kinks, sgd } from '../../src/index.js';
import { saveNetwork } from '../../src/node.js';
import { shownMatrix, usePlayground } from './page.js';

const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const srcIndex = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
mkdirSync(screenshots, { recursive: true });

const playground = usePlayground();

declare module 'vitest' {
  interface TaskMeta {
    /** Figures the page tests report rather than check, as they vary with the machine's load (in the JSON report). */
    figures?: Record<string, number>;
  }
}

/** Reports a figure: printed, shown under the test by vitest's reporter, and kept in the JSON report (the test's meta). */
async function report(context: Pick<TestContext, 'annotate' | 'task'>, name: string, value: number, text: string): Promise<void> {
  console.log(text);
  context.task.meta.figures = { ...context.task.meta.figures, [name]: value };
  await context.annotate(text, 'figure');
}

/** The page's window.playground helpers (main.ts). */
type Helpers = {
  network(): object;
  settings(): { learningRate: number; batchSize: number; l2: number; speed: number; epochs: number; target: string; stepLayer: number; backLayer: number };
  sample(): { X: number[][]; Y: number[][] };
  trainingData(): { X: number[][]; Y: number[][]; testCount: number } | null;
  frameTimes(): number[];
  losses(): { train: number[]; test: number[] };
  timeFunctionRedraw(): number;
};
const helpers = <T>(call: (p: Helpers) => T) =>
  playground.page.evaluate(`(${call.toString()})(window.playground)`) as Promise<Awaited<T>>;
const pageNetwork = async () => Network.fromJSON((await helpers((p) => p.network())) as never);
const settings = () => helpers((p) => p.settings());
/** The page's training points (the tests only ask on targets that have them). */
async function trainingData(): Promise<{ X: number[][]; Y: number[][]; testCount: number }> {
  const data = await helpers((p) => p.trainingData());
  if (!data) throw new Error('the page has no training data');
  return data;
}

/** Opens the page afresh, with its defaults (or the state of `hash`). */
async function fresh(hash = ''): Promise<void> {
  await playground.page.goto('about:blank'); // a new hash alone would not reload the page
  await playground.page.goto(`${playground.url}${hash}`);
  await playground.page.waitForSelector('#diagram svg');
}

/** The seeded network the page builds for these hidden sizes (one input, linear output). */
function seededNetwork(hidden: number[], seed = 42): Network {
  return new Network({ layers: [1, ...hidden, 1], hidden: 'relu', output: 'linear', init: 'he', seed });
}

/** Types a value into a checked box and presses Enter. */
async function typeInto(id: string, value: string): Promise<void> {
  await playground.page.fill(id, value);
  await playground.page.press(id, 'Enter');
}

/** The kinks the function view shows: the x of each red marker. */
const shownKinks = () => playground.page.$$eval('#function-plot circle.kink', (marks) => marks.map((m) => Number(m.getAttribute('data-x'))));
const epochs = async () => Number(await playground.page.textContent('#steps'));

describe('the playground page: the first minute', () => {
  it('loads with no console errors and starts from articleNetwork(), the network of the README and the demo', async () => {
    const { page, errors } = playground;
    expect(await page.textContent('#sizes')).toBe('[1,2,2,1]');
    expect(await page.locator('#diagram circle.neuron').count()).toBe(6); // 1 + 2 + 2 + 1 neurons
    expect(await page.locator('#diagram line.weight').count()).toBe(8); // 1·2 + 2·2 + 2·1 weights
    expect(await helpers((p) => p.network())).toEqual(articleNetwork().toJSON());
    expect(await page.inputValue('#init')).toBe('article');
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(screenshots, 'start.png'), fullPage: true });
  });

  it('shows the four exact kinks of articleNetwork() that kinks() computes in Node', async () => {
    const { page } = playground;
    const article = kinks(articleNetwork(), { domain: [-3, 3] }).breakpoints; // −1.5, 0.25, 1, 1.5
    expect(Number(await page.textContent('#kink-count'))).toBe(4);
    expect(await shownKinks()).toEqual(article);
  });

  it('the default set-up trains: the loss falls a hundredfold and the kinks never all vanish (no neuron dies)', async () => {
    const { page } = playground;
    await page.click('#play'); // the default speed, 20 epochs a second
    // Play trains: a few epochs come (a page that does not train fails here, however long it is given).
    await page.waitForFunction(() => Number(document.querySelector('#steps')?.textContent) > 5, undefined, { timeout: 60_000 });
    await page.click('#play'); // pause
    // Then epoch by epoch up to 400, each one trained and drawn by the page, reading the kink count it shows.
    const counts: number[] = await page.evaluate(() => {
      const shown: number[] = [];
      while (Number(document.querySelector('#steps')?.textContent) < 400) {
        (window as any).playground.timeTrainingFrame();
        shown.push(Number(document.querySelector('#kink-count')?.textContent));
      }
      return shown;
    });
    expect(counts.length).toBeGreaterThan(300);
    const first = { loss: (await helpers((p) => p.losses())).train[0] };
    const loss = Number(await page.getAttribute('#loss', 'data-value'));
    const testLoss = Number(await page.getAttribute('#test-loss', 'data-value'));
    console.log(`default set-up: loss ${first.loss.toPrecision(3)} → ${loss.toPrecision(3)} (test ${testLoss.toPrecision(3)}) in ${await epochs()} epochs; kinks seen ${[...new Set(counts)].join(', ')}`);
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Number(await page.textContent('#kink-count'))).toBeGreaterThanOrEqual(3);
    expect(loss).toBeLessThan(first.loss / 100);
    expect(testLoss).toBeLessThan(0.05);
    expect(await page.locator('#findings li[data-kind="dead"]').count()).toBe(0);
    // The kinks shown are those of the page's network, computed in Node.
    expect(await shownKinks()).toEqual(kinks(await pageNetwork(), { domain: [-3, 3] }).breakpoints);
    await page.screenshot({ path: join(screenshots, 'trained.png'), fullPage: true });
    await page.locator('#see').screenshot({ path: join(screenshots, 'function.png') });
  });

  it('in slow motion it trains at most 3 epochs a second of the page\'s own clock, and the kinks move between two frames', async () => {
    const { page } = playground;
    await fresh();
    await page.selectOption('#speed', '3');
    // Play, and read the page's clock in the same breath: no wait of this process comes in between.
    const playedAt: number = await page.evaluate(() => {
      (document.querySelector('#play') as HTMLButtonElement).click();
      return performance.now();
    });
    // The epochs trained, the kinks shown and the page's clock, read together (between two frames).
    type Moment = { epochs: number; kinks: number[]; at: number };
    const moment = (): Moment => ({
      epochs: (window as unknown as { playground: Helpers }).playground.settings().epochs,
      kinks: Array.from(document.querySelectorAll('#function-plot circle.kink'), (m) => Number(m.getAttribute('data-x'))),
      at: performance.now(),
    });
    const trained = (n: number) => page.waitForFunction(`(${moment})().epochs >= ${n}`, undefined, { timeout: 60_000 });
    await trained(1);
    const before: Moment = await page.evaluate(`(${moment})()`);
    await trained(before.epochs + 3);
    const after: Moment = await page.evaluate(`(${moment})()`);
    await page.click('#play');
    const seconds = (after.at - playedAt) / 1000;
    console.log(`slow motion: ${after.epochs} epochs in ${seconds.toFixed(2)} s of the page's clock; kinks ${before.kinks.map((k) => k.toFixed(3))} → ${after.kinks.map((k) => k.toFixed(3))}`);
    // Epoch n is due n/3 s after play, whatever the machine's load; full speed would be dozens a second.
    expect(after.epochs).toBeLessThanOrEqual(Math.floor(3 * seconds) + 1);
    expect(after.kinks).not.toEqual(before.kinks); // three epochs apart
  });

  it('diagnose() findings are shown in plain words with what to try: a dead neuron after a bias is set to −10', async () => {
    const { page } = playground;
    await fresh();
    expect(await page.textContent('#diagnosis-summary')).toContain('no problem');
    await page.click('#diagram circle.neuron[data-layer="2"][data-node="1"]');
    await typeInto('#edit-value', '-10');
    const finding = page.locator('#findings li[data-kind="dead"]');
    await finding.waitFor();
    const text = await finding.textContent();
    expect(text).toContain('layer 2, node 1: dead neuron');
    expect(text).toMatch(/Try another seed, a smaller learning rate, or leakyRelu/);
    await page.locator('#train').screenshot({ path: join(screenshots, 'diagnosis.png') });
    await page.click('#edit-close');
  });
});

describe('the playground page: views', () => {
  it('every plot has axes with numbers; the diagram has a weight legend; one colour per neuron in every view', async () => {
    const { page } = playground;
    await fresh();
    for (const plot of ['#function-plot', '#neurons figure.neuron-plot:first-child svg']) {
      expect(await page.locator(`${plot} text.tick.x`).count()).toBeGreaterThanOrEqual(3);
      expect(await page.locator(`${plot} text.tick.y`).count()).toBeGreaterThanOrEqual(2);
    }
    expect(await page.textContent('#function-plot text.tick.x >> nth=0')).toBe('-3');
    await page.click('#step-once');
    await page.click('#step-once');
    expect(await page.locator('#loss-curve text.tick.x').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#loss-curve text.tick.y').count()).toBeGreaterThanOrEqual(2);
    expect(await page.textContent('#weight-legend')).toMatch(/positive weight.*negative weight/s);
    // Layer 2, node 1: the same colour in the diagram, its neuron plot and the steppers' rows.
    const fill = await page.getAttribute('#diagram circle.neuron[data-layer="2"][data-node="1"]', 'style');
    const colour = /fill:(#[0-9a-f]{6})/.exec(fill ?? '')?.[1];
    expect(colour).toBeDefined();
    expect(await page.getAttribute('#neurons figure[data-layer="2"][data-node="1"] path.a-line', 'stroke')).toBe(colour);
    await page.click('#stepper button.step-layer[data-layer="2"]');
    expect(await page.getAttribute('#stepper figure[data-name="Z"] tr >> nth=0 >> th.who', 'style')).toContain(colour);
    const colours = await page.$$eval('#diagram circle.neuron.hidden', (cs) => cs.map((c) => c.getAttribute('style')));
    expect(new Set(colours).size).toBe(4); // four hidden neurons, four colours
  });

  it('draws z before the ReLU beside a after it for each hidden neuron: a = max(0, z) point by point', async () => {
    const { page } = playground;
    expect(await page.locator('#neurons figure.neuron-plot').count()).toBe(4);
    const lines = await page.$$eval('#neurons figure[data-layer="1"][data-node="1"] path', (paths) =>
      paths.map((p) => p.getAttribute('d') ?? ''),
    );
    const ys = (d: string) => [...d.matchAll(/[ML][\d.-]+,([\d.-]+)/g)].map((m) => Number(m[1]));
    const [z, a] = lines.map(ys);
    // SVG y grows downwards: a = max(0, z) means a's y = min(y of 0, z's y); the zero line's y is the largest a.
    const zero = Math.max(...a);
    expect(a).toEqual(z.map((y) => Math.min(y, zero)));
    await page.locator('#see').screenshot({ path: join(screenshots, 'neurons.png') });
  });

  it('the forward stepper shows W, A, b, Z and relu(Z) of every layer exactly as net.trace computes them', async () => {
    const { page } = playground;
    const net = await pageNetwork();
    const { X } = await helpers((p) => p.sample());
    for (const step of net.trace(X)) {
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

  it('the backpropagation stepper shows dA, dZ, dW, db of every layer, from the output back, as backwardTrace computes them', async () => {
    const { page } = playground;
    await page.fill('#back-stepper input.sample-index', '7');
    await page.dispatchEvent('#back-stepper input.sample-index', 'change');
    await page.waitForFunction(() => document.querySelector('#back-stepper output.sample-text')?.textContent?.startsWith('8 of'));
    const net = await pageNetwork();
    const { X, Y } = await helpers((p) => p.sample());
    const steps = net.backwardTrace(X, Y, { loss: 'mse' });
    expect(await page.textContent('#back-current')).toBe('3'); // it starts at the output
    for (const step of [...steps].reverse()) {
      await page.click(`#back-stepper button.back-layer[data-layer="${step.layer}"]`);
      await page.waitForFunction((l) => document.querySelector('#back-current')?.textContent === String(l), step.layer);
      expect(await shownMatrix(page, 'dA', '#back-stepper')).toEqual(step.dA.toArray());
      expect(await shownMatrix(page, 'dZ', '#back-stepper')).toEqual(step.dZ.toArray());
      expect(await shownMatrix(page, 'dW', '#back-stepper')).toEqual(step.dW.toArray());
      expect(await shownMatrix(page, 'db', '#back-stepper')).toEqual(step.db.toArray());
      if (step.layer > 1) expect(await shownMatrix(page, 'dA-prev', '#back-stepper')).toEqual(steps[step.layer - 2].dA.toArray());
      const g = step.layer === 3 ? 'linear' : 'relu';
      const l = step.layer;
      expect(await page.textContent('#back-stepper')).toContain(`dZ${l} = dA${l} ⊙ ${g}′(Z${l})`); // the chain rule, with <sup> as text
      expect(await page.textContent('#back-stepper')).toContain(`dW${l} = dZ${l}·(A${l - 1})ᵀ / m`);
    }
    await page.locator('#back').screenshot({ path: join(screenshots, 'backprop.png') });

    // "one step" moves every weight by −η·dW: the page's new network is plain gradient descent on this sample.
    const eta = (await settings()).learningRate;
    await page.click('#back-step');
    const after = await pageNetwork();
    after.layers.forEach((layer, l) => {
      const want = net.layers[l].weights.toArray().map((row, i) => row.map((w, k) => w - eta * steps[l].dW.get(i, k)));
      expect(layer.weights.toArray()).toEqual(want);
      expect(Array.from(layer.biases.data)).toEqual(Array.from(net.layers[l].biases.data, (b, i) => b - eta * steps[l].db.get(i, 0)));
    });
  });

  it('on the whole training set, the backpropagation stepper shows backwardTrace of the batch (m = the training points)', async () => {
    const { page } = playground;
    await page.check('#back-stepper input[name="back-on"][value="batch"]');
    await page.click('#back-stepper button.back-layer[data-layer="2"]');
    const net = await pageNetwork();
    const data = await trainingData();
    const steps = net.backwardTrace(data.X, data.Y, { loss: 'mse' });
    expect(await shownMatrix(page, 'dW', '#back-stepper')).toEqual(steps[1].dW.toArray());
    expect(await shownMatrix(page, 'db', '#back-stepper')).toEqual(steps[1].db.toArray());
    expect(await page.textContent('#back-stepper')).toContain(`m = ${data.X[0].length}`);
    await page.check('#back-stepper input[name="back-on"][value="sample"]');
  });

  it('adding a hidden layer redraws the diagram and changes the kink count shown', async () => {
    const { page } = playground;
    await fresh();
    await page.selectOption('#init', 'he');
    // A seed where [1,2,2,1] and [1,2,2,2,1] bend a different number of times over [−3, 3].
    const seed = [42, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].find(
      (s) =>
        kinks(seededNetwork([2, 2], s), { domain: [-3, 3] }).breakpoints.length !==
        kinks(seededNetwork([2, 2, 2], s), { domain: [-3, 3] }).breakpoints.length,
    );
    expect(seed).toBeDefined();
    await typeInto('#seed', String(seed));
    await page.waitForFunction((s) => (document.querySelector('#seed') as HTMLInputElement).value === String(s), seed);
    const before = Number(await page.textContent('#kink-count'));
    await page.click('#add-layer');
    await page.waitForFunction(() => document.querySelector('#sizes')?.textContent === '[1,2,2,2,1]');
    expect(await page.locator('#diagram circle.neuron').count()).toBe(8);
    expect(await page.locator('#diagram line.weight').count()).toBe(12); // 2 + 4 + 4 + 2
    const after = Number(await page.textContent('#kink-count'));
    expect(before).toBe(kinks(seededNetwork([2, 2], seed), { domain: [-3, 3] }).breakpoints.length);
    expect(after).toBe(kinks(seededNetwork([2, 2, 2], seed), { domain: [-3, 3] }).breakpoints.length);
    expect(after).not.toBe(before);
    // The article's weights fit only [1, 2, 2, 1]: the choice is offered again when the layer goes.
    expect(await page.getAttribute('#init option[value="article"]', 'disabled')).not.toBeNull();
    await page.click('#remove-layer');
    expect(await page.getAttribute('#init option[value="article"]', 'disabled')).toBeNull();
  });

  it('editing a weight by hand changes the network every view draws', async () => {
    const { page } = playground;
    await page.click('#diagram line.weight[data-layer="3"][data-node="1"][data-from="1"]', { force: true });
    await typeInto('#edit-value', '2.5');
    const json = JSON.parse(await page.inputValue('#export-json'));
    expect(json.weights[2][0][0]).toBe(2.5);
    await page.click('#edit-close');
    await page.click('#reset');
  });
});

describe('the playground page: data and training settings', () => {
  it('one training step is net.fit for one epoch with the page settings, L2 included, bit for bit', async () => {
    const { page } = playground;
    await fresh();
    await typeInto('#l2', '0.05');
    await typeInto('#batch-size', '16');
    const before = await pageNetwork();
    const data = await trainingData();
    await page.click('#step-once');
    const node = before;
    node.fit(data.X, data.Y, { epochs: 1, optimizer: sgd({ learningRate: 0.02 }), loss: 'mse', batchSize: 16, l2: 0.05, seed: 0 });
    expect(await helpers((p) => p.network())).toEqual(node.toJSON());
  });

  it('holds points out: a test loss beside the training loss; noise and "regenerate" draw new data and start the curves again', async () => {
    const { page } = playground;
    await fresh();
    const data = await trainingData();
    expect(data.X[0].length).toBe(60);
    expect(data.testCount).toBe(20); // 75% of 80 points train
    expect(await page.locator('#function-plot circle.test').count()).toBe(20);
    await page.click('#step-once');
    expect(Number(await page.getAttribute('#test-loss', 'data-value'))).toBeGreaterThan(0);
    expect(await page.textContent('#test-loss')).toMatch(/× the training loss/);
    await page.fill('#noise', '0.3');
    await page.dispatchEvent('#noise', 'change');
    const noisy = await trainingData();
    expect(noisy.X).toEqual(data.X); // the same x …
    expect(noisy.Y).not.toEqual(data.Y); // … with noise on y
    expect(await epochs()).toBe(0);
    await page.click('#regenerate');
    expect((await trainingData()).X).not.toEqual(data.X);
    await page.fill('#train-share', '0.5');
    await page.dispatchEvent('#train-share', 'change');
    expect((await trainingData()).testCount).toBe(40);
  });

  it('the features x² and sin x become inputs of the network (and the page says why it counts no kinks)', async () => {
    const { page } = playground;
    await fresh();
    await page.check('input.feature[value="square"]');
    await page.check('input.feature[value="sin"]');
    expect(await page.textContent('#sizes')).toBe('[3,2,2,1]');
    expect(await page.textContent('#diagram')).toContain('sin x');
    expect(await page.textContent('#kink-list')).toMatch(/bends smoothly/);
    await page.click('#step-once');
    const net = await pageNetwork();
    const { X } = await helpers((p) => p.sample());
    expect(X.map((row) => row[0])).toEqual([X[0][0], X[0][0] ** 2, Math.sin(X[0][0])]);
    expect(net.inputs).toBe(3);
    expect(playground.errors).toEqual([]);
  });

  it('a bad learning rate or batch size shows a message next to the box and is not used', async () => {
    const { page } = playground;
    await fresh();
    await typeInto('#learning-rate', '-1');
    expect(await page.textContent('#learning-rate-error')).toBe('learning rate must be a number > 0 and at most 10: "-1" is not used (still 0.02)');
    expect(await page.getAttribute('#learning-rate', 'aria-invalid')).toBe('true');
    await typeInto('#batch-size', '0');
    expect(await page.textContent('#batch-size-error')).toBe('batch size must be a whole number ≥ 1: "0" is not used (still 32)');
    const before = await pageNetwork();
    const data = await trainingData();
    await page.click('#step-once');
    expect((await settings()).learningRate).toBe(0.02);
    before.fit(data.X, data.Y, { epochs: 1, optimizer: sgd({ learningRate: 0.02 }), loss: 'mse', batchSize: 32, seed: 0 });
    expect(await helpers((p) => p.network())).toEqual(before.toJSON()); // trained with 0.02 and 32
    await page.locator('#train').screenshot({ path: join(screenshots, 'bad-input.png') });
    await typeInto('#learning-rate', '0.05');
    expect(await page.textContent('#learning-rate-error')).toBe('');
    expect((await settings()).learningRate).toBe(0.05);
  });

  it('an emptied weight box says so and leaves the weight as it was (an empty box is not 0)', async () => {
    const { page } = playground;
    await fresh();
    await page.click('#diagram line.weight[data-layer="1"][data-node="1"][data-from="1"]', { force: true });
    await typeInto('#edit-value', '');
    expect(await page.textContent('#edit-value-error')).toContain('must be a number from −1000 to 1000: "" is not used (still 1)');
    expect(await helpers((p) => p.network())).toEqual(articleNetwork().toJSON());
    await page.click('#edit-close');
  });
});

describe('the playground page: links, import and export', () => {
  it('a link opens the same network, weights, target and view', async () => {
    const { page } = playground;
    await fresh();
    await page.selectOption('#target', 'abs');
    for (let n = 0; n < 5; n++) await page.click('#step-once');
    await page.click('#stepper button.step-layer[data-layer="2"]');
    const link = await page.inputValue('#share-link');
    const network = await helpers((p) => p.network());
    const other = await playground.browser.newPage();
    await other.goto(link);
    await other.waitForSelector('#diagram svg');
    expect(await other.evaluate(() => (window as any).playground.network())).toEqual(network);
    const shown = await other.evaluate(() => (window as any).playground.settings());
    expect(shown).toMatchObject({ target: 'abs', stepLayer: 2 });
    expect(await other.textContent('#step-current')).toBe('2');
    expect(await other.isHidden('#link-problems')).toBe(true);
    await other.close();
  });

  it('a link with a bad setting says so and leaves that setting at its default', async () => {
    const { page } = playground;
    await fresh('#target=circles&lr=-1&hidden=2,x');
    expect(await page.textContent('#link-problems')).toContain('lr=-1 is not a valid value');
    expect(await page.textContent('#link-problems')).toContain('hidden=2,x is not a valid value');
    expect(await settings()).toMatchObject({ target: 'circles', learningRate: 0.02 });
  });

  it('importing a network’s JSON (net.toJSON() or the file saveNetwork writes) reproduces it exactly', async () => {
    const { page } = playground;
    await fresh();
    const net = new Network({ layers: [1, 3, 2, 1], seed: 5 });
    net.fit([[-1, 0, 1, 2]], [[1, 0, 1, 4]], { epochs: 20, learningRate: 0.05 });
    await page.fill('#import-json', JSON.stringify(net.toJSON()));
    await page.click('#import-button');
    await page.waitForFunction(() => document.querySelector('#sizes')?.textContent === '[1,3,2,1]');
    expect(await page.textContent('#import-message')).toBe('Imported a network with layers [1,3,2,1].');
    expect(await helpers((p) => p.network())).toEqual(net.toJSON());

    const file = join(mkdtempSync(join(tmpdir(), 'import-')), 'model.json');
    const plane = new Network({ layers: [2, 4, 1], output: 'sigmoid', seed: 8 });
    await saveNetwork(plane, file);
    await page.setInputFiles('#import-file', file);
    await page.waitForFunction(() => document.querySelector('#sizes')?.textContent === '[2,4,1]');
    expect(await helpers((p) => p.network())).toEqual(plane.toJSON());
    expect(Network.fromJSON((await page.inputValue('#export-json')) as never).predict([[0.3, -0.7]])).toEqual(plane.predict([[0.3, -0.7]]));

    await page.fill('#import-json', '{"format":"feedforward-network"}');
    await page.click('#import-button');
    expect(await page.textContent('#import-message')).toMatch(/^Not imported: Network.fromJSON: /);
    expect(await helpers((p) => p.network())).toEqual(plane.toJSON()); // unchanged
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
    const samples = JSON.parse(/const samples = (.*);/.exec(code)?.[1] ?? 'null'); // the samples the code predicts
    expect(JSON.parse(printed)).toEqual(pageNet.predict(samples));
  });
});

describe('the playground page: phones and speed', () => {
  it('fits a 390 px wide phone screen: nothing overflows horizontally, with one input or two', async () => {
    const phone = await playground.browser.newPage({ viewport: { width: 390, height: 844 } });
    for (const hash of ['', '#target=moons&hidden=4,4']) {
      await phone.goto(`${playground.url}${hash}`);
      await phone.waitForSelector('#diagram svg');
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
    }
    await phone.goto(playground.url);
    await phone.waitForSelector('#diagram svg');
    await phone.screenshot({ path: join(screenshots, 'phone.png'), fullPage: true });
    await phone.close();
  });

  it('training XOR for a few hundred epochs brings the shown loss below 0.05, over 60 frames or more with every view on (the frame gaps are reported)', async ({ annotate, task }) => {
    const { page } = playground;
    await fresh();
    await page.selectOption('#target', 'xor');
    await page.waitForSelector('#plane');
    // A little more room than the article's net: two hidden layers of 6.
    for (let n = 0; n < 4; n++) {
      await page.click('button[data-action="more"][data-hidden="0"]');
      await page.click('button[data-action="more"][data-hidden="1"]');
    }
    expect(await page.locator('#neurons figure.neuron-map').count()).toBe(12); // z and a heatmaps per hidden neuron
    await page.selectOption('#optimizer', 'adam');
    await typeInto('#learning-rate', '0.03');
    await page.selectOption('#speed', '0');
    await page.click('#play');
    // At least 300 epochs and 60 frames, so the frame gaps below are measured over a second or more
    // (a page that froze for 1.5 s a frame would not draw 60 frames in the time this wait allows).
    await page.waitForFunction(
      () => Number(document.querySelector('#steps')?.textContent) >= 300 && (window as any).playground.frameTimes().length >= 60,
      undefined,
      { timeout: 90_000 },
    );
    await page.click('#play'); // pause
    const loss = Number(await page.getAttribute('#loss', 'data-value'));
    expect(loss).toBeLessThan(0.05);
    const frames = await helpers((p) => p.frameTimes());
    const gaps = frames.slice(1).map((t, n) => t - frames[n]).sort((a, b) => a - b);
    const median = gaps[Math.floor(gaps.length / 2)];
    // A figure, not a check: the time between frames is the machine's load as much as the page's (50 ms or less when idle).
    await report({ annotate, task }, 'frameGapMedianMs', median, `training frames: ${gaps.length} gaps, median ${median.toFixed(1)} ms, max ${gaps[gaps.length - 1].toFixed(1)} ms`);
    await page.locator('#see').screenshot({ path: join(screenshots, 'xor-plane.png') });
    await page.check('#regions');
    await page.waitForSelector('#region-count');
    expect(Number(await page.textContent('#region-count'))).toBeGreaterThan(1);
    await page.locator('#see').screenshot({ path: join(screenshots, 'xor-regions.png') });
    await page.locator('#train').screenshot({ path: join(screenshots, 'training.png') });
    await page.uncheck('#regions');
    await page.screenshot({ path: join(screenshots, 'playground-xor.png'), fullPage: true });
  });

  it('redraws the function, kinks and neuron plots of a [1, 16, 16, 16, 1] network (the time is reported; within one frame when idle)', async ({ annotate, task }) => {
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
    await report({ annotate, task }, 'deepRedrawMedianMs', times[4], `[1,16,16,16,1] function + kinks + neuron plots redraw: median ${times[4].toFixed(2)} ms (a frame is 16.7 ms)`);
    // Only a blow-up fails, at a limit a loaded machine meets: half a second is 30 frames.
    expect(times[4]).toBeLessThan(500);
    await page.locator('#see').screenshot({ path: join(screenshots, 'deep-function.png') });
    expect(playground.errors).toEqual([]);
  });
});
