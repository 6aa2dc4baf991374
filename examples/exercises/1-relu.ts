/**
 * Exercise 1: ReLU, the article's activation.
 *
 *   A = relu(Z) = max(0, z) for every entry z of Z
 *
 * In:  Z, a matrix (number[][]: one row per neuron, one column per sample), any shape.
 * Out: A, a new matrix of the same shape; Z itself stays as it is.
 * By hand: relu([[-2, 0, 3]]) is [[0, 0, 3]]: negative values become 0, the rest pass unchanged.
 *
 * Write it with two loops (or Z.map). Check it: npm run exercise -- 1
 */
export function relu(Z: number[][]): number[][] {
  throw new Error('relu: not written yet');
}
