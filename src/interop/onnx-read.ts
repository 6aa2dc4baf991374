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
 * Here the graph is walked node by node, each node handled by its operator
 * (onnx-operators.ts: layers, activations, the standardizing), then everything
 * is checked against everything: the graph's input and output, the layers'
 * sizes, the standardizers, and the names in metadata_props. Anything that is
 * not a dense chain is refused by name.
 */
import { linear, relu } from '../core/activations.js';
import { ShapeError, ValueError, describeValue, plural } from '../core/errors.js';
import { checkFeatures, checkLabels } from '../core/labels.js';
import { layersFromWeights } from '../core/layers.js';
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
import { type Node, OPERATORS, SUPPORTED, type Walk, describeOp, vector } from './onnx-operators.js';
import { type ExternalData, type Tensor, type TensorReading, readTensor } from './onnx-tensors.js';

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
    if (node.op === 'Identity' && node.inputs[0] !== walk.chain.current) {
      read.set(output, walk.constant(node.inputs[0], node)); // another name for a constant (PyTorch's newer exporter)
      return;
    }
    handler(node, walk);
    walk.chain.current = output;
  });
  return finish(walk, graph, input, model, where);
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
