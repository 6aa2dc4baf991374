/**
 * The checks every public entry point shares, so that each mistake gets the
 * same message wherever it is made: sizes, option objects (with "did you
 * mean" for a typo), plain and whole numbers, X against the network's inputs,
 * and the one finiteness pass over a result.
 *
 * Each check runs once per call, before anything is computed or changed; the
 * only per-entry check is `checkResult`, one pass over what a call returns.
 */
import { ShapeError, ValueError, describeValue, plural } from './errors.js';

/**
 * The most numbers one matrix may hold: 2³⁰ (8 GiB of float64). A size past it
 * is a typo or a hostile file, and gets a clear error before anything is allocated.
 */
export const MAX_ENTRIES = 2 ** 30;

/**
 * The most weights and biases one network may hold: 2²⁵ = 33,554,432 (256 MiB
 * of float64, and training keeps several arrays of that size). Far beyond any
 * network this library is for; `new Network({ layers: [1e9, 1] })` or a
 * hostile file stops here, before anything is allocated.
 */
export const MAX_PARAMETERS = 2 ** 25;

/**
 * The most weight layers one network may have: 1,000. Far deeper than any
 * network this library is for (the article's has 3); a file declaring a million
 * layers of 1×1 (19 MB, well within MAX_PARAMETERS) stops here, before any
 * layer is built, instead of taking half a gigabyte and seconds per pass.
 */
export const MAX_LAYERS = 1000;

/**
 * Checks a number of weight layers against MAX_LAYERS.
 * @example checkLayerCount(3, 'Network') //=> 3
 */
export function checkLayerCount(count: number, where: string): number {
  if (count > MAX_LAYERS) {
    throw new ValueError(
      `${where}: the network has ${count} weight layers but a network may have at most ${MAX_LAYERS} (MAX_LAYERS)`,
    );
  }
  return count;
}

/**
 * Checks that a network of these layer sizes holds at most MAX_PARAMETERS weights and biases, Σ (nIn + 1)·nOut.
 * @example checkParameterCount([2, 3, 1], 'Network') //=> 13   ((2 + 1)·3 + (3 + 1)·1)
 */
export function checkParameterCount(sizes: readonly number[], where: string): number {
  let total = 0;
  for (let l = 1; l < sizes.length; l++) total += (sizes[l - 1] + 1) * sizes[l];
  if (total > MAX_PARAMETERS) {
    throw new ValueError(
      `${where}: layers [${sizes.join(', ')}] hold ${total} weights and biases but a network may hold at most ${MAX_PARAMETERS} (MAX_PARAMETERS, 2²⁵)`,
    );
  }
  return total;
}

/** True for finite numbers only (Number.isFinite does not coerce: '1' and null are not finite numbers). */
export function isFiniteNumber(x: unknown): x is number {
  return Number.isFinite(x);
}

/** True for whole numbers only (Number.isInteger does not coerce either). */
export function isWholeNumber(x: unknown): x is number {
  return Number.isInteger(x);
}

/**
 * Checks that a size is a whole number from 1 to MAX_ENTRIES.
 * @example checkSize(3, 'zeros', 'rows') //=> 3
 */
export function checkSize(n: unknown, where: string, what: string): number {
  if (!isWholeNumber(n) || n < 1) {
    throw new ValueError(`${where}: ${what} is ${describeValue(n)} but sizes must be whole numbers ≥ 1`);
  }
  if (n > MAX_ENTRIES) {
    throw new ValueError(`${where}: ${what} is ${n} but sizes must be at most ${MAX_ENTRIES} (2³⁰)`);
  }
  return n;
}

/**
 * Checks that a rows × cols matrix fits in MAX_ENTRIES numbers, before it is allocated.
 * @example checkEntries(2, 3, 'zeros') //=> undefined (2×3 = 6 numbers fit)
 */
export function checkEntries(rows: number, cols: number, where: string, what = 'the matrix'): void {
  if (rows * cols > MAX_ENTRIES) {
    throw new ValueError(
      `${where}: ${what} would be ${rows}×${cols} = ${rows * cols} numbers but one matrix holds at most ${MAX_ENTRIES} (2³⁰, 8 GiB)`,
    );
  }
}

/**
 * Checks a list of layer sizes: at least two whole numbers ≥ 1, inputs first,
 * at most MAX_LAYERS weight layers, no weight matrix (sizes[l] × sizes[l−1]) past MAX_ENTRIES and no more than
 * MAX_PARAMETERS weights and biases in all. Returns a copy.
 * @example checkLayerSizes([1, 2, 1], 'Network') //=> [1, 2, 1]
 */
export function checkLayerSizes(sizes: unknown, where: string): number[] {
  if (!Array.isArray(sizes) || sizes.length < 2) {
    throw new ValueError(
      `${where}: layers is ${Array.isArray(sizes) ? JSON.stringify(sizes) : describeValue(sizes)} but it must list at least 2 sizes, inputs first and outputs last (e.g. [1, 2, 2, 1])`,
    );
  }
  checkLayerCount(sizes.length - 1, where); // before anything is read of a million sizes
  const list: unknown[] = Array.from(sizes); // holes become undefined, and are reported as such
  list.forEach((n, l) =>
    checkSize(n, where, l === 0 ? 'the input size (layers[0])' : `layer ${l}'s size (layers[${l}])`),
  );
  const checked = list as number[];
  checked.slice(1).forEach((nOut, l) => checkEntries(nOut, checked[l], where, `layer ${l + 1}'s weights`)); // nOut × nIn
  checkParameterCount(checked, where);
  return checked;
}

/** What a number must be besides finite: a test and how a message says it ("a number > 0"). */
export interface NumberRule {
  readonly test: (x: number) => boolean;
  readonly says: string;
}

/**
 * Checks a finite number, and the rule when one is given.
 * @example checkNumber(0.5, 'scale', 'k') //=> 0.5
 * @example checkNumber(0.1, 'sgd', 'learningRate', { test: (x) => x > 0, says: 'a number > 0' }) //=> 0.1
 */
export function checkNumber(x: unknown, where: string, what: string, rule?: NumberRule): number {
  if (!isFiniteNumber(x) || (rule !== undefined && !rule.test(x))) {
    throw new ValueError(`${where}: ${what} is ${describeValue(x)} but it must be ${rule?.says ?? 'a finite number'}`);
  }
  return x;
}

/**
 * Checks a whole number ≥ min (a count such as epochs, or a step number).
 * @example checkWholeNumber(100, 'Network.fit', 'epochs', 1) //=> 100
 */
export function checkWholeNumber(x: unknown, where: string, what: string, min: number): number {
  if (!isWholeNumber(x) || x < min) {
    throw new ValueError(`${where}: ${what} is ${describeValue(x)} but it must be a whole number ≥ ${min}`);
  }
  return x;
}

/**
 * Checks that X has one row per input of the network (`x`, a single point, one number per input).
 * @example checkInputRows(2, 2, 'Network.forward') //=> undefined
 * @example checkInputRows(2, 1, 'Network.forward') // throws: Network.forward: X has 2 rows but the network has 1 input (one row per input feature, one column per sample)
 */
export function checkInputRows(rows: number, inputs: number, where: string, what: 'X' | 'x' = 'X'): void {
  if (rows === inputs) return;
  const [has, rule] =
    what === 'X'
      ? [plural(rows, 'row'), 'one row per input feature, one column per sample']
      : [plural(rows, 'number'), 'one number per input feature'];
  throw new ShapeError(`${where}: ${what} has ${has} but the network has ${plural(inputs, 'input')} (${rule})`);
}

/**
 * Checks a function argument.
 * @example checkFunction(Math.abs, 'map', 'f') //=> Math.abs
 */
export function checkFunction<F>(f: F, where: string, what: string): F {
  if (typeof f !== 'function') {
    throw new ValueError(`${where}: ${what} is ${describeValue(f)} but it must be a function`);
  }
  return f;
}

/**
 * Checks an options object: a plain object (or undefined, meaning {}) whose
 * keys are all known. A typo is the classic silent mistake (`{ hiden:
 * 'tanh' }` would quietly train a ReLU network), so an unknown key is an error
 * that suggests the nearest known one. The known keys are those of the
 * function's `*_DEFAULTS` (its complete list of options, written once), after
 * the `required` ones that have no default.
 * @example checkOptions({ seed: 1 }, { seed: 42, scale: 1 }, 'randomMatrix') //=> { seed: 1 }
 */
export function checkOptions<T extends object>(
  options: T | undefined,
  defaults: Readonly<Record<string, unknown>>,
  where: string,
  required: readonly string[] = [],
): Partial<T> {
  const known = [...required, ...Object.keys(defaults)];
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ValueError(
      `${where}: options are ${describeValue(options)} but must be an object (known options: ${known.join(', ')})`,
    );
  }
  checkKeys(options, known, where, 'option');
  return options;
}

/**
 * Throws unless every own key of `object` is in `known`; the message suggests
 * the nearest known key ("did you mean"). `what` names a key: 'option', 'field'.
 */
export function checkKeys(object: object, known: readonly string[], where: string, what: string): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue;
    if (key === '__proto__' || key === 'constructor') {
      throw new ValueError(
        `${where}: ${what} ${JSON.stringify(key)} is not allowed (it could change what objects inherit)`,
      );
    }
    throw new ValueError(
      `${where}: unknown ${what} ${JSON.stringify(key)}${didYouMean(key, known)} (known: ${known.join(', ')})`,
    );
  }
}

/**
 * ` (did you mean "x"?)` for the known name nearest to `word`, or '' when none is close.
 * @example didYouMean('hiden', ['hidden', 'output']) //=> ' (did you mean "hidden"?)'
 */
export function didYouMean(word: string, known: readonly string[]): string {
  // Stryker disable next-line StringLiteral: equivalent (see stryker.config.mjs)
  let best = '';
  let bestDistance = Infinity;
  for (const name of known) {
    const d = editDistance(word.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  // Close means: at most a third of the letters wrong (hiden → hidden, layer → layers, Relu → relu).
  return bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? ` (did you mean ${JSON.stringify(best)}?)` : '';
}

/**
 * Edit distance: the fewest insertions, deletions, substitutions and swaps of
 * two neighbouring letters turning a into b (Damerau's "optimal string
 * alignment"; a swap such as nmae → name is the commonest typo of all).
 * @example editDistance('hiden', 'hidden') //=> 1
 */
export function editDistance(a: string, b: string): number {
  let before = [] as number[]; // row i − 2 of the table
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j); // row i − 1
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitute);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        current[j] = Math.min(current[j], before[j - 2] + 1);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/**
 * True when every entry is finite, in one pass without a branch: x·0 is ±0
 * for every finite x and NaN for ±Infinity and NaN, so the sum is ±0 exactly then.
 * Four sums, not one: each add waits for the one before it in its own sum
 * only, so four run side by side (2.5× faster than one sum of x − x, Node 20).
 * @example allFinite(new Float64Array([1, Infinity])) //=> false
 */
export function allFinite(data: Float64Array): boolean {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let n = 0;
  for (; n + 4 <= data.length; n += 4) {
    s0 += data[n] * 0;
    s1 += data[n + 1] * 0;
    s2 += data[n + 2] * 0;
    s3 += data[n + 3] * 0;
  }
  // Stryker disable next-line AssignmentOperator: equivalent (see stryker.config.mjs)
  for (; n < data.length; n++) s0 += data[n] * 0;
  return s0 + s1 + s2 + s3 === 0;
}

/**
 * The one finiteness pass over a result (rows × cols, row-major): throws when
 * finite inputs overflowed float64 (past ±1.8e308) into ±Infinity or NaN,
 * naming the first such entry, counting from 1 (`firstCol` shifts the column
 * number when `data` is a block of columns of a wider matrix).
 * @example checkResult(new Float64Array([1, 2]), 2, 'add', 'A + B') //=> undefined
 */
export function checkResult(data: Float64Array, cols: number, where: string, what: string, firstCol = 0): void {
  if (allFinite(data)) return; // only then do we look for the bad entry
  const n = data.findIndex((x) => !Number.isFinite(x));
  throw new ValueError(
    `${where}: ${what} has ${data[n]} at row ${Math.floor(n / cols) + 1}, column ${firstCol + (n % cols) + 1} but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)`,
  );
}

/**
 * Throws unless `net` is a network: an object whose `layers` is a non-empty
 * list of { weights, biases, activation } with float64 matrices, which is all
 * the chapters read of it (a `Network`, or the same as plain data). Duck-typed
 * rather than `instanceof`: the ESM and CommonJS builds each have their own
 * Network class, and a network made by one must work with the other. Returns
 * `net`, as the caller typed it.
 * @example checkNetwork({ layers: [] }, 'kinks') // throws: kinks: net is an object (Object) but it must be a Network (its layers are an empty list)
 */
export function checkNetwork<N>(net: N, where: string): N {
  const problem = networkProblem(net);
  if (problem !== undefined)
    throw new ValueError(`${where}: net is ${describeValue(net)} but it must be a Network (${problem})`);
  return net;
}

/** What keeps `net` from being a network, in a few words, or undefined when nothing does. */
function networkProblem(net: unknown): string | undefined {
  if (typeof net !== 'object' || net === null) return 'made by new Network(…) or Network.fromWeights(…)';
  const { layers } = net as Record<string, unknown>;
  if (!Array.isArray(layers)) return 'it has no list of layers';
  if (layers.length === 0) return 'its layers are an empty list';
  if (layers.length > MAX_LAYERS)
    return `it has ${layers.length} layers but a network may have at most ${MAX_LAYERS} (MAX_LAYERS)`;
  const isMatrix = (m: unknown) => (m as { data?: unknown } | null)?.data instanceof Float64Array;
  const bad = layers.findIndex(
    (layer) => !isMatrix(layer?.weights) || !isMatrix(layer?.biases) || typeof layer?.activation !== 'function',
  );
  if (bad >= 0) return `layer ${bad + 1} is not { weights, biases, activation }`;
  return undefined;
}
