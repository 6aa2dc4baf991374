/**
 * The backward pass as the textbook writes it: one equation per line, on whole
 * matrices, with the library's own helpers. `backwardTrace` runs it; `gradients`
 * and `fit` run the same equations on reused buffers (backprop.ts), and
 * test/backward.test.ts proves that the two give the same numbers, bit for bit.
 *
 * For m samples (columns), from the last layer L back to the first:
 *
 *   dAᴸ   = ∂ℓ/∂Aᴸ               the loss's derivative, one column per sample
 *   dZˡ   = dAˡ ⊙ g′(Zˡ)          (for l = L, the loss gives dZᴸ = A − Y directly when it is
 *                                paired with the output: crossEntropy after softmax,
 *                                binaryCrossEntropy after sigmoid)
 *   dWˡ   = dZˡ·(Aˡ⁻¹)ᵀ / m       nOut × nIn, the shape of Wˡ
 *   dbˡ   = rowsum(dZˡ) / m       nOut × 1, the shape of bˡ
 *   dAˡ⁻¹ = (Wˡ)ᵀ·dZˡ             nIn × m, handed to the layer before
 *
 * dZ and dA hold each sample's own derivative; the 1/m of the mean loss enters
 * once, at dW and db. Two choices keep the fast path's bits: every product goes
 * through the same kernel (multiply and weightedSums call affineInto, which sums
 * each entry in one fixed order), and dW and db are divided by m, as the fast
 * path does, not scaled by 1/m (x / 3 and x·(1/3) differ in the last bit a third of the time).
 */
import { type Activation, softmax } from '../core/activations.js';
import { traceLayers } from '../core/forward.js';
import { Matrix, hadamard, map, multiply, subtract, sumRows, transpose } from '../core/matrix.js';
import type { Layer } from '../core/types.js';
import { type Loss, isPaired } from './losses.js';

/** One layer of the backward pass (of `backwardTrace`): its forward values and every derivative of it. */
export interface BackwardStep {
  /** The layer's number, counting from 1 (the inputs are layer 0). */
  layer: number;
  /** Aˡ⁻¹: nIn × m. */
  input: Matrix;
  /** Zˡ: nOut × m. */
  z: Matrix;
  /** Aˡ: nOut × m. */
  a: Matrix;
  /** dAˡ = ∂ℓ/∂Aˡ per sample: nOut × m. */
  dA: Matrix;
  /** dZˡ = ∂ℓ/∂Zˡ per sample: nOut × m. */
  dZ: Matrix;
  /** dWˡ = dZˡ·(Aˡ⁻¹)ᵀ / m: nOut × nIn. */
  dW: Matrix;
  /** dbˡ = rowsum(dZˡ) / m: nOut × 1. */
  db: Matrix;
}

/**
 * One forward and one backward pass over X (inputs × m) and targets Y (outputs × m), layer by
 * layer, with the loss given: every Aˡ⁻¹, Zˡ, Aˡ, dAˡ, dZˡ, dWˡ, dbˡ, first layer first.
 * The shapes must fit (backwardTrace checks them); a number that is not finite is refused by the helper that meets it.
 * @example backward(articleNetwork().layers, Matrix.from([[3]]), Matrix.from([[0]]), mse)[1].dW.toArray()
 * //=> [[-8, 0], [8, 0]]   (layer 2 at x = 3: dZ = (−2, 2), its input A¹ = (4, 0), m = 1)
 */
export function backward(layers: readonly Layer[], X: Matrix, Y: Matrix, loss: Loss): BackwardStep[] {
  // The forward pass, as `trace` runs it, keeping every layer's input Aˡ⁻¹, Zˡ and Aˡ.
  const forward = traceLayers(layers, X, 'Network.backwardTrace');

  const L = layers.length;
  const m = X.cols;
  const steps: BackwardStep[] = [];
  let dA = fromLoss(loss.dA, forward[L - 1].a, Y); // dAᴸ = ∂ℓ/∂Aᴸ   (outputs × m)
  for (let l = L; l >= 1; l--) {
    const { weights: W, activation: g } = layers[l - 1]; // arrays count from 0, layers from 1
    const { input, z: Z, a: A } = forward[l - 1];
    const dZ =
      l === L && isPaired(loss, g)
        ? fromLoss(loss.dZ, A, Y) // dZᴸ = A − Y (divided by n for binaryCrossEntropy), straight from the loss
        : throughActivation(g, Z, A, dA); // dZˡ = dAˡ ⊙ g′(Zˡ)   (nOut × m)
    const dW = divide(multiply(dZ, transpose(input)), m); // dWˡ = dZˡ·(Aˡ⁻¹)ᵀ / m   (nOut × nIn)
    const db = divide(sumRows(dZ), m); // dbˡ = rowsum(dZˡ) / m   (nOut × 1)
    steps.unshift({ layer: l, input, z: Z, a: A, dA, dZ, dW, db });
    if (l > 1) dA = multiply(transpose(W), dZ); // dAˡ⁻¹ = (Wˡ)ᵀ·dZˡ   (nIn × m); nothing needs dA⁰ = ∂ℓ/∂X
  }
  return steps;
}

/** Every entry divided by m: x / m, as the fast path rounds it. */
function divide(M: Matrix, m: number): Matrix {
  return map(M, (x) => x / m);
}

/**
 * A loss's derivative for each sample (dℓ/dA, or dℓ/dZ of its paired output), by the loss's own loop
 * in losses.ts, where each formula is written once: mse's dA = 2(A − Y)/n, crossEntropy's dZ = A − Y, …
 */
function fromLoss(
  derivative: (A: Float64Array, Y: Float64Array, out: Float64Array, rows: number, cols: number) => void,
  A: Matrix,
  Y: Matrix,
): Matrix {
  const out = new Matrix(A.rows, A.cols);
  derivative(A.data, Y.data, out.data, A.rows, A.cols);
  return out;
}

/**
 * dZ = dA ⊙ g′(Z), through the layer's activation g. Softmax has no entrywise g′ (each of its outputs
 * depends on the whole column), and its Jacobian gives, for each sample, dZ = A ⊙ (dA − Σᵢ Aᵢ·dAᵢ).
 */
function throughActivation(g: Activation, Z: Matrix, A: Matrix, dA: Matrix): Matrix {
  if (g === softmax) {
    const dot = sumRows(transpose(hadamard(A, dA))); // Σᵢ Aᵢ·dAᵢ, one per sample   (m × 1)
    // A ⊙ (dA − Σᵢ Aᵢ·dAᵢ), transposed to one row per sample, where `subtract` broadcasts the column of sums.
    return transpose(hadamard(transpose(A), subtract(transpose(dA), dot)));
  }
  if (g.outputOnly) return throughOwnBackward(g, Z, A, dA); // a hand-made activation that mixes its column
  return hadamard(dA, g.derivative(Z)); // dZ = dA ⊙ g′(Z)
}

/** dZ by the activation's own `backward` loop (its Jacobian applied to each column of dA). */
function throughOwnBackward(g: Activation, Z: Matrix, A: Matrix, dA: Matrix): Matrix {
  const dZ = new Matrix(Z.rows, Z.cols);
  g.backward(Z.data, A.data, dA.data, dZ.data, Z.rows, Z.cols);
  return dZ;
}
