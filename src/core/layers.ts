/**
 * A network's layers as plain data, made and checked: drawn from a seed for a
 * list of sizes (`new Network`), or copied from weights given by hand
 * (`Network.fromWeights`, and the readers of other formats). Either way every
 * layer computes Zˡ = Wˡ·Aˡ⁻¹ + bˡ, Aˡ = g(Zˡ), with Wˡ: nOut × nIn and bˡ: nOut × 1.
 */
import type { Activation, ActivationSpec } from './activations.js';
import { resolveActivation, resolveHiddenActivation } from './activations.js';
import { ShapeError, ValueError, describeValue, formatShape, plural } from './errors.js';
import { type InitName, initLayer } from './init.js';
import { Matrix, type MatrixInput, matrix, toColumn, toMatrix } from './matrix.js';
import type { Random } from './random.js';
import type { BiasInput } from './steps.js';
import type { Layer } from './types.js';
import { MAX_PARAMETERS, checkKeys, checkLayerCount } from './validate.js';

/** A layer given by hand to `Network.fromWeights`. */
export interface LayerInput {
  weights: MatrixInput;
  biases: BiasInput;
  /** Overrides the hidden/output activation for this layer. */
  activation?: ActivationSpec | Activation;
}

/** The keys of a layer given by hand (any other key is a typo and an error, with a "did you mean"). */
const LAYER_INPUT_KEYS = ['weights', 'biases', 'activation'] as const;

/**
 * Seeded starting layers for the sizes [nIn, …, nOut]: layer l's W (sizes[l] × sizes[l − 1]) and b
 * drawn by `init` (init.ts), `hidden` on every layer but the last, `output` on the last.
 * @example layersFromSizes([1, 2, 1], relu, linear, 'he', createRandom(42)).map((layer) => layer.weights.shape) //=> [[2, 1], [1, 2]]
 */
export function layersFromSizes(
  sizes: readonly number[],
  hidden: Activation,
  output: Activation,
  init: InitName,
  random: Random,
): Layer[] {
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
  return layers;
}

/**
 * Layers from weights and biases given by hand (copied, so the caller's arrays never change),
 * checked to fit one another; a layer without its own activation takes `hidden`, or `output` when last.
 * @example layersFromWeights([{ weights: [[2]], biases: [1] }], relu, linear, 'fromWeights')[0].weights.toArray() //=> [[2]]
 */
export function layersFromWeights(
  given: readonly LayerInput[],
  hidden: Activation,
  output: Activation,
  where: string,
): Layer[] {
  if (!Array.isArray(given) || given.length === 0) {
    throw new ValueError(
      `${where}: layers is ${describeValue(given)} but it must be a non-empty array of { weights, biases }`,
    );
  }
  checkLayerCount(given.length, where);
  checkGivenParameters(given, where); // before any copy is made
  const layers = Array.from(given, (layer: unknown, l): Layer => {
    const name = `layer ${l + 1}`;
    if (typeof layer !== 'object' || layer === null || Array.isArray(layer)) {
      throw new ValueError(`${where}: ${name} is ${describeValue(layer)} but it must be { weights, biases }`);
    }
    checkKeys(layer, LAYER_INPUT_KEYS, `${where}: ${name}`, 'key');
    const { weights: W, biases: b, activation: spec } = layer as LayerInput;
    const weights = matrix(toMatrix(W, where, `${name} weights`));
    const biases = matrix(toColumn(b, where, `${name} biases`));
    const last = l === given.length - 1;
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
  checkFit(layers, where);
  checkOutput(layers, where);
  return layers;
}

/**
 * A copy of every layer's weights and biases, with the same activations: a network to change
 * (nudge, train) while the original stays as it was.
 * @example copyLayers(articleNetwork().layers)[1].biases.toArray() //=> [[-2.5], [-0.5]]
 */
export function copyLayers(layers: readonly Layer[]): Layer[] {
  return layers.map(({ weights, biases, activation }) => ({
    weights: matrix(weights),
    biases: matrix(biases),
    activation,
  }));
}

/**
 * Refuses a softmax over a single output: its one probability is always 1, so it would learn nothing.
 * @example checkOutput(articleNetwork().layers, 'Network') //=> undefined
 */
export function checkOutput(layers: readonly Layer[], where: string): void {
  const last = layers[layers.length - 1];
  if (last.activation.name === 'softmax' && last.weights.rows === 1) {
    throw new ValueError(
      `${where}: output is softmax over 1 output but softmax needs at least 2 (the softmax of one number is always 1, so the loss is 0 and nothing is learned: for two classes use output 'sigmoid' with 1 output, or give one output per class)`,
    );
  }
}

/** Checks that consecutive layers fit: each layer's weights have one column per neuron before it. */
function checkFit(layers: readonly Layer[], where: string): void {
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

/** At most MAX_PARAMETERS weights and biases, counted before anything is copied. */
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
