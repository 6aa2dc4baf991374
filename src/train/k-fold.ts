/**
 * k-fold cross-validation: with few samples, one test part of 30 is a noisy
 * estimate, so the samples are cut into k folds and each fold is the test part
 * once, the other k − 1 training the network:
 *
 *   fold 1   [test ][train][train][train][train]
 *   fold 2   [train][test ][train][train][train]
 *   …
 *
 * k held-out scores, each on samples its network never saw; their mean is the
 * estimate, their spread how much to trust it. Every sample is tested exactly once.
 * Seeded, as trainTestSplit is; `stratify: true` deals each class's samples out
 * over the folds in turn, so every fold holds each class's share, to within one.
 */
import { ValueError, plural } from '../core/errors.js';
import { DEFAULT_SEED, type Seed, checkSeed, createRandom } from '../core/random.js';
import { checkOptions, checkWholeNumber } from '../core/validate.js';
import { type SplitInput, type SplitPart, checkStratify, part, readSplitData, stratifyClasses } from './split.js';

/** What `kFold` takes besides the data. */
export interface KFoldOptions {
  /** The number of folds k (each is the test part once): a whole number from 2 to the number of samples. */
  folds?: number;
  /** Seed of the shuffle. */
  seed?: Seed;
  /** Deal each class (one-hot Y, or one row of 0s and 1s) evenly over the folds. */
  stratify?: boolean;
}

/** Every default of kFold. */
export const K_FOLD_DEFAULTS = Object.freeze({ folds: 5, seed: DEFAULT_SEED, stratify: false });

/**
 * The k splits of k-fold cross-validation: split f has fold f as its test part and every other sample as
 * its training part, each part in increasing order of the samples (columns). Fold sizes differ by one at
 * most (the first m mod k folds hold one more, as scikit-learn's KFold). Works on `fromRecords`' result
 * (targets and records split alongside) or on any { X, Y }.
 * @example kFold({ X: [[1, 2, 3, 4, 5]], Y: [[1, 2, 3, 4, 5]] }, { folds: 2, seed: 1 }).map(({ test }) => test.X.cols) //=> [3, 2]
 */
export function kFold<D extends SplitInput>(
  data: D,
  options: KFoldOptions = {},
): { train: SplitPart<D>; test: SplitPart<D> }[] {
  const where = 'kFold';
  checkOptions(options, K_FOLD_DEFAULTS, where);
  const { X, Y } = readSplitData(data, where);
  const m = X.cols;
  const k = checkWholeNumber(options.folds ?? K_FOLD_DEFAULTS.folds, where, 'folds', 2);
  if (k > m) {
    throw new ValueError(`${where}: folds is ${k} but there are only ${plural(m, 'sample')} (each fold needs one)`);
  }
  const random = createRandom(checkSeed(options.seed ?? K_FOLD_DEFAULTS.seed, where), where);
  const fold = new Int32Array(m); // fold[j]: the fold whose test part holds sample j
  if (checkStratify(options.stratify ?? K_FOLD_DEFAULTS.stratify, where)) {
    const classes = stratifyClasses(data, Y, k, where, 'one in each fold');
    const members = Array.from({ length: Math.max(Y.rows, 2) }, () => [] as number[]);
    classes.forEach((c, j) => members[c].push(j));
    // Deal class after class, each shuffled, to folds 0, 1, …, k − 1, 0, …: a class spreads evenly,
    // and as the dealing goes on from class to class, the folds' sizes differ by one at most.
    let dealt = 0;
    for (const list of members) for (const j of random.shuffle(list)) fold[j] = dealt++ % k;
  } else {
    const order = random.shuffle(Array.from({ length: m }, (_, j) => j));
    let start = 0;
    for (let f = 0; f < k; f++) {
      const size = Math.floor(m / k) + (f < m % k ? 1 : 0);
      for (const j of order.slice(start, start + size)) fold[j] = f;
      start += size;
    }
  }
  return Array.from({ length: k }, (_, f) => {
    const all = Array.from({ length: m }, (_, j) => j);
    const test = all.filter((j) => fold[j] === f);
    const train = all.filter((j) => fold[j] !== f);
    return { train: part(data, X, Y, train), test: part(data, X, Y, test) };
  });
}
