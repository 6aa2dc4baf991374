/**
 * The lesson's one state: the article network's thirteen weights and biases, each under the name the
 * naming table (docs/naming.md) gives it, and the networks built from them.
 */
import { ARTICLE_LAYERS, type Matrix, Network } from 'feedforward';
import { neuronColour } from '../../../playground/src/colours.js';

/** What the lesson shows: the weights and biases (in the order of PARAMS), the column checked by hand, the sample of backpropagation. */
export interface LessonState {
  values: number[];
  column: number;
  backX: number;
  backY: number;
}

/** The five samples the steps run on (the README's tour): one row, x; one column per sample. */
export const X = [[-2, -1, 0, 1, 2]];

/** Neuron `node` (from 1) of layer `layer` in the playground's colours, so a neuron looks the same on every page. */
export const colour = (layer: number, node: number) => neuronColour([1, 2, 2, 1], layer, node);

/** A matrix shown as the library prints it, with its label and its shape (data-matrix: its table name, if it has one). */
export function shown(label: string, M: Matrix, tableName?: string): string {
  return `<figure class="matrix"${tableName ? ` data-matrix="${tableName}"` : ''}><figcaption>${label} <small>${M.rows}×${M.cols}</small></figcaption><pre>${M.toString()}</pre></figure>`;
}

/** One weight or bias: its table name, where it sits (layer from 0, row, column; column −1 for a bias), and what it is. */
export interface Param {
  id: string;
  name: string;
  layer: number;
  row: number;
  col: number;
  what: string;
}

export const PARAMS: readonly Param[] = [
  { id: 'W1[0][0]', name: 'W1', layer: 0, row: 0, col: 0, what: "neuron 1's weight (the article's w1)" },
  { id: 'W1[1][0]', name: 'W1', layer: 0, row: 1, col: 0, what: "neuron 2's weight (w2)" },
  { id: 'b1[0]', name: 'b1', layer: 0, row: 0, col: -1, what: "neuron 1's bias" },
  { id: 'b1[1]', name: 'b1', layer: 0, row: 1, col: -1, what: "neuron 2's bias" },
  { id: 'w35[0][0]', name: 'w35', layer: 1, row: 0, col: 0, what: 'from neuron 1 into neuron 3 (w3)' },
  { id: 'w35[0][1]', name: 'w35', layer: 1, row: 0, col: 1, what: 'from neuron 2 into neuron 3 (w5)' },
  { id: 'w46[0][0]', name: 'w46', layer: 1, row: 1, col: 0, what: 'from neuron 1 into neuron 4 (w4)' },
  { id: 'w46[0][1]', name: 'w46', layer: 1, row: 1, col: 1, what: 'from neuron 2 into neuron 4 (w6)' },
  { id: 'b3', name: 'b3', layer: 1, row: 0, col: -1, what: "neuron 3's bias" },
  { id: 'b4', name: 'b4', layer: 1, row: 1, col: -1, what: "neuron 4's bias" },
  { id: 'w7[0][0]', name: 'w7', layer: 2, row: 0, col: 0, what: 'from neuron 3 into the output (w7)' },
  { id: 'w7[0][1]', name: 'w7', layer: 2, row: 0, col: 1, what: 'from neuron 4 into the output (w8)' },
  { id: 'b5', name: 'b5', layer: 2, row: 0, col: -1, what: "the output's bias" },
];

/** The article's values, in the order of PARAMS. */
export const ARTICLE_VALUES: readonly number[] = PARAMS.map(({ layer, row, col }) => {
  const { weights, biases } = ARTICLE_LAYERS[layer] as { weights: number[][]; biases: number[] };
  return col < 0 ? biases[row] : weights[row][col];
});

/** The layers of the network with these values: [{ weights, biases }] × 3, as Network.fromWeights takes them. */
export function layersOf(values: readonly number[]): { weights: number[][]; biases: number[] }[] {
  const layers = [
    { weights: [[0], [0]], biases: [0, 0] },
    { weights: [[0, 0], [0, 0]], biases: [0, 0] },
    { weights: [[0, 0]], biases: [0] },
  ];
  PARAMS.forEach(({ layer, row, col }, k) => {
    if (col < 0) layers[layer].biases[row] = values[k];
    else layers[layer].weights[row][col] = values[k];
  });
  return layers;
}

/** The whole network, [1, 2, 2, 1] with ReLU hidden layers and a linear output: articleNetwork() at the article's values. */
export function networkOf(values: readonly number[]): Network {
  return Network.fromWeights(layersOf(values));
}

/** The value of one parameter by its id ('w35[0][1]'). */
export function paramValue(values: readonly number[], id: string): number {
  return values[PARAMS.findIndex((p) => p.id === id)];
}
