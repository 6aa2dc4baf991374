/**
 * Exercise 4: the article network's forward pass, nested by hand, with the article's names (docs/naming.md).
 *
 *   act1       = relu(applyWeights(X, W1, b1))    layer 1: z₁ = x + 1,  z₂ = −x + 1                  (2 × samples)
 *   out3       = applyWeights(act1, w35, [b3])    neuron 3: z₃ = a₁ + a₂ − 2.5                       (1 × samples)
 *   out4       = applyWeights(act1, w46, [b4])    neuron 4: z₄ = a₁ − a₂ − 0.5                       (1 × samples)
 *   act5       = relu(out3 stacked over out4)     layer 2, [...out3, ...out4] (or twoNode, exercise 3) (2 × samples)
 *   prediction = applyWeights(act5, w7, [b5])     the output, no ReLU: ŷ = a₃ − a₄ + 1                (1 × samples)
 *
 * In:  X, 1 × samples (one input, x; one column per sample).
 * Out: the prediction ŷ, 1 × samples: one prediction per sample.
 * By hand, x = 3: z₁, z₂ = 4, −2 → a₁, a₂ = 4, 0; z₃, z₄ = 1.5, 3.5 → a₃, a₄ = 1.5, 3.5; ŷ = 1.5 − 3.5 + 1 = −1.
 * So articleForward([[-3, 0, 3]]) is [[2.5, 1, -1]].
 *
 * Use your relu (exercise 1) and applyWeights (exercise 2): uncomment the imports.
 * Check it: npm run exercise -- 4
 */
// import { relu } from './1-relu.js';
// import { applyWeights } from './2-apply-weights.js';

// The article's weights and biases (the library's ARTICLE_LAYERS), named as in docs/naming.md: leave them as they are.
export const W1 = [[1], [-1]]; // layer 1: neuron 1's weight, neuron 2's weight
export const b1 = [1, 1]; // layer 1's biases
export const w35 = [[1, 1]]; // neuron 3's weights, from neurons 1 and 2
export const w46 = [[1, -1]]; // neuron 4's weights
export const b3 = -2.5; // neuron 3's bias
export const b4 = -0.5; // neuron 4's bias
export const w7 = [[1, -1]]; // the output's weights, from neurons 3 and 4
export const b5 = 1; // the output's bias

export function articleForward(X: number[][]): number[][] {
  throw new Error('articleForward: not written yet');
}
