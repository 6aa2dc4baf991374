/**
 * feedforward: dense feedforward neural networks you can read.
 * This list is the whole public API, in the order of the story.
 */

// Errors: every message names the place, what it has and what came.
export { ShapeError, ValueError } from './core/errors.js';

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
  RANDOM_MATRIX_DEFAULTS,
} from './core/matrix.js';
export type { MatrixInput, MathjsMatrixLike } from './core/matrix.js';
export { loadMathjs } from './core/mathjs-loader.js';

// The kernel every product runs on: the JavaScript loop, or the same sums in WebAssembly SIMD (same bits).
export { setEngine, getEngine } from './core/affine.js';
export type { Engine } from './core/affine.js';

// Seeded randomness: the same seed gives the same numbers on every machine.
export { createRandom } from './core/random.js';
export type { Random, Seed } from './core/random.js';

// The article's steps: inputs times weights plus biases, ReLU, a two-neuron layer.
export { applyWeights, twoNode } from './core/steps.js';
export type { BiasInput } from './core/steps.js';

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
  elementwiseActivation,
} from './core/activations.js';
export type { Activation, ActivationSpec, ElementwiseDefinition } from './core/activations.js';

// Weight initialisation.
export { INIT_LIMITS } from './core/init.js';
export type { InitName } from './core/init.js';

// The network: the article's steps nested to any depth.
export { Network } from './network/network.js';
export { NETWORK_DEFAULTS, FROM_WEIGHTS_DEFAULTS } from './network/options.js';
export type { NetworkOptions } from './network/options.js';
export { NETWORK_FOR_DEFAULTS } from './network/for-data.js';
export type { NetworkData, NetworkForOptions } from './network/for-data.js';
export type { Samples } from './network/samples.js';
export type { LayerInput } from './core/layers.js';
export type { TraceStep } from './core/forward.js';
export { MAX_LAYERS, MAX_PARAMETERS } from './core/validate.js';
export type { Classification } from './core/labels.js';
export { articleNetwork, ARTICLE_LAYERS } from './network/article.js';
export type { Layer, NetworkLayers, NetworkParts, NetworkJSON, JSONNumber } from './core/types.js';

// Training: losses, backpropagation, gradient checking, optimizers, fit, and the helpers learners need.
export { mse, binaryCrossEntropy, crossEntropy } from './train/losses.js';
export type { Loss, LossName } from './train/losses.js';
export { gradients, backwardTrace, GRADIENTS_DEFAULTS } from './train/backprop.js';
export type { Gradients, LayerGradients, BackwardStep, LossOption } from './train/backprop.js';
export { gradientCheck, GRADIENT_CHECK_DEFAULTS } from './train/gradient-check.js';
export type { GradientCheck, LayerCheck } from './train/gradient-check.js';
export { sgd, momentum, adam, optimizerFromJSON, OPTIMIZER_DEFAULTS } from './train/optimizers.js';
export type { Optimizer, OptimizerJSON, OptimizerName, OptimizerState } from './train/optimizers.js';
export { FIT_DEFAULTS, DivergenceError } from './train/fit.js';
export type { FitOptions, History } from './train/fit.js';
export type { ClassWeights, StandardizeOption } from './train/fit-data.js';
export { trainingState } from './train/training-state.js';
export { restoreTrainingState } from './network/readers.js';
export type { TrainingStateJSON } from './train/training-state.js';
export { standardize, standardizerFromJSON } from './core/standardize.js';
export type { Standardizer, StandardizerJSON } from './core/standardize.js';
export type { NetworkStandardize } from './core/types.js';
export { datasets, DATASET_DEFAULTS } from './train/datasets.js';
export type { Dataset, DatasetOptions } from './train/datasets.js';

// Real data: records in, honest splits, scores on held-out samples.
export { fromRecords, oneHot, FROM_RECORDS_DEFAULTS, FROM_RECORDS_LIMITS } from './train/records.js';
export type { DataRecord, FromRecordsOptions, MissingRule, RecordData } from './train/records.js';
export type { Impute } from './core/impute.js';
export { trainTestSplit, TRAIN_TEST_SPLIT_DEFAULTS } from './train/split.js';
export type { SplitInput, SplitPart, TrainTestSplitOptions } from './train/split.js';
export { kFold, K_FOLD_DEFAULTS } from './train/k-fold.js';
export type { KFoldOptions } from './train/k-fold.js';
export {
  argmax,
  accuracy,
  balancedAccuracy,
  confusionMatrix,
  meanAbsoluteError,
  rootMeanSquaredError,
  r2,
} from './train/metrics.js';
export type { ConfusionMatrix, Label, Labels } from './train/metrics.js';
export { classificationReport } from './train/report.js';
export type { ClassificationReport, ClassScores } from './train/report.js';

// See inside: the exact kinks of a 1-input network, the linear map around any point.
export { kinks, KINKS_DEFAULTS } from './inspect/kinks.js';
export type { Kinks, KinksOptions, Piece, NeuronKinks } from './inspect/kinks.js';
export { linearRegion, isPiecewiseLinear } from './inspect/linear-region.js';
export type { LinearRegion } from './inspect/linear-region.js';
export { formula, FORMULA_DEFAULTS } from './inspect/formula.js';
export type { Formula } from './inspect/formula.js';
export { diagnose, DIAGNOSE_LIMITS } from './inspect/diagnose.js';
export type { Diagnosis, Finding, FindingKind } from './inspect/diagnose.js';

// Interop: activations from a mathjs formula, a hand-off to TensorFlow.js, a network as plain code.
export { activation, ACTIVATION_DEFAULTS } from './core/activations.js';
export type { ExpressionActivation } from './core/activations.js';
export {
  ACTIVATION_FORMULA_CONSTANTS,
  ACTIVATION_FORMULA_FUNCTIONS,
  ACTIVATION_FORMULA_LIMITS,
  // The old names of the three above, deprecated, for this version only:
  EXPRESSION_CONSTANTS,
  FORMULA_FUNCTIONS,
  FORMULA_LIMITS,
} from './core/expression.js';
export type { ExpressionOptions } from './core/expression.js';
export { toTfjsModel, toTfjsFiles, TFJS_FILES_DEFAULTS } from './interop/tfjs-write.js';
export { fromTfjsModel } from './network/readers.js';
export type {
  TfjsArtifacts,
  TfjsModelJSON,
  TfjsWeightSpec,
  TfjsTopology,
  TfjsLayerJSON,
} from './interop/tfjs-write.js';
export type { TfjsModelInput, TfjsWeightData } from './interop/tfjs-read.js';

// ONNX, the format onnxruntime and PyTorch share: networks in (fromOnnx) and out (toOnnx).
export { toOnnx, TO_ONNX_DEFAULTS } from './interop/onnx-write.js';
export type { ToOnnxOptions } from './interop/onnx-write.js';
export { fromOnnx } from './network/readers.js';
export { FROM_ONNX_DEFAULTS } from './interop/onnx-read.js';
export type { FromOnnxOptions } from './interop/onnx-read.js';
export { SOURCE_DEFAULTS } from './interop/source.js';
export type { SourceOptions } from './interop/source.js';
