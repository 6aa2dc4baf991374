/**
 * Optimizers: how a gradient becomes a step. Each parameter θ (every weight
 * and every bias) with gradient g moves by one of three rules, the ones
 * tf.train.sgd / momentum / adam and PyTorch use:
 *
 *   sgd        θ ← θ − η·g
 *   momentum   v ← β·v + g;                θ ← θ − η·v
 *   adam       m ← β₁·m + (1 − β₁)·g;      v ← β₂·v + (1 − β₂)·g²;   t ← t + 1
 *              θ ← θ − η·m̂ / (√v̂ + ε),    m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)   (bias correction)
 *
 * What an optimizer remembers between steps (v, or m and v, and t) is its
 * `state`; `toJSON()` saves it and `optimizerFromJSON` restores it, so a
 * training run can stop and resume with the same result, bit for bit.
 */
import { ShapeError, ValueError, describeValue, plural } from '../core/errors.js';
import { Matrix } from '../core/matrix.js';
import { parseJSON, writeNumber } from '../core/serialize.js';
import type { JSONNumber, Layer } from '../core/types.js';
import { type NumberRule, checkNumber, checkOptions, checkWholeNumber } from '../core/validate.js';
import type { LayerGradients } from './backprop.js';

/** What an optimizer remembers between steps: the step count t and one array per parameter array and moment. */
export interface OptimizerState {
  steps: number;
  /** Moment arrays in the order W¹, b¹, W², b², … (adam: all m, then all v). Empty before the first step. */
  slots: Float64Array[];
}

/** The built-in optimizers by name. */
export type OptimizerName = 'sgd' | 'momentum' | 'adam';

/** An optimizer's JSON: its settings and its state (numbers as in NetworkJSON, "-0" for −0). */
export interface OptimizerJSON {
  format: 'feedforward-optimizer';
  version: 1;
  name: OptimizerName;
  learningRate: number;
  beta?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  steps: number;
  slots: JSONNumber[][];
}

/** An optimizer: `step` moves every weight and bias against its gradient; `state` and `toJSON` let training stop and resume. */
export interface Optimizer {
  readonly name: OptimizerName;
  readonly learningRate: number;
  /** Live state; `fit` copies it before each step so a failed step can be undone. */
  readonly state: OptimizerState;
  /** Moves every weight and bias of `layers` (in place) by its gradient in `grads`. */
  step(layers: readonly Layer[], grads: readonly LayerGradients[]): void;
  /** Settings and state, for saving a training run. */
  toJSON(): OptimizerJSON;
}

/** η, the one default learning rate: every optimizer's, and fit's (FIT_DEFAULTS). */
const LEARNING_RATE = 0.01;

/**
 * Every default of each optimizer, written once (those of tf.train.adam and PyTorch, ε as PyTorch's);
 * each optimizer's entry lists all the options it takes.
 */
export const OPTIMIZER_DEFAULTS = Object.freeze({
  sgd: Object.freeze({ learningRate: LEARNING_RATE }),
  momentum: Object.freeze({ learningRate: LEARNING_RATE, beta: 0.9 }),
  adam: Object.freeze({ learningRate: LEARNING_RATE, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }),
});

/** One rule: how the parameter arrays move, given their gradients and the state arrays. */
type Rule = (theta: Float64Array[], g: Float64Array[], state: OptimizerState) => void;

const positive: NumberRule = { test: (x) => x > 0, says: 'a number > 0' };
const fraction: NumberRule = { test: (x) => x >= 0 && x < 1, says: 'a number from 0 up to (not including) 1' };

/** Builds an optimizer from its rule; `slotsPerParameter` moment arrays are kept per parameter array. */
function makeOptimizer(
  settings: Omit<OptimizerJSON, 'format' | 'version' | 'steps' | 'slots'>,
  slotsPerParameter: number,
  rule: Rule,
  state: OptimizerState = { steps: 0, slots: [] },
): Optimizer {
  const where = `${settings.name}.step`;
  return {
    ...settings,
    state,
    step(layers, grads) {
      if (!Array.isArray(layers) || !Array.isArray(grads)) {
        throw new ShapeError(
          `${where}: got layers ${describeValue(layers)} and grads ${describeValue(grads)} but both must be lists (net.layers, and one { dW, db } per layer)`,
        );
      }
      if (grads.length !== layers.length) {
        throw new ShapeError(
          `${where}: the network has ${plural(layers.length, 'layer')} but ${grads.length} gradients came (one { dW, db } per layer)`,
        );
      }
      const theta: Float64Array[] = [];
      const g: Float64Array[] = [];
      layers.forEach((layer, l) => {
        const { dW, db } = grads[l] ?? {};
        if (!(dW instanceof Matrix) || !(db instanceof Matrix)) {
          throw new ShapeError(
            `${where}: the gradients of layer ${l + 1} are ${describeValue(grads[l])} but must be { dW, db } matrices`,
          );
        }
        if (dW.rows !== layer.weights.rows || dW.cols !== layer.weights.cols || db.rows !== layer.biases.rows) {
          throw new ShapeError(`${where}: layer ${l + 1}'s gradients do not have the shapes of its weights and biases`);
        }
        theta.push(layer.weights.data, layer.biases.data);
        g.push(dW.data, db.data);
      });
      if (state.slots.length === 0 && slotsPerParameter > 0) {
        for (let s = 0; s < slotsPerParameter; s++) for (const p of theta) state.slots.push(new Float64Array(p.length)); // moments start at 0
      }
      const expected = slotsPerParameter * theta.length;
      if (
        state.slots.length !== expected ||
        state.slots.some((slot, s) => slot.length !== theta[s % theta.length].length)
      ) {
        throw new ShapeError(
          `${where}: the saved state has ${plural(state.slots.length, 'array')} that do not fit this network (it needs ${expected}, shaped like W¹, b¹, W², b², …)`,
        );
      }
      rule(theta, g, state);
    },
    toJSON() {
      return {
        format: 'feedforward-optimizer',
        version: 1,
        ...settings,
        steps: state.steps,
        slots: state.slots.map((slot) => Array.from(slot, writeNumber)),
      };
    },
  };
}

/**
 * Plain gradient descent: θ ← θ − η·g. (Every optimizer takes an optional saved `state` second,
 * as `optimizerFromJSON` passes it; a new one starts from zero moments.) Defaults: OPTIMIZER_DEFAULTS.sgd (η = 0.01).
 * @example sgd({ learningRate: 0.1 }).learningRate //=> 0.1
 */
export function sgd(options?: { learningRate?: number }, state?: OptimizerState): Optimizer {
  const D = OPTIMIZER_DEFAULTS.sgd;
  const given = checkOptions(options, D, 'sgd');
  const eta = checkNumber(given.learningRate ?? D.learningRate, 'sgd', 'learningRate', positive);
  return makeOptimizer(
    { name: 'sgd', learningRate: eta },
    0,
    (theta, g, s) => {
      for (let p = 0; p < theta.length; p++) {
        const w = theta[p],
          dw = g[p];
        for (let n = 0; n < w.length; n++) w[n] -= eta * dw[n]; // θ ← θ − η·g
      }
      s.steps++;
    },
    state,
  );
}

/**
 * Gradient descent with momentum (tf.train.momentum, PyTorch SGD's momentum): v ← β·v + g, θ ← θ − η·v.
 * Defaults: OPTIMIZER_DEFAULTS.momentum (η = 0.01, β = 0.9).
 * @example momentum({ learningRate: 0.1, beta: 0.9 }).name //=> 'momentum'
 */
export function momentum(options?: { learningRate?: number; beta?: number }, state?: OptimizerState): Optimizer {
  const D = OPTIMIZER_DEFAULTS.momentum;
  const given = checkOptions(options, D, 'momentum');
  const eta = checkNumber(given.learningRate ?? D.learningRate, 'momentum', 'learningRate', positive);
  const beta = checkNumber(given.beta ?? D.beta, 'momentum', 'beta', fraction);
  return makeOptimizer(
    { name: 'momentum', learningRate: eta, beta },
    1,
    (theta, g, s) => {
      for (let p = 0; p < theta.length; p++) {
        const w = theta[p],
          dw = g[p],
          v = s.slots[p];
        for (let n = 0; n < w.length; n++) {
          v[n] = beta * v[n] + dw[n]; // v ← β·v + g
          w[n] -= eta * v[n]; // θ ← θ − η·v
        }
      }
      s.steps++;
    },
    state,
  );
}

/**
 * βᵗ as a running product β·β·…·β (t factors), cached so that each step costs
 * one multiplication. Each product is one IEEE multiplication, rounded the same
 * in every JavaScript engine; `β ** t` is not: Node 20 gives 0.9 ** 4 =
 * 0.6561000000000001 and Chromium 0.6561, so Adam would train differently in the
 * playground than in Node. tf.train.adam keeps the same running product.
 * @example powerOf(0.9)(4) //=> 0.6561000000000001 (((0.9 · 0.9) · 0.9) · 0.9, each product rounded)
 */
export function powerOf(beta: number): (t: number) => number {
  let t0 = 0;
  let power = 1; // β⁰
  return (t) => {
    if (t < t0) [t0, power] = [0, 1]; // a step undone (fit restores the state): count again
    for (; t0 < t; t0++) power *= beta;
    return power;
  };
}

/**
 * Adam (Kingma & Ba 2015) with bias correction, as tf.train.adam and PyTorch compute it.
 * Defaults: OPTIMIZER_DEFAULTS.adam (η = 0.01, β₁ = 0.9, β₂ = 0.999, ε = 1e-8).
 * @example adam({ learningRate: 0.001 }).toJSON().beta2 //=> 0.999
 */
export function adam(
  options?: { learningRate?: number; beta1?: number; beta2?: number; epsilon?: number },
  state?: OptimizerState,
): Optimizer {
  const D = OPTIMIZER_DEFAULTS.adam;
  const given = checkOptions(options, D, 'adam');
  const eta = checkNumber(given.learningRate ?? D.learningRate, 'adam', 'learningRate', positive);
  const beta1 = checkNumber(given.beta1 ?? D.beta1, 'adam', 'beta1', fraction);
  const beta2 = checkNumber(given.beta2 ?? D.beta2, 'adam', 'beta2', fraction);
  const epsilon = checkNumber(given.epsilon ?? D.epsilon, 'adam', 'epsilon', positive);
  const [beta1Power, beta2Power] = [powerOf(beta1), powerOf(beta2)];
  return makeOptimizer(
    { name: 'adam', learningRate: eta, beta1, beta2, epsilon },
    2,
    (theta, g, s) => {
      s.steps++; // t ← t + 1
      const correction1 = 1 - beta1Power(s.steps); // 1 − β₁ᵗ
      const correction2 = 1 - beta2Power(s.steps); // 1 − β₂ᵗ
      for (let p = 0; p < theta.length; p++) {
        const w = theta[p],
          dw = g[p],
          m = s.slots[p],
          v = s.slots[theta.length + p];
        for (let n = 0; n < w.length; n++) {
          m[n] = beta1 * m[n] + (1 - beta1) * dw[n]; // m ← β₁·m + (1 − β₁)·g
          v[n] = beta2 * v[n] + (1 - beta2) * dw[n] * dw[n]; // v ← β₂·v + (1 − β₂)·g²
          w[n] -= (eta * (m[n] / correction1)) / (Math.sqrt(v[n] / correction2) + epsilon); // θ ← θ − η·m̂/(√v̂ + ε)
        }
      }
    },
    state,
  );
}

/**
 * The optimizer an option names ('sgd', 'momentum', 'adam') with this learning rate, or the object itself.
 * @example resolveOptimizer('momentum', 0.1, 'fit').learningRate //=> 0.1
 */
export function resolveOptimizer(spec: unknown, learningRate: number | undefined, where: string): Optimizer {
  if (typeof spec === 'object' && spec !== null) {
    checkOptimizerObject(spec, where);
    if (learningRate !== undefined) {
      throw new ValueError(
        `${where}: learningRate ${learningRate} was given but the optimizer object has its own (${(spec as Optimizer).learningRate}); set it when creating the optimizer`,
      );
    }
    return spec as Optimizer;
  }
  const makers = { sgd, momentum, adam };
  if (typeof spec !== 'string' || !Object.hasOwn(makers, spec)) {
    throw new ValueError(
      `${where}: optimizer ${describeValue(spec)} is unknown (expected 'sgd', 'momentum', 'adam', or an optimizer object)`,
    );
  }
  return makers[spec as OptimizerName]({ learningRate });
}

/**
 * Checks a hand-made optimizer at the door: everything fit reads or calls
 * (step, toJSON, learningRate, state.steps, state.slots), all missing parts listed.
 * @example checkOptimizerObject(sgd(), 'fit').name //=> 'sgd'
 */
export function checkOptimizerObject(spec: object, where: string): Optimizer {
  const o = spec as Record<string, unknown>;
  const state = o.state as Record<string, unknown> | null | undefined;
  const missing: string[] = [];
  if (typeof o.step !== 'function') missing.push('step()');
  if (typeof o.toJSON !== 'function') missing.push('toJSON()');
  if (!Number.isFinite(o.learningRate) || (o.learningRate as number) <= 0) missing.push('learningRate (a number > 0)');
  if (typeof state !== 'object' || state === null) missing.push('state ({ steps, slots })');
  else {
    if (!Number.isInteger(state.steps) || (state.steps as number) < 0) missing.push('state.steps (a whole number)');
    if (!Array.isArray(state.slots)) missing.push('state.slots (a list of Float64Arrays)');
  }
  if (missing.length > 0) {
    throw new ValueError(
      `${where}: the optimizer object lacks ${missing.join(', ')} (make one with sgd(), momentum() or adam())`,
    );
  }
  return spec as Optimizer;
}

/**
 * The optimizer a `toJSON()` describes, with its state, ready to continue where it stopped.
 * @example optimizerFromJSON(adam().toJSON()).name //=> 'adam'
 */
export function optimizerFromJSON(json: OptimizerJSON | string): Optimizer {
  const where = 'optimizerFromJSON';
  const data = (typeof json === 'string' ? parseJSON(json, where) : json) as Partial<OptimizerJSON> | null;
  if (typeof data !== 'object' || data === null || data.format !== 'feedforward-optimizer' || data.version !== 1) {
    throw new ValueError(
      `${where}: got ${describeValue(data)} but expected the object an optimizer's toJSON() returns (format "feedforward-optimizer", version 1)`,
    );
  }
  const steps = checkWholeNumber(data.steps, where, 'steps', 0);
  if (!Array.isArray(data.slots))
    throw new ValueError(`${where}: slots is ${describeValue(data.slots)} but must be a list of arrays`);
  const slots = data.slots.map((slot, s) => {
    if (!Array.isArray(slot))
      throw new ValueError(`${where}: slot ${s + 1} is ${describeValue(slot)} but must be an array of numbers`);
    return Float64Array.from(slot, (x, n) => checkNumber(x === '-0' ? -0 : x, where, `slot ${s + 1} entry ${n + 1}`));
  });
  const state = { steps, slots };
  // Only the settings go on to the optimizer, whose options are checked as a user's would be.
  const { learningRate, beta, beta1, beta2, epsilon } = data;
  switch (data.name) {
    case 'sgd':
      return sgd({ learningRate }, state);
    case 'momentum':
      return momentum({ learningRate, beta }, state);
    case 'adam':
      return adam({ learningRate, beta1, beta2, epsilon }, state);
    default:
      throw new ValueError(
        `${where}: optimizer ${describeValue(data.name)} is unknown (expected 'sgd', 'momentum' or 'adam')`,
      );
  }
}
