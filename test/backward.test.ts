/**
 * The textbook backward pass (src/train/backward.ts): one equation per line on whole matrices.
 * First by hand, on the article's network; then against the fast path that `gradients` and `fit`
 * run (src/train/backprop.ts), bit for bit, on many random networks, every activation and every
 * loss pairing, ±0 and ReLU kinks included.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Matrix,
  Network,
  ValueError,
  articleNetwork,
  backwardTrace,
  binaryCrossEntropy,
  crossEntropy,
  gradients,
  mse,
  softmax,
} from '../src/index.js';
import type { Activation } from '../src/core/activations.js';
import { forwardBlock } from '../src/core/forward.js';
import { sizesOf } from '../src/core/types.js';
import { Workspace, backwardPass } from '../src/train/backprop.js';
import { type BackwardStep, backward } from '../src/train/backward.js';
import { type Loss, isPaired } from '../src/train/losses.js';
import { kinkyNetworkAndX, networkAndX } from './helpers/arbitraries.js';
import { expectSameBits } from './helpers/oracles.js';

/** Fixed seed and bounded runs: the same cases on every machine, in seconds. */
const RUNS = { seed: 18, numRuns: 300 };

describe('backward, worked by hand on the article network at x = 3, target 0, mse', () => {
  // Forward (ARTICLE_LAYERS):
  //   Z¹ = (3 + 1, −3 + 1) = (4, −2)                A¹ = relu(Z¹) = (4, 0)
  //   Z² = (4 + 0 − 2.5, 4 − 0 − 0.5) = (1.5, 3.5)   A² = (1.5, 3.5)
  //   Z³ = 1.5 − 3.5 + 1 = −1                        A³ = −1 (linear output)
  // Backward, m = 1, n = 1 output:
  //   dA³ = 2·(−1 − 0) = −2        dZ³ = dA³·1 = −2
  //   dW³ = dZ³·(A²)ᵀ = (−2·1.5, −2·3.5) = (−3, −7)          db³ = −2
  //   dA² = (W³)ᵀ·dZ³ = (1·−2, −1·−2) = (−2, 2)               dZ² = dA² ⊙ relu′(1.5, 3.5) = (−2, 2)
  //   dW² = dZ²·(A¹)ᵀ = ((−2·4, −2·0), (2·4, 2·0)) = ((−8, 0), (8, 0))   db² = (−2, 2)
  //   dA¹ = (W²)ᵀ·dZ² = (1·−2 + 1·2, 1·−2 − 1·2) = (0, −4)     dZ¹ = dA¹ ⊙ relu′(4, −2) = (0·1, −4·0) = (0, −0)
  //   dW¹ = dZ¹·xᵀ = (0 + 0·3, 0 + (−0)·3) = (0, 0)            db¹ = (0 + 0, 0 + (−0)) = (0, 0)
  //   (every sum starts at +0, in the kernel and in sumRows, and 0 + (−0) is +0)
  const [one, two, three] = backward(articleNetwork().layers, Matrix.from([[3]]), Matrix.from([[0]]), mse);

  it('runs the forward pass first, keeping each layer’s input, Z and A', () => {
    expect([one.z, one.a, two.z, two.a, three.z, three.a].map((M) => M.toArray())).toEqual([
      [[4], [-2]], [[4], [0]], [[1.5], [3.5]], [[1.5], [3.5]], [[-1]], [[-1]],
    ]);
    expect(three.input.toArray()).toEqual(two.a.toArray());
  });
  it('starts from the loss at the output: dA³ = 2·(ŷ − y) = −2, and dZ³ = dA³ through the linear output', () => {
    expect([three.dA.toArray(), three.dZ.toArray()]).toEqual([[[-2]], [[-2]]]);
  });
  it('gives the output layer dW³ = dZ³·(A²)ᵀ = (−3, −7) and db³ = −2', () => {
    expect([three.dW.toArray(), three.db.toArray()]).toEqual([[[-3, -7]], [[-2]]]);
  });
  it('hands dA² = (W³)ᵀ·dZ³ = (−2, 2) back, and both layer-2 neurons are on, so dZ² = dA²', () => {
    expect([two.dA.toArray(), two.dZ.toArray()]).toEqual([[[-2], [2]], [[-2], [2]]]);
  });
  it('gives layer 2 dW² = dZ²·(A¹)ᵀ = ((−8, 0), (8, 0)) and db² = (−2, 2)', () => {
    expect([two.dW.toArray(), two.db.toArray()]).toEqual([[[-8, 0], [8, 0]], [[-2], [2]]]);
  });
  it('stops the gradient at the off neuron of layer 1 (z = −2): dZ¹ = (0, −0), then dW¹ = (0, 0) and db¹ = (0, 0)', () => {
    expectSameBits(one.dA, [[0], [-4]]);
    expectSameBits(one.dZ, [[0], [-0]]); // −4·0 is −0, in the fast path too
    expectSameBits(one.dW, [[0], [0]]); // sums start at +0: 0 + (−0)·3 = 0
    expectSameBits(one.db, [[0], [0]]);
  });
  it('counts layers from 1, first layer first', () => {
    expect([one.layer, two.layer, three.layer]).toEqual([1, 2, 3]);
  });
});

describe('backward, at the output and the 1/m', () => {
  // One layer with zero weights: z = (0, 0), so softmax gives a = (0.5, 0.5); target y = (1, 0).
  const flat = () => Network.fromWeights([{ weights: [[0], [0]], biases: [0, 0] }], { output: 'softmax' });
  const [x, y] = [Matrix.from([[1]]), Matrix.from([[1], [0]])];

  it('takes dZ straight from a loss paired with the output: crossEntropy after softmax gives A − Y = (−0.5, 0.5)', () => {
    const [step] = backward(flat().layers, x, y, crossEntropy);
    expect(step.dZ.toArray()).toEqual([[-0.5], [0.5]]);
    expect(step.dA.toArray()).toEqual([[-2], [0]]); // still shown: dℓ/da = −y/a = (−1/0.5, 0)
  });
  it("pushes dA through softmax's Jacobian when the loss is not paired: mse gives dZ = A ⊙ (dA − Σ A·dA) = (−0.25, 0.25)", () => {
    // dA = 2·(A − Y)/2 = (−0.5, 0.5); Σᵢ Aᵢ·dAᵢ = 0.5·(−0.5) + 0.5·0.5 = 0; dZ = (0.5·(−0.5), 0.5·0.5)
    const [step] = backward(flat().layers, x, y, mse);
    expect([step.dA.toArray(), step.dZ.toArray()]).toEqual([[[-0.5], [0.5]], [[-0.25], [0.25]]]);
  });
  it("uses a hand-made column-mixing activation's own backward, as it has no entrywise g′", () => {
    const { derivative, f, df, applyInPlace, backward: own, piecewiseLinear } = softmax;
    const mine = Object.assign(Object.defineProperty((Z: never) => softmax(Z), 'name', { value: 'mySoftmax' }), {
      derivative, f, df, applyInPlace, backward: own, toJSON: () => 'mySoftmax', piecewiseLinear, outputOnly: true, // saved as itself: a built-in's name is refused
    }) as unknown as Activation;
    const net = Network.fromWeights([{ weights: [[1], [-1]], biases: [0.5, 0] }], { output: mine });
    const [step] = backward(net.layers, x, y, mse);
    const [want] = backward(Network.fromWeights([{ weights: [[1], [-1]], biases: [0.5, 0] }], { output: 'softmax' }).layers, x, y, mse);
    expectSameBits(step.dZ, want.dZ);
  });
  it('divides dW and db by m, rounding as the fast path does: db = 5/3, not 5·(1/3)', () => {
    // z = x = (1, 1, 0.5), y = 0: dZ = 2·(z − 0) = (2, 2, 1); db = (2 + 2 + 1)/3; dW = (2·1 + 2·1 + 1·0.5)/3 = 1.5
    const net = Network.fromWeights([{ weights: [[1]], biases: [0] }]);
    const [step] = backward(net.layers, Matrix.from([[1, 1, 0.5]]), Matrix.from([[0, 0, 0]]), mse);
    expect(step.db.get(0, 0)).toBe(5 / 3);
    expect(step.db.get(0, 0)).not.toBe(5 * (1 / 3)); // 1.6666666666666665, one bit below
    expect(step.dW.get(0, 0)).toBe(1.5);
  });
});

/** The losses an output activation can feed: mse always; the cross-entropies after sigmoid or softmax, paired or not. */
function lossesFor(output: Activation): Loss[] {
  return output.name === 'sigmoid' || output.name === 'softmax' ? [mse, binaryCrossEntropy, crossEntropy] : [mse];
}

/** Targets for a loss: any numbers for mse, probabilities in [0, 1] (0 and 1 included) for the cross-entropies. */
function targets(loss: Loss, rows: number, cols: number) {
  const value = loss === mse ? fc.double({ min: -4, max: 4, noNaN: true }) : fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true }));
  return fc.array(fc.array(value, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }).map((Y) => Matrix.from(Y));
}

/** A network, an X that fits it, a loss its output can feed, and targets for that loss. */
function withLossAndTargets([net, X]: [Network, number[][]]) {
  const output = net.layers[net.layers.length - 1].activation;
  return fc.constantFrom(...lossesFor(output)).chain((loss) =>
    targets(loss, net.outputs, X[0].length).map((Y) => ({ net, X: Matrix.from(X), Y, loss })),
  );
}

/** What `gradients` and `fit` run: the buffered forward pass, then backwardPass, on one Workspace. */
function fastPath(net: Network, X: Matrix, Y: Matrix, loss: Loss): Workspace {
  const m = X.cols;
  const ws = new Workspace(sizesOf(net), m);
  forwardBlock(net.layers, X.data, m, 0, m, ws.layers);
  backwardPass(net.layers, ws, X.data, Y.data, m, loss);
  return ws;
}

/** What the comparisons saw, so a test can say it reached the cases it claims. */
interface Seen {
  compared: number;
  refused: number;
  zeroZ: number;
  negativeZeroZ: number;
}

/**
 * Checks one case: backward gives the fast path's bits in every Z, A, dZ, dW, db and dA (dAᴸ only where the
 * fast path computes it, when the loss is not paired), or it refuses a number that is not finite and so does `gradients`.
 */
function checkCase({ net, X, Y, loss }: { net: Network; X: Matrix; Y: Matrix; loss: Loss }, seen: Seen): void {
  let steps: BackwardStep[];
  try {
    steps = backward(net.layers, X, Y, loss);
  } catch (error) {
    expect(error).toBeInstanceOf(ValueError);
    expect(() => gradients(net, X, Y, { loss: loss.name })).toThrow(/not finite|must be finite|past float64/);
    seen.refused++;
    return;
  }
  const ws = fastPath(net, X, Y, loss);
  const m = X.cols;
  const L = net.layers.length;
  const view = (buffer: Float64Array, rows: number, cols: number) => new Matrix(rows, cols, buffer.slice(0, rows * cols));
  steps.forEach((step, l) => {
    const { weights: W, activation: g } = net.layers[l];
    const buf = ws.layers[l];
    const at = `layer ${l + 1} (${g.name}, loss ${loss.name})`;
    expectSameBits(step.input, l === 0 ? X : view(ws.layers[l - 1].A, W.cols, m), `${at}: input`);
    expectSameBits(step.z, view(buf.Z, W.rows, m), `${at}: Z`);
    expectSameBits(step.a, view(buf.A, W.rows, m), `${at}: A`);
    expectSameBits(step.dZ, view(buf.dZ, W.rows, m), `${at}: dZ`);
    expectSameBits(step.dW, view(buf.dW, W.rows, W.cols), `${at}: dW`);
    expectSameBits(step.db, view(buf.db, W.rows, 1), `${at}: db`);
    if (l < L - 1 || !isPaired(loss, g)) expectSameBits(step.dA, view(buf.dA, W.rows, m), `${at}: dA`);
    if (g.name === 'relu' || g.name === 'leakyRelu') {
      for (const z of step.z.data) {
        if (z === 0) seen.zeroZ++;
        if (Object.is(z, -0)) seen.negativeZeroZ++;
      }
    }
  });
  seen.compared++;
}

describe('backward equals the fast path of gradients and fit, bit for bit', () => {
  it('on random networks and inputs (1–300 samples): every hidden activation (relu, leakyRelu, sigmoid, tanh, linear), every output (relu, linear, sigmoid, softmax), every loss it can feed', () => {
    const seen: Seen = { compared: 0, refused: 0, zeroZ: 0, negativeZeroZ: 0 };
    const byPairing = new Set<string>();
    const cases = networkAndX.chain(withLossAndTargets);
    fc.assert(
      fc.property(cases, (c) => {
        const [hidden, output] = [c.net.layers[0].activation.name, c.net.layers[c.net.layers.length - 1].activation.name];
        byPairing.add(`${c.net.layers.length > 1 ? hidden : '-'} ${output} ${c.loss.name}`);
        checkCase(c, seen);
      }),
      RUNS,
    );
    // Most cases are compared; the rest (a sigmoid or softmax pushed to exactly 0 or 1 by inputs up to ±1000) are refused by both.
    expect(seen.compared).toBeGreaterThan(0.8 * RUNS.numRuns);
    const pairings = ['relu mse', 'linear mse', 'sigmoid mse', 'sigmoid binaryCrossEntropy', 'sigmoid crossEntropy', 'softmax mse', 'softmax crossEntropy', 'softmax binaryCrossEntropy'];
    expect(pairings.filter((p) => ![...byPairing].some((seenOne) => seenOne.endsWith(` ${p}`)))).toEqual([]);
    for (const hidden of ['relu', 'leakyRelu', 'sigmoid', 'tanh', 'linear']) expect([...byPairing].some((p) => p.startsWith(`${hidden} `))).toBe(true);
  });

  it('at the kinks: z exactly 0 or −0 in ReLU and leaky ReLU layers, where g′ takes its value at 0', () => {
    const seen: Seen = { compared: 0, refused: 0, zeroZ: 0, negativeZeroZ: 0 };
    fc.assert(fc.property(kinkyNetworkAndX.chain(withLossAndTargets), (c) => checkCase(c, seen)), RUNS);
    expect(seen.compared).toBeGreaterThan(0.9 * RUNS.numRuns);
    expect(seen.zeroZ).toBeGreaterThan(50); // the kinks were reached…
    expect(seen.negativeZeroZ).toBeGreaterThan(5); // …from both sides of zero's sign
  });

  it('refuses what gradients refuses: a number past float64 is an error in both, never a silent Infinity', () => {
    // ℓ = (z − y)² = (1e154)² = 1e308 is finite; dW = 2·(z − y)·x = 2e154·1e160 = 2e314 is not.
    const net = Network.fromWeights([{ weights: [[0]], biases: [1e154] }]);
    const seen: Seen = { compared: 0, refused: 0, zeroZ: 0, negativeZeroZ: 0 };
    checkCase({ net, X: Matrix.from([[1e160]]), Y: Matrix.from([[0]]), loss: mse }, seen);
    expect(seen.refused).toBe(1);
  });
});

describe('backward is what backwardTrace shows', () => {
  it('backwardTrace returns these steps, bit for bit, after checking its input', () => {
    const net = new Network({ layers: [2, 3, 3], hidden: 'tanh', output: 'softmax', seed: 4 });
    const [X, Y] = [Matrix.from([[0.5, -1, 2], [1, 0, -0.25]]), Matrix.from([[1, 0, 0], [0, 1, 0], [0, 0, 1]])];
    const trace = backwardTrace(net, X, Y);
    backward(net.layers, X, Y, crossEntropy).forEach((step, l) => {
      expect(trace[l].layer).toBe(step.layer);
      for (const key of ['input', 'z', 'a', 'dA', 'dZ', 'dW', 'db'] as const) expectSameBits(trace[l][key], step[key], `layer ${l + 1}: ${key}`);
    });
  });

  it("is quoted in docs/training.md, its loop line for line, so the chapter's code is the code that runs", () => {
    const root = join(__dirname, '..');
    const source = readFileSync(join(root, 'src/train/backward.ts'), 'utf8').split('\n').map((line) => line.trim());
    const chapter = readFileSync(join(root, 'docs/training.md'), 'utf8');
    const quote = /```text\n(let dA = [\s\S]*?)\n```/.exec(chapter)?.[1].split('\n').map((line) => line.trim());
    expect(quote, 'docs/training.md quotes the loop of backward.ts in a ```text block that starts with "let dA ="').toBeDefined();
    const start = source.indexOf((quote as string[])[0]);
    expect(source.slice(start, start + (quote as string[]).length)).toEqual(quote);
  });
});
