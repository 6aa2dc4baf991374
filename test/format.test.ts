/**
 * Printing: `String(m)`, `console.log(m)` and `${m}` show a Matrix the way numpy
 * prints an array, so a learner's output reads like the article's notebook.
 * Every expected string below is what numpy 2 prints for `np.array(rows)`.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Matrix, ones, zeros } from '../src/index.js';

const show = (rows: number[][]) => Matrix.from(rows).toString();

describe('Matrix#toString prints like numpy', () => {
  it('lines up the decimal points and pads the shorter decimals with spaces', () => {
    expect(show([[0.5, -1.25], [3, 4]])).toBe('[[ 0.5  -1.25]\n [ 3.    4.  ]]');
  });
  it('prints whole numbers with a bare point, as 3.', () => {
    expect(show([[1, 2], [3, 4]])).toBe('[[1. 2.]\n [3. 4.]]');
  });
  it('prints a column one entry per line', () => {
    expect(show([[1], [2], [3]])).toBe('[[1.]\n [2.]\n [3.]]');
  });
  it('gives a minus sign room only as wide as the widest number needs', () => {
    expect(show([[-1, 100]])).toBe('[[ -1. 100.]]');
    expect(show([[-5, 10]])).toBe('[[-5. 10.]]');
    expect(show([[-99, 1]])).toBe('[[-99.   1.]]');
  });
  it('shows at most 8 decimals, rounded', () => {
    expect(show([[1 / 3, 2]])).toBe('[[0.33333333 2.        ]]');
  });
  it('shows the shortest decimals that give the number back (0.1 + 0.2 prints as 0.3)', () => {
    expect(show([[0.1 + 0.2]])).toBe('[[0.3]]');
    expect(show([[99999999.9]])).toBe('[[99999999.9]]');
  });
  it('rounds an exact tie to the even digit, as numpy does (0.001953125 = 2⁻⁹)', () => {
    expect(show([[0.001953125]])).toBe('[[0.00195312]]');
    expect(show([[1234567885]])).toBe('[[1.23456788e+09]]');
  });
  it('keeps the sign of −0', () => {
    expect(show([[2, -0]])).toBe('[[ 2. -0.]]');
  });
});

describe('entries a Matrix built from raw data may hold', () => {
  it('prints NaN and ±Infinity as nan and ±inf, in the common width', () => {
    // Every public function refuses them; only new Matrix(rows, cols, data) can hold them.
    expect(String(new Matrix(1, 2, Float64Array.of(NaN, 1)))).toBe('[[nan  1.]]');
    expect(String(new Matrix(1, 2, Float64Array.of(Infinity, -1.5)))).toBe('[[ inf -1.5]]');
    expect(String(new Matrix(1, 2, Float64Array.of(-Infinity, 1e-5)))).toBe('[[  -inf 1.e-05]]');
  });
});

describe('scientific notation, when numpy switches to it', () => {
  it('when the smallest non-zero magnitude is below 1e-4', () => {
    expect(show([[1e-5, 1]])).toBe('[[1.e-05 1.e+00]]');
    expect(show([[-1e-5, 2.5]])).toBe('[[-1.0e-05  2.5e+00]]');
  });
  it('when the largest magnitude is 1e8 or more', () => {
    expect(show([[123456789]])).toBe('[[1.23456789e+08]]');
  });
  it('when the largest is more than 1000 times the smallest non-zero', () => {
    expect(show([[1, 1001]])).toBe('[[1.000e+00 1.001e+03]]');
    expect(show([[1.5, -0.001], [250, 3]])).toBe('[[ 1.5e+00 -1.0e-03]\n [ 2.5e+02  3.0e+00]]');
  });
  it('but not at exactly 1000 times, and zeros do not count as the smallest', () => {
    expect(show([[1, 1000]])).toBe('[[   1. 1000.]]');
    expect(show([[0, 0.5]])).toBe('[[0.  0.5]]');
  });
  it('with three-digit exponents when one needs them', () => {
    expect(show([[1e300, -1]])).toBe('[[ 1.e+300 -1.e+000]]');
  });
  it('keeping the sign of −0', () => {
    expect(show([[-0, 0.5, 1e8]])).toBe('[[-0.e+00  5.e-01  1.e+08]]');
  });
});

describe('long rows and big matrices', () => {
  it('breaks a row longer than 75 characters, the next line under the first entry', () => {
    const row = Array(20).fill(0.5);
    expect(show([row])).toBe(
      '[[0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5\n  0.5 0.5]]',
    );
  });
  it('breaks every row of a matrix the same way', () => {
    const rows = [
      Array.from({ length: 12 }, (_, j) => j - 0.25),
      Array.from({ length: 12 }, (_, j) => 10 * j),
    ];
    expect(show(rows)).toBe(
      '[[ -0.25   0.75   1.75   2.75   3.75   4.75   5.75   6.75   7.75   8.75\n' +
        '    9.75  10.75]\n' +
        ' [  0.    10.    20.    30.    40.    50.    60.    70.    80.    90.\n' +
        '  100.   110.  ]]',
    );
  });
  it('prints all of a matrix with 1000 entries', () => {
    const text = ones(10, 100).toString();
    expect(text).not.toContain('...');
    expect(text.match(/1\./g)).toHaveLength(1000);
  });
  it('shows only the first and last 3 columns of a matrix with more than 1000 entries', () => {
    const m = ones(2, 501).toArray();
    m[1][500] = 2;
    expect(show(m)).toBe('[[1. 1. 1. ... 1. 1. 1.]\n [1. 1. 1. ... 1. 1. 2.]]');
  });
  it('shows only the first and last 3 rows of a tall one, widths taken from the entries shown', () => {
    const column = Array.from({ length: 1001 }, (_, i) => [i]);
    expect(show(column)).toBe('[[   0.]\n [   1.]\n [   2.]\n ...\n [ 998.]\n [ 999.]\n [1000.]]');
  });
  it('summarises both ways at once, and an entry that is not shown does not widen the others', () => {
    const m = zeros(40, 40).toArray();
    m[20][20] = 1000; // hidden in the middle
    expect(show(m)).toBe(
      '[[0. 0. 0. ... 0. 0. 0.]\n [0. 0. 0. ... 0. 0. 0.]\n [0. 0. 0. ... 0. 0. 0.]\n ...\n' +
        ' [0. 0. 0. ... 0. 0. 0.]\n [0. 0. 0. ... 0. 0. 0.]\n [0. 0. 0. ... 0. 0. 0.]]',
    );
  });
});

describe('Node prints a Matrix the same way', () => {
  const m = Matrix.from([[0.5, -1.25], [3, 4]]);
  const numpy = '[[ 0.5  -1.25]\n [ 3.    4.  ]]';
  it('util.inspect (what console.log uses) prints toString()', () => {
    expect(inspect(m)).toBe(numpy);
  });
  it('inside an object too', () => {
    expect(inspect({ W: Matrix.from([[1, 2]]) })).toBe('{ W: [[1. 2.]] }');
  });
  it('String(m) and a template string print toString()', () => {
    expect(String(m)).toBe(numpy);
    expect(`${m}`).toBe(numpy);
  });
});
