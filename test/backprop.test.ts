import { describe, expect, it } from 'vitest';
import { Network, randomMatrix } from '../src/index.js';

// The worked example of this file: layers [1, 2, 1], ReLU, one sample x = 2, target y = 0, mse.
//   Z¹ = W¹·x + b¹ = (1·2, −1·2) = (2, −2)     A¹ = relu(Z¹) = (2, 0)
//   Z² = W²·A¹ + b² = 2·2 + 3·0 + 1 = 5         ℓ = (5 − 0)² = 25
//   dZ² = 2·(5 − 0) = 10
//   dW² = dZ²·(A¹)ᵀ = (20, 0)                    db² = 10
//   dA¹ = (W²)ᵀ·dZ² = (20, 30)                   dZ¹ = dA¹ ⊙ relu′(Z¹) = (20, 0)
//   dW¹ = dZ¹·xᵀ = (40, 0)ᵀ                      db¹ = (20, 0)
const worked = () =>
  Network.fromWeights([
    { weights: [[1], [-1]], biases: [0, 0] },
    { weights: [[2, 3]], biases: [1] },
  ]);

describe('gradients', () => {
  it('follows the chain rule through the worked example, layer by layer', () => {
    const { loss, layers } = worked().gradients([[2]], [[0]], { loss: 'mse' });
    expect(loss).toBe(25);
    expect(layers[1].dW.toArray()).toEqual([[20, 0]]);
    expect(layers[1].db.toArray()).toEqual([[10]]);
    expect(layers[0].dW.toArray()).toEqual([[40], [0]]);
    expect(layers[0].db.toArray()).toEqual([[20], [0]]);
  });
  it('averages over the samples: two samples give the mean of their one-sample gradients', () => {
    const net = new Network({ layers: [3, 4, 2], hidden: 'tanh', seed: 5 });
    const X = randomMatrix(3, 2, { seed: 1 });
    const Y = randomMatrix(2, 2, { seed: 2 });
    const column = (M: typeof X, j: number) => M.toArray().map((row) => [row[j]]);
    const both = net.gradients(X, Y);
    const first = net.gradients(column(X, 0), column(Y, 0));
    const second = net.gradients(column(X, 1), column(Y, 1));
    expect(Math.abs(both.loss - (first.loss + second.loss) / 2)).toBeLessThan(1e-15);
    both.layers.forEach((g, l) => {
      g.dW.data.forEach((x, n) => expect(Math.abs(x - (first.layers[l].dW.data[n] + second.layers[l].dW.data[n]) / 2)).toBeLessThan(1e-14));
    });
  });
  it('returns one { dW, db } per weight layer, shaped like its weights and biases', () => {
    const net = new Network({ layers: [2, 3, 4, 1], seed: 1 });
    const { layers } = net.gradients(randomMatrix(2, 5), randomMatrix(1, 5));
    expect(layers.map((g) => [g.dW.shape, g.db.shape])).toEqual([
      [[3, 2], [3, 1]],
      [[4, 3], [4, 1]],
      [[1, 4], [1, 1]],
    ]);
  });
  it('changes neither the network nor the inputs', () => {
    const net = new Network({ layers: [2, 3, 1], seed: 1 });
    const before = JSON.stringify(net.toJSON());
    const X = [[1, 2], [3, 4]];
    const Y = [[1, 0]];
    Object.freeze(X.forEach((row) => Object.freeze(row)));
    net.gradients(X, Y);
    expect(JSON.stringify(net.toJSON())).toBe(before);
    expect(X).toEqual([[1, 2], [3, 4]]);
  });
  it('refuses options that are not an object', () => {
    const net = new Network({ layers: [1, 1], seed: 1 });
    expect(() => net.gradients([[1]], [[1]], null as never)).toThrow('Network.gradients: options are null but must be an object (known options: loss)');
  });
  it('names the mismatch when Y has the wrong number of rows', () => {
    const net = new Network({ layers: [2, 3, 1], seed: 1 });
    expect(() => net.gradients([[1], [2]], [[1], [2]])).toThrow(
      /Network.gradients: Y has 2 rows but the network has 1 output \(one row per output, one column per sample\)/,
    );
  });
  it('names the mismatch when X and Y have different numbers of samples', () => {
    const net = new Network({ layers: [2, 3, 1], seed: 1 });
    expect(() => net.gradients([[1, 2], [3, 4]], [[1]])).toThrow(/Network.gradients: X has 2 samples \(columns\) but Y has 1/);
  });
});

describe('backwardTrace', () => {
  it('shows every Z, A, dA and dZ of the worked example, layers counted from 1', () => {
    const trace = worked().backwardTrace([[2]], [[0]], { loss: 'mse' });
    expect(trace.map((step) => step.layer)).toEqual([1, 2]);
    expect(trace[0].z.toArray()).toEqual([[2], [-2]]);
    expect(trace[0].a.toArray()).toEqual([[2], [0]]);
    expect(trace[0].dA.toArray()).toEqual([[20], [30]]);
    expect(trace[0].dZ.toArray()).toEqual([[20], [0]]);
    expect(trace[1].input.toArray()).toEqual([[2], [0]]);
    expect(trace[1].dA.toArray()).toEqual([[10]]); // dℓ/da = 2·(5 − 0)
    expect(trace[1].dZ.toArray()).toEqual([[10]]); // linear output: dZ = dA
  });
  it('has the same dW and db as gradients', () => {
    const net = new Network({ layers: [2, 5, 3], hidden: 'sigmoid', output: 'softmax', seed: 2 });
    const X = randomMatrix(2, 4, { seed: 3 });
    const Y = [[1, 0, 0, 1], [0, 1, 0, 0], [0, 0, 1, 0]];
    const trace = net.backwardTrace(X, Y);
    const { layers } = net.gradients(X, Y);
    trace.forEach((step, l) => {
      expect(step.dW.data).toEqual(layers[l].dW.data);
      expect(step.db.data).toEqual(layers[l].db.data);
    });
  });
  it('shows dA of a softmax output even though the paired loss skips it: dℓ/da = −y/a', () => {
    // z = (0, 0) → a = (0.5, 0.5); y = (1, 0) → dA = (−1/0.5, 0) = (−2, 0)
    const net = Network.fromWeights([{ weights: [[0], [0]], biases: [0, 0] }], { output: 'softmax' });
    expect(net.backwardTrace([[1]], [[1], [0]])[0].dA.toArray()).toEqual([[-2], [0]]);
  });
  it('refuses to show an output dA that has no value (a sigmoid saturated at exactly its target), which gradients does not need', () => {
    // σ(1000) rounds to exactly 1 and the target is 1: binaryCrossEntropy's dℓ/da = (a − y)/(a(1 − a)) is 0/0,
    // while dZ = a − y = 0, so the gradients are exact (and zero).
    const net = Network.fromWeights([{ weights: [[1000]], biases: [0] }], { output: 'sigmoid' });
    expect(net.gradients([[1]], [[1]]).layers[0].dW.toArray()).toEqual([[0]]);
    expect(() => net.backwardTrace([[1]], [[1]])).toThrow(
      "Network.backwardTrace: the output's dA = ∂ℓ/∂A is NaN at row 1, column 1 (A = 1, Y = 1: binaryCrossEntropy's dℓ/dA has no value where the output is saturated at exactly 0 or 1; dZ = A − Y is still exact there, so net.gradients works)",
    );
  });
});

describe('gradients are finite or refused', () => {
  it('refuses X and Y whose loss is beyond float64, naming it', () => {
    const net = Network.fromWeights([{ weights: [[1]], biases: [0] }]);
    expect(() => net.gradients([[1e300]], [[-1e300]])).toThrow(
      "Network.gradients: the loss is Infinity at these X and Y (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)",
    );
  });
  it('refuses a dW beyond float64 even when the loss is finite', () => {
    // ℓ = (z − y)² = (1e154)² = 1e308, finite; dW = 2·(z − y)·x = 2e154·1e160 = 2e314, not
    const net = Network.fromWeights([{ weights: [[0]], biases: [1e154] }]);
    expect(() => net.gradients([[1e160]], [[0]])).toThrow(/^Network.gradients: layer 1's dW has Infinity at row 1, column 1 but results must be finite/);
  });
  it('backwardTrace refuses the same numbers as gradients, with the same messages', () => {
    // dW = 2e314 as above: a matrix helper of the textbook pass meets it, and the fast path names the layer.
    expect(() => Network.fromWeights([{ weights: [[0]], biases: [1e154] }]).backwardTrace([[1e160]], [[0]])).toThrow(
      /^Network.backwardTrace: layer 1's dW has Infinity at row 1, column 1 but results must be finite/,
    );
    // z − y = 1e200: ℓ = 1e400 is past float64, though dW = 2·1e200·1e−200 = 2 and db = 2e200 are finite.
    const far = Network.fromWeights([{ weights: [[1]], biases: [1e200] }]);
    for (const call of ['gradients', 'backwardTrace'] as const) {
      expect(() => far[call]([[1e-200]], [[0]])).toThrow(`Network.${call}: the loss is Infinity at these X and Y`);
    }
  });
});
