/**
 * The "nudge" check of backpropagation, micrograd's lesson on matrices: move
 * one weight by ±ε, recompute the loss, and the slope of the loss there,
 * (L(w + ε) − L(w − ε)) / 2ε, is what backpropagation's dW says, without any
 * chain rule. Backprop gets every slope in one backward pass; the nudge takes
 * two forward passes per weight, which is why nobody trains this way.
 */
import { type Matrix, Network, binaryCrossEntropy, mse } from 'feedforward';

/** The nudge: small enough for the slope, large enough that L(w ± ε) differ well above rounding. */
export const EPSILON = 1e-6;

/** L = (1/m)·Σ ℓ of the network on X, Y, with the loss the page trains with. */
export function lossOf(net: Network, X: Matrix, Y: Matrix, loss: 'mse' | 'binaryCrossEntropy'): number {
  return (loss === 'mse' ? mse : binaryCrossEntropy).value(net.forward(X), Y);
}

/**
 * (L(w + ε) − L(w − ε)) / 2ε for each of the first rows × cols weights of layer `layer` (from 1), and of its
 * first `rows` biases, on a copy of the network (the page's own never moves).
 */
export function nudgeSlopes(
  net: Network,
  layer: number,
  X: Matrix,
  Y: Matrix,
  loss: 'mse' | 'binaryCrossEntropy',
  shown: { rows: number; cols: number },
): { dW: number[][]; db: number[] } {
  const copy = Network.fromJSON(net.toJSON());
  const { weights, biases } = copy.layers[layer - 1];
  const slope = (array: Float64Array, index: number): number => {
    const w = array[index];
    array[index] = w + EPSILON;
    const up = lossOf(copy, X, Y, loss); // L(w + ε)
    array[index] = w - EPSILON;
    const down = lossOf(copy, X, Y, loss); // L(w − ε)
    array[index] = w;
    return (up - down) / (2 * EPSILON);
  };
  const rows = Math.min(shown.rows, weights.rows);
  const cols = Math.min(shown.cols, weights.cols);
  const dW = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => slope(weights.data, i * weights.cols + j)));
  const db = Array.from({ length: rows }, (_, i) => slope(biases.data, i));
  return { dW, db };
}
