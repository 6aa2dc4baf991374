/**
 * Samples as data files hold them, ONE ROW PER SAMPLE, read into X (inputs ×
 * samples), the layout of the rest of the library. `predict` and `classify`
 * read their samples with this one rule:
 *
 *   [[x₁, …, xₙ], …]        rows of numbers: one sample per row
 *   [{ column: value }, …]  records: one sample per record, read by `net.features`
 *   { column: value }       one record: one sample
 *   [x₁, …, xₙ]             a flat list of n numbers, n = the network's inputs: one sample
 *   [x, x′, x″, …]          a flat list, when the network has ONE input: one number per sample
 *
 * so `predict([0, 2])` and `classify([0, 2])` both read two samples of a
 * 1-input network, and `predict([1, 2])` and `classify([1, 2])` both read one
 * sample of a 2-input network. A Matrix or mathjs matrix is read as rows of
 * numbers (a 1-D mathjs vector as a flat list).
 */
import { ShapeError, ValueError, describeValue, plural } from '../core/errors.js';
import { forward } from '../core/forward.js';
import { type MathjsMatrixLike, type Matrix, type MatrixInput, toMatrix, transpose } from '../core/matrix.js';
import { type NetworkParts, inputsOf } from '../core/types.js';
import { type DataRecord, encodeRecords } from '../train/records.js';
import { samplesWarning, warnOnce } from '../train/warnings.js';

/** What `predict` and `classify` take: rows of numbers, records, or a flat list (see above). */
export type Samples = readonly number[] | readonly (readonly number[])[] | readonly DataRecord[] | MatrixInput;

/**
 * X (inputs × samples) from samples given one row per sample, by the rule above, and whether
 * they were ONE sample (a record, or a flat list of exactly as many numbers as the network has inputs),
 * which `classify` answers with one answer rather than a list.
 * @example readSamples([0, 2], articleNetwork(), 'predict').X.toArray() //=> [[0, 2]]
 */
export function readSamples(
  samples: Samples | DataRecord,
  net: NetworkParts,
  where: string,
): { X: Matrix; single: boolean } {
  const inputs = inputsOf(net);
  if (isRecord(samples)) return { X: transpose(readRecords([samples], net, where)), single: true };
  if (Array.isArray(samples) && samples.length === 0) {
    throw new ValueError(`${where}: samples is an empty list (give at least one)`);
  }
  if (Array.isArray(samples) && samples.some(isRecord)) {
    return { X: transpose(readRecords(samples, net, where)), single: false };
  }
  const list = isVector(samples) ? (samples.toArray() as number[]) : samples; // a 1-D mathjs vector is a flat list
  if (Array.isArray(list) && !Array.isArray(list[0])) {
    const row = toMatrix([list], where, 'samples'); // 1 × k
    if (inputs === 1) return { X: row, single: row.cols === 1 }; // one number per sample
    if (row.cols === inputs) return { X: transpose(row), single: true }; // one sample: inputs × 1
    throw new ShapeError(
      `${where}: samples is a flat list of ${row.cols} numbers but the network has ${inputs} inputs (a flat list is one sample, one number per input, or one number per sample when the network has 1 input; for several samples give one row per sample: [[x1, …, x${inputs}], …])`,
    );
  }
  const rows = toMatrix(list, where, 'samples'); // samples × inputs
  if (rows.cols !== inputs) {
    throw new ShapeError(
      `${where}: each sample has ${plural(rows.cols, 'feature')} but the network has ${plural(inputs, 'input')} (one row per sample, one number per input)`,
    );
  }
  return { X: transpose(rows), single: false };
}

/**
 * The network's outputs for X (inputs × samples) as `predict` computes them: the inputs standardized
 * with `standardize.inputs`, the forward pass, the outputs mapped back with `standardize.outputs`.
 * Samples unlike those the network expects (already standardized X for a network that standardizes
 * itself, raw X for one trained on standardized numbers) get a warning on the console, once per network.
 * @example predictOutputs(articleNetwork(), Matrix.from([[-3, 0, 3]])).toArray() //=> [[2.5, 1, -1]]
 */
export function predictOutputs(net: NetworkParts, X: Matrix, where = 'Network.predict'): Matrix {
  warnOnce(net, 'samples', samplesWarning(net, X, where), (message) => console.warn(message));
  const { inputs, outputs } = net.standardize ?? {};
  const x = inputs ? inputs.apply(X) : X; // x′ = (x − μ)/σ
  const Y = forward(net.layers, x, 'Network.forward'); // outputs × samples
  return outputs ? outputs.invert(Y) : Y; // y = y′·σ + μ
}

/** Records (objects) as rows of numbers, by `net.features`; every sample must then be a record. */
function readRecords(samples: readonly unknown[], net: NetworkParts, where: string): number[][] {
  const n = samples.findIndex((sample) => !isRecord(sample));
  if (n >= 0) {
    throw new ValueError(
      `${where}: sample ${n + 1} is ${describeValue(samples[n])} but the samples before or after it are records (give all records or all rows of numbers)`,
    );
  }
  if (net.features === undefined) {
    throw new ValueError(
      `${where}: the samples are records but the network has no features to read them with (set net.features = data.features, or give rows of numbers)`,
    );
  }
  return encodeRecords(samples as DataRecord[], net.features, where, net.impute);
}

/** A record: a plain object (not an array, a Matrix or a mathjs matrix), as a CSV reader gives a row. */
function isRecord(sample: unknown): sample is DataRecord {
  if (typeof sample !== 'object' || sample === null) return false;
  const prototype = Object.getPrototypeOf(sample);
  return prototype === Object.prototype || prototype === null;
}

/** A mathjs vector (size() of length 1), which means what a flat list means. */
function isVector(samples: unknown): samples is MathjsMatrixLike {
  const size = (samples as { size?: unknown } | null)?.size;
  return typeof size === 'function' && (samples as MathjsMatrixLike).size().length === 1;
}
