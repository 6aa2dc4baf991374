/**
 * Exercise 2: one layer's weighted sums, the article's "inputs times weights plus biases".
 *
 *   Z = W·A + b        Z[i][j] = W[i][0]·A[0][j] + W[i][1]·A[1][j] + … + b[i]
 *
 * In:  A, nIn × samples (one row per input, one column per sample);
 *      W, nOut × nIn (row i holds neuron i's weights, one per input);
 *      b, nOut numbers (b[i] is neuron i's bias, added to every sample).
 * Out: Z, nOut × samples (one row per neuron, one column per sample).
 * By hand: applyWeights([[1], [2]], [[3, -1]], [0.5]) is [[1.5]]   (3·1 + (−1)·2 + 0.5)
 *
 * Write it with loops over i (neurons), j (samples) and k (inputs); or use the library's
 * multiply(W, A) and add b yourself. Check it: npm run exercise -- 2
 */
export function applyWeights(A: number[][], W: number[][], b: number[]): number[][] {
  throw new Error('applyWeights: not written yet');
}
