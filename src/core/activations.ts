/**
 * Activations: the g in Aˡ = g(Zˡ). Each one is a function you can call on a
 * matrix, `relu(Z)`, that carries its derivative beside it, `relu.derivative(Z)`,
 * and the two raw loops a network runs: `applyInPlace` (forward) and `backward`.
 */
import { reluOf } from './affine.js';
import { ValueError, describeValue } from './errors.js';
import { type ExpressionOptions, type ExpressionParts, expressionParts } from './expression.js';
import { Matrix, type MatrixInput, toMatrix } from './matrix.js';
import { checkKeys, checkOptions, checkResult, didYouMean, isFiniteNumber } from './validate.js';

/** How an activation is named in options and in JSON: 'relu', or { name: 'leakyRelu', slope: 0.1 }. */
export type ActivationSpec =
  | 'relu'
  | 'leakyRelu'
  | 'sigmoid'
  | 'tanh'
  | 'linear'
  | 'softmax'
  | { name: 'leakyRelu'; slope: number }
  | { name: string; expression: string }
  | { name: string; [key: string]: unknown };

/** An activation g: call it on a matrix for g(Z); `derivative` gives g′(Z). */
export interface Activation {
  /** A = g(Z), a new matrix the shape of Z. */
  (Z: MatrixInput): Matrix;
  /** 'relu', 'leakyRelu', 'sigmoid', 'tanh', 'linear', 'softmax', or an expression activation's name. */
  readonly name: string;
  /** leakyRelu's slope for z < 0. */
  readonly slope?: number;
  /** True for relu, leakyRelu and linear: the network is then piecewise linear, with exact kinks. */
  readonly piecewiseLinear: boolean;
  /** True for softmax, which mixes a column's entries and so belongs on the output layer only. */
  readonly outputOnly: boolean;
  /** g′(Z) entry by entry. */
  derivative(Z: MatrixInput): Matrix;
  /** g(z) for one number (elementwise activations). */
  f(z: number): number;
  /** g′(z) for one number (elementwise activations). */
  df(z: number): number;
  /** In place: Z (rows × cols, row-major) becomes g(Z). */
  applyInPlace(Z: Float64Array, rows: number, cols: number): void;
  /** dZ = dA ⊙ g′(Z) (softmax: each column's Jacobian times dA). Z, A, dA, dZ are rows × cols. */
  backward(Z: Float64Array, A: Float64Array, dA: Float64Array, dZ: Float64Array, rows: number, cols: number): void;
  /** How JSON and options name it. */
  toJSON(): ActivationSpec;
}

/**
 * What marks the library's own built-ins (relu, leakyRelu of any slope, sigmoid, tanh, linear, softmax), so
 * that a hand-made activation wearing a built-in's name is refused. A registered symbol, so that the ESM
 * and CommonJS builds, each with its own copy of this module, know each other's.
 */
const BUILT_IN = Symbol.for('feedforward.builtInActivation');

/** Everything an activation is made of: g and g′ side by side, and how the library runs and saves it. */
interface ActivationParts {
  name: string;
  f: (z: number) => number;
  df: (z: number) => number;
  piecewiseLinear?: boolean;
  slope?: number;
  applyInPlace?: Activation['applyInPlace'];
  spec?: ActivationSpec;
  /** One of the library's built-ins (see BUILT_IN). */
  builtIn?: boolean;
}

/** What `elementwiseActivation` takes: a name, g and g′ for one number, and whether g is piecewise linear. */
export interface ElementwiseDefinition {
  /** The activation's name, in messages and in `toJSON()`; not a built-in's name. */
  name: string;
  /** g(z) for one number. */
  f: (z: number) => number;
  /** g′(z) for one number: the derivative backpropagation multiplies by. */
  df: (z: number) => number;
  /** True when g is made of straight pieces (as relu), so kinks and linearRegion can follow it. Default false. */
  piecewiseLinear?: boolean;
}

/** The keys of an ElementwiseDefinition (any other key is a typo and an error). */
const DEFINITION_KEYS = ['name', 'f', 'df', 'piecewiseLinear'] as const;

/**
 * Your own activation, applied entry by entry: g and its derivative g′ as functions of one number.
 * It works wherever a built-in does, on hidden or output layers, forward and backward:
 * Z: any shape → g(Z), the same shape. JSON cannot hold code: `toJSON` writes only its name, which
 * `Network.fromJSON` cannot turn back into g, so `saveNetwork` refuses a network that uses it (for a
 * network you can save, write g as a formula: `activation('log(1 + exp(x))', { name: 'softplus' })`).
 * @example const softplus = elementwiseActivation({ name: 'softplus', f: (z) => Math.log1p(Math.exp(z)), df: (z) => 1 / (1 + Math.exp(-z)) });
 * softplus.derivative([[0]]).toArray() //=> [[0.5]]   (g′(0) = 1 / (1 + e⁰))
 */
export function elementwiseActivation(definition: ElementwiseDefinition): Activation {
  const where = 'elementwiseActivation';
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
    throw new ValueError(`${where}: the definition is ${describeValue(definition)} but it must be { name, f, df }`);
  }
  checkKeys(definition, DEFINITION_KEYS, where, 'key');
  const { name, f, df, piecewiseLinear } = definition;
  if (typeof name !== 'string' || name.trim() === '') {
    throw new ValueError(
      `${where}: name is ${describeValue(name)} but it must be a non-empty string, such as "softplus"`,
    );
  }
  if (Object.hasOwn(ACTIVATIONS, name)) {
    throw new ValueError(
      `${where}: name ${JSON.stringify(name)} is a built-in activation's name but yours needs its own (the built-in would take its place when the network is saved)`,
    );
  }
  for (const [key, value] of [
    ['f', f],
    ['df', df],
  ] as const) {
    if (typeof value !== 'function') {
      throw new ValueError(`${where}: ${key} is ${describeValue(value)} but it must be a function of one number`);
    }
  }
  if (piecewiseLinear !== undefined && typeof piecewiseLinear !== 'boolean') {
    throw new ValueError(`${where}: piecewiseLinear is ${describeValue(piecewiseLinear)} but it must be true or false`);
  }
  return activationFrom({ name, f, df, piecewiseLinear });
}

/**
 * An activation applied entry by entry, from g and g′ side by side: how the built-ins,
 * `elementwiseActivation` and expression activations (made from a mathjs formula) are built.
 */
function activationFrom(parts: ActivationParts): Activation {
  const { name, f, df } = parts;
  const apply =
    parts.applyInPlace ??
    ((Z: Float64Array) => {
      // Stryker disable next-line EqualityOperator: equivalent (see stryker.config.mjs)
      for (let n = 0; n < Z.length; n++) Z[n] = f(Z[n]);
    });
  const activation = (Z: MatrixInput): Matrix => {
    const z = toMatrix(Z, name, 'Z');
    const A = new Matrix(z.rows, z.cols, z.data.slice());
    apply(A.data, A.rows, A.cols);
    checkResult(A.data, A.cols, name, `${name}(Z)`);
    return A;
  };
  const spec = parts.spec ?? (name as ActivationSpec);
  return Object.defineProperties(activation, {
    name: { value: name },
    slope: { value: parts.slope, enumerable: parts.slope !== undefined },
    piecewiseLinear: { value: parts.piecewiseLinear ?? false },
    outputOnly: { value: false },
    f: { value: f },
    df: { value: df },
    applyInPlace: { value: apply },
    derivative: {
      value: (Z: MatrixInput): Matrix => {
        const z = toMatrix(Z, `${name}.derivative`, 'Z');
        const dA = new Matrix(z.rows, z.cols, z.data.map(df));
        checkResult(dA.data, dA.cols, `${name}.derivative`, `${name}′(Z)`);
        return dA;
      },
    },
    backward: {
      value: (Z: Float64Array, _A: Float64Array, dA: Float64Array, dZ: Float64Array) => {
        for (let n = 0; n < Z.length; n++) dZ[n] = dA[n] * df(Z[n]); // dZ = dA ⊙ g′(Z)
      },
    },
    toJSON: { value: () => spec },
    [BUILT_IN]: { value: parts.builtIn === true },
  }) as Activation;
}

/**
 * A = g(Z) as a new matrix, Z unchanged, by the activation's own loop and with
 * no check of the result: `trace` checks it and names the layer.
 * @example activate(relu, Matrix.from([[-1, 2]])).toArray() //=> [[0, 2]]
 */
export function activate(g: Activation, Z: Matrix): Matrix {
  const A = new Matrix(Z.rows, Z.cols, Z.data.slice());
  g.applyInPlace(A.data, A.rows, A.cols);
  return A;
}

/**
 * ReLU, the article's activation: g(z) = max(0, z), g′(z) = 1 if z > 0 else 0.
 * @example relu([[-1, 2]]).toArray() //=> [[0, 2]]
 */
export const relu: Activation = activationFrom({
  builtIn: true,
  name: 'relu',
  f: (z) => (z > 0 ? z : 0),
  df: (z) => (z > 0 ? 1 : 0),
  piecewiseLinear: true,
  // The hot loop, without a branch (see reluOf); Network.forward fuses the same reluOf into its kernel.
  applyInPlace: (Z) => {
    // Stryker disable next-line EqualityOperator: equivalent (see stryker.config.mjs)
    for (let n = 0; n < Z.length; n++) Z[n] = reluOf(Z[n]);
  },
});

/** The slope leakyRelu uses for z < 0 when none is given (PyTorch's default). */
export const DEFAULT_LEAKY_SLOPE = 0.01;

/**
 * Leaky ReLU with the given slope for z < 0: g(z) = z if z > 0 else slope·z.
 * @example leakyReluWithSlope(0.1)([[-2, 3]]).toArray() //=> [[-0.2, 3]]
 */
export function leakyReluWithSlope(slope: number): Activation {
  if (!isFiniteNumber(slope)) {
    throw new ValueError(`leakyRelu: slope is ${describeValue(slope)} but it must be a finite number`);
  }
  return activationFrom({
    builtIn: true,
    name: 'leakyRelu',
    f: (z) => (z > 0 ? z : slope * z),
    df: (z) => (z > 0 ? 1 : slope),
    piecewiseLinear: true,
    slope,
    spec: { name: 'leakyRelu', slope },
  });
}

/**
 * Leaky ReLU with slope 0.01 (DEFAULT_LEAKY_SLOPE): a dead ReLU's gradient never quite reaches 0.
 * @example leakyRelu([[-2, 3]]).toArray() //=> [[-0.02, 3]]
 */
export const leakyRelu: Activation = leakyReluWithSlope(DEFAULT_LEAKY_SLOPE);

/**
 * The logistic sigmoid: g(z) = 1 / (1 + e⁻ᶻ), g′(z) = g(z)·(1 − g(z)).
 * @example sigmoid([[0]]).toArray() //=> [[0.5]]
 */
export const sigmoid: Activation = activationFrom({
  builtIn: true,
  name: 'sigmoid',
  // For z < 0, eᶻ / (1 + eᶻ) is the same number without overflowing e⁻ᶻ.
  // Stryker disable next-line EqualityOperator: equivalent (see stryker.config.mjs)
  f: (z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z))),
  df: (z) => {
    // Stryker disable next-line EqualityOperator,UnaryOperator: equivalent (see stryker.config.mjs)
    const s = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    return s * (1 - s);
  },
});

/**
 * The hyperbolic tangent: g(z) = tanh z, g′(z) = 1 − tanh² z.
 * @example tanh([[0]]).toArray() //=> [[0]]
 */
export const tanh: Activation = activationFrom({
  builtIn: true,
  name: 'tanh',
  f: Math.tanh,
  df: (z) => 1 - Math.tanh(z) ** 2,
});

/**
 * The identity: g(z) = z, g′(z) = 1. The usual output of a regression network.
 * @example linear([[-3]]).toArray() //=> [[-3]]
 */
export const linear: Activation = activationFrom({
  builtIn: true,
  name: 'linear',
  f: (z) => z,
  df: () => 1,
  piecewiseLinear: true,
  applyInPlace: () => {},
});

/** Softmax of one column in place: aᵢ = e^(zᵢ − max z) / Σⱼ e^(zⱼ − max z). */
function softmaxInPlace(Z: Float64Array, rows: number, cols: number): void {
  for (let j = 0; j < cols; j++) {
    let max = -Infinity;
    for (let i = 0; i < rows; i++) max = Math.max(max, Z[i * cols + j]);
    let sum = 0;
    for (let i = 0; i < rows; i++) {
      const e = Math.exp(Z[i * cols + j] - max); // subtracting the max keeps e^z from overflowing
      Z[i * cols + j] = e;
      sum += e;
    }
    // Stryker disable next-line EqualityOperator: equivalent (see stryker.config.mjs)
    for (let i = 0; i < rows; i++) Z[i * cols + j] /= sum;
  }
}

/**
 * Softmax over each column (one column per sample): the outputs are positive and sum to 1.
 * It mixes the rows of a column, so it is for the output layer only, and its
 * derivative is a Jacobian per column: `backward` applies it,
 * dZ = A ⊙ (dA − Σᵢ Aᵢ·dAᵢ).
 * @example softmax([[0], [0]]).toArray() //=> [[0.5], [0.5]]
 */
export const softmax: Activation = Object.defineProperties(
  (Z: MatrixInput): Matrix => {
    const z = toMatrix(Z, 'softmax', 'Z');
    const A = new Matrix(z.rows, z.cols, z.data.slice());
    softmaxInPlace(A.data, A.rows, A.cols);
    return A;
  },
  {
    name: { value: 'softmax' },
    piecewiseLinear: { value: false },
    outputOnly: { value: true },
    applyInPlace: { value: softmaxInPlace },
    f: { value: notElementwise('f') },
    df: { value: notElementwise('df') },
    derivative: { value: notElementwise('derivative') },
    backward: {
      value: (_Z: Float64Array, A: Float64Array, dA: Float64Array, dZ: Float64Array, rows: number, cols: number) => {
        for (let j = 0; j < cols; j++) {
          let dot = 0; // Σᵢ Aᵢ·dAᵢ for this sample
          for (let i = 0; i < rows; i++) dot += A[i * cols + j] * dA[i * cols + j];
          for (let i = 0; i < rows; i++) dZ[i * cols + j] = A[i * cols + j] * (dA[i * cols + j] - dot);
        }
      },
    },
    toJSON: { value: () => 'softmax' },
    [BUILT_IN]: { value: true },
  },
) as Activation;

function notElementwise(method: string): () => never {
  return () => {
    throw new ValueError(
      `softmax.${method}: softmax is not applied entry by entry (each output depends on its whole column), so it has no entrywise derivative; networks use softmax.backward`,
    );
  };
}

/** The built-in activations by name. */
const ACTIVATIONS: Readonly<Record<string, Activation>> = Object.freeze({
  relu,
  leakyRelu,
  sigmoid,
  tanh,
  linear,
  softmax,
});

/**
 * The activation an option names: a name, { name: 'leakyRelu', slope }, or an Activation itself.
 * An unknown name, or an unknown key in the object form, is an error that suggests the nearest name.
 * @example resolveActivation({ name: 'leakyRelu', slope: 0.2 }, 'Network').slope //=> 0.2
 */
export function resolveActivation(spec: unknown, where: string): Activation {
  if (typeof spec === 'function' || looksLikeActivation(spec)) return checkActivationObject(spec as object, where);
  const known = Object.keys(ACTIVATIONS);
  if (typeof spec === 'string') {
    if (Object.hasOwn(ACTIVATIONS, spec)) return ACTIVATIONS[spec];
    throw new ValueError(
      `${where}: activation ${describeValue(spec)} is unknown${didYouMean(spec, known)} (known: ${known.join(', ')}; your own: activation(formula, { name }))`,
    );
  }
  if (typeof spec === 'object' && spec !== null && 'expression' in spec) {
    checkKeys(spec, ['name', 'expression'], `${where}: an expression activation`, 'key');
    const { expression, name } = spec as { expression: unknown; name?: string };
    return expressionActivation(expression, { name }, where);
  }
  if (typeof spec === 'object' && spec !== null && typeof (spec as { name?: unknown }).name === 'string') {
    const { name, slope } = spec as { name: string; slope?: unknown };
    if (name === 'leakyRelu') {
      checkKeys(spec, ['name', 'slope'], `${where}: activation leakyRelu`, 'key');
      return slope === undefined ? leakyRelu : leakyReluWithSlope(slope as number);
    }
    if (Object.hasOwn(ACTIVATIONS, name)) {
      checkKeys(spec, ['name'], `${where}: activation ${name}`, 'key');
      return ACTIVATIONS[name];
    }
    throw new ValueError(
      `${where}: activation ${describeValue(name)} is unknown${didYouMean(name, known)} (known: ${known.join(', ')}; your own: activation(formula, { name }))`,
    );
  }
  throw new ValueError(
    `${where}: activation is ${describeValue(spec)} but it must be a name (${known.join(', ')}), { name: 'leakyRelu', slope }, { name, expression }, or an activation such as relu`,
  );
}

/** An activation defined by a formula: g and g′ as mathjs expression trees, printable as text and TeX. */
export interface ExpressionActivation extends Activation {
  /** g(x) as mathjs parsed it: `.toString()` gives the formula, `.toTex()` its TeX. */
  readonly expression: ExpressionParts['expression'];
  /** g′(x) derived by the textbook rules (see ACTIVATION_FORMULA_LIMITS): `.toString()`, `.toTex()`. */
  readonly derivativeExpression: ExpressionParts['derivativeExpression'];
  /** "silu(x) = x / (1 + exp(-x))" ("g(x) = …" when it has no name). */
  toString(): string;
  /** The same in TeX: "\mathrm{silu}(x) = \frac{x}{…}". */
  toTex(): string;
  /** { name, expression }: `Network.fromJSON` rebuilds the activation from it. */
  toJSON(): { name: string; expression: string };
}

/** Every default of `activation(expression, options)`, written once: the name is the formula itself unless given. */
export const ACTIVATION_DEFAULTS = Object.freeze({ name: undefined });

/**
 * An activation from a formula in x: g(x) as written, g′(x) derived
 * symbolically. The formula may use only numbers, x, ACTIVATION_FORMULA_CONSTANTS,
 * + − * / ^ and ACTIVATION_FORMULA_FUNCTIONS, within ACTIVATION_FORMULA_LIMITS. It works wherever a built-in does (hidden or output
 * layer, forward and backward), and JSON stores it as { name, expression }.
 * Z: any shape → g(Z): the same shape, entry by entry. Loads mathjs on first use.
 * @example activation('x / (1 + exp(-x))', { name: 'silu' }).derivative([[0]]).toArray() //=> [[0.5]]
 */
export function activation(expression: string, options: ExpressionOptions = {}): ExpressionActivation {
  checkOptions(options, ACTIVATION_DEFAULTS, 'activation'); // null, or a typo such as { nmae }, is an error
  return expressionActivation(expression, options, 'activation');
}

function expressionActivation(expression: unknown, options: ExpressionOptions, where: string): ExpressionActivation {
  if (typeof options.name === 'string' && Object.hasOwn(ACTIVATIONS, options.name)) {
    throw new ValueError(
      `${where}: name ${JSON.stringify(options.name)} is a built-in activation's name but an expression activation needs its own (e.g. "my${options.name[0].toUpperCase()}${options.name.slice(1)}")`,
    );
  }
  const parts = expressionParts(expression, options, where);
  const { expression: g, derivativeExpression: dg } = parts;
  const label = options.name ?? 'g'; // an unnamed formula prints as g(x) = …
  return Object.defineProperties(activationFrom(parts), {
    expression: { value: g, enumerable: true },
    derivativeExpression: { value: dg, enumerable: true },
    toString: { value: () => `${label}(x) = ${g.toString()}` },
    toTex: { value: () => `\\mathrm{${label}}(x) = ${g.toTex()}` },
  }) as ExpressionActivation;
}

/** What the library calls on an activation object: its methods, then its fields with their types. */
const ACTIVATION_METHODS = ['derivative', 'f', 'df', 'applyInPlace', 'backward', 'toJSON'] as const;

/** An object that carries some of an activation's methods: a hand-made activation, checked as one. */
function looksLikeActivation(spec: unknown): boolean {
  return (
    typeof spec === 'object' &&
    spec !== null &&
    ACTIVATION_METHODS.some((m) => typeof (spec as Record<string, unknown>)[m] === 'function')
  );
}

/**
 * Checks a hand-made activation at the door, listing everything the library
 * would later call and that is missing, rather than failing inside fit or toJSON.
 * @example checkActivationObject(relu, 'Network').name //=> 'relu'
 */
export function checkActivationObject(spec: object, where: string): Activation {
  const a = spec as Record<string, unknown>;
  const missing: string[] = [];
  if (typeof spec !== 'function') missing.push('a call g(Z)');
  for (const m of ACTIVATION_METHODS) if (typeof a[m] !== 'function') missing.push(`${m}()`);
  if (typeof a.name !== 'string' || a.name === '') missing.push('name (a string)');
  if (typeof a.piecewiseLinear !== 'boolean') missing.push('piecewiseLinear (true or false)');
  if (typeof a.outputOnly !== 'boolean') missing.push('outputOnly (true or false)');
  if (missing.length > 0) {
    throw new ValueError(
      `${where}: the activation ${typeof a.name === 'string' ? `${JSON.stringify(a.name)} ` : ''}lacks ${missing.join(', ')} (an activation is a built-in such as relu, or one made by activation(formula))`,
    );
  }
  if ((spec as { [BUILT_IN]?: unknown })[BUILT_IN] !== true) {
    // toJSON and toFunction go by the name: a hand-made "relu" that clips at 1 would be saved as relu itself.
    const json = (a.toJSON as () => unknown)();
    const saved = typeof json === 'string' ? json : (json as { name?: unknown } | null)?.name;
    const clash = [a.name, saved].find((name) => typeof name === 'string' && Object.hasOwn(ACTIVATIONS, name));
    if (clash !== undefined) {
      throw new ValueError(
        `${where}: the activation ${JSON.stringify(a.name)} is not the built-in ${clash} but ${clash === a.name ? 'has its name' : `is saved as it (toJSON() gives ${JSON.stringify(json)})`}, so toJSON and toFunction would put the built-in in its place: give yours its own name (elementwiseActivation({ name, f, df }))`,
      );
    }
  }
  return spec as Activation;
}

/**
 * A hidden layer's activation: any activation but softmax, which is for the output layer only.
 * @example resolveHiddenActivation('tanh', 'Network').name //=> 'tanh'
 */
export function resolveHiddenActivation(spec: unknown, where: string): Activation {
  const activation = resolveActivation(spec, where);
  if (activation.outputOnly) {
    throw new ValueError(
      `${where}: hidden activation is ${activation.name} but ${activation.name} is for the output layer only`,
    );
  }
  return activation;
}
