/**
 * What `new Network(…)` and `Network.fromWeights(…)` take, and every default
 * they use, written once: the architecture goes in the constructor, training
 * knobs on `fit()`.
 */
import type { Activation, ActivationSpec } from '../core/activations.js';
import type { Impute } from '../core/impute.js';
import type { InitName } from '../core/init.js';
import { DEFAULT_SEED, type Seed } from '../core/random.js';

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
