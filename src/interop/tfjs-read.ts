/**
 * The road back: a TensorFlow.js sequential model of Dense layers read into a
 * Network. Each Dense layer's kernel (nIn × nOut) becomes Wˡ = kernelᵀ
 * (nOut × nIn), its bias bˡ; float32 weights become float64 exactly.
 */
import { type Activation, leakyReluWithSlope, resolveActivation } from '../core/activations.js';
import { ShapeError, ValueError, describeValue, formatShape } from '../core/errors.js';
import { Matrix } from '../core/matrix.js';
import { Network } from '../core/network.js';
import { parseJSON } from '../core/serialize.js';
import { KERAS_ACTIVATIONS, type TfjsArtifacts, type TfjsLayerJSON, type TfjsModelJSON } from './tfjs-write.js';

/** The weights' bytes as TensorFlow.js may hand them over: one buffer, a byte view, or a list of buffers. */
export type TfjsWeightData = ArrayBuffer | ArrayBufferView | readonly ArrayBuffer[];

/** What fromTfjsModel reads: model.json's content (or its text), or TensorFlow.js's ModelArtifacts. */
export type TfjsModelInput =
  | string
  | TfjsModelJSON
  | TfjsArtifacts
  | { modelTopology?: unknown; weightSpecs?: unknown; weightsManifest?: unknown; weightData?: unknown };

/**
 * A Network from a TensorFlow.js sequential model of Dense layers: the contents
 * of `model.json` (or its text) and its weights file, or the artifacts a
 * `model.save(tf.io.withSaveHandler(…))` hands over. Wˡ = kernelᵀ (nOut × nIn), bˡ = bias.
 * Reads Dense layers with relu, sigmoid, tanh, linear or softmax, and a LeakyReLU
 * or Activation layer right after a linear Dense; anything else is named in an error.
 * @example fromTfjsModel(toTfjsModel(new Network({ layers: [1, 2, 1] }))).sizes //=> [1, 2, 1]
 */
export function fromTfjsModel(model: TfjsModelInput, weights?: TfjsWeightData): Network {
  const where = 'fromTfjsModel';
  const json = (typeof model === 'string' ? parseJSON(model, where) : model) as Partial<TfjsModelJSON & TfjsArtifacts>;
  if (
    typeof json !== 'object' ||
    json === null ||
    typeof json.modelTopology !== 'object' ||
    json.modelTopology === null
  ) {
    throw new ValueError(
      `${where}: model is ${describeValue(json)} but it must be model.json's content (with a modelTopology)`,
    );
  }
  const specs = json.weightSpecs ?? json.weightsManifest?.flatMap((group) => group.weights);
  if (!Array.isArray(specs))
    throw new ValueError(`${where}: the model lists no weights (no weightSpecs or weightsManifest)`);
  const bytes = toBytes(weights ?? json.weightData, where);
  const tensors = readWeights(specs, bytes, where);

  const plan = readLayers(json.modelTopology, where);
  const layers = plan.map(({ name, units, activation, useBias }, l) => {
    const kernel = tensors.get(`${name}/kernel`);
    if (kernel === undefined) {
      throw new ValueError(
        `${where}: layer ${l + 1} (${name}) has no weight "${name}/kernel" (the weights are ${[...tensors.keys()].join(', ')})`,
      );
    }
    const [nIn, nOut] = kernel.shape;
    if (kernel.shape.length !== 2 || nOut !== units) {
      throw new ShapeError(
        `${where}: layer ${l + 1} (${name}) has a kernel of shape [${kernel.shape}] but ${units} units (a kernel is nIn × units)`,
      );
    }
    const W = new Matrix(nOut, nIn); // W = kernelᵀ: nOut × nIn
    for (let k = 0; k < nIn; k++) for (let i = 0; i < nOut; i++) W.data[i * nIn + k] = kernel.values[k * nOut + i];
    const bias = useBias ? tensors.get(`${name}/bias`) : undefined;
    if (useBias && (bias === undefined || bias.values.length !== nOut)) {
      throw new ShapeError(
        `${where}: layer ${l + 1} (${name}) has ${units} units but its bias is ${bias === undefined ? 'missing' : `[${bias.shape}]`} (one bias per unit)`,
      );
    }
    if (l > 0 && nIn !== plan[l - 1].units) {
      throw new ShapeError(
        `${where}: layer ${l + 1} (${name}) has a kernel ${formatShape(nIn, nOut)} but layer ${l} has ${plan[l - 1].units} units`,
      );
    }
    if (activation.outputOnly && l < plan.length - 1) {
      throw new ValueError(
        `${where}: layer ${l + 1} (${name}) uses ${activation.name}, which feedforward allows on the output layer only`,
      );
    }
    return { weights: W, biases: Array.from(bias?.values ?? new Float64Array(nOut)), activation };
  });
  return Network.fromWeights(layers);
}

/** One Dense layer to build: its name (for its weights), units, activation and whether it has a bias. */
interface DensePlan {
  name: string;
  units: number;
  activation: Activation;
  useBias: boolean;
}

/** Reads the Sequential topology into a list of Dense layers, folding LeakyReLU/Activation layers into the Dense before them. */
function readLayers(topology: object, where: string): DensePlan[] {
  const top = ((topology as { model_config?: object }).model_config ?? topology) as {
    class_name?: unknown;
    config?: unknown;
  };
  if (top.class_name !== 'Sequential') {
    throw new ValueError(
      `${where}: the model is a ${describeValue(top.class_name)} model but only a Sequential model of Dense layers can be read`,
    );
  }
  const config = top.config as { layers?: unknown } | unknown[];
  const list = (Array.isArray(config) ? config : config?.layers) as TfjsLayerJSON[] | undefined;
  if (!Array.isArray(list)) throw new ValueError(`${where}: the Sequential model lists no layers`);
  const plan: DensePlan[] = [];
  list.forEach((layer, n) => {
    const c = (layer?.config ?? {}) as Record<string, unknown>;
    const label = `model layer ${n + 1} (${String(c.name ?? layer?.class_name)})`;
    const last = plan[plan.length - 1];
    const foldable = last !== undefined && last.activation.name === 'linear';
    if (layer?.class_name === 'InputLayer') return; // only declares the input shape, which the kernel also gives
    if (layer?.class_name === 'Dense') {
      plan.push({
        name: String(c.name),
        units: c.units as number,
        activation: kerasActivation(c.activation, label, where),
        useBias: c.use_bias !== false,
      });
    } else if (layer?.class_name === 'LeakyReLU' && foldable) {
      last.activation = leakyReluWithSlope(typeof c.alpha === 'number' ? c.alpha : 0.3); // 0.3: Keras's default alpha
    } else if (layer?.class_name === 'Activation' && foldable) {
      last.activation = kerasActivation(c.activation, label, where);
    } else {
      throw new ValueError(
        `${where}: ${label} is a ${describeValue(layer?.class_name)} layer but feedforward reads only Dense layers (and an InputLayer, or a LeakyReLU or Activation layer right after a linear Dense)`,
      );
    }
  });
  if (plan.length === 0) throw new ValueError(`${where}: the Sequential model has no Dense layer`);
  return plan;
}

/** Our activation for a Keras activation name (a missing one means linear). */
function kerasActivation(name: unknown, label: string, where: string): Activation {
  const keras = name ?? 'linear';
  if (typeof keras === 'string' && Object.hasOwn(KERAS_ACTIVATIONS, keras)) return resolveActivation(keras, where);
  throw new ValueError(
    `${where}: ${label} has activation ${describeValue(keras)} but feedforward reads only ${Object.keys(KERAS_ACTIVATIONS).join(', ')}`,
  );
}

/** Splits the weight bytes into named float32 tensors (as float64 values), checking dtype and length. */
function readWeights(
  specs: unknown[],
  bytes: Uint8Array,
  where: string,
): Map<string, { shape: number[]; values: Float64Array }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tensors = new Map<string, { shape: number[]; values: Float64Array }>();
  let offset = 0;
  for (const spec of specs as { name: string; shape: number[]; dtype?: string; quantization?: unknown }[]) {
    if ((spec.dtype ?? 'float32') !== 'float32' || spec.quantization !== undefined) {
      throw new ValueError(
        `${where}: weight ${spec.name} is ${spec.quantization ? 'quantized' : spec.dtype} but only float32 weights can be read`,
      );
    }
    const size = spec.shape.reduce((p, d) => p * d, 1);
    if (offset + 4 * size > bytes.byteLength) {
      throw new ShapeError(
        `${where}: the weights file has ${bytes.byteLength} bytes but the model's weights need more (${spec.name} ends at byte ${offset + 4 * size})`,
      );
    }
    const values = new Float64Array(size);
    for (let n = 0; n < size; n++, offset += 4) values[n] = view.getFloat32(offset, true);
    tensors.set(spec.name, { shape: spec.shape, values });
  }
  if (offset !== bytes.byteLength) {
    throw new ShapeError(
      `${where}: the weights file has ${bytes.byteLength} bytes but the model's weights take ${offset} (4 bytes per float32)`,
    );
  }
  return tensors;
}

function toBytes(data: unknown, where: string): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (Array.isArray(data) && data.every((part) => part instanceof ArrayBuffer)) {
    const out = new Uint8Array(data.reduce((sum, part) => sum + part.byteLength, 0));
    let offset = 0;
    for (const part of data) {
      out.set(new Uint8Array(part), offset);
      offset += part.byteLength;
    }
    return out;
  }
  throw new ValueError(
    `${where}: the weights are ${describeValue(data)} but they must be the weights file's bytes (an ArrayBuffer or a Uint8Array)`,
  );
}
