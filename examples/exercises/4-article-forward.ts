/**
 * Exercise 4: the article network's forward pass, nested by hand.
 *
 *   A1 = relu(W1·X + b1)        layer 1: z₁ = x + 1,  z₂ = −x + 1               (2 × samples)
 *   A2 = relu(W2·A1 + b2)       layer 2: z₃ = a₁ + a₂ − 2.5,  z₄ = a₁ − a₂ − 0.5 (2 × samples)
 *   ŷ  = W3·A2 + b3             the output, no ReLU: ŷ = a₃ − a₄ + 1            (1 × samples)
 *
 * In:  X, 1 × samples (one input, x; one column per sample).
 * Out: ŷ, 1 × samples: one prediction per sample.
 * By hand, x = 3: z₁, z₂ = 4, −2 → a₁, a₂ = 4, 0; z₃, z₄ = 1.5, 3.5 → a₃, a₄ = 1.5, 3.5; ŷ = 1.5 − 3.5 + 1 = −1.
 * So articleForward([[-3, 0, 3]]) is [[2.5, 1, -1]].
 *
 * Use your relu (exercise 1) and applyWeights (exercise 2): uncomment the imports.
 * Check it: npm run exercise -- 4
 */
// import { relu } from './1-relu.js';
// import { applyWeights } from './2-apply-weights.js';

// The article's weights (the library's ARTICLE_LAYERS): leave them as they are.
export const W1 = [[1], [-1]];
export const b1 = [1, 1];
export const W2 = [[1, 1], [1, -1]];
export const b2 = [-2.5, -0.5];
export const W3 = [[1, -1]];
export const b3 = [1];

export function articleForward(X: number[][]): number[][] {
  throw new Error('articleForward: not written yet');
}
