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
 */
import { ValueError, describeValue } from '../core/errors.js';
import { forwardBlock } from '../core/forward.js';
import { Matrix, type MatrixInput } from '../core/matrix.js';
import { Network } from '../core/network.js';
import { checkNumber, checkOptions } from '../core/validate.js';
import { type LossOption, Workspace, chooseLoss, checkData, gradients, outputLayer } from './backprop.js';
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
}

/** What `gradientCheck` returns: the worst relative error, and each layer's. */
export interface GradientCheck {
  /** The worst relative error over every weight and bias. */
  maxRelativeError: number;
  layers: LayerCheck[];
}

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
  return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), floor);
}

/**
 * Compares `gradients(net, X, Y)` with (five-point) central differences on every weight and bias.
 * X: inputs × m, Y: outputs × m. The network is not changed (a copy is nudged).
 * Options: `loss`, `epsilon` (ε of the differences) and `floor` (of relativeError); defaults in GRADIENT_CHECK_DEFAULTS.
 * @example gradientCheck(new Network({ layers: [2, 3, 1], hidden: 'tanh' }), [[1], [2]], [[0.5]]).maxRelativeError < 1e-6 //=> true
 */
export function gradientCheck(
  net: Network,
  X: MatrixInput,
  Y: MatrixInput,
  options: { loss?: LossOption; epsilon?: number; floor?: number } = {},
): GradientCheck {
  const where = 'gradientCheck';
  options = checkOptions(options, GRADIENT_CHECK_DEFAULTS, where);
  const data = checkData(net, X, Y, where);
  const epsilon = options.epsilon ?? GRADIENT_CHECK_DEFAULTS.epsilon;
  if (typeof epsilon !== 'number' || !(epsilon > 0) || !Number.isFinite(epsilon)) {
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
  const analytic = gradients(net, data.X, data.Y, { loss });

  // A copy (fromWeights copies), with the same activation objects: the caller's network never moves.
  const nudged = Network.fromWeights(
    net.layers.map(({ weights, biases, activation }) => ({ weights, biases, activation })),
  );
  const m = data.X.cols;
  const ws = new Workspace(nudged.sizes, m);
  const L = (): number => {
    forwardBlock(nudged.layers, data.X.data, m, 0, m, ws.layers);
    return outputDelta(loss, outputLayer(nudged.layers, ws, m), data.Y.data) / m;
  };
  const slope = (theta: Float64Array, k: number): number => {
    const saved = theta[k];
    const at = (h: number) => {
      theta[k] = saved + h;
      return L();
    };
    const [up2, up, down, down2] = [at(2 * epsilon), at(epsilon), at(-epsilon), at(-2 * epsilon)];
    theta[k] = saved;
    return (-up2 + 8 * up - 8 * down + down2) / (12 * epsilon); // (−L(θ+2ε) + 8L(θ+ε) − 8L(θ−ε) + L(θ−2ε)) / 12ε
  };

  const layers = nudged.layers.map((layer, l): LayerCheck => {
    const numericDW = new Matrix(layer.weights.rows, layer.weights.cols);
    const numericDb = new Matrix(layer.biases.rows, 1);
    let worst = 0;
    const { dW, db } = analytic.layers[l];
    for (let k = 0; k < numericDW.data.length; k++) {
      numericDW.data[k] = slope(layer.weights.data, k);
      worst = Math.max(worst, relativeError(dW.data[k], numericDW.data[k], floor));
    }
    for (let k = 0; k < numericDb.data.length; k++) {
      numericDb.data[k] = slope(layer.biases.data, k);
      worst = Math.max(worst, relativeError(db.data[k], numericDb.data[k], floor));
    }
    return { layer: l + 1, dW, db, numericDW, numericDb, maxRelativeError: worst };
  });
  return { maxRelativeError: Math.max(...layers.map((c) => c.maxRelativeError)), layers };
}
