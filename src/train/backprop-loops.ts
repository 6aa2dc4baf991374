/**
 * The raw loops backpropagation needs besides core/affine.ts's affineInto, on
 * Float64Arrays that are reused from step to step.
 *
 * The two transposed products of the backward pass, dW = dZ·Aᵀ and
 * dA = Wᵀ·dZ, are not written as new kernels: the transposed factor is copied
 * into a reused buffer (`transposeInto`, cheap next to the product) and the
 * product goes through the same blocked affineInto as the forward pass.
 */

/**
 * Mᵀ into `out`: M is rows × cols (row-major), out becomes cols × rows.
 * Walked in 8×8 tiles so both the reads and the writes stay within a few cache lines.
 * @example const out = new Float64Array(6); transposeInto(Float64Array.of(1, 2, 3, 4, 5, 6), 2, 3, out); out //=> [1, 4, 2, 5, 3, 6]
 */
export function transposeInto(M: Float64Array, rows: number, cols: number, out: Float64Array): void {
  const TILE = 8;
  for (let i0 = 0; i0 < rows; i0 += TILE) {
    const iEnd = Math.min(i0 + TILE, rows);
    for (let j0 = 0; j0 < cols; j0 += TILE) {
      const jEnd = Math.min(j0 + TILE, cols);
      for (let i = i0; i < iEnd; i++) {
        for (let j = j0; j < jEnd; j++) out[j * rows + i] = M[i * cols + j];
      }
    }
  }
}

/**
 * out[i] = (Σⱼ M[i][j]) / divisor: each row's sum, divided (db = sumRows(dZ) / m).
 * @example const db = new Float64Array(2); sumRowsInto(Float64Array.of(1, 3, 2, 6), 2, 2, db, 2); db //=> [2, 4]
 */
export function sumRowsInto(M: Float64Array, rows: number, cols: number, out: Float64Array, divisor: number): void {
  for (let i = 0; i < rows; i++) {
    let sum = 0;
    for (let j = i * cols, end = j + cols; j < end; j++) sum += M[j];
    out[i] = sum / divisor;
  }
}

/**
 * Every entry of M divided by `divisor`, in place (dW = dZ·Aᵀ / m).
 * @example const dW = Float64Array.of(2, 4); divideInPlace(dW, 2); dW //=> [1, 2]
 */
export function divideInPlace(M: Float64Array, divisor: number): void {
  for (let n = 0; n < M.length; n++) M[n] /= divisor;
}

/**
 * Copies the columns `order[start..start+cols)` of M (rows × stride) side by side into `out` (rows × cols):
 * the samples of one minibatch, gathered so the kernels read them contiguously.
 * @example const out = new Float64Array(2); gatherColumns(Float64Array.of(10, 20, 30), 1, 3, Int32Array.of(2, 0), 0, 2, out); out //=> [30, 10]
 */
export function gatherColumns(
  M: Float64Array,
  rows: number,
  stride: number,
  order: Int32Array,
  start: number,
  cols: number,
  out: Float64Array,
): void {
  for (let i = 0; i < rows; i++) {
    const from = i * stride;
    const to = i * cols;
    for (let j = 0; j < cols; j++) out[to + j] = M[from + order[start + j]];
  }
}
