/**
 * ONNX's schema in code: protobuf.js's static module generated from the vendored
 * onnx.proto3 (npm run build:onnx), loaded on first use, and the two small
 * conversions the reader needs beside it (int64 to a number, float16 to a number).
 */
import { readFileSync } from 'node:fs';
import protobuf from 'protobufjs/minimal.js';
import { describe, expect, it } from 'vitest';
import { ValueError } from '../src/index.js';
import { int64, loadOnnxSchema } from '../src/interop/onnx-schema.js';
import { float16 } from '../src/interop/onnx-tensors.js';
import { MODULE_FILE, TYPES_FILE, onnxModule } from '../scripts/build-onnx.mjs';
import { expectError } from './helpers/errors.js';

describe('the ONNX schema module', () => {
  it('is exactly what npm run build:onnx writes from onnx.proto3 (an edit to the schema without a rebuild fails here)', async () => {
    const { js, dts } = await onnxModule();
    expect(readFileSync(MODULE_FILE, 'utf8')).toBe(js);
    expect(readFileSync(TYPES_FILE, 'utf8')).toBe(dts);
  });

  it('is loaded once, on first use, into a protobuf.js root of its own (an application\'s "onnx" package is left alone)', async () => {
    const [a, b] = [loadOnnxSchema(), loadOnnxSchema()];
    expect(a).toBe(b);
    await a;
    expect(protobuf.roots.feedforward_onnx).toBeDefined();
    expect((protobuf.roots.default as { onnx?: unknown } | undefined)?.onnx).toBeUndefined();
  });
});

/** long.js's Long, as protobuf.js uses it for 64-bit integers (protobufjs depends on the long package). */
const Long = protobuf.util.Long as unknown as { fromNumber(n: number): never; fromString(s: string): never };

describe('int64: a protobuf 64-bit integer as a number', () => {
  it('takes a number or a Long (protobuf.js hands over either, depending on whether the long package loads)', () => {
    expect(int64(17, 'fromOnnx', 'the opset')).toBe(17);
    expect(int64(Long.fromNumber(-3), 'fromOnnx', 'a dimension')).toBe(-3);
    expect(int64(undefined, 'fromOnnx', 'the opset')).toBe(0); // an absent field is protobuf's 0
  });

  it('refuses what a double cannot hold exactly (past ±2⁵³)', () => {
    expectError(() => int64(Long.fromString('9007199254740993'), 'fromOnnx', 'a dimension'), ValueError, 'fromOnnx: a dimension is 9007199254740992 but it must be a whole number within ±2⁵³');
  });
});

describe('float16: IEEE 754 half precision, exactly', () => {
  it.each([
    [0x3c00, 1],
    [0xc000, -2],
    [0x3555, 0.333251953125], // the half nearest 1/3: 1 + 341/1024, times 2⁻²
    [0x7bff, 65504], // the largest half
    [0x0001, 2 ** -24], // the smallest subnormal
    [0x0400, 2 ** -14], // the smallest normal
    [0x8000, -0],
    [0xfc00, -Infinity],
  ])('reads the bits 0x%s as %s', (bits, value) => {
    expect(Object.is(float16(bits), value)).toBe(true);
  });

  it('reads a NaN as NaN (the reader then refuses it as a weight)', () => {
    expect(float16(0x7e00)).toBeNaN();
  });
});
