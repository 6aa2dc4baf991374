/**
 * A classifier's scores class by class, beside what a model that learned nothing would score.
 *
 * For class c, from the confusion matrix (rows actual, columns predicted):
 *
 *   precision_c = right_c / predicted_c     of the samples called c, the share that are c
 *   recall_c    = right_c / support_c       of the samples of class c, the share found
 *   F1_c        = 2·precision·recall / (precision + recall)
 *
 * then their plain mean over the classes (macro average: every class counts the
 * same) and their mean weighted by support (weighted average: every sample counts
 * the same), as sklearn.metrics.classification_report. A class never predicted has
 * precision 0 (sklearn's zero_division=0). The baseline always answers the class
 * that holds most of the samples: on an imbalanced set its accuracy is high, and the
 * report shows it beside the model's, with the balanced accuracy that it cannot fake.
 */
import { printable } from '../core/format.js';
import { type Label, type Labels, checkLabelList, pairOfClasses, sortLabels } from './classes.js';
import { alignedTable, countPairs } from './metrics.js';

/** Precision, recall, F1 and support of one class, or their average. */
export interface ClassScores {
  /** Of the samples predicted as the class, the share that are: right / predicted (0 when none is predicted). */
  readonly precision: number;
  /** Of the samples of the class, the share found: right / support (0 when there are none). */
  readonly recall: number;
  /** The harmonic mean of precision and recall: 2·p·r / (p + r) (0 when both are 0). */
  readonly f1: number;
  /** The number of samples whose actual class this is (for an average: every sample). */
  readonly support: number;
}

/** What `classificationReport` returns: the scores per class, their averages, and the majority-class baseline. */
export interface ClassificationReport {
  /** The classes, in the order of `classes`. */
  readonly labels: readonly Label[];
  /** The scores of each class, in the order of `labels`. */
  readonly classes: readonly (ClassScores & { readonly label: Label })[];
  /** The fraction of samples right. */
  readonly accuracy: number;
  /** The mean recall over the classes that the actual classes hold (as `balancedAccuracy`). */
  readonly balancedAccuracy: number;
  /** The plain mean over the classes: every class counts the same. */
  readonly macro: ClassScores;
  /** The mean weighted by support: every sample counts the same. */
  readonly weighted: ClassScores;
  /** Always answering the most common actual class (the first in `labels` on a tie): what learning nothing scores. */
  readonly baseline: {
    readonly label: Label;
    readonly accuracy: number;
    readonly balancedAccuracy: number;
    readonly macroF1: number;
  };
  /** An aligned table: one row per class, the averages, then the model beside the baseline. */
  toString(): string;
}

/**
 * Precision, recall, F1 and support for each class, their macro and weighted averages, the accuracy and
 * balanced accuracy, and the same scores for always answering the most common class (the baseline).
 * Arguments as for `accuracy`; `labels` as for `confusionMatrix` (the order, and the names of a matrix's rows).
 * @example classificationReport(['no', 'no', 'yes', 'no'], ['no', 'no', 'yes', 'yes']).classes[1] //=> { label: 'yes', precision: 1, recall: 0.5, f1: 2 / 3, support: 2 }
 */
export function classificationReport(
  predicted: Labels,
  actual: Labels,
  labels?: readonly Label[],
): ClassificationReport {
  const where = 'classificationReport';
  const given = labels === undefined ? undefined : checkLabelList(labels, where, 'labels');
  const [p, a] = pairOfClasses(predicted, actual, where, given);
  const classes = given ?? sortLabels([...new Set([...a, ...p])]);
  const counts = countPairs(p, a, classes, where);
  const total = p.length;
  const scores = classes.map((label, c) => {
    const right = counts[c][c];
    const support = counts[c].reduce((s, n) => s + n, 0); // row c: the samples of class c
    const called = counts.reduce((s, row) => s + row[c], 0); // column c: the samples predicted as c
    return { label, ...scoresOf(right, called, support) };
  });
  const present = scores.filter((s) => s.support > 0);
  const average = (weight: (s: ClassScores) => number): ClassScores => {
    const sum = scores.reduce((s, c) => s + weight(c), 0);
    const mean = (key: 'precision' | 'recall' | 'f1') => scores.reduce((s, c) => s + weight(c) * c[key], 0) / sum;
    return { precision: mean('precision'), recall: mean('recall'), f1: mean('f1'), support: total };
  };
  const right = counts.reduce((s, row, i) => s + row[i], 0); // the diagonal
  // The baseline answers the majority class m for every sample: right on its support_m samples.
  const majority = present.reduce((best, s) => (s.support > best.support ? s : best), present[0]);
  const majorityF1 = scoresOf(majority.support, total, majority.support).f1;
  const report = {
    labels: classes,
    classes: scores,
    accuracy: right / total,
    balancedAccuracy: present.reduce((s, c) => s + c.recall, 0) / present.length,
    macro: average(() => 1),
    weighted: average((s) => s.support),
    baseline: {
      label: majority.label,
      accuracy: majority.support / total,
      balancedAccuracy: 1 / present.length, // recall 1 for the majority class, 0 for every other
      macroF1: majorityF1 / classes.length, // F1 0 for every other class
    },
  };
  return Object.freeze({ ...report, toString: () => reportTable(report) });
}

/** Precision, recall and F1 from counts; a share of nothing is 0 (sklearn's zero_division=0). */
function scoresOf(right: number, called: number, support: number): ClassScores {
  const precision = called > 0 ? right / called : 0;
  const recall = support > 0 ? right / support : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, support };
}

/** The report as text: scores with three decimals, class names with control characters escaped. */
function reportTable(report: Omit<ClassificationReport, 'toString'>): string {
  const f = (x: number) => x.toFixed(3);
  const row = (name: string, s: ClassScores) => [name, f(s.precision), f(s.recall), f(s.f1), String(s.support)];
  const total = String(report.macro.support);
  const scores = alignedTable([
    ['', 'precision', 'recall', 'f1-score', 'support'],
    ...report.classes.map((s) => row(printable(String(s.label)), s)),
    [''],
    ['accuracy', '', '', f(report.accuracy), total],
    row('macro avg', report.macro),
    row('weighted avg', report.weighted),
  ]);
  const { baseline } = report;
  const beside = alignedTable([
    ['', 'model', `always ${printable(JSON.stringify(baseline.label))}`],
    ['accuracy', f(report.accuracy), f(baseline.accuracy)],
    ['balanced accuracy', f(report.balancedAccuracy), f(baseline.balancedAccuracy)],
    ['macro F1', f(report.macro.f1), f(baseline.macroF1)],
  ]);
  return `${scores}\n\n${beside}`;
}
