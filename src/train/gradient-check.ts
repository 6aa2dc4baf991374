/**
 * Gradient checking: backpropagation's answer compared with the slope measured
 * by nudging each weight, as convnetjs and cs231n do.
 *
 *   ∂L/∂θ ≈ (L(θ + ε) − L(θ − ε)) / 2ε        (central difference, error O(ε²))
 *
 * Here with the five-point central difference, whose error is O(ε⁴):
 *
 *   ∂L/∂θ ≈ (−L(θ + 2ε) + 8·L(θ + ε) − 8·L(θ − ε) + L(θ − 2ε)) / 12ε
 *
 * so ε can be large enough (1e-3) that rounding in L hardly shows, and
 * gradients as small as 1e-6 still agree to better than 1e-7 relative.
 * If the two agree that well, the chain rule was coded right.
 *
 * Kinks: a ReLU bends where z = 0, and a difference whose nudges take some z
 * across 0 measures the average slope of two different lines, not a
 * derivative. So every nudged pass records which side of 0 each ReLU (and
 * leaky ReLU) z is on, in every layer; an entry whose nudges change any of
 * them is left out of the comparison and counted in `skipped`.
 */
import { ValueError, describeValue } from '../core/errors.js';
import { forwardBlock } from '../core/forward.js';
import { Matrix, type MatrixInput } from '../core/matrix.js';
import { copyLayers } from '../core/layers.js';
import { type NetworkLayers, sizesOf } from '../core/types.js';
import { checkNumber, checkOptions } from '../core/validate.js';
import { type LossOption, Workspace, chooseLoss, checkData, gradientsAt, outputLayer } from './backprop.js';
import { outputDelta } from './losses.js';

/** One layer's comparison: the backpropagated and the numerical gradients and their worst disagreement. */
export interface LayerCheck {
  /** The layer's number, counting from 1. */
  layer: number;
  dW: Matrix;
  db: Matrix;
  numericDW: Matrix;
  numericDb: Matrix;
  maxRelativeError: number;
  /** How many of this layer's weights and biases were left out (their nudges crossed a kink). */
  skipped: number;
}

/** What `gradientCheck` returns: the worst relative error, and each layer's. */
export interface GradientCheck {
  /** The worst relative error over every weight and bias compared (the skipped ones left out). */
  maxRelativeError: number;
  layers: LayerCheck[];
  /** How many weights and biases were left out because their nudges crossed a kink. */
  skipped: number;
  /** Why they were left out (undefined when none was). */
  skippedBecause?: string;
}

/** The reason `gradientCheck` gives for the entries it leaves out. */
export const KINK_REASON =
  "a nudge of ±ε (or ±2ε) moved some ReLU's z across 0, so the difference measured the average slope of two lines, not a derivative";

/** Every default of gradientCheck, written once; its keys are all of gradientCheck's options. */
export const GRADIENT_CHECK_DEFAULTS = Object.freeze({
  loss: 'auto',
  epsilon: 1e-3,
  /** Gradients smaller than this are compared absolutely: a relative error of two near-zeros means nothing. */
  floor: 1e-6,
} as const);

/**
 * |a − n| / max(|a|, |n|, floor): the relative disagreement of an analytic and a numerical derivative.
 * @example relativeError(1.0, 1.001) //=> 0.000999…
 */
export function relativeError(
  analytic: number,
  numeric: number,
  floor: number = GRADIENT_CHECK_DEFAULTS.floor,
): number {
  const where = 'relativeError';
  checkNumber(analytic, where, 'analytic');
  checkNumber(numeric, where, 'numeric');
  checkNumber(floor, where, 'floor', { test: (x) => x > 0, says: 'a small number > 0, such as 1e-6' });
  const scale = Math.max(Math.abs(analytic), Math.abs(numeric), floor);
  const error = Math.abs(analytic - numeric) / scale;
  return Number.isFinite(error) ? error : Math.abs(analytic / scale - numeric / scale); // a − n overflowed: ≤ 2 once scaled
}

/**
 * Compares `gradients(net, X, Y)` with (five-point) central differences on every weight and bias.
 * X: inputs × m, Y: outputs × m. The network is not changed (a copy is nudged).
 * Options: `loss`, `epsilon` (ε of the differences) and `floor` (of relativeError); defaults in GRADIENT_CHECK_DEFAULTS.
 * @example gradientCheck(new Network({ layers: [2, 3, 1], hidden: 'tanh' }), [[1], [2]], [[0.5]]).maxRelativeError < 1e-6 //=> true
 */
export function gradientCheck(
  net: NetworkLayers,
  X: MatrixInput,
  Y: MatrixInput,
  options: { loss?: LossOption; epsilon?: number; floor?: number } = {},
): GradientCheck {
  const where = 'gradientCheck';
  options = checkOptions(options, GRADIENT_CHECK_DEFAULTS, where);
  const data = checkData(net, X, Y, where);
  const epsilon = options.epsilon ?? GRADIENT_CHECK_DEFAULTS.epsilon;
  if (!Number.isFinite(epsilon) || epsilon <= 0) {
    throw new ValueError(
      `${where}: epsilon is ${describeValue(epsilon)} but it must be a small number > 0, such as 1e-3`,
    );
  }
  const floor = checkNumber(options.floor ?? GRADIENT_CHECK_DEFAULTS.floor, where, 'floor', {
    test: (x) => x > 0,
    says: 'a small number > 0, such as 1e-6',
  });
  const output = net.layers[net.layers.length - 1].activation;
  const loss = chooseLoss(options.loss ?? GRADIENT_CHECK_DEFAULTS.loss, output, where);
  // Throws unless the loss and every dW, db are finite; L() at θ below repeats the same pass on the same weights.
  const analytic = gradientsAt(net, data.X, data.Y, { loss }, where);

  // A copy, with the same activation objects: the caller's network never moves.
  const nudged = { layers: copyLayers(net.layers) };
  const m = data.X.cols;
  const ws = new Workspace(sizesOf(nudged), m);
  // The layers whose activation has a kink at z = 0, and which side of 0 each of their z is on at θ.
  const kinked = nudged.layers.flatMap((layer, l) =>
    layer.activation.name === 'relu' || layer.activation.name === 'leakyRelu' ? [l] : [],
  );
  let crossed = false; // set by L() when a z of a kinked layer is on the other side of 0 than at θ
  let sides: Uint8Array[] = [];
  const L = (): number => {
    forwardBlock(nudged.layers, data.X.data, m, 0, m, ws.layers);
    for (let n = 0; n < kinked.length && !crossed; n++) {
      const Z = ws.layers[kinked[n]].Z;
      const side = sides[n];
      for (let k = 0; k < side.length; k++) {
        if ((Z[k] > 0 ? 1 : 0) !== side[k]) {
          crossed = true;
          break;
        }
      }
    }
    return outputDelta(loss, outputLayer(nudged.layers, ws, m), data.Y.data) / m;
  };
  forwardBlock(nudged.layers, data.X.data, m, 0, m, ws.layers);
  sides = kinked.map((l) =>
    Uint8Array.from(ws.layers[l].Z.subarray(0, nudged.layers[l].weights.rows * m), (z) => (z > 0 ? 1 : 0)),
  );
  /** The five-point slope of L along θ[k]; `crossed` tells whether a nudge crossed a kink. */
  const slope = (theta: Float64Array, k: number): number => {
    const saved = theta[k];
    const at = (h: number) => {
      theta[k] = saved + h;
      return L();
    };
    crossed = false;
    const [up2, up, down, down2] = [at(2 * epsilon), at(epsilon), at(-epsilon), at(-2 * epsilon)];
    theta[k] = saved;
    const value = (-up2 + 8 * up - 8 * down + down2) / (12 * epsilon); // (−L(θ+2ε) + 8L(θ+ε) − 8L(θ−ε) + L(θ−2ε)) / 12ε
    if (!Number.isFinite(value)) {
      throw new ValueError(
        `${where}: a nudged loss is not finite (ε = ${epsilon} is too large for these weights); try a smaller epsilon`,
      );
    }
    return value;
  };
  let skipped = 0;

  const layers = nudged.layers.map((layer, l): LayerCheck => {
    const numericDW = new Matrix(layer.weights.rows, layer.weights.cols);
    const numericDb = new Matrix(layer.biases.rows, 1);
    let worst = 0;
    const { dW, db } = analytic.layers[l];
    let left = 0;
    const compare = (theta: Float64Array, numeric: Float64Array, backprop: Float64Array) => {
      for (let k = 0; k < numeric.length; k++) {
        numeric[k] = slope(theta, k); // measured in any case; left out of the error when it straddles a kink
        if (crossed) left++;
        else worst = Math.max(worst, relativeError(backprop[k], numeric[k], floor));
      }
    };
    compare(layer.weights.data, numericDW.data, dW.data);
    compare(layer.biases.data, numericDb.data, db.data);
    skipped += left;
    return { layer: l + 1, dW, db, numericDW, numericDb, maxRelativeError: worst, skipped: left };
  });
  return {
    maxRelativeError: Math.max(...layers.map((c) => c.maxRelativeError)),
    layers,
    skipped,
    ...(skipped > 0 ? { skippedBecause: KINK_REASON } : {}),
  };
}
