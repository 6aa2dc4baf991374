/**
 * Every public entry point of the core, fuzzed with malformed input (see
 * test/fuzz/harness.ts): each call returns a finite, well-shaped result or
 * throws ShapeError / ValueError (RangeError where documented), never a
 * TypeError from inside, never NaN, never a hang, never a changed argument.
 * A new entry point is one more line here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as ff from '../src/index.js';
import { Matrix, Network } from '../src/index.js';
import { type EntryPoint, FUZZ_SEED, arg, badResult, fuzz, fuzzProperty } from './fuzz/harness.js';

describe('matrix helpers', () => {
  fuzz('new Matrix', (rows, cols, data) => new Matrix(rows, cols, data), arg.size, arg.size, arg.any);
  fuzz('Matrix.from', (rows) => Matrix.from(rows), arg.matrix);
  fuzz('Matrix.fromMathjs', (m) => Matrix.fromMathjs(m), arg.any);
  fuzz('Matrix#get', (m, i, j) => Matrix.from(m as never).get(i, j), arg.matrix, arg.number, arg.number, { rangeError: true });
  fuzz('Matrix#row', (m, i) => Matrix.from(m as never).row(i), arg.matrix, arg.number, { rangeError: true });
  fuzz('Matrix#toString', (m) => Matrix.from(m as never).toString(), arg.matrix);
  fuzz('matrix', ff.matrix, arg.matrix);
  fuzz('zeros', ff.zeros, arg.size, arg.size);
  fuzz('ones', ff.ones, arg.size, arg.size);
  fuzz('randomMatrix', ff.randomMatrix, arg.size, arg.size, arg.options({ seed: arg.seed, scale: arg.number }));
  fuzz('multiply', ff.multiply, arg.matrix, arg.matrix);
  fuzz('add', ff.add, arg.matrix, arg.matrix);
  fuzz('subtract', ff.subtract, arg.matrix, arg.matrix);
  fuzz('hadamard', ff.hadamard, arg.matrix, arg.matrix);
  fuzz('scale', ff.scale, arg.matrix, arg.number);
  fuzz('transpose', ff.transpose, arg.matrix);
  fuzz('map', (A, f) => ff.map(A, f), arg.matrix, arg.any.map((x) => (typeof x === 'number' ? (z: number) => z * x : x)));
  fuzz('vstack', (...parts) => ff.vstack(...parts), arg.matrix, arg.matrix, arg.matrix);
  fuzz('hstack', (...parts) => ff.hstack(...parts), arg.matrix, arg.matrix);
  fuzz('sumRows', ff.sumRows, arg.matrix);
});

describe('seeded randomness', () => {
  fuzz('createRandom', (seed) => ff.createRandom(seed).uniform(), arg.seed);
  fuzz('Random#between', (lo, hi) => ff.createRandom(1).between(lo, hi), arg.number, arg.number);
  fuzz('Random#int', (n) => ff.createRandom(1).int(n), arg.size);
  // shuffle returns the items themselves (any type, NaN included), so the check is on its length.
  fuzz('Random#shuffle', (items: unknown[]) => ff.createRandom(1).shuffle(items).length, arg.any);
});

describe("the article's steps and the activations", () => {
  fuzz('applyWeights', ff.applyWeights, arg.matrix, arg.matrix, arg.bias);
  fuzz('twoNode', ff.twoNode, arg.matrix, arg.matrix, arg.bias);
  for (const g of [ff.relu, ff.leakyRelu, ff.sigmoid, ff.tanh, ff.linear, ff.softmax]) {
    fuzz(g.name, g, arg.matrix);
    if (!g.outputOnly) fuzz(`${g.name}.derivative`, g.derivative, arg.matrix); // softmax has none
  }
  fuzz('leakyReluWithSlope', (slope, Z) => ff.leakyReluWithSlope(slope)(Z), arg.number, arg.matrix);
});

describe('Network', () => {
  fuzz('new Network', (options) => new Network(options), arg.options({ layers: arg.layers, hidden: arg.activation, output: arg.activation, init: arg.any, seed: arg.seed }));
  fuzz('Network.fromWeights', (layers, options) => Network.fromWeights(layers, options), arg.any.chain((W) => arg.any.map((b) => [{ weights: W, biases: b }])), arg.options({ hidden: arg.activation, output: arg.activation }));
  fuzz('Network.fromWeights (two layers)', (l1, l2) => Network.fromWeights([{ weights: l1, biases: [0, 0] }, { weights: l2, biases: 0 }]), arg.matrix, arg.matrix);
  fuzz('Network#forward', (net: Network, X) => net.forward(X), arg.network, arg.matrix);
  fuzz('Network#trace', (net: Network, X) => net.trace(X), arg.network, arg.matrix);
  fuzz('Network#predict', (net: Network, samples) => net.predict(samples), arg.network, arg.matrix);
  fuzz('Network.fromJSON', (json) => Network.fromJSON(json), arg.any);
  fuzz('Network.fromJSON (a real JSON with one field spoiled)', (net: Network, field: string, value) => Network.fromJSON({ ...net.toJSON(), [field]: value } as never), arg.network, fc.constantFrom('format', 'version', 'layers', 'activations', 'weights', 'biases', 'extra'), arg.any);
});

describe('the harness itself fails when it should', () => {
  /** The reason the property failed (fast-check keeps it as the error's cause), or 'passed'. */
  const failure = (call: EntryPoint): string => {
    try {
      fc.assert(fuzzProperty(call, [arg.matrix]), { seed: FUZZ_SEED, numRuns: 50 });
      return 'passed';
    } catch (error) {
      return String((error as Error).cause);
    }
  };
  const run = (call: EntryPoint) => () => {
    throw new Error(failure(call));
  };
  it('a function that behaves passes', () => {
    expect(failure((m: unknown) => ff.transpose(m as never))).toBe('passed');
  });
  it('a TypeError from inside fails the property', () => {
    expect(run(() => (null as unknown as object).valueOf())).toThrow(/threw TypeError/);
  });
  it('a NaN in the result fails the property', () => {
    expect(run(() => new Matrix(1, 1, new Float64Array([NaN])))).toThrow(/the result is not finite/);
  });
  it('a changed argument fails the property', () => {
    expect(run((m: unknown) => (m instanceof Matrix ? m.data.fill(7) : undefined))).toThrow(/a Matrix argument was changed/);
  });
  it('a write into a frozen array argument throws a TypeError, which fails the property', () => {
    expect(run((m: unknown) => Array.isArray(m) && m.push(1))).toThrow(/threw TypeError/);
  });
  it('badResult names what is not finite, inside objects and arrays too', () => {
    expect(badResult([{ z: 1 }, { z: Infinity }])).toBe('the number Infinity');
    expect(badResult({ a: new Matrix(1, 2, new Float64Array([0, NaN])) })).toBe('a Matrix holding NaN');
    expect(badResult({ a: [1, -0], b: 'text' })).toBe(undefined);
  });
});
