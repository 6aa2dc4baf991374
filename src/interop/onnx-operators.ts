/**
 * The operators fromOnnx reads, one handler each: what every node of a dense
 * chain does to the network being built (onnx-read.ts walks the graph and calls
 * them in order). A layer is Gemm, or MatMul then Add; an activation node sets
 * the open layer's g; Sub/Div before the first layer and Mul/Add after the last
 * are the standardizing; Identity, Flatten and Reshape of a [batch, features]
 * input change nothing; Constant and a constant's Transpose give weights.
 *
 *   Gemm(A, B, C) = α·A·B′ + β·C,  B′ = Bᵀ when transB = 1   (A: samples × nIn, as rows)
 *   for one sample as a column:  Z = W·a + b  with  W = α·B (transB = 1) or α·Bᵀ,  b = β·C
 */
import { type Activation, leakyReluWithSlope, relu, sigmoid, softmax, tanh } from '../core/activations.js';
import { ShapeError, ValueError } from '../core/errors.js';
import { Matrix } from '../core/matrix.js';
import type { onnx } from './onnx-proto.js';
import { int64 } from './onnx-schema.js';
import { type Tensor, readShape } from './onnx-tensors.js';

/** One layer as the chain builds it: W (nOut × nIn) and b, then its activation when a node gives one. */
export interface Building {
  W: Matrix;
  b: Float64Array;
  activation?: Activation;
}

/** Where the walk along the chain stands. */
export interface Chain {
  /** The name of the value the last node made (the graph's input at first). */
  current: string;
  layers: Building[];
  /** Sub's μ and Div's σ, before the first layer. */
  inputs: { mean?: Tensor; std?: Tensor };
  /** Mul's σ and Add's μ, after the last layer: once one is read, no layer may follow. */
  outputs: { mean?: Tensor; std?: Tensor };
  /** The feature count a Reshape on the input asked for, checked against the first layer. */
  reshaped?: number;
}

/** A node as a handler sees it: its label for messages, its operator, and its inputs and attributes. */
export interface Node {
  label: string;
  op: string;
  inputs: string[];
  attribute(name: string): onnx.AttributeProto.$Properties | undefined;
}

/** What every handler may use: the chain, the constants by name (read once each), the opset, the declared input. */
export interface Walk {
  chain: Chain;
  /** A constant's numbers, read (and counted against MAX_PARAMETERS) once. */
  constant(name: string, node: Node): Tensor;
  /** A constant as the file holds it (for Reshape's shape, which is not a weight). */
  proto(name: string, node: Node): onnx.TensorProto.$Properties;
  opset: number;
  inputRank: number | undefined;
  where: string;
}

/** What the error for an unsupported node says after naming it, as the issue words it. */
export const SUPPORTED =
  'but only dense layers (Gemm, MatMul+Add) and the activations relu, leakyRelu, sigmoid, tanh, softmax can be read';

/** An operator's name for a message: "Conv", or "node without an operator". */
export function describeOp(op: string): string {
  return op === '' ? 'node without an operator (op_type is empty)' : op;
}

/** A number attribute (f or i), or its default. */
function number(node: Node, name: string, fallback: number, where: string): number {
  const a = node.attribute(name);
  if (a === undefined) return fallback;
  return a.type === 2 ? int64(a.i, where, `${node.label}'s attribute ${name}`) : (a.f ?? 0); // AttributeType INT = 2, FLOAT = 1
}

/** The chain's value must be the node's first input (the samples, as rows). */
function takesChain(node: Node, walk: Walk, slot = 0): void {
  if (node.inputs[slot] !== walk.chain.current) {
    throw new ValueError(
      `${walk.where}: ${node.label} (${node.op}) takes ${JSON.stringify(node.inputs[slot] ?? '')} but the chain has reached ${JSON.stringify(walk.chain.current)} (a dense network is one chain of nodes)`,
    );
  }
}

/** The node's other operand, a constant; the chain's value may be either operand of Add and Mul. */
function otherOperand(node: Node, walk: Walk, either: boolean): Tensor {
  const slot = either && node.inputs[1] === walk.chain.current ? 1 : 0;
  takesChain(node, walk, slot);
  return walk.constant(node.inputs[1 - slot], node);
}

/** A layer may start here: no outputs' scaling read yet. */
function checkLayerAllowed(node: Node, walk: Walk): void {
  const { outputs } = walk.chain;
  if (outputs.mean || outputs.std) {
    throw new ValueError(
      `${walk.where}: ${node.label} (${node.op}) comes after the outputs' scaling (Mul/Add after the last layer) but nothing but Identity may follow it`,
    );
  }
}

/** The layer an activation node or a bias Add belongs to: the last one, still without an activation. */
function openLayer(node: Node, walk: Walk): Building {
  checkLayerAllowed(node, walk);
  const layer = walk.chain.layers[walk.chain.layers.length - 1];
  if (layer === undefined || layer.activation !== undefined) {
    throw new ValueError(
      `${walk.where}: ${node.label} (${node.op}) follows ${layer === undefined ? 'no layer' : 'an activation'} but it must follow a layer (Gemm, or MatMul then Add)`,
    );
  }
  return layer;
}

/** A 2-D constant's rows and columns. */
function matrixShape(tensor: Tensor, node: Node, walk: Walk): [number, number] {
  if (tensor.dims.length !== 2) {
    throw new ShapeError(
      `${walk.where}: ${node.label} (${node.op}) has weights of dims [${tensor.dims}] but they must be 2-D`,
    );
  }
  return [tensor.dims[0], tensor.dims[1]];
}

/** A constant broadcast along n entries: dims [], [1], [n] or [1, n] (numpy's rules for a row). */
export function vector(tensor: Tensor, n: number, what: string, where: string): Float64Array {
  const dims = tensor.dims.filter((d, k) => !(d === 1 && k < tensor.dims.length - 1)); // [1, n] → [n]
  if (dims.length === 0 || (dims.length === 1 && dims[0] === 1)) return new Float64Array(n).fill(tensor.values[0]);
  if (dims.length === 1 && dims[0] === n) return tensor.values.slice();
  throw new ShapeError(
    `${where}: ${what} has dims [${tensor.dims}] but it must be one entry per neuron (${n}), or one for all`,
  );
}

/** Appends a new layer, W (nOut × nIn) and b. */
function pushLayer(walk: Walk, W: Matrix, b: Float64Array): void {
  walk.chain.layers.push({ W, b });
}

/** W from a Gemm's or MatMul's B: B itself when it is nOut × nIn (transB = 1), else Bᵀ; times α. */
function weightsFrom(B: Tensor, transposed: boolean, alpha: number, node: Node, walk: Walk): Matrix {
  const [rows, cols] = matrixShape(B, node, walk);
  const [nOut, nIn] = transposed ? [rows, cols] : [cols, rows];
  const W = new Matrix(nOut, nIn);
  for (let i = 0; i < nOut; i++) {
    for (let k = 0; k < nIn; k++) {
      const w = transposed ? B.values[i * cols + k] : B.values[k * cols + i]; // W[i][k] = B[i][k], or B[k][i]
      W.data[i * nIn + k] = alpha === 1 ? w : alpha * w;
    }
  }
  return W;
}

/** Sets the open layer's activation. */
function activation(g: (node: Node, walk: Walk) => Activation) {
  return (node: Node, walk: Walk): void => {
    const layer = openLayer(node, walk);
    takesChain(node, walk);
    layer.activation = g(node, walk);
  };
}

/** Each operator read, and what it does to the chain (a Constant or a constant's Transpose returns a tensor). */
export const OPERATORS: Record<string, (node: Node, walk: Walk) => unknown> = {
  // Y = α·A·B′ + β·C: a whole layer.
  Gemm(node, walk) {
    checkLayerAllowed(node, walk);
    takesChain(node, walk);
    if (number(node, 'transA', 0, walk.where) !== 0) {
      throw new ValueError(
        `${walk.where}: ${node.label} (Gemm) has transA = 1 but the samples must come as rows (transA = 0)`,
      );
    }
    const W = weightsFrom(
      walk.constant(node.inputs[1], node),
      number(node, 'transB', 0, walk.where) === 1,
      number(node, 'alpha', 1, walk.where),
      node,
      walk,
    );
    const beta = number(node, 'beta', 1, walk.where);
    const C = node.inputs[2]
      ? vector(walk.constant(node.inputs[2], node), W.rows, `${node.label}'s C (the biases)`, walk.where)
      : new Float64Array(W.rows);
    pushLayer(walk, W, beta === 1 ? C : C.map((c) => beta * c));
  },
  // A·B: a layer's weighted sums, its biases added by the Add that follows.
  MatMul(node, walk) {
    checkLayerAllowed(node, walk);
    takesChain(node, walk);
    const W = weightsFrom(walk.constant(node.inputs[1], node), false, 1, node, walk);
    pushLayer(walk, W, new Float64Array(W.rows));
  },
  Add(node, walk) {
    const { chain } = walk;
    const last = chain.layers[chain.layers.length - 1];
    const c = otherOperand(node, walk, true);
    if (last !== undefined && last.activation === undefined && !chain.outputs.std && !chain.outputs.mean) {
      const b = vector(c, last.W.rows, `${node.label}'s constant (the biases)`, walk.where);
      last.b = last.b.map((bi, i) => bi + b[i]); // after MatMul b is 0, and 0 + c = c exactly
    } else if (last !== undefined && !chain.outputs.mean) {
      chain.outputs.mean = c; // y·σ + μ: the outputs' mean
    } else {
      throw new ValueError(
        `${walk.where}: ${node.label} (Add) ${last === undefined ? 'comes before the first layer' : "follows the outputs' Add"} but an Add is a layer's biases, or the outputs' mean once after the last layer`,
      );
    }
  },
  Sub: scaling('inputs', 'mean'),
  Div: scaling('inputs', 'std'),
  Mul: scaling('outputs', 'std'),
  Relu: activation(() => relu),
  Sigmoid: activation(() => sigmoid),
  Tanh: activation(() => tanh),
  // alpha is a float attribute: its default 0.01 is the float32 nearest 0.01, as runtimes compute with it.
  LeakyRelu: activation((node, walk) => leakyReluWithSlope(number(node, 'alpha', Math.fround(0.01), walk.where))),
  PRelu: activation((node, walk) => {
    const slope = walk.constant(node.inputs[1], node).values;
    if (slope.length === 0 || slope.some((s) => !Object.is(s, slope[0]))) {
      throw new ValueError(
        `${walk.where}: ${node.label} (PRelu) has ${slope.length} different slopes but only one slope for every neuron (a leakyRelu) can be read`,
      );
    }
    return leakyReluWithSlope(slope[0]);
  }),
  Softmax: activation((node, walk) => {
    const axis = number(node, 'axis', walk.opset >= 13 ? -1 : 1, walk.where);
    if (axis !== -1 && axis !== 1) {
      throw new ValueError(
        `${walk.where}: ${node.label} (Softmax) has axis ${axis} but only the last axis (-1 or 1), over the outputs of each sample, can be read`,
      );
    }
    return softmax;
  }),
  Identity(node, walk) {
    takesChain(node, walk);
  },
  // [batch, features] → [batch, features]: nothing changes, so nothing is read.
  Flatten(node, walk) {
    inputShapeOnly(node, walk);
    const axis = number(node, 'axis', 1, walk.where);
    if (axis !== 1 || (walk.inputRank ?? 2) > 2) {
      throw new ValueError(
        `${walk.where}: ${node.label} (Flatten) turns an input of ${walk.inputRank} dimensions into rows (axis ${axis}), but only an input that is already [batch, features] can be read`,
      );
    }
  },
  Reshape(node, walk) {
    inputShapeOnly(node, walk);
    const shape = readShape(walk.proto(node.inputs[1], node), walk.where);
    if (shape.length !== 2 || (shape[0] !== -1 && shape[0] !== 0) || (walk.inputRank ?? 2) !== 2) {
      throw new ValueError(
        `${walk.where}: ${node.label} (Reshape) makes the shape [${shape}] but only a reshape of a [batch, features] input to [batch, features] can be read`,
      );
    }
    if (shape[1] !== -1) walk.chain.reshaped = shape[1];
  },
  Constant(node, walk) {
    const value = node.attribute('value');
    if (value?.t == null) {
      throw new ValueError(
        `${walk.where}: ${node.label} (Constant) has no tensor "value" but only a Constant of a tensor can be read`,
      );
    }
    return value.t;
  },
  // Bᵀ of a constant, folded before use (older exporters wrote MatMul(x, Transpose(W))).
  Transpose(node, walk) {
    if (node.inputs[0] === walk.chain.current) {
      throw new ValueError(
        `${walk.where}: ${node.label} (Transpose) transposes the samples but only a constant's Transpose (a weight) can be read`,
      );
    }
    const B = walk.constant(node.inputs[0], node);
    const perm = node.attribute('perm')?.ints?.map((p) => int64(p, walk.where, 'perm')) ?? [1, 0];
    const [rows, cols] = matrixShape(B, node, walk);
    if (perm.length !== 2 || perm[0] !== 1 || perm[1] !== 0) {
      throw new ValueError(
        `${walk.where}: ${node.label} (Transpose) has perm [${perm}] but only a 2-D transpose of a constant can be read`,
      );
    }
    const T = new Float64Array(B.values.length);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) T[j * rows + i] = B.values[i * cols + j];
    return { dims: [cols, rows], values: T };
  },
};

/** Sub and Div (the inputs' (x − μ)/σ, before the first layer) and Mul (the outputs' y·σ, after the last). */
function scaling(side: 'inputs' | 'outputs', stat: 'mean' | 'std') {
  return (node: Node, walk: Walk): void => {
    const { chain, where } = walk;
    const scale = chain[side];
    const misplaced = side === 'inputs' ? chain.layers.length > 0 : chain.layers.length === 0;
    const outOfOrder = side === 'inputs' ? stat === 'mean' && scale.std : scale.mean;
    if (misplaced || outOfOrder || scale[stat]) {
      throw new ValueError(
        `${where}: ${node.label} (${node.op}) ${misplaced ? (side === 'inputs' ? 'comes after a layer' : 'comes before any layer') : scale[stat] ? 'is the second of its kind' : 'comes out of order'} but it can be read only as part of the standardizing: Sub then Div before the first layer, Mul then Add after the last`,
      );
    }
    scale[stat] = otherOperand(node, walk, side === 'outputs'); // x − μ and x / σ: the samples come first
  };
}

/** Flatten and Reshape change nothing only on the input, before the first layer. */
function inputShapeOnly(node: Node, walk: Walk): void {
  if (walk.chain.layers.length > 0) {
    throw new ValueError(
      `${walk.where}: ${node.label} (${node.op}) comes after a layer but a ${node.op} is read only on the input, where it changes nothing`,
    );
  }
  takesChain(node, walk);
}
