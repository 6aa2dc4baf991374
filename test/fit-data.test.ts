// What fit trains on (src/train/fit-data.ts): the standardize option, measured on the training samples only
// and kept in the network, so every way of using the network afterwards applies it; and classWeights.
// The oracles are the recipe by hand (standardize, then fit on the scaled numbers), TensorFlow.js, and
// duplicated samples.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Matrix, Network, ValueError, adam, createRandom, sgd, standardize, toTfjsModel, transpose } from '../src/index.js';
import { loadNetwork, saveNetwork } from '../src/node.js';
import { holdOut, pickColumns } from '../src/train/split.js';
import { expectError } from './helpers/errors.js';
import { expectSameBits } from './helpers/oracles.js';
import { type Tensor2D, tf } from './oracles/tfjs.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const quiet = { onWarning: () => {} };
const weightsOf = (net: Network) => net.layers.flatMap((layer) => [...layer.weights.data, ...layer.biases.data]);

/** Seeded raw data in the units of a data file: feature 1 near 4000 (grams), feature 2 near 200 (millimetres). */
function rawData(samples: number, seed: number) {
  const random = createRandom(seed);
  const grams = Array.from({ length: samples }, () => random.between(3000, 5000));
  const mm = Array.from({ length: samples }, () => random.between(170, 230));
  const X = Matrix.from([grams, mm]); // 2 × samples
  const y = grams.map((g, j) => 0.01 * g - 0.2 * mm[j] + 30); // a target near 30, σ near 6
  const classes = grams.map((g, j) => (g / 1000 + mm[j] / 50 > 8.3 ? 1 : 0));
  return { X, Y: Matrix.from([y]), classes, oneHot: Matrix.from([classes.map((c) => 1 - c), classes]) };
}

describe("fit's standardize option", () => {
  it("'inputs' measures μ and σ on the training samples only, after validationSplit has set its share aside, and keeps them on net.standardize", () => {
    const { X, Y } = rawData(40, 1);
    const net = new Network({ layers: [2, 4, 1], seed: 1 });
    net.fit(X, Y, { epochs: 2, validationSplit: 0.25, seed: 5, standardize: 'inputs', ...quiet });
    const held = new Set(holdOut(40, 0.25, 5)); // the 10 columns validationSplit holds out with seed 5
    const kept = standardize(pickColumns(X, Array.from({ length: 40 }, (_, j) => j).filter((j) => !held.has(j))));
    expect([net.standardize?.inputs?.mean, net.standardize?.inputs?.std]).toEqual([kept.mean, kept.std]);
    expect(net.standardize?.inputs?.mean).not.toEqual(standardize(X).mean); // not the statistics of all 40
    expect(net.standardize?.outputs).toBeUndefined();
  });
  it("'inputs' trains exactly as the recipe by hand: standardize(X), then fit on the scaled X (same weights, bit for bit)", () => {
    const { X, oneHot } = rawData(30, 2);
    const byOption = new Network({ layers: [2, 5, 2], output: 'softmax', seed: 3 });
    byOption.fit(X, oneHot, { epochs: 20, batchSize: 8, standardize: 'inputs', ...quiet });
    const byHand = new Network({ layers: [2, 5, 2], output: 'softmax', seed: 3 });
    byHand.fit(standardize(X).apply(X), oneHot, { epochs: 20, batchSize: 8, ...quiet });
    expectSameBits(weightsOf(byOption), weightsOf(byHand));
  });
  it("'both' standardizes the regression target too, and predict answers in the target's units", () => {
    const { X, Y } = rawData(30, 3);
    const net = new Network({ layers: [2, 6, 1], seed: 2 });
    net.fit(X, Y, { epochs: 30, standardize: 'both', ...quiet });
    const [sX, sY] = [standardize(X), standardize(Y)];
    const byHand = new Network({ layers: [2, 6, 1], seed: 2 });
    byHand.fit(sX.apply(X), sY.apply(Y), { epochs: 30, ...quiet });
    expectSameBits(weightsOf(net), weightsOf(byHand));
    expect([net.standardize?.outputs?.mean, net.standardize?.outputs?.std]).toEqual([sY.mean, sY.std]);
    expect(net.predict<number>(transpose(X).toArray())).toEqual(Array.from(sY.invert(byHand.forward(sX.apply(X))).data));
  });
  it('standardizes held-out data given as validation with the training statistics, so its loss is the scaled one', () => {
    const { X, Y } = rawData(30, 4);
    const V = rawData(10, 5);
    const net = new Network({ layers: [2, 3, 1], seed: 1 });
    const history = net.fit(X, Y, { epochs: 3, standardize: 'both', validation: { X: V.X, Y: V.Y }, ...quiet });
    const [sX, sY] = [standardize(X), standardize(Y)];
    const byHand = new Network({ layers: [2, 3, 1], seed: 1 });
    const expected = byHand.fit(sX.apply(X), sY.apply(Y), { epochs: 3, validation: { X: sX.apply(V.X), Y: sY.apply(V.Y) }, ...quiet });
    expect(history.validationLoss).toEqual(expected.validationLoss);
  });
  it('left out, applies the network’s own standardizer: a run resumed without the option ends as one uninterrupted run', () => {
    const { X, Y } = rawData(30, 6);
    const whole = new Network({ layers: [2, 4, 1], seed: 4 });
    whole.fit(X, Y, { epochs: 10, optimizer: adam(), standardize: 'both', ...quiet });
    const parted = new Network({ layers: [2, 4, 1], seed: 4 });
    const optimizer = adam();
    parted.fit(X, Y, { epochs: 4, optimizer, standardize: 'both', ...quiet });
    parted.fit(X, Y, { epochs: 10, initialEpoch: 4, optimizer, ...quiet }); // raw X and Y again: the network scales them
    expectSameBits(weightsOf(parted), weightsOf(whole));
  });
  it('refuses what cannot work, before changing anything', () => {
    const { X, Y, oneHot } = rawData(10, 7);
    const classifier = new Network({ layers: [2, 3, 2], output: 'softmax', seed: 1 });
    expectError(() => classifier.fit(X, oneHot, { standardize: 'both' }), ValueError,
      "Network.fit: standardize is 'both' but the output is softmax, whose targets are classes (probabilities between 0 and 1) and must stay as they are (use standardize: 'inputs')");
    expectError(() => classifier.fit(X, oneHot, { standardize: 'yes' as never }), ValueError, 'Network.fit: standardize is "yes" but it must be \'inputs\', \'both\' or false');
    const regression = new Network({ layers: [2, 3, 1], seed: 1 });
    const before = weightsOf(regression);
    expect(() => regression.fit(X, Y, { standardize: 'inputs', epochs: 0 })).toThrow('Network.fit: epochs is 0');
    expect([regression.standardize, weightsOf(regression)]).toEqual([undefined, before]); // nothing changed
    regression.fit(X, Y, { epochs: 1, standardize: 'inputs', ...quiet });
    expectError(() => regression.fit(X, Y, { standardize: false }), ValueError,
      'Network.fit: standardize is false but the network has a standardizer (net.standardize), which its weights were trained with (leave the option out to keep it, or set net.standardize = undefined first)');
  });
});

describe('a network trained with standardize: every way of using it applies the standardizer to raw samples', () => {
  const { X, Y, oneHot } = rawData(40, 8);
  const rows = transpose(X).toArray(); // raw samples as rows, as a data file holds them
  const regression = new Network({ layers: [2, 5, 1], seed: 6, features: ['grams', 'mm'] });
  regression.fit(X, Y, { epochs: 40, standardize: 'both', ...quiet });
  // The oracle: the same layers without a standardizer, on inputs scaled by hand, outputs mapped back by hand.
  const bare = Network.fromWeights(regression.layers.map((l) => ({ weights: l.weights, biases: l.biases })), { hidden: 'relu' });
  const expected = Array.from(standardize(Y).invert(bare.forward(standardize(X).apply(X))).data);

  it('predict, on rows and on records', () => {
    expect(regression.predict<number>(rows)).toEqual(expected);
    expect(regression.predict<number>(rows.map(([grams, mm]) => ({ grams, mm })))).toEqual(expected);
  });
  it('classify (a classifier trained with standardize: \'inputs\')', () => {
    const net = new Network({ layers: [2, 4, 2], output: 'softmax', labels: ['small', 'large'], seed: 1 });
    net.fit(X, oneHot, { epochs: 30, standardize: 'inputs', ...quiet });
    const probabilities = Network.fromWeights(net.layers.map((l) => ({ weights: l.weights, biases: l.biases })), { output: 'softmax' }).forward(standardize(X).apply(X));
    const answers = net.classify(rows);
    answers.forEach((answer, j) => expect(answer.probabilities.large).toBe(probabilities.get(1, j)));
  });
  it('toJSON and Network.fromJSON: the copy predicts the same, bit for bit', () => {
    expect(Network.fromJSON(JSON.stringify(regression.toJSON())).predict<number>(rows)).toEqual(expected);
  });
  it('saveNetwork and loadNetwork', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'feedforward-standardize-'));
    try {
      await saveNetwork(regression, join(folder, 'net.json'));
      expect((await loadNetwork(join(folder, 'net.json'))).predict<number>(rows)).toEqual(expected);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
  it('toSource and toFunction: the generated code standardizes and maps back, bit for bit', () => {
    const f = regression.toFunction();
    expect(rows.map((row) => f(row))).toEqual(expected);
    expect(regression.toSource()).toContain('a = standardize(a, [');
  });
  it('toTfjsModel: TensorFlow.js predicts the same from raw samples (to float32 precision)', async () => {
    const model = await tf.loadLayersModel(tf.io.fromMemory(toTfjsModel(regression)));
    const theirs = tf.tidy(() => (model.predict(tf.tensor2d(rows)) as Tensor2D).arraySync()).map((row) => row[0]);
    theirs.forEach((y, j) => expect(Math.abs(y - expected[j]) / Math.abs(expected[j])).toBeLessThan(1e-5));
  });
});

describe("fit's classWeights option", () => {
  // 6 samples, classes a a a a b b (one-hot rows a, b); x = the sample's number
  const X = [[0, 1, 2, 3, 4, 5]];
  const Y = [[1, 1, 1, 1, 0, 0], [0, 0, 0, 0, 1, 1]];
  const classifier = () => new Network({ layers: [1, 2], output: 'softmax', labels: ['a', 'b'], seed: 1 });
  /** −log of the probability each sample gives its own class, before any training: ℓⱼ of cross-entropy. */
  const lossesOf = (net: Network) => {
    const P = net.forward(X);
    return [0, 1, 2, 3, 4, 5].map((j) => -Math.log(P.get(j < 4 ? 0 : 1, j)));
  };

  it("'balanced' weighs class c by n / (k·count_c), scikit-learn's formula: a 6/(2·4) = 0.75, b 6/(2·2) = 1.5", () => {
    const net = classifier();
    const losses = lossesOf(net);
    const history = net.fit(X, Y, { epochs: 1, optimizer: sgd(), classWeights: 'balanced', ...quiet });
    const weighted = losses.reduce((sum, l, j) => sum + (j < 4 ? 0.75 : 1.5) * l, 0) / 6; // (1/m)·Σⱼ wⱼ·ℓⱼ, before the step
    expect(Math.abs(history.loss[0] - weighted)).toBeLessThan(1e-15);
  });
  it('a weight of 2 for a class trains as if its samples were there twice (sgd, η scaled by the sample counts)', () => {
    const weighted = classifier();
    weighted.fit(X, Y, { epochs: 5, optimizer: sgd({ learningRate: 0.1 }), classWeights: { b: 2 }, ...quiet }); // a: 1, unnamed
    const doubled = classifier();
    const X2 = [[...X[0], 4, 5]];
    const Y2 = [[...Y[0], 0, 0], [...Y[1], 1, 1]];
    // Σⱼ wⱼ·ℓⱼ / 6 on the weighted data, Σⱼ ℓⱼ / 8 on the doubled: the same gradient once η is 8/6 as large
    doubled.fit(X2, Y2, { epochs: 5, optimizer: sgd({ learningRate: (0.1 * 8) / 6 }), ...quiet });
    weightsOf(weighted).forEach((w, n) => expect(Math.abs(w - weightsOf(doubled)[n])).toBeLessThan(1e-13));
  });
  it('weighs minibatches sample by sample, and a sigmoid’s 0/1 target by its two classes', () => {
    const net = new Network({ layers: [1, 1], output: 'sigmoid', labels: ['no', 'yes'], seed: 1 });
    const losses = (() => {
      const p = net.forward(X).toArray()[0];
      return [0, 0, 0, 0, 1, 1].map((y, j) => -Math.log(y ? p[j] : 1 - p[j]));
    })();
    const history = net.fit(X, [[0, 0, 0, 0, 1, 1]], { epochs: 1, batchSize: 6, classWeights: { no: 1, yes: 3 }, ...quiet });
    expect(Math.abs(history.loss[0] - losses.reduce((s, l, j) => s + (j < 4 ? 1 : 3) * l, 0) / 6)).toBeLessThan(1e-15);
    const batched = new Network({ layers: [1, 1], output: 'sigmoid', seed: 1 });
    expect(batched.fit(X, [[0, 0, 0, 0, 1, 1]], { epochs: 2, batchSize: 4, classWeights: { 1: 3 }, ...quiet }).loss).toHaveLength(2); // without labels, classes are '0', '1'
  });
  it('weighs the validation loss the same way (the training counts’ weights), so early stopping watches what training minimizes', () => {
    const net = classifier();
    const history = net.fit(X, Y, { epochs: 3, classWeights: 'balanced', validation: { X, Y }, ...quiet });
    const weighted = lossesOf(net).reduce((sum, l, j) => sum + (j < 4 ? 0.75 : 1.5) * l, 0) / 6; // after training
    expect(Math.abs((history.validationLoss?.at(-1) ?? NaN) - weighted)).toBeLessThan(1e-15);
  });
  it('refuses an unknown class (suggesting the nearest), a negative weight, all weights 0, targets that are not classes, and what is not a weight per class', () => {
    expectError(() => classifier().fit(X, Y, { classWeights: { bb: 2 } }), ValueError, 'Network.fit: classWeights: unknown class "bb" (did you mean "b"?) (known: a, b)');
    expectError(() => classifier().fit(X, Y, { classWeights: { a: -1 } }), ValueError, 'Network.fit: classWeights: "a" is -1 but it must be a weight ≥ 0');
    expectError(() => classifier().fit(X, Y, { classWeights: { a: 0, b: 0 } }), ValueError, 'Network.fit: classWeights give every sample the weight 0, so there is nothing to learn');
    expectError(() => classifier().fit(X, Y, { classWeights: 'even' as never }), ValueError, 'Network.fit: classWeights is "even" but it must be \'balanced\' or a weight per class, such as { "a": 1, "b": 1 }');
    expectError(() => new Network({ layers: [1, 1], seed: 1 }).fit(X, [[0.5, 1, 2, 3, 4, 5]], { classWeights: 'balanced', ...quiet }), ValueError,
      'Network.fit: classWeights weigh classes but Y is neither one-hot nor one row of 0s and 1s (class weights need classes: one row per class with a single 1 per column, or a 0/1 target for a sigmoid)');
  });
});
