/**
 * The road out to onnxruntime (servers, GPUs, phones, other languages): a
 * network written as an ONNX model, the file format every runtime reads.
 *
 * Each layer becomes the node PyTorch writes for `nn.Linear`,
 *   Gemm(A, W, b) with transB = 1:  Z = A·Wᵀ + b   (A: samples × nIn, one sample per row),
 * which is Zˡ = Wˡ·Aˡ⁻¹ + bˡ for one sample as a column: W is stored as it is,
 * nOut × nIn, PyTorch's layout. Its activation follows as its own node (Relu,
 * Sigmoid, Tanh, Softmax on the last axis; leakyRelu as PRelu, whose slope is a
 * tensor of the model's own number type, where LeakyRelu's alpha would be
 * rounded to float32). `net.standardize` becomes nodes too, Sub and Div on the
 * input and Mul and Add on the output, so the file alone predicts what
 * `net.predict` predicts; labels and feature names go into metadata_props as
 * JSON. Reading the file back (`fromOnnx`) gives the same network, bit for bit
 * in float64.
 *
 * The graph's input `x` and output `y` have a symbolic batch dimension:
 * [batch, nIn] → [batch, nOut]. IR version 8 with opset 17, as PyTorch 2
 * writes, which onnxruntime 1.13 and later load (the tests run onnxruntime-web 1.31).
 */
import { ValueError, describeValue } from '../core/errors.js';
import type { NetworkParts } from '../core/types.js';
import { checkNetwork, checkOptions } from '../core/validate.js';
import type { onnx } from './onnx-proto.js';
import { ONNX_METADATA } from './onnx-read.js';
import { ONNX_TYPES, loadOnnxSchema } from './onnx-schema.js';
import { writeTensor } from './onnx-tensors.js';

/** What `toOnnx` takes besides the network. */
export interface ToOnnxOptions {
  /** The number type of the weights and of the computation: 'float32' (what every runtime and GPU runs) or 'float64' (every weight exact). */
  dtype?: 'float32' | 'float64';
  /** The graph's name, as runtimes and Netron show it. */
  name?: string;
}

/** Every default of `toOnnx`, written once. */
export const TO_ONNX_DEFAULTS = Object.freeze({ dtype: 'float32', name: 'feedforward' } as const);

/** The ONNX IR version and opset written: those of PyTorch 2's exporter. */
export const ONNX_WRITTEN = Object.freeze({ irVersion: 8, opset: 17 });

/** The ONNX operator of each activation this library names (linear needs none; leakyRelu is PRelu). */
const ONNX_OPERATORS: Readonly<Record<string, string | undefined>> = Object.freeze({
  relu: 'Relu',
  leakyRelu: 'PRelu',
  sigmoid: 'Sigmoid',
  tanh: 'Tanh',
  softmax: 'Softmax',
  linear: undefined,
});

/**
 * The network as the bytes of an ONNX model (save them as `model.onnx`, or hand them to
 * `ort.InferenceSession.create(bytes)`): Gemm per layer (transB = 1, W as nOut × nIn), its
 * activation, and the standardizing, in float32 (default) or float64.
 * @example const bytes = await toOnnx(articleNetwork(), { dtype: 'float64' });
 * (await fromOnnx(bytes)).predict([-2, -1, 0, 1, 2]) //=> [1.5, 1, 1, -0.5, -1]
 */
export async function toOnnx(net: NetworkParts, options?: ToOnnxOptions): Promise<Uint8Array> {
  return writeOnnx(net, options, 'toOnnx');
}

/**
 * toOnnx's bytes, its messages naming `where` (saveOnnx's are saveOnnx's).
 * @example (await writeOnnx(articleNetwork(), {}, 'saveOnnx')).length > 0 //=> true
 */
export async function writeOnnx(
  net: NetworkParts,
  options: ToOnnxOptions | undefined,
  where: string,
): Promise<Uint8Array> {
  checkNetwork(net, where);
  const given = checkOptions(options, TO_ONNX_DEFAULTS, where);
  const dtype = given.dtype ?? TO_ONNX_DEFAULTS.dtype;
  const name = given.name ?? TO_ONNX_DEFAULTS.name;
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new ValueError(`${where}: options.dtype is ${describeValue(dtype)} but it must be 'float32' or 'float64'`);
  }
  if (typeof name !== 'string' || name === '') {
    throw new ValueError(`${where}: options.name is ${describeValue(name)} but it must be a non-empty string`);
  }
  const model = modelOf(net, dtype, name, where); // everything that can throw runs before the schema is loaded
  const schema = await loadOnnxSchema();
  return new Uint8Array(schema.ModelProto.encode(model).finish()); // a plain copy: in Node protobuf.js hands over a Buffer of a shared pool
}

/** The graph, node by node: the model as a plain object that protobuf.js encodes. */
function modelOf(
  net: NetworkParts,
  dtype: 'float32' | 'float64',
  name: string,
  where: string,
): onnx.ModelProto.$Properties {
  const nodes: onnx.NodeProto.$Properties[] = [];
  const initializer: onnx.TensorProto.$Properties[] = [];
  const constant = (tensorName: string, dims: number[], values: ArrayLike<number>, what: string) => {
    const tooLarge = Array.from(values).find((x) => !Number.isFinite(dtype === 'float32' ? Math.fround(x) : x));
    if (tooLarge !== undefined) {
      throw new ValueError(`${where}: ${what} has ${tooLarge} but float32 stops near ±3.4e38 (write dtype 'float64')`);
    }
    initializer.push(writeTensor(tensorName, dims, values, dtype));
    return tensorName;
  };
  let A = 'x'; // the value flowing along the chain: x, then each layer's output
  const step = (op: string, inputs: string[], output: string, attribute: onnx.AttributeProto.$Properties[] = []) => {
    nodes.push({ name: `${output}/${op}`, opType: op, input: [A, ...inputs], output: [output], attribute });
    A = output;
  };

  const { inputs, outputs } = net.standardize ?? {};
  if (inputs) {
    step('Sub', [constant('inputs.mean', [inputs.mean.length], inputs.mean, "the inputs' mean")], 'x_centred'); // x − μ
    step('Div', [constant('inputs.std', [inputs.std.length], inputs.std, "the inputs' σ")], 'x_standardized'); // (x − μ)/σ
  }
  net.layers.forEach(({ weights: W, biases: b, activation: g }, l) => {
    const layer = `layer${l + 1}`;
    if (!Object.hasOwn(ONNX_OPERATORS, g.name)) {
      throw new ValueError(
        `${where}: layer ${l + 1}'s activation ${g.name} has no ONNX operator here (supported: ${Object.keys(ONNX_OPERATORS).join(', ')})`,
      );
    }
    const weights = constant(`${layer}.weights`, [W.rows, W.cols], W.data, `layer ${l + 1}'s weights`); // nOut × nIn
    const biases = constant(`${layer}.biases`, [W.rows], b.data, `layer ${l + 1}'s biases`);
    step('Gemm', [weights, biases], `${layer}/Z`, [{ name: 'transB', type: INT, i: 1 }]); // Z = A·Wᵀ + b
    const op = ONNX_OPERATORS[g.name];
    if (op === 'PRelu')
      step(op, [constant(`${layer}.slope`, [1], [g.slope ?? 0], `layer ${l + 1}'s slope`)], `${layer}/A`);
    else if (op === 'Softmax') step(op, [], `${layer}/A`, [{ name: 'axis', type: INT, i: -1 }]);
    else if (op !== undefined) step(op, [], `${layer}/A`);
  });
  if (outputs) {
    step('Mul', [constant('outputs.std', [outputs.std.length], outputs.std, "the outputs' σ")], 'y_scaled'); // y′·σ
    step(
      'Add',
      [constant('outputs.mean', [outputs.mean.length], outputs.mean, "the outputs' mean")],
      'y_unstandardized',
    ); // y′·σ + μ
  }
  nodes[nodes.length - 1].output = ['y'];

  const type = ONNX_TYPES[dtype];
  const value = (valueName: string, size: number) => ({
    name: valueName,
    type: { tensorType: { elemType: type, shape: { dim: [{ dimParam: 'batch' }, { dimValue: size }] } } },
  });
  const sizes = [net.layers[0].weights.cols, net.layers[net.layers.length - 1].weights.rows];
  return {
    irVersion: ONNX_WRITTEN.irVersion,
    opsetImport: [{ domain: '', version: ONNX_WRITTEN.opset }],
    producerName: 'feedforward',
    docString: 'A dense feedforward network: each layer a Gemm (transB = 1, W as nOut × nIn) and its activation.',
    graph: { name, node: nodes, initializer, input: [value('x', sizes[0])], output: [value('y', sizes[1])] },
    metadataProps: [
      ...(net.labels ? [{ key: ONNX_METADATA.labels, value: JSON.stringify(net.labels) }] : []),
      ...(net.features ? [{ key: ONNX_METADATA.features, value: JSON.stringify(net.features) }] : []),
    ],
  };
}

/** AttributeProto.AttributeType INT. */
const INT = 2;
