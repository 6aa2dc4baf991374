/**
 * Exercise 3: a layer of two neurons, built the article's way, one neuron at a time.
 *
 *   top    = applyWeights(A, [W[0]], [b[0]])     neuron 1: its row of weights, its bias (1 × samples)
 *   bottom = applyWeights(A, [W[1]], [b[1]])     neuron 2                              (1 × samples)
 *   Z      = top stacked over bottom             [...top, ...bottom]                   (2 × samples)
 *
 * In:  A, nIn × samples; W, 2 × nIn (one row per neuron); b, 2 numbers.
 * Out: Z, 2 × samples: neuron 1 in row 1, neuron 2 in row 2. It equals applyWeights(A, W, b).
 * By hand: twoNode([[1]], [[2], [-3]], [1, 5]) is [[3], [2]]   (2·1 + 1, −3·1 + 5)
 *
 * Use your applyWeights from exercise 2 (uncomment the import). Check it: npm run exercise -- 3
 */
// import { applyWeights } from './2-apply-weights.js';

export function twoNode(A: number[][], W: number[][], b: number[]): number[][] {
  throw new Error('twoNode: not written yet');
}
