/**
 * ONNX tensors (TensorProto) and plain numbers, both ways: a weight tensor's
 * numbers read as float64, wherever the file keeps them, and numbers written
 * as one.
 *
 * A TensorProto declares its shape (`dims`) and element type, and keeps its
 * numbers in one of several places: `raw_data` (little-endian bytes, what
 * PyTorch writes), `float_data`, `double_data`, `int32_data` (float16's bits),
 * or a separate file (`data_location` EXTERNAL, with `location`, `offset` and
 * `length`; PyTorch's newer exporter writes `model.onnx.data`). The declared
 * size is checked against MAX_PARAMETERS, then against the data, before the
 * numbers are copied, so a hostile file cannot make the reader allocate more
 * than its own bytes imply.
 *
 * float32 and float16 widen to float64 exactly (every float32 or float16 is a double).
 */
import { ShapeError, ValueError, describeValue } from '../core/errors.js';
import { MAX_PARAMETERS } from '../core/validate.js';
import type { onnx } from './onnx-proto.js';
import { ONNX_TYPES, type OnnxSchema, dataTypeName, int64 } from './onnx-schema.js';

/** A tensor's shape and its numbers, row-major (the last dimension varies fastest), as float64. */
export interface Tensor {
  readonly dims: readonly number[];
  readonly values: Float64Array;
}

/** The external-data files a model names, by file name: `{ 'model.onnx.data': bytes }`. */
export type ExternalData = Readonly<Record<string, Uint8Array>>;

/** Where the reading of one model stands: the schema, the external files, and how many numbers it may still read. */
export interface TensorReading {
  /** ONNX's schema, for the names of data types in messages ("INT64" rather than "data type 7"). */
  readonly schema?: OnnxSchema;
  readonly externalData: ExternalData;
  /** Numbers left before the model would hold more than MAX_PARAMETERS. */
  left: number;
  readonly where: string;
}

/** Bytes per number of each element type read here. */
const BYTES = { [ONNX_TYPES.float32]: 4, [ONNX_TYPES.float16]: 2, [ONNX_TYPES.float64]: 8 } as Record<number, number>;

/** TensorProto.DataLocation.EXTERNAL: the numbers are in another file. */
const EXTERNAL = 1;

/**
 * A weight tensor's numbers as float64, every size checked before anything is copied.
 * @example const reading = { externalData: {}, left: 10, where: 'fromOnnx' }; // at most 10 numbers
 * Array.from(readTensor({ name: 'b', dims: [2], dataType: 11, doubleData: [0.5, -1] }, reading).values) //=> [0.5, -1]
 */
export function readTensor(tensor: onnx.TensorProto.$Properties, reading: TensorReading): Tensor {
  const { schema, where } = reading;
  const what = `tensor ${JSON.stringify(tensor.name ?? '')}`;
  const dims = (tensor.dims ?? []).map((d, k) => {
    const n = int64(d, where, `${what}'s dimension ${k + 1}`);
    if (n < 0) throw new ValueError(`${where}: ${what}'s dimension ${k + 1} is ${n} but sizes are ≥ 0`);
    return n;
  });
  const count = dims.reduce((p, d) => p * d, 1); // exact: each factor ≤ 2⁵³, and the running product is checked below
  if (!(count <= reading.left)) {
    throw new ValueError(
      `${where}: ${what} has dims [${dims}] (${count} numbers) but a network may hold at most ${MAX_PARAMETERS} weights and biases in all (MAX_PARAMETERS, 2²⁵)`,
    );
  }
  const type = tensor.dataType ?? 0;
  const size = BYTES[type];
  if (size === undefined) {
    throw new ValueError(
      `${where}: ${what} holds ${dataTypeName(schema, type)} numbers but only FLOAT, DOUBLE and FLOAT16 weights can be read`,
    );
  }
  const values = new Float64Array(readNumbers(tensor, type, size, count, reading, what));
  values.forEach((x, n) => {
    if (!Number.isFinite(x)) {
      throw new ValueError(`${where}: ${what} has ${x} at entry ${n + 1} but weights must be finite numbers`);
    }
  });
  reading.left -= count;
  return { dims, values };
}

/** The numbers of a tensor, from the one place that holds them, checked to be exactly `count`. */
function readNumbers(
  tensor: onnx.TensorProto.$Properties,
  type: number,
  size: number,
  count: number,
  reading: TensorReading,
  what: string,
): ArrayLike<number> {
  const { where } = reading;
  const lists = {
    raw_data: tensor.rawData?.length ? tensor.rawData : undefined,
    float_data: tensor.floatData?.length ? tensor.floatData : undefined,
    double_data: tensor.doubleData?.length ? tensor.doubleData : undefined,
    int32_data: tensor.int32Data?.length ? tensor.int32Data : undefined,
  };
  const given = Object.entries(lists).filter(([, list]) => list !== undefined);
  if (tensor.dataLocation === EXTERNAL) {
    if (given.length > 0) {
      throw new ValueError(
        `${where}: ${what} is stored in an external file but also has ${given[0][0]} (one place only)`,
      );
    }
    return decodeBytes(externalBytes(tensor, count * size, reading, what), type, count);
  }
  if (given.length > 1) {
    throw new ValueError(
      `${where}: ${what} has both ${given[0][0]} and ${given[1][0]} but a tensor keeps its numbers in one place`,
    );
  }
  if (given.length === 0) {
    if (count === 0) return [];
    throw new ValueError(
      `${where}: ${what} has dims [${tensor.dims ?? []}] (${count} numbers) but no data (no raw_data, float_data, double_data, int32_data or external file)`,
    );
  }
  const [field, list] = given[0] as [string, ArrayLike<number>];
  const expected =
    type === ONNX_TYPES.float64 ? 'double_data' : type === ONNX_TYPES.float32 ? 'float_data' : 'int32_data';
  if (field !== 'raw_data' && field !== expected) {
    throw new ValueError(
      `${where}: ${what} holds ${dataTypeName(reading.schema, type)} numbers but has ${field} (they belong in raw_data or ${expected})`,
    );
  }
  const length = list.length;
  const want = field === 'raw_data' ? count * size : count;
  if (length !== want) {
    const unit = field === 'raw_data' ? 'bytes' : 'entries';
    throw new ShapeError(
      `${where}: ${what} has dims [${tensor.dims ?? []}] (${count} numbers, ${want} ${unit}) but its ${field} has ${length} ${unit}`,
    );
  }
  if (field === 'raw_data') return decodeBytes(list as Uint8Array, type, count);
  if (field === 'int32_data') return Array.from(list as number[], (bits) => float16(checkHalfBits(bits, where, what)));
  return list as number[];
}

/** float16's bits in an int32_data entry: 0 … 65535. */
function checkHalfBits(bits: number, where: string, what: string): number {
  if (!Number.isInteger(bits) || bits < 0 || bits > 0xffff) {
    throw new ValueError(`${where}: ${what} has int32_data ${bits} but float16 bits are 0 … 65535`);
  }
  return bits;
}

/** Little-endian numbers of one type, as ONNX's raw_data and external files store them. */
function decodeBytes(bytes: Uint8Array, type: number, count: number): Float64Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float64Array(count);
  for (let n = 0; n < count; n++) {
    if (type === ONNX_TYPES.float64) out[n] = view.getFloat64(8 * n, true);
    else if (type === ONNX_TYPES.float32) out[n] = view.getFloat32(4 * n, true);
    else out[n] = float16(view.getUint16(2 * n, true));
  }
  return out;
}

/**
 * An IEEE 754 half (1 sign bit, 5 exponent bits, 10 fraction bits) as a number, exactly.
 * @example float16(0x3c00) //=> 1
 */
export function float16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24; // subnormal: 0.fraction × 2⁻¹⁴
  if (exponent === 0x1f) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/**
 * The bytes of an external tensor: `length` bytes (or all it needs) from `offset` of the file named
 * by `location`, a plain file name given in `externalData`.
 */
function externalBytes(
  tensor: onnx.TensorProto.$Properties,
  need: number,
  reading: TensorReading,
  what: string,
): Uint8Array {
  const { where } = reading;
  const fields = externalFields(tensor, where, what);
  const location = fields.location;
  if (!Object.hasOwn(reading.externalData, location)) {
    throw new ValueError(
      `${where}: ${what} is stored in the external file ${JSON.stringify(location)}, which was not given (options.externalData: ${
        Object.keys(reading.externalData)
          .map((name) => JSON.stringify(name))
          .join(', ') || 'none'
      })`,
    );
  }
  const file = reading.externalData[location];
  const offset = whole(fields.offset ?? '0', where, `${what}'s external offset`);
  const length = whole(fields.length ?? String(need), where, `${what}'s external length`);
  if (length !== need) {
    throw new ShapeError(
      `${where}: ${what} has dims [${tensor.dims ?? []}] (${need} bytes) but its external length is ${length} bytes`,
    );
  }
  if (offset + length > file.length) {
    throw new ShapeError(
      `${where}: ${what} takes bytes ${offset} to ${offset + length} of ${JSON.stringify(location)} but that file has ${file.length} bytes`,
    );
  }
  return file.subarray(offset, offset + length);
}

/** An external tensor's location, offset and length (strings, as ONNX stores them); the location checked. */
function externalFields(
  tensor: onnx.TensorProto.$Properties,
  where: string,
  what: string,
): { location: string; offset?: string; length?: string } {
  const fields: Record<string, string> = {};
  for (const { key, value } of tensor.externalData ?? []) {
    if (key === 'location' || key === 'offset' || key === 'length') fields[key] = value ?? '';
  }
  return { ...fields, location: plainLocation(fields.location, where, `${what}'s external location`) };
}

/**
 * The external files a model's tensors name, each checked to be a plain file name (beside the model).
 * @example externalLocations([{ name: 'W', dataLocation: 1, externalData: [{ key: 'location', value: 'model.onnx.data' }] }], 'loadOnnx') //=> ['model.onnx.data']
 */
export function externalLocations(tensors: readonly onnx.TensorProto.$Properties[], where: string): string[] {
  const names = tensors
    .filter((tensor) => tensor.dataLocation === EXTERNAL)
    .map((tensor) => externalFields(tensor, where, `tensor ${JSON.stringify(tensor.name ?? '')}`).location);
  return [...new Set(names)];
}

/**
 * A file name found in a model, checked to be plain: not empty, no folder (/ or \\), not . or ..,
 * no drive (C:), no NUL. A model can so never point outside its own folder (`../../etc/passwd`).
 */
function plainLocation(name: unknown, where: string, what: string): string {
  if (typeof name !== 'string' || name === '' || name === '.' || name === '..' || /[/\\:\0]/.test(name)) {
    throw new ValueError(
      `${where}: ${what} is ${describeValue(name)} but it must be a plain file name beside the model (no folders, no "..", no drive), like "model.onnx.data"`,
    );
  }
  return name;
}

/** A whole number ≥ 0 written as decimal digits (external offsets and lengths). */
function whole(text: string, where: string, what: string): number {
  const n = /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n)) {
    throw new ValueError(`${where}: ${what} is ${JSON.stringify(text)} but it must be a whole number of bytes`);
  }
  return n;
}

/**
 * A shape given as an INT64 tensor of at most 8 entries (Reshape's second input), as numbers.
 * @example readShape({ name: 'shape', dims: [2], dataType: 7, int64Data: [-1, 3] }, 'fromOnnx') //=> [-1, 3]
 */
export function readShape(tensor: onnx.TensorProto.$Properties, where: string): number[] {
  const what = `tensor ${JSON.stringify(tensor.name ?? '')}`;
  const raw = tensor.rawData ?? new Uint8Array(0);
  const count = raw.length > 0 ? raw.length / 8 : (tensor.int64Data ?? []).length;
  if (tensor.dataType !== INT64 || (tensor.dims ?? []).length !== 1 || !Number.isInteger(count) || count > 8) {
    throw new ValueError(`${where}: ${what} must be a shape: at most 8 INT64 numbers in one dimension`);
  }
  if (raw.length === 0) return (tensor.int64Data ?? []).map((d) => int64(d, where, what));
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  return Array.from({ length: count }, (_, n) => int64(Number(view.getBigInt64(8 * n, true)), where, what));
}

/** TensorProto.DataType INT64, the type of shapes. */
const INT64 = 7;

/**
 * Numbers as a TensorProto of float32 or float64, in raw_data (little-endian), as ONNX runtimes prefer.
 * @example writeTensor('b', [2], [0.5, -1], 'float64').rawData.length //=> 16
 */
export function writeTensor(
  name: string,
  dims: number[],
  values: ArrayLike<number>,
  dtype: 'float32' | 'float64',
): onnx.TensorProto.$Properties & { rawData: Uint8Array } {
  const size = dtype === 'float64' ? 8 : 4;
  const rawData = new Uint8Array(values.length * size);
  const view = new DataView(rawData.buffer);
  for (let n = 0; n < values.length; n++) {
    if (dtype === 'float64') view.setFloat64(8 * n, values[n], true);
    else view.setFloat32(4 * n, values[n], true);
  }
  return { name, dims, dataType: ONNX_TYPES[dtype], rawData };
}
