/**
 * The check that makes the race fair: every competitor computes the same
 * outputs as Network.forward (the plain loop bit for bit, since it sums in the
 * same order; tfjs to float32 precision).
 */
import type { Matrix } from '../../src/index.js';

/** Largest |got − want| / (1 + |want|) over all outputs, given in the same order. */
export function largestError(got: ArrayLike<number>, want: Matrix): number {
  if (got.length !== want.data.length) {
    throw new Error(`largestError: got ${got.length} outputs but Network.forward gave ${want.data.length}`);
  }
  let worst = 0;
  for (let n = 0; n < got.length; n++) {
    worst = Math.max(worst, Math.abs(got[n] - want.data[n]) / (1 + Math.abs(want.data[n])));
  }
  return worst;
}

/** float32 keeps about 7 significant digits; a few layers of sums lose a little more. */
export const FLOAT32_TOLERANCE = 1e-4;
