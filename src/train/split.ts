/**
 * Honest splits: samples set aside before training and never shown to it, so
 * that a held-out score measures what the network does on data it has not seen.
 *
 *   trainTestSplit     the test set, scored once at the end
 *   fit's validationSplit   a part of the training set, watched during training
 *                          (early stopping), so the test set stays unseen
 *
 * Both are seeded: the same seed sets aside the same samples on every machine.
 */
import { ShapeError, ValueError, describeValue, plural } from '../core/errors.js';
import { Matrix, type MatrixInput, toMatrix } from '../core/matrix.js';
import { DEFAULT_SEED, type Random, type Seed, checkSeed, createRandom } from '../core/random.js';
import { checkNumber, checkOptions } from '../core/validate.js';
import { argmax } from './metrics.js';

/** What `trainTestSplit` takes besides the data. */
export interface TrainTestSplitOptions {
  /** The fraction of samples set aside for testing, between 0 and 1 (rounded up to whole samples, as scikit-learn). */
  test?: number;
  /** Seed of the shuffle. */
  seed?: Seed;
  /** Keep each class's share in both parts (Y one-hot, the class its argmax, or one row of 0s and 1s). */
  stratify?: boolean;
}

/** Every default of trainTestSplit. */
export const TRAIN_TEST_SPLIT_DEFAULTS = Object.freeze({ test: 0.2, seed: DEFAULT_SEED, stratify: false });

/** Data to split: X and Y (samples are columns), and optionally what `fromRecords` adds (other fields pass through). */
export interface SplitInput {
  X: MatrixInput;
  Y: MatrixInput;
  /** One entry per sample, split alongside. */
  targets?: readonly (string | number)[];
  /** One record per sample, split alongside. */
  records?: readonly Readonly<Record<string, unknown>>[];
  /** The classes, in the order of Y's rows (passed through; a message about a class names it). */
  labels?: readonly string[];
}

/**
 * One part of a split: the data's fields for some of its samples (X, Y, and targets and records when
 * given; every other field, such as features and labels, passed through), and which samples.
 */
export type SplitPart<D extends SplitInput = SplitInput> = Omit<D, 'X' | 'Y'> & {
  X: Matrix;
  Y: Matrix;
  /** The samples (columns of the data's X, counting from 0) in this part, in its order. */
  indices: number[];
};

/**
 * Splits the samples (columns) into a training and a test part, seeded: every sample lands in exactly one
 * part, each part in a shuffled order. `stratify: true` gives each class (the argmax of a one-hot Y, or a 0/1 target) the same
 * share of the test part as of the whole, to within one sample. Works on `fromRecords`' result (its
 * targets and records are split alongside) or on any { X, Y }.
 * @example const { train, test } = trainTestSplit({ X: [[1, 2, 3, 4, 5]], Y: [[1, 2, 3, 4, 5]] }, { test: 0.4, seed: 1 });
 * [train.X.cols, test.X.cols] //=> [3, 2]
 */
export function trainTestSplit<D extends SplitInput>(
  data: D,
  options: TrainTestSplitOptions = {},
): { train: SplitPart<D>; test: SplitPart<D> } {
  const where = 'trainTestSplit';
  checkOptions(options, TRAIN_TEST_SPLIT_DEFAULTS, where);
  const { X, Y } = readSplitData(data, where);
  const m = X.cols;
  const fraction = checkNumber(options.test ?? TRAIN_TEST_SPLIT_DEFAULTS.test, where, 'test', {
    test: (x) => x > 0 && x < 1,
    says: 'a fraction between 0 and 1 (exclusive)',
  });
  const seed = checkSeed(options.seed ?? TRAIN_TEST_SPLIT_DEFAULTS.seed, where);
  const stratify = checkStratify(options.stratify ?? TRAIN_TEST_SPLIT_DEFAULTS.stratify, where);
  const nTest = Math.ceil(fraction * m); // as scikit-learn: the test part is rounded up
  if (nTest >= m) {
    throw new ValueError(
      `${where}: test is ${fraction} of ${plural(m, 'sample')}, which leaves none to train on (give more samples or a smaller fraction)`,
    );
  }
  const random = createRandom(seed, where);
  let testSet: number[];
  if (stratify) {
    // Each class needs a sample in each part: one member is refused, as scikit-learn refuses it.
    const classes = stratifyClasses(data, Y, 2, where, 'one for each part');
    testSet = stratifiedTest(classes, Math.max(Y.rows, 2), nTest, random);
  } else {
    testSet = random.shuffle(Array.from({ length: m }, (_, j) => j)).slice(0, nTest);
  }
  const isTest = new Uint8Array(m);
  for (const j of testSet) isTest[j] = 1;
  const trainSet = random.shuffle(Array.from({ length: m }, (_, j) => j).filter((j) => !isTest[j]));
  testSet = random.shuffle(testSet.slice().sort((a, b) => a - b));
  return { train: part(data, X, Y, trainSet), test: part(data, X, Y, testSet) };
}

/**
 * The test samples of a stratified split: class c, with count[c] samples of m, gets
 * nTest·count[c]/m of them, rounded down, and the samples left over go to the classes with the
 * largest remainders (Hamilton's method), so each class is within one sample of its share.
 */
function stratifiedTest(classes: number[], k: number, nTest: number, random: Random): number[] {
  const m = classes.length;
  const members = Array.from({ length: k }, () => [] as number[]);
  classes.forEach((c, j) => members[c].push(j));
  const share = members.map((list) => (nTest * list.length) / m);
  const take = share.map(Math.floor);
  const order = share.map((s, c) => c).sort((a, b) => share[b] - take[b] - (share[a] - take[a]) || a - b);
  for (let left = nTest - take.reduce((s, t) => s + t, 0), n = 0; left > 0; left--, n++) take[order[n]]++;
  return members.flatMap((list, c) => random.shuffle(list).slice(0, take[c]));
}

/**
 * The data of a split checked: X and Y as matrices with as many columns (samples), and targets and
 * records, when given, one entry per sample.
 */
export function readSplitData(data: SplitInput, where: string): { X: Matrix; Y: Matrix } {
  if (typeof data !== 'object' || data === null) {
    throw new ValueError(
      `${where}: data is ${describeValue(data)} but it must be { X, Y } (or what fromRecords returns)`,
    );
  }
  const X = toMatrix(data.X, where, 'X');
  const Y = toMatrix(data.Y, where, 'Y');
  const m = X.cols;
  if (Y.cols !== m) {
    throw new ShapeError(`${where}: X has ${plural(m, 'column')} but Y has ${Y.cols} (one column per sample in both)`);
  }
  for (const name of ['targets', 'records'] as const) {
    const list = data[name];
    if (list !== undefined && (!Array.isArray(list) || list.length !== m)) {
      throw new ShapeError(
        `${where}: ${name} is ${describeValue(list)} but X has ${plural(m, 'sample')} (one entry per sample)`,
      );
    }
  }
  return { X, Y };
}

/** The stratify option, checked: true or false. */
export function checkStratify(stratify: unknown, where: string): boolean {
  if (typeof stratify !== 'boolean') {
    throw new ValueError(`${where}: stratify is ${describeValue(stratify)} but it must be true or false`);
  }
  return stratify;
}

/**
 * Each sample's class for a stratified split (classesOf), refusing a Y without classes and a class with
 * fewer than `least` samples (`why` says what each is for); a class is named by data.labels when it has them.
 */
export function stratifyClasses(
  data: { labels?: readonly string[] },
  Y: Matrix,
  least: number,
  where: string,
  why: string,
): number[] {
  const classes = classesOf(Y);
  if (classes === undefined) {
    throw new ValueError(
      `${where}: stratify is true but Y is neither one-hot nor one row of 0s and 1s (stratifying needs classes: one row per class with a single 1 per column, or a 0/1 target for a sigmoid)`,
    );
  }
  const count = new Array<number>(Math.max(Y.rows, 2)).fill(0);
  for (const c of classes) count[c]++;
  const c = count.findIndex((n) => n > 0 && n < least);
  if (c >= 0) {
    const name =
      Array.isArray(data.labels) && data.labels.length === count.length
        ? JSON.stringify(data.labels[c])
        : Y.rows === 1
          ? `${c} (the ${c}s of Y)`
          : `${c} (row ${c + 1} of Y)`;
    throw new ValueError(
      `${where}: class ${name} has ${plural(count[c], 'sample')} but stratifying needs at least ${least} of each class (${why}): gather more samples of it, leave it out, or set stratify: false`,
    );
  }
  return classes;
}

/** Each sample's class: the row of its 1 in a one-hot Y, or its 0 or 1 in a single row; undefined for anything else. */
export function classesOf(Y: Matrix): number[] | undefined {
  if (Y.rows === 1) return Array.from(Y.data).every((y) => y === 0 || y === 1) ? Array.from(Y.data) : undefined;
  for (let j = 0; j < Y.cols; j++) {
    let ones = 0;
    for (let i = 0; i < Y.rows; i++) {
      const y = Y.data[i * Y.cols + j];
      if (y === 1) ones++;
      else if (y !== 0) return undefined;
    }
    if (ones !== 1) return undefined;
  }
  return argmax(Y);
}

/** The columns `indices` of a matrix, in that order. */
export function pickColumns(M: Matrix, indices: readonly number[]): Matrix {
  const out = new Matrix(M.rows, indices.length);
  for (let i = 0; i < M.rows; i++) {
    for (let j = 0; j < indices.length; j++) out.data[i * indices.length + j] = M.data[i * M.cols + indices[j]];
  }
  return out;
}

/** The samples `indices` of the data: X, Y, targets and records picked; every other field passed through. */
export function part<D extends SplitInput>(data: D, X: Matrix, Y: Matrix, indices: number[]): SplitPart<D> {
  const { targets, records } = data;
  return {
    ...data, // features, labels and any other field, as they are
    X: pickColumns(X, indices),
    Y: pickColumns(Y, indices),
    ...(targets && { targets: indices.map((j) => targets[j]) }),
    ...(records && { records: indices.map((j) => records[j]) }),
    indices,
  };
}

/**
 * The columns fit's `validationSplit` holds out of m: ⌈fraction·m⌉ of them, chosen by a shuffle seeded
 * with fit's seed (before, and apart from, the epochs' shuffles), returned in increasing order.
 * @example holdOut(10, 0.2, 42).length //=> 2
 */
export function holdOut(m: number, fraction: number, seed: number): number[] {
  const random = createRandom((seed ^ 0x5bd1e995) >>> 0, 'Network.fit');
  return random
    .shuffle(Array.from({ length: m }, (_, j) => j))
    .slice(0, Math.ceil(fraction * m))
    .sort((a, b) => a - b);
}
