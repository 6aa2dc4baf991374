import * as math from 'mathjs';
import { describe, expect, it } from 'vitest';
import { Network } from '../src/network/network.js';
import { formula } from '../src/inspect/formula.js';

describe('formula: the network written out', () => {
  it('writes a [1, 1, 1] network as 3 * max(0, 2 * x - 1) + 0.5', () => {
    // y = 3·relu(2x − 1) + 0.5; at x = 1: 3·1 + 0.5 = 3.5
    const f = formula(Network.fromWeights([{ weights: [[2]], biases: [-1] }, { weights: [[3]], biases: [0.5] }]));
    expect(f.toString()).toBe('3 * max(0, 2 * x - 1) + 0.5');
    expect(f.variables).toEqual(['x']);
    expect(f.evaluate(1)).toBe(3.5);
  });
  it('nests one max(0, …) per neuron for the article’s [1, 2, 2, 1] network', () => {
    const f = formula(new Network({ layers: [1, 2, 2, 1], seed: 42 }));
    // 2 neurons in layer 2, each containing both layer-1 neurons: 2 + 2·2 = 6 max(0, …)
    expect(f.toString().match(/max\(0, /g)).toHaveLength(6);
  });
  it('prints shorter numbers with { precision } and LaTeX with toTex', () => {
    const f = formula(Network.fromWeights([{ weights: [[0.123456]], biases: [-1] }, { weights: [[1]], biases: [0] }]));
    expect(f.toString({ precision: 2 })).toBe('max(0, 0.12 * x - 1)');
    expect(f.toTex({ precision: 2 })).toBe('\\max\\left(0,0.12\\cdot x-1\\right)');
  });
  it('drops only what is exactly redundant: a weight of 1, a weight or bias of 0', () => {
    // y = 1·relu(1·x + 0) + 0·relu(x) + 0  →  max(0, x)
    const f = formula(Network.fromWeights([{ weights: [[1], [1]], biases: [0, 0] }, { weights: [[1, 0]], biases: [0] }]));
    expect(f.toString()).toBe('max(0, x)');
  });
  it('keeps a weight of 1e-17 and one of 1 + 2⁻⁵², which mathjs’s usual tolerance would round away', () => {
    const f = formula(Network.fromWeights([{ weights: [[1e-17]], biases: [1 + 2 ** -52] }], { output: 'linear' }));
    expect(f.toString()).toBe('1e-17 * x + 1.0000000000000002');
  });
  it('writes a negative weight as a subtraction', () => {
    const f = formula(Network.fromWeights([{ weights: [[2, -3]], biases: [-0.5] }]));
    expect(f.toString()).toBe('2 * x1 - 3 * x2 - 0.5');
    expect(f.variables).toEqual(['x1', 'x2']);
  });
  it('writes leakyRelu(0.1) as max(0.1 * z, z), sigmoid as 1 / (1 + exp(-z)), tanh as tanh(z)', () => {
    const layer = [{ weights: [[2]], biases: [1] }, { weights: [[1]], biases: [0] }];
    expect(formula(Network.fromWeights(layer, { hidden: { name: 'leakyRelu', slope: 0.1 } })).toString()).toBe(
      'max(0.1 * (2 * x + 1), 2 * x + 1)',
    );
    expect(formula(Network.fromWeights(layer, { hidden: 'sigmoid' })).toString()).toBe('1 / (1 + exp(-(2 * x + 1)))');
    expect(formula(Network.fromWeights(layer, { hidden: 'tanh' })).toString()).toBe('tanh(2 * x + 1)');
  });
});

describe('formula: its text, evaluated by mathjs, is the network', () => {
  const cases = [
    { name: 'the article’s [1, 2, 2, 1]', net: new Network({ layers: [1, 2, 2, 1], seed: 42 }) },
    { name: 'a [1, 5, 4, 3, 1]', net: new Network({ layers: [1, 5, 4, 3, 1], seed: 8 }) },
    { name: 'a [1, 4, 4, 1] with leakyRelu(0.2)', net: new Network({ layers: [1, 4, 4, 1], hidden: { name: 'leakyRelu', slope: 0.2 }, seed: 3 }) },
    { name: 'a [1, 4, 4, 1] with leakyRelu(1.5)', net: new Network({ layers: [1, 4, 4, 1], hidden: { name: 'leakyRelu', slope: 1.5 }, seed: 3 }) },
    { name: 'a [1, 6, 1] with tanh', net: new Network({ layers: [1, 6, 1], hidden: 'tanh', seed: 4 }) },
    { name: 'a [1, 6, 1] with sigmoid', net: new Network({ layers: [1, 6, 1], hidden: 'sigmoid', seed: 4 }) },
  ];
  for (const { name, net } of cases) {
    it(`equals net.predict at 201 points for ${name}`, () => {
      const f = formula(net);
      const expression = math.compile(f.toString()); // parsed again from text by the stock mathjs
      const xs = Array.from({ length: 201 }, (_, k) => -5 + k * 0.05);
      const want = net.predict(xs) as number[];
      xs.forEach((x, k) => {
        const fromText = expression.evaluate({ x }) as number;
        expect(Math.abs(fromText - want[k])).toBeLessThan(1e-12 * (1 + Math.abs(want[k])));
        expect(Math.abs((f.evaluate(x) as number) - want[k])).toBeLessThan(1e-12 * (1 + Math.abs(want[k])));
      });
    });
  }
  it('gives one expression per output for a [2, 3, 2] network, and evaluates to both outputs', () => {
    const net = new Network({ layers: [2, 3, 2], seed: 6 });
    const f = formula(net);
    expect(f.toString().startsWith('[')).toBe(true);
    for (const x of [[0, 0], [1, -2], [-0.5, 3]]) {
      const want = (net.predict([x]) as number[][])[0];
      const got = f.evaluate(x) as number[];
      got.forEach((y, i) => expect(Math.abs(y - want[i])).toBeLessThan(1e-12));
    }
  });
});

describe('formula: what it refuses', () => {
  it('refuses softmax, naming the layer and what is supported', () => {
    expect(() => formula(new Network({ layers: [2, 3, 2], output: 'softmax' }))).toThrow(
      'formula: layer 2 uses softmax, which formula cannot write (supported: relu, leakyRelu, linear, sigmoid, tanh)',
    );
  });
  it('refuses a network whose written-out formula would be too long to read', () => {
    expect(() => formula(new Network({ layers: [1, 64, 64, 64, 1] }))).toThrow(
      /formula: layers \[1,64,64,64,1\] would write out .* terms but formula stops at 1000000 .*use kinks or linearRegion/,
    );
  });
  it('refuses to evaluate at the wrong number of inputs', () => {
    const f = formula(new Network({ layers: [2, 2, 1] }));
    expect(() => f.evaluate(1)).toThrow('formula.evaluate: x is 1 but the formula needs 2 finite numbers (x1, x2)');
    expect(() => f.evaluate([1, NaN])).toThrow(/formula.evaluate: x is an array of 2 entries/);
  });
});
