/**
 * ONNX test tools: small models written node by node (with ONNX's own schema, as
 * any exporter would), onnxruntime-web as the oracle that runs them, and the
 * PyTorch fixtures of test/fixtures/onnx/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { onnx } from '../../src/interop/onnx-proto.js';
import { loadOnnxSchema } from '../../src/interop/onnx-schema.js';
import { ort } from '../oracles/onnxruntime.js';

ort.env.wasm.numThreads = 1; // one thread: the same sums in the same order on every machine

/** A constant of a small model: dims and numbers, float64 unless said. */
export interface ConstantSpec {
  dims: number[];
  values: number[];
  type?: 'float32' | 'float64' | 'float16' | 'int64';
}

/** A small model: its nodes as [op, inputs, output, attributes?], its constants, its input and output. */
export interface ModelSpec {
  nodes: [op: string, inputs: string[], output: string, attributes?: onnx.AttributeProto.$Properties[]][];
  constants?: Record<string, ConstantSpec>;
  /** The input's features (a number, [batch, n]) or its whole shape (dims, with 'batch' for the symbolic one). */
  input?: number | (number | 'batch')[];
  output?: number;
  type?: 'float32' | 'float64';
  opset?: number;
  irVersion?: number;
}

const TYPES = { float32: 1, float64: 11, float16: 10, int64: 7 };

/** A constant as raw_data, little-endian (what PyTorch writes). */
export function tensor(name: string, { dims, values, type = 'float64' }: ConstantSpec): onnx.TensorProto.$Properties {
  const size = { float32: 4, float64: 8, float16: 2, int64: 8 }[type];
  const raw = new DataView(new ArrayBuffer(values.length * size));
  values.forEach((x, n) => {
    if (type === 'float64') raw.setFloat64(8 * n, x, true);
    else if (type === 'float32') raw.setFloat32(4 * n, x, true);
    else if (type === 'int64') raw.setBigInt64(8 * n, BigInt(x), true);
    else raw.setUint16(2 * n, x, true); // float16: the bits given as they are
  });
  return { name, dims, dataType: TYPES[type], rawData: new Uint8Array(raw.buffer) };
}

/** A node's attribute: an int (i), a float (f) or a list of ints. */
export const attr = {
  int: (name: string, i: number): onnx.AttributeProto.$Properties => ({ name, type: 2, i }),
  float: (name: string, f: number): onnx.AttributeProto.$Properties => ({ name, type: 1, f }),
  ints: (name: string, ints: number[]): onnx.AttributeProto.$Properties => ({ name, type: 7, ints }),
};

/** The ModelProto of a spec, as a plain object (to change a field before encoding). */
export function modelObject(spec: ModelSpec): onnx.ModelProto.$Properties {
  const elemType = TYPES[spec.type ?? 'float64'];
  const inputDims: (number | 'batch')[] = typeof spec.input === 'number' || spec.input === undefined ? ['batch', spec.input ?? 1] : spec.input;
  const shape = (dims: (number | 'batch')[]) => ({ dim: dims.map((d) => (d === 'batch' ? { dimParam: 'batch' } : { dimValue: d })) });
  const last = spec.nodes[spec.nodes.length - 1][2];
  return {
    irVersion: spec.irVersion ?? 8,
    opsetImport: [{ domain: '', version: spec.opset ?? 17 }],
    producerName: 'test',
    graph: {
      name: 'test',
      node: spec.nodes.map(([opType, input, output, attribute = []], n) => ({ name: `n${n + 1}`, opType, input, output: [output], attribute })),
      initializer: Object.entries(spec.constants ?? {}).map(([name, c]) => tensor(name, c)),
      input: [{ name: 'x', type: { tensorType: { elemType, shape: shape(inputDims) } } }],
      output: [{ name: last, type: { tensorType: { elemType, shape: shape(['batch', spec.output ?? 1]) } } }],
    },
  };
}

/** The bytes of a ModelProto given as a plain object. */
export async function encode(model: onnx.ModelProto.$Properties): Promise<Uint8Array> {
  return (await loadOnnxSchema()).ModelProto.encode(model).finish();
}

/** The bytes of a small model. */
export async function onnxModel(spec: ModelSpec): Promise<Uint8Array> {
  return encode(modelObject(spec));
}

/** The decoded ModelProto of some bytes (to look inside what toOnnx wrote). */
export async function decode(bytes: Uint8Array): Promise<onnx.ModelProto> {
  return (await loadOnnxSchema()).ModelProto.decode(bytes);
}

/** onnxruntime's outputs for samples as rows (the model's one input and one output), as rows. */
export async function runOnnxruntime(bytes: Uint8Array, rows: number[][], type: 'float32' | 'float64' = 'float64'): Promise<number[][]> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    const flat = rows.flat();
    const x = new ort.Tensor(type, type === 'float64' ? Float64Array.from(flat) : Float32Array.from(flat), [rows.length, rows[0].length]);
    const result = await session.run({ [session.inputNames[0]]: x });
    const y = result[session.outputNames[0]];
    const nOut = y.dims[1];
    const values = Array.from(y.data as Float32Array | Float64Array);
    return rows.map((_, j) => values.slice(j * nOut, (j + 1) * nOut));
  } finally {
    await session.release();
  }
}

/** A fixture of test/fixtures/onnx/ (exported by PyTorch 2.11): its bytes, inputs and onnxruntime's outputs. */
export function fixture(name: string): { bytes: Uint8Array; x: number[][]; y: number[][] } {
  const folder = join(__dirname, '..', 'fixtures', 'onnx');
  const io = JSON.parse(readFileSync(join(folder, `${name}.io.json`), 'utf8'));
  return { bytes: new Uint8Array(readFileSync(join(folder, `${name}.onnx`))), x: io.x, y: io.y_onnxruntime };
}

/** The largest |a − b| / |b| over all entries (b ≠ 0), each side as numbers or rows. */
export function maxRelativeError(a: (number | number[])[], b: (number | number[])[]): number {
  const [fa, fb] = [a.flat() as number[], b.flat() as number[]];
  expect(fa.length).toBe(fb.length);
  return Math.max(...fa.map((x, n) => (fb[n] === 0 ? Math.abs(x) : Math.abs(x - fb[n]) / Math.abs(fb[n]))));
}

/** Awaits a call that must reject with that class and exactly that message. */
export async function expectRejection(call: () => Promise<unknown>, kind: new (...args: never[]) => Error, message: string): Promise<void> {
  let caught: unknown;
  try {
    await call();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${kind.name}: ${message}`).toBeInstanceOf(kind);
  expect((caught as Error).message).toBe(message);
}
