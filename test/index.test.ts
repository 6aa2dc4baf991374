/**
 * The public door. This list changes only on purpose: adding or removing an
 * export means editing it here too (and in README's API table).
 */
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import type {
  Activation,
  ActivationSpec,
  BiasInput,
  Classification,
  ClassificationReport,
  ClassScores,
  ClassWeights,
  FitOptions,
  KFoldOptions,
  NetworkData,
  NetworkForOptions,
  StandardizeOption,
  ConfusionMatrix,
  DataRecord,
  FromRecordsOptions,
  Impute,
  MissingRule,
  Label,
  Labels,
  RecordData,
  SplitInput,
  SplitPart,
  TrainTestSplitOptions,
  Engine,
  InitName,
  JSONNumber,
  Layer,
  LayerInput,
  MathjsMatrixLike,
  MatrixInput,
  NetworkJSON,
  NetworkOptions,
  Random,
  Seed,
  TraceStep,
} from '../src/index.js';

describe('src/index.ts', () => {
  it('exports exactly these names, and each is defined', () => {
    expect(Object.keys(api).sort()).toEqual([
      'ACTIVATION_DEFAULTS',
      'ACTIVATION_FORMULA_CONSTANTS',
      'ACTIVATION_FORMULA_FUNCTIONS',
      'ACTIVATION_FORMULA_LIMITS',
      'ARTICLE_LAYERS',
      'DATASET_DEFAULTS',
      'DEFAULT_LEAKY_SLOPE',
      'DIAGNOSE_LIMITS',
      'DivergenceError',
      'EXPRESSION_CONSTANTS',
      'FIT_DEFAULTS',
      'FORMULA_DEFAULTS',
      'FORMULA_FUNCTIONS',
      'FORMULA_LIMITS',
      'FROM_ONNX_DEFAULTS',
      'FROM_RECORDS_DEFAULTS',
      'FROM_RECORDS_LIMITS',
      'FROM_WEIGHTS_DEFAULTS',
      'GRADIENTS_DEFAULTS',
      'GRADIENT_CHECK_DEFAULTS',
      'INIT_LIMITS',
      'KINKS_DEFAULTS',
      'K_FOLD_DEFAULTS',
      'MAX_LAYERS',
      'MAX_PARAMETERS',
      'Matrix',
      'NETWORK_DEFAULTS',
      'NETWORK_FOR_DEFAULTS',
      'Network',
      'OPTIMIZER_DEFAULTS',
      'RANDOM_MATRIX_DEFAULTS',
      'SOURCE_DEFAULTS',
      'ShapeError',
      'TFJS_FILES_DEFAULTS',
      'TO_ONNX_DEFAULTS',
      'TRAIN_TEST_SPLIT_DEFAULTS',
      'ValueError',
      'accuracy',
      'activation',
      'adam',
      'add',
      'applyWeights',
      'argmax',
      'articleNetwork',
      'backwardTrace',
      'balancedAccuracy',
      'binaryCrossEntropy',
      'classificationReport',
      'confusionMatrix',
      'createRandom',
      'crossEntropy',
      'datasets',
      'diagnose',
      'elementwiseActivation',
      'formula',
      'fromOnnx',
      'fromRecords',
      'fromTfjsModel',
      'getEngine',
      'gradientCheck',
      'gradients',
      'hadamard',
      'hstack',
      'isPiecewiseLinear',
      'kFold',
      'kinks',
      'leakyRelu',
      'leakyReluWithSlope',
      'linear',
      'linearRegion',
      'loadMathjs',
      'map',
      'matrix',
      'meanAbsoluteError',
      'momentum',
      'mse',
      'multiply',
      'oneHot',
      'ones',
      'optimizerFromJSON',
      'r2',
      'randomMatrix',
      'relu',
      'restoreTrainingState',
      'rootMeanSquaredError',
      'scale',
      'setEngine',
      'sgd',
      'sigmoid',
      'softmax',
      'standardize',
      'standardizerFromJSON',
      'subtract',
      'sumRows',
      'tanh',
      'toOnnx',
      'toTfjsFiles',
      'toTfjsModel',
      'trainTestSplit',
      'trainingState',
      'transpose',
      'twoNode',
      'vstack',
      'zeros',
    ]);
    for (const value of Object.values(api)) expect(value).toBeDefined();
  });

  it('exports these types (tsc fails here if one disappears)', () => {
    const seed: Seed = 42;
    const init: InitName = 'he';
    const spec: ActivationSpec = { name: 'leakyRelu', slope: 0.1 };
    const input: MatrixInput = [[1]];
    const bias: BiasInput = [0];
    const layer: LayerInput = { weights: input, biases: bias, activation: spec };
    const options: NetworkOptions = { layers: [1, 1], init, seed };
    const net = api.Network.fromWeights([layer]);
    const json: NetworkJSON = net.toJSON();
    const weight: JSONNumber = json.weights[0][0][0];
    const first: Layer = net.layers[0];
    const g: Activation = first.activation;
    const step: TraceStep = net.trace(input)[0];
    const random: Random = api.createRandom(seed);
    const mathjsLike: MathjsMatrixLike = { toArray: () => [[1]], size: () => [1, 1] };
    const engine: Engine = api.getEngine();
    expect([options.layers, weight, g.name, step.layer, typeof random.uniform(), api.matrix(mathjsLike).shape, typeof engine]).toEqual([
      [1, 1],
      1,
      'leakyRelu',
      1,
      'number',
      [1, 1],
      'string',
    ]);
  });

  it('exports the types of real data (tsc fails here if one disappears)', () => {
    const record: DataRecord = { x: 1, kind: 'a' };
    const missing: MissingRule = 'mode';
    const options: FromRecordsOptions = { inputs: ['x'], target: 'kind', missing };
    const data: RecordData = api.fromRecords([record, { x: 2, kind: 'b' }], options);
    const impute: Impute | undefined = data.impute;
    const split: TrainTestSplitOptions = { test: 0.5, seed: 1 };
    const parts: { train: SplitPart<RecordData>; test: SplitPart<RecordData> } = api.trainTestSplit(data, split);
    const input: SplitInput = { X: data.X, Y: data.Y };
    const label: Label = parts.test.targets[0];
    const labels: Labels = [label];
    const cm: ConfusionMatrix = api.confusionMatrix(labels, labels);
    const net = new api.Network({ layers: [1, 2], output: 'softmax', labels: data.labels, features: data.features, impute });
    const answer: Classification = net.classify({ x: 3 });
    expect([input.X === data.X, cm.total, typeof answer.label]).toEqual([true, 1, 'string']);
    const folds: KFoldOptions = { folds: 2, seed: 1 };
    const splits: { train: SplitPart<RecordData>; test: SplitPart<RecordData> }[] = api.kFold(data, folds);
    const shape: NetworkForOptions = { hidden: [2], seed: 1 };
    const sized: NetworkData = splits[0].train;
    const fit: FitOptions = { epochs: 1, standardize: 'inputs' as StandardizeOption, classWeights: 'balanced' as ClassWeights, onWarning: () => {} };
    const trained = api.Network.for(sized, shape);
    trained.fit(data.X, data.Y, fit);
    const report: ClassificationReport = api.classificationReport(trained.classify(data.records), data.targets);
    const scores: ClassScores = report.macro;
    expect([splits.length, trained.sizes, scores.support]).toEqual([2, [1, 2, 2], 2]);
  });

  it('loadMathjs resolves to mathjs (the library loads it only when asked)', async () => {
    const math = await api.loadMathjs();
    expect(math.multiply(2, 3)).toBe(6);
  });
});
