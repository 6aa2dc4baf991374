import { describe, expect, it } from 'vitest';
import { elementwiseActivation } from '../src/core/activations.js';
import { KINK_REASON, relativeError } from '../src/train/gradient-check.js';
import { Matrix, Network, ValueError, activation, datasets as ds, gradientCheck, randomMatrix } from '../src/index.js';

const HIDDEN = ['relu', 'leakyRelu', 'sigmoid', 'tanh', 'linear'] as const;
const SHAPES = [
  [3, 5, 2],
  [2, 4, 3, 2],
  [1, 6, 6, 6, 2],
];

/** Targets a loss can take: one-hot columns for crossEntropy, numbers in [0, 1] otherwise. */
function targets(rows: number, cols: number, loss: string): Matrix {
  const Y = new Matrix(rows, cols);
  for (let j = 0; j < cols; j++) {
    if (loss === 'crossEntropy') Y.data[(j % rows) * cols + j] = 1;
    else for (let i = 0; i < rows; i++) Y.data[i * cols + j] = ((i + 2 * j) % 5) / 4;
  }
  return Y;
}

/** The smallest |z| over ReLU-type neurons: a difference taken across a kink measures nothing. */
function distanceToKinks(net: Network, X: Matrix): number {
  const steps = net.trace(X);
  return Math.min(...steps.flatMap((step, l) => (['relu', 'leakyRelu'].includes(net.layers[l].activation.name) ? Array.from(step.z.data, Math.abs) : [Infinity])));
}

/**
 * Seeded inputs on which every ReLU-type neuron has |z| > 0.02, so that nudging a weight by 2ε = 0.002
 * never crosses a kink (the first of the seeds 0, 1, 2, … that gives such inputs).
 */
function awayFromKinks(net: Network, samples: number): Matrix {
  for (let seed = 0; seed < 1000; seed++) {
    const X = randomMatrix(net.inputs, samples, { seed });
    if (distanceToKinks(net, X) > 0.02) return X;
  }
  throw new Error('no seed below 1000 gives inputs away from the kinks');
}

const PAIRINGS: [string, string][] = [
  ...(['linear', 'relu', 'leakyRelu', 'sigmoid', 'tanh', 'softmax'].map((output) => [output, 'mse']) as [string, string][]),
  ['sigmoid', 'binaryCrossEntropy'],
  ['softmax', 'binaryCrossEntropy'],
  ['softmax', 'crossEntropy'],
  ['sigmoid', 'crossEntropy'],
];

describe('gradientCheck: backpropagation equals central differences (< 1e-6 relative)', () => {
  for (const [output, loss] of PAIRINGS) {
    for (const hidden of HIDDEN) {
      it(`for ${hidden} hidden layers, a ${output} output and ${loss}, on layers ${SHAPES.map((s) => `[${s}]`).join(', ')}`, () => {
        SHAPES.forEach((layers, s) => {
          const net = new Network({ layers, hidden, output: output as 'linear', init: 'xavier', seed: 100 + s });
          const X = awayFromKinks(net, 5);
          const check = gradientCheck(net, X, targets(layers.at(-1)!, 5, loss), { loss: loss as 'mse' });
          expect(check.maxRelativeError).toBeLessThan(1e-6);
        });
      });
    }
  }
});

describe('gradientCheck', () => {
  it('reports each layer, numbered from 1, with both gradients side by side', () => {
    const net = new Network({ layers: [2, 3, 1], hidden: 'tanh', seed: 1 });
    const check = gradientCheck(net, [[1], [2]], [[0.5]]);
    expect(check.layers.map((c) => c.layer)).toEqual([1, 2]);
    expect(check.layers[0].numericDW.shape).toEqual([3, 2]);
    expect(check.layers[1].numericDb.shape).toEqual([1, 1]);
    expect(check.maxRelativeError).toBe(Math.max(...check.layers.map((c) => c.maxRelativeError)));
  });
  it('agrees for crossEntropy after softmax with soft targets whose columns do not sum to 1 (dZ = A·Σy − Y)', () => {
    const net = new Network({ layers: [2, 4, 3], hidden: 'tanh', output: 'softmax', seed: 6 });
    const Y = [[0.2, 0.5], [0.5, 0], [0.1, 0.9]]; // column sums 0.8 and 1.4
    expect(gradientCheck(net, [[0.3, -1], [1, 0.4]], Y, { loss: 'crossEntropy' }).maxRelativeError).toBeLessThan(1e-6);
  });
  it('agrees through an activation defined by a formula, whose derivative mathjs derived (silu)', () => {
    const silu = activation('x / (1 + exp(-x))', { name: 'silu' });
    const net = new Network({ layers: [2, 5, 3, 1], hidden: silu, seed: 9 });
    expect(gradientCheck(net, randomMatrix(2, 4, { seed: 1 }), [[0.5, -1, 2, 0]]).maxRelativeError).toBeLessThan(1e-6);
  });
  it('catches a wrong derivative: tanh with g′ = 1 − tanh instead of 1 − tanh²', () => {
    const wrongTanh = elementwiseActivation({ name: 'wrongTanh', f: Math.tanh, df: (z) => 1 - Math.tanh(z) });
    const net = Network.fromWeights(
      [
        { weights: [[0.5, -0.3], [0.8, 0.2]], biases: [0.1, -0.2] },
        { weights: [[1, -1]], biases: [0] },
      ],
      { hidden: wrongTanh },
    );
    expect(gradientCheck(net, [[1], [2]], [[0.5]]).maxRelativeError).toBeGreaterThan(0.01);
  });
  it('does not move the network it checks', () => {
    const net = new Network({ layers: [2, 3, 1], seed: 4 });
    const before = JSON.stringify(net.toJSON());
    gradientCheck(net, [[1], [2]], [[0.5]]);
    expect(JSON.stringify(net.toJSON())).toBe(before);
  });
  it('refuses an epsilon that is not a small positive number', () => {
    const net = new Network({ layers: [1, 1], seed: 4 });
    expect(() => gradientCheck(net, [[1]], [[1]], { epsilon: 0 })).toThrow(/gradientCheck: epsilon is 0 but it must be a small number > 0/);
  });
  it('refuses a floor that is not > 0, saying what it must be', () => {
    const net = new Network({ layers: [1, 1], seed: 4 });
    expect(() => gradientCheck(net, [[1]], [[1]], { floor: 0 })).toThrow(new ValueError('gradientCheck: floor is 0 but it must be a small number > 0, such as 1e-6'));
    expect(gradientCheck(net, [[1]], [[1]], { floor: 1e-3 }).maxRelativeError).toBeLessThan(1e-6); // any floor > 0 is taken
  });
  it('refuses an epsilon so large that a nudged loss overflows, though the loss at θ is finite', () => {
    // z = w·x = 1 at θ; at w + 2ε = 2e200 the squared error is 4e400 = ∞
    const net = Network.fromWeights([{ weights: [[1]], biases: [0] }]);
    expect(() => gradientCheck(net, [[1]], [[0]], { epsilon: 1e200 })).toThrow(
      new ValueError('gradientCheck: a nudged loss is not finite (ε = 1e+200 is too large for these weights); try a smaller epsilon'),
    );
  });
});

describe('relativeError', () => {
  it('is |a − n| / max(|a|, |n|)', () => {
    // |1 − 1.001| / 1.001
    expect(Math.abs(relativeError(1, 1.001) - 0.001 / 1.001)).toBeLessThan(1e-15);
  });
  it('compares tiny gradients absolutely, dividing by the floor (1e-6)', () => {
    // both below the floor: |1e-9 − 2e-9| / 1e-6 = 1e-3
    expect(Math.abs(relativeError(1e-9, 2e-9) - 1e-3)).toBeLessThan(1e-15);
  });
});

describe('gradientCheck leaves out the entries whose nudges cross a kink, and says so', () => {
  it('on a leaky-ReLU [2, 8, 8, 1] network and moons, backprop agrees to 1e-6 once the kink-crossing entries are left out', () => {
    const { X, Y } = datasetsMoons();
    const net = new Network({ layers: [2, 8, 8, 1], hidden: 'leakyRelu', seed: 2 });
    const check = gradientCheck(net, X, Y);
    expect(check.maxRelativeError).toBeLessThan(1e-6);
    expect(check.skipped).toBe(20); // of 105 weights and biases, 20 straddle a kink at these 100 samples
    expect(check.skipped).toBe(check.layers.reduce((sum, layer) => sum + layer.skipped, 0));
    expect(check.skippedBecause).toBe(KINK_REASON);
    expect(check.skippedBecause).toMatch(/moved some ReLU's z across 0, so the difference measured the average slope of two lines, not a derivative/);
  });
  it('without the skipping, the same check would report a disagreement of 0.44: what misled learners', () => {
    // the worst entry measured anyway (numericDW keeps every measurement), compared by hand
    const { X, Y } = datasetsMoons();
    const net = new Network({ layers: [2, 8, 8, 1], hidden: 'leakyRelu', seed: 2 });
    const check = gradientCheck(net, X, Y);
    let worst = 0;
    for (const layer of check.layers) {
      for (const [a, n] of [[layer.dW, layer.numericDW], [layer.db, layer.numericDb]] as const) {
        for (let k = 0; k < a.data.length; k++) worst = Math.max(worst, relativeError(a.data[k], n.data[k]));
      }
    }
    expect(worst).toBeGreaterThan(0.4);
  });
  it('on ReLU as on leaky ReLU: z = 0.0005 crosses 0 only when the bias is nudged down by ε = 0.001', () => {
    // layer 1: z = 1·0.0005 + 0; nudging w by ±2ε moves z by ±0.000001, nudging b by −ε moves it to −0.0005.
    // Layer 2 is linear: its z may cross 0 (it does, nudged by −ε) without a kink.
    const net = Network.fromWeights([{ weights: [[1]], biases: [0] }, { weights: [[1]], biases: [0] }], { hidden: 'relu' });
    const check = gradientCheck(net, [[0.0005]], [[0]]);
    expect(check.layers.map((layer) => layer.skipped)).toEqual([1, 0]); // layer 1's bias only
    expect(check.skipped).toBe(1);
    expect(check.skippedBecause).toBe(KINK_REASON);
    expect(check.maxRelativeError).toBeLessThan(1e-6);
  });
  it('a z exactly 0 that no nudge moves is no crossing: only the entries that move it are left out', () => {
    // layer 1: z = 1·1 − 1 = 0 exactly; nudging its w or b moves z to ±ε (crossed); nudging layer 2 leaves it 0.
    const net = Network.fromWeights([{ weights: [[1]], biases: [-1] }, { weights: [[2]], biases: [0] }], { hidden: 'relu' });
    const check = gradientCheck(net, [[1]], [[0]]);
    expect(check.layers.map((layer) => layer.skipped)).toEqual([2, 0]);
  });
  it('skips nothing on a smooth network (tanh): skipped is 0 and there is no reason', () => {
    const check = gradientCheck(new Network({ layers: [2, 3, 1], hidden: 'tanh', seed: 1 }), [[1], [2]], [[0.5]]);
    expect(check.skipped).toBe(0);
    expect(check.skippedBecause).toBe(undefined);
  });
  it('refuses X so large that the loss is not finite, instead of answering NaN', () => {
    const net = new Network({ layers: [1, 2, 1], hidden: 'tanh', output: 'linear', seed: 1 });
    expect(() => gradientCheck(net, [[1e300]], [[-1e300]])).toThrow(/^gradientCheck: the loss is Infinity at these X and Y \(the numbers grew past float64's ±1.8e308/);
  });
});

describe('relativeError is defined for every finite pair and refuses the rest', () => {
  it('is 0 for (0, 0) (the floor keeps it from 0/0) and finite for the float64 extremes', () => {
    expect(relativeError(0, 0)).toBe(0);
    expect(relativeError(1.7e308, -1.7e308)).toBe(2); // |a − n| overflows; scaled first: |1 − (−1)| = 2
  });
  it.each([[NaN, 0, 'analytic is NaN'], [0, Infinity, 'numeric is Infinity'], [1, 1, 'floor is 0', 0]])('refuses (%s, %s): %s', (a, n, what, floor = 1e-6) => {
    expect(() => relativeError(a as number, n as number, floor as number)).toThrow(`relativeError: ${what} but it must be`);
  });
  it('says what a floor must be', () => {
    expect(() => relativeError(1, 1, -1)).toThrow(new ValueError('relativeError: floor is -1 but it must be a small number > 0, such as 1e-6'));
  });
});

function datasetsMoons() {
  return ds.moons({ samples: 100, seed: 2 });
}
