/**
 * A network as JSON, and back: `net.toJSON()` and `Network.fromJSON(json)`, on the
 * network as plain data (NetworkParts).
 *
 * The JSON holds the layer sizes, one activation per weight layer and every
 * weight and bias, written so that reading it back gives bit-identical numbers:
 * JSON.stringify writes the shortest decimal that parses back to the same
 * double (so subnormals such as 5e-324 and ±Number.MAX_VALUE survive), and -0,
 * which JSON numbers cannot carry, is written as the string "-0".
 *
 * Reading treats the input as untrusted (a file from anywhere): every field is
 * checked, unknown or missing fields and `__proto__`/`constructor` keys are
 * errors, shapes must agree with the sizes, and sizes are checked before
 * anything is allocated, so a file declaring layers [1e9, 1e9] costs nothing.
 */
import { type Activation, resolveActivation, resolveHiddenActivation } from './activations.js';
import { ShapeError, ValueError, describeValue, formatShape, plural } from './errors.js';
import { checkImpute } from './impute.js';
import { checkFeatures, checkLabels } from './labels.js';
import { checkOutput } from './layers.js';
import { Matrix } from './matrix.js';
import { type StandardizerJSON, standardizerFromJSON } from './standardize.js';
import type { JSONNumber, Layer, NetworkJSON, NetworkParts, NetworkStandardize } from './types.js';
import { checkKeys, checkLayerSizes, isFiniteNumber } from './validate.js';

/** The `format` every network JSON carries. */
const NETWORK_JSON_FORMAT = 'feedforward-network';

/** The `version` this library writes and reads. */
const NETWORK_JSON_VERSION = 1;

/**
 * Every field a network JSON may have; any other field is an error (a typo,
 * or a file from something else). To add a field, add one line here and read it
 * from the object `readNetworkJSON` returns.
 */
export const NETWORK_JSON_FIELDS = Object.freeze({
  format: 'required',
  version: 'required',
  layers: 'required',
  activations: 'required',
  weights: 'required',
  biases: 'required',
  standardize: 'optional', // the statistics of standardize(), when predict uses them
  labels: 'optional', // the class of each output (net.labels), checked by core/labels.ts
  features: 'optional', // the name of each input (net.features), checked by core/labels.ts
  impute: 'optional', // the fill of each input column's missing values (net.impute), checked by core/impute.ts
} as const satisfies Record<string, 'required' | 'optional'>);

/**
 * x as JSON writes it: -0 becomes "-0", every other finite number stays a number.
 * @example writeNumber(-0) //=> '-0'
 */
export function writeNumber(x: number): JSONNumber {
  return Object.is(x, -0) ? '-0' : x;
}

/**
 * The JSON form of a network: `net.toJSON()`.
 * @example networkToJSON(Network.fromWeights([{ weights: [[2]], biases: [-0] }])).biases //=> [['-0']]
 */
export function networkToJSON({ layers, standardize, labels, features, impute }: NetworkParts): NetworkJSON {
  const { inputs, outputs } = standardize ?? {};
  return {
    format: NETWORK_JSON_FORMAT,
    version: NETWORK_JSON_VERSION,
    layers: [layers[0].weights.cols, ...layers.map((layer) => layer.weights.rows)],
    activations: layers.map((layer) => layer.activation.toJSON()),
    weights: layers.map((layer) => layer.weights.toArray().map((row) => row.map(writeNumber))),
    biases: layers.map((layer) => Array.from(layer.biases.data, writeNumber)),
    ...((inputs || outputs) && {
      standardize: { ...(inputs && { inputs: inputs.toJSON() }), ...(outputs && { outputs: outputs.toJSON() }) },
    }),
    ...(labels && { labels: labels.slice() }),
    ...(features && { features: features.slice() }),
    ...(impute && { impute: { ...impute } }),
  };
}

/**
 * The network a JSON (object or text) describes, every field checked before anything is built:
 * `Network.fromJSON`'s reading, whose example shows the round trip.
 * @example readNetwork('{"format":"feedforward-network","version":1,"layers":[1,1],"activations":["linear"],"weights":[[[2]]],"biases":[[1]]}', 'fromJSON').layers[0].weights.toArray() //=> [[2]]
 */
export function readNetwork(json: unknown, where: string): NetworkParts {
  const { layers, json: checked } = readNetworkJSON(json, where);
  checkOutput(layers, where);
  const features = checked.features === undefined ? undefined : checkFeatures(checked.features, layers, where);
  return {
    layers,
    standardize: readStandardize(checked.standardize, layers, where),
    labels: checked.labels === undefined ? undefined : checkLabels(checked.labels, layers, where),
    features,
    impute: checked.impute === undefined ? undefined : checkImpute(checked.impute, features, where),
  };
}

/**
 * The optional `standardize` field: one mean and σ per input (and per output), checked against the layers.
 * Absent (undefined) when the network was saved without standardizers.
 */
function readStandardize(value: unknown, layers: readonly Layer[], where: string): NetworkStandardize | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValueError(`${where}: standardize is ${describeValue(value)} but must be { inputs?, outputs? }`);
  }
  checkKeys(value, ['inputs', 'outputs'], `${where}: standardize`, 'field');
  const { inputs, outputs } = value as { inputs?: StandardizerJSON; outputs?: StandardizerJSON };
  const read = (json: StandardizerJSON | undefined, size: number, name: 'inputs' | 'outputs') => {
    if (json === undefined) return undefined;
    const s = standardizerFromJSON(json, `${where}: standardize.${name}`);
    if (s.mean.length !== size) {
      throw new ShapeError(
        `${where}: standardize.${name} has ${plural(s.mean.length, 'feature')} but the network has ${plural(size, name.slice(0, -1))}`,
      );
    }
    return s;
  };
  return {
    inputs: read(inputs, layers[0].weights.cols, 'inputs'),
    outputs: read(outputs, layers[layers.length - 1].weights.rows, 'outputs'),
  };
}

/**
 * The layers a network JSON (object or text) describes, checked field by field
 * before anything is built, and the checked object itself (for the optional fields).
 */
function readNetworkJSON(json: unknown, where: string): { layers: Layer[]; json: Record<string, unknown> } {
  const data: unknown = typeof json === 'string' ? parseJSON(json, where) : json;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ValueError(
      `${where}: got ${describeValue(data)} but expected the object that net.toJSON() returns (or its JSON text)`,
    );
  }
  const obj = data as Record<string, unknown>;
  if (typeof obj.toJSON === 'function') {
    // parsed JSON never holds a function
    throw new ValueError(
      `${where}: got an object with a toJSON method (a Network?) but expected its JSON: pass net.toJSON()`,
    );
  }
  const fields = Object.keys(NETWORK_JSON_FIELDS) as (keyof typeof NETWORK_JSON_FIELDS)[];
  checkKeys(obj, fields, where, 'field');
  for (const field of fields) {
    if (NETWORK_JSON_FIELDS[field] === 'required' && !Object.hasOwn(obj, field)) {
      throw new ValueError(
        `${where}: the field ${JSON.stringify(field)} is missing (a network JSON has ${fields.join(', ')})`,
      );
    }
  }
  if (obj.format !== NETWORK_JSON_FORMAT) {
    throw new ValueError(`${where}: format is ${describeValue(obj.format)} but expected "${NETWORK_JSON_FORMAT}"`);
  }
  if (obj.version !== NETWORK_JSON_VERSION) {
    throw new ValueError(
      `${where}: version is ${describeValue(obj.version)} but this library reads version ${NETWORK_JSON_VERSION} (written by a different feedforward?)`,
    );
  }
  const sizes = checkLayerSizes(obj.layers, where); // before any allocation: [1e9, 1e9] stops here
  const count = sizes.length - 1;
  for (const key of ['activations', 'weights', 'biases'] as const) {
    const list = obj[key];
    if (!Array.isArray(list) || list.length !== count) {
      throw new ShapeError(
        `${where}: ${key} is ${describeValue(list)} but layers ${JSON.stringify(sizes)} need ${plural(count, 'entry', 'entries')} (one per weight layer)`,
      );
    }
  }
  const weights = obj.weights as unknown[];
  const biases = obj.biases as unknown[];
  const activations = obj.activations as unknown[];
  // Every shape first, then every number: nothing is allocated for shapes that disagree.
  sizes.slice(1).forEach((nOut, l) => checkShapes(weights[l], biases[l], nOut, sizes[l], `${where}: layer ${l + 1}`));
  const layers = sizes.slice(1).map((nOut, l): Layer => {
    const name = `${where}: layer ${l + 1}`;
    const nIn = sizes[l];
    return {
      weights: new Matrix(nOut, nIn, readNumbers(weights[l] as unknown[][], nOut, nIn, name, 'weights')),
      biases: new Matrix(nOut, 1, readNumbers([biases[l] as unknown[]], 1, nOut, name, 'biases')),
      activation: readActivation(activations[l], l === count - 1, name),
    };
  });
  return { layers, json: obj };
}

/**
 * JSON text parsed, or a ValueError naming `where` and `what` when it is not valid JSON.
 * @example parseJSON('{"a": [1]}', 'fromJSON') //=> { a: [1] }
 */
export function parseJSON(text: string, where: string, what = 'the text'): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ValueError(`${where}: ${what} is not valid JSON (${(error as Error).message})`);
  }
}

/** Checks that one layer's weights are nOut rows of nIn entries and its biases nOut entries. */
function checkShapes(W: unknown, b: unknown, nOut: number, nIn: number, name: string): void {
  const want = formatShape(nOut, nIn);
  if (!Array.isArray(W) || W.length !== nOut) {
    throw new ShapeError(
      `${name}: weights are ${describeValue(W)} but must be ${want}: ${plural(nOut, 'row')} (one per neuron)`,
    );
  }
  for (let i = 0; i < nOut; i++) {
    const row: unknown = W[i]; // an indexed loop sees a hole in a sparse array, where forEach would skip it
    if (!Array.isArray(row) || row.length !== nIn) {
      throw new ShapeError(
        `${name}: weights row ${i + 1} is ${describeValue(row)} but must have ${plural(nIn, 'entry', 'entries')} (weights are ${want}, one column per input)`,
      );
    }
  }
  if (!Array.isArray(b)) {
    throw new ShapeError(
      `${name} has weights ${want} but its biases are ${describeValue(b)} (one list of biases per layer)`,
    );
  }
  if (b.length !== nOut) {
    throw new ShapeError(`${name} has weights ${want} but ${plural(b.length, 'bias', 'biases')} (one bias per neuron)`);
  }
}

/**
 * Float64 numbers, row-major, from rows × cols JSON entries (shapes already
 * checked): finite numbers, or "-0" for negative zero. Indexed loops, not
 * forEach, so that a hole in a sparse array is seen (as undefined), not skipped.
 */
function readNumbers(entries: unknown[][], rows: number, cols: number, name: string, what: string): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const x = entries[i][j];
      const v = x === '-0' ? -0 : x;
      if (!isFiniteNumber(v)) {
        throw new ValueError(
          `${name}: ${what} have ${describeValue(x)} at ${what === 'biases' ? `entry ${j + 1}` : `row ${i + 1}, column ${j + 1}`} but entries must be finite numbers (or "-0")`,
        );
      }
      out[i * cols + j] = v;
    }
  }
  return out;
}

/**
 * An activation from JSON: a name or a { name, … } object, checked by resolveActivation,
 * which would also accept an Activation function; JSON holds data, not code, so that is refused here.
 */
function readActivation(spec: unknown, last: boolean, name: string): Activation {
  if (typeof spec === 'function') {
    throw new ValueError(
      `${name}: activation is ${describeValue(spec)} but JSON activations are names like "relu" or { "name": "leakyRelu", "slope": 0.01 }`,
    );
  }
  return last ? resolveActivation(spec, name) : resolveHiddenActivation(spec, name);
}
