/** Exercise 4, a worked solution: the article network, three weighted sums and two ReLUs, nested, with its names. */
import { relu } from './1-relu.js';
import { applyWeights } from './2-apply-weights.js';

export const W1 = [[1], [-1]];
export const b1 = [1, 1];
export const w35 = [[1, 1]];
export const w46 = [[1, -1]];
export const b3 = -2.5;
export const b4 = -0.5;
export const w7 = [[1, -1]];
export const b5 = 1;

export function articleForward(X: number[][]): number[][] {
  const act1 = relu(applyWeights(X, W1, b1)); // layer 1: 2 × samples
  const out3 = applyWeights(act1, w35, [b3]); // neuron 3: 1 × samples
  const out4 = applyWeights(act1, w46, [b4]); // neuron 4: 1 × samples
  const act5 = relu([...out3, ...out4]); // layer 2: 2 × samples
  return applyWeights(act5, w7, [b5]); // the prediction, no ReLU: 1 × samples
}
