/**
 * Losses: one number that says how far the predictions A are from the targets Y.
 * A and Y are outputs × samples; every loss is the mean over the samples (columns)
 * of a per-sample loss ℓ, L = (1/m)·Σⱼ ℓⱼ.
 *
 * Backpropagation starts from each sample's dℓ/dA (the `dA` loop below); the
 * 1/m of the mean is applied once, at dW and db (see backprop.ts).
 *
 * Two pairings are special, as in every framework: binaryCrossEntropy after a
 * sigmoid output and crossEntropy after a softmax output. For them the loss is
 * computed from Z, which stays finite where log(A) would not (softplus and
 * log-sum-exp), and dZ comes out as plain A − Y, the famous simplification.
 */
import type { Activation } from '../core/activations.js';
import { ShapeError, ValueError, describeValue, formatShape } from '../core/errors.js';
import { Matrix, type MatrixInput, toMatrix } from '../core/matrix.js';

/** The built-in losses by name. */
export type LossName = 'mse' | 'binaryCrossEntropy' | 'crossEntropy';

/** A loss: its value and gradient on matrices, and the raw loops backpropagation runs. */
export interface Loss {
  readonly name: LossName;
  /** The output activation for which ℓ is computed from Z and dZ = A − Y comes directly. */
  readonly pairedWith?: 'sigmoid' | 'softmax';
  /** L = (1/m)·Σⱼ ℓⱼ for predictions A and targets Y (outputs × samples). */
  value(A: MatrixInput, Y: MatrixInput): number;
  /** ∂L/∂A, outputs × samples (each sample's dℓ/dA divided by m). */
  gradient(A: MatrixInput, Y: MatrixInput): Matrix;
  /** Raw: Σⱼ ℓⱼ over `cols` columns of A (rows × cols, row-major). */
  sum(A: Float64Array, Y: Float64Array, rows: number, cols: number): number;
  /** Raw: dA = dℓ/dA for each sample (no 1/m). */
  dA(A: Float64Array, Y: Float64Array, dA: Float64Array, rows: number, cols: number): void;
  /** Raw, for the paired activation: Σⱼ ℓⱼ computed stably from Z. */
  sumFromZ?(Z: Float64Array, Y: Float64Array, rows: number, cols: number): number;
  /** Raw, for the paired activation: dZ = dℓ/dZ for each sample (no 1/m). */
  dZ?(A: Float64Array, Y: Float64Array, dZ: Float64Array, rows: number, cols: number): void;
}

/** y·log(a), taken as 0 when y = 0 (so a target of 0 never meets log 0 = −∞ and makes NaN). */
function xlog(y: number, a: number): number {
  return y === 0 ? 0 : y * Math.log(a);
}

/** softplus(z) = log(1 + eᶻ), written so no eᶻ overflows: max(z, 0) + log(1 + e^(−|z|)). */
function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * Throws unless every entry of M (predictions A or targets Y of a cross-entropy) is a probability in [0, 1]:
 * outside it, log(a) is NaN or the loss goes negative, and training would follow it.
 * @example checkProbabilities(crossEntropy, Matrix.from([[0.5, 1.5]]), 'fit', 'Y') // throws: fit: Y has 1.5 at row 1, column 2 but crossEntropy needs probabilities in [0, 1]
 */
export function checkProbabilities(loss: Loss, M: Matrix, where: string, name: string): void {
  if (loss.name === 'mse') return;
  for (let n = 0; n < M.data.length; n++) {
    const v = M.data[n];
    if (v >= 0 && v <= 1) continue;
    throw new ValueError(
      `${where}: ${name} has ${v} at row ${Math.floor(n / M.cols) + 1}, column ${(n % M.cols) + 1} but ${loss.name} needs probabilities in [0, 1]`,
    );
  }
}

/** Σ(a − y)² / (rows·cols) without overflow: each difference scaled by s = max |a|, |y| first, then s² multiplied back. */
function scaledMeanSquare(A: Float64Array, Y: Float64Array, rows: number, cols: number, where: string): number {
  let s = 0;
  for (let n = 0; n < A.length; n++) s = Math.max(s, Math.abs(A[n]), Math.abs(Y[n]));
  let sum = 0;
  for (let n = 0; n < A.length; n++) sum += (A[n] / s - Y[n] / s) ** 2;
  const mean = sum / rows / cols;
  const value = mean * s * s;
  if (Number.isFinite(value)) return value;
  const exponent = Math.log10(mean) + 2 * Math.log10(s);
  throw new ValueError(
    `${where}: the loss is about 1e+${Math.floor(exponent)}, beyond the largest float64 (1.8e308): A and Y differ by more than 1e154`,
  );
}

/** A loss from its raw loops, with `value` and `gradient` on matrices built on them once. */
function makeLoss(parts: Omit<Loss, 'value' | 'gradient'>): Loss {
  const check = (A: MatrixInput, Y: MatrixInput, where: string) => {
    const a = toMatrix(A, where, 'A');
    const y = toMatrix(Y, where, 'Y');
    if (a.rows !== y.rows || a.cols !== y.cols) {
      throw new ShapeError(
        `${parts.name}: A is ${formatShape(a.rows, a.cols)} but Y is ${formatShape(y.rows, y.cols)} (one target per prediction)`,
      );
    }
    checkProbabilities(parts as Loss, a, where, 'A');
    checkProbabilities(parts as Loss, y, where, 'Y');
    return [a, y] as const;
  };
  return Object.freeze({
    ...parts,
    value(A: MatrixInput, Y: MatrixInput): number {
      const where = `${parts.name}.value`;
      const [a, y] = check(A, Y, where);
      const value = parts.sum(a.data, y.data, a.rows, a.cols) / a.cols; // L = (1/m)·Σⱼ ℓⱼ
      if (Number.isFinite(value)) return value;
      if (parts.name === 'mse') return scaledMeanSquare(a.data, y.data, a.rows, a.cols, where);
      throw new ValueError(
        `${where}: the loss is ${value} (a prediction of exactly 0 or 1 where the target says the opposite: −log 0 = ∞)`,
      );
    },
    gradient(A: MatrixInput, Y: MatrixInput): Matrix {
      const where = `${parts.name}.gradient`;
      const [a, y] = check(A, Y, where);
      const dA = new Matrix(a.rows, a.cols);
      parts.dA(a.data, y.data, dA.data, a.rows, a.cols);
      for (let n = 0; n < dA.data.length; n++) {
        dA.data[n] /= a.cols; // ∂L/∂A = dℓ/dA / m
        if (!Number.isFinite(dA.data[n])) {
          throw new ValueError(
            `${where}: ∂L/∂A at row ${Math.floor(n / a.cols) + 1}, column ${(n % a.cols) + 1} is ${dA.data[n]} (A = ${a.data[n]}, Y = ${y.data[n]}), beyond float64`,
          );
        }
      }
      return dA;
    },
  });
}

/**
 * Mean squared error, averaged over every entry as tf.losses.meanSquaredError and PyTorch's MSELoss do:
 * ℓⱼ = (1/n)·Σᵢ (aᵢⱼ − yᵢⱼ)², dℓ/da = 2(a − y)/n, for n outputs.
 * @example mse.value([[1, 3]], [[0, 1]]) //=> 2.5   ((1² + 2²) / 2)
 */
export const mse: Loss = makeLoss({
  name: 'mse',
  sum(A, Y, rows) {
    let sum = 0;
    for (let n = 0; n < A.length; n++) sum += (A[n] - Y[n]) ** 2;
    return sum / rows;
  },
  dA(A, Y, dA, rows) {
    for (let n = 0; n < A.length; n++) dA[n] = (2 * (A[n] - Y[n])) / rows;
  },
});

/**
 * Binary cross-entropy, for outputs that are probabilities of "yes" (a sigmoid output):
 * ℓⱼ = −(1/n)·Σᵢ [y·log a + (1 − y)·log(1 − a)]. From Z (sigmoid): ℓ = softplus(z) − y·z and dZ = (a − y)/n.
 * @example binaryCrossEntropy.value([[0.5]], [[1]]) //=> 0.6931…   (−log 0.5)
 */
export const binaryCrossEntropy: Loss = makeLoss({
  name: 'binaryCrossEntropy',
  pairedWith: 'sigmoid',
  sum(A, Y, rows) {
    let sum = 0;
    for (let n = 0; n < A.length; n++) sum -= xlog(Y[n], A[n]) + xlog(1 - Y[n], 1 - A[n]);
    return sum / rows;
  },
  dA(A, Y, dA, rows) {
    for (let n = 0; n < A.length; n++) dA[n] = (A[n] - Y[n]) / (A[n] * (1 - A[n]) * rows); // −y/a + (1 − y)/(1 − a)
  },
  // −y·log σ(z) − (1 − y)·log(1 − σ(z)) = softplus(z) − y·z, with no log of 0 for large |z|.
  sumFromZ(Z, Y, rows) {
    let sum = 0;
    for (let n = 0; n < Z.length; n++) sum += softplus(Z[n]) - Y[n] * Z[n];
    return sum / rows;
  },
  dZ(A, Y, dZ, rows) {
    for (let n = 0; n < A.length; n++) dZ[n] = (A[n] - Y[n]) / rows; // σ′ cancels the 1/(a(1 − a))
  },
});

/**
 * Categorical cross-entropy, for one-hot targets and a softmax output: ℓⱼ = −Σᵢ yᵢⱼ·log aᵢⱼ.
 * From Z (softmax): ℓ = Σᵢ yᵢ·(logΣₖe^zₖ − zᵢ) with the max subtracted first, and dZ = a·Σᵢyᵢ − y (= a − y for one-hot y).
 * @example crossEntropy.value([[0.25], [0.75]], [[0], [1]]) //=> 0.2876…   (−log 0.75)
 */
export const crossEntropy: Loss = makeLoss({
  name: 'crossEntropy',
  pairedWith: 'softmax',
  sum(A, Y) {
    let sum = 0;
    for (let n = 0; n < A.length; n++) sum -= xlog(Y[n], A[n]);
    return sum;
  },
  dA(A, Y, dA) {
    for (let n = 0; n < A.length; n++) dA[n] = Y[n] === 0 ? 0 : -Y[n] / A[n];
  },
  sumFromZ(Z, Y, rows, cols) {
    let sum = 0;
    for (let j = 0; j < cols; j++) {
      let max = -Infinity;
      for (let i = 0; i < rows; i++) max = Math.max(max, Z[i * cols + j]);
      let exps = 0;
      for (let i = 0; i < rows; i++) exps += Math.exp(Z[i * cols + j] - max);
      const logSumExp = max + Math.log(exps); // log Σₖ e^zₖ, without overflow
      for (let i = 0; i < rows; i++) {
        const y = Y[i * cols + j];
        if (y !== 0) sum += y * (logSumExp - Z[i * cols + j]); // −y·log aᵢ = y·(logΣe^z − zᵢ)
      }
    }
    return sum;
  },
  dZ(A, Y, dZ, rows, cols) {
    for (let j = 0; j < cols; j++) {
      let total = 0; // Σᵢ yᵢ, 1 for one-hot targets
      for (let i = 0; i < rows; i++) total += Y[i * cols + j];
      for (let i = 0; i < rows; i++) dZ[i * cols + j] = A[i * cols + j] * total - Y[i * cols + j];
    }
  },
});

/** The losses by name. */
export const LOSSES: Readonly<Record<LossName, Loss>> = Object.freeze({ mse, binaryCrossEntropy, crossEntropy });

/**
 * The loss an option names: 'mse', 'binaryCrossEntropy', 'crossEntropy', or a Loss itself.
 * @example resolveLoss('mse', 'fit').name //=> 'mse'
 */
export function resolveLoss(spec: unknown, where: string): Loss {
  if (typeof spec === 'string' && Object.hasOwn(LOSSES, spec)) return LOSSES[spec as LossName];
  if (typeof spec === 'object' && spec !== null && Object.values(LOSSES).includes(spec as Loss)) return spec as Loss;
  throw new ValueError(
    `${where}: loss ${describeValue(spec)} is unknown (expected one of ${Object.keys(LOSSES).join(', ')})`,
  );
}

/**
 * Checks that the output activation can feed the loss: cross-entropies need
 * outputs between 0 and 1, which only sigmoid and softmax produce.
 * @example checkPairing(crossEntropy, tanh, 'fit') // throws: loss crossEntropy needs outputs between 0 and 1 but the output layer is tanh …
 */
export function checkPairing(loss: Loss, output: Activation, where: string): void {
  if (loss.name === 'mse' || output.name === 'sigmoid' || output.name === 'softmax') return;
  throw new ValueError(
    `${where}: loss ${loss.name} needs outputs between 0 and 1 but the output layer is ${output.name} (use a sigmoid or softmax output, or loss 'mse')`,
  );
}

/** The output layer in the backward pass: its activation g, and Zᴸ, Aᴸ, dAᴸ, dZᴸ, each rows × cols (outputs × samples). */
export interface OutputLayer {
  activation: Activation;
  Z: Float64Array;
  A: Float64Array;
  /** Written: dℓ/dAᴸ (left as it was when the paired shortcut is taken). */
  dA: Float64Array;
  /** Written: dℓ/dZᴸ. */
  dZ: Float64Array;
  rows: number;
  cols: number;
}

/**
 * The output layer's dZᴸ (one column per sample, no 1/m) and the summed loss Σⱼ ℓⱼ against targets Y (rows × cols).
 * When the loss is paired with the output activation, both come from Z directly;
 * otherwise dA = dℓ/dA is pushed through the activation: dZ = dA ⊙ g′(Z).
 * @example const dZ = new Float64Array(1);
 * outputDelta(mse, { activation: linear, Z: Float64Array.of(3), A: Float64Array.of(3), dA: new Float64Array(1), dZ, rows: 1, cols: 1 }, Float64Array.of(1)) //=> 4   (and dZ = [4] = 2·(3 − 1))
 */
export function outputDelta(loss: Loss, top: OutputLayer, Y: Float64Array): number {
  const { activation, Z, A, dA, dZ, rows, cols } = top;
  if (isPaired(loss, activation)) loss.dZ(A, Y, dZ, rows, cols);
  else {
    loss.dA(A, Y, dA, rows, cols);
    activation.backward(Z, A, dA, dZ, rows, cols); // dZ = dA ⊙ g′(Z)
  }
  return summedLoss(loss, top, Y);
}

/**
 * Whether the loss takes the paired shortcut after this output activation (crossEntropy after softmax,
 * binaryCrossEntropy after sigmoid): ℓ computed from Z, and dZ = dℓ/dZ straight from A and Y.
 * @example isPaired(crossEntropy, softmax) //=> true
 */
export function isPaired(loss: Loss, output: Activation): loss is Loss & Required<Pick<Loss, 'sumFromZ' | 'dZ'>> {
  return loss.pairedWith === output.name && loss.sumFromZ !== undefined && loss.dZ !== undefined;
}

/**
 * The summed loss Σⱼ ℓⱼ of the output layer's rows × cols against targets Y: from Z when the loss is paired
 * with the output activation (finite where log(A) would not be), from A otherwise.
 * @example summedLoss(mse, { activation: linear, Z: Float64Array.of(3, 1), A: Float64Array.of(3, 1), rows: 1, cols: 2 }, Float64Array.of(1, 1)) //=> 4   ((3 − 1)² + 0²)
 */
export function summedLoss(
  loss: Loss,
  top: Pick<OutputLayer, 'activation' | 'Z' | 'A' | 'rows' | 'cols'>,
  Y: Float64Array,
): number {
  const { activation, Z, A, rows, cols } = top;
  return isPaired(loss, activation) ? loss.sumFromZ(Z, Y, rows, cols) : loss.sum(A, Y, rows, cols);
}
