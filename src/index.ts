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

// Training: losses, backpropagation, gradient checking, optimizers, fit, and the helpers learners need.
export { mse, binaryCrossEntropy, crossEntropy, LOSSES } from './losses.js';
export type { Loss, LossName } from './losses.js';
export { gradients, backwardTrace } from './backprop.js';
export type { Gradients, LayerGradients, BackwardStep, LossOption } from './backprop.js';
export { gradientCheck, relativeError, GRADIENT_CHECK_DEFAULTS } from './gradient-check.js';
export type { GradientCheck, LayerCheck } from './gradient-check.js';
export { sgd, momentum, adam, optimizerFromJSON, OPTIMIZER_DEFAULTS } from './optimizers.js';
export type { Optimizer, OptimizerJSON, OptimizerName, OptimizerState } from './optimizers.js';
export { FIT_DEFAULTS, DivergenceError } from './train.js';
export type { FitOptions, History } from './train.js';
export { trainingState, restoreTrainingState } from './training-state.js';
export type { TrainingStateJSON } from './training-state.js';
export { standardize, standardizerFromJSON } from './standardize.js';
export type { Standardizer, StandardizerJSON } from './standardize.js';
export type { NetworkStandardize } from './network.js';
export { datasets, DATASET_DEFAULTS } from './datasets.js';
export type { Dataset, DatasetOptions } from './datasets.js';

// See inside: the exact kinks of a 1-input network, the linear map around any point.
export { kinks, KINK_MERGE_GAP } from './kinks.js';
export type { Kinks, KinksOptions, Piece, NeuronKinks } from './kinks.js';
export { linearRegion } from './linear-region.js';
export type { LinearRegion } from './linear-region.js';
export { formula, FORMULA_MAX_NODES } from './formula.js';
export type { Formula } from './formula.js';
export { diagnose, DIAGNOSE_LIMITS } from './diagnose.js';
export type { Diagnosis, Finding, FindingKind } from './diagnose.js';

// Interop: activations from a mathjs formula, a hand-off to TensorFlow.js, a network as plain code.
export { activation } from './activations.js';
export type { ExpressionActivation } from './activations.js';
export { EXPRESSION_CONSTANTS } from './expression.js';
export type { ExpressionOptions } from './expression.js';
export { toTfjsModel, toTfjsFiles } from './tfjs.js';
export { fromTfjsModel } from './tfjs-read.js';
export type { TfjsArtifacts, TfjsModelJSON, TfjsWeightSpec, TfjsTopology, TfjsLayerJSON } from './tfjs.js';
export type { TfjsModelInput, TfjsWeightData } from './tfjs-read.js';
export type { SourceOptions } from './codegen.js';
