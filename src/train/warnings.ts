/**
 * The two mistakes that make a network silently learn nothing, caught before
 * training starts and said once, in plain words:
 *   - targets the output activation can never produce (a 5 for a sigmoid);
 *   - inputs far from standardized (features in the hundreds).
 */
import type { Activation } from '../core/activations.js';
import type { Matrix } from '../core/matrix.js';
import { rowMeanAndStd } from '../core/standardize.js';

/** The range each bounded output activation can produce. */
const OUTPUT_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  sigmoid: [0, 1],
  softmax: [0, 1],
  tanh: [-1, 1],
  relu: [0, Infinity],
};

/** How far from mean 0 and standard deviation 1 a feature may be before fit says so. */
export const STANDARDIZED_LIMITS = Object.freeze({ mean: 3, std: 5 });

const round = (x: number) => Number(x.toPrecision(3));

/**
 * A sentence if some target lies outside what the output activation can produce, else undefined.
 * @example targetWarning(Matrix.from([[5]]), sigmoid, 'fit') //=> 'fit: the targets Y go from 5 to 5 but a sigmoid output only produces numbers between 0 and 1, …'
 */
export function targetWarning(Y: Matrix, output: Activation, where: string): string | undefined {
  const range = OUTPUT_RANGES[output.name];
  if (range === undefined) return undefined;
  let lo = Infinity;
  let hi = -Infinity;
  for (const y of Y.data) {
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  }
  if (lo >= range[0] && hi <= range[1]) return undefined;
  const produces = range[1] === Infinity ? `numbers ≥ ${range[0]}` : `numbers between ${range[0]} and ${range[1]}`;
  return (
    `${where}: the targets Y go from ${round(lo)} to ${round(hi)} but a ${output.name} output only produces ${produces}, ` +
    `so the network can never reach them (rescale the targets, e.g. with standardize(Y), or use a linear output)`
  );
}

/**
 * A sentence if some input feature (row of X) is far from mean 0 and standard deviation 1, else undefined.
 * @example inputWarning(Matrix.from([[100, 300]]), 'fit') //=> 'fit: input feature 1 (row 1 of X) has mean 200 and standard deviation 100, …'
 */
export function inputWarning(X: Matrix, where: string): string | undefined {
  for (let i = 0; i < X.rows; i++) {
    const { mu: mean, sigma: std } = rowMeanAndStd(X, i);
    if (Math.abs(mean) > STANDARDIZED_LIMITS.mean || std > STANDARDIZED_LIMITS.std) {
      return (
        `${where}: input feature ${i + 1} (row ${i + 1} of X) has mean ${round(mean)} and standard deviation ${round(std)}, ` +
        `far from standardized (mean 0, standard deviation 1), which makes training slow or unstable ` +
        `(const s = standardize(X); train on s.apply(X) and predict on s.apply(newX))`
      );
    }
  }
  return undefined;
}

const warned = new WeakMap<object, Set<string>>();

/**
 * Calls `warn(message)` unless this network has already been warned about this kind of problem.
 * Used as `warnOnce(net, 'targets', message, console.warn)`: it warns; the same call again does not.
 */
export function warnOnce(
  net: object,
  kind: string,
  message: string | undefined,
  warn: (message: string) => void,
): void {
  if (message === undefined) return;
  const kinds = warned.get(net) ?? new Set<string>();
  if (kinds.has(kind)) return;
  kinds.add(kind);
  warned.set(net, kinds);
  warn(message);
}
