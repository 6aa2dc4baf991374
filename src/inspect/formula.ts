/**
 * The network written out as one formula: for the article's [1, 2, 2, 1]
 * network, the whole prediction function on one screen,
 *
 *   w₇·max(0, w₃·max(0, w₁·x + b₁) + … + b₃) + … + b₅
 *
 * as a mathjs expression tree that prints as text or LaTeX and evaluates.
 * mathjs is loaded only when `formula` is called.
 */
import type { MathJsInstance, MathNode } from 'mathjs';
import type { Activation } from '../core/activations.js';
import { ValueError, describeValue } from '../core/errors.js';
import { mathjs } from '../core/mathjs-loader.js';
import { type NetworkLayers, inputsOf, sizesOf } from '../core/types.js';
import { checkNetwork, checkOptions } from '../core/validate.js';

/** The network as a formula in its inputs: x (one input) or x1, x2, … (several). */
export interface Formula {
  /** The mathjs expression tree (an ArrayNode of one expression per output when there are several). */
  readonly node: MathNode;
  /** The input names, in order: ['x'] or ['x1', 'x2', …]. */
  readonly variables: string[];
  /** The formula as text; every weight written in full unless `precision` (significant digits) is given. */
  toString(options?: { precision?: number }): string;
  /** The formula as LaTeX. */
  toTex(options?: { precision?: number }): string;
  /** The formula's value at x (a number for one input, one number per input otherwise): a number per output. */
  evaluate(x: number | readonly number[]): number | number[];
}

/** Every default of a formula's `toString(options)` and `toTex(options)`, written once: every weight in full. */
export const FORMULA_DEFAULTS = Object.freeze({ precision: undefined });

/** Beyond this many nodes the written-out formula is too long to read (each layer repeats the one before). */
export const FORMULA_MAX_NODES = 1_000_000;

/**
 * A mathjs instance whose simplifications are exact: mathjs normally treats
 * numbers within 1e-12 of each other as equal (so it would drop a weight of
 * 1e-17, or read 1.0000000000000002 as 1). With these tolerances only truly
 * equal numbers are equal (mathjs requires relTol > 0; the smallest double
 * times any weight rounds to 0).
 */
let exact: MathJsInstance | undefined;
function exactMathjs(): MathJsInstance {
  const math = mathjs('formula');
  exact ??= math.create(math.all, { relTol: Number.MIN_VALUE, absTol: 0 });
  return exact;
}

/**
 * The network as a formula: every neuron's g(w·a + b) nested, relu as
 * max(0, z), leakyRelu(α) as max(α·z, z), sigmoid as 1 / (1 + exp(−z)), tanh as tanh(z).
 * mathjs's simplifyCore removes what is exactly redundant (1·a, 0·a, + 0)
 * and nothing else: no weight is rounded and no constants are folded.
 * net: any network without softmax → a formula in x (1 input) or x1 … xn.
 * @example formula(Network.fromWeights([{ weights: [[2]], biases: [-1] }, { weights: [[3]], biases: [0.5] }])).toString() //=> '3 * max(0, 2 * x - 1) + 0.5'
 */
export function formula(net: NetworkLayers): Formula {
  const where = 'formula';
  checkNetwork(net, where);
  net.layers.forEach((layer, l) => writeActivation(layer.activation, l, where)); // check every layer first
  checkSize(net, where);
  const math = exactMathjs();
  const variables = inputsOf(net) === 1 ? ['x'] : Array.from({ length: inputsOf(net) }, (_, j) => `x${j + 1}`);

  let A: MathNode[] = variables.map((name) => new math.SymbolNode(name)); // A⁰ = the inputs
  net.layers.forEach((layer, l) => {
    const { weights: W, biases: b, activation } = layer;
    const nIn = W.cols;
    const names = Array.from({ length: nIn }, (_, j) => `_a${j}`); // placeholders for Aˡ⁻¹
    const previous = new Map(names.map((name, j) => [name, A[j]]));
    const inputs = names.map((name) => new math.SymbolNode(name));
    A = Array.from({ length: W.rows }, (_, i) => {
      // gᵢ(Σⱼ wᵢⱼ·aⱼ + bᵢ), simplified with placeholders, then the previous layer's expressions put in.
      const z = weightedSum(math, W.data.subarray(i * nIn, (i + 1) * nIn), b.data[i], inputs);
      const neuron = math.simplifyCore(writeActivation(activation, l, where)(math, z));
      return neuron.transform((node) => {
        const symbol = node as MathNode & { isSymbolNode?: boolean; name?: string };
        return (symbol.isSymbolNode && previous.get(symbol.name as string)) || node;
      });
    });
  });

  const node: MathNode = A.length === 1 ? A[0] : new math.ArrayNode(A);
  let compiled: ReturnType<MathNode['compile']> | undefined;
  return {
    node,
    variables,
    toString: (options) => node.toString(checkOptions(options, FORMULA_DEFAULTS, 'formula.toString')),
    toTex: (options) => node.toTex(checkOptions(options, FORMULA_DEFAULTS, 'formula.toTex')),
    evaluate(x) {
      const values = typeof x === 'number' ? [x] : Array.from(x);
      if (values.length !== variables.length || !values.every((v) => typeof v === 'number' && Number.isFinite(v))) {
        throw new ValueError(
          `formula.evaluate: x is ${describeValue(x)} but the formula needs ${variables.length === 1 ? 'one finite number' : `${variables.length} finite numbers (${variables.join(', ')})`}`,
        );
      }
      compiled ??= node.compile();
      const scope = Object.fromEntries(variables.map((name, j) => [name, values[j]]));
      const result = compiled.evaluate(scope) as number | { toArray(): number[] };
      return typeof result === 'number' ? result : result.toArray();
    },
  };
}

/** Σⱼ wⱼ·aⱼ + b, a negative weight written as a subtraction (a + (−w)·b and a − w·b are the same float). */
function weightedSum(math: MathJsInstance, w: Float64Array, b: number, inputs: MathNode[]): MathNode {
  let sum: MathNode | undefined;
  const add = (coefficient: number, term: MathNode | undefined) => {
    const part = term
      ? new math.OperatorNode('*', 'multiply', [constant(math, Math.abs(coefficient)), term])
      : constant(math, Math.abs(coefficient));
    if (sum === undefined) {
      sum = term
        ? new math.OperatorNode('*', 'multiply', [constant(math, coefficient), term])
        : constant(math, coefficient);
    } else {
      sum =
        coefficient < 0
          ? new math.OperatorNode('-', 'subtract', [sum, part])
          : new math.OperatorNode('+', 'add', [sum, part]);
    }
  };
  w.forEach((wj, j) => add(wj, inputs[j]));
  add(b, undefined);
  return sum as MathNode;
}

function constant(math: MathJsInstance, value: number): MathNode {
  return new math.ConstantNode(value);
}

type Writer = (math: MathJsInstance, z: MathNode) => MathNode;

/** How g is written around z, for each activation a formula can show. */
function writeActivation(activation: Activation, l: number, where: string): Writer {
  const call =
    (name: string, ...args: MathNode[]) =>
    (math: MathJsInstance) =>
      new math.FunctionNode(new math.SymbolNode(name), args);
  switch (activation.name) {
    case 'relu':
      return (math, z) => call('max', constant(math, 0), z)(math); // max(0, z)
    case 'leakyRelu': {
      const alpha = activation.slope as number;
      // z > 0 → z, else α·z: the larger of the two when α ≤ 1, the smaller when α > 1.
      return (math, z) => {
        const scaled = new math.OperatorNode('*', 'multiply', [constant(math, alpha), z]);
        return call(alpha <= 1 ? 'max' : 'min', scaled, z)(math);
      };
    }
    case 'linear':
      return (_math, z) => z;
    case 'sigmoid': // 1 / (1 + exp(−z))
      return (math, z) =>
        new math.OperatorNode('/', 'divide', [
          constant(math, 1),
          new math.OperatorNode('+', 'add', [
            constant(math, 1),
            call('exp', new math.OperatorNode('-', 'unaryMinus', [z]))(math),
          ]),
        ]);
    case 'tanh':
      return (math, z) => call('tanh', z)(math);
    default:
      throw new ValueError(
        `${where}: layer ${l + 1} uses ${activation.name}, which formula cannot write (supported: relu, leakyRelu, linear, sigmoid, tanh)`,
      );
  }
}

/** Refuses networks whose written-out formula would exceed FORMULA_MAX_NODES. */
function checkSize(net: NetworkLayers, where: string): void {
  let sizes = Array.from({ length: inputsOf(net) }, () => 1); // nodes in each aⱼ's expression
  for (const layer of net.layers) {
    const copies = layer.activation.name === 'leakyRelu' ? 2 : 1; // max(α·z, z) writes z twice
    const z = sizes.reduce((sum, size) => sum + size + 2, 2);
    sizes = Array.from({ length: layer.weights.rows }, () => copies * z + 2);
  }
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total > FORMULA_MAX_NODES) {
    throw new ValueError(
      `${where}: layers ${JSON.stringify(sizesOf(net))} would write out ${total.toExponential(1)} terms but formula stops at ${FORMULA_MAX_NODES} (each layer repeats the whole formula of the layer before once per neuron; use kinks or linearRegion for large networks)`,
    );
  }
}
