/**
 * From data as it comes (a list of objects, one per sample, as `JSON.parse`
 * or a CSV reader gives it) to what a network trains on: X, one row per input
 * feature and one column per sample, and Y, the targets, one-hot for classes.
 *
 *   records  [{ beak: 39.1, island: 'Biscoe', species: 'Adelie' }, …]       (samples as rows)
 *   X        features × samples: beak, island=Biscoe, island=Dream, …      (a category becomes 0/1 rows)
 *   Y        classes × samples: one-hot, Y[c][j] = 1 when sample j is labels[c]
 *
 * Every class and category list is sorted (numbers by value, text by code
 * unit), so the same file gives the same columns in any row order, on any machine.
 */
import { ValueError, describeValue, plural } from '../core/errors.js';
import { Matrix } from '../core/matrix.js';
import { checkOptions, didYouMean, isFiniteNumber } from '../core/validate.js';
import { type Label, checkLabelList, sortLabels } from './metrics.js';

/** One sample as data files hold it: column name → value. */
export type DataRecord = Readonly<Record<string, unknown>>;

/** What `fromRecords` takes besides the records. */
export interface FromRecordsOptions {
  /** The input columns, in order: numbers, or categories (strings, booleans), which become one 0/1 feature each. */
  inputs: readonly string[];
  /** The column to predict: text or booleans make a classification (one-hot Y), numbers a regression. */
  target: string;
  /** What a missing value (absent, null, '' or NaN) in those columns does: 'error' (the default) or 'drop' the record. */
  missing?: 'error' | 'drop';
  /**
   * 'auto' (the default): numbers in the target make a regression, text or booleans a classification.
   * 'classification' also takes numbers as class names (a 0/1 column, digits 0–9: classes sorted by value).
   */
  task?: 'auto' | 'classification' | 'regression';
}

/** Every default of fromRecords (`inputs` and `target` are required). */
export const FROM_RECORDS_DEFAULTS = Object.freeze({
  missing: 'error' as 'error' | 'drop',
  task: 'auto' as 'auto' | 'classification' | 'regression',
});

/** What `fromRecords` returns: the matrices to train on and the names that give them meaning. */
export interface RecordData {
  /** features × samples. */
  X: Matrix;
  /** classes × samples, one-hot (classification), or 1 × samples (regression). */
  Y: Matrix;
  /** The name of each row of X: an input column, or `column=category` for each category of a categorical one. */
  features: string[];
  /** The classes, in the order of Y's rows (classification only; booleans become "false" and "true"). */
  labels?: string[];
  /** The target of each sample: its class name, or its number for a regression. */
  targets: (string | number)[];
  /** The records kept, in order (the same objects, not copies). */
  records: DataRecord[];
  /** How many records `missing: 'drop'` left out (0 with 'error'). */
  dropped: number;
}

/** True for what counts as a missing value: absent (undefined), null, an empty string, NaN. */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '' || Number.isNaN(value);
}

/**
 * X and Y from a list of records: `inputs` become the rows of X (a categorical column one 0/1 row per
 * category, named `column=category` in `features`), `target` becomes Y (one-hot rows for classes,
 * named in `labels`; one row of numbers for a regression). Classes and categories are sorted.
 * Rows count from 1 in messages, as a spreadsheet does (CSV line = row + 1, after the header).
 * @example const data = fromRecords([{ x: 1, kind: 'b' }, { x: 2, kind: 'a' }], { inputs: ['x'], target: 'kind' });
 * [data.X.toArray(), data.Y.toArray(), data.labels] //=> [[[1, 2]], [[0, 1], [1, 0]], ['a', 'b']]
 */
export function fromRecords(records: readonly DataRecord[], options: FromRecordsOptions): RecordData {
  const where = 'fromRecords';
  if (!Array.isArray(records) || records.length === 0) {
    throw new ValueError(`${where}: records is ${describeValue(records)} but it must be a non-empty list of objects`);
  }
  const o = checkOptions(options, FROM_RECORDS_DEFAULTS, where, ['inputs', 'target']);
  const missing = o.missing ?? FROM_RECORDS_DEFAULTS.missing;
  if (missing !== 'error' && missing !== 'drop') {
    throw new ValueError(`${where}: missing is ${describeValue(missing)} but it must be 'error' or 'drop'`);
  }
  const task = o.task ?? FROM_RECORDS_DEFAULTS.task;
  if (task !== 'auto' && task !== 'classification' && task !== 'regression') {
    throw new ValueError(
      `${where}: task is ${describeValue(task)} but it must be 'auto', 'classification' or 'regression'`,
    );
  }
  records.forEach((record: unknown, n) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new ValueError(`${where}: row ${n + 1} is ${describeValue(record)} but each record must be an object`);
    }
  });
  const { inputs, target } = checkColumns(records, o.inputs, o.target, where);
  const columns = [...inputs, target];

  // Missing values: an error naming the first, or the record is dropped.
  const kept: DataRecord[] = [];
  records.forEach((record, n) => {
    const empty = columns.find((column) => isMissing(record[column]));
    if (empty === undefined) kept.push(record);
    else if (missing === 'error') {
      throw new ValueError(
        `${where}: row ${n + 1} has ${describeValue(record[empty])} in column ${JSON.stringify(empty)} but missing is 'error' (pass missing: 'drop' to leave such rows out)`,
      );
    }
  });
  if (kept.length === 0) {
    throw new ValueError(
      `${where}: every one of the ${plural(records.length, 'row')} has a missing value in ${columns.map((c) => JSON.stringify(c)).join(', ')}, so none is left`,
    );
  }
  const rowOf = new Map(records.map((record, n) => [record, n + 1])); // messages name the row in the input

  // Each input column: numbers (one feature) or categories (one 0/1 feature per category).
  const m = kept.length;
  const features: string[] = [];
  const rows: Float64Array[] = [];
  for (const column of inputs) {
    const values = kept.map((record) => record[column]);
    if (values.some((v) => typeof v === 'number')) {
      const row = new Float64Array(m);
      values.forEach((v, j) => {
        if (!isFiniteNumber(v)) throw badNumber(where, rowOf.get(kept[j])!, column, v);
        row[j] = v;
      });
      features.push(column);
      rows.push(row);
    } else {
      const names = values.map((v, j) => categoryName(v, where, rowOf.get(kept[j])!, column));
      for (const category of sortLabels([...new Set(names)])) {
        features.push(`${column}=${category}`);
        rows.push(Float64Array.from(names, (name) => (name === category ? 1 : 0)));
      }
    }
  }
  const X = new Matrix(rows.length, m);
  rows.forEach((row, i) => X.data.set(row, i * m));

  // The target: numbers make a regression, text or booleans a classification (unless task says which).
  const values = kept.map((record) => record[target]);
  let Y: Matrix;
  let labels: string[] | undefined;
  let targets: (string | number)[];
  const regression = task === 'regression' || (task === 'auto' && values.some((v) => typeof v === 'number'));
  if (regression) {
    targets = values.map((v, j) => {
      if (!isFiniteNumber(v)) throw badNumber(where, rowOf.get(kept[j])!, target, v);
      return v;
    });
    Y = new Matrix(1, m, Float64Array.from(targets as number[]));
  } else {
    // Class names are text; numbers given as classes are sorted by value first (9 before 10).
    const classes = values.map((v, j) => (isFiniteNumber(v) ? v : categoryName(v, where, rowOf.get(kept[j])!, target)));
    labels = sortLabels([...new Set(classes)]).map(String);
    if (new Set(labels).size < labels.length) {
      const clash = labels.find((label, i) => labels!.indexOf(label) !== i);
      throw new ValueError(
        `${where}: column ${JSON.stringify(target)} holds ${JSON.stringify(clash)} both as text and as a number or boolean but class names must be distinct as text`,
      );
    }
    targets = classes.map(String);
    Y = oneHot(targets, labels);
  }
  return { X, Y, features, ...(labels && { labels }), targets, records: kept, dropped: records.length - m };
}

/**
 * One-hot targets: a classes × samples matrix with Y[c][j] = 1 when labels[j] is classes[c], else 0.
 * `classes` fixes the order; by default it is the labels seen, sorted (numbers by value, text by code unit).
 * @example oneHot(['cat', 'dog', 'cat']).toArray() //=> [[1, 0, 1], [0, 1, 0]]   (classes: cat, dog)
 * @example oneHot([2, 0], [0, 1, 2]).toArray() //=> [[0, 1], [0, 0], [1, 0]]
 */
export function oneHot(labels: readonly Label[], classes?: readonly Label[]): Matrix {
  const where = 'oneHot';
  if (!Array.isArray(labels) || labels.length === 0) {
    throw new ValueError(`${where}: labels is ${describeValue(labels)} but it must be a non-empty list of labels`);
  }
  const order = classes === undefined ? sortLabels([...new Set(labels)]) : checkLabelList(classes, where, 'classes');
  const index = new Map<Label, number>(order.map((c, i) => [c, i]));
  const m = labels.length;
  const Y = new Matrix(order.length, m);
  labels.forEach((label, j) => {
    const c = index.get(label);
    if (c === undefined) {
      throw new ValueError(
        `${where}: labels entry ${j + 1} is ${describeValue(label)} but the classes are ${order.map((x) => describeValue(x)).join(', ')} (every label must be one of them)`,
      );
    }
    Y.data[c * m + j] = 1; // row c, column j
  });
  return Y;
}

/**
 * Rows of numbers, one per record, in the order of `features` (as `fromRecords` named them): a feature
 * that is a column's name takes its number; `column=category` is 1 when the record's column holds that
 * category and 0 when it holds another category seen in training. Used by `net.classify` on records.
 * @example encodeRecords([{ x: 3, kind: 'b' }], ['x', 'kind=a', 'kind=b'], 'classify') //=> [[3, 0, 1]]
 */
export function encodeRecords(records: readonly DataRecord[], features: readonly string[], where: string): number[][] {
  // Each feature: a numeric column, or one category of a categorical column (its other categories alongside).
  const categories = new Map<string, string[]>();
  const plan = features.map((feature) => ({ feature, column: feature, category: undefined as string | undefined }));
  return records.map((record, n) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new ValueError(`${where}: row ${n + 1} is ${describeValue(record)} but it must be a record (an object)`);
    }
    return plan.map((step) => {
      if (Object.hasOwn(record, step.feature)) {
        const v = record[step.feature];
        if (isMissing(v)) throw missingIn(where, n + 1, step.feature, v);
        if (!isFiniteNumber(v)) throw badNumber(where, n + 1, step.feature, v);
        return v;
      }
      // column=category, split at the first "=" whose left side is a column of the record
      const at = [...step.feature.matchAll(/=/g)]
        .map((match) => match.index)
        .find((i) => Object.hasOwn(record, step.feature.slice(0, i)));
      if (at === undefined) {
        throw new ValueError(
          `${where}: row ${n + 1} has no column ${JSON.stringify(step.feature)}${didYouMean(step.feature, Object.keys(record))} but the network's features are ${features.join(', ')}`,
        );
      }
      const column = step.feature.slice(0, at);
      const value = record[column];
      if (isMissing(value)) throw missingIn(where, n + 1, column, value);
      const known =
        categories.get(column) ??
        features.filter((f) => f.startsWith(`${column}=`)).map((f) => f.slice(column.length + 1));
      categories.set(column, known);
      const name = categoryName(value, where, n + 1, column);
      if (!known.includes(name)) {
        throw new ValueError(
          `${where}: row ${n + 1} has ${describeValue(value)} in column ${JSON.stringify(column)} but the network knows only ${known.map((k) => JSON.stringify(k)).join(', ')} (a category not seen in training has no input)`,
        );
      }
      return name === step.feature.slice(at + 1) ? 1 : 0;
    });
  });
}

/** inputs and target checked: distinct strings, each a column of at least one record. */
function checkColumns(
  records: readonly DataRecord[],
  inputs: unknown,
  target: unknown,
  where: string,
): { inputs: string[]; target: string } {
  if (!Array.isArray(inputs) || inputs.length === 0 || inputs.some((c) => typeof c !== 'string')) {
    throw new ValueError(
      `${where}: inputs is ${describeValue(inputs)} but it must be a non-empty list of column names`,
    );
  }
  if (typeof target !== 'string') {
    throw new ValueError(`${where}: target is ${describeValue(target)} but it must be a column name`);
  }
  const all = [...inputs, target] as string[];
  const twice = all.find((c, i) => all.indexOf(c) !== i);
  if (twice !== undefined) {
    throw new ValueError(
      `${where}: column ${JSON.stringify(twice)} is named twice in inputs and target (each column once; the target is not an input)`,
    );
  }
  const known = [...new Set(records.flatMap((record) => Object.keys(record)))];
  for (const column of all) {
    if (!known.includes(column)) {
      throw new ValueError(
        `${where}: no record has a column ${JSON.stringify(column)}${didYouMean(column, known)} (columns: ${known.join(', ')})`,
      );
    }
  }
  return { inputs: inputs as string[], target };
}

/** A category as text: strings as they are, booleans as "true"/"false"; anything else is an error. */
function categoryName(value: unknown, where: string, row: number, column: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  throw new ValueError(
    `${where}: row ${row}, column ${JSON.stringify(column)} is ${describeValue(value)} but the column holds categories (text or booleans)`,
  );
}

function badNumber(where: string, row: number, column: string, value: unknown): ValueError {
  return new ValueError(
    `${where}: row ${row}, column ${JSON.stringify(column)} is ${describeValue(value)} but the column holds numbers (every value must be a finite number)`,
  );
}

function missingIn(where: string, row: number, column: string, value: unknown): ValueError {
  return new ValueError(
    `${where}: row ${row} has ${describeValue(value)} in column ${JSON.stringify(column)} but a prediction needs every input`,
  );
}
