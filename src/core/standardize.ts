/**
 * Standardizing: shifting and scaling each feature (row) to mean 0 and
 * standard deviation 1, x′ = (x − μ) / σ, with μ and σ measured on the
 * training data only, then applied unchanged to every new sample.
 *
 * Why a learner needs it: with inputs in the hundreds, the first layer's
 * weighted sums are huge, a sigmoid saturates, a ReLU network's kinks all sit
 * far from the data, and a learning rate that suits one feature is far too
 * large for another. Outputs can be standardized too; `invert` maps the
 * network's predictions back to the original units.
 */
import { ShapeError, ValueError, describeValue, plural } from './errors.js';
import { Matrix, type MatrixInput, toMatrix } from './matrix.js';
import { checkKeys, checkResult } from './validate.js';

/** The statistics of a Standardizer, as JSON (one entry per feature). */
export interface StandardizerJSON {
  mean: number[];
  std: number[];
}

/** The standardizing of one data set's features, fitted once, applied to any data with the same rows. */
export interface Standardizer {
  /** μ, one per feature (row). */
  readonly mean: readonly number[];
  /** σ, one per feature; a constant feature gets σ = 1, so it maps to 0 rather than to NaN. */
  readonly std: readonly number[];
  /** x′ = (x − μ) / σ, row by row: features × samples → features × samples. */
  apply(X: MatrixInput): Matrix;
  /** x = x′·σ + μ, the inverse: for turning standardized predictions back into the data's units. */
  invert(X: MatrixInput): Matrix;
  /** μ and σ of every feature, to save with the network. */
  toJSON(): StandardizerJSON;
}

/**
 * Measures μ and σ of each row of X (features × samples) and returns the Standardizer that uses them.
 * σ is the population standard deviation, √(Σ(x − μ)²/m), as scikit-learn's StandardScaler.
 * @example standardize([[1, 3]]).apply([[1, 3, 5]]).toArray() //=> [[-1, 1, 3]]   (μ = 2, σ = 1)
 */
export function standardize(X: MatrixInput): Standardizer {
  const x = toMatrix(X, 'standardize', 'X');
  const mean: number[] = [];
  const std: number[] = [];
  for (let i = 0; i < x.rows; i++) {
    const { mu, sigma } = rowMeanAndStd(x, i);
    mean.push(mu);
    std.push(sigma > 0 ? sigma : 1);
  }
  return makeStandardizer(mean, std);
}

/**
 * μ and σ of row i of X (features × samples): μ = Σx / m, σ = √(Σ(x − μ)² / m).
 * @example rowMeanAndStd(Matrix.from([[1, 3]]), 0) //=> { mu: 2, sigma: 1 }
 */
export function rowMeanAndStd(X: Matrix, i: number): { mu: number; sigma: number } {
  const row = X.data.subarray(i * X.cols, (i + 1) * X.cols);
  let sum = 0;
  for (const v of row) sum += v;
  const mu = sum / X.cols; // μ = Σx / m
  let squares = 0;
  for (const v of row) squares += (v - mu) ** 2;
  const sigma = Math.sqrt(squares / X.cols); // σ = √(Σ(x − μ)² / m)
  return Number.isFinite(sigma) ? { mu, sigma } : scaledMeanAndStd(row, i);
}

/**
 * μ and σ when the sums overflow (entries near ±1.8e308): with s = max |x|,
 * μ = s·Σ(x/s)/m and σ = s·√(Σ(x/s − μ/s)²/m), whose sums stay below m.
 */
function scaledMeanAndStd(row: Float64Array, i: number): { mu: number; sigma: number } {
  let s = 0;
  for (const v of row) s = Math.max(s, Math.abs(v));
  let sum = 0;
  for (const v of row) sum += v / s;
  const mu = (sum / row.length) * s;
  let squares = 0;
  for (const v of row) squares += (v / s - mu / s) ** 2;
  const sigma = Math.sqrt(squares / row.length) * s;
  if (!Number.isFinite(sigma)) {
    throw new ValueError(
      `standardize: row ${i + 1}'s σ is beyond the largest float64 (1.8e308), so it cannot be standardized`,
    );
  }
  return { mu, sigma };
}

/**
 * The Standardizer a `toJSON()` describes.
 * @example standardizerFromJSON({ mean: [2], std: [1] }).invert([[-1]]).toArray() //=> [[1]]
 */
export function standardizerFromJSON(json: StandardizerJSON, where = 'standardizerFromJSON'): Standardizer {
  const list = (value: unknown, name: string): number[] => {
    if (
      !Array.isArray(value) ||
      value.length === 0 ||
      value.some((v) => typeof v !== 'number' || !Number.isFinite(v))
    ) {
      throw new ValueError(
        `${where}: ${name} is ${describeValue(value)} but must be a non-empty list of finite numbers`,
      );
    }
    return value.slice();
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ValueError(`${where}: got ${describeValue(json)} but expected { mean, std }`);
  }
  checkKeys(json, ['mean', 'std'], where, 'field'); // strict: no unknown key, no __proto__
  const data = json as Partial<StandardizerJSON>;
  const mean = list(data.mean, 'mean');
  const std = list(data.std, 'std');
  if (std.length !== mean.length) {
    throw new ShapeError(
      `${where}: mean has ${plural(mean.length, 'entry', 'entries')} but std has ${std.length} (one of each per feature)`,
    );
  }
  if (std.some((s) => s <= 0)) throw new ValueError(`${where}: std has an entry ≤ 0 but every σ must be > 0`);
  return makeStandardizer(mean, std);
}

function makeStandardizer(mean: number[], std: number[]): Standardizer {
  const each = (X: MatrixInput, where: string, f: (x: number, i: number) => number): Matrix => {
    const x = toMatrix(X, where, 'X');
    if (x.rows !== mean.length) {
      throw new ShapeError(
        `${where}: X has ${plural(x.rows, 'row')} but the standardizer was fitted on ${plural(mean.length, 'feature')} (one row per feature)`,
      );
    }
    const out = new Matrix(x.rows, x.cols);
    for (let i = 0; i < x.rows; i++) {
      for (let n = i * x.cols; n < (i + 1) * x.cols; n++) out.data[n] = f(x.data[n], i);
    }
    checkResult(out.data, out.cols, where, where === 'Standardizer.apply' ? '(X − μ) / σ' : 'X·σ + μ'); // past ±1.8e308: an error, never Infinity
    return out;
  };
  return Object.freeze({
    mean: Object.freeze(mean.slice()),
    std: Object.freeze(std.slice()),
    // x′ = (x − μ)/σ; x/σ − μ/σ where x − μ overflows (x and μ near ±1.8e308 with opposite signs)
    apply: (X: MatrixInput) =>
      each(X, 'Standardizer.apply', (x, i) => {
        const z = (x - mean[i]) / std[i];
        return Number.isFinite(z) ? z : x / std[i] - mean[i] / std[i];
      }),
    // x = x′·σ + μ; (x′·σ/2 + μ/2)·2 where x′·σ alone overflows but the sum does not (μ of the other sign)
    invert: (X: MatrixInput) =>
      each(X, 'Standardizer.invert', (x, i) => {
        const y = x * std[i] + mean[i];
        return Number.isFinite(y) ? y : (x * (std[i] / 2) + mean[i] / 2) * 2;
      }),
    toJSON: () => ({ mean: mean.slice(), std: std.slice() }),
  });
}
