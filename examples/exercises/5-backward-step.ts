/**
 * Exercise 5: one layer's backward step, the chain rule through a ReLU layer (backpropagation).
 *
 * The forward step was Z = W·Aprev + b, A = relu(Z). Given dA = ∂loss/∂A for each sample, compute
 *
 *   dZ     = dA ⊙ g′(Z)        entry by entry; ReLU's slope g′(z) is 1 where z > 0, else 0   (nOut × m)
 *   dW     = dZ·Aprevᵀ / m     the same shape as W                                          (nOut × nIn)
 *   db     = sumRows(dZ) / m   each row of dZ summed over the m samples                     (nOut × 1)
 *   dAprev = Wᵀ·dZ             handed to the layer before (no 1/m: it is per sample)        (nIn × m)
 *
 * In:  dA and Z, nOut × m; Aprev, nIn × m (the layer's input); W, nOut × nIn. m is the number of samples.
 * Out: { dZ, dW, db, dAprev }; db may be a plain list of nOut numbers.
 * By hand, the article network's layer 2 at x = 3 with target 0 (one sample, m = 1):
 *   dA = [[-2], [2]], Z = [[1.5], [3.5]], Aprev = [[4], [0]], W = [[1, 1], [1, -1]]
 *   → dZ = [[-2], [2]] (both neurons on), dW = [[-8, 0], [8, 0]], db = [[-2], [2]], dAprev = [[0], [-4]].
 *
 * The library's matrix helpers save the loops: multiply(A, B), transpose(A), hadamard(A, B) (⊙),
 * sumRows(A), scale(A, k), map(A, f); each takes number[][] and returns a Matrix (.toArray() gives
 * number[][] back; returning a Matrix is fine too). Check it: npm run exercise -- 5
 */
// import { hadamard, map, multiply, scale, sumRows, transpose } from '../../src/index.js';

export function backwardStep(
  dA: number[][],
  Z: number[][],
  Aprev: number[][],
  W: number[][],
): { dZ: number[][]; dW: number[][]; db: number[][]; dAprev: number[][] } {
  throw new Error('backwardStep: not written yet');
}
