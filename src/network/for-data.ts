/**
 * A network shaped by its data, so there are no sizes to work out: `Network.for(data)`.
 *
 *   inputs    the rows of data.X (one per feature, as fromRecords named them in data.features)
 *   outputs   the rows of data.Y
 *   output    softmax when data.labels names several classes (one output each),
 *             sigmoid when it names two and Y has one row (p is the second class's probability),
 *             linear when there are no labels (a regression)
 *
 * and `labels`, `features` and `impute` are copied into the network, so `classify` and `predict`
 * read raw records (filling their missing values as fromRecords did) and answer with class names.
 */
import type { Activation, ActivationSpec } from '../core/activations.js';
import { ShapeError, ValueError, describeValue, plural } from '../core/errors.js';
import type { Impute } from '../core/impute.js';
import type { InitName } from '../core/init.js';
import { type MatrixInput, toMatrix } from '../core/matrix.js';
import { DEFAULT_SEED, type Seed } from '../core/random.js';
import { checkOptions } from '../core/validate.js';
import { NETWORK_DEFAULTS, type NetworkOptions } from './options.js';

/** What `Network.for` reads from the data: fromRecords' result, a part of a split, or any { X, Y }. */
export interface NetworkData {
  /** features × samples. */
  X: MatrixInput;
  /** outputs × samples: one-hot classes, a 0/1 row, or the targets of a regression. */
  Y: MatrixInput;
  /** The classes (a classification); absent for a regression. */
  labels?: readonly string[];
  /** The name of each row of X. */
  features?: readonly string[];
  /** The fill of each column's missing values (fromRecords' `impute`, with `missing: 'mean'` and the like). */
  impute?: Impute;
}

/** What `Network.for` takes besides the data; every default is in NETWORK_FOR_DEFAULTS. */
export interface NetworkForOptions {
  /** The sizes of the hidden layers, between the inputs and the outputs: [16] is one layer of 16 neurons. */
  hidden?: readonly number[];
  /** The activation of every hidden layer. */
  activation?: ActivationSpec | Activation;
  /** How the starting weights are drawn: 'he', 'xavier' or 'uniform'. */
  init?: InitName;
  /** Seed of the starting weights. */
  seed?: Seed;
}

/** Every default of `Network.for`, written once. */
export const NETWORK_FOR_DEFAULTS = Object.freeze({
  hidden: Object.freeze([16]) as readonly number[],
  activation: NETWORK_DEFAULTS.hidden,
  init: NETWORK_DEFAULTS.init,
  seed: DEFAULT_SEED,
});

/**
 * The constructor's options for a network shaped by `data`: layers [X's rows, …hidden, Y's rows], the
 * output activation its labels call for, and its labels and features.
 * @example optionsFor({ X: [[1, 2], [3, 4]], Y: [[1, 0], [0, 1]], labels: ['a', 'b'] }, { hidden: [4] }).layers //=> [2, 4, 2]
 */
export function optionsFor(data: NetworkData, options: NetworkForOptions = {}): NetworkOptions {
  const where = 'Network.for';
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ValueError(
      `${where}: data is ${describeValue(data)} but it must be { X, Y } (or what fromRecords returns)`,
    );
  }
  checkOptions(options, NETWORK_FOR_DEFAULTS, where);
  const X = toMatrix(data.X, where, 'X');
  const Y = toMatrix(data.Y, where, 'Y');
  if (X.cols !== Y.cols) {
    throw new ShapeError(
      `${where}: X has ${plural(X.cols, 'column')} but Y has ${Y.cols} (one column per sample in both)`,
    );
  }
  const hidden = options.hidden ?? NETWORK_FOR_DEFAULTS.hidden;
  if (!Array.isArray(hidden)) {
    throw new ValueError(
      `${where}: hidden is ${describeValue(hidden)} but it must be the hidden layers' sizes, such as [16] (or [] for none)`,
    );
  }
  const { labels, features, impute } = data;
  // Classes: one softmax output each, or a single sigmoid output for two classes in one row of 0s and 1s.
  const output = labels === undefined ? 'linear' : Y.rows === 1 ? 'sigmoid' : 'softmax';
  return {
    layers: [X.rows, ...hidden, Y.rows], // checked by the constructor
    hidden: options.activation ?? NETWORK_FOR_DEFAULTS.activation,
    output,
    init: options.init ?? NETWORK_FOR_DEFAULTS.init,
    seed: options.seed ?? NETWORK_FOR_DEFAULTS.seed,
    ...(labels !== undefined && { labels }),
    ...(features !== undefined && { features }),
    ...(impute !== undefined && { impute }),
  };
}
