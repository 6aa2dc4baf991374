/**
 * The road in from PyTorch (and Keras, scikit-learn, …): an ONNX model of dense
 * layers read as plain data (`fromOnnx` wraps it in a Network).
 *
 * A dense network in ONNX is a chain: the input x flows through one node after
 * another, each taking the value the one before made, and the weights are
 * constants (initializers). PyTorch writes `nn.Linear` as
 *   Gemm(A, B, C) = α·A·B′ + β·C   with B′ = Bᵀ when transB = 1,
 * A the samples as rows (samples × nIn) and B PyTorch's weight (nOut × nIn), so
 * for one sample, a column, Z = W·a + b with W = α·B and b = β·C: our layer.
 * (transB = 0 keeps B as nIn × nOut, and W = α·Bᵀ.) MatMul then Add is the same
 * layer in two nodes. An activation node after it (Relu, LeakyRelu or PRelu with
 * one slope, Sigmoid, Tanh, Softmax on the last axis) is the layer's g.
 * Sub and Div before the first layer are the inputs' standardizing, (x − μ)/σ,
 * and Mul and Add after the last are the outputs' un-standardizing, y·σ + μ:
 * what `toOnnx` writes for `net.standardize`. Anything else is refused by name.
 */
import { type Activation, leakyReluWithSlope, linear, relu, sigmoid, softmax, tanh } from '../core/activations.js';
import { ShapeError, ValueError, describeValue, plural } from '../core/errors.js';
import { checkFeatures, checkLabels } from '../core/labels.js';
import { layersFromWeights } from '../core/layers.js';
import { Matrix } from '../core/matrix.js';
import { parseJSON } from '../core/serialize.js';
import { standardizerFromJSON } from '../core/standardize.js';
import type { NetworkParts, NetworkStandardize } from '../core/types.js';
import { MAX_PARAMETERS, checkOptions } from '../core/validate.js';
import type { onnx } from './onnx-proto.js';
import {
  ONNX_OPSETS,
  type OnnxModel,
  type OnnxSchema,
  decodeOnnx,
  int64,
  loadOnnxSchema,
  onnxBytes,
} from './onnx-schema.js';
import { type ExternalData, type Tensor, type TensorReading, readShape, readTensor } from './onnx-tensors.js';

/** What `fromOnnx` takes besides the bytes. */
export interface FromOnnxOptions {
  /** The bytes of each external-data file the model names (`{ 'model.onnx.data': bytes }`). */
  externalData?: Record<string, Uint8Array>;
}

/** Every option of `fromOnnx`, written once: no external data unless given. */
export const FROM_ONNX_DEFAULTS = Object.freeze({ externalData: undefined });

/** The metadata_props keys `toOnnx` writes and `fromOnnx` reads: JSON lists of names. */
export const ONNX_METADATA = Object.freeze({ labels: 'feedforward.labels', features: 'feedforward.features' });

/**
 * The network an ONNX model holds, as plain data (`fromOnnx` wraps it in a Network).
 * @example (await readOnnx(await toOnnx(articleNetwork()), {}, 'fromOnnx')).layers.length //=> 3
 */
export async function readOnnx(
  bytes: unknown,
  options: FromOnnxOptions | undefined,
  where: string,
): Promise<NetworkParts> {
  const { externalData } = checkOptions(options, FROM_ONNX_DEFAULTS, where);
  const external = checkExternalData(externalData, where);
  const model = await decodeOnnx(onnxBytes(bytes, where), where);
  return onnxParts(model, await loadOnnxSchema(), external, where);
}

/** options.externalData: an object of file name → bytes. */
function checkExternalData(value: unknown, where: string): ExternalData {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValueError(
      `${where}: options.externalData is ${describeValue(value)} but it must be { 'file name': bytes, … }`,
    );
  }
  return Object.fromEntries(
    Object.entries(value).map(([name, bytes]) => [
      name,
      onnxBytes(bytes, where, `options.externalData[${JSON.stringify(name)}]`),
    ]),
  );
}

/** One layer as the chain builds it: W (nOut × nIn) and b, then its activation when a node gives one. */
interface Building {
  W: Matrix;
  b: Float64Array;
  activation?: Activation;
}

/** Where the walk along the chain stands. */
interface Chain {
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
interface Node {
  label: string;
  op: string;
  inputs: string[];
  attribute(name: string): onnx.AttributeProto.$Properties | undefined;
}

/** What every handler may use: the chain, the constants by name (read once each), the opset, the declared input. */
interface Walk {
  chain: Chain;
  /** A constant's numbers, read (and counted against MAX_PARAMETERS) once. */
  constant(name: string, node: Node): Tensor;
  /** A constant as the file holds it (for Reshape's shape, which is not a weight). */
  proto(name: string, node: Node): onnx.TensorProto.$Properties;
  opset: number;
  inputRank: number | undefined;
  where: string;
}

/** The network a decoded model holds: its graph walked node by node, then its metadata. */
export function onnxParts(
  model: OnnxModel,
  schema: OnnxSchema,
  externalData: ExternalData,
  where: string,
): NetworkParts {
  const opset = checkVersions(model, where);
  const graph = model.graph;
  if (!graph) throw new ValueError(`${where}: the model has no graph`);
  const reading: TensorReading = { schema, externalData, left: MAX_PARAMETERS, where };
  const tensors = new Map<string, onnx.TensorProto.$Properties>(
    (graph.initializer ?? []).map((t) => [t.name ?? '', t]),
  );
  const read = new Map<string, Tensor>();
  const input = graphInput(graph, tensors, where);
  const walk: Walk = {
    chain: { current: input.name ?? '', layers: [], inputs: {}, outputs: {} },
    constant(name, node) {
      const known = read.get(name);
      if (known !== undefined) return known;
      const tensor = this.proto(name, node);
      read.set(name, readTensor(tensor, reading));
      return read.get(name) as Tensor;
    },
    proto(name, node) {
      const tensor = tensors.get(name);
      if (tensor === undefined) {
        throw new ValueError(
          `${where}: ${node.label} takes ${JSON.stringify(name)}, which is neither a constant (an initializer) nor the value the chain has reached (${JSON.stringify(this.chain.current)})`,
        );
      }
      return tensor;
    },
    opset,
    inputRank: input.type?.tensorType?.shape?.dim?.length,
    where,
  };
  (graph.node ?? []).forEach((proto, n) => {
    const node: Node = {
      label: `node ${JSON.stringify(proto.name || `#${n + 1}`)}`,
      op: proto.opType ?? '',
      inputs: proto.input ?? [],
      attribute: (name) => (proto.attribute ?? []).find((a) => a.name === name),
    };
    if (proto.domain && proto.domain !== 'ai.onnx') {
      throw new ValueError(
        `${where}: ${node.label} is a ${node.op} of the domain ${JSON.stringify(proto.domain)} ${SUPPORTED}`,
      );
    }
    const handler = Object.hasOwn(OPERATORS, node.op) ? OPERATORS[node.op] : undefined;
    if (handler === undefined)
      throw new ValueError(`${where}: ${node.label} is a ${describeOp(node.op)}, ${SUPPORTED}`);
    if ((proto.output ?? []).length !== 1) {
      throw new ValueError(
        `${where}: ${node.label} (${node.op}) has ${(proto.output ?? []).length} outputs but a chain's node has 1`,
      );
    }
    const output = (proto.output ?? [])[0];
    if (node.op === 'Constant') {
      tensors.set(output, handler(node, walk) as onnx.TensorProto.$Properties); // a constant, not a step of the chain
      return;
    }
    if (node.op === 'Transpose') {
      read.set(output, handler(node, walk) as Tensor); // a constant's transpose, read
      return;
    }
    handler(node, walk);
    walk.chain.current = output;
  });
  return finish(walk, graph, input, model, where);
}

/** What the error for an unsupported node says after naming it, as the issue words it. */
const SUPPORTED =
  'but only dense layers (Gemm, MatMul+Add) and the activations relu, leakyRelu, sigmoid, tanh, softmax can be read';

/** An operator's name for a message: "Conv", or "node without an operator". */
function describeOp(op: string): string {
  return op === '' ? 'node without an operator (op_type is empty)' : op;
}

/** The ONNX IR version and the default domain's opset, checked; returns the opset. */
function checkVersions(model: OnnxModel, where: string): number {
  const ir = int64(model.irVersion, where, 'ir_version');
  if (ir < 3) throw new ValueError(`${where}: ir_version is ${ir} but only ONNX IR 3 and later (2017 on) can be read`);
  const onnxSet = (model.opsetImport ?? []).find((set) => !set.domain || set.domain === 'ai.onnx');
  const opset = int64(onnxSet?.version, where, 'the opset');
  if (onnxSet === undefined || opset < ONNX_OPSETS.min || opset > ONNX_OPSETS.max) {
    throw new ValueError(
      `${where}: the model uses ${onnxSet === undefined ? 'no opset of the ONNX domain' : `opset ${opset}`} but opsets ${ONNX_OPSETS.min} to ${ONNX_OPSETS.max} can be read (torch.onnx.export(…, opset_version=17) writes 17)`,
    );
  }
  return opset;
}

/** The graph's one true input (older files list the initializers among the inputs too). */
function graphInput(
  graph: onnx.GraphProto.$Properties,
  tensors: ReadonlyMap<string, unknown>,
  where: string,
): onnx.ValueInfoProto.$Properties {
  const inputs = (graph.input ?? []).filter((value) => !tensors.has(value.name ?? ''));
  if (inputs.length !== 1) {
    throw new ValueError(
      `${where}: the graph has ${inputs.length} inputs (${inputs.map((value) => JSON.stringify(value.name)).join(', ') || 'none'}) but a network has 1, the samples`,
    );
  }
  return inputs[0];
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
function vector(tensor: Tensor, n: number, what: string, where: string): Float64Array {
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
const OPERATORS: Record<string, (node: Node, walk: Walk) => unknown> = {
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

/** The layers, the standardizers and the names, once the chain is walked: everything checked against everything. */
function finish(
  walk: Walk,
  graph: onnx.GraphProto.$Properties,
  input: onnx.ValueInfoProto.$Properties,
  model: OnnxModel,
  where: string,
): NetworkParts {
  const { chain } = walk;
  if (chain.layers.length === 0) throw new ValueError(`${where}: the graph has no layer (no Gemm, no MatMul)`);
  const outputs = graph.output ?? [];
  if (outputs.length !== 1 || outputs[0].name !== chain.current) {
    throw new ValueError(
      `${where}: the graph's outputs are ${outputs.map((value) => JSON.stringify(value.name)).join(', ') || 'none'} but the chain ends at ${JSON.stringify(chain.current)} (a network has 1 output, the chain's end)`,
    );
  }
  const nIn = chain.layers[0].W.cols;
  const nOut = chain.layers[chain.layers.length - 1].W.rows;
  checkDeclared(input, nIn, 'input', where);
  checkDeclared(outputs[0], nOut, 'output', where);
  if (chain.reshaped !== undefined && chain.reshaped !== nIn) {
    throw new ShapeError(
      `${where}: the input is reshaped to ${chain.reshaped} features but the first layer has ${nIn} inputs`,
    );
  }
  const layers = layersFromWeights(
    chain.layers.map(({ W, b, activation: g }) => ({ weights: W, biases: Array.from(b), activation: g ?? linear })),
    relu,
    linear,
    where,
  );
  const standardize: NetworkStandardize = {
    inputs: standardizer(chain.inputs, nIn, "the inputs' standardizing (Sub, Div)", where),
    outputs: standardizer(chain.outputs, nOut, "the outputs' un-standardizing (Mul, Add)", where),
  };
  const meta = new Map((model.metadataProps ?? []).map(({ key, value }) => [key ?? '', value ?? '']));
  const names = <T>(key: string, check: (value: unknown, layers: NetworkParts['layers'], where: string) => T) =>
    meta.has(key)
      ? check(parseJSON(meta.get(key) as string, where, `metadata_props ${key}`), layers, `${where}: ${key}`)
      : undefined;
  return {
    layers,
    standardize: standardize.inputs || standardize.outputs ? standardize : undefined,
    labels: names(ONNX_METADATA.labels, checkLabels),
    features: names(ONNX_METADATA.features, checkFeatures),
  };
}

/** A Standardizer from the constants of Sub/Div (or Mul/Add): μ = 0 or σ = 1 where one is missing. */
function standardizer(scale: { mean?: Tensor; std?: Tensor }, n: number, what: string, where: string) {
  if (!scale.mean && !scale.std) return undefined;
  const mean = scale.mean ? vector(scale.mean, n, `${what}'s μ`, where) : new Float64Array(n);
  const std = scale.std ? vector(scale.std, n, `${what}'s σ`, where) : new Float64Array(n).fill(1);
  return standardizerFromJSON({ mean: Array.from(mean), std: Array.from(std) }, `${where}: ${what}`);
}

/** A graph input's or output's declared element type and feature count, when declared, against the layers. */
function checkDeclared(value: onnx.ValueInfoProto.$Properties, features: number, what: string, where: string): void {
  const tensor = value.type?.tensorType;
  if (!tensor) return;
  if (tensor.elemType && ![1, 10, 11].includes(tensor.elemType)) {
    throw new ValueError(
      `${where}: the graph's ${what} ${JSON.stringify(value.name)} has element type ${tensor.elemType} but only FLOAT, DOUBLE and FLOAT16 networks can be read`,
    );
  }
  const dims = tensor.shape?.dim ?? [];
  if (dims.length === 0 || tensor.shape == null) return;
  const declared =
    dims.length === 2 && dims[1].dimValue != null ? int64(dims[1].dimValue, where, `the ${what}'s size`) : undefined;
  if (dims.length !== 2 || (declared !== undefined && declared !== 0 && declared !== features)) {
    throw new ShapeError(
      `${where}: the graph's ${what} ${JSON.stringify(value.name)} has ${dims.length === 2 ? `${declared} features` : `${dims.length} dimensions`} but the layers take ${plural(features, what)} per sample ([batch, ${features}])`,
    );
  }
}
