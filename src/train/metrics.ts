/**
 * How good is it, on samples it never trained on: the class a network picks
 * (argmax), the fraction it gets right (accuracy), where it goes wrong
 * (confusionMatrix), and for a regression the size of its errors
 * (meanAbsoluteError, rootMeanSquaredError) and the share of the variance it
 * explains (r2). The formulas are scikit-learn's (sklearn.metrics), so the
 * numbers agree with a Python notebook on the same predictions.
 */
import { ShapeError, ValueError, describeValue, plural } from '../core/errors.js';
import type { Classification } from '../core/labels.js';
import { Matrix, type MatrixInput, toMatrix } from '../core/matrix.js';

/** A class as data files write it: a name, a number or a boolean. */
export type Label = string | number | boolean;

/**
 * The row of the largest entry of each column (the class a classifier picks): M is classes × samples →
 * one index per sample, counting from 0; a tie goes to the first row, as numpy's argmax.
 * @example argmax([[0.1, 0.7], [0.9, 0.3]]) //=> [1, 0]
 */
export function argmax(M: MatrixInput): number[] {
  const m = toMatrix(M, 'argmax', 'M');
  return Array.from({ length: m.cols }, (_, j) => {
    let best = 0;
    for (let i = 1; i < m.rows; i++) if (m.data[i * m.cols + j] > m.data[best * m.cols + j]) best = i;
    return best;
  });
}

/** Predictions or truths as metrics take them: labels, classify's answers, or a classes × samples matrix. */
export type Labels = readonly Label[] | readonly Classification[] | Matrix;

/**
 * The fraction of samples whose predicted class is the actual one: (right answers) / (samples), as
 * sklearn.metrics.accuracy_score. Each argument is a list of labels, `net.classify`'s answers, or a
 * classes × samples matrix (one-hot targets or predicted probabilities: its argmax is the class).
 * @example accuracy(['cat', 'dog', 'dog', 'cat'], ['cat', 'dog', 'cat', 'cat']) //=> 0.75   (3 of 4)
 * @example accuracy(Matrix.from([[0.8, 0.4], [0.2, 0.6]]), Matrix.from([[1, 1], [0, 0]])) //=> 0.5
 */
export function accuracy(predicted: Labels, actual: Labels): number {
  const [p, a] = pairOfLabels(predicted, actual, 'accuracy');
  let right = 0;
  for (let n = 0; n < p.length; n++) if (p[n] === a[n]) right++;
  return right / p.length;
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
 * predicted and no sample has still gets its row); by default it is every class seen, sorted (for a
 * matrix: the row numbers 0, 1, …). Arguments as for `accuracy`.
 * @example confusionMatrix(['a', 'b', 'b'], ['a', 'a', 'b']).counts //=> [[1, 1], [0, 1]]
 */
export function confusionMatrix(predicted: Labels, actual: Labels, labels?: readonly Label[]): ConfusionMatrix {
  const where = 'confusionMatrix';
  let [p, a] = pairOfLabels(predicted, actual, where);
  let classes: Label[];
  if (labels === undefined) {
    classes = sortLabels([...new Set([...a, ...p])]);
  } else {
    classes = checkLabelList(labels, where, 'labels');
    // Matrices give row numbers; with labels given, row i is labels[i].
    if (predicted instanceof Matrix) p = p.map((i) => classes[i as number]);
    if (actual instanceof Matrix) a = a.map((i) => classes[i as number]);
  }
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
  return Object.freeze({
    labels: Object.freeze(classes),
    counts: Object.freeze(counts.map((row) => Object.freeze(row))),
    total: p.length,
    toString: () => confusionTable(classes, counts),
  });
}

/**
 * The table `confusionMatrix(…).toString()` prints: actual classes down, predicted across,
 * numbers right-aligned, a total per row and per column.
 */
function confusionTable(labels: readonly Label[], counts: readonly (readonly number[])[]): string {
  const names = labels.map(String);
  const rowTotals = counts.map((row) => row.reduce((s, c) => s + c, 0));
  const colTotals = names.map((_, j) => counts.reduce((s, row) => s + row[j], 0));
  const total = rowTotals.reduce((s, c) => s + c, 0);
  const corner = 'actual \\ predicted';
  const header = [corner, ...names, 'total'];
  const body = names.map((name, i) => [name, ...counts[i].map(String), String(rowTotals[i])]);
  const footer = ['total', ...colTotals.map(String), String(total)];
  const table = [header, ...body, footer];
  const widths = header.map((_, k) => Math.max(...table.map((row) => row[k].length)));
  return table
    .map((row) => row.map((cell, k) => (k === 0 ? cell.padEnd(widths[k]) : cell.padStart(widths[k]))).join('  '))
    .join('\n');
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
 * with several outputs, the mean of each output's R².
 * @example r2([1, 2, 4], [1, 2, 3]) //=> 0.5   (ȳ = 2: 1 − Σ(y − ŷ)² / Σ(y − ȳ)² = 1 − 1/2)
 */
export function r2(predicted: MatrixInput, actual: MatrixInput): number {
  return perOutput(predicted, actual, 'r2', (p, a) => {
    const yBar = mean(a);
    const residual = a.reduce((s, y, n) => s + (y - p[n]) ** 2, 0); // Σ(y − ŷ)²
    const total = a.reduce((s, y) => s + (y - yBar) ** 2, 0); // Σ(y − ȳ)²
    if (total === 0) return residual === 0 ? 1 : 0;
    return 1 - residual / total;
  });
}

function mean(values: readonly number[]): number {
  return values.reduce((s, x) => s + x, 0) / values.length;
}

/** A regression metric of each output (row), averaged: both arguments the same shape. */
function perOutput(
  predicted: MatrixInput,
  actual: MatrixInput,
  where: string,
  metric: (p: number[], a: number[]) => number,
): number {
  const p = toMatrix(predicted, where, 'predicted');
  const a = toMatrix(actual, where, 'actual');
  if (p.rows !== a.rows || p.cols !== a.cols) {
    throw new ShapeError(
      `${where}: predicted is ${p.rows}×${p.cols} but actual is ${a.rows}×${a.cols} (one prediction per actual value)`,
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

/** Both arguments as lists of labels of the same length (a matrix gives its argmax per column). */
function pairOfLabels(predicted: Labels, actual: Labels, where: string): [Label[], Label[]] {
  const p = readLabels(predicted, where, 'predicted');
  const a = readLabels(actual, where, 'actual');
  if (p.length !== a.length) {
    throw new ShapeError(
      `${where}: predicted has ${plural(p.length, 'sample')} but actual has ${a.length} (one prediction per sample)`,
    );
  }
  if (p.length === 0) throw new ValueError(`${where}: there are no samples (give at least one)`);
  return [p, a];
}

function readLabels(value: Labels, where: string, name: string): Label[] {
  if (value instanceof Matrix) return argmax(value);
  if (!Array.isArray(value)) {
    throw new ValueError(
      `${where}: ${name} is ${describeValue(value)} but it must be a list of labels, net.classify's answers, or a classes × samples Matrix`,
    );
  }
  return value.map((entry: unknown, n) => {
    if (typeof entry === 'object' && entry !== null && 'label' in entry) entry = (entry as Classification).label;
    if (!isLabel(entry)) {
      throw new ValueError(
        `${where}: ${name} entry ${n + 1} is ${describeValue(entry)} but labels are strings, finite numbers or booleans`,
      );
    }
    return entry;
  });
}

function isLabel(x: unknown): x is Label {
  return typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x));
}

/** A list of distinct labels, checked and copied. */
export function checkLabelList(labels: unknown, where: string, name: string): Label[] {
  if (!Array.isArray(labels) || labels.length === 0) {
    throw new ValueError(`${where}: ${name} is ${describeValue(labels)} but it must be a non-empty list of classes`);
  }
  const seen = new Set<Label>();
  return labels.map((label: unknown, n) => {
    if (!isLabel(label)) {
      throw new ValueError(
        `${where}: ${name} entry ${n + 1} is ${describeValue(label)} but labels are strings, finite numbers or booleans`,
      );
    }
    if (seen.has(label))
      throw new ValueError(`${where}: ${name} lists ${describeValue(label)} twice (each class once)`);
    seen.add(label);
    return label;
  });
}

/**
 * Labels in the library's one order, the same on every machine and for any order of the rows:
 * numbers from small to large, then strings (and booleans as "false", "true") by code unit.
 * @example sortLabels(['b', 'a', 10, 9]) //=> [9, 10, 'a', 'b']
 */
export function sortLabels<L extends Label>(labels: readonly L[]): L[] {
  return labels.slice().sort((x, y) => {
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    const [a, b] = [String(x), String(y)];
    return a < b ? -1 : a > b ? 1 : 0;
  });
}
