/**
 * A dense feedforward network: the article's steps, nested for any list of
 * layer sizes. For layers [1, 2, 2, 1] it computes exactly
 *
 *   linear(applyWeights(relu(applyWeights(relu(applyWeights(X, W¹, b¹)), W², b²)), W³, b³))
 *
 * and keeps every Wˡ and bˡ in `net.layers`, where training changes them.
 *
 * The class is the façade on top of the chapters: each method is a line or two
 * over a function of plain layers, written where its idea lives: the forward
 * pass and its trace in core/forward.ts, making the layers in core/layers.ts,
 * JSON in core/serialize.ts, reading samples in ./samples.ts, training in
 * train/, code generation in interop/.
 */
import {
  type Activation,
  type ActivationSpec,
  resolveActivation,
  resolveHiddenActivation,
} from '../core/activations.js';
import { ValueError } from '../core/errors.js';
import { type TraceStep, forward, traceLayers } from '../core/forward.js';
import { type Impute, checkImpute } from '../core/impute.js';
import { type Classification, checkFeatures, checkLabels, classifyOutputs } from '../core/labels.js';
import { type LayerInput, layersFromWeights } from '../core/layers.js';
import { type Matrix, type MatrixInput, toMatrix, transpose } from '../core/matrix.js';
import { networkToJSON, readNetwork } from '../core/serialize.js';
import {
  type Layer,
  type NetworkJSON,
  type NetworkParts,
  type NetworkStandardize,
  inputsOf,
  outputsOf,
  sizesOf,
} from '../core/types.js';
import { checkInputRows, checkOptions } from '../core/validate.js';
import { type SourceOptions, toFunction, toSource } from '../interop/source.js';
import { type BackwardStep, type Gradients, type LossOption, backwardTrace, gradients } from '../train/backprop.js';
import { type FitOptions, type History, fitNetwork } from '../train/fit.js';
import type { DataRecord } from '../train/records.js';
import { type NetworkData, type NetworkForOptions, optionsFor } from './for-data.js';
import { FROM_WEIGHTS_DEFAULTS, type NetworkOptions, partsFromOptions } from './options.js';
import { type Samples, predictOutputs, readSamples } from './samples.js';

/**
 * A dense feedforward network: Aˡ = g(Wˡ·Aˡ⁻¹ + bˡ) for l = 1 … L, from A⁰ = X
 * (inputs × samples) to the output A^L (outputs × samples).
 * @example new Network({ layers: [1, 2, 2, 1], seed: 42 }).sizes //=> [1, 2, 2, 1]
 */
export class Network implements NetworkParts {
  /**
   * The weight layers, first to last. Arrays count from 0, so `layers[0]` is
   * the article's layer 1 (the inputs are layer 0); `trace`, `kinks` and error
   * messages count from 1.
   */
  readonly layers: readonly Layer[];

  /**
   * Standardizers for raw samples: `predict` and `classify` standardize them with `inputs` before the
   * forward pass and map predictions back with `outputs.invert`; `fit` applies both to its raw X and Y.
   * Set by fit's `standardize` option (or by hand); saved by toJSON. `forward` and `trace` take the numbers as given.
   */
  standardize: NetworkStandardize | undefined = undefined;

  /** The checked labels, features and fills behind the accessors. */
  private names: { labels?: readonly string[]; features?: readonly string[]; impute?: Impute } = {};

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
   * The fill of each input column's missing values, by column (`fromRecords`' `impute`, with `missing:
   * 'mean' | 'median' | 'mode'`): `predict` and `classify` fill a record's missing value with it, as
   * training did. Saved by toJSON. Checked against `features` when set; undefined when none.
   * @example const net = new Network({ layers: [2, 1], features: ['age', 'sex=f'] });
   * net.impute = { age: 41, sex: 'f' };
   * net.predict([{ age: null, sex: 'f' }]) //=> net.predict([[41, 1]])
   */
  get impute(): Impute | undefined {
    return this.names.impute;
  }
  /** Sets the fills (a copy is kept, frozen); undefined removes them. */
  set impute(value: Impute | undefined) {
    this.names.impute = value === undefined ? undefined : checkImpute(value, this.names.features, 'Network.impute');
  }

  /**
   * A network with seeded starting weights. A network holds at most MAX_PARAMETERS
   * (2²⁵) weights and biases, checked before anything is allocated (here, in
   * `fromWeights` and in `fromJSON` alike).
   * @example new Network({ layers: [1, 2, 2, 1], seed: 42 }).layers.length //=> 3
   */
  constructor(options: NetworkOptions) {
    const { layers, labels, features, impute } = partsFromOptions(options); // network/options.ts
    this.layers = layers;
    this.names = { labels, features, impute };
  }

  /**
   * A network shaped by its data (fromRecords' result, or any { X, Y, labels?, features? }): layers
   * [inputs, …hidden, outputs], softmax/sigmoid output with labels, linear without; see network/for-data.ts.
   * @example Network.for({ X: [[1, 2]], Y: [[3, 5]] }, { hidden: [4] }).sizes //=> [1, 4, 1]
   */
  static for(data: NetworkData, options?: NetworkForOptions): Network {
    return new Network(optionsFor(data, options));
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
    const { hidden, output } = checkOptions(options, FROM_WEIGHTS_DEFAULTS, where);
    return networkFromParts({
      layers: layersFromWeights(
        layers,
        resolveHiddenActivation(hidden ?? FROM_WEIGHTS_DEFAULTS.hidden, where),
        resolveActivation(output ?? FROM_WEIGHTS_DEFAULTS.output, where),
        where,
      ),
    });
  }

  /**
   * The network a `toJSON()` describes (or its JSON text). The input is
   * treated as untrusted: everything is checked before anything is built.
   * @example Network.fromJSON(new Network({ layers: [1, 2, 1] }).toJSON()).sizes //=> [1, 2, 1]
   */
  static fromJSON(json: NetworkJSON | string): Network {
    return networkFromParts(readNetwork(json, 'Network.fromJSON'));
  }

  /**
   * Everything needed to rebuild the network exactly: sizes, activations and every weight.
   * `Network.fromJSON(net.toJSON())` computes bit-identical outputs.
   */
  toJSON(): NetworkJSON {
    return networkToJSON(this);
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
    return forward(this.layers, this.checkInput(X, 'Network.forward'), 'Network.forward');
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
   * SAMPLE (unlike `forward`, whose X has one column per sample): rows of numbers,
   * records (objects with the columns `net.features` names, raw as in the data file),
   * or a flat list: one sample of `net.inputs` numbers, or, for a network of one input,
   * one number per sample (network/samples.ts gives the rule, which `classify` shares).
   * Inputs are standardized and outputs mapped back when `net.standardize` says so.
   * Returns one output per sample: a number when the network has one output, else an array.
   * The answer's type is `number | number[]` (the network's outputs are known only when it runs): say which
   * you expect, `net.predict<number>(xs)`, or use `classify` for classes by name.
   * @example Network.fromWeights([{ weights: [[2]], biases: [1] }]).predict([0, 1, 2]) //=> [1, 3, 5]
   */
  predict<Answer extends number | number[] = number | number[]>(samples: Samples): Answer[] {
    const Y = predictOutputs(this, readSamples(samples, this, 'Network.predict').X); // outputs × samples
    if (Y.rows === 1) return Array.from(Y.data) as Answer[];
    return transpose(Y).toArray() as Answer[];
  }

  /**
   * The class of each sample, by name: { label, confidence, probabilities } with the probabilities keyed
   * by label, highest first. Samples are read as `predict` reads them: ONE sample (a record, or a flat
   * list of `net.inputs` numbers) gets one answer; a list of samples (rows, records, or, for a network
   * of one input, a flat list of several numbers) gets one answer per sample.
   * Inputs are standardized as `predict` does. Needs `net.labels` and a softmax or sigmoid output.
   * @example const net = Network.fromWeights([{ weights: [[1]], biases: [0] }], { output: 'sigmoid' });
   * net.labels = ['no', 'yes'];
   * net.classify([0]) //=> { label: 'no', confidence: 0.5, probabilities: { no: 0.5, yes: 0.5 } }
   */
  classify(sample: DataRecord): Classification;
  classify(samples: readonly (readonly number[])[] | readonly DataRecord[]): Classification[];
  /** A flat list is one sample (one answer), or several when the network has one input (a list of answers). */
  classify(samples: readonly number[]): Classification | Classification[];
  classify(samples: Samples | DataRecord): Classification | Classification[] {
    const where = 'Network.classify';
    const labels = this.names.labels;
    if (labels === undefined) {
      throw new ValueError(
        `${where}: the network has no labels but classify names classes (set net.labels = data.labels, or pass labels to new Network)`,
      );
    }
    checkLabels(labels, this.layers, where); // the output activation still suits them
    const { X, single } = readSamples(samples, this, where);
    const answers = classifyOutputs(predictOutputs(this, X, where), labels);
    return single ? answers[0] : answers;
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

  /** ∂L/∂W and ∂L/∂b of every layer by backpropagation: see `gradients` (train/backprop.ts). */
  gradients(X: MatrixInput, Y: MatrixInput, options: { loss?: LossOption } = {}): Gradients {
    return gradients(this, X, Y, options);
  }

  /** Every Z, A, dA, dZ, dW, db of one forward and backward pass: see `backwardTrace` (train/backprop.ts). */
  backwardTrace(X: MatrixInput, Y: MatrixInput, options: { loss?: LossOption } = {}): BackwardStep[] {
    return backwardTrace(this, X, Y, options);
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

  /** Checks X against the network: a finite matrix with one row per input feature. */
  private checkInput(X: MatrixInput, where: string): Matrix {
    const x = toMatrix(X, where, 'X');
    checkInputRows(x.rows, this.inputs, where);
    return x;
  }
}

/**
 * The Network around parts already checked (the layers are not copied): how `fromWeights`,
 * `fromJSON` and the readers of files (fromTfjsModel, loadNetwork, restoreTrainingState) build one.
 * Not part of the package's API.
 * @example networkFromParts({ layers: articleNetwork().layers }).predict([0]) //=> [1]
 */
export function networkFromParts({ layers, standardize, labels, features, impute }: NetworkParts): Network {
  const net: Network = Object.create(Network.prototype);
  // The fields the constructor would set, with the parts' values (already checked by whoever read them).
  Object.assign(net, { layers, standardize, names: { labels, features, impute } });
  return net;
}
