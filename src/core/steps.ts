/**
 * The article's steps, as functions a learner calls one at a time:
 *
 *   out1 = applyWeights(X, W1, b1)          inputs times weights plus biases
 *   act1 = relu(out1)                       negative values clipped to 0
 *   out3 = applyWeights(act1, w35, b3)      one neuron of the next layer
 *   out4 = applyWeights(act1, w46, b4)      the other neuron
 *   out5 = twoNode(act1, [w35, w46], [b3, b4])   both, stacked: vstack(out3, out4)
 *   pred = applyWeights(relu(out5), w7, b5) the final weighted sum
 *
 * A Network runs exactly these steps for any list of layer sizes.
 */
import { affineInto } from './affine.js';
import { ShapeError, formatShape, plural } from './errors.js';
import { Matrix, type MatrixInput, toColumn, toMatrix, vstack } from './matrix.js';
import { checkResult } from './validate.js';

/** A bias vector: one number per neuron (a plain number for a single neuron). */
export type BiasInput = number | readonly number[] | MatrixInput;

/**
 * One layer's weighted sums: Z = W·A + b, b added to every sample column.
 * W: nOut × nIn, A: nIn × samples, b: nOut entries → Z: nOut × samples.
 * With W a single row (one neuron) the result is a single row: the article's one-neuron step.
 * @example applyWeights([[1], [2]], [[3, -1]], [0.5]).toArray() //=> [[1.5]]   (3·1 − 1·2 + 0.5)
 */
export function applyWeights(A: MatrixInput, W: MatrixInput, b: BiasInput): Matrix {
  const a = toMatrix(A, 'applyWeights', 'A');
  const w = toMatrix(W, 'applyWeights', 'W');
  const bias = toColumn(b, 'applyWeights', 'b');
  if (w.cols !== a.rows) {
    throw new ShapeError(
      `applyWeights: W is ${formatShape(w.rows, w.cols)} but A has ${plural(a.rows, 'row')} (W's columns must equal A's rows)`,
    );
  }
  if (bias.rows !== w.rows) {
    throw new ShapeError(
      `applyWeights: W has ${plural(w.rows, 'row')} but b has ${plural(bias.rows, 'entry', 'entries')} (one bias per neuron)`,
    );
  }
  const Z = weightedSums(a, w, bias);
  checkResult(Z.data, Z.cols, 'applyWeights', 'Z = W·A + b');
  return Z;
}

/**
 * Z = W·A + b on matrices whose shapes are known to fit, with no check of the
 * result: `applyWeights` after its checks, and `trace`, which names the layer itself.
 * @example weightedSums(Matrix.from([[1], [2]]), Matrix.from([[3, -1]]), Matrix.from([[0.5]])).toArray() //=> [[1.5]]
 */
export function weightedSums(A: Matrix, W: Matrix, b: Matrix): Matrix {
  const Z = new Matrix(W.rows, A.cols); // nOut × samples
  affineInto(W.data, W.rows, W.cols, b.data, A.data, A.cols, 0, Z.data, A.cols, 0, A.cols);
  return Z;
}

/**
 * A layer of two neurons, built the article's way: each neuron's weighted sum
 * on its own (`applyWeights` with one row of W and one bias), then the two rows
 * stacked with `vstack`. It equals `applyWeights(A, W, b)`.
 * W: 2 × nIn, A: nIn × samples, b: 2 entries → Z: 2 × samples.
 * @example twoNode([[1]], [[2], [-3]], [1, 1]).toArray() //=> [[3], [-2]]   (2·1 + 1, −3·1 + 1)
 */
export function twoNode(A: MatrixInput, W: MatrixInput, b: BiasInput): Matrix {
  const a = toMatrix(A, 'twoNode', 'A');
  const w = toMatrix(W, 'twoNode', 'W');
  const bias = toColumn(b, 'twoNode', 'b');
  if (w.rows !== 2) {
    throw new ShapeError(`twoNode: W has ${plural(w.rows, 'row')} but a two-node layer needs 2 (one row per neuron)`);
  }
  if (bias.rows !== 2) {
    throw new ShapeError(
      `twoNode: b has ${plural(bias.rows, 'entry', 'entries')} but a two-node layer needs 2 (one bias per neuron)`,
    );
  }
  if (w.cols !== a.rows) {
    throw new ShapeError(
      `twoNode: W is ${formatShape(w.rows, w.cols)} but A has ${plural(a.rows, 'row')} (W's columns must equal A's rows)`,
    );
  }
  const top = applyWeights(a, [w.row(0)], [bias.data[0]]); // the article's out3 (weights w35, bias b3)
  const bottom = applyWeights(a, [w.row(1)], [bias.data[1]]); // the article's out4 (weights w46, bias b4)
  return vstack(top, bottom);
}
