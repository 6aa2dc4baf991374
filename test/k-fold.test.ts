// kFold: k splits, each fold the test part once, seeded, optionally stratified.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Matrix, ShapeError, ValueError, argmax, fromRecords, kFold, oneHot } from '../src/index.js';
import { expectError } from './helpers/errors.js';

/** X = [[0, 1, …, m − 1]], so each column says which sample it is. */
const numbered = (m: number, Y: Matrix = new Matrix(1, m)) => ({ X: Matrix.from([Array.from({ length: m }, (_, j) => j)]), Y });

describe('kFold', () => {
  it('tests every sample exactly once, and trains each split on all the others', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.integer({ min: 2, max: 10 }), fc.nat(), (m, k, seed) => {
        fc.pre(k <= m);
        const splits = kFold(numbered(m), { folds: k, seed });
        expect(splits).toHaveLength(k);
        const tested = splits.flatMap(({ test }) => test.indices).sort((a, b) => a - b);
        expect(tested).toEqual(Array.from({ length: m }, (_, j) => j));
        for (const { train, test } of splits) {
          expect([...train.indices, ...test.indices].sort((a, b) => a - b)).toEqual(Array.from({ length: m }, (_, j) => j));
          expect([...test.X.data]).toEqual(test.indices); // each part holds its own columns, in increasing order
        }
      }),
      { numRuns: 100, seed: 3 },
    );
  });
  it('makes folds whose sizes differ by one at most, the first m mod k one larger (as scikit-learn’s KFold): 10 in 4 folds are 3, 3, 2, 2', () => {
    expect(kFold(numbered(10), { folds: 4 }).map(({ test }) => test.X.cols)).toEqual([3, 3, 2, 2]);
  });
  it('is seeded: the same seed, the same folds; another seed, other folds; 5 folds by default', () => {
    const folds = (seed: number) => kFold(numbered(20), { seed }).map(({ test }) => test.indices);
    expect(folds(1)).toEqual(folds(1));
    expect(folds(1)).not.toEqual(folds(2));
    expect(folds(1)).toHaveLength(5);
  });
  it('stratify: each fold holds each class’s share to within one sample, and folds differ in size by one at most', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 12, maxLength: 90 }), fc.integer({ min: 2, max: 4 }), fc.nat(), (classes, k, seed) => {
        const counts = [0, 1, 2].map((c) => classes.filter((x) => x === c).length);
        fc.pre(counts.every((n) => n === 0 || n >= k));
        const splits = kFold(numbered(classes.length, oneHot(classes, [0, 1, 2])), { folds: k, seed, stratify: true });
        const sizes = splits.map(({ test }) => test.X.cols);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        for (const { test } of splits) {
          const inFold = argmax(test.Y);
          counts.forEach((n, c) => expect(Math.abs(inFold.filter((x) => x === c).length - n / k)).toBeLessThan(1));
        }
      }),
      { numRuns: 100, seed: 4 },
    );
  });
  it('splits what fromRecords returns: targets and records follow their columns; features and labels pass through', () => {
    const records = Array.from({ length: 9 }, (_, j) => ({ x: j, kind: j % 3 ? 'b' : 'a' }));
    const data = fromRecords(records, { inputs: ['x'], target: 'kind' });
    for (const { train, test } of kFold(data, { folds: 3, seed: 1, stratify: true })) {
      expect(test.targets.filter((t) => t === 'a')).toHaveLength(1); // 3 a's over 3 folds
      for (const part of [train, test]) {
        part.indices.forEach((j, n) => expect([part.records[n], part.targets[n]]).toEqual([records[j], records[j].kind]));
        expect([part.features, part.labels]).toEqual([['x'], ['a', 'b']]);
      }
    }
  });
  it('refuses fewer than 2 folds, more folds than samples, a class too small for the folds when stratifying, and data that is not { X, Y }', () => {
    expectError(() => kFold(numbered(5), { folds: 1 }), ValueError, 'kFold: folds is 1 but it must be a whole number ≥ 2');
    expectError(() => kFold(numbered(5), { folds: 6 }), ValueError, 'kFold: folds is 6 but there are only 5 samples (each fold needs one)');
    const data = fromRecords([1, 2, 3, 4, 5, 6].map((x) => ({ x, kind: x < 3 ? 'rare' : 'common' })), { inputs: ['x'], target: 'kind' });
    expectError(() => kFold(data, { folds: 3, stratify: true }), ValueError,
      'kFold: class "rare" has 2 samples but stratifying needs at least 3 of each class (one in each fold): gather more samples of it, leave it out, or set stratify: false');
    expectError(() => kFold(numbered(4, Matrix.from([[0.5, 1, 2, 3]])), { folds: 2, stratify: true }), ValueError,
      'kFold: stratify is true but Y is neither one-hot nor one row of 0s and 1s (stratifying needs classes: one row per class with a single 1 per column, or a 0/1 target for a sigmoid)');
    expectError(() => kFold(null as never), ValueError, 'kFold: data is null but it must be { X, Y } (or what fromRecords returns)');
    expectError(() => kFold({ X: [[1, 2]], Y: [[1]] }), ShapeError, 'kFold: X has 2 columns but Y has 1 (one column per sample in both)');
    expectError(() => kFold(numbered(4), { fold: 2 } as never), ValueError, 'kFold: unknown option "fold" (did you mean "folds"?) (known: folds, seed, stratify)');
  });
});
