/**
 * The one hot loop, affineInto: Z = W·A + b over a block of columns, with a 2×4
 * register tile, and reluOf, the branchless ReLU it fuses in. That it sums in
 * the textbook order, bit for bit, on every path of the tile is checked in
 * forward-exact.test.ts; here, the rest of its contract: which columns it reads
 * and writes, and what reluOf gives.
 */
import { describe, expect, it } from 'vitest';
import { Matrix } from '../src/index.js';
import { affineInto, reluOf } from '../src/core/affine.js';
import { expectSameBits, naiveAffine, seeded } from './helpers/oracles.js';

describe('affineInto', () => {
  it('reads a block of columns of a wider A and writes it into a block of a wider Z, the rest of Z untouched', () => {
    // W: 6×3, A: 3×20; columns 5..15 of A go to columns 2..12 of a 6×14 Z, the rest of Z untouched.
    const W = seeded(6, 3, 4);
    const A = seeded(3, 20, 5);
    const b = [1, 2, 3, 4, 5, 6];
    const Z = new Float64Array(6 * 14).fill(-7);
    affineInto(Matrix.from(W).data, 6, 3, Float64Array.from(b), Matrix.from(A).data, 20, 5, Z, 14, 2, 11);
    const block = naiveAffine(W, A.map((row) => row.slice(5, 16)), b);
    const got = new Matrix(6, 14, Z).toArray();
    expectSameBits(got.map((row) => row.slice(2, 13)), block);
    expect(got.map((row) => [...row.slice(0, 2), row[13]])).toEqual(Array(6).fill([-7, -7, -7]));
  });
});

describe('reluOf', () => {
  it('is max(0, z), with +0 (never −0) for z ≤ 0', () => {
    // z·(z > 0) + 0: −2·0 + 0 = 0, −0·0 + 0 = 0, 3·1 + 0 = 3
    expectSameBits([-2, -0, 0, 3, 5e-324].map(reluOf), [0, 0, 0, 3, 5e-324]);
  });

  it('gives NaN for −∞ (an overflow, caught later by the finiteness pass), and passes NaN on', () => {
    // −∞·0 = NaN
    expect(reluOf(-Infinity)).toBeNaN();
    expect(reluOf(Number.NaN)).toBeNaN();
    expect(reluOf(Infinity)).toBe(Infinity);
  });
});
