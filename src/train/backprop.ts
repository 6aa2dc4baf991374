/**
 * Backpropagation: the chain rule, run backwards through the layers.
 *
 * For m samples (columns), layers l = L … 1, with Aᵀ the transpose:
 *
 *   dZᴸ = dℓ/dZᴸ                   from the loss (A − Y when the loss is paired with the output)
 *   dZˡ = dAˡ ⊙ g′(Zˡ)             activation.backward
 *   dWˡ = dZˡ·(Aˡ⁻¹)ᵀ / m          nOut × nIn, the same shape as Wˡ
 *   dbˡ = sumRows(dZˡ) / m         nOut × 1, the same shape as bˡ
 *   dAˡ⁻¹ = (Wˡ)ᵀ·dZˡ              nIn × m, handed to the layer before
 *
 * dZ and dA hold each sample's own derivative (column j is ∂ℓⱼ/∂Z); the 1/m
 * of the mean loss enters once, at dW and db.
 *
 * This file is the fast path: the same two loops serve `gradients` and `fit`,
 * over buffers allocated once (a Workspace) and reused for every minibatch; the
 * forward one is `Network.forward`'s own (core/forward.ts), keeping every Zˡ and Aˡ.
 * The loop to read is backward.ts, the same equations on whole matrices, one per
 * line: `backwardTrace` runs it, and its tests prove it gives these loops' bits.
 */
import type { Activation } from '../core/activations.js';
import { affineInto } from '../core/affine.js';
import { ShapeError, ValueError, plural } from '../core/errors.js';
import { forwardBlock } from '../core/forward.js';
import { Matrix, type MatrixInput, allocate, toMatrix } from '../core/matrix.js';
import { type Layer, type NetworkLayers, inputsOf, outputsOf, sizesOf } from '../core/types.js';
import { checkInputRows, checkNetwork, checkOptions, checkResult } from '../core/validate.js';
import { divideInPlace, sumRowsInto, transposeInto } from './backprop-loops.js';
import { type BackwardStep, backward } from './backward.js';
import {
  type Loss,
  type OutputLayer,
  checkPairing,
  checkProbabilities,
  outputDelta,
  resolveLoss,
  summedLoss,
} from './losses.js';

export type { BackwardStep } from './backward.js';

/** Which loss to use: a name, a Loss, or 'auto' (the default). */
export type LossOption = 'auto' | 'mse' | 'binaryCrossEntropy' | 'crossEntropy' | Loss;

/** Every default of `gradients` and `backwardTrace`, written once: the loss that suits the output. */
export const GRADIENTS_DEFAULTS = Object.freeze({ loss: 'auto' } as const);

/** ∂L/∂Wˡ and ∂L/∂bˡ of one weight layer, the same shapes as its weights and biases. */
export interface LayerGradients {
  dW: Matrix;
  db: Matrix;
}

/** What `gradients` returns: the mean loss and one LayerGradients per weight layer, first to last. */
export interface Gradients {
  loss: number;
  layers: LayerGradients[];
}

/**
 * The loss an option names; 'auto' picks the usual partner of the output activation:
 * crossEntropy after softmax, binaryCrossEntropy after sigmoid, mse otherwise.
 * @example chooseLoss('auto', softmax, 'fit').name //=> 'crossEntropy'
 */
export function chooseLoss(option: unknown, output: Activation, where: string): Loss {
  const name =
    option === 'auto'
      ? (({ softmax: 'crossEntropy', sigmoid: 'binaryCrossEntropy' } as const)[output.name as 'softmax'] ?? 'mse')
      : option;
  const loss = resolveLoss(name, where);
  checkPairing(loss, output, where);
  return loss;
}

/**
 * Checks X (inputs × samples) and Y (outputs × samples) against the network, returning them as matrices.
 * @example checkData(new Network({ layers: [2, 1] }), [[1], [2]], [[3]], 'fit').Y.shape //=> [1, 1]
 */
export function checkData(net: NetworkLayers, X: MatrixInput, Y: MatrixInput, where: string): { X: Matrix; Y: Matrix } {
  checkNetwork(net, where);
  const x = toMatrix(X, where, 'X');
  const y = toMatrix(Y, where, 'Y');
  checkInputRows(x.rows, inputsOf(net), where);
  if (y.rows !== outputsOf(net)) {
    throw new ShapeError(
      `${where}: Y has ${plural(y.rows, 'row')} but the network has ${plural(outputsOf(net), 'output')} (one row per output, one column per sample)`,
    );
  }
  if (y.cols !== x.cols) {
    throw new ShapeError(
      `${where}: X has ${plural(x.cols, 'sample')} (columns) but Y has ${y.cols} (one target column per sample)`,
    );
  }
  return { X: x, Y: y };
}

/** One layer's reusable buffers, sized for up to `capacity` samples. */
interface LayerBuffers {
  Z: Float64Array; // nOut × m
  A: Float64Array; // nOut × m
  dZ: Float64Array; // nOut × m
  dA: Float64Array; // nOut × m
  dW: Float64Array; // nOut × nIn
  db: Float64Array; // nOut
  inputT: Float64Array; // (Aˡ⁻¹)ᵀ: m × nIn
  WT: Float64Array; // (Wˡ)ᵀ: nIn × nOut
}

/**
 * Every buffer one forward and backward pass over up to `capacity` samples needs, allocated once.
 * @example new Workspace([2, 3, 1], 32).layers[0].dW.length //=> 6   (W¹ is 3 × 2)
 */
export class Workspace {
  readonly layers: LayerBuffers[];
  constructor(
    readonly sizes: readonly number[],
    readonly capacity: number,
  ) {
    this.layers = sizes.slice(1).map((nOut, l) => {
      const nIn = sizes[l];
      const block = () => allocate(nOut * capacity, 'Workspace'); // nOut × m, or a ValueError naming the size
      return {
        Z: block(),
        A: block(),
        dZ: block(),
        dA: block(),
        dW: new Float64Array(nOut * nIn),
        db: new Float64Array(nOut),
        inputT: allocate(capacity * nIn, 'Workspace'),
        WT: new Float64Array(nIn * nOut),
      };
    });
  }
}

/** The first `cols` samples' worth of a buffer holding `rows` rows: rows × cols, contiguous. */
function view(buffer: Float64Array, rows: number, cols: number): Float64Array {
  return buffer.subarray(0, rows * cols);
}

/**
 * The last layer's activation and its Zᴸ, Aᴸ, dAᴸ, dZᴸ in the workspace, for the first `cols` samples.
 * @example outputLayer(new Network({ layers: [2, 3, 1] }).layers, new Workspace([2, 3, 1], 8), 5).Z.length //=> 5
 */
export function outputLayer(layers: readonly Layer[], ws: Workspace, cols: number): OutputLayer {
  const last = layers.length - 1;
  const rows = layers[last].weights.rows;
  const { Z, A, dA, dZ } = ws.layers[last];
  const activation = layers[last].activation;
  return {
    activation,
    Z: view(Z, rows, cols),
    A: view(A, rows, cols),
    dA: view(dA, rows, cols),
    dZ: view(dZ, rows, cols),
    rows,
    cols,
  };
}

/**
 * Weighs each sample (fit's classWeights): column j of dZᴸ times wⱼ (ℓⱼ depends on column j alone, so this is ∂(wⱼ·ℓⱼ)/∂Zᴸ),
 * and returns Σⱼ wⱼ·ℓⱼ, each ℓⱼ measured on its own column as the unweighted sum measures them all.
 */
export function weighSamples(loss: Loss, top: OutputLayer, Y: Float64Array, w: Float64Array): number {
  const { rows, cols, dZ } = top;
  const one = { activation: top.activation, Z: new Float64Array(rows), A: new Float64Array(rows), rows, cols: 1 };
  const y = new Float64Array(rows);
  let sum = 0;
  for (let j = 0; j < cols; j++) {
    for (let i = 0; i < rows; i++) {
      dZ[i * cols + j] *= w[j];
      one.Z[i] = top.Z[i * cols + j];
      one.A[i] = top.A[i * cols + j];
      y[i] = Y[i * cols + j];
    }
    sum += w[j] * summedLoss(loss, one, y); // wⱼ·ℓⱼ
  }
  return sum;
}

/**
 * The backward pass after `forwardBlock` (core/forward.ts) on the same X: fills every dZˡ, dAˡ⁻¹,
 * dWˡ and dbˡ of the workspace and returns the summed loss Σⱼ ℓⱼ; with `weights` (one per sample, fit's
 * classWeights), Σⱼ wⱼ·ℓⱼ, and each column of dZᴸ is multiplied by its wⱼ. X: nIn × cols and Y: nOut × cols, contiguous.
 * Used as `backwardPass(net.layers, ws, X.data, Y.data, X.cols, mse) / X.cols`, the mean loss (ws then holds every dW, db).
 */
export function backwardPass(
  layers: readonly Layer[],
  ws: Workspace,
  X: Float64Array,
  Y: Float64Array,
  cols: number,
  loss: Loss,
  weights?: Float64Array,
): number {
  const m = cols;
  const last = layers.length - 1;
  const top = outputLayer(layers, ws, m);
  let lossSum = outputDelta(loss, top, Y); // dZᴸ
  if (weights) lossSum = weighSamples(loss, top, Y, weights); // dZᴸ's column j ×wⱼ; Σⱼ wⱼ·ℓⱼ
  for (let l = last; l >= 0; l--) {
    const { weights: W } = layers[l];
    const { rows: nOut, cols: nIn } = W;
    const buf = ws.layers[l];
    const dZ = view(buf.dZ, nOut, m);
    const input = l === 0 ? X : view(ws.layers[l - 1].A, nIn, m); // Aˡ⁻¹

    transposeInto(input, nIn, m, buf.inputT); // (Aˡ⁻¹)ᵀ: m × nIn
    affineInto(dZ, nOut, m, null, buf.inputT, nIn, 0, buf.dW, nIn, 0, nIn); // dZˡ·(Aˡ⁻¹)ᵀ
    divideInPlace(buf.dW, m); // dWˡ = dZˡ·(Aˡ⁻¹)ᵀ / m
    sumRowsInto(dZ, nOut, m, buf.db, m); // dbˡ = sumRows(dZˡ) / m

    if (l > 0) {
      const below = ws.layers[l - 1];
      const dA = view(below.dA, nIn, m);
      transposeInto(W.data, nOut, nIn, buf.WT); // (Wˡ)ᵀ: nIn × nOut
      affineInto(buf.WT, nIn, nOut, null, dZ, m, 0, dA, m, 0, m); // dAˡ⁻¹ = (Wˡ)ᵀ·dZˡ
      const activation = layers[l - 1].activation;
      activation.backward(view(below.Z, nIn, m), view(below.A, nIn, m), dA, view(below.dZ, nIn, m), nIn, m); // dZˡ⁻¹ = dAˡ⁻¹ ⊙ g′(Zˡ⁻¹)
    }
  }
  return lossSum;
}

/** The checks of `gradients` and `backwardTrace`: options, X and Y against the network, and the loss they name. */
function checkCall(
  net: NetworkLayers,
  X: MatrixInput,
  Y: MatrixInput,
  settings: { loss?: LossOption } | undefined,
  where: string,
) {
  const options = checkOptions(settings, GRADIENTS_DEFAULTS, where);
  const data = checkData(net, X, Y, where);
  const output = net.layers[net.layers.length - 1].activation;
  const loss = chooseLoss(options.loss ?? GRADIENTS_DEFAULTS.loss, output, where);
  checkProbabilities(loss, data.Y, where, 'Y'); // a cross-entropy of targets outside [0, 1] is no loss
  return { ...data, loss };
}

/** Throws unless the summed loss Σⱼ ℓⱼ over m samples is finite. */
function checkLoss(lossSum: number, m: number, where: string): void {
  if (Number.isFinite(lossSum)) return;
  throw new ValueError(
    `${where}: the loss is ${lossSum / m} at these X and Y (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)`,
  );
}

/** Runs both fast passes over all of X and Y, for `gradients`. */
function runBoth(
  net: NetworkLayers,
  X: MatrixInput,
  Y: MatrixInput,
  settings: { loss?: LossOption } | undefined,
  where: string,
) {
  const data = checkCall(net, X, Y, settings, where);
  const m = data.X.cols;
  const ws = new Workspace(sizesOf(net), m);
  forwardBlock(net.layers, data.X.data, m, 0, m, ws.layers); // every Zˡ and Aˡ, kept in ws
  const lossSum = backwardPass(net.layers, ws, data.X.data, data.Y.data, m, data.loss);
  checkLoss(lossSum, m, where);
  net.layers.forEach((layer, l) => {
    checkResult(
      ws.layers[l].dW.subarray(0, layer.weights.data.length),
      layer.weights.cols,
      where,
      `layer ${l + 1}'s dW`,
    );
    checkResult(ws.layers[l].db.subarray(0, layer.biases.data.length), 1, where, `layer ${l + 1}'s db`);
  });
  return { ws, value: lossSum / m };
}

/**
 * The gradient of the mean loss with respect to every weight and bias, by backpropagation.
 * X: inputs × m, Y: outputs × m → { loss, layers: [{ dW: nOut × nIn, db: nOut × 1 }, …] }.
 * Options: `loss` (GRADIENTS_DEFAULTS: 'auto', crossEntropy after softmax, binaryCrossEntropy after sigmoid, else mse).
 * @example gradients(Network.fromWeights([{ weights: [[2]], biases: [0] }]), [[1]], [[1]], { loss: 'mse' }).layers[0].dW.toArray()
 * //=> [[2]]   (z = 2, ℓ = (2 − 1)², dℓ/dz = 2·(2 − 1) = 2, dW = 2·1 / 1)
 */
export function gradients(
  net: NetworkLayers,
  X: MatrixInput,
  Y: MatrixInput,
  options: { loss?: LossOption } = {},
): Gradients {
  return gradientsAt(net, X, Y, options, 'Network.gradients');
}

/**
 * `gradients`, with the name its errors start with (gradientCheck's own, when it calls it).
 * @example gradientsAt(Network.fromWeights([{ weights: [[2]], biases: [0] }]), [[1]], [[1]], { loss: 'mse' }, 'test').loss //=> 1
 */
export function gradientsAt(
  net: NetworkLayers,
  X: MatrixInput,
  Y: MatrixInput,
  options: { loss?: LossOption } | undefined,
  where: string,
): Gradients {
  const { ws, value } = runBoth(net, X, Y, options, where);
  return {
    loss: value,
    layers: net.layers.map((layer, l) => ({
      dW: new Matrix(layer.weights.rows, layer.weights.cols, ws.layers[l].dW.slice()),
      db: new Matrix(layer.biases.rows, 1, ws.layers[l].db.slice()),
    })),
  };
}

/**
 * Every value of one forward and backward pass, layer by layer (layers count from 1):
 * Aˡ⁻¹, Zˡ, Aˡ, dAˡ, dZˡ, dWˡ, dbˡ, computed by the textbook pass of backward.ts,
 * one equation per line. The dW and db equal `gradients`'s, bit for bit.
 * @example backwardTrace(Network.fromWeights([{ weights: [[2]], biases: [0] }]), [[1]], [[1]], { loss: 'mse' })[0].dZ.toArray()
 * //=> [[2]]   (dℓ/dz = 2·(z − y) = 2·(2 − 1))
 */
export function backwardTrace(
  net: NetworkLayers,
  X: MatrixInput,
  Y: MatrixInput,
  options: { loss?: LossOption } = {},
): BackwardStep[] {
  const where = 'Network.backwardTrace';
  const { X: x, Y: y, loss } = checkCall(net, X, Y, options, where);
  let steps: BackwardStep[];
  try {
    steps = backward(net.layers, x, y, loss);
  } catch (error) {
    // A matrix helper refused a number that is not finite. The fast path computes the same numbers
    // and names the layer (or the loss) in its error, as `forward` re-runs `trace` to explain an overflow.
    if (error instanceof ValueError) gradientsAt(net, x, y, options, where);
    throw error;
  }
  const { activation, weights } = net.layers[net.layers.length - 1];
  const { z, a, dA } = steps[steps.length - 1];
  checkLoss(
    summedLoss(loss, { activation, Z: z.data, A: a.data, rows: weights.rows, cols: x.cols }, y.data),
    x.cols,
    where,
  );
  checkOutputDA(dA, a, y, loss, where);
  return steps;
}

/**
 * With a paired loss, dZᴸ = A − Y comes straight from the loss and the output's dAᴸ is shown but never
 * used; it alone can be undefined (binaryCrossEntropy's dℓ/da = (a − y)/(a(1 − a)) is 0/0 at a = y = 1),
 * so it is checked here rather than shown as NaN.
 */
function checkOutputDA(dA: Matrix, A: Matrix, Y: Matrix, loss: Loss, where: string): void {
  const n = dA.data.findIndex((v) => !Number.isFinite(v));
  if (n < 0) return;
  throw new ValueError(
    `${where}: the output's dA = ∂ℓ/∂A is ${dA.data[n]} at row ${Math.floor(n / dA.cols) + 1}, column ${(n % dA.cols) + 1} (A = ${A.data[n]}, Y = ${Y.data[n]}: ${loss.name}'s dℓ/dA has no value where the output is saturated at exactly 0 or 1; dZ = A − Y is still exact there, so net.gradients works)`,
  );
}
