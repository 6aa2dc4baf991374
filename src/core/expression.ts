/**
 * Activations written as a formula in x, the way a textbook writes them:
 *
 *   activation('x / (1 + exp(-x))', { name: 'silu' })
 *
 * mathjs parses the formula into an expression tree, `math.derivative` derives
 * g′ from it symbolically, and both trees are compiled to functions of one
 * number. The trees are kept, so both can be printed as text or as TeX.
 *
 * mathjs is loaded here on first use only (see mathjs-loader.ts), and each
 * evaluation goes through mathjs's interpreter (about 0.25 µs, against a few
 * ns for the same formula in plain JavaScript), so a forward pass with one
 * takes several times as long as with a built-in: fine for learning and small
 * networks, not for speed.
 */
import type { EvalFunction, MathNode } from 'mathjs';
import { ValueError, describeValue } from './errors.js';
import { mathjs } from './mathjs-loader.js';

/** The constants a formula may use besides x (mathjs's names for them). */
export const EXPRESSION_CONSTANTS: readonly string[] = Object.freeze(['e', 'E', 'pi', 'PI', 'tau', 'phi']);

/** Options of `activation(expression, options)`. */
export interface ExpressionOptions {
  /** How messages, `toString()` and JSON name the activation. Default: the formula itself. */
  name?: string;
}

/** g and g′ read from a formula, with their expression trees and their JSON spec. */
export interface ExpressionParts {
  name: string;
  /** g(z), evaluated by mathjs. */
  f: (z: number) => number;
  /** g′(z), evaluated by mathjs. */
  df: (z: number) => number;
  /** The parsed formula g(x), a mathjs node: `.toString()`, `.toTex()`. */
  expression: MathNode;
  /** Its derivative g′(x) as `math.derivative` gives it (simplified), a mathjs node. */
  derivativeExpression: MathNode;
  /** How JSON names it: `{ name, expression }`. */
  spec: { name: string; expression: string };
}

/**
 * Parses `text` as g(x), checks that x is its only unknown, derives g′(x) and
 * compiles both. `where` starts every error message.
 * @example expressionParts('x^2', {}, 'activation').derivativeExpression.toString() //=> '2 * x'
 */
export function expressionParts(text: unknown, options: ExpressionOptions, where: string): ExpressionParts {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new ValueError(
      `${where}: the formula is ${describeValue(text)} but it must be a non-empty string in x, like 'x / (1 + exp(-x))'`,
    );
  }
  const formula = text.trim();
  const name = options.name ?? formula;
  if (typeof name !== 'string' || name.trim() === '') {
    throw new ValueError(`${where}: name is ${describeValue(name)} but it must be a non-empty string`);
  }
  const math = mathjs(where);

  let expression: MathNode;
  try {
    expression = math.parse(formula);
  } catch (error) {
    throw new ValueError(`${where}: mathjs cannot parse ${JSON.stringify(formula)} (${(error as Error).message})`);
  }
  checkSymbols(expression, formula, where, math as unknown as Record<string, unknown>);

  let derivativeExpression: MathNode;
  try {
    derivativeExpression = math.derivative(expression, 'x');
  } catch (error) {
    throw new ValueError(
      `${where}: mathjs cannot differentiate ${JSON.stringify(formula)} (${(error as Error).message})`,
    );
  }

  return {
    name,
    f: compile(expression.compile(), `${name}: g`),
    df: compile(derivativeExpression.compile(), `${name}: g′`),
    expression,
    derivativeExpression,
    spec: { name, expression: formula },
  };
}

/** Throws unless every symbol of the formula is x, a known constant, or a mathjs function being called. */
function checkSymbols(node: MathNode, formula: string, where: string, math: Record<string, unknown>): void {
  const free = new Set<string>();
  const unknownFunctions = new Set<string>();
  node.traverse((child, path) => {
    if (!('name' in child) || child.type !== 'SymbolNode') return;
    const name = (child as unknown as { name: string }).name;
    if (path === 'fn') {
      if (typeof math[name] !== 'function') unknownFunctions.add(name); // f(x) with f not in mathjs
    } else if (name !== 'x' && !EXPRESSION_CONSTANTS.includes(name)) {
      free.add(name);
    }
  });
  if (free.size > 0) {
    const list = [...free].join(', ');
    throw new ValueError(
      `${where}: ${JSON.stringify(formula)} has the free ${free.size === 1 ? 'symbol' : 'symbols'} ${list} but an activation's formula may use only x (and the constants ${EXPRESSION_CONSTANTS.join(', ')})`,
    );
  }
  if (unknownFunctions.size > 0) {
    throw new ValueError(
      `${where}: ${JSON.stringify(formula)} calls ${[...unknownFunctions].join(', ')} but mathjs has no function of that name`,
    );
  }
}

/** A compiled mathjs tree as a function of one number that refuses to return anything but a finite number. */
function compile(code: EvalFunction, label: string): (z: number) => number {
  const scope = new Map<string, number>(); // one scope, reused: a Map is mathjs's fastest scope
  return (z: number): number => {
    scope.set('x', z);
    const value: unknown = code.evaluate(scope);
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    const shown = typeof value === 'number' ? String(value) : `${String(value)} (not a real number)`;
    throw new ValueError(`${label}(${z}) is ${shown} but an activation must give finite real numbers`);
  };
}
