/** Exercise 4, a worked solution: the article network, three weighted sums and two ReLUs, nested. */
import { relu } from './1-relu.js';
import { applyWeights } from './2-apply-weights.js';

export const W1 = [[1], [-1]];
export const b1 = [1, 1];
export const W2 = [[1, 1], [1, -1]];
export const b2 = [-2.5, -0.5];
export const W3 = [[1, -1]];
export const b3 = [1];

export function articleForward(X: number[][]): number[][] {
  const A1 = relu(applyWeights(X, W1, b1)); // layer 1: 2 × samples
  const A2 = relu(applyWeights(A1, W2, b2)); // layer 2: 2 × samples
  return applyWeights(A2, W3, b3); // the output, no ReLU: 1 × samples
}
