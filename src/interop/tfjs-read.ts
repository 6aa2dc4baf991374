/**
 * The road back: a TensorFlow.js sequential model of Dense layers read into a
 * Network. Each Dense layer's kernel (nIn × nOut) becomes Wˡ = kernelᵀ
 * (nOut × nIn), its bias bˡ; float32 weights become float64 exactly.
 */
import { type Activation, leakyReluWithSlope, linear, relu, resolveActivation } from '../core/activations.js';
import { ShapeError, ValueError, describeValue, formatShape } from '../core/errors.js';
import { Matrix } from '../core/matrix.js';
import { layersFromWeights } from '../core/layers.js';
import { parseJSON } from '../core/serialize.js';
import type { NetworkParts } from '../core/types.js';
import { MAX_LAYERS, MAX_PARAMETERS, checkLayerCount } from '../core/validate.js';
import {
  KERAS_ACTIVATIONS,
  type TfjsArtifacts,
  type TfjsLayerJSON,
  type TfjsModelJSON,
  plainFileName,
} from './tfjs-write.js';

/** The weights' bytes as TensorFlow.js may hand them over: one buffer, a byte view, or a list of buffers. */
export type TfjsWeightData = ArrayBuffer | ArrayBufferView | readonly ArrayBuffer[];

/** What fromTfjsModel reads: model.json's content (or its text), or TensorFlow.js's ModelArtifacts. */
export type TfjsModelInput =
  | string
  | TfjsModelJSON
  | TfjsArtifacts
  | { modelTopology?: unknown; weightSpecs?: unknown; weightsManifest?: unknown; weightData?: unknown };

/**
 * The layers of a TensorFlow.js sequential model of Dense layers, as plain data (`fromTfjsModel`
 * wraps them in a Network): the contents of `model.json` (or its text) and its weights file, or the
 * artifacts a `model.save(tf.io.withSaveHandler(…))` hands over. Wˡ = kernelᵀ (nOut × nIn), bˡ = bias.
 * @example readTfjsModel(toTfjsModel(new Network({ layers: [1, 2, 1] })), undefined, 'fromTfjsModel').layers.length //=> 2
 */
export function readTfjsModel(model: TfjsModelInput, weights: TfjsWeightData | undefined, where: string): NetworkParts {
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
  const specs = readSpecs(json, where);
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
  return { layers: layersFromWeights(layers, relu, linear, where) }; // every layer names its activation
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
  // A Dense layer, its folded activation layer, and one InputLayer: no more entries than that are read.
  if (list.length > 2 * MAX_LAYERS + 1) {
    throw new ValueError(
      `${where}: the Sequential model lists ${list.length} layers but at most ${2 * MAX_LAYERS + 1} are read (MAX_LAYERS = ${MAX_LAYERS} Dense layers, each with an activation layer, and an InputLayer)`,
    );
  }
  const plan: DensePlan[] = [];
  const named = new Map<string, number>(); // a Dense layer's name → its number in the list, from 1
  list.forEach((layer, n) => {
    const c = (layer?.config ?? {}) as Record<string, unknown>;
    const label = `model layer ${n + 1} (${String(c.name ?? layer?.class_name)})`;
    const last = plan[plan.length - 1];
    const foldable = last !== undefined && last.activation.name === 'linear';
    if (layer?.class_name === 'InputLayer') return; // only declares the input shape, which the kernel also gives
    if (layer?.class_name === 'Dense') {
      if (typeof c.name !== 'string' || c.name === '') {
        throw new ValueError(
          `${where}: ${label}: config.name is ${describeValue(c.name)} but it must be the layer's name (its weights are "<name>/kernel")`,
        );
      }
      if (named.has(c.name)) {
        throw new ValueError(
          `${where}: ${label}: config.name is ${JSON.stringify(c.name)} again (model layer ${named.get(c.name)} has it) but each layer needs its own name (its weights are "<name>/kernel")`,
        );
      }
      named.set(c.name, n + 1);
      if (!Number.isInteger(c.units) || (c.units as number) < 1) {
        throw new ValueError(
          `${where}: ${label}: config.units is ${describeValue(c.units)} but it must be a whole number ≥ 1`,
        );
      }
      plan.push({
        name: c.name,
        units: c.units as number,
        activation: kerasActivation(c.activation, label, where),
        useBias: c.use_bias !== false,
      });
    } else if (layer?.class_name === 'LeakyReLU' && foldable) {
      last.activation = leakyReluWithSlope(leakySlope(c, label, where));
    } else if (layer?.class_name === 'Activation' && foldable) {
      last.activation = kerasActivation(c.activation, label, where);
    } else {
      throw new ValueError(
        `${where}: ${label} is a ${describeValue(layer?.class_name)} layer but feedforward reads only Dense layers (and an InputLayer, or a LeakyReLU or Activation layer right after a linear Dense)`,
      );
    }
  });
  if (plan.length === 0) throw new ValueError(`${where}: the Sequential model has no Dense layer`);
  checkLayerCount(plan.length, where);
  return plan;
}

/**
 * A LeakyReLU layer's slope for z < 0: Keras 2 and TensorFlow.js call it `alpha`
 * (a number, or a numeric string in some converted files), Keras 3 `negative_slope`;
 * 0.3 when neither is given (the default of both).
 */
function leakySlope(config: Record<string, unknown>, label: string, where: string): number {
  const field = config.negative_slope !== undefined ? 'negative_slope' : 'alpha';
  const value = config[field];
  if (value === undefined) return 0.3;
  const slope = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof slope !== 'number' || !Number.isFinite(slope)) {
    throw new ValueError(
      `${where}: ${label}: config.${field} is ${describeValue(value)} but it must be a finite number (the slope for z < 0)`,
    );
  }
  return slope;
}

/** Our activation for a Keras activation name (a missing one means linear). */
function kerasActivation(name: unknown, label: string, where: string): Activation {
  const keras = name ?? 'linear';
  if (typeof keras === 'string' && Object.hasOwn(KERAS_ACTIVATIONS, keras)) return resolveActivation(keras, where);
  throw new ValueError(
    `${where}: ${label} has activation ${describeValue(keras)} but feedforward reads only ${Object.keys(KERAS_ACTIVATIONS).join(', ')}`,
  );
}

/**
 * The weight specs of a model, each checked: `weightSpecs` (artifacts) or the
 * groups of `weightsManifest` (model.json), every field named when it is wrong.
 */
function readSpecs(
  json: Record<string, unknown>,
  where: string,
): { name: string; shape: number[]; dtype?: unknown; quantization?: unknown }[] {
  let specs: unknown[];
  let field: (n: number) => string;
  if (json.weightSpecs !== undefined) {
    if (!Array.isArray(json.weightSpecs)) {
      throw new ValueError(
        `${where}: weightSpecs is ${describeValue(json.weightSpecs)} but it must be a list of { name, shape, dtype }`,
      );
    }
    specs = json.weightSpecs;
    field = (n) => `weightSpecs[${n}]`;
  } else {
    const groups = manifestGroups(json, where);
    specs = groups.flatMap((group) => group.weights);
    const labels = groups.flatMap((group, g) => group.weights.map((_, n) => `weightsManifest[${g}].weights[${n}]`));
    field = (n) => labels[n];
  }
  const seen = new Map<string, number>(); // a weight's name → its place in the list
  let total = 0; // entries of every weight, counted before any is read
  const checked = specs.map((spec, n) => {
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
      throw new ValueError(`${where}: ${field(n)} is ${describeValue(spec)} but it must be { name, shape, dtype }`);
    }
    const { name, shape } = spec as { name?: unknown; shape?: unknown };
    if (typeof name !== 'string' || name === '') {
      throw new ValueError(
        `${where}: ${field(n)}.name is ${describeValue(name)} but it must be the weight's name, like "dense_1/kernel"`,
      );
    }
    if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < 0)) {
      throw new ValueError(
        `${where}: ${field(n)}.shape is ${Array.isArray(shape) ? `[${shape.map((d) => describeValue(d)).join(', ')}]` : describeValue(shape)} but it must be a list of whole numbers ≥ 0`,
      );
    }
    if (seen.has(name)) {
      throw new ValueError(
        `${where}: ${field(n)}.name is ${JSON.stringify(name)} again (as ${field(seen.get(name) as number)}) but each weight needs its own name`,
      );
    }
    seen.set(name, n);
    const size = shape.reduce((p: number, d: number) => p * d, 1);
    total += size; // every weight counted before any is read: at most MAX_PARAMETERS in all
    if (total > MAX_PARAMETERS) {
      throw new ValueError(
        `${where}: ${field(n)}.shape is [${shape}] (${size} entries), which brings the weights to ${total} numbers but a network may hold at most ${MAX_PARAMETERS} (MAX_PARAMETERS, 2²⁵)`,
      );
    }
    return spec as { name: string; shape: number[] };
  });
  return checked;
}

/**
 * The bytes a model's weight files must hold in all, from its manifest alone (4 per float32 entry),
 * every spec checked first (names distinct, at most MAX_PARAMETERS entries): `loadTfjsModel` reads
 * no more than this.
 * @example manifestWeightBytes({ weightsManifest: [{ paths: ['w.bin'], weights: [{ name: 'k', shape: [2, 3] }] }] }, 'test') //=> 24
 */
export function manifestWeightBytes(json: unknown, where: string): number {
  const specs = readSpecs(json as Record<string, unknown>, where);
  return specs.reduce((sum, { shape }) => sum + 4 * shape.reduce((p, d) => p * d, 1), 0);
}

/** The groups of model.json's `weightsManifest`, each with `paths` (plain file names) and `weights`. */
function manifestGroups(json: Record<string, unknown>, where: string): { paths: string[]; weights: unknown[] }[] {
  const manifest = json.weightsManifest;
  if (manifest === undefined)
    throw new ValueError(`${where}: the model lists no weights (no weightSpecs or weightsManifest)`);
  if (!Array.isArray(manifest)) {
    throw new ValueError(
      `${where}: weightsManifest is ${describeValue(manifest)} but it must be a list of { paths, weights }`,
    );
  }
  const listed = new Map<string, string>(); // a weight file → where the manifest first lists it
  return manifest.map((group, g) => {
    if (typeof group !== 'object' || group === null || Array.isArray(group)) {
      throw new ValueError(
        `${where}: weightsManifest[${g}] is ${describeValue(group)} but it must be { paths, weights }`,
      );
    }
    const { paths, weights } = group as { paths?: unknown; weights?: unknown };
    if (!Array.isArray(paths)) {
      throw new ValueError(
        `${where}: weightsManifest[${g}].paths is ${describeValue(paths)} but it must be a list of file names`,
      );
    }
    paths.forEach((path, p) => {
      const field = `weightsManifest[${g}].paths[${p}]`;
      plainFileName(path, where, field);
      if (listed.has(path)) {
        throw new ValueError(
          `${where}: ${field} is ${JSON.stringify(path)} again (as ${listed.get(path)}) but each weight file is listed once`,
        );
      }
      listed.set(path, field);
    });
    if (!Array.isArray(weights)) {
      throw new ValueError(
        `${where}: weightsManifest[${g}].weights is ${describeValue(weights)} but it must be a list of { name, shape, dtype }`,
      );
    }
    return { paths: paths as string[], weights };
  });
}

/**
 * The weight files a model.json names, in order, each checked to be a plain file name beside it.
 * @example manifestPaths({ weightsManifest: [{ paths: ['weights.bin'], weights: [] }] }, 'test') //=> ['weights.bin']
 */
export function manifestPaths(json: unknown, where: string): string[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ValueError(
      `${where}: model.json holds ${describeValue(json)} but it must be an object with a weightsManifest`,
    );
  }
  return manifestGroups(json as Record<string, unknown>, where).flatMap((group) => group.paths);
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
