/**
 * Training: gradient descent on the loss, one minibatch at a time.
 *
 *   for each epoch:                      (one pass over every sample)
 *     shuffle the samples (seeded)
 *     for each minibatch (X_b, Y_b):
 *       forward pass, keeping Zˡ, Aˡ      (backprop.ts)
 *       backward pass → dWˡ, dbˡ          (backprop.ts)
 *       dWˡ += λ·Wˡ                       (l2 weight decay, if asked)
 *       the optimizer moves Wˡ, bˡ        (optimizers.ts)
 *
 * fit is atomic per step: if a step would leave a NaN or an infinity anywhere,
 * the weights (and the optimizer's memory) are put back as they were before
 * it, and fit stops with an error that says what happened and what to try.
 */
import { ValueError, describeValue } from '../core/errors.js';
import { forwardBlock } from '../core/forward.js';
import { Matrix, type MatrixInput } from '../core/matrix.js';
import { DEFAULT_SEED, type Seed, checkSeed, createRandom } from '../core/random.js';
import { type NetworkLayers, inputsOf, outputsOf, sizesOf } from '../core/types.js';
import { allFinite, checkNumber, checkOptions, checkWholeNumber } from '../core/validate.js';
import { gatherColumns } from './backprop-loops.js';
import { type LossOption, Workspace, backwardPass, chooseLoss, outputLayer, weighSamples } from './backprop.js';
import { type ClassWeights, type StandardizeOption, type Trainable, trainingData } from './fit-data.js';
import { type Loss, checkProbabilities, outputDelta } from './losses.js';
import { OPTIMIZER_DEFAULTS, type Optimizer, type OptimizerName, resolveOptimizer } from './optimizers.js';
import { createProgress } from './progress.js';
import { Checkpoint, EarlyStopping } from './checkpoint.js';
import { fitWarnings, rememberTraining } from './warnings.js';

/** The options of `net.fit`; every default is in FIT_DEFAULTS. */
export interface FitOptions {
  /** Train until this epoch (counting from 1). */
  epochs?: number;
  /** Start after this many epochs already done (to resume a saved run). */
  initialEpoch?: number;
  /** η, for an optimizer given by name. */
  learningRate?: number;
  /** 'sgd', 'momentum', 'adam', or an optimizer object (which keeps its state across fit calls). */
  optimizer?: OptimizerName | Optimizer;
  /** 'auto' picks crossEntropy after softmax, binaryCrossEntropy after sigmoid, mse otherwise. */
  loss?: LossOption;
  /** Samples per step; all of them (full batch) when not given. */
  batchSize?: number;
  /** Reorder the samples before each epoch's minibatches (seeded; no effect on a full batch). */
  shuffle?: boolean;
  /** Seed of the shuffling. */
  seed?: Seed;
  /** Held-out data whose loss is measured after each epoch. */
  validation?: { X: MatrixInput; Y: MatrixInput };
  /**
   * Hold out this fraction of the samples (0 < f < 1, rounded up) as the validation data instead: chosen
   * by a shuffle seeded with `seed`, before any training, and never trained on. Not with `validation`.
   */
  validationSplit?: number;
  /** Called after each epoch (epochs count from 1); returning false stops training. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a callback returns nothing (void), or false to stop
  onEpoch?: (epoch: number, logs: { loss: number; validationLoss?: number }) => void | boolean;
  /** λ of L2 weight decay: each step adds λ·W to dW (biases are not decayed). */
  l2?: number;
  /** Stop when the validation loss has not improved for this many epochs, and keep the best weights. */
  patience?: number;
  /** Draw a progress bar on stderr (Node). */
  progress?: boolean;
  /** Where fit's warnings go. */
  onWarning?: (message: string) => void;
  /**
   * 'inputs': standardize each input feature, x′ = (x − μ)/σ, with μ and σ of the training samples only
   * (after validationSplit has set its share aside), keep that standardizer in the network
   * (net.standardize.inputs) and train on x′; 'both': the regression target too (net.standardize.outputs:
   * the network learns y′ = (y − μ)/σ and predict answers in Y's units); false: no standardizer. Left out:
   * the network's own standardizer, if it has one, is applied. X, Y and validation are always given raw.
   */
  standardize?: StandardizeOption;
  /**
   * Weigh each training sample's loss by its class: 'balanced' gives class c the weight n / (k·count_c)
   * (scikit-learn's formula: a rare class weighs as much in all as a common one); { benign: 1, malignant: 3 }
   * names classes by net.labels (or '0', '1', … without labels), and an unnamed class weighs 1.
   * The validation loss is weighted the same way, so early stopping watches what training minimizes.
   */
  classWeights?: ClassWeights;
}

/** What fit returns: the loss of every epoch, and the validation loss when validation data was given. */
export interface History {
  loss: number[];
  validationLoss?: number[];
}

/** Every default of fit, written once; its keys are all of fit's options. */
export const FIT_DEFAULTS = Object.freeze({
  epochs: 100,
  initialEpoch: 0,
  learningRate: OPTIMIZER_DEFAULTS.adam.learningRate, // η = 0.01, every optimizer's default
  optimizer: 'adam',
  loss: 'auto',
  batchSize: undefined, // full batch
  shuffle: true,
  seed: DEFAULT_SEED,
  l2: 0,
  patience: undefined, // no early stopping
  validation: undefined, // no held-out data
  validationSplit: undefined, // or hold out a fraction of X, Y
  onEpoch: undefined, // no callback
  progress: false,
  /** Where fit's plain-language warnings go: the console, unless you pass your own function. */
  onWarning: (message: string) => console.warn(message),
  standardize: undefined, // the network's own net.standardize, if any
  classWeights: undefined, // every sample weighs 1
} as const);

/**
 * Thrown when the loss stops being a finite number; the network keeps its last finite weights.
 * @example new DivergenceError('Network.fit: the loss became Infinity at epoch 3', 3, 0.25).epoch //=> 3
 */
export class DivergenceError extends Error {
  override name = 'DivergenceError';
  constructor(
    message: string,
    readonly epoch: number,
    readonly lastFiniteLoss: number | undefined,
  ) {
    super(message);
  }
}

/** The mean loss of the network on X, Y (computed stably from Z, as training does), each sample weighted by w if given. */
function meanLoss(
  net: NetworkLayers,
  ws: Workspace,
  data: { X: Matrix; Y: Matrix; weights?: Float64Array },
  loss: Loss,
): number {
  const { X, Y, weights } = data;
  forwardBlock(net.layers, X.data, X.cols, 0, X.cols, ws.layers);
  // outputDelta also writes a dZ we do not need: one extra pass, and the same loss as training's.
  const top = outputLayer(net.layers, ws, X.cols);
  const sum = outputDelta(loss, top, Y.data);
  return (weights ? weighSamples(loss, top, Y.data, weights) : sum) / X.cols; // (1/m)·Σⱼ wⱼ·ℓⱼ
}

/** fit's options, checked and with their defaults filled in (nothing is changed yet). */
function readOptions(net: Trainable, X: MatrixInput, Y: MatrixInput, options: FitOptions, where: string) {
  checkOptions(options, FIT_DEFAULTS, where);
  for (const name of ['onEpoch', 'onWarning'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function') {
      throw new ValueError(`${where}: ${name} is ${describeValue(options[name])} but it must be a function`);
    }
  }
  for (const name of ['shuffle', 'progress'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'boolean') {
      throw new ValueError(`${where}: ${name} is ${describeValue(options[name])} but it must be true or false`);
    }
  }
  const seed = checkSeed(options.seed ?? FIT_DEFAULTS.seed, where);
  const prepared = trainingData(net, X, Y, options, seed, where);
  const { data, validation } = prepared;
  const samples = data.X.cols;
  const loss = chooseLoss(options.loss ?? FIT_DEFAULTS.loss, net.layers[net.layers.length - 1].activation, where);
  checkProbabilities(loss, data.Y, where, 'Y'); // a cross-entropy's targets outside [0, 1] give a negative loss
  const epochs = checkWholeNumber(options.epochs ?? FIT_DEFAULTS.epochs, where, 'epochs', 1);
  const initialEpoch = checkWholeNumber(options.initialEpoch ?? FIT_DEFAULTS.initialEpoch, where, 'initialEpoch', 0);
  if (initialEpoch >= epochs)
    throw new ValueError(
      `${where}: initialEpoch is ${initialEpoch} but epochs is ${epochs} (training runs from epoch initialEpoch + 1 to epochs)`,
    );
  const batchSize = checkWholeNumber(options.batchSize ?? samples, where, 'batchSize', 1);
  if (batchSize > samples)
    throw new ValueError(`${where}: batchSize is ${batchSize} but there are only ${samples} samples (columns of X)`);
  // A learning rate goes with an optimizer named here; an optimizer object brings its own.
  if (options.learningRate !== undefined)
    checkNumber(options.learningRate, where, 'learningRate', { test: (x) => x > 0, says: 'a number > 0' });
  const learningRate =
    options.learningRate ?? (typeof options.optimizer === 'object' ? undefined : FIT_DEFAULTS.learningRate);
  const optimizer = resolveOptimizer(options.optimizer ?? FIT_DEFAULTS.optimizer, learningRate, where);
  const l2 = options.l2 ?? FIT_DEFAULTS.l2;
  if (typeof l2 !== 'number' || !Number.isFinite(l2) || l2 < 0)
    throw new ValueError(`${where}: l2 is ${describeValue(l2)} but it must be a number ≥ 0`);
  const patience =
    options.patience === undefined ? undefined : checkWholeNumber(options.patience, where, 'patience', 1);
  if (patience !== undefined && validation === undefined)
    throw new ValueError(
      `${where}: patience is ${patience} but no validation data was given (early stopping watches the validation loss: give validation or validationSplit)`,
    );
  const shuffle = (options.shuffle ?? FIT_DEFAULTS.shuffle) && batchSize < samples; // a full batch is the same sum in any order
  if (validation) checkProbabilities(loss, validation.Y, `${where}: validation`, 'Y');
  const { weights } = prepared;
  return {
    data,
    samples,
    loss,
    epochs,
    initialEpoch,
    batchSize,
    optimizer,
    seed,
    l2,
    validation,
    patience,
    shuffle,
    weights,
    prepared,
  };
}

/**
 * Trains the network on X (inputs × samples) and Y (outputs × samples), both raw, changing only its weights
 * and biases, and its standardizer when the standardize option asks for one (net.standardize, set when training starts).
 * Defaults: FIT_DEFAULTS (100 epochs of adam at η = 0.01, full batch, the loss that suits the output).
 * Returns { loss, validationLoss? }, one number per epoch; the epoch's loss is the mean over its minibatches,
 * each measured before its step (as Keras and tfjs report it). The same seed gives the same weights, bit for bit.
 * Called as `net.fit(X, Y, options)`, whose example shows it learning y = 2x + 1.
 */
export function fitNetwork(net: Trainable, X: MatrixInput, Y: MatrixInput, options: FitOptions = {}): History {
  const where = 'Network.fit';
  // Validate everything first, then change anything.
  const settings = readOptions(net, X, Y, options, where);
  const { samples, loss, epochs, initialEpoch, validation, patience, prepared } = settings;

  const step = createStep(net, settings, where);
  const batches = createMinibatches(net, settings, where);
  const validationWs = validation && new Workspace(sizesOf(net), validation.X.cols);
  const early = patience === undefined ? undefined : new EarlyStopping(patience);
  const history: History = { loss: [], ...(validation ? { validationLoss: [] } : {}) };
  const progress = options.progress ? createProgress(epochs, initialEpoch, where) : undefined;
  fitWarnings(net, prepared, options.onWarning ?? FIT_DEFAULTS.onWarning, where);
  if (prepared.measured) net.standardize = prepared.standardize; // predict applies what training applies
  rememberTraining(net, prepared.rawX);
  try {
    for (let epoch = initialEpoch + 1; epoch <= epochs; epoch++) {
      let epochLoss = 0;
      for (const { x, y, w, cols } of batches(epoch)) epochLoss += step(epoch, x, y, w, cols);
      history.loss.push(epochLoss / samples);
      let validationLoss: number | undefined;
      if (validation && validationWs) {
        validationLoss = meanLoss(net, validationWs, validation, loss);
        if (!Number.isFinite(validationLoss)) {
          throw new DivergenceError(
            `${where}: the validation loss became ${validationLoss} in epoch ${epoch} (the validation data drives the outputs beyond float64); the network keeps this epoch's weights`,
            epoch,
            history.loss.at(-1),
          );
        }
        history.validationLoss!.push(validationLoss);
      }
      progress?.update(epoch, epochLoss / samples, validationLoss);
      const stop =
        options.onEpoch?.(epoch, { loss: epochLoss / samples, ...(validation ? { validationLoss } : {}) }) === false;
      if (early && validationLoss !== undefined && early.stops(validationLoss, net.layers)) break;
      if (stop) break;
    }
  } finally {
    progress?.stop();
  }
  early?.keepBest(net.layers);
  return history;
}

type Settings = ReturnType<typeof readOptions>;

/**
 * One training step on `cols` samples (x: inputs × cols, y: outputs × cols): forward, backward, l2, then
 * the optimizer, undone if anything is not finite. Returns the summed loss Σⱼ ℓⱼ, measured before the step.
 */
function createStep(net: NetworkLayers, { loss, batchSize, optimizer, l2 }: Settings, where: string) {
  const layers = net.layers;
  const ws = new Workspace(sizesOf(net), batchSize);
  const grads = layers.map((layer, l) => ({
    dW: new Matrix(layer.weights.rows, layer.weights.cols, ws.layers[l].dW), // views on the workspace, no copies
    db: new Matrix(layer.biases.rows, 1, ws.layers[l].db),
  }));
  const checkpoint = new Checkpoint();
  let lastFinite: number | undefined;

  const diverged = (epoch: number, what: string): never => {
    const smaller = optimizer.learningRate / 10;
    throw new DivergenceError(
      `${where}: ${what} in epoch ${epoch} (${lastFinite === undefined ? 'no finite loss came before it' : `the last finite loss was ${lastFinite}`}); ` +
        `the network keeps its last finite weights. The learning rate ${optimizer.learningRate} is probably too large: try a smaller one, such as ${smaller}`,
      epoch,
      lastFinite,
    );
  };

  return (epoch: number, x: Float64Array, y: Float64Array, w: Float64Array | undefined, cols: number): number => {
    forwardBlock(layers, x, cols, 0, cols, ws.layers); // every Zˡ and Aˡ, kept for the backward pass
    const lossSum = backwardPass(layers, ws, x, y, cols, loss, w);
    if (!Number.isFinite(lossSum)) diverged(epoch, `the loss became ${lossSum / cols}`);
    lastFinite = lossSum / cols;
    if (l2 > 0) {
      layers.forEach((layer, l) => {
        const W = layer.weights.data,
          dW = ws.layers[l].dW;
        for (let n = 0; n < W.length; n++) dW[n] += l2 * W[n]; // dW += λ·W, the gradient of (λ/2)·ΣW²
      });
    }
    if (!grads.every((g) => allFinite(g.dW.data) && allFinite(g.db.data)))
      diverged(epoch, 'a gradient became infinite');
    checkpoint.save(layers, optimizer);
    try {
      optimizer.step(layers, grads);
    } catch (error) {
      checkpoint.restore(layers, optimizer);
      throw error;
    }
    if (!layers.every((layer) => allFinite(layer.weights.data) && allFinite(layer.biases.data))) {
      checkpoint.restore(layers, optimizer);
      diverged(epoch, 'a step made a weight infinite');
    }
    return lossSum;
  };
}

/**
 * An epoch's minibatches, in the epoch's (seeded) order: x (inputs × cols), y (outputs × cols) and the
 * samples' weights w (with classWeights), gathered into buffers reused from batch to batch (the data
 * itself when one batch holds every sample).
 */
function createMinibatches(net: NetworkLayers, settings: Settings, where: string) {
  const { data, samples, batchSize, seed, shuffle, weights } = settings;
  const Xb = new Float64Array(inputsOf(net) * batchSize); // one minibatch, gathered: inputs × batch
  const Yb = new Float64Array(outputsOf(net) * batchSize);
  const Wb = weights && new Float64Array(batchSize);
  const order = Int32Array.from({ length: samples }, (_, j) => j);
  type Batch = { x: Float64Array; y: Float64Array; w: Float64Array | undefined; cols: number };
  return function* (epoch: number): Generator<Batch> {
    if (shuffle) {
      // Each epoch's order depends only on (seed, epoch), so a resumed run shuffles as an uninterrupted one.
      const random = createRandom((seed ^ Math.imul(epoch, 0x9e3779b9)) >>> 0, where);
      order.set(random.shuffle(Array.from({ length: samples }, (_, j) => j)));
    }
    for (let start = 0; start < samples; start += batchSize) {
      const cols = Math.min(batchSize, samples - start);
      if (cols === samples) {
        yield { x: data.X.data, y: data.Y.data, w: weights, cols };
        continue;
      }
      gatherColumns(data.X.data, inputsOf(net), samples, order, start, cols, Xb);
      gatherColumns(data.Y.data, outputsOf(net), samples, order, start, cols, Yb);
      if (weights && Wb) gatherColumns(weights, 1, samples, order, start, cols, Wb);
      const w = Wb?.subarray(0, cols);
      yield { x: Xb.subarray(0, inputsOf(net) * cols), y: Yb.subarray(0, outputsOf(net) * cols), w, cols };
    }
  };
}
