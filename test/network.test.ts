/**
 * Network: the article's steps nested for any list of layer sizes. Its forward
 * pass is worked by hand here and checked against mathjs and TensorFlow.js
 * (bit for bit against a naive loop in forward-exact.test.ts, against the
 * article's chain of steps in article.test.ts); trace and predict against forward.
 */
import * as math from 'mathjs';
import { describe, expect, it, vi } from 'vitest';
import {
  type Classification,
  MAX_LAYERS,
  MAX_PARAMETERS,
  Matrix,
  NETWORK_DEFAULTS,
  Network,
  ShapeError,
  ValueError,
  applyWeights,
  sigmoid,
  standardize,
  transpose,
} from '../src/index.js';
import { elementwiseActivation } from '../src/core/activations.js';
import { toSource } from '../src/interop/source.js';
import { expectError } from './helpers/errors.js';
import { deepFreeze } from './helpers/frozen.js';
import { expectSameBits, maxAbsDiff, seeded } from './helpers/oracles.js';

/** A hand-made [1, 2, 2, 1] network whose outputs are worked out below. */
const small = () =>
  Network.fromWeights([
    { weights: [[1], [-1]], biases: [0, 1] },
    { weights: [[1, 1], [1, -1]], biases: [0, -1] },
    { weights: [[2, 1]], biases: [0.5] },
  ]);

describe('new Network', () => {
  it('takes every default from NETWORK_DEFAULTS: relu hidden, linear output, he, seed 42', () => {
    expect(NETWORK_DEFAULTS).toEqual({ hidden: 'relu', output: 'linear', init: 'he', seed: 42 });
    expect(Object.isFrozen(NETWORK_DEFAULTS)).toBe(true);
    const net = new Network({ layers: [1, 2, 2, 1] });
    expect(net.layers.map((layer) => layer.activation.name)).toEqual(['relu', 'relu', 'linear']);
    const explicit = new Network({ layers: [1, 2, 2, 1], ...NETWORK_DEFAULTS });
    expect(net.toJSON()).toEqual(explicit.toJSON());
  });

  it('has one layer per pair of sizes, weights nOut × nIn and biases nOut × 1', () => {
    const net = new Network({ layers: [3, 5, 4, 2] });
    expect(net.layers.map((layer) => [layer.weights.shape, layer.biases.shape])).toEqual([
      [[5, 3], [5, 1]],
      [[4, 5], [4, 1]],
      [[2, 4], [2, 1]],
    ]);
  });

  it('sizes, inputs and outputs read the architecture back', () => {
    const net = new Network({ layers: [3, 5, 4, 2] });
    expect([net.sizes, net.inputs, net.outputs]).toEqual([[3, 5, 4, 2], 3, 2]);
  });

  it('gives the same weights for the same seed and different weights for another', () => {
    const weights = (seed: number) => new Network({ layers: [2, 3, 1], seed }).toJSON().weights;
    expect(weights(7)).toEqual(weights(7));
    expect(weights(7)).not.toEqual(weights(8));
  });

  it('uses the hidden and output activations it is given, by name, spec or object', () => {
    const net = new Network({ layers: [1, 2, 2, 1], hidden: { name: 'leakyRelu', slope: 0.2 }, output: sigmoid });
    expect(net.layers.map((layer) => layer.activation.name)).toEqual(['leakyRelu', 'leakyRelu', 'sigmoid']);
    expect(net.layers[0].activation.slope).toBe(0.2);
    expect(new Network({ layers: [1, 3], output: 'softmax' }).layers[0].activation.name).toBe('softmax');
    const named = new Network({ layers: [1, 2, 1], hidden: { name: 'leakyRelu' }, output: { name: 'tanh' } });
    expect(named.layers.map((layer) => [layer.activation.name, layer.activation.slope])).toEqual([
      ['leakyRelu', 0.01], // no slope given: DEFAULT_LEAKY_SLOPE
      ['tanh', undefined],
    ]);
  });
});

describe('Network.fromWeights', () => {
  it('builds the network from the weights and biases given, relu hidden and linear output', () => {
    const net = small();
    expect(net.sizes).toEqual([1, 2, 2, 1]);
    expect(net.layers[1].weights.toArray()).toEqual([[1, 1], [1, -1]]);
    expect(net.layers[1].biases.toArray()).toEqual([[0], [-1]]);
    expect(net.layers.map((layer) => layer.activation.name)).toEqual(['relu', 'relu', 'linear']);
  });

  it('copies its inputs: changing the arrays or matrices afterwards changes nothing', () => {
    const weights = [[2], [3]];
    const biases = [1, 1];
    const W2 = Matrix.from([[1, 1]]);
    const net = Network.fromWeights([{ weights, biases }, { weights: W2, biases: [0] }]);
    const before = net.forward([[1, 2]]).toArray();
    weights[0][0] = 100;
    biases[1] = 100;
    W2.data[0] = 100;
    expect(net.layers[0].weights.toArray()).toEqual([[2], [3]]);
    expect(net.forward([[1, 2]]).toArray()).toEqual(before);
  });

  it('takes hidden and output options, and a per-layer activation overrides them', () => {
    const net = Network.fromWeights(
      [
        { weights: [[1]], biases: [0] },
        { weights: [[1]], biases: [0], activation: 'tanh' },
        { weights: [[1], [2]], biases: [0, 0], activation: 'softmax' },
      ],
      { hidden: 'sigmoid', output: 'linear' },
    );
    expect(net.layers.map((layer) => layer.activation.name)).toEqual(['sigmoid', 'tanh', 'softmax']);
  });

  it('names the layer (counting from 1) and both counts when biases do not fit the weights', () => {
    const bad = () => Network.fromWeights([{ weights: [[1], [2]], biases: [0, 0, 0] }]);
    expect(bad).toThrow(ShapeError);
    expect(bad).toThrow('Network.fromWeights: layer 1 has weights 2×1 but 3 biases (one bias per neuron)');
    expectError(() => Network.fromWeights([{ weights: [[1], [2]], biases: [0] }]), ShapeError, 'Network.fromWeights: layer 1 has weights 2×1 but 1 bias (one bias per neuron)');
  });

  it('names both layers when one does not take the previous one’s outputs', () => {
    expect(() =>
      Network.fromWeights([
        { weights: [[1], [2]], biases: [0, 0] },
        { weights: [[1, 2, 3]], biases: [0] },
      ]),
    ).toThrow(
      "Network.fromWeights: layer 2 has weights 1×3 but layer 1 has 2 neurons (layer 2's weights need one column per neuron of layer 1)",
    );
  });

  it('refuses an empty list, a layer that is not an object, and NaN weights', () => {
    expect(() => Network.fromWeights([])).toThrow(
      'Network.fromWeights: layers is an array of 0 entries but it must be a non-empty array of { weights, biases }',
    );
    expect(() => Network.fromWeights([null as never])).toThrow('Network.fromWeights: layer 1 is null but it must be { weights, biases }');
    expectError(() => Network.fromWeights([5] as never), ValueError, 'Network.fromWeights: layer 1 is 5 but it must be { weights, biases }');
    expectError(() => Network.fromWeights([[[1]]] as never), ValueError, 'Network.fromWeights: layer 1 is an array of 1 entry but it must be { weights, biases }');
    expect(() => Network.fromWeights([{ weights: [[1]], biases: [0] }, { weights: [[NaN]], biases: [0] }])).toThrow(
      'Network.fromWeights: layer 2 weights has NaN at row 1, column 1',
    );
  });

  it('names the missing matrix when weights or biases are left out', () => {
    expectError(() => Network.fromWeights([{ biases: [0] }] as never), ShapeError, 'Network.fromWeights: layer 1 weights is undefined but a matrix must be a Matrix, an array of rows, or a mathjs matrix');
    expectError(() => Network.fromWeights([{ weights: [[1]] }] as never), ShapeError, 'Network.fromWeights: layer 1 biases is undefined but a matrix must be a Matrix, an array of rows, or a mathjs matrix');
  });

  it('names the layer of a bad activation', () => {
    expectError(() => Network.fromWeights([{ weights: [[1]], biases: [0], activation: 'softmx' as never }]), ValueError, 'Network.fromWeights: layer 1: activation "softmx" is unknown (did you mean "softmax"?) (known: relu, leakyRelu, sigmoid, tanh, linear, softmax; your own: activation(formula, { name }))');
    expectError(() => Network.fromWeights([{ weights: [[1]], biases: [0], activation: null as never }]), ValueError, `Network.fromWeights: layer 1: activation is null but it must be a name (relu, leakyRelu, sigmoid, tanh, linear, softmax), { name: 'leakyRelu', slope }, { name, expression }, or an activation such as relu`);
  });

  it('refuses softmax on a hidden layer, naming the layer', () => {
    expect(() =>
      Network.fromWeights([
        { weights: [[1], [1]], biases: [0, 0], activation: 'softmax' },
        { weights: [[1, 1]], biases: [0] },
      ]),
    ).toThrow('Network.fromWeights: layer 1: hidden activation is softmax but softmax is for the output layer only');
  });
});

describe('Network.forward', () => {
  it('computes the hand-worked [1, 2, 2, 1] network', () => {
    // x = −2: z¹ = [−2, 3] → a¹ = [0, 3]; z² = [3, −4] → a² = [3, 0]; y = 2·3 + 0 + 0.5 = 6.5
    // x =  0: z¹ = [0, 1]  → a¹ = [0, 1]; z² = [1, −2] → a² = [1, 0]; y = 2·1 + 0 + 0.5 = 2.5
    // x =  3: z¹ = [3, −2] → a¹ = [3, 0]; z² = [3, 2]  → a² = [3, 2]; y = 2·3 + 2 + 0.5 = 8.5
    expect(small().forward([[-2, 0, 3]]).toArray()).toEqual([[6.5, 2.5, 8.5]]);
  });

  it('agrees with mathjs doing W·A + b and max(0, z) layer by layer', () => {
    const net = new Network({ layers: [4, 7, 6, 3], seed: 5 });
    const X = seeded(4, 50, 6);
    let A: math.Matrix = math.matrix(X);
    net.layers.forEach((layer, l) => {
      const WA = math.multiply(math.matrix(layer.weights.toArray()), A) as math.Matrix;
      const b = math.multiply(math.matrix(layer.biases.toArray()), math.ones(1, 50)) as math.Matrix;
      const Z = math.add(WA, b) as math.Matrix;
      A = l < 2 ? (math.map(Z, (z: number) => Math.max(0, z)) as math.Matrix) : Z;
    });
    expect(maxAbsDiff(net.forward(X).toArray(), A.toArray() as number[][])).toBeLessThan(1e-12);
  });

  it('agrees with a TensorFlow.js model of dense layers (cpu backend, float32) to float32 precision', async () => {
    const { tf } = await import('./oracles/tfjs.js');
    await tf.setBackend('cpu');
    const quiet = vi.spyOn(console, 'warn').mockImplementation(() => {}); // tfjs suggests tfjs-node on its first tensor
    const net = new Network({ layers: [3, 8, 5, 2], seed: 12 });
    const model = tf.sequential({
      layers: net.layers.map((layer, l) =>
        tf.layers.dense({ units: layer.weights.rows, inputShape: l === 0 ? [3] : undefined, activation: l < 2 ? 'relu' : 'linear' }),
      ),
    });
    // tfjs keeps one row per sample, so its kernel is Wᵀ (nIn × nOut).
    net.layers.forEach((layer, l) =>
      model.layers[l].setWeights([tf.tensor2d(transpose(layer.weights).toArray()), tf.tensor1d(Array.from(layer.biases.data))]),
    );
    const X = seeded(3, 20, 13, 2);
    const Y = (await (model.predict(tf.tensor2d(transpose(X).toArray())) as import('./oracles/tfjs.js').Tensor2D).array()) as number[][];
    quiet.mockRestore();
    expect(maxAbsDiff(net.forward(X).toArray(), transpose(Y).toArray())).toBeLessThan(1e-5);
  });

  it('reads a flat number[] as the one input row', () => {
    expect(small().forward([-2, 0, 3]).toArray()).toEqual([[6.5, 2.5, 8.5]]);
  });

  it('names X’s rows and the network’s inputs when they differ', () => {
    const bad = () => small().forward([[1], [2]]);
    expect(bad).toThrow(ShapeError);
    expect(bad).toThrow(
      'Network.forward: X has 2 rows but the network has 1 input (one row per input feature, one column per sample)',
    );
    expect(() => new Network({ layers: [3, 1] }).forward([[1]])).toThrow(
      'Network.forward: X has 1 row but the network has 3 inputs',
    );
  });

  it('names the entry of a NaN in X', () => {
    expect(() => small().forward([[1, NaN]])).toThrow('Network.forward: X has NaN at row 1, column 2 but entries must be finite numbers');
  });

  it('names the layer and the sample (column) of weighted sums that overflow', () => {
    // z = x₁ + x₂; column 2: 1e308 + 1e308 = 2e308 > 1.8e308.
    const net = Network.fromWeights([{ weights: [[1, 1]], biases: [0] }]);
    expectError(() => net.forward([[0, 1e308], [0, 1e308]]), ValueError, "Network.forward: layer 1's Z = W·A + b has Infinity at row 1, column 2 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
  });

  it('names an overflow in a later block of columns by its column in X', () => {
    // 20,000 columns of a 1-neuron layer span two blocks of 16,384; the last column overflows.
    const net = Network.fromWeights([{ weights: [[1, 1]], biases: [0] }]);
    const X = [new Array(20_000).fill(0), new Array(20_000).fill(0)];
    X[0][19_999] = 1e308;
    X[1][19_999] = 1e308;
    expectError(() => net.forward(X), ValueError, "Network.forward: layer 1's Z = W·A + b has Infinity at row 1, column 20000 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
  });

  it('trace names the layer and the sample of an overflow too, as trace', () => {
    const net = Network.fromWeights([{ weights: [[1, 1]], biases: [0] }]);
    expectError(() => net.trace([[0, 1e308], [0, 1e308]]), ValueError, "Network.trace: layer 1's Z = W·A + b has Infinity at row 1, column 2 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
  });

  it('catches a weight made NaN after construction instead of returning NaN', () => {
    const broken = Network.fromWeights([{ weights: [[1]], biases: [0] }]);
    broken.layers[0].weights.data[0] = NaN;
    expectError(() => broken.forward([[1]]), ValueError, "Network.forward: layer 1's Z = W·A + b has NaN at row 1, column 1 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
  });

  it('catches an activation that returns NaN from a finite z, naming the sample', () => {
    // A hand-made activation g(z) = log z: log(−1) is NaN, for the second sample (z = 2·(−0.5) = −1).
    const log = elementwiseActivation({ name: 'log', f: Math.log, df: (z) => 1 / z });
    const logNet = Network.fromWeights([{ weights: [[2]], biases: [0], activation: log }]);
    expectError(() => logNet.forward([[1, -0.5]]), ValueError, "Network.forward: layer 1's A = log(Z) has NaN at row 1, column 2 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
  });
});

describe('Network.trace', () => {
  const net = new Network({ layers: [2, 3, 4, 1], seed: 6 });
  const X = seeded(2, 5, 7);
  const steps = net.trace(X);

  it('has one step per layer, numbered from 1 as the article counts them', () => {
    expect(steps.map((step) => step.layer)).toEqual([1, 2, 3]);
  });

  it('gives each step its shapes: input nIn × samples, W nOut × nIn, b nOut × 1, z and a nOut × samples', () => {
    expect(steps.map((s) => [s.input.shape, s.weights.shape, s.biases.shape, s.z.shape, s.a.shape])).toEqual([
      [[2, 5], [3, 2], [3, 1], [3, 5], [3, 5]],
      [[3, 5], [4, 3], [4, 1], [4, 5], [4, 5]],
      [[4, 5], [1, 4], [1, 1], [1, 5], [1, 5]],
    ]);
  });

  it('starts from X, and each step’s input is the previous step’s a', () => {
    expect(steps[0].input.toArray()).toEqual(X);
    expect(steps[1].input).toBe(steps[0].a);
    expect(steps[2].input).toBe(steps[1].a);
  });

  it('has z = applyWeights(input, W, b) and a = g(z) at every step', () => {
    steps.forEach((step, l) => {
      expectSameBits(step.z, applyWeights(step.input, step.weights, step.biases));
      expectSameBits(step.a, net.layers[l].activation(step.z));
    });
  });

  it('ends with the a that forward returns, bit for bit', () => {
    expectSameBits(steps[2].a, net.forward(X));
  });

  it('shows copies of the weights: changing them leaves the network alone', () => {
    const before = net.forward(X).toArray();
    const fresh = net.trace(X);
    fresh[0].weights.data[0] = 100;
    fresh[0].biases.data[0] = 100;
    expect(net.forward(X).toArray()).toEqual(before);
  });

  it('names itself when X does not fit', () => {
    expectError(() => net.trace([[1]]), ShapeError, 'Network.trace: X has 1 row but the network has 2 inputs (one row per input feature, one column per sample)');
  });
});

describe('Network.predict (one row per sample)', () => {
  it('takes a number[] for a one-input network and gives one number per sample', () => {
    expect(small().predict([-2, 0, 3])).toEqual([6.5, 2.5, 8.5]);
  });

  it('takes one row per sample, the transpose of forward’s X', () => {
    const net = new Network({ layers: [3, 4, 1], seed: 8 });
    const X = seeded(3, 6, 9); // 3 inputs × 6 samples
    const rows = X[0].map((_, s) => X.map((feature) => feature[s])); // 6 samples × 3 inputs
    expect(net.predict(rows)).toEqual(net.forward(X).row(0));
  });

  it('gives an array per sample when the network has several outputs', () => {
    const net = Network.fromWeights([{ weights: [[1], [-1]], biases: [0, 10] }]); // y = [x, 10 − x]
    expect(net.predict([[1], [4]])).toEqual([
      [1, 9],
      [4, 6],
    ]);
  });

  it('refuses a flat list that is neither one sample nor one number per sample, saying how to give the samples', () => {
    expect(() => new Network({ layers: [2, 1] }).predict([1, 2, 3])).toThrow(
      'Network.predict: samples is a flat list of 3 numbers but the network has 2 inputs (a flat list is one sample, one number per input, or one number per sample when the network has 1 input; for several samples give one row per sample: [[x1, …, x2], …])',
    );
  });

  it('names both counts when a sample has the wrong number of features', () => {
    expect(() => new Network({ layers: [2, 1] }).predict([[1, 2, 3]])).toThrow(
      'Network.predict: each sample has 3 features but the network has 2 inputs (one row per sample, one number per input)',
    );
    expect(() => small().predict([])).toThrow('Network.predict: samples is an empty list (give at least one)');
    expectError(() => new Network({ layers: [2, 1] }).predict([[1, 2], [3]]), ShapeError, 'Network.predict: samples row 2 has 1 entry but row 1 has 2 (every row needs the same length)');
    expectError(() => small().predict([1, 'two' as never]), ValueError, 'Network.predict: samples has "two" at row 1, column 2 but entries must be finite numbers');
  });
});

describe('bad options for new Network', () => {
  it('names the problem with the list of layer sizes', () => {
    expect(() => new Network({ layers: [1] })).toThrow(ValueError);
    expect(() => new Network({ layers: [1] })).toThrow(
      'Network: layers is [1] but it must list at least 2 sizes, inputs first and outputs last (e.g. [1, 2, 2, 1])',
    );
    expect(() => new Network({ layers: [1, 0, 1] })).toThrow(
      "Network: layer 1's size (layers[1]) is 0 but sizes must be whole numbers ≥ 1",
    );
    expect(() => new Network({ layers: [1.5, 1] })).toThrow('Network: the input size (layers[0]) is 1.5');
    expect(() => new Network(undefined as never)).toThrow('Network: options are undefined but must be an object like { layers: [1, 2, 2, 1] }');
    expect(() => new Network({ layers: {} as never })).toThrow('Network: layers is an object (Object) but it must list at least 2 sizes');
    expect(() => new Network({ layers: (() => [1, 1]) as never })).toThrow('Network: layers is a function but it must list');
    expectError(() => new Network({} as never), ValueError, 'Network: layers is undefined but it must list at least 2 sizes, inputs first and outputs last (e.g. [1, 2, 2, 1])');
    expectError(() => new Network({ layers: [1, '2', 1] as never }), ValueError, `Network: layer 1's size (layers[1]) is "2" but sizes must be whole numbers ≥ 1`);
  });

  it('refuses a layer too big to allocate, before allocating', () => {
    expectError(() => new Network({ layers: [1e5, 1e5] }), ValueError, "Network: layer 1's weights would be 100000×100000 = 10000000000 numbers but one matrix holds at most 1073741824 (2³⁰, 8 GiB)");
  });

  it('names an unknown activation and lists the known ones', () => {
    expect(() => new Network({ layers: [1, 1], hidden: 'swish' as 'relu' })).toThrow(
      'Network: activation "swish" is unknown (known: relu, leakyRelu, sigmoid, tanh, linear, softmax; your own: activation(formula, { name }))',
    );
    expectError(() => new Network({ layers: [1, 2, 1], hidden: { name: 'swish' } }), ValueError, 'Network: activation "swish" is unknown (known: relu, leakyRelu, sigmoid, tanh, linear, softmax; your own: activation(formula, { name }))');
    expectError(() => new Network({ layers: [1, 2, 1], hidden: 'Relu' as never }), ValueError, 'Network: activation "Relu" is unknown (did you mean "relu"?) (known: relu, leakyRelu, sigmoid, tanh, linear, softmax; your own: activation(formula, { name }))');
  });

  it('refuses an activation that is neither a name, a spec nor an activation (a plain function has no derivative)', () => {
    expectError(() => new Network({ layers: [1, 2, 1], output: 42 as never }), ValueError, "Network: activation is 42 but it must be a name (relu, leakyRelu, sigmoid, tanh, linear, softmax), { name: 'leakyRelu', slope }, { name, expression }, or an activation such as relu");
    expectError(() => new Network({ layers: [1, 2, 1], hidden: Math.abs as never }), ValueError, 'Network: the activation "abs" lacks derivative(), f(), df(), applyInPlace(), backward(), toJSON(), piecewiseLinear (true or false), outputOnly (true or false) (an activation is a built-in such as relu, or one made by activation(formula))');
    expectError(() => new Network({ layers: [1, 2, 1], hidden: { name: 5 } as never }), ValueError, "Network: activation is an object (Object) but it must be a name (relu, leakyRelu, sigmoid, tanh, linear, softmax), { name: 'leakyRelu', slope }, { name, expression }, or an activation such as relu");
  });

  it('refuses softmax as the hidden activation and a bad seed', () => {
    expect(() => new Network({ layers: [1, 2, 1], hidden: 'softmax' })).toThrow(
      'Network: hidden activation is softmax but softmax is for the output layer only',
    );
    expect(() => new Network({ layers: [1, 1], seed: -1 })).toThrow(
      'Network: seed is -1 but a seed must be an integer from 0 to 4294967295',
    );
  });
});

describe('a Network never changes what it is given', () => {
  it('runs on deep-frozen options, layers, X, samples and JSON', () => {
    const net = new Network(deepFreeze({ layers: [2, 3, 1] }) as { layers: number[] });
    const layers = deepFreeze([{ weights: [[1, 2]], biases: [0] }]);
    const copy = Network.fromWeights(layers);
    net.forward(deepFreeze([[1, 2], [3, 4]]));
    net.trace(deepFreeze([[1], [2]]));
    net.predict(deepFreeze([[1, 2]]));
    Network.fromJSON(deepFreeze(JSON.parse(JSON.stringify(net))));
    expect(copy.sizes).toEqual([2, 1]);
  });

  it('leaves a Matrix X with the same entries', () => {
    const X = Matrix.from(seeded(2, 4, 11));
    const before = X.toArray();
    const net = new Network({ layers: [2, 3, 1] });
    net.forward(X);
    net.trace(X);
    expect(X.toArray()).toEqual(before);
  });
});

describe('a network holds at most MAX_PARAMETERS weights and biases, checked before anything is allocated', () => {
  it('new Network({ layers: [1e9, 1] }) is refused at once, with the limit in the message (it took 35 s and 8 GB)', () => {
    expect(MAX_PARAMETERS).toBe(2 ** 25);
    expect(() => new Network({ layers: [1e9, 1] })).toThrow(
      'Network: layers [1000000000, 1] hold 1000000001 weights and biases but a network may hold at most 33554432 (MAX_PARAMETERS, 2²⁵)',
    );
    // (6000 + 1)·6000 + (6000 + 1)·1 = 36,012,001: each matrix far under one matrix's 2³⁰, the network past 2²⁵
    expect(() => new Network({ layers: [6000, 6000, 1] })).toThrow('Network: layers [6000, 6000, 1] hold 36012001 weights and biases');
  });
  it('Network.fromJSON checks the sizes the file claims before reading a weight', () => {
    expect(() => Network.fromJSON({ format: 'feedforward-network', version: 1, layers: [100000, 1000], activations: [], weights: [], biases: [] } as never)).toThrow(
      'Network.fromJSON: layers [100000, 1000] hold 100001000 weights and biases but a network may hold at most 33554432 (MAX_PARAMETERS, 2²⁵)',
    );
  });
  it('Network.fromWeights counts the weights given before copying them', () => {
    // A Matrix in name only, whose data claims 2²⁵ numbers: only that count is read first.
    const W = Object.create(Matrix.prototype, { data: { value: { length: 2 ** 25 } } });
    expect(() => Network.fromWeights([{ weights: W, biases: [0] }])).toThrow(
      'Network.fromWeights: the layers hold 33554433 weights and biases but a network may hold at most 33554432 (MAX_PARAMETERS, 2²⁵)',
    );
  });
});

describe(`a network has at most MAX_LAYERS weight layers, checked before any layer is built`, () => {
  const deep = (count: number) => Array.from({ length: count + 1 }, () => 1); // [1, 1, …, 1]: count layers of 1×1
  it('MAX_LAYERS is 1,000; new Network takes exactly that many and refuses one more', () => {
    expect(MAX_LAYERS).toBe(1000);
    expect(new Network({ layers: deep(MAX_LAYERS), hidden: 'linear' }).layers.length).toBe(1000);
    expect(() => new Network({ layers: deep(MAX_LAYERS + 1) })).toThrow(
      new ValueError('Network: the network has 1001 weight layers but a network may have at most 1000 (MAX_LAYERS)'),
    );
  });
  it('Network.fromJSON refuses a million layers of 1×1 (a 21 MB file, within MAX_PARAMETERS) before reading one', () => {
    const json = { format: 'feedforward-network', version: 1, layers: deep(1e6), activations: [], weights: [], biases: [] };
    expect(() => Network.fromJSON(json as never)).toThrow(
      new ValueError('Network.fromJSON: the network has 1000000 weight layers but a network may have at most 1000 (MAX_LAYERS)'),
    );
  });
  it('Network.fromWeights counts the layers before copying one', () => {
    const layer = { weights: [[1]], biases: [0] };
    expect(() => Network.fromWeights(Array.from({ length: MAX_LAYERS + 1 }, () => layer))).toThrow(
      new ValueError('Network.fromWeights: the network has 1001 weight layers but a network may have at most 1000 (MAX_LAYERS)'),
    );
  });
  it('a network given as plain data to a chapter (toSource here) is refused past MAX_LAYERS (a million layers took toSource 8.8 s)', () => {
    const layer = new Network({ layers: [1, 1], seed: 1 }).layers[0];
    expect(toSource({ layers: Array.from({ length: MAX_LAYERS }, () => layer) })).toContain('// layer 1000: 1 → 1, linear'); // exactly MAX_LAYERS: fine
    const net = { layers: Array.from({ length: MAX_LAYERS + 1 }, () => layer) };
    expect(() => toSource(net)).toThrow(
      new ValueError('toSource: net is an object (Object) but it must be a Network (it has 1001 layers but a network may have at most 1000 (MAX_LAYERS))'),
    );
  });
});

describe('a softmax over a single output', () => {
  it('is refused by new Network, saying to use sigmoid for two classes or one output per class', () => {
    expectError(() => new Network({ layers: [2, 4, 1], output: 'softmax' }), ValueError, "Network: output is softmax over 1 output but softmax needs at least 2 (the softmax of one number is always 1, so the loss is 0 and nothing is learned: for two classes use output 'sigmoid' with 1 output, or give one output per class)");
  });
  it('is refused by Network.fromWeights too, whether given as output or as the last layer’s activation', () => {
    expect(() => Network.fromWeights([{ weights: [[1]], biases: [0] }], { output: 'softmax' })).toThrow('Network.fromWeights: output is softmax over 1 output but softmax needs at least 2');
    expect(() => Network.fromWeights([{ weights: [[1]], biases: [0], activation: 'softmax' }])).toThrow('Network.fromWeights: output is softmax over 1 output');
  });
});

describe('net.labels and net.features', () => {
  const softmax3 = () => new Network({ layers: [2, 3], output: 'softmax', seed: 1 });
  it('are undefined until given, to the constructor or by assignment', () => {
    expect([softmax3().labels, softmax3().features]).toEqual([undefined, undefined]);
    const net = new Network({ layers: [2, 3], output: 'softmax', labels: ['a', 'b', 'c'], features: ['x', 'y'] });
    expect([net.labels, net.features]).toEqual([['a', 'b', 'c'], ['x', 'y']]);
  });
  it('keep a copy, frozen', () => {
    const names = ['a', 'b', 'c'];
    const net = softmax3();
    net.labels = names;
    names[0] = 'z';
    expect(net.labels).toEqual(['a', 'b', 'c']);
    expect(Object.isFrozen(net.labels)).toBe(true);
  });
  it('labels: one per softmax output, two for a single sigmoid output, none for a regression', () => {
    const net = softmax3();
    expectError(() => (net.labels = ['a', 'b']), ShapeError, 'Network.labels: labels has 2 names but the network has 3 outputs (one label per softmax output)');
    const sigmoid = new Network({ layers: [2, 1], output: 'sigmoid' });
    expectError(() => (sigmoid.labels = ['yes']), ShapeError, 'Network.labels: labels has 1 name but the network has 1 output (a sigmoid output p is the probability of the second of 2 labels)');
    expectError(() => (new Network({ layers: [2, 1] }).labels = ['a', 'b']), ValueError, "Network.labels: labels name classes but the output is linear (a classifier's output is softmax, one output per class, or sigmoid, one output for two classes)");
    expectError(() => (new Network({ layers: [2, 2], output: 'sigmoid' }).labels = ['a', 'b']), ValueError, 'Network.labels: labels name classes but the output is 2 sigmoids, 2 independent yes/no answers (for one class out of 2, use softmax)');
  });
  it('refuses names that repeat, are empty or are not strings; features must be one per input', () => {
    const net = softmax3();
    expectError(() => (net.labels = ['a', 'b', 'a']), ValueError, 'Network.labels: labels lists "a" twice (each name once)');
    expectError(() => (net.labels = ['a', '', 'c']), ValueError, 'Network.labels: labels entry 2 is "" but names must be non-empty strings');
    expectError(() => (net.labels = [1, 2, 3] as never), ValueError, 'Network.labels: labels entry 1 is 1 but names must be non-empty strings');
    expectError(() => (net.labels = []), ValueError, 'Network.labels: labels is an array of 0 entries but it must be a non-empty list of names');
    net.labels = ['a', 'b', 'c'];
    net.labels = undefined; // removes them
    expect(net.labels).toBeUndefined();
    expectError(() => (net.features = ['x']), ShapeError, 'Network.features: features has 1 name but the network has 2 inputs (one name per input)');
    expectError(() => new Network({ layers: [2, 3], output: 'softmax', features: ['x'] }), ShapeError, 'Network: features has 1 name but the network has 2 inputs (one name per input)');
  });
});

describe('Network.classify', () => {
  // softmax(W·x + b) with W = I, b = 0: the probabilities are softmax(x) of the input itself.
  const identity = () => {
    const net = Network.fromWeights([{ weights: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], biases: [0, 0, 0] }], { output: 'softmax' });
    net.labels = ['Adelie', 'Chinstrap', 'Gentoo'];
    return net;
  };
  it('answers one row with its label, confidence and every probability, highest first', () => {
    const answer = identity().classify([0, Math.log(3), 0]) as Classification; // one sample of 3 inputs; e^z = 1, 3, 1 → 0.2, 0.6, 0.2
    expect(answer.label).toBe('Chinstrap');
    expect(answer.confidence).toBeCloseTo(0.6, 15);
    expect(Object.keys(answer.probabilities)).toEqual(['Chinstrap', 'Adelie', 'Gentoo']); // a tie keeps the labels' order
    expect(answer.probabilities.Adelie).toBeCloseTo(0.2, 15);
  });
  it('answers a list of rows with one answer per row', () => {
    const answers = identity().classify([[5, 0, 0], [0, 0, 5]]);
    expect(answers.map((a) => a.label)).toEqual(['Adelie', 'Gentoo']);
  });
  it('reads records by net.features, raw values standardized as predict does', () => {
    const net = identity();
    net.features = ['a', 'b', 'c'];
    net.standardize = { inputs: standardize([[0, 2], [0, 2], [0, 2]]) }; // μ = 1, σ = 1: x′ = x − 1
    expect(net.classify({ a: 1, b: 1, c: 3, note: 'ignored' }).label).toBe('Gentoo'); // x′ = 0, 0, 2
    expect(net.classify([{ a: 3, b: 1, c: 1 }, { a: 1, b: 3, c: 1 }]).map((x) => x.label)).toEqual(['Adelie', 'Chinstrap']);
  });
  it('reads a sigmoid output p as the probability of the second label, 1 − p of the first', () => {
    const net = Network.fromWeights([{ weights: [[1]], biases: [0] }], { output: 'sigmoid' });
    net.labels = ['no', 'yes'];
    const answer = net.classify([Math.log(3)]) as Classification; // one sample: σ(ln 3) = 3/4
    expect([answer.label, Object.keys(answer.probabilities)]).toEqual(['yes', ['yes', 'no']]);
    expect(Math.abs(answer.confidence - 0.75)).toBeLessThan(1e-15);
    expect(Math.abs(answer.probabilities.no - 0.25)).toBeLessThan(1e-15);
  });
  it('refuses a network without labels, and records without features', () => {
    expectError(() => new Network({ layers: [2, 3], output: 'softmax' }).classify([1, 2]), ValueError, 'Network.classify: the network has no labels but classify names classes (set net.labels = data.labels, or pass labels to new Network)');
    expectError(() => identity().classify({ a: 1 }), ValueError, 'Network.classify: the samples are records but the network has no features to read them with (set net.features = data.features, or give rows of numbers)');
    const named = identity();
    named.features = ['a', 'b', 'c'];
    expectError(() => named.classify([{ a: 1, b: 2, c: 3 }, [1, 2, 3]] as never), ValueError, 'Network.classify: sample 2 is an array of 3 entries but the samples before or after it are records (give all records or all rows of numbers)');
    expect(() => named.classify([{ a: 1, b: 2, c: 3 }, { a: 1, b: 2 }])).toThrow('Network.classify: row 2 has no column "c"'); // rows count from 1 across the list
    expectError(() => identity().classify([]), ValueError, 'Network.classify: samples is an empty list (give at least one)');
    expectError(() => identity().classify([1, 2]), ShapeError, 'Network.classify: samples is a flat list of 2 numbers but the network has 3 inputs (a flat list is one sample, one number per input, or one number per sample when the network has 1 input; for several samples give one row per sample: [[x1, …, x3], …])');
    expectError(() => identity().classify([[1, 2]]), ShapeError, 'Network.classify: each sample has 2 features but the network has 3 inputs (one row per sample, one number per input)');
  });
  it('predict reads records too, by net.features', () => {
    const net = Network.fromWeights([{ weights: [[1, 10]], biases: [0] }]);
    net.features = ['x', 'colour=red'];
    expect(net.predict([{ x: 2, colour: 'red' }, { x: 3, colour: 'red' }])).toEqual([12, 13]);
    expectError(() => Network.fromWeights([{ weights: [[1]], biases: [0] }]).predict([{ x: 1 }]), ValueError, 'Network.predict: the samples are records but the network has no features to read them with (set net.features = data.features, or give rows of numbers)');
  });
  it('classifies the same, with the same labels and features, after a JSON round trip', () => {
    const net = identity();
    net.features = ['a', 'b', 'c'];
    const copy = Network.fromJSON(JSON.stringify(net.toJSON()));
    expect([copy.labels, copy.features]).toEqual([net.labels, net.features]);
    const rows = [[0.3, -1, 2], [4, 0.1, 0]];
    expect(copy.classify(rows)).toEqual(net.classify(rows));
  });
});
