/**
 * Exercise 6: one step of gradient descent on one layer.
 *
 *   W ← W − η·dW        every weight moves against its gradient, by the learning rate η
 *   b ← b − η·db        and every bias
 *
 * In:  W and dW, nOut × nIn; b and db, nOut numbers; learningRate, η > 0.
 * Out: { W, b }, new arrays of the same shapes (the W and b given stay as they are).
 * By hand: gradientStep([[1, 2]], [0.5], [[0.5, -1]], [2], 0.1) is { W: [[0.95, 2.1]], b: [0.3] }
 *   (1 − 0.1·0.5, 2 − 0.1·(−1); 0.5 − 0.1·2).
 *
 * Check it: npm run exercise -- 6 (on success it trains the article network with your step).
 */
export function gradientStep(
  W: number[][],
  b: number[],
  dW: number[][],
  db: number[],
  learningRate: number,
): { W: number[][]; b: number[] } {
  throw new Error('gradientStep: not written yet');
}
