/**
 * How good is it, on samples it never trained on: the class a network picks
 * (argmax), the fraction it gets right (accuracy), where it goes wrong
 * (confusionMatrix), and for a regression the size of its errors
 * (meanAbsoluteError, rootMeanSquaredError) and the share of the variance it
 * explains (r2). The formulas are scikit-learn's (sklearn.metrics), so the
 * numbers agree with a Python notebook on the same predictions.
 */
import { ShapeError, ValueError, describeValue } from '../core/errors.js';
import { printable } from '../core/format.js';
import { type Matrix, type MatrixInput, toMatrix } from '../core/matrix.js';
import { type Label, type Labels, checkLabelList, pairOfClasses, refuseClassNames, sortLabels } from './classes.js';

export { type Label, type Labels, argmax, checkLabelList, sortLabels } from './classes.js';

/**
 * The fraction of samples whose predicted class is the actual one: (right answers) / (samples), as
 * sklearn.metrics.accuracy_score. Both arguments are class names (`net.classify`'s answers count as
 * names), or both classes × samples matrices (one-hot targets, predicted probabilities: the argmax of
 * each column is its class; a single row is a sigmoid's p). Unlike things (names beside a matrix, '1'
 * beside 1, names that share no class) are a ValueError, never a silent 0 (classes.ts).
 * @example accuracy(['cat', 'dog', 'dog', 'cat'], ['cat', 'dog', 'cat', 'cat']) //=> 0.75   (3 of 4)
 * @example accuracy(Matrix.from([[0.8, 0.4], [0.2, 0.6]]), Matrix.from([[1, 1], [0, 0]])) //=> 0.5
 */
export function accuracy(predicted: Labels, actual: Labels): number {
  const [p, a] = pairOfClasses(predicted, actual, 'accuracy');
  let right = 0;
  for (let n = 0; n < p.length; n++) if (p[n] === a[n]) right++;
  return right / p.length;
}

/**
 * The mean of each class's recall, (1/k)·Σ_c (right answers in class c) / (samples of class c), over the
 * k classes that `actual` holds (sklearn's balanced_accuracy_score). Always answering the most common
 * class scores 1/k, however rare the others are; accuracy can look high for the same answers.
 * Arguments as for `accuracy`.
 * @example balancedAccuracy(['no', 'no', 'no', 'no'], ['no', 'no', 'no', 'yes']) //=> 0.5   ((3/3 + 0/1) / 2)
 */
export function balancedAccuracy(predicted: Labels, actual: Labels): number {
  const [p, a] = pairOfClasses(predicted, actual, 'balancedAccuracy');
  const right = new Map<Label, number>();
  const support = new Map<Label, number>();
  for (let n = 0; n < a.length; n++) {
    support.set(a[n], (support.get(a[n]) ?? 0) + 1);
    if (p[n] === a[n]) right.set(a[n], (right.get(a[n]) ?? 0) + 1);
  }
  let sum = 0;
  for (const [c, count] of support) sum += (right.get(c) ?? 0) / count; // recall of class c
  return sum / support.size;
}

/** A table of counts: how often each actual class (row) was predicted as each class (column). */
export interface ConfusionMatrix {
  /** The classes, in the order of the rows and columns. */
  readonly labels: readonly Label[];
  /** counts[i][j]: samples of class labels[i] predicted as labels[j] (the diagonal is right). */
  readonly counts: readonly (readonly number[])[];
  /** The number of samples counted. */
  readonly total: number;
  /** An aligned text table, actual classes down, predicted across, with totals. */
  toString(): string;
}

/**
 * Counts of (actual, predicted) pairs: row i is the actual class labels[i], column j the predicted
 * class labels[j], as sklearn.metrics.confusion_matrix. `labels` fixes the order (a class nobody
 * predicted and no sample has still gets its row) and names a matrix's rows (row i is labels[i], so a
 * matrix can stand beside names); by default it is every class seen, sorted (for matrices: the row
 * numbers 0, 1, …). Arguments as for `accuracy`.
 * @example confusionMatrix(['a', 'b', 'b'], ['a', 'a', 'b']).counts //=> [[1, 1], [0, 1]]
 */
export function confusionMatrix(predicted: Labels, actual: Labels, labels?: readonly Label[]): ConfusionMatrix {
  const where = 'confusionMatrix';
  const given = labels === undefined ? undefined : checkLabelList(labels, where, 'labels');
  const [p, a] = pairOfClasses(predicted, actual, where, given);
  const classes = given ?? sortLabels([...new Set([...a, ...p])]);
  const counts = countPairs(p, a, classes, where);
  return Object.freeze({
    labels: Object.freeze(classes),
    counts: Object.freeze(counts.map((row) => Object.freeze(row))),
    total: p.length,
    toString: () => confusionTable(classes, counts),
  });
}

/**
 * counts[i][j]: how many samples of actual class classes[i] were predicted as classes[j]; a class
 * missing from `classes` is an error naming the sample.
 */
export function countPairs(
  p: readonly Label[],
  a: readonly Label[],
  classes: readonly Label[],
  where: string,
): number[][] {
  const index = new Map(classes.map((label, i) => [label, i]));
  const counts = classes.map(() => classes.map(() => 0));
  for (let n = 0; n < p.length; n++) {
    const i = index.get(a[n]);
    const j = index.get(p[n]);
    for (const [at, label, which] of [
      [i, a[n], 'actual'],
      [j, p[n], 'predicted'],
    ] as const) {
      if (at === undefined) {
        throw new ValueError(
          `${where}: ${which} sample ${n + 1} is ${describeValue(label)} but labels are ${classes.map((c) => describeValue(c)).join(', ')} (every class must be listed)`,
        );
      }
    }
    counts[i as number][j as number]++;
  }
  return counts;
}

/**
 * The table `confusionMatrix(…).toString()` prints: actual classes down, predicted across,
 * numbers right-aligned, a total per row and per column. Class names are printed with their
 * control characters escaped (a name is data: it must not move the cursor or recolour the terminal).
 */
function confusionTable(labels: readonly Label[], counts: readonly (readonly number[])[]): string {
  const names = labels.map((label) => printable(String(label)));
  const rowTotals = counts.map((row) => row.reduce((s, c) => s + c, 0));
  const colTotals = names.map((_, j) => counts.reduce((s, row) => s + row[j], 0));
  const total = rowTotals.reduce((s, c) => s + c, 0);
  const header = ['actual \\ predicted', ...names, 'total'];
  const body = names.map((name, i) => [name, ...counts[i].map(String), String(rowTotals[i])]);
  const footer = ['total', ...colTotals.map(String), String(total)];
  return alignedTable([header, ...body, footer]);
}

/**
 * Rows of cells as aligned text: the first column padded on the right, the others on the left (numbers
 * line up), two spaces between columns. Used by the confusion matrix and the classification report.
 */
export function alignedTable(table: readonly (readonly string[])[]): string {
  const widths = table[0].map((_, k) => Math.max(...table.map((row) => [...(row[k] ?? '')].length)));
  const pad = (cell: string, k: number) => {
    const space = ' '.repeat(widths[k] - [...cell].length);
    return k === 0 ? cell + space : space + cell;
  };
  return table.map((row) => row.map(pad).join('  ').trimEnd()).join('\n');
}

/**
 * The mean size of the errors, in the target's units: MAE = Σ|ŷ − y| / m (sklearn's
 * mean_absolute_error). Lists of numbers, or outputs × samples matrices (every output weighs the same).
 * @example meanAbsoluteError([3, 5, 2], [2, 5, 4]) //=> 1   ((1 + 0 + 2) / 3)
 */
export function meanAbsoluteError(predicted: MatrixInput, actual: MatrixInput): number {
  return perOutput(predicted, actual, 'meanAbsoluteError', (p, a) => mean(p.map((x, n) => Math.abs(x - a[n]))));
}

/**
 * The typical error, punishing large ones more: RMSE = √(Σ(ŷ − y)² / m) (sklearn's
 * root_mean_squared_error; with several outputs, the mean of each output's RMSE).
 * @example rootMeanSquaredError([3, 5, 2], [2, 5, 4]) //=> Math.sqrt(5 / 3)   ((1 + 0 + 4) / 3)
 */
export function rootMeanSquaredError(predicted: MatrixInput, actual: MatrixInput): number {
  return perOutput(predicted, actual, 'rootMeanSquaredError', (p, a) =>
    Math.sqrt(mean(p.map((x, n) => (x - a[n]) ** 2))),
  );
}

/**
 * The coefficient of determination: R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)², the share of the targets' variance
 * the predictions explain (1 is perfect, 0 is no better than always answering the mean ȳ, and it can be
 * negative). As sklearn's r2_score: with constant targets R² is 1 for perfect predictions and 0 otherwise;
 * with several outputs, the mean of each output's R². Computed on scaled values, so targets near 1e-200
 * or 1e300 give the same R² as the same numbers near 1 (the sums of squares neither underflow to 0 nor overflow).
 * @example r2([1, 2, 4], [1, 2, 3]) //=> 0.5   (ȳ = 2: 1 − Σ(y − ŷ)² / Σ(y − ȳ)² = 1 − 1/2)
 */
export function r2(predicted: MatrixInput, actual: MatrixInput): number {
  return perOutput(predicted, actual, 'r2', (p, a) => {
    if (a.every((y) => y === a[0])) return p.every((yHat, n) => yHat === a[n]) ? 1 : 0; // constant targets (sklearn)
    const plain = sumsOfSquares(a, p, 1);
    if (plain.total > 1e-200 && Number.isFinite(plain.residual + plain.total)) return 1 - plain.residual / plain.total;
    // The sums underflowed or overflowed: measure everything in units of s = max |y|, |ŷ| (values within
    // [−1, 1]), then the squares in units of t = max |y − ȳ| (the largest term of Σ(y − ȳ)² is 1).
    const s = Math.max(maxAbs(a), maxAbs(p));
    const y = a.map((v) => v / s);
    const yHat = p.map((v) => v / s);
    const t = maxAbs(y, mean(y));
    if (t === 0) {
      throw new ValueError(
        `r2: the targets differ by less than float64 can tell beside predictions as large as ${s} (R² is beyond float64: compare values of similar size)`,
      );
    }
    const { residual, total } = sumsOfSquares(y, yHat, t);
    return 1 - residual / total; // the ratio is the same in any units
  });
}

/** Σ((y − ŷ)/unit)² and Σ((y − ȳ)/unit)², R²'s two sums of squares, in units of `unit`. */
function sumsOfSquares(y: readonly number[], yHat: readonly number[], unit: number) {
  const yBar = mean(y);
  let residual = 0;
  let total = 0;
  for (let n = 0; n < y.length; n++) {
    residual += ((y[n] - yHat[n]) / unit) ** 2; // Σ(y − ŷ)²
    total += ((y[n] - yBar) / unit) ** 2; // Σ(y − ȳ)²
  }
  return { residual, total };
}

/** max |v − shift| over the values, in a loop (Math.max(...list) overflows the call stack past ~10⁵ samples). */
function maxAbs(values: readonly number[], shift = 0): number {
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v - shift));
  return max;
}

function mean(values: readonly number[]): number {
  return values.reduce((s, x) => s + x, 0) / values.length;
}

/** A regression metric of each output (row), averaged: both arguments numbers, of the same shape. */
function perOutput(
  predicted: MatrixInput,
  actual: MatrixInput,
  where: string,
  metric: (p: number[], a: number[]) => number,
): number {
  refuseClassNames(predicted, where, 'predicted');
  refuseClassNames(actual, where, 'actual');
  const p = toMatrix(predicted, where, 'predicted');
  const a = toMatrix(actual, where, 'actual');
  if (p.rows !== a.rows || p.cols !== a.cols) {
    const transposed = p.rows === a.cols && p.cols === a.rows;
    throw new ShapeError(
      `${where}: predicted is ${p.rows}×${p.cols} but actual is ${a.rows}×${a.cols} (${transposed ? 'one is the transpose of the other: net.predict answers one row per sample, Y has one column per sample; transpose one' : 'one prediction per actual value'})`,
    );
  }
  const row = (m: Matrix, i: number) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols));
  let sum = 0;
  for (let i = 0; i < p.rows; i++) sum += metric(row(p, i), row(a, i));
  const result = sum / p.rows;
  if (!Number.isFinite(result)) {
    throw new ValueError(
      `${where}: the result is ${result} but it must be finite (the errors grew past float64's ±1.8e308: the values are too large to compare)`,
    );
  }
  return result;
}
