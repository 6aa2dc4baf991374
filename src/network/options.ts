/**
 * What `new Network(…)` and `Network.fromWeights(…)` take, every default
 * they use, written once (the architecture goes in the constructor, training
 * knobs on `fit()`), and the constructor's work: options checked, then seeded layers.
 */
import {
  type Activation,
  type ActivationSpec,
  resolveActivation,
  resolveHiddenActivation,
} from '../core/activations.js';
import { ValueError, describeValue } from '../core/errors.js';
import { type Impute, checkImpute } from '../core/impute.js';
import { type InitName, checkInit } from '../core/init.js';
import { checkFeatures, checkLabels } from '../core/labels.js';
import { checkOutput, layersFromSizes } from '../core/layers.js';
import { DEFAULT_SEED, type Seed, checkSeed, createRandom } from '../core/random.js';
import type { NetworkParts } from '../core/types.js';
import { checkLayerSizes, checkOptions } from '../core/validate.js';

/** What `new Network(options)` takes: the architecture and how its weights start. */
export interface NetworkOptions {
  /** Layer sizes from inputs to outputs, e.g. [1, 2, 2, 1]: 1 input, two hidden layers of 2, 1 output. */
  layers: readonly number[];
  /** Activation of every hidden layer. Default 'relu'. */
  hidden?: ActivationSpec | Activation;
  /** Activation of the output layer. Default 'linear'. */
  output?: ActivationSpec | Activation;
  /** How the starting weights are drawn: 'he', 'xavier' or 'uniform'. Default 'he'. */
  init?: InitName;
  /** Seed of the starting weights. Default 42. */
  seed?: Seed;
  /** The class of each output, for `classify` (see `net.labels`). Default: none. */
  labels?: readonly string[];
  /** The name of each input, for `classify` on records (see `net.features`). Default: none. */
  features?: readonly string[];
  /** The fill of each input column's missing values, for records (see `net.impute`). Default: none. */
  impute?: Impute;
}

/** Every default of the constructor, written once. */
export const NETWORK_DEFAULTS = Object.freeze({
  hidden: 'relu',
  output: 'linear',
  init: 'he',
  seed: DEFAULT_SEED,
  labels: undefined, // no class names
  features: undefined, // no input names
  impute: undefined, // a missing input is an error
} as const);

/** Every default of `Network.fromWeights`: the constructor's activations (any other option is a typo and an error). */
export const FROM_WEIGHTS_DEFAULTS = Object.freeze({
  hidden: NETWORK_DEFAULTS.hidden,
  output: NETWORK_DEFAULTS.output,
});

/**
 * The constructor's network, as plain data: the options checked (an unknown key is a typo and an
 * error), then layers of seeded starting weights, and the names checked against them. A network
 * holds at most MAX_PARAMETERS (2²⁵) weights and biases in MAX_LAYERS layers, checked from the
 * sizes before anything is allocated.
 * @example partsFromOptions({ layers: [1, 2, 1], seed: 42 }).layers.map((layer) => layer.activation.name) //=> ['relu', 'linear']
 */
export function partsFromOptions(options: NetworkOptions): NetworkParts {
  const where = 'Network';
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ValueError(
      `${where}: options are ${describeValue(options)} but must be an object like { layers: [1, 2, 2, 1] }`,
    );
  }
  checkOptions(options, NETWORK_DEFAULTS, where, ['layers']);
  const sizes = checkLayerSizes(options.layers, where);
  const hidden = resolveHiddenActivation(options.hidden ?? NETWORK_DEFAULTS.hidden, where);
  const output = resolveActivation(options.output ?? NETWORK_DEFAULTS.output, where);
  const init = checkInit(options.init ?? NETWORK_DEFAULTS.init, where);
  const random = createRandom(checkSeed(options.seed ?? NETWORK_DEFAULTS.seed, where));
  const layers = layersFromSizes(sizes, hidden, output, init, random);
  checkOutput(layers, where);
  const labels = options.labels === undefined ? undefined : checkLabels(options.labels, layers, where);
  const features = options.features === undefined ? undefined : checkFeatures(options.features, layers, where);
  const impute = options.impute === undefined ? undefined : checkImpute(options.impute, features, where);
  return { layers, labels, features, impute };
}
