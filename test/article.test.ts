/**
 * The article, replayed step by step ("Uncovering the deep state of neural
 * networks"; see ../shared/article.md and DESIGN.md): a 1-input network with two
 * hidden layers of two ReLU neurons, computed one call at a time, then by twoNode,
 * then by a Network, which must all agree bit for bit.
 *
 * The article draws its weights at random; the walk-through below uses the small
 * round numbers of articleNetwork() instead (src/network/article.ts), so that every
 * value and every kink can be found by hand. The identities are then checked again
 * with seeded random weights.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_LAYERS,
  Matrix,
  Network,
  applyWeights,
  articleNetwork,
  kinks as exactKinks,
  randomMatrix,
  relu,
  twoNode,
  vstack,
} from '../src/index.js';
import { expectSameBits } from './helpers/oracles.js';

// The data: one feature, 300 samples (one column each), seeded, in [−3, 3).
const X = randomMatrix(1, 300, { seed: 2023, scale: 3 });
const xs = X.row(0);
const pos = (z: number) => Math.max(0, z);

// Layer 1: two neurons, out1 = W1·X + b1.        neuron 1: x + 1,  neuron 2: −x + 1
const W1 = [[1], [-1]];
const b1 = [1, 1];
// Layer 2, one neuron at a time, as the article names them.
const w35 = [[1, 1]]; // top neuron: act1₁ + act1₂ − 2.5
const b3 = -2.5;
const w46 = [[1, -1]]; // bottom neuron: act1₁ − act1₂ − 0.5
const b4 = -0.5;
// The output: the top clipped neuron minus the bottom one, plus 1.
const w7 = [[1, -1]];
const b5 = 1;

const out1 = applyWeights(X, W1, b1);
const act1 = relu(out1);
const out3 = applyWeights(act1, w35, b3);
const out4 = applyWeights(act1, w46, b4);
const out5 = twoNode(act1, [w35[0], w46[0]], [b3, b4]);
const act5 = relu(out5);
const pred = applyWeights(act5, w7, b5);

/**
 * Where f (a function of x, evaluated on an even grid) bends: the second
 * difference f(x−h) − 2f(x) + f(x+h) is 0 on a straight piece and not 0 next to
 * a kink. Neighbouring bent points are one kink, reported at their mean x.
 */
function kinks(f: (X: Matrix) => Matrix): number[] {
  const grid = Array.from({ length: 601 }, (_, k) => -3 + k / 100); // h = 0.01
  const y = f(Matrix.from([grid])).row(0);
  const bent: number[] = [];
  for (let k = 1; k < grid.length - 1; k++) if (Math.abs(y[k - 1] - 2 * y[k] + y[k + 1]) > 1e-9) bent.push(k);
  const groups: number[][] = [];
  bent.forEach((k, n) => (n > 0 && k === bent[n - 1] + 1 ? groups[groups.length - 1].push(k) : groups.push([k])));
  return groups.map((g) => Math.round(100 * (g.reduce((s, k) => s + grid[k], 0) / g.length)) / 100);
}

describe('the article, step by step', () => {
  it('layer 1: out1 = applyWeights(X, W1, b1) has one row per neuron: x + 1 and −x + 1', () => {
    expect(out1.shape).toEqual([2, 300]);
    expect(out1.toArray()).toEqual([xs.map((x) => x + 1), xs.map((x) => -x + 1)]);
  });

  it('act1 = relu(out1) clips the negatives to 0', () => {
    expect(act1.toArray()).toEqual([xs.map((x) => pos(x + 1)), xs.map((x) => pos(-x + 1))]);
  });

  it('out3 = applyWeights(act1, w35, b3): the top neuron of layer 2, one row of 300', () => {
    expect(out3.shape).toEqual([1, 300]);
    expect(out3.row(0)).toEqual(xs.map((x) => pos(x + 1) + pos(-x + 1) - 2.5));
  });

  it('out4 = applyWeights(act1, w46, b4): the bottom neuron, from the same act1', () => {
    expect(out4.row(0)).toEqual(xs.map((x) => pos(x + 1) - pos(-x + 1) - 0.5));
  });

  it('out3 and out4 are each a function of x with two kinks, at −1 and 1, where a layer-1 neuron switches', () => {
    // for |x| ≤ 1: out3 = (x + 1) + (1 − x) − 2.5 = −0.5 and out4 = (x + 1) − (1 − x) − 0.5 = 2x − 0.5
    // for x > 1:   out3 = x − 1.5                and out4 = x + 0.5
    // for x < −1:  out3 = −x − 1.5               and out4 = x − 1.5
    const layer1 = (x: Matrix) => relu(applyWeights(x, W1, b1));
    expect(kinks((x) => applyWeights(layer1(x), w35, b3))).toEqual([-1, 1]);
    expect(kinks((x) => applyWeights(layer1(x), w46, b4))).toEqual([-1, 1]);
  });

  it('out5 = twoNode(act1, [w35, w46], [b3, b4]) is out3 and out4 stacked: vstack(out3, out4)', () => {
    expect(out5.shape).toEqual([2, 300]);
    expectSameBits(out5, vstack(out3, out4));
  });

  it('act5 = relu(out5) clips layer 2', () => {
    expectSameBits(act5, vstack(relu(out3), relu(out4)));
  });

  it('pred = applyWeights(act5, w7, b5): one prediction per sample', () => {
    // pred = relu(out3) − relu(out4) + 1
    expect(pred.shape).toEqual([1, 300]);
    expect(pred.row(0)).toEqual(xs.map((x, s) => pos(out3.get(0, s)) - pos(out4.get(0, s)) + 1));
  });

  it('the prediction is a function of x with four kinks: −1.5, 0.25, 1 and 1.5', () => {
    // relu(out3) switches on where out3 crosses 0: x = ±1.5; relu(out4) where out4 does: 2x − 0.5 = 0, x = 0.25.
    // The kink of out4 at x = 1 survives (out4 > 0 there); the ones at x = ±1 of out3 and
    // at −1 of out4 are clipped away, since those neurons are off there.
    const network = (x: Matrix) =>
      applyWeights(relu(twoNode(relu(applyWeights(x, W1, b1)), [w35[0], w46[0]], [b3, b4])), w7, b5);
    expect(kinks(network)).toEqual([-1.5, 0.25, 1, 1.5]);
  });

  it('these are the weights of ARTICLE_LAYERS: articleNetwork() predicts the walk-through, bit for bit', () => {
    expect(ARTICLE_LAYERS.map(({ weights, biases }) => ({ weights, biases }))).toEqual([
      { weights: W1, biases: b1 },
      { weights: [w35[0], w46[0]], biases: [b3, b4] },
      { weights: w7, biases: [b5] },
    ]);
    expectSameBits(articleNetwork().forward(X), pred);
  });

  it('Network.fromWeights with the same weights predicts the same numbers, bit for bit', () => {
    const net = Network.fromWeights([
      { weights: W1, biases: b1 },
      { weights: [w35[0], w46[0]], biases: [b3, b4] },
      { weights: w7, biases: [b5] },
    ]);
    expectSameBits(net.forward(X), pred);
  });

  it('net.trace shows the article’s steps: out1 and act1, out5 and act5, then pred', () => {
    const net = Network.fromWeights([
      { weights: W1, biases: b1 },
      { weights: [w35[0], w46[0]], biases: [b3, b4] },
      { weights: w7, biases: [b5] },
    ]);
    const [layer1, layer2, layer3] = net.trace(X);
    expectSameBits(layer1.z, out1);
    expectSameBits(layer1.a, act1);
    expectSameBits(layer2.z, out5);
    expectSameBits(layer2.a, act5);
    expectSameBits(layer3.z, pred);
  });

  it.each([1, 2, 3, 4, 5])('with seeded random weights (seed %i) the same chain equals Network.forward', (seed) => {
    // As the article does it: random W1 and b1, w35 and b3, w46 and b4, w7 and a final bias.
    const r = (rows: number, cols: number, n: number) => randomMatrix(rows, cols, { seed: 10 * seed + n });
    const [W, b, W35, B3, W46, B4, W7, B5] = [r(2, 1, 1), r(2, 1, 2), r(1, 2, 3), r(1, 1, 4), r(1, 2, 5), r(1, 1, 6), r(1, 2, 7), r(1, 1, 8)];
    const act = relu(applyWeights(X, W, b));
    const stacked = vstack(applyWeights(act, W35, B3), applyWeights(act, W46, B4));
    expectSameBits(twoNode(act, vstack(W35, W46), vstack(B3, B4)), stacked);
    const chain = applyWeights(relu(stacked), W7, B5);
    const net = Network.fromWeights([
      { weights: W, biases: b },
      { weights: vstack(W35, W46), biases: vstack(B3, B4) },
      { weights: W7, biases: B5 },
    ]);
    expectSameBits(net.forward(X), chain);
  });
});

describe('nesting relu(twoNode(…)) adds layers', () => {
  it('a chain of 10 hidden two-node layers equals new Network({ layers: [1, 2×10, 1] }).forward, bit for bit', () => {
    const net = new Network({ layers: [1, ...Array(10).fill(2), 1], seed: 10 });
    const L = net.layers;
    let A = X;
    for (let l = 0; l < 10; l++) A = relu(twoNode(A, L[l].weights, L[l].biases)); // hidden layers 1 … 10
    const chain = applyWeights(A, L[10].weights, L[10].biases); // the output layer, linear
    expectSameBits(net.forward(X), chain);
  });

  it('a [1, 2, 2, 1] network has at most 2 + 2·3 = 8 kinks, and can have more than the article’s four', () => {
    // Layer 1 bends at ≤ 2 points, cutting the line into ≤ 3 pieces; on each piece a layer-2
    // neuron is a straight line that crosses 0 at most once, so it adds ≤ 3 kinks, twice over.
    // The article's example shows four; seed 9 shows five (two from layer 1, three from layer 2).
    for (let seed = 1; seed <= 30; seed++) {
      const net = new Network({ layers: [1, 2, 2, 1], seed });
      expect(kinks((x) => net.forward(x)).length).toBeLessThanOrEqual(8);
    }
    const seed9 = new Network({ layers: [1, 2, 2, 1], seed: 9 });
    expect(kinks((x) => seed9.forward(x))).toHaveLength(5);
  });
});

describe('one article network everywhere: the demo, the examples, the pictures and the README show articleNetwork()', () => {
  // The playground's default network is checked in test/playground/playground.e2e.ts (it needs the page).
  const root = fileURLToPath(new URL('..', import.meta.url));
  const run = (file: string, ...args: string[]) =>
    execFileSync('npx', ['tsx', join(root, file), ...args], { cwd: root, encoding: 'utf8' });
  const article = exactKinks(articleNetwork(), { domain: [-3, 3] }).breakpoints; // [−1.5, 0.25, 1, 1.5]
  const numbers = (text: string) => text.split(',').map(Number);

  it('articleNetwork() bends four times on [−3, 3], and every hidden neuron switches there (none is dead)', () => {
    expect(article).toEqual([-1.5, 0.25, 1, 1.5]);
    const { neurons } = exactKinks(articleNetwork(), { domain: [-3, 3] });
    expect(neurons.map((n) => n.breakpoints.length > 0)).toEqual([true, true, true, true]);
  });

  it('examples/deep-state.ts (npm run demo) prints its kinks, and says its network is articleNetwork()', () => {
    const out = run('examples/deep-state.ts');
    const bends = /the prediction bends 4 times, at x = (.*)\.\n/.exec(out);
    expect(numbers(bends?.[1] ?? '')).toEqual(article);
    expect(out).toContain('it is articleNetwork(), the network of the pictures in docs/ and of the playground: true');
  });

  it('examples/kinks.ts prints the same kinks', () => {
    const bends = /Its output bends at 4 places: x = (.*)\n/.exec(run('examples/kinks.ts'));
    expect(numbers(bends?.[1] ?? '')).toEqual(article);
  });

  it('examples/plots.ts draws the same kinks (docs/kinks.svg, written by npm run render-docs, too)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plots-'));
    run('examples/plots.ts', dir, 'kinks.svg');
    const marked = (svg: string) => [...svg.matchAll(/aria-label="kink \d+ at x = ([^,]+),/g)].map((m) => Number(m[1]));
    expect(marked(readFileSync(join(dir, 'kinks.svg'), 'utf8'))).toEqual(article);
    expect(marked(readFileSync(join(root, 'docs/kinks.svg'), 'utf8'))).toEqual(article);
  });

  it('the README and docs/kinks.md show the output of those examples with these kinks', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain('the prediction bends 4 times, at x = -1.500, 0.250, 1.000, 1.500.');
    expect(readFileSync(join(root, 'docs/kinks.md'), 'utf8')).toContain('Its output bends at 4 places: x = -1.5, 0.25, 1, 1.5');
    expect(readFileSync(join(root, 'docs/plots.md'), 'utf8')).toContain('▲ 4 kinks at x = -1.5, 0.25, 1, 1.5');
  });
});
