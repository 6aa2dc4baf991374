/** Exercise 3, a worked solution: each neuron on its own, then the two rows stacked. */
import { applyWeights } from './2-apply-weights.js';

export function twoNode(A: number[][], W: number[][], b: number[]): number[][] {
  const top = applyWeights(A, [W[0]], [b[0]]); // neuron 1: 1 × samples
  const bottom = applyWeights(A, [W[1]], [b[1]]); // neuron 2: 1 × samples
  return [...top, ...bottom]; // 2 × samples
}
