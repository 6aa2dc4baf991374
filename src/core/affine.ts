/**
 * The one hot loop: Z = W·A + b over a block of columns, on raw Float64Arrays.
 *
 * Everything that multiplies matrices (multiply, applyWeights, Network.forward)
 * ends up here, so this is the only place where speed is bought with a trick.
 * The trick is a 2×4 register tile: eight sums Z[i..i+1][j..j+3] are kept in
 * local variables while k runs over the inputs, so each W value loaded is used
 * four times and each A value loaded twice, instead of once.
 *
 * Why 2×4 (measured on Node 20, x64, see docs/speed.md): eight sums, four A
 * values and two W values fit in the sixteen float registers of an x64 CPU.
 * A 4×4 tile (sixteen sums) does not, so V8 keeps some sums in memory: it was
 * only 3–8% faster on 64-neuron layers, and 13% slower on the article's
 * network [1, 2, 2, 1], where a layer of 2 neurons is exactly one 2-row tile.
 * A 4×2 tile was no faster than 2×4 on either.
 *
 * Every Z[i][j] is summed in the same order on every path (b first, then
 * k = 0, 1, 2, …), so the tile, its edges and a naive triple loop give
 * bit-identical results.
 *
 * With `relu` set, each sum also goes through ReLU before it is stored, while
 * it is still in a register: Network.forward does this for ReLU layers, which
 * saves a second pass over Z (a quarter of the time of the article's network).
 */

/**
 * ReLU of one number, max(0, z), written without a branch: the signs of the
 * z coming out of a layer follow no pattern, and a mispredicted `if` per
 * number cost more than all of W·A + b of the article's network.
 * z·(z > 0) is z or −0; adding 0 turns −0 into 0. (−∞ gives NaN: an overflow.)
 * @example reluOf(-2) //=> 0
 */
export function reluOf(z: number): number {
  return z * +(z > 0) + 0;
}

/**
 * Z[i][zCol + j] = b[i] + Σₖ W[i][k]·A[k][aCol + j]   for i < nOut, j < cols,
 * then Z[i][zCol + j] = max(0, Z[i][zCol + j]) when `relu` is true.
 *
 * W: nOut × nIn, row-major. A: nIn rows, `aStride` numbers apart. Z: nOut rows,
 * `zStride` numbers apart. `b` may be null (then Z = W·A). Z must not overlap A.
 */
export function affineInto(
  W: Float64Array,
  nOut: number,
  nIn: number,
  b: Float64Array | null,
  A: Float64Array,
  aStride: number,
  aCol: number,
  Z: Float64Array,
  zStride: number,
  zCol: number,
  cols: number,
  relu = false,
): void {
  let i = 0;
  // Two rows of W (two neurons) at a time.
  for (; i + 2 <= nOut; i += 2) {
    const w0 = i * nIn; // W[i][0]
    const w1 = w0 + nIn; // W[i + 1][0]
    const b0 = b === null ? 0 : b[i];
    const b1 = b === null ? 0 : b[i + 1];
    const r0 = i * zStride + zCol; // Z[i][zCol]
    const r1 = r0 + zStride; // Z[i + 1][zCol]
    let j = 0;
    // Four columns (samples) of A at a time: the 2×4 tile.
    for (; j + 4 <= cols; j += 4) {
      let z00 = b0, z01 = b0, z02 = b0, z03 = b0;
      let z10 = b1, z11 = b1, z12 = b1, z13 = b1;
      for (let k = 0, a = aCol + j; k < nIn; k++, a += aStride) {
        const a0 = A[a], a1 = A[a + 1], a2 = A[a + 2], a3 = A[a + 3]; // A[k][j..j+3]
        const x0 = W[w0 + k], x1 = W[w1 + k]; // W[i][k], W[i+1][k]
        z00 += x0 * a0; z01 += x0 * a1; z02 += x0 * a2; z03 += x0 * a3;
        z10 += x1 * a0; z11 += x1 * a1; z12 += x1 * a2; z13 += x1 * a3;
      }
      if (relu) {
        z00 = reluOf(z00); z01 = reluOf(z01); z02 = reluOf(z02); z03 = reluOf(z03);
        z10 = reluOf(z10); z11 = reluOf(z11); z12 = reluOf(z12); z13 = reluOf(z13);
      }
      Z[r0 + j] = z00; Z[r0 + j + 1] = z01; Z[r0 + j + 2] = z02; Z[r0 + j + 3] = z03;
      Z[r1 + j] = z10; Z[r1 + j + 1] = z11; Z[r1 + j + 2] = z12; Z[r1 + j + 3] = z13;
    }
    // The last columns (fewer than four): a 2×1 strip.
    for (; j < cols; j++) {
      let z0 = b0, z1 = b1;
      for (let k = 0, a = aCol + j; k < nIn; k++, a += aStride) {
        const ak = A[a];
        z0 += W[w0 + k] * ak;
        z1 += W[w1 + k] * ak;
      }
      Z[r0 + j] = relu ? reluOf(z0) : z0;
      Z[r1 + j] = relu ? reluOf(z1) : z1;
    }
  }
  // The last row when nOut is odd: a 1×4 strip, then single sums.
  if (i < nOut) {
    const w = i * nIn;
    const bi = b === null ? 0 : b[i];
    const r = i * zStride + zCol;
    let j = 0;
    for (; j + 4 <= cols; j += 4) {
      let z0 = bi, z1 = bi, z2 = bi, z3 = bi;
      for (let k = 0, a = aCol + j; k < nIn; k++, a += aStride) {
        const x = W[w + k];
        z0 += x * A[a];
        z1 += x * A[a + 1];
        z2 += x * A[a + 2];
        z3 += x * A[a + 3];
      }
      if (relu) {
        z0 = reluOf(z0); z1 = reluOf(z1); z2 = reluOf(z2); z3 = reluOf(z3);
      }
      Z[r + j] = z0; Z[r + j + 1] = z1; Z[r + j + 2] = z2; Z[r + j + 3] = z3;
    }
    for (; j < cols; j++) {
      let z = bi;
      for (let k = 0, a = aCol + j; k < nIn; k++, a += aStride) z += W[w + k] * A[a];
      Z[r + j] = relu ? reluOf(z) : z;
    }
  }
}
