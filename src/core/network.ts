/**
 * A dense feedforward network: the article's steps, nested for any list of
 * layer sizes. For layers [1, 2, 2, 1] it computes exactly
 *
 *   linear(applyWeights(relu(applyWeights(relu(applyWeights(X, W¹, b¹)), W², b²)), W³, b³))
 *
 * and keeps every Wˡ and bˡ in `net.layers`, where training changes them.
 */
import {
  type Activation,
  type ActivationSpec,
  activate,
  resolveActivation,
  resolveHiddenActivation,
} from './activations.js';
import { ShapeError, ValueError, describeValue, formatShape, plural } from './errors.js';
import { forwardInBlocks } from './forward.js';
import { type InitName, checkInit, initLayer } from './init.js';
import { type BiasInput, weightedSums } from './steps.js';
import { type MathjsMatrixLike, Matrix, type MatrixInput, toColumn, toMatrix, transpose } from './matrix.js';
import { DEFAULT_SEED, type Seed, checkSeed, createRandom } from './random.js';
import { type Classification, checkFeatures, checkLabels, classifyOutputs } from './labels.js';
import { networkToJSON, readNetworkJSON, readStandardize } from './serialize.js';
import { type Layer, type NetworkJSON, type NetworkStandardize, inputsOf, outputsOf, sizesOf } from './types.js';
import { MAX_PARAMETERS, checkInputRows, checkKeys, checkLayerSizes, checkOptions, checkResult } from './validate.js';
// The façade's thin methods: training and code generation are functions of the layers as plain data,
// written in later chapters; only this class imports them (test/architecture.test.ts allows it alone).
import { type BackwardStep, type Gradients, type LossOption, backwardTrace, gradients } from '../train/backprop.js';
import { type FitOptions, type History, fitNetwork } from '../train/fit.js';
import { type DataRecord, encodeRecords } from '../train/records.js';
import { type SourceOptions, toFunction, toSource } from '../interop/source.js';

/** One step of the forward pass, as `trace` reports it. */
export interface TraceStep {
  /** The layer's number, counting from 1 as the article's diagram does (the inputs are layer 0). */
  layer: number;
  /** Aˡ⁻¹, the activations coming in: nIn × samples (the inputs X for layer 1). */
  input: Matrix;
  /** Wˡ: nOut × nIn. */
  weights: Matrix;
  /** bˡ: nOut × 1. */
  biases: Matrix;
  /** Zˡ = Wˡ·Aˡ⁻¹ + bˡ: nOut × samples. */
  z: Matrix;
  /** Aˡ = g(Zˡ): nOut × samples. */
  a: Matrix;
}

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
}

/** Every default of the constructor, written once. */
export const NETWORK_DEFAULTS = Object.freeze({
  hidden: 'relu',
  output: 'linear',
  init: 'he',
  seed: DEFAULT_SEED,
  labels: undefined, // no class names
  features: undefined, // no input names
} as const);

/** A layer given by hand to `Network.fromWeights`. */
export interface LayerInput {
  weights: MatrixInput;
  biases: BiasInput;
  /** Overrides the hidden/output activation for this layer. */
  activation?: ActivationSpec | Activation;
}

/** Every default of `Network.fromWeights`: the constructor's activations (any other option is a typo and an error). */
export const FROM_WEIGHTS_DEFAULTS = Object.freeze({
  hidden: NETWORK_DEFAULTS.hidden,
  output: NETWORK_DEFAULTS.output,
});

/** The keys of a layer given by hand (any other key is a typo and an error, with a "did you mean"). */
const LAYER_INPUT_KEYS = ['weights', 'biases', 'activation'] as const;

/**
 * A dense feedforward network: Aˡ = g(Wˡ·Aˡ⁻¹ + bˡ) for l = 1 … L, from A⁰ = X
 * (inputs × samples) to the output A^L (outputs × samples).
 * @example new Network({ layers: [1, 2, 2, 1], seed: 42 }).sizes //=> [1, 2, 2, 1]
 */
export class Network {
  /**
   * The weight layers, first to last. Arrays count from 0, so `layers[0]` is
   * the article's layer 1 (the inputs are layer 0); `trace`, `kinks` and error
   * messages count from 1.
   */
  readonly layers: readonly Layer[];

  /**
   * Standardizers used by `predict` (only): raw samples are standardized with
   * `inputs` before the forward pass and predictions mapped back with `outputs.invert`.
   * Saved by toJSON. `forward`, `trace` and `fit` take the numbers as given.
   */
  standardize: NetworkStandardize | undefined = undefined;

  /** The checked labels and features behind the accessors (set by the constructor, assemble and fromJSON). */
  private names: { labels?: readonly string[]; features?: readonly string[] } = {};

  /**
   * The class of each output, used by `classify` and saved by toJSON: one per softmax output, or two
   * for a single sigmoid output (whose p is the second's probability). Checked when set; undefined when none.
   * @example const net = new Network({ layers: [2, 3], output: 'softmax' });
   * net.labels = ['Adelie', 'Chinstrap', 'Gentoo'];
   * net.labels //=> ['Adelie', 'Chinstrap', 'Gentoo']
   */
  get labels(): readonly string[] | undefined {
    return this.names.labels;
  }
  /** Sets the class names, checked against the output layer (a copy is kept, frozen); undefined removes them. */
  set labels(value: readonly string[] | undefined) {
    this.names.labels = value === undefined ? undefined : checkLabels(value, this.layers, 'Network.labels');
  }

  /**
   * The name of each input (row of X), used by `classify` to read records and saved by toJSON; as
   * `fromRecords` names them (`column` or `column=category`). Checked when set; undefined when none.
   * @example const net = new Network({ layers: [2, 1] });
   * net.features = ['width', 'height'];
   * net.features //=> ['width', 'height']
   */
  get features(): readonly string[] | undefined {
    return this.names.features;
  }
  /** Sets the input names, one per input (a copy is kept, frozen); undefined removes them. */
  set features(value: readonly string[] | undefined) {
    this.names.features = value === undefined ? undefined : checkFeatures(value, this.layers, 'Network.features');
  }

  /**
   * A network with seeded starting weights. A network holds at most MAX_PARAMETERS
   * (2²⁵) weights and biases, checked before anything is allocated (here, in
   * `fromWeights` and in `fromJSON` alike).
   * @example new Network({ layers: [1, 2, 2, 1], seed: 42 }).layers.length //=> 3
   */
  constructor(options: NetworkOptions) {
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      throw new ValueError(
        `Network: options are ${describeValue(options)} but must be an object like { layers: [1, 2, 2, 1] }`,
      );
    }
    checkOptions(options, NETWORK_DEFAULTS, 'Network', ['layers']);
    const sizes = checkLayerSizes(options.layers, 'Network');
    const hidden = resolveHiddenActivation(options.hidden ?? NETWORK_DEFAULTS.hidden, 'Network');
    const output = resolveActivation(options.output ?? NETWORK_DEFAULTS.output, 'Network');
    const init = checkInit(options.init ?? NETWORK_DEFAULTS.init, 'Network');
    const random = createRandom(checkSeed(options.seed ?? NETWORK_DEFAULTS.seed, 'Network'));
    const layers: Layer[] = [];
    for (let l = 1; l < sizes.length; l++) {
      const nIn = sizes[l - 1];
      const nOut = sizes[l];
      const { weights, biases } = initLayer(init, nIn, nOut, random);
      layers.push({
        weights: new Matrix(nOut, nIn, weights),
        biases: new Matrix(nOut, 1, biases),
        activation: l === sizes.length - 1 ? output : hidden,
      });
    }
    checkOutput(layers, 'Network');
    this.layers = layers;
    if (options.labels !== undefined) this.names.labels = checkLabels(options.labels, layers, 'Network');
    if (options.features !== undefined) this.names.features = checkFeatures(options.features, layers, 'Network');
  }

  /**
   * A network with the weights and biases you give (copied), layer by layer.
   * Defaults: FROM_WEIGHTS_DEFAULTS (relu hidden, linear output, as NETWORK_DEFAULTS).
   * @example Network.fromWeights([{ weights: [[2]], biases: [1] }]).predict([3]) //=> [7]
   */
  static fromWeights(
    layers: readonly LayerInput[],
    options: { hidden?: ActivationSpec | Activation; output?: ActivationSpec | Activation } = {},
  ): Network {
    const where = 'Network.fromWeights';
    if (!Array.isArray(layers) || layers.length === 0) {
      throw new ValueError(
        `${where}: layers is ${describeValue(layers)} but it must be a non-empty array of { weights, biases }`,
      );
    }
    const { hidden: hiddenSpec, output: outputSpec } = checkOptions(options, FROM_WEIGHTS_DEFAULTS, where);
    checkGivenParameters(layers, where); // before any copy is made
    const hidden = resolveHiddenActivation(hiddenSpec ?? FROM_WEIGHTS_DEFAULTS.hidden, where);
    const output = resolveActivation(outputSpec ?? FROM_WEIGHTS_DEFAULTS.output, where);
    const built = Array.from(layers, (layer: unknown, l): Layer => {
      const name = `layer ${l + 1}`;
      if (typeof layer !== 'object' || layer === null || Array.isArray(layer)) {
        throw new ValueError(`${where}: ${name} is ${describeValue(layer)} but it must be { weights, biases }`);
      }
      checkKeys(layer, LAYER_INPUT_KEYS, `${where}: ${name}`, 'key');
      const { weights: W, biases: b, activation: spec } = layer as LayerInput;
      const weights = copy(toMatrix(W, where, `${name} weights`));
      const biases = copy(toColumn(b, where, `${name} biases`));
      const last = l === layers.length - 1;
      const activation =
        spec === undefined
          ? last
            ? output
            : hidden
          : last
            ? resolveActivation(spec, `${where}: ${name}`)
            : resolveHiddenActivation(spec, `${where}: ${name}`);
      return { weights, biases, activation };
    });
    checkLayers(built, where);
    checkOutput(built, where);
    return Network.assemble(built);
  }

  /** A network around layers already checked (no copy). */
  private static assemble(layers: Layer[]): Network {
    const net: Network = Object.create(Network.prototype);
    (net as { layers: readonly Layer[] }).layers = layers;
    net.standardize = undefined;
    net.names = {};
    return net;
  }

  /** Layer sizes, inputs first: [1, 2, 2, 1]. */
  get sizes(): number[] {
    return sizesOf(this);
  }

  /** Number of input features (rows of X). */
  get inputs(): number {
    return inputsOf(this);
  }

  /** Number of outputs (rows of the result). */
  get outputs(): number {
    return outputsOf(this);
  }

  /**
   * The forward pass: X (inputs × samples) → the last layer's A (outputs × samples).
   * It computes the same Zˡ = Wˡ·Aˡ⁻¹ + bˡ, Aˡ = g(Zˡ) as `trace`, bit for bit,
   * but a block of samples (columns) at a time through every layer, so the
   * intermediate matrices stay in the processor's cache and none is kept.
   * @example Network.fromWeights([{ weights: [[2]], biases: [1] }]).forward([[3, 4]]).toArray() //=> [[7, 9]]
   */
  forward(X: MatrixInput): Matrix {
    const x = this.checkInput(X, 'Network.forward'); // the one pass over X: shape and finiteness
    return forwardInBlocks(this.layers, x, (start, cols) => this.explainOverflow(x, start, cols));
  }

  /**
   * Called only when forward's output is not finite: runs `trace`'s loop again on
   * the block of columns, which throws naming the first layer whose Z or A is not.
   */
  private explainOverflow(x: Matrix, start: number, cols: number): never {
    traceLayers(this.layers, columns(x, start, cols), 'Network.forward', start);
    throw new ValueError('Network.forward: the output is not finite'); // unreachable: trace threw
  }

  /**
   * Every step of the forward pass, one entry per layer, in order: the layer's
   * input Aˡ⁻¹, its Wˡ and bˡ, Zˡ = Wˡ·Aˡ⁻¹ + bˡ and Aˡ = g(Zˡ). The last `a` equals `forward(X)`.
   * @example Network.fromWeights([{ weights: [[2]], biases: [-1] }], { output: 'relu' }).trace([[0]])[0].z.toArray() //=> [[-1]]
   */
  trace(X: MatrixInput): TraceStep[] {
    return traceLayers(this.layers, this.checkInput(X, 'Network.trace'), 'Network.trace');
  }

  /**
   * Predictions for samples given the way data files hold them: ONE ROW PER
   * SAMPLE (unlike `forward`, whose X has one column per sample).
   * `samples` is a number[] (one input feature, one number per sample) or a
   * number[][] (one row of features per sample), or records (objects with the columns `net.features`
   * names, raw as in the data file). Returns one output per sample: a number when the network has one
   * output, else an array.
   * The answer's type is `number | number[]` (the network's outputs are known only when it runs): say which
   * you expect, `net.predict<number>(xs)`, or use `classify` for classes by name.
   * @example Network.fromWeights([{ weights: [[2]], biases: [1] }]).predict([0, 1, 2]) //=> [1, 3, 5]
   */
  predict<Answer extends number | number[] = number | number[]>(
    samples: readonly number[] | readonly (readonly number[])[] | readonly DataRecord[] | MatrixInput,
  ): Answer[] {
    const Y = this.outputsFor(samples, 'Network.predict');
    if (Y.rows === 1) return Array.from(Y.data) as Answer[];
    return transpose(Y).toArray() as Answer[];
  }

  /**
   * The class of each sample, by name: { label, confidence, probabilities } with the probabilities keyed
   * by label, highest first. A row of numbers (one per input) or a record (an object with the columns
   * `net.features` names, raw as in the data file) gives one answer; a list of them, one per sample.
   * Inputs are standardized as `predict` does. Needs `net.labels` and a softmax or sigmoid output.
   * @example const net = Network.fromWeights([{ weights: [[1]], biases: [0] }], { output: 'sigmoid' });
   * net.labels = ['no', 'yes'];
   * net.classify([0]) //=> { label: 'no', confidence: 0.5, probabilities: { no: 0.5, yes: 0.5 } }
   */
  classify(sample: readonly number[] | DataRecord): Classification;
  classify(samples: readonly (readonly number[])[] | readonly DataRecord[]): Classification[];
  classify(
    input: readonly number[] | DataRecord | readonly (readonly number[])[] | readonly DataRecord[],
  ): Classification | Classification[] {
    const where = 'Network.classify';
    if (this.names.labels === undefined) {
      throw new ValueError(
        `${where}: the network has no labels but classify names classes (set net.labels = data.labels, or pass labels to new Network)`,
      );
    }
    checkLabels(this.names.labels, this.layers, where); // the output activation still suits them
    const one = !Array.isArray(input) || (input.length > 0 && !input.some((s) => typeof s === 'object'));
    const samples = (one ? [input] : input) as readonly unknown[];
    if (samples.length === 0) throw new ValueError(`${where}: samples is an empty list (give at least one)`);
    const answers = classifyOutputs(
      this.outputsFor(samples as readonly (readonly number[])[], where),
      this.names.labels,
    );
    return one ? answers[0] : answers;
  }

  /** predict's pass: samples as rows (or a flat list for one input) → standardized → forward → outputs × samples. */
  private outputsFor(
    samples: readonly number[] | readonly (readonly number[])[] | readonly DataRecord[] | MatrixInput,
    where: string,
  ): Matrix {
    if (Array.isArray(samples) && samples.some(isRecord)) samples = this.readRecords(samples, where);
    if (
      typeof (samples as { size?: unknown } | null)?.size === 'function' &&
      (samples as MathjsMatrixLike).size().length === 1
    ) {
      samples = (samples as MathjsMatrixLike).toArray() as number[]; // a mathjs 1-D vector means what a flat list means
    }
    let X: Matrix;
    if (Array.isArray(samples) && samples.length > 0 && !Array.isArray(samples[0])) {
      const row = toMatrix([samples as number[]], where, 'samples'); // 1 × samples
      if (this.inputs !== 1) {
        throw new ShapeError(
          `${where}: samples is a flat list of ${row.cols} numbers but the network has ${this.inputs} inputs (a flat list is one input feature per sample; give one row per sample: [[x1, …, x${this.inputs}], …])`,
        );
      }
      X = row;
    } else {
      const rows = toMatrix(samples, where, 'samples'); // samples × inputs
      if (rows.cols !== this.inputs) {
        throw new ShapeError(
          `${where}: each sample has ${plural(rows.cols, 'feature')} but the network has ${plural(this.inputs, 'input')} (one row per sample, one number per input)`,
        );
      }
      X = transpose(rows); // inputs × samples
    }
    if (this.standardize?.inputs) X = this.standardize.inputs.apply(X); // x′ = (x − μ)/σ
    let Y = this.forward(X); // outputs × samples
    if (this.standardize?.outputs) Y = this.standardize.outputs.invert(Y); // y = y′·σ + μ
    return Y;
  }

  /** Records (objects) as rows of numbers, by `net.features`; every sample must then be a record. */
  private readRecords(samples: readonly unknown[], where: string): number[][] {
    const n = samples.findIndex((sample) => !isRecord(sample));
    if (n >= 0) {
      throw new ValueError(
        `${where}: sample ${n + 1} is ${describeValue(samples[n])} but the samples before or after it are records (give all records or all rows of numbers)`,
      );
    }
    if (this.names.features === undefined) {
      throw new ValueError(
        `${where}: the samples are records but the network has no features to read them with (set net.features = data.features, or give rows of numbers)`,
      );
    }
    return encodeRecords(samples as DataRecord[], this.names.features, where);
  }

  /**
   * Everything needed to rebuild the network exactly: sizes, activations and every weight.
   * `Network.fromJSON(net.toJSON())` computes bit-identical outputs.
   */
  toJSON(): NetworkJSON {
    return networkToJSON(this.layers, this.standardize, { labels: this.names.labels, features: this.names.features });
  }

  /**
   * The forward pass for ONE sample as a standalone JavaScript function, no library needed:
   * `samples.map(net.toFunction())` equals `net.predict(samples)` bit for bit (see interop/source.ts).
   * @example Network.fromWeights([{ weights: [[2]], biases: [1] }]).toFunction()(3) //=> 7
   */
  toFunction(options?: SourceOptions): (x: number | readonly number[]) => number | number[] {
    return toFunction(this, options);
  }

  /**
   * The source of `toFunction()`: readable JavaScript, one line per layer with its weights written out.
   * @example Network.fromWeights([{ weights: [[2]], biases: [1] }]).toSource().includes('dense(a, [[2]], [1])') //=> true
   */
  toSource(options?: SourceOptions): string {
    return toSource(this, options);
  }

  /**
   * The network a `toJSON()` describes (or its JSON text). The input is
   * treated as untrusted: everything is checked before anything is built.
   * @example Network.fromJSON(new Network({ layers: [1, 2, 1] }).toJSON()).sizes //=> [1, 2, 1]
   */
  static fromJSON(json: NetworkJSON | string): Network {
    const where = 'Network.fromJSON';
    const { layers, json: checked } = readNetworkJSON(json, where);
    checkOutput(layers, where);
    const standardize = readStandardize(checked.standardize, layers, where);
    const labels = checked.labels === undefined ? undefined : checkLabels(checked.labels, layers, where);
    const features = checked.features === undefined ? undefined : checkFeatures(checked.features, layers, where);
    const net = Network.assemble(layers);
    net.standardize = standardize;
    net.names = { labels, features };
    return net;
  }

  /**
   * Trains the network on X (inputs × samples) and Y (outputs × samples) by
   * backpropagation, changing only its weights and biases; returns the loss per
   * epoch. Options and their defaults: FIT_DEFAULTS (train/fit.ts explains each).
   * @example const net = Network.fromWeights([{ weights: [[0]], biases: [0] }]);
   * net.fit([[0, 1]], [[1, 3]], { epochs: 500, learningRate: 0.1 }); // learns y = 2x + 1
   * Math.round(net.predict([2])[0] * 1e6) / 1e6 //=> 5   (2·2 + 1)
   */
  fit(X: MatrixInput, Y: MatrixInput, options: FitOptions = {}): History {
    return fitNetwork(this, X, Y, options);
  }

  /** ∂L/∂W and ∂L/∂b of every layer by backpropagation: see `gradients` (backprop.ts). */
  gradients(X: MatrixInput, Y: MatrixInput, options: { loss?: LossOption } = {}): Gradients {
    return gradients(this, X, Y, options);
  }

  /** Every Z, A, dA, dZ, dW, db of one forward and backward pass: see `backwardTrace` (backprop.ts). */
  backwardTrace(X: MatrixInput, Y: MatrixInput, options: { loss?: LossOption } = {}): BackwardStep[] {
    return backwardTrace(this, X, Y, options);
  }

  /** Checks X against the network: a finite matrix with one row per input feature. */
  private checkInput(X: MatrixInput, where: string): Matrix {
    const x = toMatrix(X, where, 'X');
    checkInputRows(x.rows, this.inputs, where);
    return x;
  }
}

/**
 * The forward pass as the article writes it, one layer at a time, keeping every
 * step: `trace` runs it on X, and `forward` runs it again on a block of columns
 * whose output was not finite. A Z or A that is not finite is an error naming
 * the layer and the sample (`firstCol`: the block's first column in X).
 */
function traceLayers(layers: readonly Layer[], X: Matrix, where: string, firstCol = 0): TraceStep[] {
  let A = X; // A⁰ = X   (inputs × samples)
  return layers.map(({ weights: W, biases: b, activation: g }, l) => {
    const input = A;
    const z = weightedSums(A, W, b); // Zˡ = Wˡ·Aˡ⁻¹ + bˡ   (nOut × samples)
    checkResult(z.data, z.cols, where, `layer ${l + 1}'s Z = W·A + b`, firstCol);
    A = activate(g, z); // Aˡ = g(Zˡ)   (nOut × samples)
    checkResult(A.data, A.cols, where, `layer ${l + 1}'s A = ${g.name}(Z)`, firstCol);
    return { layer: l + 1, input, weights: copy(W), biases: copy(b), z, a: A };
  });
}

/** Columns start … start + cols − 1 of X, as a new matrix. */
function columns(X: Matrix, start: number, cols: number): Matrix {
  const block = new Matrix(X.rows, cols);
  for (let i = 0; i < X.rows; i++)
    block.data.set(X.data.subarray(i * X.cols + start, i * X.cols + start + cols), i * cols);
  return block;
}

function copy(m: Matrix): Matrix {
  return new Matrix(m.rows, m.cols, m.data.slice());
}

/** A record: an object that is not an array (nor a matrix: Matrix and mathjs matrices are not plain samples lists). */
function isRecord(sample: unknown): boolean {
  return typeof sample === 'object' && sample !== null && !Array.isArray(sample);
}

/** Refuses a softmax over a single output: its one probability is always 1, so it would learn nothing. */
function checkOutput(layers: readonly Layer[], where: string): void {
  const last = layers[layers.length - 1];
  if (last.activation.name === 'softmax' && last.weights.rows === 1) {
    throw new ValueError(
      `${where}: output is softmax over 1 output but softmax needs at least 2 (the softmax of one number is always 1, so the loss is 0 and nothing is learned: for two classes use output 'sigmoid' with 1 output, or give one output per class)`,
    );
  }
}

/** Checks that consecutive layers fit: each layer's weights have one column per neuron before it. */
function checkLayers(layers: Layer[], where: string): void {
  layers.forEach((layer, l) => {
    const { weights: W, biases: b } = layer;
    if (b.rows !== W.rows) {
      throw new ShapeError(
        `${where}: layer ${l + 1} has weights ${formatShape(W.rows, W.cols)} but ${plural(b.rows, 'bias', 'biases')} (one bias per neuron)`,
      );
    }
    if (l > 0 && W.cols !== layers[l - 1].weights.rows) {
      const before = layers[l - 1].weights.rows;
      throw new ShapeError(
        `${where}: layer ${l + 1} has weights ${formatShape(W.rows, W.cols)} but layer ${l} has ${plural(before, 'neuron')} (layer ${l + 1}'s weights need one column per neuron of layer ${l})`,
      );
    }
  });
}

/** The number of entries a weights or biases argument holds, read from its shape alone (nothing is copied). */
function entriesOf(M: unknown): number {
  if (M instanceof Matrix) return M.data.length;
  if (Array.isArray(M)) return M.length * (Array.isArray(M[0]) ? M[0].length : 1);
  const size =
    typeof (M as { size?: unknown })?.size === 'function' ? (M as { size: () => unknown }).size() : undefined;
  return Array.isArray(size) ? size.reduce((p: number, d) => p * (Number(d) || 0), 1) : 0;
}

/** Network.fromWeights: at most MAX_PARAMETERS weights and biases, counted before anything is copied. */
function checkGivenParameters(layers: readonly unknown[], where: string): void {
  let total = 0;
  for (const layer of layers) {
    if (typeof layer !== 'object' || layer === null) continue; // reported layer by layer afterwards
    const { weights, biases } = layer as { weights?: unknown; biases?: unknown };
    total += entriesOf(weights) + entriesOf(biases);
  }
  if (total > MAX_PARAMETERS) {
    throw new ValueError(
      `${where}: the layers hold ${total} weights and biases but a network may hold at most ${MAX_PARAMETERS} (MAX_PARAMETERS, 2²⁵)`,
    );
  }
}
