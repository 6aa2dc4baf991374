/**
 * Exercise 5, a worked solution: one line per equation, with the library's matrix helpers.
 * The library's own backward pass, src/train/backward.ts, runs these lines for every layer from the
 * output back (backwardTrace shows its values); it divides by m where this scales by 1/m, which can
 * differ in the last bit, so that it matches the fast path of gradients and fit exactly.
 */
import { hadamard, map, multiply, scale, sumRows, transpose } from '../../../src/index.js';

export function backwardStep(
  dA: number[][],
  Z: number[][],
  Aprev: number[][],
  W: number[][],
): { dZ: number[][]; dW: number[][]; db: number[][]; dAprev: number[][] } {
  const m = Z[0].length; // the number of samples
  const dZ = hadamard(dA, map(Z, (z) => (z > 0 ? 1 : 0))); // dA ⊙ g′(Z): nOut × m
  const dW = scale(multiply(dZ, transpose(Aprev)), 1 / m); // dZ·Aprevᵀ / m: nOut × nIn
  const db = scale(sumRows(dZ), 1 / m); // sumRows(dZ) / m: nOut × 1
  const dAprev = multiply(transpose(W), dZ); // Wᵀ·dZ: nIn × m
  return { dZ: dZ.toArray(), dW: dW.toArray(), db: db.toArray(), dAprev: dAprev.toArray() };
}
