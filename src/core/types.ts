/**
 * What a network is, as plain data: the types every chapter shares.
 *
 * A leaf module: it imports only types, so training, inspection, interop and
 * plots can speak about layers and their JSON without importing the `Network`
 * class, which is the façade built on top of them (src/network/).
 */
import type { Activation, ActivationSpec } from './activations.js';
import type { Impute } from './impute.js';
import type { Matrix } from './matrix.js';
import type { Standardizer, StandardizerJSON } from './standardize.js';

/** One weight layer: Zˡ = Wˡ·Aˡ⁻¹ + bˡ, Aˡ = g(Zˡ). */
export interface Layer {
  /** Wˡ: nOut × nIn, one row per neuron of this layer, one column per neuron of the layer before. */
  readonly weights: Matrix;
  /** bˡ: nOut × 1, one bias per neuron. */
  readonly biases: Matrix;
  /** g, applied to Zˡ. */
  readonly activation: Activation;
}

/**
 * A network as the lower chapters see it: its layers, first to last
 * (`layers[0]` is the article's layer 1). A `Network` is one.
 */
export interface NetworkLayers {
  readonly layers: readonly Layer[];
}

/**
 * Everything a network holds, as plain data: its layers, the standardizers `predict` applies,
 * and the names of its outputs and inputs. What the readers (JSON, TensorFlow.js files, saved
 * training) return, what the writers read, and what a `Network` wraps. A `Network` is one.
 */
export interface NetworkParts extends NetworkLayers {
  readonly standardize?: NetworkStandardize;
  /** The class of each output (see `net.labels`). */
  readonly labels?: readonly string[];
  /** The name of each input (see `net.features`). */
  readonly features?: readonly string[];
  /** The fill of each input column's missing values, by column (see `net.impute`). */
  readonly impute?: Impute;
}

/** The standardizers `predict` applies to raw samples: inputs before the forward pass, outputs inverted after it. */
export interface NetworkStandardize {
  inputs?: Standardizer;
  outputs?: Standardizer;
}

/** A weight in JSON: a number, or the string "-0" (JSON numbers cannot carry the sign of zero). */
export type JSONNumber = number | '-0';

/** The JSON form of a network (`format` and `version` tell readers what they hold). */
export interface NetworkJSON {
  format: 'feedforward-network';
  version: 1;
  /** Layer sizes, inputs first. */
  layers: number[];
  /** One activation per weight layer. */
  activations: ActivationSpec[];
  /** One nOut × nIn array of rows per weight layer. */
  weights: JSONNumber[][][];
  /** One list of nOut biases per weight layer. */
  biases: JSONNumber[][];
  /** The statistics `predict` standardizes inputs and un-standardizes outputs with (absent when none). */
  standardize?: { inputs?: StandardizerJSON; outputs?: StandardizerJSON };
  /** The class of each output, as `net.labels` (absent when none). */
  labels?: string[];
  /** The name of each input, as `net.features` (absent when none). */
  features?: string[];
  /** The fill of each input column's missing values, as `net.impute` (absent when none). */
  impute?: Record<string, number | string>;
}

/**
 * Layer sizes read off the weights, inputs first: Wˡ is sizes[l] × sizes[l − 1].
 * @example sizesOf(new Network({ layers: [1, 2, 2, 1] })) //=> [1, 2, 2, 1]
 */
export function sizesOf(net: NetworkLayers): number[] {
  return [net.layers[0].weights.cols, ...net.layers.map((layer) => layer.weights.rows)];
}

/** Number of input features: the columns of the first layer's W. */
export function inputsOf(net: NetworkLayers): number {
  return net.layers[0].weights.cols;
}

/** Number of outputs: the rows of the last layer's W. */
export function outputsOf(net: NetworkLayers): number {
  return net.layers[net.layers.length - 1].weights.rows;
}
