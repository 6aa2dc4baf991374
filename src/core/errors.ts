/**
 * The library's errors. Every message follows one pattern, so a learner always
 * learns the same three things: where it happened, what was there, what came.
 *
 *   <function or layer>: <what it has> but <what came> (<the rule>)
 *   applyWeights: W is 2×3 but A has 2 rows (W's columns must equal A's rows)
 */

/**
 * Thrown when shapes disagree: a product that is undefined, a ragged array, a missing row.
 * @example new ShapeError('applyWeights: W is 2×3 but A has 2 rows').name //=> 'ShapeError'
 */
export class ShapeError extends Error {
  override name = 'ShapeError';
}

/**
 * Thrown when a value is wrong though its shape is fine: NaN, Infinity, an unknown name, a negative size.
 * @example new ValueError('relu: Z has NaN at row 1, column 2').name //=> 'ValueError'
 */
export class ValueError extends Error {
  override name = 'ValueError';
}

/**
 * A shape as every message prints it: rows×cols.
 * @example formatShape(2, 3) //=> '2×3'
 */
export function formatShape(rows: number, cols: number): string {
  return `${rows}×${cols}`;
}

/** "1 row", "2 rows", "3 entries": messages read as sentences. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** A value as a message shows it: strings quoted, arrays summarised, NaN as NaN. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`; // 2n, so it is not mistaken for the number 2
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `an array of ${plural(value.length, 'entry', 'entries')}`;
  if (typeof value === 'function') return 'a function';
  return `an object (${Object.prototype.toString.call(value).slice(8, -1)})`;
}
