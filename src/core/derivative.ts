/**
 * g′(x) from g(x), by the rules of a calculus textbook, for the formulas that
 * expression.ts accepts (numbers, x, constants, + − · / ^ and the functions of
 * ACTIVATION_FORMULA_FUNCTIONS):
 *
 *   (u + v)′ = u′ + v′        (u·v)′ = u′·v + u·v′       (u / v)′ = (u′·v − u·v′) / v²
 *   (uᶜ)′ = c·uᶜ⁻¹·u′         (cᵛ)′ = cᵛ·log(c)·v′       (uᵛ)′ = uᵛ·(v′·log(u) + v·u′ / u)
 *   f(u)′ = f′(u)·u′          (the chain rule, with f′ from the table below)
 *
 * Every node is made by one function that knows the size of the tree it
 * heads and refuses to go past a budget, so a formula whose derivative would
 * be huge is refused as soon as the derivative grows too big, in time
 * proportional to the formula (mathjs's own `derivative` simplifies with
 * rules whose cost grows exponentially: 21 terms of x + x + … took a second).
 * Obvious terms are folded as the tree is built (0·u = 0, 1·u = u, u + 0 = u,
 * u¹ = u, 2 − 1 = 1), so x² gives 2·x and not 2·x¹·1.
 */
import type { MathNode } from 'mathjs';
import { ValueError } from './errors.js';
import { formulaMathjs } from './mathjs-loader.js';

/** The nodes of a tree (shared subtrees counted each time they appear, as printing and compiling visit them). */
const sizes = new WeakMap<MathNode, number>();

/** Number of nodes in the tree under `node`. */
export function treeSize(node: MathNode): number {
  const known = sizes.get(node);
  if (known !== undefined) return known;
  let size = 1;
  for (const child of children(node)) size += treeSize(child);
  sizes.set(node, size);
  return size;
}

function children(node: MathNode): MathNode[] {
  const n = node as MathNode & { args?: MathNode[]; content?: MathNode };
  if (n.args) return n.args;
  if (n.content) return [n.content];
  return [];
}

type Node = MathNode & {
  type: string;
  value?: unknown;
  name?: string;
  op?: string;
  fn?: string | { name: string }; // an operator's name ("add"), or a call's function (a SymbolNode)
  args?: MathNode[];
  content?: MathNode;
};

/**
 * Builds g′(x) for a tree that passed expression.ts's checks, refusing to
 * build a tree of more than `maxNodes` nodes. `where` and `formula` start the message.
 * @example derivative((await loadMathjs()).parse('x^2'), 100, 'test', 'x^2').toString() //=> '2 * x'
 */
export function derivative(g: MathNode, maxNodes: number, where: string, formula: string): MathNode {
  const math = formulaMathjs(where);
  const made = (node: MathNode): MathNode => {
    const size = treeSize(node);
    if (size > maxNodes) {
      throw new ValueError(
        `${where}: the derivative of ${JSON.stringify(formula.length > 60 ? `${formula.slice(0, 60)}…` : formula)} grows past ${maxNodes} nodes (ACTIVATION_FORMULA_LIMITS.derivativeNodes: a formula must have a derivative of readable size)`,
      );
    }
    return node;
  };
  const constant = (value: number) => made(new math.ConstantNode(value));
  // expression.ts lets through only numeric constants, so a ConstantNode's value is a number
  const constantValue = (node: MathNode): number | undefined => {
    const n = node as Node;
    return n.type === 'ConstantNode' ? (n.value as number) : undefined;
  };
  const operator = (op: string, fn: string, args: MathNode[]) =>
    made(new math.OperatorNode(op as never, fn as never, args));
  const call = (name: string, u: MathNode) => made(new math.FunctionNode(new math.SymbolNode(name), [u]));

  const neg = (u: MathNode): MathNode => {
    const c = constantValue(u);
    if (c !== undefined) return constant(-c);
    const n = u as Node;
    if (n.fn === 'unaryMinus') return (n.args as MathNode[])[0]; // −(−u) = u
    return operator('-', 'unaryMinus', [u]);
  };
  const add = (u: MathNode, v: MathNode): MathNode => {
    const a = constantValue(u);
    const b = constantValue(v);
    if (a !== undefined && b !== undefined) return constant(a + b);
    if (a === 0) return v;
    if (b === 0) return u;
    if ((v as Node).fn === 'unaryMinus') return operator('-', 'subtract', [u, (v as Node).args?.[0] as MathNode]);
    return operator('+', 'add', [u, v]);
  };
  const sub = (u: MathNode, v: MathNode): MathNode => {
    const a = constantValue(u);
    const b = constantValue(v);
    if (a !== undefined && b !== undefined) return constant(a - b);
    if (b === 0) return u;
    if (a === 0) return neg(v);
    if ((v as Node).fn === 'unaryMinus') return operator('+', 'add', [u, (v as Node).args?.[0] as MathNode]);
    return operator('-', 'subtract', [u, v]);
  };
  const mul = (u: MathNode, v: MathNode): MathNode => {
    const a = constantValue(u);
    const b = constantValue(v);
    if (a !== undefined && b !== undefined) return constant(a * b);
    if (a === 0 || b === 0) return constant(0);
    if (a === 1) return v;
    if (b === 1) return u;
    if (a === -1) return neg(v);
    if (b === -1) return neg(u);
    if ((u as Node).fn === 'unaryMinus') return neg(mul((u as Node).args?.[0] as MathNode, v));
    if ((v as Node).fn === 'unaryMinus') return neg(mul(u, (v as Node).args?.[0] as MathNode));
    return operator('*', 'multiply', [u, v]);
  };
  const div = (u: MathNode, v: MathNode): MathNode => {
    if (constantValue(u) === 0) return constant(0);
    if (constantValue(v) === 1) return u;
    if ((u as Node).fn === 'unaryMinus') return neg(div((u as Node).args?.[0] as MathNode, v));
    return operator('/', 'divide', [u, v]);
  };
  const pow = (u: MathNode, v: MathNode): MathNode => {
    const b = constantValue(v);
    if (b === 1) return u;
    if (b === 0) return constant(1);
    return operator('^', 'pow', [u, v]);
  };
  const hasX = (node: MathNode): boolean => {
    const n = node as Node;
    if (n.type === 'SymbolNode') return n.name === 'x';
    return children(node).some(hasX);
  };

  /** f′(u) for each function a formula may call. */
  const outer: Record<string, (u: MathNode) => MathNode> = {
    exp: (u) => call('exp', u),
    expm1: (u) => call('exp', u),
    log: (u) => div(constant(1), u),
    log2: (u) => div(constant(1), mul(u, call('log', constant(2)))),
    log10: (u) => div(constant(1), mul(u, call('log', constant(10)))),
    log1p: (u) => div(constant(1), add(constant(1), u)),
    sqrt: (u) => div(constant(1), mul(constant(2), call('sqrt', u))),
    cbrt: (u) => div(constant(1), mul(constant(3), pow(call('cbrt', u), constant(2)))),
    abs: (u) => call('sign', u),
    sign: () => constant(0),
    sin: (u) => call('cos', u),
    cos: (u) => neg(call('sin', u)),
    tan: (u) => div(constant(1), pow(call('cos', u), constant(2))),
    asin: (u) => div(constant(1), call('sqrt', sub(constant(1), pow(u, constant(2))))),
    acos: (u) => neg(div(constant(1), call('sqrt', sub(constant(1), pow(u, constant(2)))))),
    atan: (u) => div(constant(1), add(constant(1), pow(u, constant(2)))),
    sinh: (u) => call('cosh', u),
    cosh: (u) => call('sinh', u),
    tanh: (u) => sub(constant(1), pow(call('tanh', u), constant(2))),
    asinh: (u) => div(constant(1), call('sqrt', add(pow(u, constant(2)), constant(1)))),
    acosh: (u) => div(constant(1), call('sqrt', sub(pow(u, constant(2)), constant(1)))),
    atanh: (u) => div(constant(1), sub(constant(1), pow(u, constant(2)))),
  };

  /** u without the parentheses the user typed (the printer puts back the ones that are needed). */
  const bare = (node: MathNode): MathNode => {
    const n = node as Node;
    return n.type === 'ParenthesisNode' ? bare(n.content as MathNode) : node;
  };

  const d = (node: MathNode): MathNode => {
    const n = bare(node) as Node;
    if (n.type === 'ConstantNode') return constant(0);
    if (n.type === 'SymbolNode') return constant(n.name === 'x' ? 1 : 0);
    const args = (n.args as MathNode[]).map(bare); // what is left is an operator or a call, which have args
    if (n.type === 'FunctionNode') {
      const name = (n.fn as { name: string }).name; // mathjs keeps a call's function as a SymbolNode
      return mul(outer[name](args[0]), d(args[0])); // chain rule (mul folds f′(u)·0 to 0)
    }
    const [u, v] = args;
    switch (n.fn) {
      case 'unaryPlus':
        return d(u);
      case 'unaryMinus':
        return neg(d(u));
      case 'add':
        return add(d(u), d(v));
      case 'subtract':
        return sub(d(u), d(v));
      case 'multiply':
        return add(mul(d(u), v), mul(u, d(v)));
      case 'divide': {
        const dv = d(v);
        if (constantValue(dv) === 0) return div(d(u), v); // (u / c)′ = u′ / c
        return div(sub(mul(d(u), v), mul(u, dv)), pow(v, constant(2)));
      }
      case 'pow': {
        if (!hasX(v)) {
          return mul(mul(v, pow(u, sub(v, constant(1)))), d(u)); // (uᶜ)′ = c·uᶜ⁻¹·u′ (sub folds 3 − 1 to 2)
        }
        if (!hasX(u)) return mul(mul(pow(u, v), call('log', u)), d(v)); // (cᵛ)′ = cᵛ·log(c)·v′
        return mul(pow(u, v), add(mul(d(v), call('log', u)), div(mul(v, d(u)), u)));
      }
    }
    throw new ValueError(
      `${where}: ${JSON.stringify(formula)} has ${n.type} ${String(n.fn)}, which has no derivative rule`,
    );
  };
  return d(g);
}
