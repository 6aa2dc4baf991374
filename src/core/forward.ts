/**
 * The fast forward pass, shared by `Network.forward` and by training: the
 * same Zˡ = Wˡ·Aˡ⁻¹ + bˡ, Aˡ = g(Zˡ) as `trace`, bit for bit, on raw
 * Float64Arrays reused from block to block (`trace` is the loop to read;
 * this is the loop that runs).
 *
 * Three tricks, all named here: a block of samples (columns) goes through
 * every layer before the next block starts, so each layer's Z stays in the
 * processor's cache; a ReLU layer whose Z need not be kept applies
 * ReLU inside the kernel, while each sum is still in a register (affine.ts);
 * and on the WebAssembly engine, `forwardInBlocks` runs a block through all
 * the layers inside the module's memory (wasm.ts), copying in only X's block
 * and out only the output's, where every hidden layer is ReLU or linear.
 */
import { activate, linear, relu } from './activations.js';
import { affineInto, wasmFor } from './affine.js';
import { ValueError } from './errors.js';
import { Matrix, matrix } from './matrix.js';
import { weightedSums } from './steps.js';
import type { Layer } from './types.js';
import { allFinite, checkResult } from './validate.js';
import { type ChainLayer, forwardChainWasm } from './wasm.js';

/** One step of the forward pass, as `trace` reports it. */
export interface TraceStep {
  /** The layer's number, counting from 1 as the article's diagram does (the inputs are layer 0). */
  layer: number;
  /** Aˡ⁻¹, the activations coming in: nIn × samples (the inputs X for layer 1). */
  input: Matrix;
  /** Wˡ: nOut × nIn. */
  weights: Matrix;
  /** bˡ: nOut × 1. */
  biases: Matrix;
  /** Zˡ = Wˡ·Aˡ⁻¹ + bˡ: nOut × samples. */
  z: Matrix;
  /** Aˡ = g(Zˡ): nOut × samples. */
  a: Matrix;
}

/**
 * The forward pass as the article writes it, one layer at a time, keeping every
 * step: `net.trace` runs it on X, and `forward` runs it again on a block of columns
 * whose output was not finite. A Z or A that is not finite is an error naming
 * the layer and the sample (`firstCol`: the block's first column in X).
 * X: inputs × samples, already checked (finite, one row per input).
 * @example traceLayers(articleNetwork().layers, Matrix.from([[0]]), 'trace').map((step) => step.a.get(0, 0)) //=> [1, 0, 1]   (x = 0: a₁ = 1; a₃ = relu(1 + 1 − 2.5) = 0; ŷ = 0 − 0 + 1)
 */
export function traceLayers(layers: readonly Layer[], X: Matrix, where: string, firstCol = 0): TraceStep[] {
  let A = X; // A⁰ = X   (inputs × samples)
  return layers.map(({ weights: W, biases: b, activation: g }, l) => {
    const input = A;
    const Z = weightedSums(A, W, b); // Zˡ = Wˡ·Aˡ⁻¹ + bˡ   (nOut × samples)
    checkResult(Z.data, Z.cols, where, `layer ${l + 1}'s Z = W·A + b`, firstCol);
    A = activate(g, Z); // Aˡ = g(Zˡ)   (nOut × samples)
    checkResult(A.data, A.cols, where, `layer ${l + 1}'s A = ${g.name}(Z)`, firstCol);
    return { layer: l + 1, input, weights: matrix(W), biases: matrix(b), z: Z, a: A };
  });
}

/**
 * The forward pass of `net.forward`: X (inputs × samples, already checked) → the last layer's A
 * (outputs × samples), bit for bit what `traceLayers` computes, but fast (`forwardInBlocks`).
 * An output that is not finite is an error naming the first layer whose Z or A is not.
 * @example forward(articleNetwork().layers, Matrix.from([[-3, 0, 3]]), 'forward').toArray() //=> [[2.5, 1, -1]]
 */
export function forward(layers: readonly Layer[], X: Matrix, where: string): Matrix {
  return forwardInBlocks(layers, X, (start, cols) => {
    traceLayers(layers, columns(X, start, cols), where, start); // throws, naming the layer and the sample
    throw new ValueError(`${where}: the output is not finite`); // unreachable: traceLayers threw
  });
}

/** Columns start … start + cols − 1 of X, as a new matrix. */
function columns(X: Matrix, start: number, cols: number): Matrix {
  const block = new Matrix(X.rows, cols);
  for (let i = 0; i < X.rows; i++)
    block.data.set(X.data.subarray(i * X.cols + start, i * X.cols + start + cols), i * cols);
  return block;
}

/**
 * Numbers in one layer's block of Z in `forward` (128 KB of float64): small
 * enough that a block stays in the processor's L2 cache, large enough that
 * narrow layers make few calls. On the benchmark nets (docs/speed.md), 4,096
 * to 32,768 ran within 5% of each other; 65,536 was 15% slower on the small net.
 */
const BLOCK_NUMBERS = 16_384;

/** Where one layer's Zˡ and Aˡ go (nOut × cols); the same array for both when Zˡ need not be kept. */
export interface LayerOutputs {
  Z: Float64Array;
  A: Float64Array;
}

/**
 * The forward pass over `cols` samples: A⁰ is columns xCol … xCol + cols − 1 of X
 * (rows `xStride` numbers apart); layer l writes Zˡ to buffers[l].Z and Aˡ to buffers[l].A.
 * Returns Aᴸ: outputs × cols, contiguous. Training passes separate Z and A (backprop needs both).
 * @example forwardBlock([{ weights: Matrix.from([[2]]), biases: Matrix.from([[1]]), activation: relu }], Float64Array.of(3), 1, 0, 1, [{ Z: new Float64Array(1), A: new Float64Array(1) }]) //=> [7]
 */
export function forwardBlock(
  layers: readonly Layer[],
  X: Float64Array,
  xStride: number,
  xCol: number,
  cols: number,
  buffers: readonly LayerOutputs[],
): Float64Array {
  let A = X; // A⁰ = X
  let aStride = xStride;
  let aCol = xCol;
  for (let l = 0; l < layers.length; l++) {
    const { weights: W, biases: b, activation: g } = layers[l];
    const inPlace = buffers[l].Z === buffers[l].A; // Zˡ is not kept: Aˡ overwrites it
    const Z = buffers[l].Z.subarray(0, W.rows * cols); // nOut × cols
    const out = inPlace ? Z : buffers[l].A.subarray(0, W.rows * cols);
    const fuseRelu = inPlace && g === relu;
    affineInto(W.data, W.rows, W.cols, b.data, A, aStride, aCol, Z, cols, 0, cols, fuseRelu); // Zˡ = Wˡ·Aˡ⁻¹ + bˡ
    if (!inPlace) out.set(Z);
    if (!fuseRelu) g.applyInPlace(out, W.rows, cols); // Aˡ = g(Zˡ)
    A = out;
    aStride = cols;
    aCol = 0;
  }
  return A;
}

/**
 * The forward pass over all of X (inputs × samples) a block of columns at a time,
 * into a new outputs × samples matrix, keeping no Zˡ. When a block's output is not
 * finite, `onOverflow(start, cols)` is called (to throw naming the layer).
 * @example forwardInBlocks([{ weights: Matrix.from([[2]]), biases: Matrix.from([[1]]), activation: relu }], Matrix.from([[3, -4]]), () => {}).toArray() //=> [[7, 0]]
 */
export function forwardInBlocks(
  layers: readonly Layer[],
  X: Matrix,
  onOverflow: (start: number, cols: number) => void,
): Matrix {
  const samples = X.cols;
  const outputs = layers[layers.length - 1].weights.rows;
  const out = new Matrix(outputs, samples);
  let widest = 0;
  for (const layer of layers) widest = Math.max(widest, layer.weights.rows);
  // Each layer's Z for a block holds about BLOCK_NUMBERS numbers: 256 columns
  // of a 64-neuron layer, 8192 of a 2-neuron one (fewer calls per sample).
  // Stryker disable next-line MethodExpression: equivalent (see stryker.config.mjs)
  const block = Math.min(samples, Math.max(4, Math.floor(BLOCK_NUMBERS / widest)));
  const pair = [new Float64Array(widest * block), new Float64Array(widest * block)];
  const buffers = layers.map((_, l) => ({ Z: pair[l % 2], A: pair[l % 2] })); // layer l reads one, writes the other
  const chain = chainOf(layers);
  const g = layers[layers.length - 1].activation;
  let perColumn = 0; // multiply-adds per sample
  for (const { weights: W } of layers) perColumn += W.rows * W.cols;

  // Stryker disable next-line EqualityOperator: equivalent (see stryker.config.mjs)
  for (let start = 0; start < samples; start += block) {
    const cols = Math.min(block, samples - start);
    let A: Float64Array; // Aᴸ: outputs × cols
    const Z = pair[0].subarray(0, outputs * cols);
    if (chain !== undefined && wasmFor(perColumn * cols) && forwardChainWasm(chain, X.data, samples, start, cols, Z)) {
      if (g !== relu) g.applyInPlace(Z, outputs, cols); // Aᴸ = g(Zᴸ) (ReLU was applied in the module)
      A = Z;
    } else A = forwardBlock(layers, X.data, samples, start, cols, buffers);
    // One finiteness pass, over the output only: ReLU, sums and products pass a NaN or ±Infinity
    // on, so finite inputs that overflowed show up here; only then is the layer looked for.
    if (!allFinite(A)) onOverflow(start, cols);
    for (let i = 0; i < outputs; i++) out.data.set(A.subarray(i * cols, (i + 1) * cols), i * samples + start);
  }
  return out;
}

/**
 * The layers as forwardChainWasm takes them, ReLU fused where a layer is ReLU; undefined
 * when a hidden layer is neither ReLU nor linear (its activation runs in JavaScript, so
 * forwardBlock runs the layers one product at a time).
 * @example chainOf(new Network({ layers: [1, 2, 1] }).layers)?.map((l) => l.relu) //=> [true, false]
 */
export function chainOf(layers: readonly Layer[]): ChainLayer[] | undefined {
  const hidden = layers.slice(0, -1);
  if (!hidden.every((layer) => layer.activation === relu || layer.activation === linear)) return undefined;
  return layers.map(({ weights: W, biases: b, activation }) => ({
    W: W.data,
    b: b.data,
    nOut: W.rows,
    nIn: W.cols,
    relu: activation === relu,
  }));
}
