/**
 * Independent oracles and small tools the tests share. Nothing here calls the
 * code under test to check itself: the oracles are the plainest possible loops.
 */
import { expect } from 'vitest';
import { Matrix, randomMatrix } from '../../src/index.js';

/**
 * Z = W·A + b by the textbook triple loop, summing b first, then k = 0, 1, 2, …
 * (the order affineInto's 2×4 tile promises, so the two agree bit for bit).
 */
export function naiveAffine(W: number[][], A: number[][], b: number[] | null): number[][] {
  return W.map((row, i) =>
    A[0].map((_, j) => {
      let z = b === null ? 0 : b[i];
      for (let k = 0; k < row.length; k++) z += row[k] * A[k][j];
      return z;
    }),
  );
}

/** A seeded rows × cols array of numbers in [−scale, scale), as plain nested arrays. */
export function seeded(rows: number, cols: number, seed: number, scale = 1): number[][] {
  return randomMatrix(rows, cols, { seed, scale }).toArray();
}

/**
 * The 64 bits of every number in a value, as hex strings, keeping its shape: a
 * Matrix or nested arrays become nested arrays, a Float64Array or number[] a flat
 * one, a number one string. −0 and 0 differ here, as does any last bit.
 */
export function bits(value: unknown): unknown {
  if (typeof value === 'number') {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, value);
    return view.getBigUint64(0).toString(16).padStart(16, '0');
  }
  if (value instanceof Matrix) return bits(value.toArray());
  if (ArrayBuffer.isView(value)) return bits(Array.from(value as Float64Array));
  if (Array.isArray(value)) return value.map(bits);
  return value;
}

/**
 * The one bit-equality check: the same shape and the same float64, bit for bit,
 * in every entry (a Matrix equals the nested arrays of its rows).
 */
export function expectSameBits(got: unknown, want: unknown, message?: string): void {
  expect(bits(got), message).toEqual(bits(want));
}

/** The largest |got − want| over all entries (shapes must match). */
export function maxAbsDiff(got: number[][], want: number[][]): number {
  expect([got.length, got[0].length]).toEqual([want.length, want[0].length]);
  let max = 0;
  got.forEach((row, i) => row.forEach((x, j) => (max = Math.max(max, Math.abs(x - want[i][j])))));
  return max;
}

/** The centred finite difference (f(x + h) − f(x − h)) / 2h, error O(h²). */
export function centredDifference(f: (x: number) => number, x: number, h = 1e-6): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

/**
 * Products (n × k)·(k × m), as [n, k, m], that reach every path of affineInto's
 * 2×4 tile: whole tiles, an odd last row, 1–3 leftover columns, a 1×1, a tall
 * and a wide matrix.
 */
export const productShapes: [number, number, number][] = [
  [1, 1, 1],
  [4, 4, 4],
  [5, 3, 7],
  [3, 5, 2],
  [8, 8, 8],
  [6, 1, 9],
  [1, 7, 1],
  [33, 2, 1], // tall
  [2, 9, 37], // wide
  [13, 11, 17],
];
