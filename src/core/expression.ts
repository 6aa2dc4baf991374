/**
 * Activations written as a formula in x, the way a textbook writes them:
 *
 *   activation('x / (1 + exp(-x))', { name: 'silu' })
 *
 * A formula is scalar maths in x and nothing else. mathjs parses it once into
 * an expression tree; the tree is walked and every node must be a number, x,
 * one of ACTIVATION_FORMULA_CONSTANTS, + − · / ^ (unary minus too), or a call of one of
 * ACTIVATION_FORMULA_FUNCTIONS with one argument. Anything else mathjs would run (its
 * `evaluate`, `parse`, `simplify`, `createUnit`, an assignment, a function
 * definition `f(x) = …`, a matrix, a string, a unit) is refused before anything
 * is evaluated, naming the part, and so is a word-size suffix such as 0xffi8
 * (mathjs reads it as −1). ACTIVATION_FORMULA_LIMITS bounds the text, the tree's
 * depth, the derivative's size (derivative.ts builds g′ by the textbook
 * rules, checking its size as it grows) and the nodes of g and g′ evaluated
 * per entry, so every formula is answered in milliseconds and costs about a
 * microsecond per entry. Both trees are compiled by the library's own mathjs instance
 * (`create(all)`, see mathjs-loader.ts), never the process-wide one, so a
 * formula cannot change what any other mathjs user computes.
 *
 * mathjs is loaded here on first use only (see mathjs-loader.ts), and each
 * evaluation goes through mathjs's interpreter (about 0.25 µs, against a few
 * ns for the same formula in plain JavaScript), so a forward pass with one
 * takes several times as long as with a built-in: fine for learning and small
 * networks, not for speed.
 */
import type { EvalFunction, MathNode } from 'mathjs';
import { derivative, treeSize } from './derivative.js';
import { ValueError, describeValue } from './errors.js';
import { formulaMathjs } from './mathjs-loader.js';

/** The constants an activation's formula (`activation('…')`) may use besides x (mathjs's names for them). */
export const ACTIVATION_FORMULA_CONSTANTS: readonly string[] = Object.freeze(['e', 'E', 'pi', 'PI', 'tau', 'phi']);

/** The functions an activation's formula (`activation('…')`) may call, each with one argument (log is the natural logarithm). */
export const ACTIVATION_FORMULA_FUNCTIONS: readonly string[] = Object.freeze([
  'exp',
  'expm1',
  'log',
  'log1p',
  'log2',
  'log10',
  'sqrt',
  'cbrt',
  'abs',
  'sign',
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'sinh',
  'cosh',
  'tanh',
  'asinh',
  'acosh',
  'atanh',
]);

/**
 * How big an activation's formula (`activation('…')`) may be: `length` characters of text, `depth` levels of
 * nesting in its tree (each operator, call or parenthesis is a level),
 * `derivativeNodes` nodes in the tree of its derivative while it is built, and
 * `evaluationNodes` nodes in each of the two trees a network evaluates for every
 * entry, g (forward) and g′ (backward). The first three keep parsing, deriving
 * and compiling within milliseconds; the last keeps one evaluation near a
 * microsecond: mathjs's interpreter costs about 30–50 ns a node (measured on
 * Node 20, x64), so 64 nodes take about 2 µs, where a 5000-node derivative took
 * 144 µs per entry and made an epoch 290 times as long as with relu. Enough for
 * the activations of a textbook: silu's g has 8 nodes and g′ 19, GELU's tanh
 * form 21 and 56, mish 8 and 29.
 */
export const ACTIVATION_FORMULA_LIMITS = Object.freeze({
  length: 1000,
  depth: 100,
  derivativeNodes: 5000,
  evaluationNodes: 64,
});

/** @deprecated The old name of ACTIVATION_FORMULA_CONSTANTS (the formulas are `activation`'s, not `formula()`'s); removed in the next version. */
export const EXPRESSION_CONSTANTS = ACTIVATION_FORMULA_CONSTANTS;
/** @deprecated The old name of ACTIVATION_FORMULA_FUNCTIONS (the formulas are `activation`'s, not `formula()`'s); removed in the next version. */
export const FORMULA_FUNCTIONS = ACTIVATION_FORMULA_FUNCTIONS;
/** @deprecated The old name of ACTIVATION_FORMULA_LIMITS (the limits are `activation`'s, not `formula()`'s); removed in the next version. */
export const FORMULA_LIMITS = ACTIVATION_FORMULA_LIMITS;

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
  /** Its derivative g′(x), derived by the textbook rules (derivative.ts), a mathjs node. */
  derivativeExpression: MathNode;
  /** How JSON names it: `{ name, expression }`. */
  spec: { name: string; expression: string };
}

/**
 * Parses `text` as g(x), checks that it is scalar maths in x within
 * ACTIVATION_FORMULA_LIMITS, derives g′(x) and compiles both. `where` starts every error message.
 * @example expressionParts('x^2', {}, 'activation').derivativeExpression.toString() //=> '2 * x'
 */
export function expressionParts(text: unknown, options: ExpressionOptions, where: string): ExpressionParts {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new ValueError(
      `${where}: the formula is ${describeValue(text)} but it must be a non-empty string in x, like 'x / (1 + exp(-x))'`,
    );
  }
  const name = options.name ?? text.trim();
  if (typeof name !== 'string' || name.trim() === '') {
    throw new ValueError(`${where}: name is ${describeValue(name)} but it must be a non-empty string`);
  }
  if (text.length > ACTIVATION_FORMULA_LIMITS.length) {
    throw new ValueError(
      `${where}: the formula has ${text.length} characters but a formula may have at most ${ACTIVATION_FORMULA_LIMITS.length} (ACTIVATION_FORMULA_LIMITS.length)`,
    );
  }
  const formula = text.trim();
  const shown = JSON.stringify(formula.length > 60 ? `${formula.slice(0, 60)}…` : formula);
  const tooDeep = `${shown} is nested more than ${ACTIVATION_FORMULA_LIMITS.depth} levels deep (ACTIVATION_FORMULA_LIMITS.depth)`;
  if (bracketDepth(formula) > ACTIVATION_FORMULA_LIMITS.depth) throw new ValueError(`${where}: ${tooDeep}`);
  checkWordSizes(formula, shown, where);
  const math = formulaMathjs(where);

  let expression: MathNode;
  try {
    expression = math.parse(formula);
  } catch (error) {
    if (error instanceof RangeError) throw new ValueError(`${where}: ${tooDeep}`); // the parser's stack ran out
    throw new ValueError(`${where}: mathjs cannot parse ${shown} (${(error as Error).message})`);
  }
  checkTree(expression, shown, where, tooDeep);
  const derivativeExpression = derivative(expression, ACTIVATION_FORMULA_LIMITS.derivativeNodes, where, formula);
  checkEvaluationCost(expression, 'g(x)', shown, where);
  checkEvaluationCost(derivativeExpression, 'its derivative g′(x)', shown, where);

  return {
    name,
    f: compile(expression.compile(), `${name}: g`),
    df: compile(derivativeExpression.compile(), `${name}: g′`),
    expression,
    derivativeExpression,
    spec: { name, expression: formula },
  };
}

/** Refuses a tree of more than ACTIVATION_FORMULA_LIMITS.evaluationNodes nodes: a network evaluates it once per entry. */
function checkEvaluationCost(tree: MathNode, which: string, shown: string, where: string): void {
  const nodes = treeSize(tree);
  if (nodes > ACTIVATION_FORMULA_LIMITS.evaluationNodes) {
    throw new ValueError(
      `${where}: ${shown}: ${which} has ${nodes} nodes but at most ${ACTIVATION_FORMULA_LIMITS.evaluationNodes} are evaluated per entry (ACTIVATION_FORMULA_LIMITS.evaluationNodes: each costs about 40 ns, every entry of every layer, every epoch)`,
    );
  }
}

/**
 * mathjs reads a word size after a binary, octal or hexadecimal number: 0xffi8 is the signed
 * 8-bit integer −1, not 255. A formula's numbers mean what they say, so such a suffix is refused.
 */
function checkWordSizes(formula: string, shown: string, where: string): void {
  for (const match of formula.matchAll(/\b0[box][0-9a-zA-Z]*(\.[0-9a-zA-Z]*)?/g)) {
    const suffix = /i\d*/.exec(match[0]);
    if (suffix !== null) {
      throw new ValueError(
        `${where}: ${shown} has ${match[0]}, whose suffix ${suffix[0]} makes mathjs read a word-size integer (0xffi8 is −1) but a formula's numbers are plain: write ${match[0].slice(0, suffix.index)} or its decimal value`,
      );
    }
  }
}

/** The deepest nesting of brackets in the text: checked before parsing, whose recursion follows it. */
function bracketDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const char of text) {
    if (char === '(' || char === '[' || char === '{') deepest = Math.max(deepest, ++depth);
    else if (char === ')' || char === ']' || char === '}') depth--;
  }
  return deepest;
}

type Node = MathNode & {
  type: string;
  value?: unknown;
  name?: string;
  fn?: unknown;
  args?: MathNode[];
  content?: MathNode;
};

/** The operators a formula may use, by mathjs's name for them. */
const OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus']);

/** What a node that is not scalar maths is, for the message. */
const KINDS: Record<string, string> = {
  AccessorNode: 'a property access',
  ArrayNode: 'a matrix',
  AssignmentNode: 'an assignment',
  BlockNode: 'several statements',
  ConditionalNode: 'a condition',
  FunctionAssignmentNode: 'a function definition',
  ObjectNode: 'an object',
  RangeNode: 'a range',
  RelationalNode: 'a comparison',
};

/**
 * Throws unless every node is a finite number, x, a constant, an allowed
 * operator or a call of an allowed function with one argument, within
 * ACTIVATION_FORMULA_LIMITS.depth; free symbols are collected and named together.
 */
function checkTree(root: MathNode, shown: string, where: string, tooDeep: string): void {
  const allowed = `a formula may use only numbers, x, the constants ${ACTIVATION_FORMULA_CONSTANTS.join(', ')}, + - * / ^ and the functions ${ACTIVATION_FORMULA_FUNCTIONS.join(', ')}`;
  const refuse = (part: string) => {
    throw new ValueError(`${where}: ${shown} has ${part} but ${allowed}`);
  };
  const text = (node: MathNode) => {
    const t = node.toString();
    return JSON.stringify(t.length > 40 ? `${t.slice(0, 40)}…` : t);
  };
  const free = new Set<string>();
  const walk = (node: MathNode, depth: number): void => {
    if (depth > ACTIVATION_FORMULA_LIMITS.depth) throw new ValueError(`${where}: ${tooDeep}`);
    const n = node as Node;
    switch (n.type) {
      case 'ConstantNode':
        if (typeof n.value !== 'number')
          refuse(`the ${typeof n.value === 'string' ? 'string' : 'value'} ${text(node)}`);
        if (!Number.isFinite(n.value)) refuse(`the number ${text(node)}, which is not a finite float64`);
        return;
      case 'SymbolNode':
        if (n.name !== 'x' && !ACTIVATION_FORMULA_CONSTANTS.includes(n.name as string)) free.add(n.name as string);
        return;
      case 'ParenthesisNode':
        walk(n.content as MathNode, depth + 1);
        return;
      case 'OperatorNode':
        if (!OPERATORS.has(n.fn as string)) refuse(`the operator ${(n as { op?: string }).op} in ${text(node)}`);
        for (const arg of n.args as MathNode[]) walk(arg, depth + 1);
        return;
      case 'FunctionNode': {
        const fn = n.fn as Node;
        const called = fn.type === 'SymbolNode' ? (fn.name as string) : undefined;
        if (called === undefined || !ACTIVATION_FORMULA_FUNCTIONS.includes(called)) {
          throw new ValueError(
            `${where}: ${shown} calls ${called ?? text(fn)} but a formula may call only ${ACTIVATION_FORMULA_FUNCTIONS.join(', ')} (ACTIVATION_FORMULA_FUNCTIONS)`,
          );
        }
        const args = n.args as MathNode[];
        if (args.length !== 1)
          refuse(`${called} with ${args.length} arguments in ${text(node)} (each function takes one)`);
        walk(args[0], depth + 1);
        return;
      }
      default:
        refuse(`${KINDS[n.type] ?? `a ${n.type}`} ${text(node)}`);
    }
  };
  walk(root, 1);
  if (free.size > 0) {
    const list = [...free].join(', ');
    throw new ValueError(
      `${where}: ${shown} has the free ${free.size === 1 ? 'symbol' : 'symbols'} ${list} but an activation's formula may use only x (and the constants ${ACTIVATION_FORMULA_CONSTANTS.join(', ')})`,
    );
  }
}

/** A compiled mathjs tree as a function of one number that refuses to return anything but a finite number. */
function compile(code: EvalFunction, label: string): (z: number) => number {
  const scope = new Map<string, number>(); // one scope, reused: a Map is mathjs's fastest scope
  return (z: number): number => {
    scope.set('x', z);
    const value: unknown = code.evaluate(scope);
    if (Number.isFinite(value)) return value as number; // false for anything but a finite number
    const shown = typeof value === 'number' ? String(value) : `${String(value)} (not a real number)`;
    throw new ValueError(`${label}(${z}) is ${shown} but an activation must give finite real numbers`);
  };
}
