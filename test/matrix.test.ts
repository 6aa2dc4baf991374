/**
 * The Matrix class and the helpers a forward pass needs. Small examples worked
 * by hand, then every product and sum checked against mathjs on seeded random
 * matrices, and every message a bad matrix gets. (multiply against a triple
 * loop, bit for bit: forward-exact.test.ts.)
 */
import * as math from 'mathjs';
import { describe, expect, it } from 'vitest';
import {
  Matrix,
  ShapeError,
  ValueError,
  add,
  hadamard,
  hstack,
  map,
  matrix,
  multiply,
  ones,
  randomMatrix,
  scale,
  subtract,
  sumRows,
  transpose,
  vstack,
  zeros,
} from '../src/index.js';
import { allocate } from '../src/core/matrix.js';
import { expectError } from './helpers/errors.js';
import { deepFreeze } from './helpers/frozen.js';
import { maxAbsDiff, productShapes, seeded } from './helpers/oracles.js';

describe('Matrix', () => {
  it('Matrix.from stores nested rows row-major: entry (i, j) is data[i·cols + j]', () => {
    const m = Matrix.from([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect([m.rows, m.cols]).toEqual([2, 3]);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(m.data).toBeInstanceOf(Float64Array);
  });

  it('Matrix.from reads a flat array as one row, as numpy broadcasts a 1-D array', () => {
    expect(Matrix.from([7, 8, 9]).toArray()).toEqual([[7, 8, 9]]);
  });

  it('shape is [rows, cols], as numpy .shape', () => {
    expect(Matrix.from([[1], [2], [3]]).shape).toEqual([3, 1]);
  });

  it('get(i, j) counts from 0', () => {
    const m = Matrix.from([
      [1, 2],
      [3, 4],
    ]);
    expect([m.get(0, 0), m.get(0, 1), m.get(1, 0), m.get(1, 1)]).toEqual([1, 2, 3, 4]);
  });

  it('row(i) is a plain array copy: changing it leaves the matrix alone', () => {
    const m = Matrix.from([
      [1, 2],
      [3, 4],
    ]);
    const row = m.row(1);
    expect(row).toEqual([3, 4]);
    row[0] = 99;
    expect(m.get(1, 0)).toBe(3);
  });

  it('toArray gives nested plain arrays, a copy of the entries', () => {
    const m = Matrix.from([
      [1, 2],
      [3, 4],
    ]);
    const rows = m.toArray();
    expect(rows).toEqual([
      [1, 2],
      [3, 4],
    ]);
    rows[0][0] = 99;
    expect(m.get(0, 0)).toBe(1);
  });

  it('new Matrix(rows, cols) is all zeros, and new Matrix(rows, cols, data) uses data as it is (no copy)', () => {
    expect(new Matrix(2, 2).toArray()).toEqual([
      [0, 0],
      [0, 0],
    ]);
    const data = new Float64Array([1, 2]);
    expect(new Matrix(1, 2, data).data).toBe(data);
  });

  it('the constructor names both lengths when data does not fit the shape', () => {
    expect(() => new Matrix(2, 2, new Float64Array(3))).toThrow(ShapeError);
    expect(() => new Matrix(2, 2, new Float64Array(3))).toThrow(
      'Matrix: data has 3 numbers but the shape 2×2 needs 4 (rows·cols)',
    );
  });

  it('the constructor wants a Float64Array, not nested arrays', () => {
    expectError(() => new Matrix(1, 2, [1, 2] as never), ValueError, 'Matrix: data is an array of 2 entries but it must be a Float64Array (use Matrix.from for nested arrays)');
  });

  it('the constructor refuses sizes that are not whole numbers ≥ 1', () => {
    expect(() => new Matrix(0, 2)).toThrow(ValueError);
    expect(() => new Matrix(0, 2)).toThrow('Matrix: rows is 0 but sizes must be whole numbers ≥ 1');
    expect(() => new Matrix(2, 1.5)).toThrow('Matrix: cols is 1.5 but sizes must be whole numbers ≥ 1');
    expect(() => new Matrix(NaN, 1)).toThrow('Matrix: rows is NaN');
  });
});

describe('get and row outside a matrix (RangeError, counting from 0)', () => {
  const m = Matrix.from([[1, 2, 3], [4, 5, 6]]); // 2×3
  it.each([
    [2, 0],
    [0, 3],
    [-1, 0],
    [0, -1],
    [0.5, 0],
    [0, 0.5],
  ])('get(%d, %d) is outside the 2×3 matrix', (i, j) => {
    expectError(() => m.get(i, j), RangeError, `Matrix.get: (${i}, ${j}) is outside the 2×3 matrix (indices count from 0)`);
  });
  it.each([2, -1, 0.5])('row(%d) is outside the 2×3 matrix', (i) => {
    expectError(() => m.row(i), RangeError, `Matrix.row: row ${i} is outside the 2×3 matrix (rows count from 0)`);
  });
  it('the last entry and the last row are inside', () => {
    expect(m.get(1, 2)).toBe(6);
    expect(m.row(1)).toEqual([4, 5, 6]);
  });
});

describe('bad matrices are refused with the place, the entry and the rule', () => {
  it('an empty array', () => {
    expectError(() => Matrix.from([]), ShapeError, 'Matrix.from: rows is empty but a matrix needs at least one row');
    expectError(() => matrix([]), ShapeError, 'matrix: the input is empty but a matrix needs at least one row');
  });
  it('an empty first row', () => {
    expectError(() => Matrix.from([[]]), ShapeError, 'Matrix.from: rows has an empty row 1 but a matrix needs at least one column');
    expectError(() => matrix([[]]), ShapeError, 'matrix: the input has an empty row 1 but a matrix needs at least one column');
  });
  it('a ragged array, naming the row (counting from 1) and both lengths', () => {
    expect(() => matrix([[1, 2], [3]])).toThrow(ShapeError);
    expect(() => matrix([[1, 2], [3]])).toThrow(
      'matrix: the input row 2 has 1 entry but row 1 has 2 (every row needs the same length)',
    );
  });
  it('a row that is not an array', () => {
    expectError(() => matrix([[1], 2] as unknown as number[][]), ShapeError, 'matrix: the input row 2 is 2 but every row must be an array');
  });
  it('NaN, naming its row and column (counting from 1)', () => {
    expect(() => multiply([[1, NaN]], [[1], [1]])).toThrow(ValueError);
    expect(() => multiply([[1, NaN]], [[1], [1]])).toThrow(
      'multiply: A has NaN at row 1, column 2 but entries must be finite numbers',
    );
  });
  it('Infinity and -Infinity', () => {
    expect(() => add([[1]], [[Infinity]])).toThrow('add: B has Infinity at row 1, column 1 but entries must be finite numbers');
    expect(() => transpose([[0], [-Infinity]])).toThrow('transpose: A has -Infinity at row 2, column 1');
  });
  it('a string or null entry', () => {
    expectError(() => matrix([['1']] as unknown as number[][]), ValueError, 'matrix: the input has "1" at row 1, column 1 but entries must be finite numbers');
    expectError(() => matrix([[1, '2' as never]]), ValueError, 'matrix: the input has "2" at row 1, column 2 but entries must be finite numbers');
    expectError(() => matrix([[null]] as unknown as number[][]), ValueError, 'matrix: the input has null at row 1, column 1 but entries must be finite numbers');
  });
  it('something that is not a matrix at all', () => {
    expect(() => matrix('abc' as unknown as number[][])).toThrow(
      'matrix: the input is "abc" but a matrix must be a Matrix, an array of rows, or a mathjs matrix',
    );
  });
  it('an object with toArray but no size, or size but no toArray, is not taken for a mathjs matrix', () => {
    expectError(() => matrix({ toArray: () => [[1]] } as never), ShapeError, 'matrix: the input is an object (Object) but a matrix must be a Matrix, an array of rows, or a mathjs matrix');
    expectError(() => matrix({ size: () => [1, 1] } as never), ShapeError, 'matrix: the input is an object (Object) but a matrix must be a Matrix, an array of rows, or a mathjs matrix');
  });
  it('an object with toArray and size is read through toArray', () => {
    expect(matrix({ toArray: () => [[1, 2]], size: () => [1, 2] }).toArray()).toEqual([[1, 2]]);
  });
  it('a Matrix whose data holds NaN (say, filled by hand) when it is used', () => {
    const m = new Matrix(1, 2, new Float64Array([2, Number.NaN])); // the constructor takes data as it is
    expect(() => scale(m, 2)).toThrow('scale: A has NaN at row 1, column 2 but entries must be finite numbers');
  });
  const bad = [[NaN]];
  it.each([
    ['Matrix.from', () => Matrix.from(bad), 'Matrix.from: rows has NaN'],
    ['Matrix.fromMathjs', () => Matrix.fromMathjs({ toArray: () => bad, size: () => [1, 1] }), 'Matrix.fromMathjs: the matrix has NaN'],
    ['multiply (A)', () => multiply(bad, [[1]]), 'multiply: A has NaN'],
    ['multiply (B)', () => multiply([[1]], bad), 'multiply: B has NaN'],
    ['add (A)', () => add(bad, [[1]]), 'add: A has NaN'],
    ['subtract (A)', () => subtract(bad, [[1]]), 'subtract: A has NaN'],
    ['hadamard (B)', () => hadamard([[1]], bad), 'hadamard: B has NaN'],
    ['scale', () => scale(bad, 2), 'scale: A has NaN'],
    ['map', () => map(bad, (x) => x), 'map: A has NaN'],
    ['vstack (the second matrix)', () => vstack([[1]], bad), 'vstack: matrix 2 has NaN'],
    ['hstack (the second matrix)', () => hstack([[1]], bad), 'hstack: matrix 2 has NaN'],
    ['sumRows', () => sumRows(bad), 'sumRows: A has NaN'],
  ])('%s names itself and the argument that holds NaN', (_, call, start) => {
    expectError(call, ValueError, `${start} at row 1, column 1 but entries must be finite numbers`);
  });
});

describe('results that overflow float64 are refused, naming the entry', () => {
  it('multiply: 1e200 · 1e200 = 1e400, past the largest double (1.8e308)', () => {
    expectError(() => multiply([[1e200]], [[1e200]]), ValueError, "multiply: A·B has Infinity at row 1, column 1 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
  });
  it('multiply: an overflow that would be NaN (∞ − ∞) is named too', () => {
    // 1e200·1e200 + 1e200·(−1e200) = ∞ − ∞ = NaN.
    expectError(() => multiply([[1e200, 1e200]], [[1e200], [-1e200]]), ValueError, "multiply: A·B has NaN at row 1, column 1 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
  });
  it('add, scale and sumRows', () => {
    expectError(() => add([[1, Number.MAX_VALUE]], [[1, Number.MAX_VALUE]]), ValueError, "add: the result has Infinity at row 1, column 2 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
    expectError(() => scale([[-1e300]], 1e10), ValueError, "scale: k·A has -Infinity at row 1, column 1 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
    expectError(() => sumRows([[Number.MAX_VALUE, Number.MAX_VALUE]]), ValueError, "sumRows: the sum has Infinity at row 1, column 1 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
  });
});

describe('matrix, zeros, ones', () => {
  it('matrix(rows) builds a Matrix from nested arrays', () => {
    expect(matrix([[1, 2]]).toArray()).toEqual([[1, 2]]);
  });
  it('matrix(m) of a Matrix is a new matrix with the same entries', () => {
    const m = Matrix.from([[1, 2]]);
    const copy = matrix(m);
    expect(copy).not.toBe(m);
    expect(copy.data).not.toBe(m.data);
    expect(copy.toArray()).toEqual([[1, 2]]);
  });
  it('zeros(2, 3) is 2×3 of 0 and ones(1, 2) is 1×2 of 1', () => {
    expect(zeros(2, 3).toArray()).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(ones(1, 2).toArray()).toEqual([[1, 1]]);
  });
  it('zeros and ones name the bad size', () => {
    expect(() => zeros(0, 3)).toThrow('zeros: rows is 0 but sizes must be whole numbers ≥ 1');
    expect(() => ones(2, -1)).toThrow('ones: cols is -1 but sizes must be whole numbers ≥ 1');
  });
  it.each([
    ['new Matrix (rows)', () => new Matrix(0, 1), 'Matrix: rows is 0'],
    ['new Matrix (cols)', () => new Matrix(1, 0), 'Matrix: cols is 0'],
    ['zeros (cols)', () => zeros(1, 0), 'zeros: cols is 0'],
    ['ones (rows)', () => ones(0, 1), 'ones: rows is 0'],
    ['randomMatrix (rows)', () => randomMatrix(0, 1), 'randomMatrix: rows is 0'],
    ['randomMatrix (cols)', () => randomMatrix(1, 0), 'randomMatrix: cols is 0'],
  ])('%s names itself and the size that is 0', (_, call, start) => {
    expectError(call, ValueError, `${start} but sizes must be whole numbers ≥ 1`);
  });
  it.each([
    ['zeros', () => zeros(2 ** 20, 2 ** 20), 'zeros'],
    ['new Matrix', () => new Matrix(2 ** 20, 2 ** 20), 'Matrix'],
    ['ones', () => ones(2 ** 20, 2 ** 20), 'ones'],
    ['randomMatrix', () => randomMatrix(2 ** 20, 2 ** 20), 'randomMatrix'],
  ])('%s refuses more than 2³⁰ numbers before allocating', (_, call, where) => {
    expectError(call, ValueError, `${where}: the matrix would be 1048576×1048576 = 1099511627776 numbers but one matrix holds at most 1073741824 (2³⁰, 8 GiB)`);
  });
  it('one enormous size is refused on its own', () => {
    expectError(() => ones(1e12, 1), ValueError, 'ones: rows is 1000000000000 but sizes must be at most 1073741824 (2³⁰)');
  });
});

describe('multiply', () => {
  it('computes the matrix product row by column', () => {
    // [1 2]·[5] = 1·5 + 2·6 = 17;  [3 4]·[5] = 3·5 + 4·6 = 39
    //       [6]
    expect(multiply([[1, 2], [3, 4]], [[5], [6]]).toArray()).toEqual([[17], [39]]);
  });
  it('turns (n × k)·(k × m) into n × m', () => {
    // row 1: 1·1 + 0·0 + 2·1 = 3, 1·0 + 0·1 + 2·1 = 2;  row 2: 0 + 1·0 + 0 = 0, 0 + 1·1 + 0 = 1
    expect(multiply([[1, 0, 2], [0, 1, 0]], [[1, 0], [0, 1], [1, 1]]).toArray()).toEqual([
      [3, 2],
      [0, 1],
    ]);
  });
  it("names both shapes when A's columns differ from B's rows", () => {
    expect(() => multiply([[1, 2, 3], [4, 5, 6]], [[1, 2, 3], [4, 5, 6]])).toThrow(ShapeError);
    expect(() => multiply([[1, 2, 3], [4, 5, 6]], [[1, 2, 3], [4, 5, 6]])).toThrow(
      "multiply: A is 2×3 but B is 2×3 (A's columns must equal B's rows)",
    );
  });
});

describe('multiply agrees with mathjs on seeded random matrices', () => {
  it.each(productShapes)('(%i × %i)·(%i-column) product', (n, k, m) => {
    const A = seeded(n, k, 100 + n);
    const B = seeded(k, m, 200 + m);
    const want = (math.multiply(math.matrix(A), math.matrix(B)) as math.Matrix).toArray() as number[][];
    expect(maxAbsDiff(multiply(A, B).toArray(), want)).toBeLessThan(1e-12);
  });
});

describe('add and subtract', () => {
  it('add works entry by entry on matrices of the same shape', () => {
    // 1 + 10 = 11, 2 + 20 = 22, 3 + 30 = 33, 4 + 40 = 44
    expect(add([[1, 2], [3, 4]], [[10, 20], [30, 40]]).toArray()).toEqual([
      [11, 22],
      [33, 44],
    ]);
  });
  it('add broadcasts a column over every column, as a bias is added to every sample', () => {
    // row 1 gets +10, row 2 gets +20
    expect(add([[1, 2], [3, 4]], [[10], [20]]).toArray()).toEqual([
      [11, 12],
      [23, 24],
    ]);
  });
  it('add broadcasts a column on the left too', () => {
    expect(add([[10], [20]], [[1, 2], [3, 4]]).toArray()).toEqual([
      [11, 12],
      [23, 24],
    ]);
  });
  it('subtract works entry by entry and broadcasts a column the same way', () => {
    // 5 − 1 = 4, 5 − 2 = 3;  then [[5, 6]] − [[1]] = [[4, 5]]
    expect(subtract([[5, 5]], [[1, 2]]).toArray()).toEqual([[4, 3]]);
    expect(subtract([[5, 6]], [[1]]).toArray()).toEqual([[4, 5]]);
    expect(subtract([[1], [2]], [[1, 1], [1, 1]]).toArray()).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });
  it('names both shapes when they neither match nor broadcast', () => {
    expect(() => add([[1, 2]], [[1, 2], [3, 4]])).toThrow(
      'add: A is 1×2 but B is 2×2 (shapes must match, or one must be a column with as many rows)',
    );
    expect(() => subtract([[1, 2, 3]], [[1, 2]])).toThrow('subtract: A is 1×3 but B is 1×2');
    expect(() => add([[1], [2]], [[1], [2], [3]])).toThrow('add: A is 2×1 but B is 3×1');
    // a column with the wrong number of rows does not broadcast
    expectError(() => subtract([[1, 2]], [[1], [2]]), ShapeError, 'subtract: A is 1×2 but B is 2×1 (shapes must match, or one must be a column with as many rows)');
  });
});

describe('add, subtract and hadamard agree with mathjs on seeded random matrices', () => {
  const shapes: [number, number][] = [
    [1, 1],
    [3, 5],
    [4, 4],
    [17, 2],
    [2, 23],
  ];
  type MathjsOp = (a: math.Matrix, b: math.Matrix) => math.MathType;
  const ops: [string, typeof add, MathjsOp][] = [
    ['add', add, (a, b) => math.add(a, b)],
    ['subtract', subtract, (a, b) => math.subtract(a, b)],
    ['hadamard', hadamard, (a, b) => math.dotMultiply(a, b)],
  ];
  for (const [name, ours, theirs] of ops) {
    it.each(shapes)(`${name} of two %i×%i matrices`, (rows, cols) => {
      const A = seeded(rows, cols, rows);
      const B = seeded(rows, cols, cols + 50);
      const want = (theirs(math.matrix(A), math.matrix(B)) as math.Matrix).toArray() as number[][];
      expect(maxAbsDiff(ours(A, B).toArray(), want)).toBe(0); // one operation per entry: exact
    });
    it.each(shapes)(`${name} of a %i×%i matrix and a column, as mathjs does with the column repeated`, (rows, cols) => {
      const A = seeded(rows, cols, rows + 9);
      const b = seeded(rows, 1, cols + 9);
      const repeated = (math.multiply(math.matrix(b), math.ones(1, cols)) as math.Matrix).toArray() as number[][];
      const want = (theirs(math.matrix(A), math.matrix(repeated)) as math.Matrix).toArray() as number[][];
      expect(maxAbsDiff(ours(A, b).toArray(), want)).toBe(0);
    });
  }
});

describe('hadamard, scale, transpose, map', () => {
  it('hadamard multiplies entry by entry (numpy A * B), not row by column', () => {
    // 1·3 = 3, 2·4 = 8
    expect(hadamard([[1, 2]], [[3, 4]]).toArray()).toEqual([[3, 8]]);
  });
  it('hadamard broadcasts a column and names both shapes when it cannot', () => {
    expect(hadamard([[1, 2], [3, 4]], [[2], [-1]]).toArray()).toEqual([
      [2, 4],
      [-3, -4],
    ]);
    expect(() => hadamard([[1, 2]], [[1, 2, 3]])).toThrow('hadamard: A is 1×2 but B is 1×3');
    expectError(() => hadamard([[1, 2], [3, 4]], [[1, 2]]), ShapeError, 'hadamard: A is 2×2 but B is 1×2 (shapes must match, or one must be a column with as many rows)');
  });
  it('scale multiplies every entry by k', () => {
    expect(scale([[1, -2], [0.5, 0]], 3).toArray()).toEqual([
      [3, -6],
      [1.5, 0],
    ]);
  });
  it('scale refuses a k that is not a finite number', () => {
    expect(() => scale([[1]], NaN)).toThrow('scale: k is NaN but it must be a finite number');
    expectError(() => scale([[1]], '2' as unknown as number), ValueError, 'scale: k is "2" but it must be a finite number');
  });
  it('transpose turns rows into columns', () => {
    expect(transpose([[1, 2, 3]]).toArray()).toEqual([[1], [2], [3]]);
    expect(transpose([[1, 2], [3, 4], [5, 6]]).toArray()).toEqual([
      [1, 3, 5],
      [2, 4, 6],
    ]);
  });
  it.each([
    [1, 1],
    [3, 7],
    [8, 4],
    [1, 30],
  ])('transpose of a %i×%i matrix agrees with mathjs', (rows, cols) => {
    const A = seeded(rows, cols, rows * cols);
    expect(transpose(A).toArray()).toEqual((math.transpose(math.matrix(A)) as math.Matrix).toArray());
  });
  it('map wants a function f, and refuses an f that returns NaN or a string, naming the entry', () => {
    expectError(() => map([[1]], 'x*x' as never), ValueError, 'map: f is "x*x" but it must be a function');
    // √(−1) is NaN: a silent NaN would spread through everything after it.
    expectError(() => map([[4, -1]], Math.sqrt), ValueError, 'map: f returned NaN for the entry -1 at row 1, column 2 but it must return finite numbers');
    expectError(() => map([[1]], (x) => String(x) as never), ValueError, 'map: f returned "1" for the entry 1 at row 1, column 1 but it must return finite numbers');
  });
  it('map applies f to every entry, with its row and column counting from 0', () => {
    expect(map([[1, -2]], (x) => x * x).toArray()).toEqual([[1, 4]]);
    // f(x, i, j) = 10·i + j ignores x
    expect(map(zeros(2, 3), (_x, i, j) => 10 * i + j).toArray()).toEqual([
      [0, 1, 2],
      [10, 11, 12],
    ]);
  });
});

describe('vstack, hstack, sumRows', () => {
  it('vstack stacks matrices top to bottom', () => {
    expect(vstack([[1, 2]], [[3, 4]], [[5, 6], [7, 8]]).toArray()).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ]);
  });
  it('vstack names both column counts when they differ, and needs at least one matrix', () => {
    expect(() => vstack([[1, 2]], [[1, 2]], [[3]])).toThrow(
      'vstack: matrix 1 has 2 columns but matrix 3 has 1 (stacked rows need the same number of columns)',
    );
    expect(() => vstack()).toThrow('vstack: no matrices were given but it needs at least one');
  });
  it('hstack puts matrices side by side', () => {
    expect(hstack([[1], [2]], [[3, 4], [5, 6]]).toArray()).toEqual([
      [1, 3, 4],
      [2, 5, 6],
    ]);
  });
  it('hstack names both row counts when they differ, and needs at least one matrix', () => {
    expect(() => hstack([[1], [2]], [[3]])).toThrow(
      'hstack: matrix 1 has 2 rows but matrix 2 has 1 (side-by-side columns need the same number of rows)',
    );
    expect(() => hstack()).toThrow('hstack: no matrices were given but it needs at least one');
  });
  it('vstack of one matrix is a copy of it', () => {
    const m = Matrix.from([[1, 2]]);
    const stacked = vstack(m);
    expect(stacked.data).not.toBe(m.data);
    expect(stacked.toArray()).toEqual([[1, 2]]);
  });
  it('sumRows adds up each row into a column', () => {
    // 1 + 2 = 3, 3 + 4 = 7
    expect(sumRows([[1, 2], [3, 4]]).toArray()).toEqual([[3], [7]]);
  });
});

describe('randomMatrix', () => {
  it('draws a seeded rows × cols matrix uniformly from [−scale, scale)', () => {
    const m = randomMatrix(50, 40, { seed: 3, scale: 0.5 });
    expect(m.shape).toEqual([50, 40]);
    expect(Math.min(...m.data)).toBeGreaterThanOrEqual(-0.5);
    expect(Math.max(...m.data)).toBeLessThan(0.5);
    // 2000 uniform draws: both halves of the range are used
    expect(Math.min(...m.data)).toBeLessThan(-0.49);
    expect(Math.max(...m.data)).toBeGreaterThan(0.49);
  });
  it('gives the same matrix for the same seed and a different one for another seed', () => {
    expect(randomMatrix(3, 3, { seed: 5 }).toArray()).toEqual(randomMatrix(3, 3, { seed: 5 }).toArray());
    expect(randomMatrix(3, 3, { seed: 5 }).toArray()).not.toEqual(randomMatrix(3, 3, { seed: 6 }).toArray());
  });
  it('uses seed 42 and scale 1 when none are given', () => {
    expect(randomMatrix(2, 2).toArray()).toEqual(randomMatrix(2, 2, { seed: 42, scale: 1 }).toArray());
  });
  it('pins its first entries for seed 42 (−1 + 2·u for the generator’s first uniforms u)', () => {
    // u = 0.2395…, 0.0932…: −1 + 2·0.2395… = −0.5209…, −1 + 2·0.0932… = −0.8135…
    expect(randomMatrix(1, 2, { seed: 42 }).toArray()).toEqual([[-0.5208937438440178, -0.8135316789348481]]);
  });
  it('refuses a negative scale, a bad size and a bad seed', () => {
    expect(() => randomMatrix(2, 2, { scale: -1 })).toThrow('randomMatrix: scale is -1 but it must be a finite number ≥ 0');
    expect(() => randomMatrix(2, 0)).toThrow('randomMatrix: cols is 0 but sizes must be whole numbers ≥ 1');
    expect(() => randomMatrix(2, 2, { seed: -3 })).toThrow(
      'randomMatrix: seed is -3 but a seed must be an integer from 0 to 4294967295',
    );
    expectError(() => randomMatrix(2, 2, { seed: 1.5 }), ValueError, 'randomMatrix: seed is 1.5 but a seed must be an integer from 0 to 4294967295');
  });
});

describe('no helper changes its inputs', () => {
  const A = () => deepFreeze([[1, -2], [3, 4]]);
  const column = () => deepFreeze([[5], [6]]);
  const calls: [string, () => unknown][] = [
    ['matrix', () => matrix(A())],
    ['multiply', () => multiply(A(), A())],
    ['add', () => add(A(), column())],
    ['subtract', () => subtract(A(), column())],
    ['hadamard', () => hadamard(A(), A())],
    ['scale', () => scale(A(), 2)],
    ['transpose', () => transpose(A())],
    ['map', () => map(A(), (x) => x + 1)],
    ['vstack', () => vstack(A(), A())],
    ['hstack', () => hstack(A(), column())],
    ['sumRows', () => sumRows(A())],
  ];
  it.each(calls)('%s runs on deep-frozen nested arrays (it would throw if it wrote to them)', (_name, call) => {
    expect(call).not.toThrow();
  });

  it('every helper leaves a Matrix argument with the same entries', () => {
    const m = Matrix.from([[1, -2], [3, 4]]);
    const c = Matrix.from([[5], [6]]);
    const before = [Array.from(m.data), Array.from(c.data)];
    for (const f of [multiply, add, subtract, hadamard, vstack] as ((x: Matrix, y: Matrix) => Matrix)[]) f(m, m);
    add(m, c);
    hstack(m, c);
    scale(m, 3);
    transpose(m);
    map(m, (x) => -x);
    sumRows(m);
    matrix(m).data[0] = 100;
    expect([Array.from(m.data), Array.from(c.data)]).toEqual(before);
  });
});

describe('allocate: memory that cannot be had is a ValueError naming the size', () => {
  it("turns the engine's RangeError into a ValueError with the size in numbers and MiB", () => {
    // 2⁴⁰ numbers is past any typed array V8 makes: the same RangeError path as an allocation that fails
    expect(() => allocate(2 ** 40, 'zeros')).toThrow(ValueError);
    expect(() => allocate(2 ** 40, 'zeros')).toThrow(/^zeros: cannot allocate 1099511627776 numbers \(8388608 MiB of float64\): out of memory \(/);
    expect(allocate(3, 'zeros')).toEqual(new Float64Array(3));
  });
});
