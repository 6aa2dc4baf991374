/**
 * The article's steps, one call at a time: applyWeights (inputs times weights
 * plus biases), relu, and twoNode (two neurons computed one by one and stacked).
 */
import { describe, expect, it } from 'vitest';
import { Matrix, ShapeError, ValueError, applyWeights, relu, twoNode, vstack } from '../src/index.js';
import { expectError } from './helpers/errors.js';
import { deepFreeze } from './helpers/frozen.js';
import { expectSameBits, seeded } from './helpers/oracles.js';

describe('applyWeights', () => {
  it('computes W·A + b for one neuron and one sample', () => {
    // 3·1 + (−1)·2 + 0.5 = 1.5
    expect(applyWeights([[1], [2]], [[3, -1]], [0.5]).toArray()).toEqual([[1.5]]);
  });

  it('gives one neuron one row: one weighted sum per sample (column)', () => {
    // X = 1 feature × 3 samples; z = 2x + 1: 3, 5, 7
    expect(applyWeights([[1, 2, 3]], [[2]], [1]).toArray()).toEqual([[3, 5, 7]]);
  });

  it('takes a plain number as the bias of a single neuron', () => {
    expect(applyWeights([[1, 2, 3]], [[2]], 1).toArray()).toEqual([[3, 5, 7]]);
  });

  it('reads a flat number[] A as one row: one input feature, one number per sample', () => {
    expect(applyWeights([1, 2, 3], [[2]], [1]).toArray()).toEqual([[3, 5, 7]]);
  });

  it('gives a layer of m neurons m rows, one per neuron', () => {
    // W = [[1, 1], [2, −1]], A = [[1, 0, 2], [3, 1, 0]], b = [10, 20]
    // row 1: 1+3+10 = 14, 0+1+10 = 11, 2+0+10 = 12
    // row 2: 2−3+20 = 19, 0−1+20 = 19, 4−0+20 = 24
    const Z = applyWeights(
      [
        [1, 0, 2],
        [3, 1, 0],
      ],
      [
        [1, 1],
        [2, -1],
      ],
      [10, 20],
    );
    expect(Z.toArray()).toEqual([
      [14, 11, 12],
      [19, 19, 24],
    ]);
  });

  it('takes the biases as a list, a column, a row or a Matrix, all alike', () => {
    const A = [[1, 2]];
    const W = [[1], [-1]];
    const want = [
      [11, 12],
      [19, 18],
    ]; // 1·x + 10 and −1·x + 20
    expect(applyWeights(A, W, [10, 20]).toArray()).toEqual(want);
    expect(applyWeights(A, W, [[10], [20]]).toArray()).toEqual(want);
    expect(applyWeights(A, W, [[10, 20]]).toArray()).toEqual(want);
    expect(applyWeights(A, W, Matrix.from([[10], [20]])).toArray()).toEqual(want);
  });

  it("names both shapes when W's columns differ from A's rows", () => {
    expect(() => applyWeights([[1], [2], [3]], [[3, -1]], [0.5])).toThrow(ShapeError);
    expect(() => applyWeights([[1], [2], [3]], [[3, -1]], [0.5])).toThrow(
      "applyWeights: W is 1×2 but A has 3 rows (W's columns must equal A's rows)",
    );
  });

  it('names both counts when there is not one bias per neuron', () => {
    expect(() => applyWeights([[1]], [[1], [2]], [1, 2, 3])).toThrow(
      'applyWeights: W has 2 rows but b has 3 entries (one bias per neuron)',
    );
    expect(() => applyWeights([[1]], [[1]], [1, 2])).toThrow('applyWeights: W has 1 row but b has 2 entries');
    expectError(() => applyWeights([[1]], [[1], [2]], [0]), ShapeError, 'applyWeights: W has 2 rows but b has 1 entry (one bias per neuron)');
  });

  it('refuses biases that are neither a list nor a column', () => {
    expect(() => applyWeights([[1], [1]], [[1, 1], [1, 1]], [[1, 2], [3, 4]])).toThrow(
      'applyWeights: b is 2×2 but it must be a column (n×1) or a list of numbers',
    );
  });

  it('names the argument and the entry of a NaN', () => {
    expect(() => applyWeights([[1, NaN]], [[1]], [0])).toThrow(ValueError);
    expect(() => applyWeights([[1, NaN]], [[1]], [0])).toThrow('applyWeights: A has NaN at row 1, column 2 but entries must be finite numbers');
    expect(() => applyWeights([[1]], [[Infinity]], [0])).toThrow('applyWeights: W has Infinity at row 1, column 1');
    expect(() => applyWeights([[1]], [[1]], NaN)).toThrow('applyWeights: b has NaN at row 1, column 1');
  });

  it('refuses weighted sums that overflow, instead of returning Infinity', () => {
    expectError(() => applyWeights([[1e308]], [[10]], [0]), ValueError, "applyWeights: Z = W·A + b has Infinity at row 1, column 1 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
  });
});

describe('relu', () => {
  it('clips negative values to 0 and keeps the rest', () => {
    expect(relu([[-1, 2], [0, -0.5]]).toArray()).toEqual([
      [0, 2],
      [0, 0],
    ]);
  });

  it('after applyWeights turns a line into a line with one kink', () => {
    // z = x − 1 for x = −1, 0, 1, 2, 3: −2, −1, 0, 1, 2 → relu: 0, 0, 0, 1, 2
    expect(relu(applyWeights([[-1, 0, 1, 2, 3]], [[1]], [-1])).toArray()).toEqual([[0, 0, 0, 1, 2]]);
  });

  it('returns a new matrix and leaves a Matrix argument unchanged', () => {
    const Z = Matrix.from([[-1, 1]]);
    const A = relu(Z);
    expect(A).not.toBe(Z);
    expect(Z.toArray()).toEqual([[-1, 1]]);
  });
});

describe('twoNode', () => {
  it('computes a two-neuron layer: one weighted sum per neuron, stacked', () => {
    // 2·1 + 1 = 3 and −3·1 + 1 = −2
    expect(twoNode([[1]], [[2], [-3]], [1, 1]).toArray()).toEqual([[3], [-2]]);
  });

  it('equals vstack of applyWeights for each neuron, as the article builds it', () => {
    const A = seeded(2, 9, 4);
    const W = seeded(2, 2, 5);
    const b = [0.25, -0.75];
    const top = applyWeights(A, [W[0]], [b[0]]); // the article's out3 (w35, b3)
    const bottom = applyWeights(A, [W[1]], [b[1]]); // the article's out4 (w46, b4)
    expectSameBits(twoNode(A, W, b), vstack(top, bottom));
  });

  it.each([1, 2, 5, 256, 301])('equals applyWeights(A, W, b) bit for bit on seeded inputs, %i samples', (samples) => {
    const A = seeded(3, samples, samples);
    const W = seeded(2, 3, samples + 1);
    const b = seeded(2, 1, samples + 2);
    expectSameBits(twoNode(A, W, b), applyWeights(A, W, b));
  });

  it('refuses a W without exactly two rows, or not two biases', () => {
    expect(() => twoNode([[1]], [[1], [2], [3]], [1, 2])).toThrow(
      'twoNode: W has 3 rows but a two-node layer needs 2 (one row per neuron)',
    );
    expect(() => twoNode([[1]], [[1], [2]], [1])).toThrow(
      'twoNode: b has 1 entry but a two-node layer needs 2 (one bias per neuron)',
    );
  });

  it('names itself and both shapes when W·A is undefined', () => {
    expect(() => twoNode([[1], [2], [3]], [[1, 2], [3, 4]], [0, 0])).toThrow(
      "twoNode: W is 2×2 but A has 3 rows (W's columns must equal A's rows)",
    );
    expect(() => twoNode([[NaN]], [[1], [2]], [0, 0])).toThrow('twoNode: A has NaN at row 1, column 1');
  });

  it('names itself, not applyWeights, for a ragged W or a NaN bias', () => {
    expectError(() => twoNode([[1]], [[1], []], [0, 0]), ShapeError, 'twoNode: W row 2 has 0 entries but row 1 has 1 (every row needs the same length)');
    expectError(() => twoNode([[1]], [[1], [2]], [0, NaN]), ValueError, 'twoNode: b has NaN at row 1, column 2 but entries must be finite numbers');
  });
});

describe('applyWeights and twoNode leave their inputs untouched', () => {
  it.each([
    ['applyWeights', applyWeights],
    ['twoNode', twoNode],
  ])('%s runs on deep-frozen A, W and b (it would throw if it wrote to them)', (_name, step) => {
    const A = deepFreeze([[1, 2]]);
    const W = deepFreeze([[1], [-1]]);
    const b = deepFreeze([10, 20]);
    expect(step(A, W, b).toArray()).toEqual([
      [11, 12],
      [19, 18],
    ]);
    expect([A, W, b]).toEqual([[[1, 2]], [[1], [-1]], [10, 20]]);
  });
});
