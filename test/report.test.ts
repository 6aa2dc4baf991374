// classificationReport: precision, recall, F1 and support per class, their averages, and the majority-class
// baseline beside the model. The numbers are scikit-learn's classification_report example, worked by hand.
import { describe, expect, it } from 'vitest';
import { Matrix, accuracy, balancedAccuracy, classificationReport } from '../src/index.js';

// sklearn's documented example: y_true = [0, 1, 2, 2, 2], y_pred = [0, 0, 2, 2, 1] (here: predicted first)
const predicted = [0, 0, 2, 2, 1];
const actual = [0, 1, 2, 2, 2];

describe('classificationReport', () => {
  it('gives each class its precision, recall, F1 and support: sklearn’s example', () => {
    // class 0: called twice (samples 1, 2), right once → precision 1/2; 1 sample, found → recall 1; F1 = 2·½·1/(½ + 1) = 2/3
    // class 1: called once (sample 5), wrongly → precision 0; 1 sample, missed → recall 0; F1 0
    // class 2: called twice, right twice → precision 1; 3 samples, 2 found → recall 2/3; F1 = 2·1·⅔/(1 + ⅔) = 0.8
    const report = classificationReport(predicted, actual);
    expect(report.labels).toEqual([0, 1, 2]);
    expect(report.classes.map(({ label, precision, recall, support }) => [label, precision, recall, support])).toEqual([
      [0, 0.5, 1, 1],
      [1, 0, 0, 1],
      [2, 1, 2 / 3, 3],
    ]);
    expect(report.classes.map((c) => c.f1)).toEqual([2 / 3, 0, 0.8]);
    expect(Math.abs(report.classes[2].f1 - 0.8)).toBeLessThan(1e-15);
  });
  it('averages them plainly (macro) and by support (weighted), as sklearn: macro 0.50/0.56/0.49, weighted 0.70/0.60/0.61', () => {
    const { macro, weighted, accuracy: right } = classificationReport(predicted, actual);
    // macro: (0.5 + 0 + 1)/3 = 0.5, (1 + 0 + ⅔)/3 = 5/9, (⅔ + 0 + 0.8)/3 = 22/45
    expect([macro.precision, macro.support]).toEqual([0.5, 5]);
    expect(Math.abs(macro.recall - 5 / 9)).toBeLessThan(1e-15);
    expect(Math.abs(macro.f1 - 22 / 45)).toBeLessThan(1e-15);
    // weighted by support 1, 1, 3: (0.5 + 0 + 3)/5 = 0.7, (1 + 0 + 2)/5 = 0.6, (⅔ + 0 + 2.4)/5 ≈ 0.613
    expect(Math.abs(weighted.precision - 0.7)).toBeLessThan(1e-15);
    expect(Math.abs(weighted.recall - 0.6)).toBeLessThan(1e-15);
    expect(Math.abs(weighted.f1 - (2 / 3 + 2.4) / 5)).toBeLessThan(1e-15);
    expect(right).toBe(0.6);
  });
  it('agrees with accuracy and balancedAccuracy on the same answers', () => {
    const report = classificationReport(predicted, actual);
    expect([report.accuracy, report.balancedAccuracy]).toEqual([accuracy(predicted, actual), balancedAccuracy(predicted, actual)]);
  });
  it('shows the majority-class baseline: always answering the most common class', () => {
    // 9 "no", 1 "yes"; the model finds the "yes" once and calls one "no" a "yes"
    const truth = [...Array(9).fill('no'), 'yes'];
    const model = ['yes', ...Array(8).fill('no'), 'yes'];
    const { baseline, balancedAccuracy: balanced } = classificationReport(model, truth);
    // always "no": accuracy 9/10; recall 1 for no, 0 for yes → balanced 1/2; F1(no) = 2·0.9·1/1.9, F1(yes) = 0 → macro F1/2
    expect(baseline).toEqual({ label: 'no', accuracy: 0.9, balancedAccuracy: 0.5, macroF1: (2 * 0.9) / 1.9 / 2 });
    expect(balanced).toBe((8 / 9 + 1) / 2);
  });
  it('gives a tie for the majority to the first class in order, and a class nobody has a support of 0 (counted in the macro average, as sklearn)', () => {
    const report = classificationReport(['a', 'b', 'c'], ['b', 'a', 'a'], ['c', 'b', 'a']);
    expect(report.baseline.label).toBe('a'); // a has 2, b has 1
    expect(classificationReport(['a', 'b'], ['b', 'a']).baseline.label).toBe('a'); // 1 each: the first
    expect(report.classes[0]).toEqual({ label: 'c', precision: 0, recall: 0, f1: 0, support: 0 }); // called once, never right
  });
  it('takes a matrix beside a matrix, or beside names with labels for its rows', () => {
    const P = Matrix.from([[0.9, 0.6, 0.2], [0.1, 0.4, 0.8]]); // argmax 0, 0, 1
    const Y = Matrix.from([[1, 0, 0], [0, 1, 1]]);
    expect(classificationReport(P, Y).accuracy).toBe(2 / 3);
    expect(classificationReport(P, ['cat', 'dog', 'dog'], ['cat', 'dog']).labels).toEqual(['cat', 'dog']);
  });
  it('prints an aligned table: the classes, the averages, then the model beside the baseline', () => {
    const report = classificationReport(['no', 'no', 'yes', 'no', 'no', 'yes'], ['no', 'no', 'yes', 'yes', 'no', 'no']);
    // no: called 4 times, right 3 → precision 0.75; 4 samples, 3 found → recall 0.75. yes: called 2, right 1; 2 samples, 1 found
    expect(`\n${report.toString()}`).toBe(`
              precision  recall  f1-score  support
no                0.750   0.750     0.750        4
yes               0.500   0.500     0.500        2

accuracy                            0.667        6
macro avg         0.625   0.625     0.625        6
weighted avg      0.667   0.667     0.667        6

                   model  always "no"
accuracy           0.667        0.667
balanced accuracy  0.625        0.500
macro F1           0.625        0.400`);
  });
  it('escapes control characters in class names when printing', () => {
    const text = classificationReport(['a\u001b[2J', 'b'], ['a\u001b[2J', 'b']).toString();
    expect(text).toContain('a\\u001b[2J');
    expect(text).not.toContain('\u001b');
  });
  it('is frozen, and leaves its arguments unchanged', () => {
    const p = ['a', 'b'];
    const report = classificationReport(p, ['a', 'a']);
    expect(Object.isFrozen(report)).toBe(true);
    expect(p).toEqual(['a', 'b']);
  });
});
