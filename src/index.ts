/**
 * feedforward: dense feedforward neural networks you can read.
 * This list is the whole public API, in the order of the story.
 */

// Errors: every message names the place, what it has and what came.
export { ShapeError, ValueError, formatShape } from './errors.js';

// Matrix helpers: float64, row-major; one row per neuron, one column per sample.
export {
  Matrix,
  matrix,
  zeros,
  ones,
  randomMatrix,
  multiply,
  add,
  subtract,
  hadamard,
  scale,
  transpose,
  map,
  vstack,
  hstack,
  sumRows,
} from './matrix.js';
export type { MatrixInput, MathjsMatrixLike } from './matrix.js';
export { loadMathjs } from './mathjs-loader.js';

// Seeded randomness: the same seed gives the same numbers on every machine.
export { createRandom, DEFAULT_SEED } from './random.js';
export type { Random, Seed } from './random.js';

// The article's steps: inputs times weights plus biases, ReLU, a two-neuron layer.
export { applyWeights, twoNode } from './layers.js';
export type { BiasInput } from './layers.js';

// Activations, each with its derivative.
export {
  relu,
  leakyRelu,
  leakyReluWithSlope,
  sigmoid,
  tanh,
  linear,
  softmax,
  DEFAULT_LEAKY_SLOPE,
} from './activations.js';
export type { Activation, ActivationSpec } from './activations.js';

// Weight initialisation.
export { INIT_LIMITS } from './init.js';
export type { InitName } from './init.js';

// The network: the article's steps nested to any depth.
export { Network, NETWORK_DEFAULTS } from './network.js';
export type { Layer, LayerInput, NetworkJSON, NetworkOptions, TraceStep, JSONNumber } from './network.js';

// See inside: the exact kinks of a 1-input network, the linear map around any point.
export { kinks, KINK_MERGE_GAP } from './kinks.js';
export type { Kinks, KinksOptions, Piece, NeuronKinks } from './kinks.js';
export { linearRegion } from './linear-region.js';
export type { LinearRegion } from './linear-region.js';
export { formula, FORMULA_MAX_NODES } from './formula.js';
export type { Formula } from './formula.js';
export { diagnose, DIAGNOSE_LIMITS } from './diagnose.js';
export type { Diagnosis, Finding, FindingKind } from './diagnose.js';
