/**
 * The one hot loop, affineInto: Z = W·A + b with a 4×4 register tile. It promises
 * to sum every entry in the textbook order (b, then k = 0, 1, 2, …), so it must
 * equal a naive triple loop bit for bit on every path: whole tiles, leftover rows
 * and columns, and blocks of a wider matrix (as Network.forward uses it).
 */
import { describe, expect, it } from 'vitest';
import { Matrix } from '../src/index.js';
import { affineInto } from '../src/core/affine.js';
import { naiveAffine, productShapes, seeded } from './helpers/oracles.js';

describe('affineInto (the 4×4 tile kernel) equals a naive triple loop bit for bit', () => {
  it.each(productShapes)('W %i×%i, A with %i columns, with a bias', (nOut, nIn, cols) => {
    const W = seeded(nOut, nIn, 1);
    const A = seeded(nIn, cols, 2);
    const b = seeded(nOut, 1, 3).map((row) => row[0]);
    const Z = new Float64Array(nOut * cols);
    affineInto(Matrix.from(W).data, nOut, nIn, Float64Array.from(b), Matrix.from(A).data, cols, 0, Z, cols, 0, cols);
    expect(new Matrix(nOut, cols, Z).toArray()).toEqual(naiveAffine(W, A, b));
  });

  it('reads a block of columns of a wider A and writes it into a block of a wider Z', () => {
    // W: 6×3, A: 3×20; columns 5..15 of A go to columns 2..12 of a 6×14 Z, the rest of Z untouched.
    const W = seeded(6, 3, 4);
    const A = seeded(3, 20, 5);
    const b = [1, 2, 3, 4, 5, 6];
    const Z = new Float64Array(6 * 14).fill(-7);
    affineInto(Matrix.from(W).data, 6, 3, Float64Array.from(b), Matrix.from(A).data, 20, 5, Z, 14, 2, 11);
    const block = naiveAffine(W, A.map((row) => row.slice(5, 16)), b);
    const got = new Matrix(6, 14, Z).toArray();
    expect(got.map((row) => row.slice(2, 13))).toEqual(block);
    expect(got.map((row) => [...row.slice(0, 2), row[13]])).toEqual(Array(6).fill([-7, -7, -7]));
  });

  it('with a null bias it is W·A, the same as summing from 0', () => {
    const W = seeded(7, 5, 6);
    const A = seeded(5, 6, 7);
    const Z = new Float64Array(7 * 6);
    affineInto(Matrix.from(W).data, 7, 5, null, Matrix.from(A).data, 6, 0, Z, 6, 0, 6);
    expect(new Matrix(7, 6, Z).toArray()).toEqual(naiveAffine(W, A, null));
  });
});
