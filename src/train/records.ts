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
import { type Impute, categoriesByColumn } from '../core/impute.js';
import { Matrix } from '../core/matrix.js';
import { checkEntries, checkOptions, didYouMean, isFiniteNumber } from '../core/validate.js';
import {
  type Categories,
  type Column,
  categoryFill,
  checkReadable,
  holdsNumbers,
  isMissing,
  numberFill,
  readCategories,
  readNumbers,
} from './columns.js';
import { type Label, checkLabelList, sortLabels } from './metrics.js';

export { FROM_RECORDS_LIMITS } from './columns.js';

/** One sample as data files hold it: column name → value. */
export type DataRecord = Readonly<Record<string, unknown>>;

/** What fromRecords does with a missing value (absent, null, '' or NaN) in a named column. */
export type MissingRule = 'error' | 'drop' | 'mean' | 'median' | 'mode';

/** What `fromRecords` takes besides the records. */
export interface FromRecordsOptions {
  /** The input columns, in order: numbers, or categories (strings, booleans), which become one 0/1 feature each. */
  inputs: readonly string[];
  /** The column to predict: text or booleans make a classification (one-hot Y), numbers a regression. */
  target: string;
  /**
   * What a missing value (absent, null, '' or NaN) in those columns does: 'error' (the default), 'drop' the
   * record, or fill it in with the column's 'mean', 'median' or 'mode' over the records given (a category
   * always with its commonest one; a record without a target is dropped). The fills are returned as `impute`.
   */
  missing?: MissingRule;
  /**
   * 'auto' (the default): numbers in the target make a regression, text or booleans a classification.
   * 'classification' also takes numbers as class names (a 0/1 column, digits 0–9: classes sorted by value).
   */
  task?: 'auto' | 'classification' | 'regression';
  /** Input columns to read as categories even when they hold numbers (a sex coded 1 and 2). */
  categorical?: readonly string[];
  /** Where fromRecords' warnings go (a target of only 0 and 1 read as a regression). */
  onWarning?: (message: string) => void;
}

/** Every default of fromRecords (`inputs` and `target` are required). */
export const FROM_RECORDS_DEFAULTS = Object.freeze({
  missing: 'error' as MissingRule,
  task: 'auto' as 'auto' | 'classification' | 'regression',
  categorical: Object.freeze([]) as readonly string[], // categories are the columns of text or booleans
  /** Where fromRecords' plain-language warnings go: the console, unless you pass your own function. */
  onWarning: (message: string) => console.warn(message),
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
  /** The records kept, in order (the same objects, not copies, their missing values left as they are). */
  records: DataRecord[];
  /** How many records were left out for a missing value ('drop'; or a missing target when filling in). */
  dropped: number;
  /** Which columns caused the drops: column → records left out with a missing value there (a record missing two counts for both). */
  droppedBy: Record<string, number>;
  /** The fill of every input column (with missing: 'mean', 'median' or 'mode'): give it to the network, `net.impute = data.impute`. */
  impute?: Impute;
  /** How many values of each input column were filled in. */
  imputed: Record<string, number>;
}

/**
 * X and Y from a list of records: `inputs` become the rows of X (a categorical column one 0/1 row per
 * category, named `column=category` in `features`), `target` becomes Y (one-hot rows for classes,
 * named in `labels`; one row of numbers for a regression). Classes and categories are sorted.
 * Only a record's own properties are read. Rows count from 1 in messages, as a spreadsheet does
 * (CSV line = row + 1, after the header).
 * @example const data = fromRecords([{ x: 1, kind: 'b' }, { x: 2, kind: 'a' }], { inputs: ['x'], target: 'kind' });
 * [data.X.toArray(), data.Y.toArray(), data.labels] //=> [[[1, 2]], [[0, 1], [1, 0]], ['a', 'b']]
 */
export function fromRecords(records: readonly DataRecord[], options: FromRecordsOptions): RecordData {
  const where = 'fromRecords';
  if (!Array.isArray(records) || records.length === 0) {
    throw new ValueError(`${where}: records is ${describeValue(records)} but it must be a non-empty list of objects`);
  }
  const o = readOptions(options, where);
  records.forEach((record: unknown, n) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new ValueError(`${where}: row ${n + 1} is ${describeValue(record)} but each record must be an object`);
    }
  });
  const { inputs, target } = checkColumns(records, o.inputs, o.target, where);
  const categorical = checkCategorical(o.categorical, inputs, where);
  const columns = [...inputs, target];
  const cells = columns.map((name) => records.map((record) => own(record, name))); // each cell read once
  const { kept, droppedBy, imputed } = sortOutMissing(cells, columns, o.missing, where);
  const rows = kept.map((n) => n + 1); // messages name the row in the records as given
  const column = (c: number): Column => ({
    name: columns[c],
    values: kept.length === records.length ? cells[c] : kept.map((n) => cells[c][n]),
    rows,
  });

  // Each input column: numbers (one feature) or categories (one 0/1 feature per category), counted first.
  const read = inputs.map((name, c) => {
    const values = column(c);
    checkReadable(values, where);
    if (!categorical.has(name) && holdsNumbers(values)) return { name, numbers: readNumbers(values, where) };
    return { name, categories: readCategories(values, 'category', categorical.has(name), where) };
  });
  const fill = o.missing === 'mean' || o.missing === 'median' || o.missing === 'mode' ? o.missing : undefined;
  const impute = fill && fillsOf(read, fill, where);
  const m = kept.length;
  const features = read.flatMap((c) => (c.numbers ? [c.name] : c.categories.categories.map((k) => `${c.name}=${k}`)));
  checkEntries(features.length, m, where, 'X');
  const X = new Matrix(features.length, m);
  let row = 0; // the row of X the next feature starts at
  for (const c of read) {
    if (c.numbers) {
      c.numbers.forEach((x, j) => {
        X.data[row * m + j] = Number.isNaN(x) ? (impute?.[c.name] as number) : x;
      });
      row++;
      continue;
    }
    const { names, categories } = c.categories;
    const index = new Map(categories.map((category, i) => [category, i]));
    for (let j = 0; j < m; j++) {
      const category = names[j] ?? (impute?.[c.name] as string); // (an indexed loop: a missing value is a hole)
      X.data[(row + (index.get(category) as number)) * m + j] = 1; // X[row + category][j] = 1
    }
    row += categories.length;
  }

  // The target: numbers make a regression, text or booleans a classification (unless task says which).
  const values = column(inputs.length);
  checkReadable(values, where);
  const regression = o.task === 'regression' || (o.task === 'auto' && holdsNumbers(values));
  let Y: Matrix;
  let labels: string[] | undefined;
  let targets: (string | number)[];
  if (regression) {
    const y = readNumbers(values, where);
    if (o.task === 'auto' && y.includes(0) && y.includes(1) && y.every((v) => v === 0 || v === 1)) {
      o.onWarning(
        `${where}: the target ${JSON.stringify(target)} holds only 0 and 1, so task 'auto' makes this a regression (one number per sample, of any value); if 0 and 1 name two classes, pass task: 'classification'`,
      );
    }
    targets = Array.from(y);
    Y = new Matrix(1, m, y);
  } else {
    // Class names are text; numbers given as classes are sorted by value first (9 before 10).
    const classes = readCategories(values, 'class', true, where);
    labels = classes.categories.slice();
    targets = classes.names as string[]; // no target is missing: such records were dropped
    checkEntries(labels.length, m, where, 'Y');
    Y = oneHot(targets, labels);
  }
  return {
    X,
    Y,
    features,
    ...(labels && { labels }),
    targets,
    records: kept.map((n) => records[n]),
    dropped: records.length - m,
    droppedBy,
    ...(impute && { impute }),
    imputed,
  };
}

/** A record's own value for a column: an inherited member (constructor, toString) is not a value. */
function own(record: DataRecord, column: string): unknown {
  return Object.hasOwn(record, column) ? record[column] : undefined;
}

/** fromRecords' options, checked, with their defaults (inputs and target are checked with the records). */
function readOptions(options: FromRecordsOptions, where: string) {
  const given = checkOptions(options, FROM_RECORDS_DEFAULTS, where, ['inputs', 'target']);
  const o = {
    // a default wherever an option is left out or undefined (null is a value, and refused)
    inputs: given.inputs,
    target: given.target,
    missing: given.missing === undefined ? FROM_RECORDS_DEFAULTS.missing : given.missing,
    task: given.task === undefined ? FROM_RECORDS_DEFAULTS.task : given.task,
    categorical: given.categorical === undefined ? FROM_RECORDS_DEFAULTS.categorical : given.categorical,
    onWarning: given.onWarning === undefined ? FROM_RECORDS_DEFAULTS.onWarning : given.onWarning,
  };
  if (!['error', 'drop', 'mean', 'median', 'mode'].includes(o.missing)) {
    throw new ValueError(
      `${where}: missing is ${describeValue(o.missing)} but it must be 'error', 'drop', 'mean', 'median' or 'mode'`,
    );
  }
  if (o.task !== 'auto' && o.task !== 'classification' && o.task !== 'regression') {
    throw new ValueError(
      `${where}: task is ${describeValue(o.task)} but it must be 'auto', 'classification' or 'regression'`,
    );
  }
  if (typeof o.onWarning !== 'function') {
    throw new ValueError(`${where}: onWarning is ${describeValue(o.onWarning)} but it must be a function`);
  }
  return o;
}

/**
 * The records to keep (their indices), by the missing rule: 'error' names the first missing value;
 * 'drop' leaves out every record with one; the filling rules leave out only a record without a target
 * (the last column), and count the values to fill. `cells[c][n]` is column c of record n. droppedBy
 * and imputed count by column.
 */
function sortOutMissing(
  cells: readonly unknown[][],
  columns: readonly string[],
  missing: MissingRule,
  where: string,
): { kept: number[]; droppedBy: Record<string, number>; imputed: Record<string, number> } {
  const target = columns.length - 1;
  const dropped = new Array<number>(columns.length).fill(0);
  const filled = new Array<number>(columns.length).fill(0);
  const kept: number[] = [];
  const filling = missing !== 'error' && missing !== 'drop';
  for (let n = 0; n < cells[0].length; n++) {
    const empty = cells.flatMap((values, c) => (isMissing(values[n]) ? [c] : []));
    if (empty.length === 0) kept.push(n);
    else if (missing === 'error') {
      throw new ValueError(
        `${where}: row ${n + 1} has ${describeValue(cells[empty[0]][n])} in column ${JSON.stringify(columns[empty[0]])} but missing is 'error' (pass missing: 'drop' to leave such rows out, or 'mean', 'median' or 'mode' to fill the value in)`,
      );
    } else if (filling && !empty.includes(target)) {
      kept.push(n);
      for (const c of empty) filled[c]++;
    } else {
      for (const c of filling ? [target] : empty) dropped[c]++;
    }
  }
  if (kept.length === 0) {
    throw new ValueError(
      `${where}: every one of the ${plural(cells[0].length, 'row')} has a missing value in ${columns.map((c) => JSON.stringify(c)).join(', ')}, so none is left`,
    );
  }
  // Object.fromEntries defines each key, so a column named "__proto__" is a count like any other.
  const counts = (count: number[]) =>
    Object.fromEntries(columns.flatMap((c, i) => (count[i] > 0 ? [[c, count[i]]] : [])));
  return { kept, droppedBy: counts(dropped), imputed: counts(filled) };
}

/** The fill of every input column: a number's mean, median or mode, a category's commonest value. */
function fillsOf(
  read: readonly { name: string; numbers?: Float64Array; categories?: Categories }[],
  how: 'mean' | 'median' | 'mode',
  where: string,
): Impute {
  return Object.freeze(
    Object.fromEntries(
      read.map(({ name, numbers, categories }) => {
        const fill = numbers
          ? numberFill(numbers, how)
          : categories && categoryFill(categories.names, categories.categories);
        if (fill === undefined) {
          throw new ValueError(
            `${where}: column ${JSON.stringify(name)} has no value in any row, so missing: '${how}' has nothing to fill it with (leave the column out of inputs)`,
          );
        }
        return [name, fill];
      }),
    ),
  );
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
 * category and 0 when it holds another category seen in training. A missing value (or column) takes its
 * column's fill from `impute` (`net.impute`), or is an error. Used by `net.classify` and `net.predict` on records.
 * @example encodeRecords([{ x: 3, kind: 'b' }], ['x', 'kind=a', 'kind=b'], 'classify') //=> [[3, 0, 1]]
 * @example encodeRecords([{ x: null }], ['x', 'kind=a', 'kind=b'], 'classify', { x: 2, kind: 'a' }) //=> [[2, 1, 0]]
 */
export function encodeRecords(
  records: readonly DataRecord[],
  features: readonly string[],
  where: string,
  impute: Impute = {},
): number[][] {
  const categories = categoriesByColumn(features); // column → its categories, for each "=" of each feature
  // Each way of reading a feature as column=category, at each "=" it holds, first "=" first.
  const splits = features.map((feature) =>
    [...feature.matchAll(/=/g)].map(({ index }) => ({
      column: feature.slice(0, index),
      category: feature.slice(index + 1),
    })),
  );
  const fillOf = (column: string) => (Object.hasOwn(impute, column) ? impute[column] : undefined);
  return records.map((record, n) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new ValueError(`${where}: row ${n + 1} is ${describeValue(record)} but it must be a record (an object)`);
    }
    return features.map((feature, f) => {
      // A column of numbers named as the feature, or column=category split at the first "=" whose left side
      // is a column of the record (of the fills, when the record lacks the column altogether).
      const split = Object.hasOwn(record, feature)
        ? undefined
        : (splits[f].find((s) => Object.hasOwn(record, s.column)) ??
          (fillOf(feature) === undefined ? splits[f].find((s) => fillOf(s.column) !== undefined) : undefined));
      const column = split?.column ?? feature;
      let value = own(record, column);
      if (isMissing(value)) value = fillOf(column);
      if (value === undefined && !Object.hasOwn(record, column)) {
        throw new ValueError(
          `${where}: row ${n + 1} has no column ${JSON.stringify(feature)}${didYouMean(feature, Object.keys(record))} but the network's features are ${features.join(', ')}`,
        );
      }
      if (isMissing(value)) {
        throw new ValueError(
          `${where}: row ${n + 1} has ${describeValue(own(record, column))} in column ${JSON.stringify(column)} but a prediction needs every input (or net.impute, the fills of fromRecords' missing: 'mean', 'median' or 'mode')`,
        );
      }
      if (split === undefined) {
        if (!isFiniteNumber(value)) {
          throw new ValueError(
            `${where}: row ${n + 1}, column ${JSON.stringify(column)} is ${describeValue(value)} but the column holds numbers (every value must be a finite number)`,
          );
        }
        return value;
      }
      if (typeof value !== 'string' && typeof value !== 'boolean' && !isFiniteNumber(value)) {
        throw new ValueError(
          `${where}: row ${n + 1}, column ${JSON.stringify(column)} is ${describeValue(value)} but the column holds categories (text, booleans, or numbers read as categories)`,
        );
      }
      const known = categories.get(column) ?? new Set<string>(); // (split.column is one of its keys)
      if (!known.has(String(value))) {
        throw new ValueError(
          `${where}: row ${n + 1} has ${describeValue(value)} in column ${JSON.stringify(column)} but the network knows only ${[...known].map((k) => JSON.stringify(k)).join(', ')} (a category not seen in training has no input)`,
        );
      }
      return String(value) === split.category ? 1 : 0;
    });
  });
}

/** inputs and target checked: distinct strings, each a column of at least one record (counts first, then names, each by a Set). */
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
  if (new Set(all).size !== all.length) {
    const seen = new Set<string>();
    const twice = all.find((c) => seen.has(c) || !seen.add(c));
    throw new ValueError(
      `${where}: column ${JSON.stringify(twice)} is named twice in inputs and target (each column once; the target is not an input)`,
    );
  }
  // Every record's keys only when the first record lacks a column (Object.keys of a wide record is the slow part).
  if (all.every((column) => Object.hasOwn(records[0], column))) return { inputs: inputs as string[], target };
  const known = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) known.add(key);
  const absent = all.find((column) => !known.has(column));
  if (absent !== undefined) {
    const columns = [...known];
    const shown =
      columns.length > 20 ? `${columns.slice(0, 20).join(', ')}, … (${columns.length} in all)` : columns.join(', ');
    throw new ValueError(
      `${where}: no record has a column ${JSON.stringify(absent)}${didYouMean(absent, columns)} (columns: ${shown})`,
    );
  }
  return { inputs: inputs as string[], target };
}

/** The categorical option: input columns, as a Set. */
function checkCategorical(categorical: unknown, inputs: readonly string[], where: string): Set<string> {
  if (!Array.isArray(categorical) || categorical.some((c) => typeof c !== 'string')) {
    throw new ValueError(
      `${where}: categorical is ${describeValue(categorical)} but it must be a list of input column names`,
    );
  }
  const names = new Set(inputs);
  const stranger = (categorical as string[]).find((c) => !names.has(c));
  if (stranger !== undefined) {
    throw new ValueError(
      `${where}: categorical names ${JSON.stringify(stranger)} but inputs does not (categorical lists the input columns to read as categories)`,
    );
  }
  return new Set(categorical as string[]);
}
