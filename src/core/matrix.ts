/**
 * Matrices of float64 numbers, row-major over a Float64Array, and the helpers
 * a forward pass needs. The layout is the article's: one row per neuron
 * (feature), one column per sample.
 *
 * Every helper accepts a `MatrixInput` (a Matrix, nested arrays, or a mathjs
 * matrix), checks it once, returns a new Matrix, and never changes its inputs.
 */
import { affineInto } from './affine.js';
import { ShapeError, ValueError, describeValue as describe, formatShape, plural } from './errors.js';
import { formatMatrix } from './format.js';
import { mathjs } from './mathjs-loader.js';
import { DEFAULT_SEED, createRandom, type Seed } from './random.js';
import {
  allFinite,
  checkEntries,
  checkFunction,
  checkNumber,
  checkOptions,
  checkResult,
  checkSize,
  isFiniteNumber,
} from './validate.js';

/** Anything with mathjs's Matrix interface: `toArray()` and `size()`. */
export interface MathjsMatrixLike {
  /** The entries as nested arrays, one array per row. */
  toArray(): unknown;
  /** The dimensions: [rows, cols] for a matrix, [n] for a vector. */
  size(): number[];
}

/** What every public function accepts where it wants a matrix. */
export type MatrixInput = Matrix | readonly (readonly number[])[] | readonly number[] | MathjsMatrixLike;

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * n zeros as a Float64Array, or a ValueError naming the size when memory cannot hold them
 * (instead of the engine's bare "RangeError: Array buffer allocation failed").
 * @example allocate(3, 'zeros').length //=> 3
 */
export function allocate(n: number, where: string): Float64Array {
  try {
    return new Float64Array(n);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new ValueError(
      `${where}: cannot allocate ${n} numbers (${Math.round((n * 8) / 2 ** 20)} MiB of float64): out of memory (${error.message})`,
    );
  }
}

/**
 * A rows × cols matrix of float64 numbers, stored row-major: entry (i, j) is data[i·cols + j].
 * @example new Matrix(2, 3, new Float64Array([1, 2, 3, 4, 5, 6])).get(1, 0) //=> 4
 */
export class Matrix {
  // The shape is private, read through `rows` and `cols`: assigning to either at run time
  // (`W.cols = '1) { … }'`) is a TypeError, so no code can change a matrix's shape under its data.
  readonly #rows: number;
  readonly #cols: number;
  readonly data: Float64Array;

  /** A rows × cols matrix over `data` (taken as is, not copied), or of zeros. */
  constructor(rows: number, cols: number, data?: Float64Array) {
    checkSize(rows, 'Matrix', 'rows');
    checkSize(cols, 'Matrix', 'cols');
    checkEntries(rows, cols, 'Matrix');
    if (data !== undefined && !(data instanceof Float64Array)) {
      throw new ValueError(
        `Matrix: data is ${describe(data)} but it must be a Float64Array (use Matrix.from for nested arrays)`,
      );
    }
    if (data !== undefined && data.length !== rows * cols) {
      throw new ShapeError(
        `Matrix: data has ${data.length} numbers but the shape ${formatShape(rows, cols)} needs ${rows * cols} (rows·cols)`,
      );
    }
    this.#rows = rows;
    this.#cols = cols;
    this.data = data ?? allocate(rows * cols, 'Matrix');
  }

  /**
   * A matrix from nested arrays, one inner array per row (a flat array is one row).
   * @example Matrix.from([[1, 2], [3, 4]]).get(1, 0) //=> 3
   */
  static from(rows: readonly (readonly number[])[] | readonly number[]): Matrix {
    return toMatrix(rows, 'Matrix.from', 'rows');
  }

  /** A copy of a mathjs matrix (or anything with `toArray()` and `size()`). */
  static fromMathjs(m: MathjsMatrixLike): Matrix {
    return toMatrix(m, 'Matrix.fromMathjs', 'the matrix');
  }

  /** The number of rows (read-only). */
  get rows(): number {
    return this.#rows;
  }

  /** The number of columns (read-only). */
  get cols(): number {
    return this.#cols;
  }

  /** [rows, cols], as numpy's `.shape`. */
  get shape(): [number, number] {
    return [this.rows, this.cols];
  }

  /** Entry (i, j), counting from 0. */
  get(i: number, j: number): number {
    if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j < 0 || i >= this.rows || j >= this.cols) {
      throw new RangeError(
        `Matrix.get: (${i}, ${j}) is outside the ${formatShape(this.rows, this.cols)} matrix (indices count from 0)`,
      );
    }
    return this.data[i * this.cols + j];
  }

  /** Row i as a plain array, counting from 0. */
  row(i: number): number[] {
    if (!Number.isInteger(i) || i < 0 || i >= this.rows) {
      throw new RangeError(
        `Matrix.row: row ${i} is outside the ${formatShape(this.rows, this.cols)} matrix (rows count from 0)`,
      );
    }
    return Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols));
  }

  /** Nested plain arrays, one per row. */
  toArray(): number[][] {
    return Array.from({ length: this.rows }, (_, i) => this.row(i));
  }

  /** A mathjs DenseMatrix with the same entries (loads mathjs on first use). */
  toMathjs(): import('mathjs').Matrix {
    return mathjs('Matrix.toMathjs').matrix(this.toArray());
  }

  /** Printed as numpy prints an array. */
  toString(): string {
    return formatMatrix(this.rows, this.cols, this.data);
  }

  /** console.log in Node prints the same as toString(). */
  [inspectSymbol](): string {
    return this.toString();
  }
}

/** Throws unless every entry of `data` is finite; names the first bad one (counting from 1). */
function checkFinite(data: Float64Array, cols: number, where: string, name: string): void {
  if (allFinite(data)) return; // one branch-free pass; only then look for the entry to name
  for (let n = 0; n < data.length; n++) {
    if (!Number.isFinite(data[n])) {
      const i = Math.floor(n / cols);
      throw new ValueError(
        `${where}: ${name} has ${data[n]} at row ${i + 1}, column ${(n % cols) + 1} but entries must be finite numbers`,
      );
    }
  }
}

/**
 * Turns any MatrixInput into a Matrix, checking it: rectangular, non-empty,
 * finite numbers. A Matrix comes back as it is (nothing here mutates it).
 * `where` and `name` go into the error messages: "applyWeights: W row 2 has…".
 */
export function toMatrix(input: unknown, where: string, name: string): Matrix {
  if (input instanceof Matrix) {
    checkFinite(input.data, input.cols, where, name);
    return input;
  }
  let rows: unknown = input;
  if (isMathjsLike(input)) rows = input.toArray();
  if (!Array.isArray(rows)) {
    throw new ShapeError(
      `${where}: ${name} is ${describe(input)} but a matrix must be a Matrix, an array of rows, or a mathjs matrix`,
    );
  }
  if (rows.length === 0) throw new ShapeError(`${where}: ${name} is empty but a matrix needs at least one row`);
  if (!Array.isArray(rows[0])) rows = [rows]; // a flat array is one row, as numpy broadcasts a 1-D array
  const list = rows as unknown[];
  const first = list[0] as unknown[];
  const cols = first.length;
  if (cols === 0) throw new ShapeError(`${where}: ${name} has an empty row 1 but a matrix needs at least one column`);
  const data = new Float64Array(list.length * cols);
  for (let i = 0; i < list.length; i++) {
    const row = list[i];
    if (!Array.isArray(row)) {
      throw new ShapeError(`${where}: ${name} row ${i + 1} is ${describe(row)} but every row must be an array`);
    }
    if (row.length !== cols) {
      throw new ShapeError(
        `${where}: ${name} row ${i + 1} has ${plural(row.length, 'entry', 'entries')} but row 1 has ${cols} (every row needs the same length)`,
      );
    }
    for (let j = 0; j < cols; j++) {
      const v = row[j];
      if (!isFiniteNumber(v)) {
        throw new ValueError(
          `${where}: ${name} has ${describe(v)} at row ${i + 1}, column ${j + 1} but entries must be finite numbers`,
        );
      }
      data[i * cols + j] = v;
    }
  }
  return new Matrix(list.length, cols, data);
}

/**
 * A column vector (n × 1) from a number, a number[] (its entries, top to
 * bottom), or a MatrixInput that is one column or one row.
 */
export function toColumn(input: unknown, where: string, name: string): Matrix {
  if (typeof input === 'number') return toMatrix([[input]], where, name);
  const m = toMatrix(input, where, name);
  if (m.cols === 1) return m;
  if (m.rows === 1) return new Matrix(m.cols, 1, m.data);
  throw new ShapeError(
    `${where}: ${name} is ${formatShape(m.rows, m.cols)} but it must be a column (n×1) or a list of numbers`,
  );
}

function isMathjsLike(x: unknown): x is MathjsMatrixLike {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as MathjsMatrixLike).toArray === 'function' &&
    typeof (x as MathjsMatrixLike).size === 'function'
  );
}

// ---------------------------------------------------------------------------
// Building matrices

/**
 * A new Matrix from any MatrixInput: a checked copy of nested arrays, a mathjs matrix or a Matrix.
 * @example matrix([[1, 2], [3, 4]]).shape //=> [2, 2]
 */
export function matrix(input: MatrixInput): Matrix {
  const m = toMatrix(input, 'matrix', 'the input');
  return m === input ? new Matrix(m.rows, m.cols, m.data.slice()) : m; // toMatrix hands a Matrix back as it is
}

/** A rows × cols matrix of zeros. @example zeros(2, 3).toArray() //=> [[0, 0, 0], [0, 0, 0]] */
export function zeros(rows: number, cols: number): Matrix {
  checkSize(rows, 'zeros', 'rows');
  checkSize(cols, 'zeros', 'cols');
  checkEntries(rows, cols, 'zeros');
  return new Matrix(rows, cols);
}

/** A rows × cols matrix of ones. @example ones(1, 2).toArray() //=> [[1, 1]] */
export function ones(rows: number, cols: number): Matrix {
  checkSize(rows, 'ones', 'rows');
  checkSize(cols, 'ones', 'cols');
  checkEntries(rows, cols, 'ones');
  return new Matrix(rows, cols, new Float64Array(rows * cols).fill(1));
}

/** Every default of randomMatrix, written once (any other option is a typo and an error). */
export const RANDOM_MATRIX_DEFAULTS = Object.freeze({ seed: DEFAULT_SEED, scale: 1 });

/**
 * A seeded random matrix with entries drawn uniformly from [−scale, scale).
 * The same seed gives the same matrix on every machine. Defaults: RANDOM_MATRIX_DEFAULTS (seed 42, scale 1).
 * @example randomMatrix(2, 2, { seed: 1 }).shape //=> [2, 2]
 */
export function randomMatrix(rows: number, cols: number, options: { seed?: Seed; scale?: number } = {}): Matrix {
  checkSize(rows, 'randomMatrix', 'rows');
  checkSize(cols, 'randomMatrix', 'cols');
  checkEntries(rows, cols, 'randomMatrix');
  const { seed, scale = RANDOM_MATRIX_DEFAULTS.scale } = checkOptions(options, RANDOM_MATRIX_DEFAULTS, 'randomMatrix');
  if (!isFiniteNumber(scale) || scale < 0) {
    throw new ValueError(`randomMatrix: scale is ${describe(scale)} but it must be a finite number ≥ 0`);
  }
  const random = createRandom(seed ?? RANDOM_MATRIX_DEFAULTS.seed, 'randomMatrix');
  const data = new Float64Array(rows * cols);
  for (let n = 0; n < data.length; n++) data[n] = random.between(-scale, scale);
  return new Matrix(rows, cols, data);
}

// ---------------------------------------------------------------------------
// Arithmetic

/**
 * The matrix product A·B: (n × k)·(k × m) → n × m.
 * @example multiply([[1, 2]], [[3], [4]]).toArray() //=> [[11]]   (1·3 + 2·4)
 */
export function multiply(A: MatrixInput, B: MatrixInput): Matrix {
  const a = toMatrix(A, 'multiply', 'A');
  const b = toMatrix(B, 'multiply', 'B');
  if (a.cols !== b.rows) {
    throw new ShapeError(
      `multiply: A is ${formatShape(a.rows, a.cols)} but B is ${formatShape(b.rows, b.cols)} (A's columns must equal B's rows)`,
    );
  }
  const out = new Matrix(a.rows, b.cols);
  affineInto(a.data, a.rows, a.cols, null, b.data, b.cols, 0, out.data, b.cols, 0, b.cols);
  checkResult(out.data, out.cols, 'multiply', 'A·B');
  return out;
}

/** Applies `op` entry by entry, broadcasting a column (n × 1) of either side over the other's columns. */
function elementwise(where: string, A: MatrixInput, B: MatrixInput, op: (x: number, y: number) => number): Matrix {
  const a = toMatrix(A, where, 'A');
  const b = toMatrix(B, where, 'B');
  const rows = a.rows;
  const cols = Math.max(a.cols, b.cols);
  const fits = (m: Matrix) => m.cols === cols || m.cols === 1;
  if (a.rows !== b.rows || !fits(a) || !fits(b)) {
    throw new ShapeError(
      `${where}: A is ${formatShape(a.rows, a.cols)} but B is ${formatShape(b.rows, b.cols)} (shapes must match, or one must be a column with as many rows)`,
    );
  }
  const out = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const x = a.data[i * a.cols + (a.cols === 1 ? 0 : j)];
      const y = b.data[i * b.cols + (b.cols === 1 ? 0 : j)];
      out.data[i * cols + j] = op(x, y);
    }
  }
  checkResult(out.data, cols, where, 'the result');
  return out;
}

/**
 * A + B, entry by entry; a column (n × 1) is added to every column, as a bias is.
 * @example add([[1, 2], [3, 4]], [[10], [20]]).toArray() //=> [[11, 12], [23, 24]]
 */
export function add(A: MatrixInput, B: MatrixInput): Matrix {
  return elementwise('add', A, B, (x, y) => x + y);
}

/** A − B, entry by entry, with the same column broadcast as `add`. @example subtract([[5, 5]], [[1, 2]]).toArray() //=> [[4, 3]] */
export function subtract(A: MatrixInput, B: MatrixInput): Matrix {
  return elementwise('subtract', A, B, (x, y) => x - y);
}

/**
 * The entrywise (Hadamard) product A ⊙ B, numpy's `A * B`.
 * @example hadamard([[1, 2]], [[3, 4]]).toArray() //=> [[3, 8]]
 */
export function hadamard(A: MatrixInput, B: MatrixInput): Matrix {
  return elementwise('hadamard', A, B, (x, y) => x * y);
}

/** k·A. @example scale([[1, -2]], 3).toArray() //=> [[3, -6]] */
export function scale(A: MatrixInput, k: number): Matrix {
  const a = toMatrix(A, 'scale', 'A');
  checkNumber(k, 'scale', 'k');
  const out = new Matrix(
    a.rows,
    a.cols,
    a.data.map((x) => k * x),
  );
  checkResult(out.data, out.cols, 'scale', 'k·A');
  return out;
}

/** Aᵀ: rows become columns. @example transpose([[1, 2, 3]]).toArray() //=> [[1], [2], [3]] */
export function transpose(A: MatrixInput): Matrix {
  const a = toMatrix(A, 'transpose', 'A');
  const out = new Matrix(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) out.data[j * a.rows + i] = a.data[i * a.cols + j];
  }
  return out;
}

/**
 * f applied to every entry (with its row and column, counting from 0).
 * @example map([[1, -2]], (x) => x * x).toArray() //=> [[1, 4]]
 */
export function map(A: MatrixInput, f: (x: number, i: number, j: number) => number): Matrix {
  const a = toMatrix(A, 'map', 'A');
  checkFunction(f, 'map', 'f');
  const out = new Matrix(a.rows, a.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      const x = a.data[i * a.cols + j];
      const y: unknown = f(x, i, j);
      if (!isFiniteNumber(y)) {
        throw new ValueError(
          `map: f returned ${describe(y)} for the entry ${x} at row ${i + 1}, column ${j + 1} but it must return finite numbers`,
        );
      }
      out.data[i * a.cols + j] = y;
    }
  }
  return out;
}

/** vstack's or hstack's parts as matrices, at least one, all with the same number of `size` (columns or rows). */
function stackable(parts: MatrixInput[], where: string, size: 'rows' | 'cols', why: string): Matrix[] {
  if (parts.length === 0) throw new ShapeError(`${where}: no matrices were given but it needs at least one`);
  const ms = parts.map((p, n) => toMatrix(p, where, `matrix ${n + 1}`));
  const unit = size === 'rows' ? 'row' : 'column';
  ms.forEach((m, n) => {
    if (m[size] !== ms[0][size]) {
      throw new ShapeError(
        `${where}: matrix 1 has ${plural(ms[0][size], unit)} but matrix ${n + 1} has ${m[size]} (${why})`,
      );
    }
  });
  return ms;
}

/**
 * The matrices stacked top to bottom, numpy's `vstack`: all need the same number of columns.
 * @example vstack([[1, 2]], [[3, 4]]).toArray() //=> [[1, 2], [3, 4]]
 */
export function vstack(...parts: MatrixInput[]): Matrix {
  const ms = stackable(parts, 'vstack', 'cols', 'stacked rows need the same number of columns');
  const cols = ms[0].cols;
  const out = new Matrix(
    ms.reduce((sum, m) => sum + m.rows, 0),
    cols,
  );
  let offset = 0;
  for (const m of ms) {
    out.data.set(m.data, offset);
    offset += m.data.length;
  }
  return out;
}

/**
 * The matrices side by side, numpy's `hstack`: all need the same number of rows.
 * @example hstack([[1], [2]], [[3], [4]]).toArray() //=> [[1, 3], [2, 4]]
 */
export function hstack(...parts: MatrixInput[]): Matrix {
  const ms = stackable(parts, 'hstack', 'rows', 'side-by-side columns need the same number of rows');
  const rows = ms[0].rows;
  const cols = ms.reduce((sum, m) => sum + m.cols, 0);
  const out = new Matrix(rows, cols);
  let offset = 0;
  for (const m of ms) {
    for (let i = 0; i < rows; i++) out.data.set(m.data.subarray(i * m.cols, (i + 1) * m.cols), i * cols + offset);
    offset += m.cols;
  }
  return out;
}

/**
 * The sum of each row, as a column (n × 1): for gradients, the sum over samples.
 * @example sumRows([[1, 2], [3, 4]]).toArray() //=> [[3], [7]]
 */
export function sumRows(A: MatrixInput): Matrix {
  const a = toMatrix(A, 'sumRows', 'A');
  const out = new Matrix(a.rows, 1);
  for (let i = 0; i < a.rows; i++) {
    let sum = 0;
    for (let j = 0; j < a.cols; j++) sum += a.data[i * a.cols + j];
    out.data[i] = sum;
  }
  checkResult(out.data, 1, 'sumRows', 'the sum');
  return out;
}
