/** Exercise 1, a worked solution: relu(Z) = max(0, z), entry by entry, into a new matrix. */
export function relu(Z: number[][]): number[][] {
  return Z.map((row) => row.map((z) => (z > 0 ? z : 0)));
}
