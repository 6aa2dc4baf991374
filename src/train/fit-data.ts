/**
 * What fit trains on, made from what it is given: X and Y raw, as in the data file.
 *
 *   X, Y (raw)  →  validation set aside (validation, or validationSplit's share)
 *               →  the standardizer: measured on the training samples only, or the network's own
 *               →  x′ = (x − μ)/σ for the inputs (and y′ = (y − μ)/σ for a regression target with 'both')
 *               →  each sample's weight, from its class (classWeights)
 *
 * The standardizer goes into the network (net.standardize), so predict, classify,
 * toJSON, toSource and the exporters apply the same statistics to raw samples later.
 */
import { ValueError, describeValue, plural } from '../core/errors.js';
import type { Matrix, MatrixInput } from '../core/matrix.js';
import type { Seed } from '../core/random.js';
import { standardize as measure } from '../core/standardize.js';
import type { NetworkLayers, NetworkStandardize } from '../core/types.js';
import { checkKeys, checkNumber } from '../core/validate.js';
import { checkData } from './backprop.js';
import { classesOf, holdOut, pickColumns } from './split.js';

/** A network as fit sees it: its layers, the standardizer it may keep, and the class names it may have. */
export interface Trainable extends NetworkLayers {
  standardize?: NetworkStandardize;
  readonly labels?: readonly string[];
  readonly features?: readonly string[];
}

/** What fit's standardize option takes (and its absence: the network's own standardizer, if any). */
export type StandardizeOption = 'inputs' | 'both' | false;

/** What fit's classWeights option takes: 'balanced', or a weight per class name. */
export type ClassWeights = 'balanced' | Readonly<Record<string, number>>;

/** The options this file reads (fit checks the others). */
interface DataOptions {
  validation?: { X: MatrixInput; Y: MatrixInput };
  validationSplit?: number;
  standardize?: StandardizeOption;
  classWeights?: ClassWeights;
}

/** The data fit trains on, as the forward pass sees it, and what made it so. */
export interface TrainingData {
  /** The training samples, standardized as the network will standardize them. */
  data: { X: Matrix; Y: Matrix };
  /** The held-out samples, standardized the same way, and weighted by class as the training samples (undefined when none). */
  validation?: { X: Matrix; Y: Matrix; weights?: Float64Array };
  /** The raw training inputs (to remember what the network was trained on). */
  rawX: Matrix;
  /** The standardizer to keep on the network once training starts (undefined: none). */
  standardize: NetworkStandardize | undefined;
  /** Whether the standardizer was measured by this fit (false: the network's own, or none). */
  measured: boolean;
  /** Each training sample's weight in the loss (undefined: all 1). */
  weights?: Float64Array;
}

/**
 * The training and validation data of a fit, standardized and weighted as its options say; nothing is changed.
 * @example trainingData(new Network({ layers: [1, 1] }), [[0, 2]], [[1, 3]], { standardize: 'both' }, 42, 'fit').data.X.toArray() //=> [[-1, 1]]
 */
export function trainingData(
  net: Trainable,
  X: MatrixInput,
  Y: MatrixInput,
  options: DataOptions,
  seed: Seed,
  where: string,
): TrainingData {
  const { data, validation } = splitData(net, X, Y, options, seed, where);
  const { standardize, measured } = chooseStandardizer(net, data, options.standardize, where);
  const scaled = (part: { X: Matrix; Y: Matrix }) => ({
    X: standardize?.inputs ? standardize.inputs.apply(part.X) : part.X, // x′ = (x − μ)/σ
    Y: standardize?.outputs ? standardize.outputs.apply(part.Y) : part.Y, // y′ = (y − μ)/σ
  });
  const weightOf =
    options.classWeights === undefined ? undefined : classWeightsOf(net, data.Y, options.classWeights, where);
  const weights = weightOf && sampleWeights(data.Y, weightOf, where, 'learn');
  const validationWeights =
    weightOf && validation && sampleWeights(validation.Y, weightOf, `${where}: validation`, 'measure');
  return {
    data: scaled(data),
    ...(validation && {
      validation: { ...scaled(validation), ...(validationWeights && { weights: validationWeights }) },
    }),
    rawX: data.X,
    standardize,
    measured,
    ...(weights && { weights }),
  };
}

/**
 * The standardizer fit uses: measured on the training samples ('inputs', 'both'), none (false, refused
 * when the network has one: its weights were trained on standardized numbers), or the network's own.
 */
function chooseStandardizer(
  net: Trainable,
  data: { X: Matrix; Y: Matrix },
  option: unknown,
  where: string,
): { standardize: NetworkStandardize | undefined; measured: boolean } {
  if (option === undefined) return { standardize: net.standardize, measured: false };
  if (option === false) {
    if (net.standardize?.inputs || net.standardize?.outputs) {
      throw new ValueError(
        `${where}: standardize is false but the network has a standardizer (net.standardize), which its weights were trained with (leave the option out to keep it, or set net.standardize = undefined first)`,
      );
    }
    return { standardize: undefined, measured: false };
  }
  if (option !== 'inputs' && option !== 'both') {
    throw new ValueError(`${where}: standardize is ${describeValue(option)} but it must be 'inputs', 'both' or false`);
  }
  const output = net.layers[net.layers.length - 1].activation.name;
  if (option === 'both' && (output === 'softmax' || output === 'sigmoid')) {
    throw new ValueError(
      `${where}: standardize is 'both' but the output is ${output}, whose targets are classes (probabilities between 0 and 1) and must stay as they are (use standardize: 'inputs')`,
    );
  }
  const inputs = measure(data.X); // μ and σ of the training samples only
  return { standardize: option === 'both' ? { inputs, outputs: measure(data.Y) } : { inputs }, measured: true };
}

/**
 * The data to train on and the held-out data: `validation` as given, or the columns `validationSplit`
 * sets aside (holdOut, split.ts), which are then left out of the training data.
 */
function splitData(
  net: NetworkLayers,
  X: MatrixInput,
  Y: MatrixInput,
  options: DataOptions,
  seed: Seed,
  where: string,
) {
  const data = checkData(net, X, Y, where);
  const { validation, validationSplit } = options;
  if (validation !== undefined && (typeof validation !== 'object' || validation === null)) {
    throw new ValueError(`${where}: validation is ${describeValue(validation)} but it must be held-out data { X, Y }`);
  }
  if (validation !== undefined) {
    checkKeys(validation, ['X', 'Y'], `${where}: validation`, 'key'); // { X, y } is a typo
    if (validationSplit !== undefined) {
      throw new ValueError(
        `${where}: validation and validationSplit are both given but the held-out data is one or the other`,
      );
    }
    return { data, validation: checkData(net, validation.X, validation.Y, `${where}: validation`) };
  }
  if (validationSplit === undefined) return { data, validation: undefined };
  const fraction = checkNumber(validationSplit, where, 'validationSplit', {
    test: (x) => x > 0 && x < 1,
    says: 'a fraction between 0 and 1 (exclusive)',
  });
  const m = data.X.cols;
  const held = holdOut(m, fraction, seed);
  if (held.length >= m) {
    throw new ValueError(
      `${where}: validationSplit is ${fraction} of ${plural(m, 'sample')}, which leaves none to train on (give more samples or a smaller fraction)`,
    );
  }
  const isHeld = new Uint8Array(m);
  for (const j of held) isHeld[j] = 1;
  const kept = Array.from({ length: m }, (_, j) => j).filter((j) => !isHeld[j]); // in their order
  return {
    data: { X: pickColumns(data.X, kept), Y: pickColumns(data.Y, kept) },
    validation: { X: pickColumns(data.X, held), Y: pickColumns(data.Y, held) },
  };
}

/**
 * The weight of each class (in the order of Y's rows; a single 0/1 row has classes 0 and 1): 'balanced'
 * gives class c the weight n / (k·count_c), scikit-learn's formula (n training samples, k classes present),
 * so every class weighs as much in all as the others; a record gives each class named in it its weight,
 * and 1 to the others. Classes are named by net.labels (or '0', '1', …).
 */
function classWeightsOf(net: Trainable, Y: Matrix, option: unknown, where: string): number[] {
  const classes = classesOfY(Y, where);
  const k = Math.max(Y.rows, 2);
  const names = net.labels?.length === k ? net.labels : Array.from({ length: k }, (_, c) => String(c));
  if (option === 'balanced') {
    const count = new Array<number>(k).fill(0);
    for (const c of classes) count[c]++;
    const present = count.filter((n) => n > 0).length;
    return count.map((n) => (n > 0 ? classes.length / (present * n) : 0)); // n / (k·count_c)
  }
  if (typeof option !== 'object' || option === null || Array.isArray(option)) {
    throw new ValueError(
      `${where}: classWeights is ${describeValue(option)} but it must be 'balanced' or a weight per class, such as { ${names.map((name) => `${JSON.stringify(name)}: 1`).join(', ')} }`,
    );
  }
  checkKeys(option, names, `${where}: classWeights`, 'class');
  const given = option as Record<string, unknown>;
  return names.map((name) =>
    given[name] === undefined
      ? 1
      : checkNumber(given[name], `${where}: classWeights`, JSON.stringify(name), {
          test: (w) => w >= 0,
          says: 'a weight ≥ 0',
        }),
  );
}

/** Each sample's class, or an error: class weights need one-hot Y or a single row of 0s and 1s. */
function classesOfY(Y: Matrix, where: string): number[] {
  const classes = classesOf(Y);
  if (classes === undefined) {
    throw new ValueError(
      `${where}: classWeights weigh classes but Y is neither one-hot nor one row of 0s and 1s (class weights need classes: one row per class with a single 1 per column, or a 0/1 target for a sigmoid)`,
    );
  }
  return classes;
}

/** Each sample's weight in the loss: its class's weight (`purpose`: what an all-zero weighting leaves nothing to do). */
function sampleWeights(Y: Matrix, weightOf: readonly number[], where: string, purpose: string): Float64Array {
  const weights = Float64Array.from(classesOfY(Y, where), (c) => weightOf[c]);
  if (!weights.some((w) => w > 0)) {
    throw new ValueError(`${where}: classWeights give every sample the weight 0, so there is nothing to ${purpose}`);
  }
  return weights;
}
