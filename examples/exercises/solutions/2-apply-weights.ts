/** Exercise 2, a worked solution: Z = W·A + b, written as the sum it is. */
export function applyWeights(A: number[][], W: number[][], b: number[]): number[][] {
  const nOut = W.length;
  const nIn = A.length;
  const samples = A[0].length;
  const Z: number[][] = [];
  for (let i = 0; i < nOut; i++) {
    Z.push([]);
    for (let j = 0; j < samples; j++) {
      let z = b[i]; // neuron i's bias, the same for every sample
      for (let k = 0; k < nIn; k++) z += W[i][k] * A[k][j]; // + Σₖ W[i][k]·A[k][j]
      Z[i].push(z);
    }
  }
  return Z; // nOut × samples
}
