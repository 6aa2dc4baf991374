/**
 * The road onward: a network handed to TensorFlow.js, and back.
 *
 * TensorFlow.js reads a "Layers model": a topology (Keras's JSON, here a
 * Sequential of Dense layers) and the weights as one binary block of float32
 * numbers. This module writes and reads that format directly, so feedforward
 * needs no TensorFlow.js at run time:
 *
 *   const model = await tf.loadLayersModel(tf.io.fromMemory(toTfjsModel(net)));
 *
 * One convention differs and is translated here: our Wˡ is nOut × nIn (one row
 * per neuron, samples are columns), while a Dense layer's kernel is nIn × nOut
 * (samples are rows, y = x·kernel + bias). So kernel = Wᵀ. And when `predict`
 * standardizes inputs or outputs (`net.standardize`), that arithmetic is folded
 * into the first and last layers' weights, so TensorFlow.js takes raw samples too.
 */
import type { Activation } from '../core/activations.js';
import { ValueError, describeValue } from '../core/errors.js';
import type { NetworkParts } from '../core/types.js';
import { checkNetwork, checkOptions } from '../core/validate.js';

/** One weight tensor in the binary block: its name, shape and number type. */
export interface TfjsWeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32';
}

/** A layer of the topology, as Keras writes it: { class_name, config }. */
export interface TfjsLayerJSON {
  class_name: string;
  config: Record<string, unknown>;
}

/** The topology of a Sequential model. */
export interface TfjsTopology {
  class_name: 'Sequential';
  config: { name: string; layers: TfjsLayerJSON[] };
  keras_version: string;
  backend: string;
}

/** What `tf.io.fromMemory` takes: TensorFlow.js's ModelArtifacts for a Layers model. */
export interface TfjsArtifacts {
  modelTopology: TfjsTopology;
  weightSpecs: TfjsWeightSpec[];
  /** The weights, float32 little-endian, one after another in the order of weightSpecs. */
  weightData: ArrayBuffer;
  format: 'layers-model';
  generatedBy: string;
  convertedBy: null;
}

/** The content of a `model.json` file: the topology and where the weights are. */
export interface TfjsModelJSON {
  modelTopology: TfjsTopology;
  weightsManifest: { paths: string[]; weights: TfjsWeightSpec[] }[];
  format: 'layers-model';
  generatedBy: string;
  convertedBy: null;
}

/** Our activation names as Keras names them; leakyRelu becomes a LeakyReLU layer after a linear Dense. */
export const KERAS_ACTIVATIONS: Readonly<Record<string, string>> = Object.freeze({
  relu: 'relu',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  linear: 'linear',
  softmax: 'softmax',
});

const GENERATED_BY = 'feedforward';

/**
 * The network as a TensorFlow.js Layers model in memory: pass it to
 * `tf.loadLayersModel(tf.io.fromMemory(artifacts))`.
 * Layer l becomes Dense(units = nOut) with kernel = (Wˡ)ᵀ (nIn × nOut) and bias = bˡ, in float32.
 * @example toTfjsModel(new Network({ layers: [1, 2, 1] })).weightSpecs[0] //=> { name: 'dense_1/kernel', shape: [1, 2], dtype: 'float32' }
 */
export function toTfjsModel(net: NetworkParts): TfjsArtifacts {
  const where = 'toTfjsModel';
  checkNetwork(net, where);
  const layers: TfjsLayerJSON[] = [];
  const weightSpecs: TfjsWeightSpec[] = [];
  const count = net.layers.reduce((sum, layer) => sum + layer.weights.data.length + layer.biases.data.length, 0);
  const data = new DataView(new ArrayBuffer(4 * count));
  let offset = 0;
  const write = (x: number) => {
    data.setFloat32(offset, x, true); // float32, little-endian, as TensorFlow.js stores weights
    offset += 4;
  };

  foldStandardize(net, where).forEach(({ W, b, activation }, l) => {
    const leaky = activation.name === 'leakyRelu';
    const keras = leaky ? 'linear' : KERAS_ACTIVATIONS[activation.name];
    if (keras === undefined) {
      throw new ValueError(
        `${where}: layer ${l + 1}'s activation ${activation.name} has no TensorFlow.js equivalent (supported: relu, leakyRelu, sigmoid, tanh, linear, softmax)`,
      );
    }
    const tooLarge = [...W.data, ...b].find((x) => !Number.isFinite(Math.fround(x)));
    if (tooLarge !== undefined) {
      throw new ValueError(
        `${where}: layer ${l + 1} has the weight ${tooLarge} but float32 stops near ±3.4e38 (TensorFlow.js would read Infinity)`,
      );
    }
    const name = `dense_${l + 1}`;
    const config: Record<string, unknown> = {
      name,
      units: W.rows,
      activation: keras,
      use_bias: true,
      trainable: true,
      dtype: 'float32',
    };
    if (l === 0) config.batch_input_shape = [null, W.cols];
    layers.push({ class_name: 'Dense', config });
    if (leaky) {
      layers.push({
        class_name: 'LeakyReLU',
        config: { name: `leaky_re_lu_${l + 1}`, alpha: activation.slope, trainable: true, dtype: 'float32' },
      });
    }
    weightSpecs.push({ name: `${name}/kernel`, shape: [W.cols, W.rows], dtype: 'float32' });
    weightSpecs.push({ name: `${name}/bias`, shape: [W.rows], dtype: 'float32' });
    for (let k = 0; k < W.cols; k++) for (let i = 0; i < W.rows; i++) write(W.data[i * W.cols + k]); // kernel[k][i] = W[i][k]
    for (let i = 0; i < W.rows; i++) write(b[i]);
  });

  return {
    modelTopology: {
      class_name: 'Sequential',
      config: { name: 'feedforward', layers },
      keras_version: `tfjs-layers (written by ${GENERATED_BY})`,
      backend: 'tensor_flow.js',
    },
    weightSpecs,
    weightData: data.buffer,
    format: 'layers-model',
    generatedBy: GENERATED_BY,
    convertedBy: null,
  };
}

/**
 * Checks that `name` is a plain file name, to be found beside model.json: not
 * empty, no folder separator (/ or \\), not . or .., no drive (C:), no NUL.
 * Readers follow only such names and writers write only such names, so a model
 * file can never point outside its own folder (`../secret/key.bin`).
 * @example plainFileName('weights.bin', 'test', 'weightsPath') //=> 'weights.bin'
 */
export function plainFileName(name: unknown, where: string, field: string): string {
  if (typeof name !== 'string' || name === '' || name === '.' || name === '..' || /[/\\:\0]/.test(name)) {
    throw new ValueError(
      `${where}: ${field} is ${describeValue(name)} but it must be a plain file name beside model.json (no folders, no "..", no drive), like "weights.bin"`,
    );
  }
  return name;
}

/** Every default of `toTfjsFiles`, written once. */
export const TFJS_FILES_DEFAULTS = Object.freeze({ weightsPath: 'weights.bin' });

/**
 * The two files `tf.loadLayersModel('…/model.json')` reads: `model.json` (its
 * manifest points at `weightsPath`, default TFJS_FILES_DEFAULTS.weightsPath) and the weights file's bytes.
 * @example toTfjsFiles(new Network({ layers: [1, 2, 1] })).modelJson.weightsManifest[0].paths //=> ['weights.bin']
 */
export function toTfjsFiles(
  net: NetworkParts,
  options: { weightsPath?: string } = {},
): { modelJson: TfjsModelJSON; weightsBin: Uint8Array } {
  const where = 'toTfjsFiles';
  const path = plainFileName(
    checkOptions(options, TFJS_FILES_DEFAULTS, where).weightsPath ?? TFJS_FILES_DEFAULTS.weightsPath,
    where,
    'weightsPath',
  );
  const { modelTopology, weightSpecs, weightData, format, generatedBy, convertedBy } = toTfjsModel(net);
  return {
    modelJson: {
      modelTopology,
      weightsManifest: [{ paths: [path], weights: weightSpecs }],
      format,
      generatedBy,
      convertedBy,
    },
    weightsBin: new Uint8Array(weightData),
  };
}

/** A layer as TensorFlow.js will run it. */
interface FoldedLayer {
  W: { rows: number; cols: number; data: Float64Array };
  b: Float64Array;
  activation: Activation;
}

/**
 * The layers with `predict`'s standardizing folded in, since a Dense model has no place for it:
 *   inputs:  W·((x − μ)/σ) + b = W′·x + b′,  W′[i][k] = W[i][k]/σₖ,  b′ᵢ = bᵢ − Σₖ W[i][k]·μₖ/σₖ
 *   outputs: (W·a + b)·σ + μ = W″·a + b″,   W″[i][k] = σᵢ·W[i][k],  b″ᵢ = σᵢ·bᵢ + μᵢ  (linear output only)
 */
function foldStandardize(net: NetworkParts, where: string): FoldedLayer[] {
  const layers = net.layers.map(({ weights, biases, activation }) => ({
    W: { rows: weights.rows, cols: weights.cols, data: weights.data.slice() },
    b: biases.data.slice(),
    activation,
  }));
  const { inputs, outputs } = net.standardize ?? {};
  if (inputs) {
    const { W, b } = layers[0];
    for (let i = 0; i < W.rows; i++) {
      for (let k = 0; k < W.cols; k++) {
        b[i] -= (W.data[i * W.cols + k] * inputs.mean[k]) / inputs.std[k];
        W.data[i * W.cols + k] /= inputs.std[k];
      }
    }
  }
  if (outputs) {
    const { W, b, activation } = layers[layers.length - 1];
    if (activation.name !== 'linear') {
      throw new ValueError(
        `${where}: the output layer is ${activation.name} but the network un-standardizes its outputs, which a TensorFlow.js Dense model can only do after a linear output layer`,
      );
    }
    for (let i = 0; i < W.rows; i++) {
      for (let k = 0; k < W.cols; k++) W.data[i * W.cols + k] *= outputs.std[i];
      b[i] = b[i] * outputs.std[i] + outputs.mean[i];
    }
  }
  return layers;
}
