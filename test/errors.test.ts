/**
 * What happens when you get it wrong: one `it` per mistake, with the exact
 * message the library answers. Read top to bottom, this is the catalogue of
 * errors a learner can meet in the core (matrices, the article's steps,
 * activations, randomness, the Network); serialization has its own catalogue
 * in serialize.test.ts, files in node.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  Matrix,
  Network,
  ShapeError,
  activation,
  ValueError,
  add,
  applyWeights,
  createRandom,
  hadamard,
  hstack,
  leakyReluWithSlope,
  map,
  matrix,
  multiply,
  ones,
  randomMatrix,
  relu,
  scale,
  sigmoid,
  softmax,
  subtract,
  sumRows,
  transpose,
  twoNode,
  vstack,
  zeros,
} from '../src/index.js';
import { elementwiseActivation } from '../src/core/activations.js';
import { expectError } from './helpers/errors.js';

describe('matrices: the shapes and numbers every helper checks', () => {
  it('a ragged array (rows of different lengths) names the row that differs', () => {
    expectError(() => matrix([[1, 2], [3]]), ShapeError, 'matrix: the input row 2 has 1 entry but row 1 has 2 (every row needs the same length)');
  });
  it('an empty array is not a matrix', () => {
    expectError(() => matrix([]), ShapeError, 'matrix: the input is empty but a matrix needs at least one row');
  });
  it('an empty first row is not a matrix either', () => {
    expectError(() => matrix([[]]), ShapeError, 'matrix: the input has an empty row 1 but a matrix needs at least one column');
  });
  it('a row that is not an array is named', () => {
    expectError(() => matrix([[1], 2 as never]), ShapeError, 'matrix: the input row 2 is 2 but every row must be an array');
  });
  it('a string entry is named with its row and column (counting from 1)', () => {
    expectError(() => matrix([[1, '2' as never]]), ValueError, 'matrix: the input has "2" at row 1, column 2 but entries must be finite numbers');
  });
  it('NaN in an input is refused, not carried along', () => {
    expectError(() => multiply([[NaN]], [[1]]), ValueError, 'multiply: A has NaN at row 1, column 1 but entries must be finite numbers');
  });
  it('Infinity in an input is refused', () => {
    expectError(() => add([[1]], [[-Infinity]]), ValueError, 'add: B has -Infinity at row 1, column 1 but entries must be finite numbers');
  });
  it('a hole in a sparse array reads as undefined', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point of this test
    expectError(() => matrix([[1, , 3]] as never), ValueError, 'matrix: the input has undefined at row 1, column 2 but entries must be finite numbers');
  });
  it('NaN written into a Matrix after it was made is caught at the next use', () => {
    const m = Matrix.from([[1, 2]]);
    m.data[1] = NaN;
    expectError(() => transpose(m), ValueError, 'transpose: A has NaN at row 1, column 2 but entries must be finite numbers');
  });
  it('something that is not a matrix at all says what a matrix may be', () => {
    expectError(() => transpose('[[1]]' as never), ShapeError, 'transpose: A is "[[1]]" but a matrix must be a Matrix, an array of rows, or a mathjs matrix');
  });
  it('new Matrix wants a Float64Array, not nested arrays', () => {
    expectError(() => new Matrix(1, 2, [1, 2] as never), ValueError, 'Matrix: data is an array of 2 entries but it must be a Float64Array (use Matrix.from for nested arrays)');
  });
  it('new Matrix wants exactly rows·cols numbers', () => {
    expectError(() => new Matrix(2, 2, new Float64Array(3)), ShapeError, 'Matrix: data has 3 numbers but the shape 2×2 needs 4 (rows·cols)');
  });
  it('get outside the matrix is a RangeError that counts from 0', () => {
    expectError(() => Matrix.from([[1, 2]]).get(1, 0), RangeError, 'Matrix.get: (1, 0) is outside the 1×2 matrix (indices count from 0)');
  });
  it('row outside the matrix is a RangeError too', () => {
    expectError(() => Matrix.from([[1, 2]]).row(1), RangeError, 'Matrix.row: row 1 is outside the 1×2 matrix (rows count from 0)');
  });
  it('a size of zero is refused', () => {
    expectError(() => zeros(0, 2), ValueError, 'zeros: rows is 0 but sizes must be whole numbers ≥ 1');
  });
  it('a fractional size is refused', () => {
    expectError(() => ones(2, 1.5), ValueError, 'ones: cols is 1.5 but sizes must be whole numbers ≥ 1');
  });
  it('a size given as a string is refused, quoted', () => {
    expectError(() => zeros('2' as never, 2), ValueError, 'zeros: rows is "2" but sizes must be whole numbers ≥ 1');
  });
  it('a size given as true is refused', () => {
    expectError(() => zeros(true as never, 2), ValueError, 'zeros: rows is true but sizes must be whole numbers ≥ 1');
  });
  it('a size given as a BigInt is refused, shown with its n', () => {
    expectError(() => ones(1, 2n as never), ValueError, 'ones: cols is 2n but sizes must be whole numbers ≥ 1');
  });
  it('an enormous matrix is refused before anything is allocated', () => {
    expectError(() => zeros(2 ** 20, 2 ** 20), ValueError, 'zeros: the matrix would be 1048576×1048576 = 1099511627776 numbers but one matrix holds at most 1073741824 (2³⁰, 8 GiB)');
  });
  it('one enormous size is refused on its own', () => {
    expectError(() => ones(1e12, 1), ValueError, 'ones: rows is 1000000000000 but sizes must be at most 1073741824 (2³⁰)');
  });
});

describe('every helper names itself and the argument that is wrong', () => {
  const bad = [[NaN]];
  const rule = 'at row 1, column 1 but entries must be finite numbers';
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
    ['relu', () => relu(bad), 'relu: Z has NaN'],
    ['softmax', () => softmax(bad), 'softmax: Z has NaN'],
  ])('%s', (_, call, start) => {
    expectError(call, ValueError, `${start} ${rule}`);
  });
  it.each([
    ['new Matrix (rows)', () => new Matrix(0, 1), 'Matrix: rows is 0'],
    ['new Matrix (cols)', () => new Matrix(1, 0), 'Matrix: cols is 0'],
    ['zeros (cols)', () => zeros(1, 0), 'zeros: cols is 0'],
    ['ones (rows)', () => ones(0, 1), 'ones: rows is 0'],
    ['randomMatrix (rows)', () => randomMatrix(0, 1), 'randomMatrix: rows is 0'],
    ['randomMatrix (cols)', () => randomMatrix(1, 0), 'randomMatrix: cols is 0'],
  ])('%s', (_, call, start) => {
    expectError(call, ValueError, `${start} but sizes must be whole numbers ≥ 1`);
  });
  it.each([
    ['new Matrix', () => new Matrix(2 ** 20, 2 ** 20), 'Matrix'],
    ['ones', () => ones(2 ** 20, 2 ** 20), 'ones'],
    ['randomMatrix', () => randomMatrix(2 ** 20, 2 ** 20), 'randomMatrix'],
  ])('%s refuses more than 2³⁰ numbers', (_, call, where) => {
    expectError(call, ValueError, `${where}: the matrix would be 1048576×1048576 = 1099511627776 numbers but one matrix holds at most 1073741824 (2³⁰, 8 GiB)`);
  });
});

describe('indices outside a matrix (RangeError, counting from 0)', () => {
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

describe('what counts as a matrix', () => {
  it('an object with toArray but no size is not taken for a mathjs matrix', () => {
    expectError(() => matrix({ toArray: () => [[1]] } as never), ShapeError, 'matrix: the input is an object (Object) but a matrix must be a Matrix, an array of rows, or a mathjs matrix');
  });
  it('an object with size but no toArray is not taken for a mathjs matrix either', () => {
    expectError(() => matrix({ size: () => [1, 1] } as never), ShapeError, 'matrix: the input is an object (Object) but a matrix must be a Matrix, an array of rows, or a mathjs matrix');
  });
  it('an object with toArray and size is read through toArray', () => {
    expect(matrix({ toArray: () => [[1, 2]], size: () => [1, 2] }).toArray()).toEqual([[1, 2]]);
  });
  it('a bias may be a column [[b1], [b2]] as well as a list [b1, b2]', () => {
    // W·A + b with W = [[1], [1]], A = [[1]]: 1 + 10 = 11 and 1 + 20 = 21.
    expect(applyWeights([[1]], [[1], [1]], [[10], [20]]).toArray()).toEqual([[11], [21]]);
  });
});

describe('matrix arithmetic: shapes that do not fit', () => {
  it('multiply names both shapes and the rule', () => {
    expectError(() => multiply([[1, 2]], [[1, 2]]), ShapeError, "multiply: A is 1×2 but B is 1×2 (A's columns must equal B's rows)");
  });
  it('add names both shapes and the broadcasting rule', () => {
    expectError(() => add([[1, 2]], [[1, 2, 3]]), ShapeError, 'add: A is 1×2 but B is 1×3 (shapes must match, or one must be a column with as many rows)');
  });
  it('subtract refuses a column with the wrong number of rows', () => {
    expectError(() => subtract([[1, 2]], [[1], [2]]), ShapeError, 'subtract: A is 1×2 but B is 2×1 (shapes must match, or one must be a column with as many rows)');
  });
  it('hadamard wants equal shapes', () => {
    expectError(() => hadamard([[1, 2], [3, 4]], [[1, 2]]), ShapeError, 'hadamard: A is 2×2 but B is 1×2 (shapes must match, or one must be a column with as many rows)');
  });
  it('vstack wants the same number of columns', () => {
    expectError(() => vstack([[1, 2]], [[3]]), ShapeError, 'vstack: matrix 1 has 2 columns but matrix 2 has 1 (stacked rows need the same number of columns)');
  });
  it('hstack wants the same number of rows', () => {
    expectError(() => hstack([[1], [2]], [[3]]), ShapeError, 'hstack: matrix 1 has 2 rows but matrix 2 has 1 (side-by-side columns need the same number of rows)');
  });
  it('vstack of nothing is an error', () => {
    expectError(() => vstack(), ShapeError, 'vstack: no matrices were given but it needs at least one');
  });
  it('hstack of nothing is an error', () => {
    expectError(() => hstack(), ShapeError, 'hstack: no matrices were given but it needs at least one');
  });
});

describe('matrix arithmetic: numbers that are wrong', () => {
  it('scale wants a finite k', () => {
    expectError(() => scale([[1]], NaN), ValueError, 'scale: k is NaN but it must be a finite number');
  });
  it('scale refuses a k given as a string', () => {
    expectError(() => scale([[1]], '2' as never), ValueError, 'scale: k is "2" but it must be a finite number');
  });
  it('map wants a function', () => {
    expectError(() => map([[1]], 'x*x' as never), ValueError, 'map: f is "x*x" but it must be a function');
  });
  it('map refuses an f that returns NaN, naming the entry', () => {
    // √(−1) is NaN: a silent NaN would spread through everything after it.
    expectError(() => map([[4, -1]], Math.sqrt), ValueError, 'map: f returned NaN for the entry -1 at row 1, column 2 but it must return finite numbers');
  });
  it('map refuses an f that returns a string', () => {
    expectError(() => map([[1]], (x) => String(x) as never), ValueError, 'map: f returned "1" for the entry 1 at row 1, column 1 but it must return finite numbers');
  });
  it('multiply says so when finite numbers overflow float64', () => {
    // 1e200 · 1e200 = 1e400, past the largest double (1.8e308): Infinity.
    expectError(() => multiply([[1e200]], [[1e200]]), ValueError, "multiply: A·B has Infinity at row 1, column 1 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
  });
  it('an overflow that would be NaN (∞ − ∞) is named too', () => {
    // 1e200·1e200 + 1e200·(−1e200) = ∞ − ∞ = NaN.
    expectError(() => multiply([[1e200, 1e200]], [[1e200], [-1e200]]), ValueError, "multiply: A·B has NaN at row 1, column 1 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
  });
  it('add says so when a sum overflows, naming the entry', () => {
    expectError(() => add([[1, Number.MAX_VALUE]], [[1, Number.MAX_VALUE]]), ValueError, "add: the result has Infinity at row 1, column 2 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
  });
  it('scale says so when k·A overflows', () => {
    expectError(() => scale([[-1e300]], 1e10), ValueError, "scale: k·A has -Infinity at row 1, column 1 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
  });
  it('sumRows says so when a row sum overflows', () => {
    expectError(() => sumRows([[1], [Number.MAX_VALUE, Number.MAX_VALUE]].slice(1)), ValueError, "sumRows: the sum has Infinity at row 1, column 1 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
  });
});

describe('randomMatrix and createRandom: options and seeds', () => {
  it('a typo in an option is an error with a suggestion, not silently ignored', () => {
    expectError(() => randomMatrix(2, 2, { sed: 1 } as never), ValueError, 'randomMatrix: unknown option "sed" (did you mean "seed"?) (known: seed, scale)');
  });
  it('an option far from any known one gets no suggestion', () => {
    expectError(() => randomMatrix(2, 2, { colour: 'red' } as never), ValueError, 'randomMatrix: unknown option "colour" (known: seed, scale)');
  });
  it('options must be an object', () => {
    expectError(() => randomMatrix(2, 2, null as never), ValueError, 'randomMatrix: options are null but must be an object (known options: seed, scale)');
  });
  it('a negative scale is refused', () => {
    expectError(() => randomMatrix(2, 2, { scale: -1 }), ValueError, 'randomMatrix: scale is -1 but it must be a finite number ≥ 0');
  });
  it('a fractional seed is refused', () => {
    expectError(() => randomMatrix(2, 2, { seed: 1.5 }), ValueError, 'randomMatrix: seed is 1.5 but a seed must be an integer from 0 to 4294967295');
  });
  it('a seed given as a string is refused, quoted', () => {
    expectError(() => createRandom('42' as never), ValueError, 'createRandom: seed is "42" but a seed must be an integer from 0 to 4294967295');
  });
  it('a seed past 2³²−1 is refused', () => {
    expectError(() => createRandom(2 ** 32), ValueError, 'createRandom: seed is 4294967296 but a seed must be an integer from 0 to 4294967295');
  });
  it('a negative seed is refused', () => {
    expectError(() => createRandom(-1), ValueError, 'createRandom: seed is -1 but a seed must be an integer from 0 to 4294967295');
  });
  it('Random.int wants a whole number n ≥ 1', () => {
    expectError(() => createRandom(1).int(0), ValueError, 'Random.int: n is 0 but it must be a whole number from 1 to 2⁵³ (the draw is in [0, n))');
  });
  it('Random.between wants finite bounds', () => {
    expectError(() => createRandom(1).between(0, NaN), ValueError, 'Random.between: lo is 0 and hi is NaN but both must be finite numbers less than 1.8e308 apart');
  });
  it('Random.between refuses a range wider than float64 can hold', () => {
    expectError(() => createRandom(1).between(-Number.MAX_VALUE, Number.MAX_VALUE), ValueError, 'Random.between: lo is -1.7976931348623157e+308 and hi is 1.7976931348623157e+308 but both must be finite numbers less than 1.8e308 apart');
  });
  it('Random.shuffle wants an array', () => {
    expectError(() => createRandom(1).shuffle('abc' as never), ValueError, 'Random.shuffle: items is "abc" but it must be an array');
  });
});

describe("the article's steps: applyWeights and twoNode", () => {
  it("applyWeights: W's columns must equal A's rows", () => {
    expectError(() => applyWeights([[1], [2], [3]], [[3, -1]], [0.5]), ShapeError, "applyWeights: W is 1×2 but A has 3 rows (W's columns must equal A's rows)");
  });
  it('applyWeights: one bias per neuron', () => {
    expectError(() => applyWeights([[1]], [[1], [2]], [0]), ShapeError, 'applyWeights: W has 2 rows but b has 1 entry (one bias per neuron)');
  });
  it('applyWeights: too many biases', () => {
    expectError(() => applyWeights([[1]], [[1], [2]], [0, 0, 0]), ShapeError, 'applyWeights: W has 2 rows but b has 3 entries (one bias per neuron)');
  });
  it('applyWeights: b must be a column or a list, not a matrix', () => {
    expectError(() => applyWeights([[1]], [[1], [2]], [[1, 2], [3, 4]]), ShapeError, 'applyWeights: b is 2×2 but it must be a column (n×1) or a list of numbers');
  });
  it('applyWeights: NaN in A is named', () => {
    expectError(() => applyWeights([[1, NaN]], [[1]], [0]), ValueError, 'applyWeights: A has NaN at row 1, column 2 but entries must be finite numbers');
  });
  it('applyWeights: a NaN weight is named', () => {
    expectError(() => applyWeights([[1]], [[NaN]], [0]), ValueError, 'applyWeights: W has NaN at row 1, column 1 but entries must be finite numbers');
  });
  it('applyWeights: an Infinity bias is named', () => {
    expectError(() => applyWeights([[1]], [[1]], Infinity), ValueError, 'applyWeights: b has Infinity at row 1, column 1 but entries must be finite numbers');
  });
  it('applyWeights: weighted sums that overflow are an error, not Infinity', () => {
    expectError(() => applyWeights([[1e308]], [[10]], [0]), ValueError, "applyWeights: Z = W·A + b has Infinity at row 1, column 1 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
  });
  it('twoNode: W needs exactly two rows', () => {
    expectError(() => twoNode([[1]], [[1], [2], [3]], [0, 0, 0]), ShapeError, 'twoNode: W has 3 rows but a two-node layer needs 2 (one row per neuron)');
  });
  it('twoNode: a ragged W is named as twoNode\'s W', () => {
    expectError(() => twoNode([[1]], [[1], []], [0, 0]), ShapeError, 'twoNode: W row 2 has 0 entries but row 1 has 1 (every row needs the same length)');
  });
  it('twoNode: a NaN bias is named as twoNode\'s b', () => {
    expectError(() => twoNode([[1]], [[1], [2]], [0, NaN]), ValueError, 'twoNode: b has NaN at row 1, column 2 but entries must be finite numbers');
  });
  it('twoNode: A that does not fit W is reported by twoNode, with the whole of W', () => {
    expectError(() => twoNode([[1], [2]], [[1], [2]], [0, 0]), ShapeError, "twoNode: W is 2×1 but A has 2 rows (W's columns must equal A's rows)");
  });
  it('twoNode: three biases are one too many', () => {
    expectError(() => twoNode([[1]], [[1], [2]], [0, 0, 0]), ShapeError, 'twoNode: b has 3 entries but a two-node layer needs 2 (one bias per neuron)');
  });
  it('twoNode: b needs exactly two entries', () => {
    expectError(() => twoNode([[1]], [[1], [2]], [0]), ShapeError, 'twoNode: b has 1 entry but a two-node layer needs 2 (one bias per neuron)');
  });
});

describe('activations', () => {
  it('relu of a ragged array names relu', () => {
    expectError(() => relu([[1, 2], [3]]), ShapeError, 'relu: Z row 2 has 1 entry but row 1 has 2 (every row needs the same length)');
  });
  it('sigmoid.derivative of NaN names the derivative', () => {
    expectError(() => sigmoid.derivative([[NaN]]), ValueError, 'sigmoid.derivative: Z has NaN at row 1, column 1 but entries must be finite numbers');
  });
  it('a leaky ReLU slope must be a finite number', () => {
    expectError(() => leakyReluWithSlope(Infinity), ValueError, 'leakyRelu: slope is Infinity but it must be a finite number');
  });
  it('a leaky ReLU whose slope makes g(z) overflow says so', () => {
    // slope·z = 1e300 · (−1e300) = −1e600: −Infinity.
    expectError(() => leakyReluWithSlope(1e300)([[-1e300]]), ValueError, "leakyRelu: leakyRelu(Z) has -Infinity at row 1, column 1 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
  });
  it('a formula activation with options that are null', () => {
    expectError(() => activation('x^2', null as never), ValueError, 'activation: options are null but must be an object (known options: name)');
  });
  it('a formula activation with a typo in its options', () => {
    expectError(() => activation('x^2', { nmae: 'square' } as never), ValueError, 'activation: unknown option "nmae" (did you mean "name"?) (known: name)');
  });
  it('softmax has no entrywise f or df either', () => {
    expectError(() => softmax.f(0), ValueError, 'softmax.f: softmax is not applied entry by entry (each output depends on its whole column), so it has no entrywise derivative; networks use softmax.backward');
    expectError(() => softmax.df(0), ValueError, 'softmax.df: softmax is not applied entry by entry (each output depends on its whole column), so it has no entrywise derivative; networks use softmax.backward');
  });
  it('softmax has no entrywise derivative, and says what to use instead', () => {
    expectError(() => softmax.derivative([[0]]), ValueError, 'softmax.derivative: softmax is not applied entry by entry (each output depends on its whole column), so it has no entrywise derivative; networks use softmax.backward');
  });
});

describe('new Network: the architecture and its options', () => {
  it('no options at all', () => {
    expectError(() => new Network(undefined as never), ValueError, 'Network: options are undefined but must be an object like { layers: [1, 2, 2, 1] }');
  });
  it('layers given as a bare array instead of { layers }', () => {
    expectError(() => new Network([1, 2, 1] as never), ValueError, 'Network: options are an array of 3 entries but must be an object like { layers: [1, 2, 2, 1] }');
  });
  it('a typo in "layers" is caught with a suggestion', () => {
    expectError(() => new Network({ layer: [1, 2, 1] } as never), ValueError, 'Network: unknown option "layer" (did you mean "layers"?) (known: layers, hidden, output, init, seed)');
  });
  it('a typo in "hidden" is caught, instead of silently training a ReLU network', () => {
    expectError(() => new Network({ layers: [1, 2, 1], hiden: 'tanh' } as never), ValueError, 'Network: unknown option "hiden" (did you mean "hidden"?) (known: layers, hidden, output, init, seed)');
  });
  it('a training knob in the constructor is refused (it goes on fit)', () => {
    expectError(() => new Network({ layers: [1, 2, 1], learningRate: 0.1 } as never), ValueError, 'Network: unknown option "learningRate" (known: layers, hidden, output, init, seed)');
  });
  it('options that are null', () => {
    expectError(() => new Network(null as never), ValueError, 'Network: options are null but must be an object like { layers: [1, 2, 2, 1] }');
  });
  it('options given as a string', () => {
    expectError(() => new Network('[1, 2, 1]' as never), ValueError, 'Network: options are "[1, 2, 1]" but must be an object like { layers: [1, 2, 2, 1] }');
  });
  it('layers missing', () => {
    expectError(() => new Network({} as never), ValueError, 'Network: layers is undefined but it must list at least 2 sizes, inputs first and outputs last (e.g. [1, 2, 2, 1])');
  });
  it('a single size is not a network', () => {
    expectError(() => new Network({ layers: [3] }), ValueError, 'Network: layers is [3] but it must list at least 2 sizes, inputs first and outputs last (e.g. [1, 2, 2, 1])');
  });
  it('a layer of zero neurons', () => {
    expectError(() => new Network({ layers: [1, 0, 1] }), ValueError, "Network: layer 1's size (layers[1]) is 0 but sizes must be whole numbers ≥ 1");
  });
  it('a negative number of inputs', () => {
    expectError(() => new Network({ layers: [-1, 2, 1] }), ValueError, 'Network: the input size (layers[0]) is -1 but sizes must be whole numbers ≥ 1');
  });
  it('half a neuron', () => {
    expectError(() => new Network({ layers: [1, 2.5, 1] }), ValueError, "Network: layer 1's size (layers[1]) is 2.5 but sizes must be whole numbers ≥ 1");
  });
  it('sizes given as strings', () => {
    expectError(() => new Network({ layers: [1, '2', 1] as never }), ValueError, `Network: layer 1's size (layers[1]) is "2" but sizes must be whole numbers ≥ 1`);
  });
  it('a layer too big to allocate is refused before allocating', () => {
    expectError(() => new Network({ layers: [1e5, 1e5] }), ValueError, "Network: layer 1's weights would be 100000×100000 = 10000000000 numbers but one matrix holds at most 1073741824 (2³⁰, 8 GiB)");
  });
  it('an unknown activation name suggests the nearest one', () => {
    expectError(() => new Network({ layers: [1, 2, 1], hidden: 'Relu' as never }), ValueError, 'Network: activation "Relu" is unknown (did you mean "relu"?) (known: relu, leakyRelu, sigmoid, tanh, linear, softmax; your own: activation(formula, { name }))');
  });
  it('an activation that is not a name or an activation', () => {
    expectError(() => new Network({ layers: [1, 2, 1], output: 42 as never }), ValueError, "Network: activation is 42 but it must be a name (relu, leakyRelu, sigmoid, tanh, linear, softmax), { name: 'leakyRelu', slope }, { name, expression }, or an activation such as relu");
  });
  it('a plain function is not an activation (it has no derivative)', () => {
    expectError(() => new Network({ layers: [1, 2, 1], hidden: Math.abs as never }), ValueError, "Network: activation is a function but it must be a name (relu, leakyRelu, sigmoid, tanh, linear, softmax), { name: 'leakyRelu', slope }, { name, expression }, or an activation such as relu");
  });
  it('an activation that is null (a layer given by hand)', () => {
    expectError(() => Network.fromWeights([{ weights: [[1]], biases: [0], activation: null as never }]), ValueError, "Network.fromWeights: layer 1: activation is null but it must be a name (relu, leakyRelu, sigmoid, tanh, linear, softmax), { name: 'leakyRelu', slope }, { name, expression }, or an activation such as relu");
  });
  it('an activation object whose name is not a string', () => {
    expectError(() => new Network({ layers: [1, 2, 1], hidden: { name: 5 } as never }), ValueError, "Network: activation is an object (Object) but it must be a name (relu, leakyRelu, sigmoid, tanh, linear, softmax), { name: 'leakyRelu', slope }, { name, expression }, or an activation such as relu");
  });
  it('an unknown activation in the object form', () => {
    expectError(() => new Network({ layers: [1, 2, 1], hidden: { name: 'swish' } }), ValueError, 'Network: activation "swish" is unknown (known: relu, leakyRelu, sigmoid, tanh, linear, softmax; your own: activation(formula, { name }))');
  });
  it('a typo inside { name: "leakyRelu", slope } is caught (it would silently use slope 0.01)', () => {
    expectError(() => new Network({ layers: [1, 2, 1], hidden: { name: 'leakyRelu', slop: 0.2 } }), ValueError, 'Network: activation leakyRelu: unknown key "slop" (did you mean "slope"?) (known: name, slope)');
  });
  it('a key that a name-only activation does not take', () => {
    expectError(() => new Network({ layers: [1, 2, 1], hidden: { name: 'tanh', slope: 0.2 } }), ValueError, 'Network: activation tanh: unknown key "slope" (known: name)');
  });
  it('softmax as a hidden activation', () => {
    expectError(() => new Network({ layers: [1, 2, 1], hidden: 'softmax' }), ValueError, 'Network: hidden activation is softmax but softmax is for the output layer only');
  });
  it('an unknown init scheme', () => {
    expectError(() => new Network({ layers: [1, 2, 1], init: 'glorot' as never }), ValueError, 'Network: init "glorot" is unknown (expected one of he, xavier, uniform)');
  });
  it('a bad seed', () => {
    expectError(() => new Network({ layers: [1, 2, 1], seed: -5 }), ValueError, 'Network: seed is -5 but a seed must be an integer from 0 to 4294967295');
  });
});

describe('Network.fromWeights: weights given by hand', () => {
  it('no layers', () => {
    expectError(() => Network.fromWeights([]), ValueError, 'Network.fromWeights: layers is an array of 0 entries but it must be a non-empty array of { weights, biases }');
  });
  it('a layer that is not an object', () => {
    expectError(() => Network.fromWeights([[[1]]] as never), ValueError, 'Network.fromWeights: layer 1 is an array of 1 entry but it must be { weights, biases }');
  });
  it('"weight" instead of "weights"', () => {
    expectError(() => Network.fromWeights([{ weight: [[1]], biases: [0] }] as never), ValueError, 'Network.fromWeights: layer 1: unknown key "weight" (did you mean "weights"?) (known: weights, biases, activation)');
  });
  it('a typo in the options', () => {
    expectError(() => Network.fromWeights([{ weights: [[1]], biases: [0] }], { ouput: 'relu' } as never), ValueError, 'Network.fromWeights: unknown option "ouput" (did you mean "output"?) (known: hidden, output)');
  });
  it('weights missing', () => {
    expectError(() => Network.fromWeights([{ biases: [0] }] as never), ShapeError, 'Network.fromWeights: layer 1 weights is undefined but a matrix must be a Matrix, an array of rows, or a mathjs matrix');
  });
  it('a layer that is a number', () => {
    expectError(() => Network.fromWeights([5] as never), ValueError, 'Network.fromWeights: layer 1 is 5 but it must be { weights, biases }');
  });
  it('more biases than neurons', () => {
    expectError(() => Network.fromWeights([{ weights: [[1]], biases: [0, 0] }]), ShapeError, 'Network.fromWeights: layer 1 has weights 1×1 but 2 biases (one bias per neuron)');
  });
  it('a layer that is null', () => {
    expectError(() => Network.fromWeights([null] as never), ValueError, 'Network.fromWeights: layer 1 is null but it must be { weights, biases }');
  });
  it('biases missing', () => {
    expectError(() => Network.fromWeights([{ weights: [[1]] }] as never), ShapeError, 'Network.fromWeights: layer 1 biases is undefined but a matrix must be a Matrix, an array of rows, or a mathjs matrix');
  });
  it('an unknown activation on the last layer names the layer', () => {
    expectError(() => Network.fromWeights([{ weights: [[1]], biases: [0], activation: 'softmx' as never }]), ValueError, 'Network.fromWeights: layer 1: activation "softmx" is unknown (did you mean "softmax"?) (known: relu, leakyRelu, sigmoid, tanh, linear, softmax; your own: activation(formula, { name }))');
  });
  it('a NaN weight', () => {
    expectError(() => Network.fromWeights([{ weights: [[1, NaN]], biases: [0] }]), ValueError, 'Network.fromWeights: layer 1 weights has NaN at row 1, column 2 but entries must be finite numbers');
  });
  it('one bias per neuron', () => {
    expectError(() => Network.fromWeights([{ weights: [[1], [2]], biases: [0] }]), ShapeError, 'Network.fromWeights: layer 1 has weights 2×1 but 1 bias (one bias per neuron)');
  });
  it("consecutive layers must fit: layer 2's weights need one column per neuron of layer 1", () => {
    expectError(
      () => Network.fromWeights([{ weights: [[1], [2]], biases: [0, 0] }, { weights: [[1, 2, 3]], biases: [0] }]),
      ShapeError,
      "Network.fromWeights: layer 2 has weights 1×3 but layer 1 has 2 neurons (layer 2's weights need one column per neuron of layer 1)",
    );
  });
  it('softmax on a hidden layer given by hand', () => {
    expectError(
      () => Network.fromWeights([{ weights: [[1]], biases: [0], activation: 'softmax' }, { weights: [[1]], biases: [0] }]),
      ValueError,
      'Network.fromWeights: layer 1: hidden activation is softmax but softmax is for the output layer only',
    );
  });
});

describe('Network.forward, trace and predict: inputs that do not fit the network', () => {
  const net = Network.fromWeights([{ weights: [[1, 1]], biases: [0] }]); // 2 inputs, 1 output: z = x₁ + x₂

  it('forward: X needs one row per input feature', () => {
    expectError(() => net.forward([[1, 2, 3]]), ShapeError, 'Network.forward: X has 1 row but the network has 2 inputs (one row per input feature, one column per sample)');
  });
  it('trace: the same rule, named trace', () => {
    expectError(() => net.trace([[1], [2], [3]]), ShapeError, 'Network.trace: X has 3 rows but the network has 2 inputs (one row per input feature, one column per sample)');
  });
  it('forward: NaN in X', () => {
    expectError(() => net.forward([[1], [NaN]]), ValueError, 'Network.forward: X has NaN at row 2, column 1 but entries must be finite numbers');
  });
  it('forward: weighted sums that overflow name the layer and the sample (column)', () => {
    // Column 2: 1e308 + 1e308 = 2e308 > 1.8e308.
    expectError(() => net.forward([[0, 1e308], [0, 1e308]]), ValueError, "Network.forward: layer 1's Z = W·A + b has Infinity at row 1, column 2 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
  });
  it('trace: weighted sums that overflow name the layer and the sample, named trace', () => {
    // Column 2: 1e308 + 1e308 = 2e308 > 1.8e308.
    expectError(() => net.trace([[0, 1e308], [0, 1e308]]), ValueError, "Network.trace: layer 1's Z = W·A + b has Infinity at row 1, column 2 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
  });
  it('forward: an overflow in a later block of columns is named by its column in X', () => {
    // 20,000 columns of a 1-neuron layer span two blocks of 16,384; the last column overflows.
    const X = [new Array(20_000).fill(0), new Array(20_000).fill(0)];
    X[0][19_999] = 1e308;
    X[1][19_999] = 1e308;
    expectError(() => net.forward(X), ValueError, "Network.forward: layer 1's Z = W·A + b has Infinity at row 1, column 20000 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
  });
  it('forward: a weight made NaN after construction is caught, not returned', () => {
    const broken = Network.fromWeights([{ weights: [[1]], biases: [0] }]);
    broken.layers[0].weights.data[0] = NaN;
    expectError(() => broken.forward([[1]]), ValueError, "Network.forward: layer 1's Z = W·A + b has NaN at row 1, column 1 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
  });
  it('forward: an output activation that returns NaN from finite z is caught, naming the sample', () => {
    // A hand-made activation g(z) = log z: log(−1) is NaN, for the second sample (z = 2·(−0.5) = −1).
    const log = elementwiseActivation({ name: 'log', f: Math.log, df: (z) => 1 / z });
    const logNet = Network.fromWeights([{ weights: [[2]], biases: [0], activation: log }]);
    expectError(() => logNet.forward([[1, -0.5]]), ValueError, "Network.forward: layer 1's A = log(Z) has NaN at row 1, column 2 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
  });
  it('predict: a flat list means one input per sample, which this network does not have', () => {
    expectError(() => net.predict([1, 2]), ShapeError, 'Network.predict: samples is a flat list of 2 numbers but the network has 2 inputs (a flat list is one input feature per sample; give one row per sample: [[x1, …, x2], …])');
  });
  it('predict: one row per sample with one number per input', () => {
    expectError(() => net.predict([[1, 2, 3]]), ShapeError, 'Network.predict: each sample has 3 features but the network has 2 inputs (one row per sample, one number per input)');
  });
  it('predict: a ragged list of samples', () => {
    expectError(() => net.predict([[1, 2], [3]]), ShapeError, 'Network.predict: samples row 2 has 1 entry but row 1 has 2 (every row needs the same length)');
  });
  it('predict: no samples', () => {
    expectError(() => net.predict([]), ShapeError, 'Network.predict: samples is empty but a matrix needs at least one row');
  });
  it('predict: a string among the samples', () => {
    const one = Network.fromWeights([{ weights: [[1]], biases: [0] }]);
    expectError(() => one.predict([1, 'two' as never]), ValueError, 'Network.predict: samples has "two" at row 1, column 2 but entries must be finite numbers');
  });
});

describe('every error is one of the library classes, exported and named', () => {
  it('ShapeError and ValueError are Errors with their own names', () => {
    expect(new ShapeError('x')).toBeInstanceOf(Error);
    expect(new ShapeError('x').name).toBe('ShapeError');
    expect(new ValueError('x').name).toBe('ValueError');
  });
});
