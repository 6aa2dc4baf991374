// Honest splits: trainTestSplit, and fit's validationSplit, which must never train on what it holds out.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Matrix, Network, ShapeError, ValueError, argmax, fromRecords, oneHot, trainTestSplit } from '../src/index.js';
import { holdOut, pickColumns } from '../src/train/split.js';
import { expectError } from './helpers/errors.js';

/** X = [[0, 1, …, m − 1]], so each column says which sample it is. */
const numbered = (m: number, Y: Matrix = new Matrix(1, m)) => ({ X: Matrix.from([Array.from({ length: m }, (_, j) => j)]), Y });

// What seed 1 gives (pinned, so a change to the shuffles shows up here): 10 samples, 3 held out.
const [TRAIN_1, TEST_1] = [[7, 1, 6, 5, 4, 0, 2], [8, 9, 3]];
const [STRATIFIED_TRAIN_1, STRATIFIED_TEST_1] = [[3, 6, 8, 7, 2, 4, 5], [1, 0, 9]]; // two of the six a's, one of the four b's

describe('trainTestSplit', () => {
  it('puts every sample in exactly one part, ⌈test·m⌉ of them in the test part (rounded up, as scikit-learn)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 200 }), fc.double({ min: 0.01, max: 0.5, noNaN: true }), fc.nat(), (m, test, seed) => {
        const { train, test: held } = trainTestSplit(numbered(m), { test, seed });
        const all = [...train.X.data, ...held.X.data].sort((a, b) => a - b);
        expect(all).toEqual(Array.from({ length: m }, (_, j) => j));
        expect(held.X.cols).toBe(Math.ceil(test * m));
        expect([...train.X.data]).toEqual(train.indices); // indices say which columns each part took
      }),
      { numRuns: 100, seed: 1 },
    );
  });
  it('pins its seeded shuffles: seed 1 splits 10 samples the same way on every machine', () => {
    const regression = Matrix.from([Array.from({ length: 10 }, (_, j) => j / 4)]); // not classes: no stratifying to do
    const { train, test } = trainTestSplit(numbered(10, regression), { test: 0.3, seed: 1 });
    expect([train.indices, test.indices]).toEqual([TRAIN_1, TEST_1]);
    const Y = oneHot(['a', 'a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b']);
    const stratified = trainTestSplit(numbered(10, Y), { test: 0.3, seed: 1, stratify: true });
    expect([stratified.train.indices, stratified.test.indices]).toEqual([STRATIFIED_TRAIN_1, STRATIFIED_TEST_1]);
  });
  it('is seeded: the same seed splits the same way, another seed another way', () => {
    const a = trainTestSplit(numbered(20), { seed: 7 }).test.indices;
    expect(trainTestSplit(numbered(20), { seed: 7 }).test.indices).toEqual(a);
    expect(trainTestSplit(numbered(20), { seed: 8 }).test.indices).not.toEqual(a);
  });
  it('stratify: each class’s count in the test part is within one sample of its share', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 120 }), fc.double({ min: 0.1, max: 0.5, noNaN: true }), fc.nat(), (classes, test, seed) => {
        const present = [...new Set(classes)];
        fc.pre(present.length >= 2 && present.every((c) => classes.filter((k) => k === c).length >= 2)); // one member is refused
        const Y = oneHot(classes, [0, 1, 2, 3]);
        const { train, test: held } = trainTestSplit(numbered(classes.length, Y), { test, seed, stratify: true });
        const m = classes.length;
        const nTest = Math.ceil(test * m);
        expect([train.X.cols, held.X.cols]).toEqual([m - nTest, nTest]); // the classes' shares add up to ⌈test·m⌉
        expect([...train.X.data, ...held.X.data].sort((a, b) => a - b)).toEqual(Array.from({ length: m }, (_, j) => j));
        const inTest = argmax(held.Y);
        for (const c of [0, 1, 2, 3]) {
          const share = (nTest * classes.filter((k) => k === c).length) / m;
          const count = inTest.filter((k) => k === c).length;
          expect(Math.abs(count - share)).toBeLessThan(1);
        }
      }),
      { numRuns: 200, seed: 2 },
    );
  });
  it('stratify refuses a class with one sample, which cannot be in both parts (as scikit-learn), naming it', () => {
    const data = fromRecords([{ x: 1, kind: 'a' }, { x: 2, kind: 'a' }, { x: 3, kind: 'b' }, { x: 4, kind: 'a' }], { inputs: ['x'], target: 'kind' });
    expectError(() => trainTestSplit(data, { test: 0.5, stratify: true }), ValueError,
      'trainTestSplit: class "b" has 1 sample but stratifying needs at least 2 of each class (one for each part): gather more samples of it, leave it out, or set stratify: false');
    expectError(() => trainTestSplit(numbered(3, Matrix.from([[1, 0, 0]])), { test: 0.5, stratify: true }), ValueError,
      'trainTestSplit: class 1 (the 1s of Y) has 1 sample but stratifying needs at least 2 of each class (one for each part): gather more samples of it, leave it out, or set stratify: false');
    expect(trainTestSplit(data, { test: 0.5 }).test.X.cols).toBe(2); // unstratified, it splits
  });
  it('stratifies a 0/1 target (one row, for a sigmoid) by its two classes', () => {
    const Y = Matrix.from([[1, 1, 0, 0, 0, 0, 0, 0, 0, 0]]);
    for (const seed of [1, 2, 3]) {
      const { test } = trainTestSplit(numbered(10, Y), { test: 0.5, seed, stratify: true });
      expect(Array.from(test.Y.data).filter((y) => y === 1)).toEqual([1]); // 5 of 10: one of the two 1s
    }
  });
  it('splits what fromRecords returns: targets and records follow their columns; features and labels pass through', () => {
    const records = Array.from({ length: 10 }, (_, j) => ({ x: j, kind: j % 2 ? 'odd' : 'even' }));
    const data = fromRecords(records, { inputs: ['x'], target: 'kind' });
    const { train, test } = trainTestSplit(data, { test: 0.3, seed: 1, stratify: true });
    for (const part of [train, test]) {
      part.indices.forEach((j, n) => {
        expect(part.X.get(0, n)).toBe(j);
        expect(part.records![n]).toBe(records[j]);
        expect(part.targets![n]).toBe(records[j].kind);
      });
      expect([part.features, part.labels]).toEqual([['x'], ['even', 'odd']]);
    }
    expect(test.targets!.filter((t) => t === 'odd').length).toBeGreaterThanOrEqual(1); // 1 or 2 of 3
  });
  it('refuses a fraction that leaves nothing to train on, X and Y of different lengths, and stratifying a regression', () => {
    expectError(() => trainTestSplit(numbered(3), { test: 0.9 }), ValueError, 'trainTestSplit: test is 0.9 of 3 samples, which leaves none to train on (give more samples or a smaller fraction)');
    expectError(() => trainTestSplit(numbered(3), { test: 1 }), ValueError, 'trainTestSplit: test is 1 but it must be a fraction between 0 and 1 (exclusive)');
    expectError(() => trainTestSplit(numbered(3), { test: 0 }), ValueError, 'trainTestSplit: test is 0 but it must be a fraction between 0 and 1 (exclusive)');
    expectError(() => trainTestSplit(numbered(3), { stratify: 'yes' as never }), ValueError, 'trainTestSplit: stratify is "yes" but it must be true or false');
    expectError(() => trainTestSplit(5 as never), ValueError, 'trainTestSplit: data is 5 but it must be { X, Y } (or what fromRecords returns)');
    expectError(() => trainTestSplit(null as never), ValueError, 'trainTestSplit: data is null but it must be { X, Y } (or what fromRecords returns)');
    expectError(() => trainTestSplit({ X: 'x', Y: [[1]] } as never), ShapeError, 'trainTestSplit: X is "x" but a matrix must be a Matrix, an array of rows, or a mathjs matrix');
    expectError(() => trainTestSplit({ X: [[1]], Y: 'y' } as never), ShapeError, 'trainTestSplit: Y is "y" but a matrix must be a Matrix, an array of rows, or a mathjs matrix');
    expectError(() => trainTestSplit({ ...numbered(3), targets: ['a', 'b'] }), ShapeError, 'trainTestSplit: targets is an array of 2 entries but X has 3 samples (one entry per sample)');
    expectError(() => trainTestSplit({ ...numbered(3), records: 'r' } as never), ShapeError, 'trainTestSplit: records is "r" but X has 3 samples (one entry per sample)');
    expect(() => trainTestSplit(numbered(2, Matrix.from([[1, 0.5], [0, 0.5]])), { stratify: true, test: 0.5 })).toThrow('trainTestSplit: stratify is true but Y is neither one-hot');
    expectError(() => trainTestSplit({ X: [[1, 2]], Y: [[1]] }), ShapeError, 'trainTestSplit: X has 2 columns but Y has 1 (one column per sample in both)');
    expectError(() => trainTestSplit(numbered(4, Matrix.from([[0.5, 1, 2, 3]])), { stratify: true }), ValueError, 'trainTestSplit: stratify is true but Y is neither one-hot nor one row of 0s and 1s (stratifying needs classes: one row per class with a single 1 per column, or a 0/1 target for a sigmoid)');
    expect(() => trainTestSplit(numbered(2, Matrix.from([[1, 0], [1, 0]])), { stratify: true, test: 0.5 })).toThrow('trainTestSplit: stratify is true but Y is neither one-hot');
  });
});

describe("fit's validationSplit", () => {
  // y = 2x + 1 on 20 samples; the held-out columns get absurd targets (1e6). If training saw
  // any of them, the weights would differ from a run on the kept columns alone.
  const m = 20;
  const X = Matrix.from([Array.from({ length: m }, (_, j) => j / 10)]);
  const held = holdOut(m, 0.25, 42);
  const poisoned = Matrix.from([Array.from({ length: m }, (_, j) => (held.includes(j) ? 1e6 : 2 * (j / 10) + 1))]);
  const kept = Array.from({ length: m }, (_, j) => j).filter((j) => !held.includes(j));

  it('holds out ⌈fraction·m⌉ columns chosen by a seeded shuffle', () => {
    expect(held.length).toBe(5);
    expect(holdOut(m, 0.25, 42)).toEqual(held);
    expect(holdOut(m, 0.25, 43)).not.toEqual(held);
  });
  it('never trains on the held-out columns: the weights equal a run on the other columns alone, bit for bit', () => {
    const a = new Network({ layers: [1, 4, 1], seed: 3 });
    const b = new Network({ layers: [1, 4, 1], seed: 3 });
    const historyA = a.fit(X, poisoned, { epochs: 30, validationSplit: 0.25, batchSize: 4, onWarning: () => {} });
    const historyB = b.fit(pickColumns(X, kept), pickColumns(poisoned, kept), {
      epochs: 30,
      batchSize: 4,
      validation: { X: pickColumns(X, held), Y: pickColumns(poisoned, held) },
      onWarning: () => {},
    });
    expect(a.toJSON()).toEqual(b.toJSON());
    expect(historyA).toEqual(historyB);
    expect(Math.max(...historyA.loss)).toBeLessThan(100); // training never met a 1e6 target
    expect(Math.min(...historyA.validationLoss!)).toBeGreaterThan(1e10); // the poison is all in the validation loss
  });
  it('works with patience (early stopping on the held-out part)', () => {
    const net = new Network({ layers: [1, 4, 1], seed: 3 });
    const history = net.fit(X, poisoned, { epochs: 50, validationSplit: 0.25, patience: 3, onWarning: () => {} });
    expect(history.validationLoss!.length).toBe(history.loss.length);
  });
  it('refuses validation and validationSplit together, and a fraction outside (0, 1)', () => {
    const net = new Network({ layers: [1, 1] });
    expectError(() => net.fit(X, poisoned, { validationSplit: 0.2, validation: { X, Y: poisoned } }), ValueError, 'Network.fit: validation and validationSplit are both given but the held-out data is one or the other');
    expectError(() => net.fit(X, poisoned, { validationSplit: 1 }), ValueError, 'Network.fit: validationSplit is 1 but it must be a fraction between 0 and 1 (exclusive)');
    expectError(() => net.fit([[1]], [[1]], { validationSplit: 0.5 }), ValueError, 'Network.fit: validationSplit is 0.5 of 1 sample, which leaves none to train on (give more samples or a smaller fraction)');
  });
});
