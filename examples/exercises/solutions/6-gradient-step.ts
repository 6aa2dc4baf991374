/** Exercise 6, a worked solution: every weight and bias moves against its gradient, into new arrays. */
export function gradientStep(
  W: number[][],
  b: number[],
  dW: number[][],
  db: number[],
  learningRate: number,
): { W: number[][]; b: number[] } {
  return {
    W: W.map((row, i) => row.map((w, k) => w - learningRate * dW[i][k])), // W − η·dW
    b: b.map((v, i) => v - learningRate * db[i]), // b − η·db
  };
}
