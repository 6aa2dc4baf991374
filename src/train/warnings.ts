/**
 * The mistakes that make a network silently learn nothing, or answer nonsense,
 * caught where they can be and said once, in plain words:
 *   - targets the output activation can never produce (a 5 for a sigmoid);
 *   - inputs far from standardized (features in the hundreds), or a regression
 *     target far from it with nothing to scale it;
 *   - samples that do not look like what the network was trained on: already
 *     standardized X given to a network that standardizes itself, or raw X given
 *     to a network trained on standardized numbers without keeping the standardizer.
 *
 * The last check compares, feature by feature, the mean and standard deviation of
 * the samples with what the network expects of raw samples: the μ and σ of
 * `net.standardize.inputs`, or, without one, those of the X its last `fit` in this
 * process trained on.
 */
import type { Activation } from '../core/activations.js';
import type { Matrix } from '../core/matrix.js';
import { type Standardizer, rowMeanAndStd } from '../core/standardize.js';
import type { NetworkParts } from '../core/types.js';
import type { Trainable, TrainingData } from './fit-data.js';

/** The range each bounded output activation can produce. */
const OUTPUT_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  sigmoid: [0, 1],
  softmax: [0, 1],
  tanh: [-1, 1],
  relu: [0, Infinity],
};

/**
 * How far from mean 0 and standard deviation 1 a feature may be before fit says so (`mean`, `std`), and
 * how far samples may be from what the network expects (`shift`: their mean, in the expected σ; `spread`:
 * the ratio of their σ to the expected one, either way) when there are at least `samples` of them.
 */
export const STANDARDIZED_LIMITS = Object.freeze({ mean: 3, std: 5, shift: 3, spread: 10, samples: 5 });

/**
 * x to 3 significant digits of the larger of |x| and |beside|, so a mean of 1.2e-15 beside a standard
 * deviation of 1 prints as 0 (its float noise), and 3953.7 as 3950.
 */
function round(x: number, beside = x): number {
  const size = Math.max(Math.abs(x), Math.abs(beside));
  if (size === 0 || !Number.isFinite(size)) return x;
  const step = 10 ** (Math.floor(Math.log10(size)) - 2);
  return Number((Math.round(x / step) * step).toPrecision(3)) || 0; // || 0: no −0
}

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
    `so the network can never reach them (rescale the targets, e.g. with fit's standardize: 'both', or use a linear output)`
  );
}

/**
 * A sentence if some input feature (row of X, as the forward pass will see it) is far from mean 0 and
 * standard deviation 1, else undefined; `features` names the rows when the network has names.
 * @example inputWarning(Matrix.from([[100, 300]]), 'fit') //=> 'fit: input feature 1 (row 1 of X) has mean 200 and standard deviation 100, …'
 */
export function inputWarning(X: Matrix, where: string, features?: readonly string[]): string | undefined {
  for (let i = 0; i < X.rows; i++) {
    const { mu: mean, sigma: std } = rowMeanAndStd(X, i);
    if (Math.abs(mean) > STANDARDIZED_LIMITS.mean || std > STANDARDIZED_LIMITS.std) {
      return (
        `${where}: ${featureName(i, features)} (row ${i + 1} of X) has mean ${round(mean, std)} and standard deviation ${round(std)}, ` +
        `far from standardized (mean 0, standard deviation 1), which makes training slow or unstable ` +
        `(pass standardize: 'inputs' to fit: it standardizes X with the training samples' μ and σ and keeps them in the network, so predict takes raw samples too)`
      );
    }
  }
  return undefined;
}

/**
 * A sentence if a regression target (row of Y) is far from mean 0 and standard deviation 1 while nothing
 * scales it, else undefined: a linear output must then learn weights in the target's units.
 * @example targetScaleWarning(Matrix.from([[20, 30]]), 'fit') //=> 'fit: the target (row 1 of Y) has mean 25 and standard deviation 5, …'
 */
export function targetScaleWarning(Y: Matrix, where: string): string | undefined {
  for (let i = 0; i < Y.rows; i++) {
    const { mu: mean, sigma: std } = rowMeanAndStd(Y, i);
    if (Math.abs(mean) > STANDARDIZED_LIMITS.mean || std > STANDARDIZED_LIMITS.std) {
      return (
        `${where}: the target (row ${i + 1} of Y) has mean ${round(mean, std)} and standard deviation ${round(std)}, ` +
        `far from standardized, and nothing scales it, so the output layer must learn weights in the target's units: ` +
        `training is slow and stops short of a good fit (pass standardize: 'both' to fit: the network learns (y − μ)/σ and predict answers in Y's units)`
      );
    }
  }
  return undefined;
}

/** μ and σ of each feature of the samples a network was trained on (raw units), by network. */
const trainedOn = new WeakMap<object, { mean: number[]; std: number[] }>();

/**
 * Remembers the μ and σ of each feature of X, the raw samples `fit` trained `net` on, so that later
 * samples can be compared with them (`samplesWarning`). Kept for this process only, never saved.
 * @example rememberTraining(new Network({ layers: [1, 1] }), Matrix.from([[1, 3]])) //=> undefined   (μ 2, σ 1 remembered)
 */
export function rememberTraining(net: object, X: Matrix): void {
  const stats = Array.from({ length: X.rows }, (_, i) => rowMeanAndStd(X, i));
  trainedOn.set(net, { mean: stats.map((s) => s.mu), std: stats.map((s) => s.sigma) });
}

/**
 * A sentence if raw samples X (features × samples) do not look like what the network expects, naming
 * the first feature that is far off, else undefined. Expected: net.standardize.inputs' μ and σ, or
 * the training statistics `rememberTraining` kept; with neither, or fewer than
 * STANDARDIZED_LIMITS.samples samples, nothing is checked.
 * @example samplesWarning({ layers: new Network({ layers: [1, 1] }).layers, standardize: { inputs: standardize([[100, 300]]) } }, Matrix.from([[-1, 1, -1, 1, 0]]), 'predict') //=> 'predict: input feature 1 has mean 0 and standard deviation 0.894 but …'
 */
export function samplesWarning(net: NetworkParts, X: Matrix, where: string): string | undefined {
  const stored: Standardizer | undefined = net.standardize?.inputs;
  const expected = stored ?? trainedOn.get(net);
  if (expected === undefined || X.cols < STANDARDIZED_LIMITS.samples) return undefined;
  for (let i = 0; i < X.rows; i++) {
    const { mu, sigma } = rowMeanAndStd(X, i);
    const [m, s] = [expected.mean[i], expected.std[i] > 0 ? expected.std[i] : 1]; // a constant feature: σ taken as 1
    const shifted = Math.abs(mu - m) / s > STANDARDIZED_LIMITS.shift;
    const wide = sigma / s > STANDARDIZED_LIMITS.spread;
    const narrow = sigma / s < 1 / STANDARDIZED_LIMITS.spread && looksStandardized(mu, sigma);
    if (!shifted && !wide && !narrow) continue;
    const has = `${where}: ${featureName(i, net.features)} has mean ${round(mu, sigma)} and standard deviation ${round(sigma)}`;
    const expects = `mean ${round(m, s)} and standard deviation ${round(s)}`;
    if (stored !== undefined) {
      return looksStandardized(mu, sigma)
        ? `${has} but net.standardize.inputs expects raw values with ${expects}: the samples look standardized already (give raw samples: the network standardizes them itself)`
        : `${has} but net.standardize.inputs was fitted on values with ${expects} (are the samples in the units of the training data?)`;
    }
    return looksStandardized(m, s)
      ? `${has} but the network was trained on standardized values (${expects}) and has no standardizer to apply (fit with standardize: 'inputs' on raw X, so the network keeps the standardizer and predict takes raw samples)`
      : `${has} but the network was trained on values with ${expects} (are the samples in the units of the training data?)`;
  }
  return undefined;
}

/** A feature whose mean is near 0 and standard deviation near 1, as standardize leaves it. */
function looksStandardized(mean: number, std: number): boolean {
  return Math.abs(mean) <= 0.5 && std >= 0.5 && std <= 2;
}

/** 'feature "Body Mass (g)"' when the network names its inputs, else 'input feature 4'. */
function featureName(i: number, features?: readonly string[]): string {
  return features?.[i] === undefined ? `input feature ${i + 1}` : `feature ${JSON.stringify(features[i])}`;
}

/**
 * fit's warnings, each said once per network: targets the output cannot produce; then, for the inputs,
 * samples unlike those the network's own standardizer (or last training) expects, or, with no
 * standardizer at all, inputs far from standardized; and a regression target that nothing scales.
 */
export function fitWarnings(
  net: Trainable,
  prepared: TrainingData,
  warn: (message: string) => void,
  where: string,
): void {
  const { data, standardize, measured, rawX } = prepared;
  const output = net.layers[net.layers.length - 1].activation;
  warnOnce(net, 'targets', targetWarning(data.Y, output, where), warn);
  if (!measured) {
    const unlike = samplesWarning(net, rawX, where); // net.standardize is the one training applies here
    warnOnce(
      net,
      'inputs',
      unlike ?? (standardize?.inputs ? undefined : inputWarning(data.X, where, net.features)),
      warn,
    );
  }
  if (output.name === 'linear' && !standardize?.outputs)
    warnOnce(net, 'target scale', targetScaleWarning(data.Y, where), warn);
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
