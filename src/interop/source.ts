/**
 * A network as plain JavaScript: one line per layer with its weights written
 * out, no library needed, so a trained model can be pasted into a page.
 *
 *   function feedforward(x) {
 *     …
 *     a = relu(dense(a, [[1], [-1]], [0, 0.5])); // layer 1: 1 → 2, relu
 *     a = dense(a, [[1, -1]], [0.25]);            // layer 2: 2 → 1, linear
 *     return a[0];
 *   }
 *
 * The function takes ONE sample (its input features, or a bare number when the
 * network has one input) and returns that sample's output, so
 * `samples.map(net.toFunction())` equals `net.predict(samples)`, bit for bit:
 * every sum runs in the kernel's order (b first, then k = 0, 1, 2, …), every
 * activation is the library's own formula, and every weight is written in the
 * shortest text that reads back as the same double (with -0 kept). When the
 * network standardizes inputs or outputs in `predict` (`net.standardize`), the
 * source does the same, with μ and σ written out.
 */
import type { Activation } from '../core/activations.js';
import { ValueError, describeValue } from '../core/errors.js';
import type { Matrix } from '../core/matrix.js';
import { writeNumber } from '../core/serialize.js';
import { checkNetwork, checkOptions } from '../core/validate.js';

/** What code generation reads from a network: its layers. */
interface NetworkLike {
  readonly layers: readonly { readonly weights: Matrix; readonly biases: Matrix; readonly activation: Activation }[];
  /** The statistics `predict` standardizes inputs and un-standardizes outputs with, if any. */
  readonly standardize?: { inputs?: Statistics; outputs?: Statistics };
}

interface Statistics {
  readonly mean: readonly number[];
  readonly std: readonly number[];
}

/** Options of `toSource` and `toFunction`. */
export interface SourceOptions {
  /** The function's name. Default 'feedforward'. */
  name?: string;
}

/** Words a function name cannot be: JavaScript's reserved words (strict mode included). */
const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval undefined NaN Infinity'.split(
    ' ',
  ),
);

/** Names the generated code itself uses: a function named so would shadow them. */
const USED_BY_SOURCE = new Set([
  'x',
  'a',
  'dense',
  'relu',
  'leakyRelu',
  'sigmoid',
  'tanh',
  'softmax',
  'standardize',
  'unstandardize',
  'Math',
  'Error',
  'Array',
  'ArrayBuffer',
  'Number',
  'String',
  'JSON',
  'finite',
]);

/** Every default of `toSource` and `toFunction`, written once. */
export const SOURCE_DEFAULTS = Object.freeze({ name: 'feedforward' });

/** The JavaScript of each activation over an array z: the library's own formulas, in the same order. */
const ACTIVATION_SOURCE: Readonly<Record<string, string>> = Object.freeze({
  relu: 'const relu = (z) => z.map((v) => (v > 0 ? v : 0)); // max(0, z)',
  leakyRelu: 'const leakyRelu = (z, slope) => z.map((v) => (v > 0 ? v : slope * v)); // z, or slope·z below 0',
  sigmoid:
    'const sigmoid = (z) => z.map((v) => (v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v)))); // 1 / (1 + e^-z)',
  tanh: 'const tanh = (z) => z.map(Math.tanh);',
  softmax: [
    'const softmax = (z) => { // e^(z_i - max z) / sum of e^(z_j - max z)',
    '    let max = -Infinity;',
    '    for (const v of z) max = Math.max(max, v);',
    '    let sum = 0;',
    '    const e = z.map((v) => { const ev = Math.exp(v - max); sum += ev; return ev; });',
    '    return e.map((ev) => ev / sum);',
    '  };',
  ].join('\n'),
});

/**
 * A double written as the shortest decimal that reads back as the same double; -0 keeps its sign.
 * @example numberSource(0.1 + 0.2) //=> '0.30000000000000004'
 */
export function numberSource(x: number): string {
  return String(writeNumber(x)); // Number#toString is the shortest round trip (ECMA-262 Number::toString)
}

/**
 * The network's forward pass for one sample as readable, dependency-free JavaScript source.
 * x: nIn numbers (a number when nIn = 1) → nOut numbers (a number when nOut = 1). Defaults: SOURCE_DEFAULTS.
 * @example toSource(Network.fromWeights([{ weights: [[2]], biases: [1] }])).includes('a = dense(a, [[2]], [1]);') //=> true
 */
export function toSource(net: NetworkLike, options: SourceOptions = {}): string {
  const where = 'toSource';
  const name = checkOptions(options, SOURCE_DEFAULTS, where).name ?? SOURCE_DEFAULTS.name;
  if (typeof name !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(name)) {
    throw new ValueError(
      `${where}: name is ${describeValue(name)} but it must be a JavaScript identifier, like "predict"`,
    );
  }
  if (RESERVED.has(name) || USED_BY_SOURCE.has(name)) {
    throw new ValueError(
      `${where}: name is ${JSON.stringify(name)} but it must not be a reserved word or a name the generated code uses (${[...USED_BY_SOURCE].join(', ')})`,
    );
  }
  checkNetwork(net, where);
  const { layers } = net;
  /** A matrix's shape, checked: whole numbers ≥ 1 that fit its data, since each is written into the source. */
  const shape = (M: Matrix, what: string): { rows: number; cols: number } => {
    const { rows, cols } = M;
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1 || rows * cols !== M.data.length) {
      throw new ValueError(
        `${where}: ${what} are ${describeValue(rows)} × ${describeValue(cols)} over ${M.data.length} numbers but every size written into source must be a whole number ≥ 1, rows × cols the numbers held`,
      );
    }
    return { rows, cols };
  };
  const shapes = layers.map((layer, l) => shape(layer.weights, `layer ${l + 1}'s weights`));
  const nIn = shapes[0].cols;
  const nOut = shapes[shapes.length - 1].rows;
  const { inputs, outputs } = net.standardize ?? {};
  /** A number to write into source: checked finite, whoever put it there (a hand-set weight, a hand-made standardizer). */
  const num = (x: unknown, what: string) => {
    if (!Number.isFinite(x)) {
      // false for anything but a finite number: NaN, ±Infinity, a string such as '(globalThis.pwned = 1, 0)'
      throw new ValueError(
        `${where}: ${what} is ${describeValue(x)} but every number written into source must be finite`,
      );
    }
    return numberSource(x as number);
  };
  const list = (xs: ArrayLike<unknown>, what: string) => {
    if (!Array.isArray(xs) && !ArrayBuffer.isView(xs)) {
      throw new ValueError(`${where}: ${what} is ${describeValue(xs)} but it must be a list of finite numbers`);
    }
    return `[${Array.from(xs, (x, k) => num(x, `${what}[${k}]`)).join(', ')}]`;
  };
  const statistics = (s: Statistics, which: 'inputs' | 'outputs', size: number) => {
    const mean = list(s.mean, `standardize.${which}.mean`);
    const std = list(s.std, `standardize.${which}.std`);
    if (s.mean.length !== size || s.std.length !== size || s.std.some((v) => v <= 0)) {
      throw new ValueError(
        `${where}: standardize.${which} has ${s.mean.length} means and ${s.std.length} σ but the network has ${size} ${which} (one mean and one σ > 0 each)`,
      );
    }
    return `${mean}, ${std}`;
  };
  const inputStatistics = inputs && statistics(inputs, 'inputs', nIn);
  const outputStatistics = outputs && statistics(outputs, 'outputs', nOut);
  const used = new Set<string>();
  const lines = layers.map(({ weights: W, biases: b, activation }, l) => {
    const g = activation.name;
    if (g !== 'linear' && !Object.hasOwn(ACTIVATION_SOURCE, g)) {
      throw new ValueError(
        `toSource: layer ${l + 1}'s activation ${g} is not a built-in (relu, leakyRelu, sigmoid, tanh, linear, softmax), so plain JavaScript cannot repeat it (an expression activation needs mathjs)`,
      );
    }
    const { rows: nOutL, cols: nInL } = shapes[l];
    if (l > 0 && nInL !== shapes[l - 1].rows) {
      throw new ValueError(
        `${where}: layer ${l + 1}'s weights have ${nInL} columns but layer ${l} has ${shapes[l - 1].rows} neurons (one column per neuron before)`,
      );
    }
    const rows = Array.from({ length: nOutL }, (_, i) =>
      list(W.data.subarray(i * nInL, (i + 1) * nInL), `layer ${l + 1}'s weights[${i}]`),
    );
    if (b.data.length !== nOutL) {
      throw new ValueError(
        `${where}: layer ${l + 1} has ${nOutL} neurons but ${b.data.length} biases (one bias per neuron)`,
      );
    }
    const Z = `dense(a, [${rows.join(', ')}], ${list(b.data, `layer ${l + 1}'s biases`)})`;
    const A =
      g === 'linear'
        ? Z
        : g === 'leakyRelu'
          ? `leakyRelu(${Z}, ${num(activation.slope, `layer ${l + 1}'s slope`)})`
          : `${g}(${Z})`;
    if (g !== 'linear') used.add(g);
    return `  a = ${A}; // layer ${l + 1}: ${nInL} → ${nOutL}, ${g}`;
  });
  return [
    `function ${name}(x) {`,
    `  // A feedforward network, layers [${[nIn, ...shapes.map(({ rows }) => rows)].join(', ')}], written out by toSource().`,
    `  // x: one sample, ${nIn === 1 ? 'a number (or an array of 1 number)' : `an array of ${nIn} numbers`}; returns ${nOut === 1 ? 'a number' : `an array of ${nOut} numbers`}.`,
    '  const dense = (a, W, b) => W.map((w, i) => { let z = b[i]; for (let k = 0; k < w.length; k++) z += w[k] * a[k]; return z; }); // z = W·a + b',
    ...[...used].map((g) => `  ${ACTIVATION_SOURCE[g]}`),
    ...(inputs ? ['  const standardize = (x, mean, std) => x.map((v, i) => (v - mean[i]) / std[i]);'] : []),
    ...(outputs ? ['  const unstandardize = (y, mean, std) => y.map((v, i) => v * std[i] + mean[i]);'] : []),
    `  const finite = (v, what) => { if (typeof v === 'number' && Number.isFinite(v)) return v; throw new Error('${name}: ' + what + ' is ' + (typeof v === 'string' ? JSON.stringify(v) : String(v)) + ' but it must be a finite number'); };`,
    `  let a = typeof x === 'number' ? [x] : x;`,
    `  if (!Array.isArray(a) && !ArrayBuffer.isView(a)) throw new Error('${name}: x is ' + (x === null ? 'null' : typeof x) + ' but it must be ${nIn === 1 ? 'a number or an array of 1 number' : `an array of ${nIn} numbers`}');`,
    `  if (a.length !== ${nIn}) throw new Error('${name}: x has ' + a.length + ' numbers but the network has ${nIn === 1 ? '1 input' : `${nIn} inputs`}');`,
    "  a = Array.from(a, (v, k) => finite(v, 'x[' + k + ']')); // as predict does: finite numbers only",
    ...(inputStatistics
      ? [`  a = standardize(a, ${inputStatistics}); // the inputs predict standardizes: x′ = (x − μ) / σ`]
      : []),
    ...lines,
    ...(outputStatistics
      ? [`  a = unstandardize(a, ${outputStatistics}); // back to the data's units: y = y′·σ + μ`]
      : []),
    "  a = a.map((v, i) => finite(v, 'output ' + (i + 1))); // past float64's ±1.8e308 is not an answer",
    `  return ${nOut === 1 ? 'a[0]' : 'a'};`,
    '}',
  ].join('\n');
}

/**
 * The network's forward pass for one sample as a standalone JavaScript function,
 * compiled from `toSource` (so the function is exactly the source you can read).
 * It is built with `new Function`; where a page's Content-Security-Policy forbids
 * that, paste `toSource()` into the page instead.
 * `samples.map(f)` equals `net.predict(samples)` bit for bit.
 * @example Network.fromWeights([{ weights: [[2]], biases: [1] }]).toFunction()(3) //=> 7
 */
export function toFunction(
  net: NetworkLike,
  options: SourceOptions = {},
): (x: number | readonly number[]) => number | number[] {
  checkOptions(options, SOURCE_DEFAULTS, 'toFunction');
  return new Function(`return ${toSource(net, options)};`)() as (x: number | readonly number[]) => number | number[];
}
