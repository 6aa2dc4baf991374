/**
 * The errors module (src/core/errors.ts): the two error classes, how a message
 * prints a shape (formatShape) and the value that came (describeValue). Each function's own
 * messages are pinned once, in its own test file (matrix, steps, activations,
 * random, network, serialize, …); the option checks are gathered at the end.
 */
import { describe, expect, it } from 'vitest';
import { formatShape } from '../src/core/errors.js';
import { Network, ShapeError, ValueError, activation, matrix, ones, randomMatrix, zeros } from '../src/index.js';
import { expectError } from './helpers/errors.js';

describe('ShapeError and ValueError', () => {
  it('are Errors with their own names', () => {
    expect(new ShapeError('x')).toBeInstanceOf(Error);
    expect(new ShapeError('x').name).toBe('ShapeError');
    expect(new ValueError('x').name).toBe('ValueError');
  });
});

describe('formatShape', () => {
  it('prints rows×cols: formatShape(2, 3) is "2×3"', () => {
    expect(formatShape(2, 3)).toBe('2×3');
  });
});

describe('describeValue: a message shows what came, so it can be told from what was wanted', () => {
  it('a hole in a sparse array shows as undefined', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point of this test
    expectError(() => matrix([[1, , 3]] as never), ValueError, 'matrix: the input has undefined at row 1, column 2 but entries must be finite numbers');
  });
  it('a string shows quoted: "2"', () => {
    expectError(() => zeros('2' as never, 2), ValueError, 'zeros: rows is "2" but sizes must be whole numbers ≥ 1');
  });
  it('a boolean shows as itself: true', () => {
    expectError(() => zeros(true as never, 2), ValueError, 'zeros: rows is true but sizes must be whole numbers ≥ 1');
  });
  it('a BigInt shows with its n: 2n', () => {
    expectError(() => ones(1, 2n as never), ValueError, 'ones: cols is 2n but sizes must be whole numbers ≥ 1');
  });
});

describe('randomMatrix: options', () => {
  it('a typo in an option is an error with a suggestion, not silently ignored', () => {
    expectError(() => randomMatrix(2, 2, { sed: 1 } as never), ValueError, 'randomMatrix: unknown option "sed" (did you mean "seed"?) (known: seed, scale)');
  });
  it('an option far from any known one gets no suggestion', () => {
    expectError(() => randomMatrix(2, 2, { colour: 'red' } as never), ValueError, 'randomMatrix: unknown option "colour" (known: seed, scale)');
  });
  it('options must be an object', () => {
    expectError(() => randomMatrix(2, 2, null as never), ValueError, 'randomMatrix: options are null but must be an object (known options: seed, scale)');
  });
});

describe('activation(formula, options): options', () => {
  it('a formula activation with options that are null', () => {
    expectError(() => activation('x^2', null as never), ValueError, 'activation: options are null but must be an object (known options: name)');
  });
  it('a formula activation with a typo in its options', () => {
    expectError(() => activation('x^2', { nmae: 'square' } as never), ValueError, 'activation: unknown option "nmae" (did you mean "name"?) (known: name)');
  });
});

describe('new Network: options', () => {
  it('layers given as a bare array instead of { layers }', () => {
    expectError(() => new Network([1, 2, 1] as never), ValueError, 'Network: options are an array of 3 entries but must be an object like { layers: [1, 2, 2, 1] }');
  });
  it('a typo in "layers" is caught with a suggestion', () => {
    expectError(() => new Network({ layer: [1, 2, 1] } as never), ValueError, 'Network: unknown option "layer" (did you mean "layers"?) (known: layers, hidden, output, init, seed, labels, features, impute)');
  });
  it('a typo in "hidden" is caught, instead of silently training a ReLU network', () => {
    expectError(() => new Network({ layers: [1, 2, 1], hiden: 'tanh' } as never), ValueError, 'Network: unknown option "hiden" (did you mean "hidden"?) (known: layers, hidden, output, init, seed, labels, features, impute)');
  });
  it('a training knob in the constructor is refused (it goes on fit)', () => {
    expectError(() => new Network({ layers: [1, 2, 1], learningRate: 0.1 } as never), ValueError, 'Network: unknown option "learningRate" (known: layers, hidden, output, init, seed, labels, features, impute)');
  });
  it('options that are null', () => {
    expectError(() => new Network(null as never), ValueError, 'Network: options are null but must be an object like { layers: [1, 2, 2, 1] }');
  });
  it('options given as a string', () => {
    expectError(() => new Network('[1, 2, 1]' as never), ValueError, 'Network: options are "[1, 2, 1]" but must be an object like { layers: [1, 2, 2, 1] }');
  });
  it('a typo inside { name: "leakyRelu", slope } is caught (it would silently use slope 0.01)', () => {
    expectError(() => new Network({ layers: [1, 2, 1], hidden: { name: 'leakyRelu', slop: 0.2 } }), ValueError, 'Network: activation leakyRelu: unknown key "slop" (did you mean "slope"?) (known: name, slope)');
  });
  it('a key that a name-only activation does not take', () => {
    expectError(() => new Network({ layers: [1, 2, 1], hidden: { name: 'tanh', slope: 0.2 } }), ValueError, 'Network: activation tanh: unknown key "slope" (known: name)');
  });
});

describe('Network.fromWeights: keys and options', () => {
  it('"weight" instead of "weights"', () => {
    expectError(() => Network.fromWeights([{ weight: [[1]], biases: [0] }] as never), ValueError, 'Network.fromWeights: layer 1: unknown key "weight" (did you mean "weights"?) (known: weights, biases, activation)');
  });
  it('a typo in the options', () => {
    expectError(() => Network.fromWeights([{ weights: [[1]], biases: [0] }], { ouput: 'relu' } as never), ValueError, 'Network.fromWeights: unknown option "ouput" (did you mean "output"?) (known: hidden, output)');
  });
});
