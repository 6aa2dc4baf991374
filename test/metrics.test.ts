// Scores on held-out samples. Each number is worked by hand in a comment, and the
// examples of scikit-learn's documentation (sklearn.metrics, whose formulas these are)
// give the same results here. Note the order: here (predicted, actual); sklearn's is (y_true, y_pred).
import { describe, expect, it } from 'vitest';
import { sortLabels } from '../src/train/metrics.js';
import { Matrix, ShapeError, ValueError, accuracy, argmax, balancedAccuracy, confusionMatrix, meanAbsoluteError, r2, rootMeanSquaredError } from '../src/index.js';
import { expectError } from './helpers/errors.js';

describe('argmax', () => {
  it('gives the row of the largest entry of each column, counting from 0', () => {
    expect(argmax([[0.1, 0.7, 0.2], [0.9, 0.3, 0.2], [0, 0, 0.6]])).toEqual([1, 0, 2]);
  });
  it('keeps looking after the best row changes: a column rising to its last row gives that row', () => {
    expect(argmax([[0.1, 3], [0.5, 2], [0.9, 1]])).toEqual([2, 0]);
  });
  it('gives a tie to the first row (as numpy)', () => {
    expect(argmax([[0.5], [0.5]])).toEqual([0]);
  });
});

describe('accuracy', () => {
  it('is the fraction of right answers: sklearn’s accuracy_score([0, 2, 1, 3], [0, 1, 2, 3]) = 0.5', () => {
    expect(accuracy([0, 2, 1, 3], [0, 1, 2, 3])).toBe(0.5); // 0 and 3 right: 2 of 4
  });
  it('counts right answers, not wrong ones: 3 of 4 is 0.75, and booleans are labels too', () => {
    expect(accuracy(['a', 'b', 'b', 'a'], ['a', 'b', 'a', 'a'])).toBe(0.75);
    expect(accuracy([true, false, true], [true, true, true])).toBe(2 / 3);
  });
  it('takes labels, classify’s answers or classes × samples matrices (argmax per column)', () => {
    const answers = [{ label: 'a', confidence: 0.9, probabilities: { a: 0.9, b: 0.1 } }, { label: 'a', confidence: 0.6, probabilities: { a: 0.6, b: 0.4 } }];
    expect(accuracy(answers, ['a', 'b'])).toBe(0.5);
    expect(accuracy(Matrix.from([[0.9, 0.6], [0.1, 0.4]]), Matrix.from([[1, 0], [0, 1]]))).toBe(0.5);
  });
  it('reads its arguments as classes.test.ts shows: names beside names, a matrix beside a matrix, never unlike things', () => {
    expect(() => accuracy(['1', '2'], [1, 2])).toThrow(ValueError);
  });
});

describe('balancedAccuracy', () => {
  it('is the mean recall over the actual classes: sklearn’s example, y_true = [0, 1, 0, 0, 1, 0], y_pred = [0, 1, 0, 0, 0, 1] → 0.625', () => {
    // class 0: 3 of 4 found; class 1: 1 of 2 found; (3/4 + 1/2)/2 = 0.625
    expect(balancedAccuracy([0, 1, 0, 0, 0, 1], [0, 1, 0, 0, 1, 0])).toBe(0.625);
  });
  it('scores always answering the majority 1/k, where accuracy says 0.9', () => {
    const actual = [...Array(9).fill('no'), 'yes'];
    const always = Array(10).fill('no');
    expect([accuracy(always, actual), balancedAccuracy(always, actual)]).toEqual([0.9, 0.5]); // (9/9 + 0/1)/2
  });
  it('averages only over the classes actual holds: a class only predicted adds no recall (sklearn)', () => {
    expect(balancedAccuracy(['a', 'c', 'b', 'b'], ['a', 'a', 'b', 'b'])).toBe(0.75); // a: 1/2, b: 2/2; c is not actual
  });
});

describe('confusionMatrix', () => {
  // sklearn.metrics.confusion_matrix's documented examples: rows are actual classes, columns predicted ones.
  it('counts (actual, predicted) pairs: sklearn’s example with y_true = [2, 0, 2, 2, 0, 1], y_pred = [0, 0, 2, 2, 0, 2]', () => {
    expect(confusionMatrix([0, 0, 2, 2, 0, 2], [2, 0, 2, 2, 0, 1]).counts).toEqual([[2, 0, 0], [0, 0, 1], [1, 0, 2]]);
  });
  it('takes the order of labels: sklearn’s ant, bird, cat example', () => {
    const actual = ['cat', 'ant', 'cat', 'cat', 'ant', 'bird'];
    const predicted = ['ant', 'ant', 'cat', 'cat', 'ant', 'cat'];
    const cm = confusionMatrix(predicted, actual, ['ant', 'bird', 'cat']);
    expect(cm.counts).toEqual([[2, 0, 0], [0, 0, 1], [1, 0, 2]]);
    expect([cm.labels, cm.total]).toEqual([['ant', 'bird', 'cat'], 6]);
  });
  it('sorts the classes seen when no labels are given, and keeps a listed class nobody has', () => {
    expect(confusionMatrix(['b', 'a'], ['b', 'b']).labels).toEqual(['a', 'b']);
    expect(confusionMatrix(['a'], ['a'], ['a', 'z']).counts).toEqual([[1, 0], [0, 0]]);
  });
  it('names matrix rows by the labels given (row i is labels[i])', () => {
    const cm = confusionMatrix(Matrix.from([[0.9, 0.2], [0.1, 0.8]]), Matrix.from([[1, 1], [0, 0]]), ['yes', 'no']);
    expect(cm.counts).toEqual([[1, 1], [0, 0]]); // actual yes, yes; predicted yes, no
  });
  it('prints an aligned table: actual down, predicted across, totals on both sides', () => {
    const cm = confusionMatrix(['Adelie', 'Adelie', 'Gentoo', 'Chinstrap', 'Gentoo'], ['Adelie', 'Chinstrap', 'Gentoo', 'Chinstrap', 'Gentoo']);
    expect(`\n${cm.toString()}`).toBe(`
actual \\ predicted  Adelie  Chinstrap  Gentoo  total
Adelie                   1          0       0      1
Chinstrap                1          1       0      2
Gentoo                   0          0       2      2
total                    2          1       2      5`);
  });
  it('escapes control characters in class names when printing: a name from a file cannot recolour or reorder the table', () => {
    const cm = confusionMatrix(['ok', 'red\u001b[31m', 'two\nlines'], ['ok', 'red\u001b[31m', 'two\nlines']);
    expect(cm.toString().split('\n')[0]).toBe('actual \\ predicted  ok  red\\u001b[31m  two\\nlines  total');
    expect(confusionMatrix(['\u202eevil'], ['\u202eevil']).toString()).toContain('\\u202eevil'); // a right-to-left override
    expect(cm.labels).toContain('red\u001b[31m'); // the labels themselves stay as they are: data
  });
  it('refuses a label missing from the labels given, and a label listed twice', () => {
    expectError(() => confusionMatrix(['a', 'c'], ['a', 'b'], ['a', 'b']), ValueError, 'confusionMatrix: predicted sample 2 is "c" but labels are "a", "b" (every class must be listed)');
    expectError(() => confusionMatrix(['a'], ['a'], ['a', 'a']), ValueError, 'confusionMatrix: labels lists "a" twice (each class once)');
    expectError(() => confusionMatrix(['a'], ['a'], []), ValueError, 'confusionMatrix: labels is an array of 0 entries but it must be a non-empty list of classes');
    expectError(() => confusionMatrix(['a'], ['a'], ['a', {}] as never), ValueError, 'confusionMatrix: labels entry 2 is an object (Object) but labels are strings, finite numbers or booleans');
  });
});

describe('regression metrics', () => {
  // sklearn's documented examples: y_true = [3, -0.5, 2, 7], y_pred = [2.5, 0.0, 2, 8]
  const actual = [3, -0.5, 2, 7];
  const predicted = [2.5, 0.0, 2, 8];
  it('meanAbsoluteError: Σ|ŷ − y|/m = (0.5 + 0.5 + 0 + 1)/4 = 0.5, as sklearn’s example', () => {
    expect(meanAbsoluteError(predicted, actual)).toBe(0.5);
  });
  it('rootMeanSquaredError: √((0.25 + 0.25 + 0 + 1)/4) = √0.375 ≈ 0.612, as sklearn’s example', () => {
    expect(rootMeanSquaredError(predicted, actual)).toBe(Math.sqrt(0.375));
  });
  it('r2: 1 − Σ(y − ŷ)²/Σ(y − ȳ)² = 1 − 1.5/29.1875 ≈ 0.9486, as sklearn’s example', () => {
    // ȳ = 11.5/4 = 2.875; Σ(y − ȳ)² = 0.015625 + 11.390625 + 0.765625 + 17.015625 = 29.1875
    expect(Math.abs(r2(predicted, actual) - 0.9486081370449679)).toBeLessThan(1e-15);
  });
  it('r2 is 1 for perfect predictions, 0 for always the mean, negative when worse; with constant targets 1 or 0 (sklearn)', () => {
    expect(r2([1, 2, 3], [1, 2, 3])).toBe(1);
    expect(r2([2, 2, 2], [1, 2, 3])).toBe(0);
    expect(r2([3, 2, 1], [1, 2, 3])).toBe(-3); // 1 − 8/2
    expect(r2([-2, -2, -2], [-2, -2, -2])).toBe(1);
    expect(r2([-2, -2, -1.99], [-2, -2, -2])).toBe(0);
    expect(r2([0.1, 0.1, 0.1], [0.1, 0.1, 0.1])).toBe(1); // constant 0.1, whose computed mean is not exactly 0.1
  });
  it('r2 is the same for the same numbers in any units: 1e-200 and 1e200 as 1 (its sums neither underflow to 0 nor overflow)', () => {
    // actual [1, 0], predicted [2, 0]: ȳ = 0.5, Σ(y − ȳ)² = 0.5, Σ(y − ŷ)² = 1 → R² = 1 − 1/0.5 = −1
    expect(r2([2, 0], [1, 0])).toBe(-1);
    expect(r2([2e-200, 0], [1e-200, 0])).toBe(-1); // Σ(y − ȳ)² = 5e-401 underflowed to 0, which gave 1 before
    expect(r2([2e200, 0], [1e200, 0])).toBe(-1); // Σ(y − ŷ)² = 1e400 overflowed
    expect(r2([1e200, -1e200], [1e200, 0])).toBe(-1); // ŷ − y = −1e200 on the second: 1 − 1e400/5e399, NaN before
    const [p, a] = [[1.5, 1.1, 0.3], [1, 2, 3]];
    expect(Math.abs(r2(p.map((x) => x * 1e-200), a.map((x) => x * 1e-200)) - r2(p, a))).toBeLessThan(1e-12); // −3.175
  });
  it('refuses a result that overflowed float64, rather than returning Infinity or NaN', () => {
    expectError(() => meanAbsoluteError([1.7e308], [-1.7e308]), ValueError, "meanAbsoluteError: the result is Infinity but it must be finite (the errors grew past float64's ±1.8e308: the values are too large to compare)");
    expectError(() => r2([1e10, 0], [1e-320, 0]), ValueError, 'r2: the targets differ by less than float64 can tell beside predictions as large as 10000000000 (R² is beyond float64: compare values of similar size)');
  });
  it('refuses class names: a regression score compares numbers', () => {
    expectError(() => r2(['a', 'b'] as never, [1, 2]), ValueError, 'r2: predicted holds class names such as "a" but a regression score compares numbers (for classes use accuracy, balancedAccuracy, confusionMatrix or classificationReport)');
    expectError(() => meanAbsoluteError([1, 2], ['1', '2'] as never), ValueError, 'meanAbsoluteError: actual holds class names such as "1" but a regression score compares numbers (for classes use accuracy, balancedAccuracy, confusionMatrix or classificationReport)');
    expectError(() => rootMeanSquaredError([[true]] as never, [[1]]), ValueError, 'rootMeanSquaredError: predicted holds class names such as true but a regression score compares numbers (for classes use accuracy, balancedAccuracy, confusionMatrix or classificationReport)');
    expectError(() => r2([{ label: 'a', confidence: 1, probabilities: { a: 1 } }] as never, [1]), ValueError, 'r2: predicted holds net.classify\'s answers, such as "a" but a regression score compares numbers (for classes use accuracy, balancedAccuracy, confusionMatrix or classificationReport)');
  });
  it('refuses predictions and targets of different shapes', () => {
    expectError(() => meanAbsoluteError([1, 2], [1, 2, 3]), ShapeError, 'meanAbsoluteError: predicted is 1×2 but actual is 1×3 (one prediction per actual value)');
    expectError(() => rootMeanSquaredError([[1, 2]], [[1, 2], [3, 4]]), ShapeError, 'rootMeanSquaredError: predicted is 1×2 but actual is 2×2 (one prediction per actual value)');
    // net.predict of a 2-output network answers one row per sample (3×2); Y has one column per sample (2×3)
    expectError(() => r2([[1, 2], [3, 4], [5, 6]], [[1, 3, 5], [2, 4, 6]]), ShapeError, 'r2: predicted is 3×2 but actual is 2×3 (one is the transpose of the other: net.predict answers one row per sample, Y has one column per sample; transpose one)');
    expectError(() => r2([1], 'x' as never), ShapeError, 'r2: actual is "x" but a matrix must be a Matrix, an array of rows, or a mathjs matrix');
    expectError(() => r2('x' as never, [1]), ShapeError, 'r2: predicted is "x" but a matrix must be a Matrix, an array of rows, or a mathjs matrix');
    expectError(() => argmax('x' as never), ShapeError, 'argmax: M is "x" but a matrix must be a Matrix, an array of rows, or a mathjs matrix');
  });
});

describe('sortLabels (the one order of classes and categories)', () => {
  it('puts numbers first, by value, then text (booleans as "false", "true") by code unit, and leaves its argument alone', () => {
    const labels = ['b', true, 10, 'B', 9, 'a', false, -1];
    expect(sortLabels(labels)).toEqual([-1, 9, 10, 'B', 'a', 'b', false, true]);
    expect(labels).toEqual(['b', true, 10, 'B', 9, 'a', false, -1]);
    expect(sortLabels(['b', 2, 'a', 1])).toEqual([1, 2, 'a', 'b']); // a number after text still goes first
    expect(sortLabels(['#', 10, '!', 2])).toEqual([2, 10, '!', '#']); // even text that sorts before digits ("!" < "1")
  });
});
