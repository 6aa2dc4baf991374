/**
 * toOnnx: a network written as an ONNX model. What it writes is read back by
 * onnxruntime (onnxruntime-web, WebAssembly, in Node), the engine that runs ONNX
 * everywhere: its predictions must be net.predict's. And fromOnnx gives back the
 * very network, bit for bit in float64.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ActivationSpec, Network, ValueError, activation, createRandom, fromOnnx, standardize, toOnnx } from '../src/index.js';
import type { onnx } from '../src/interop/onnx-proto.js';
import { randomNetwork } from './helpers/arbitraries.js';
import { decode, expectRejection, fixture, maxRelativeError, runOnnxruntime } from './helpers/onnx.js';
import { expectSameBits } from './helpers/oracles.js';

/** Seeded samples as rows: `count` rows of `nIn` numbers in [−2, 2). */
function samplesFor(nIn: number, count: number, seed: number): number[][] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => Array.from({ length: nIn }, () => random.between(-2, 2)));
}

/** A 64-bit integer as the decoder hands it over (a number, or a Long from the long package), as a number. */
function long(value: unknown): number {
  return typeof value === 'number' ? value : (value as { toNumber(): number }).toNumber();
}

/** raw_data's float64s, little-endian (copied first: the bytes may be a view at any offset). */
function float64s(raw: Uint8Array | null | undefined): number[] {
  const bytes = new Uint8Array(raw as Uint8Array);
  return Array.from({ length: bytes.length / 8 }, (_, n) => new DataView(bytes.buffer).getFloat64(8 * n, true));
}

/** The largest |got − want| over all entries, relative to the largest |want|: float32's precision is relative to the numbers' scale. */
function scaledError(got: number[][], want: number[][]): number {
  const scale = Math.max(...want.flat().map(Math.abs), 1e-300);
  return Math.max(...got.flat().map((g, n) => Math.abs(g - want.flat()[n]))) / scale;
}

/** net.predict's answers as rows, one row of outputs per sample. */
function predictRows(net: Network, samples: number[][]): number[][] {
  return net.predict(samples).map((y) => (Array.isArray(y) ? y : [y]));
}

describe('toOnnx writes the graph PyTorch writes for nn.Linear and its activations', () => {
  it('writes each layer as a Gemm with transB = 1 (W as nOut × nIn, PyTorch\'s layout), then its activation; the input and output have a symbolic batch', async () => {
    const net = Network.fromWeights([{ weights: [[1, 2], [3, 4], [5, 6]], biases: [0.5, 0, -0.5] }, { weights: [[1, -1, 0]], biases: [2] }], { hidden: 'relu', output: 'sigmoid' });
    const model = await decode(await toOnnx(net, { dtype: 'float64' }));
    expect([long(model.irVersion), model.opsetImport.map((set) => [set.domain, long(set.version)])]).toEqual([8, [['', 17]]]);
    expect(model.producerName).toBe('feedforward');
    const graph = model.graph as onnx.GraphProto; // decoded: every list is there, empty or not
    expect(graph.node.map((node) => [node.opType, node.input, node.output])).toEqual([
      ['Gemm', ['x', 'layer1.weights', 'layer1.biases'], ['layer1/Z']],
      ['Relu', ['layer1/Z'], ['layer1/A']],
      ['Gemm', ['layer1/A', 'layer2.weights', 'layer2.biases'], ['layer2/Z']],
      ['Sigmoid', ['layer2/Z'], ['y']],
    ]);
    expect((graph.node[0].attribute ?? []).map((a) => [a.name, long(a.i)])).toEqual([['transB', 1]]);
    expect(graph.initializer.map((t) => [t.name, (t.dims ?? []).map(long), t.dataType])).toEqual([
      ['layer1.weights', [3, 2], 11], // nOut × nIn, DOUBLE
      ['layer1.biases', [3], 11],
      ['layer2.weights', [1, 3], 11],
      ['layer2.biases', [1], 11],
    ]);
    expect(float64s(graph.initializer[0].rawData)).toEqual([1, 2, 3, 4, 5, 6]); // row by row
    const shape = (value: onnx.ValueInfoProto.$Properties) => value.type?.tensorType?.shape?.dim?.map((d) => d.dimParam || long(d.dimValue));
    expect([graph.input[0].name, shape(graph.input[0]), graph.output[0].name, shape(graph.output[0])]).toEqual(['x', ['batch', 2], 'y', ['batch', 1]]);
  });

  it("writes float32 by default (every weight rounded to float32), float64 when asked (every weight as it is)", async () => {
    const net = Network.fromWeights([{ weights: [[0.1]], biases: [0] }]);
    const [f32, f64] = [await decode(await toOnnx(net)), await decode(await toOnnx(net, { dtype: 'float64' }))];
    expect(f32.graph?.initializer?.[0]?.dataType).toBe(1);
    expect(new Float32Array(new Uint8Array(f32.graph?.initializer?.[0]?.rawData as Uint8Array).buffer)[0]).toBe(Math.fround(0.1));
    expect(float64s(f64.graph?.initializer?.[0]?.rawData)).toEqual([0.1]);
  });

  it("writes leakyRelu as PRelu, whose slope is a tensor of the model's own type (LeakyRelu's alpha would be rounded to float32)", async () => {
    const net = new Network({ layers: [1, 2, 1], hidden: { name: 'leakyRelu', slope: 0.1 }, seed: 1 });
    const graph = (await decode(await toOnnx(net, { dtype: 'float64' }))).graph;
    expect(graph?.node?.[1]?.opType).toBe('PRelu');
    const slope = graph?.initializer?.find((t) => t.name === 'layer1.slope');
    expect([slope?.dims?.map(long), float64s(slope?.rawData)]).toEqual([[1], [0.1]]);
  });

  it("writes net.standardize into the graph: Sub and Div before the first layer, Mul and Add after the last", async () => {
    const net = new Network({ layers: [2, 3, 1], seed: 2 });
    net.standardize = { inputs: standardize([[1, 2, 3], [10, 20, 60]]), outputs: standardize([[100, 300]]) };
    const graph = (await decode(await toOnnx(net))).graph;
    expect(graph?.node?.map((node) => node.opType)).toEqual(['Sub', 'Div', 'Gemm', 'Relu', 'Gemm', 'Mul', 'Add']);
    expect(graph?.node?.[0]?.input).toEqual(['x', 'inputs.mean']);
    expect(graph?.node?.[6]?.output).toEqual(['y']);
  });

  it('leaves the network unchanged', async () => {
    const net = new Network({ layers: [2, 3, 2], output: 'softmax', seed: 3 });
    const before = JSON.stringify(net.toJSON());
    await toOnnx(net, { dtype: 'float32' });
    expect(JSON.stringify(net.toJSON())).toBe(before);
  });
});

describe("onnxruntime runs every file toOnnx writes, with net.predict's predictions", () => {
  const hidden: ActivationSpec[] = ['relu', 'leakyRelu', { name: 'leakyRelu', slope: 0.2 }, 'sigmoid', 'tanh', 'linear'];
  const outputs: ActivationSpec[] = ['linear', 'relu', 'sigmoid', 'tanh', 'softmax'];
  const cases = hidden.flatMap((h) => outputs.map((o) => [h, o] as const));

  // float64: each output within 1e-12 of its own size. float32 keeps about 7 digits of the largest numbers a
  // layer sums, so an output near 0 is only as exact as the others' scale: errors within 1e-6 of the largest output.
  it.each([
    ['float64', 1e-12, maxRelativeError],
    ['float32', 1e-6, scaledError],
  ] as const)('in %s: every hidden and output activation, with and without standardize, within %s', async (dtype, tolerance, error) => {
    for (const [h, o] of cases) {
      for (const standardized of [false, true]) {
        const net = new Network({ layers: [3, 5, 4, 2], hidden: h, output: o, seed: 7 });
        const samples = samplesFor(3, 20, 8);
        if (standardized) {
          const X = samplesFor(20, 3, 9).map((row) => row.map((x) => 50 + 30 * x)); // 3 features × 20 samples, around 50
          net.standardize = { inputs: standardize(X), ...(o === 'linear' && { outputs: standardize([[1, 5, 9], [-100, 0, 300]]) }) };
        }
        const want = predictRows(net, samples.map((row) => (standardized ? row.map((x) => 50 + 30 * x) : row)));
        const got = await runOnnxruntime(await toOnnx(net, { dtype }), samples.map((row) => (standardized ? row.map((x) => 50 + 30 * x) : row)), dtype);
        expect(error(got, want), `hidden ${JSON.stringify(h)}, output ${JSON.stringify(o)}, standardize ${standardized}`).toBeLessThan(tolerance);
      }
    }
  });

  it("takes a PyTorch model the whole way round: read from PyTorch's file, written again, run by onnxruntime as PyTorch's file runs", async () => {
    const { bytes, x } = fixture('moons_relu_gemm'); // float32, as PyTorch trained it
    const again = await toOnnx(await fromOnnx(bytes)); // float32 again: each weight is the float32 it was
    // the same weights through the same nodes (Gemm with transB = 1, Relu) in the same runtime: the same bits
    expect(await runOnnxruntime(again, x, 'float32')).toEqual(await runOnnxruntime(bytes, x, 'float32'));
  });

  it('runs a deeper network of 8 layers in float64 within 1e-12 relative', async () => {
    const net = new Network({ layers: [4, 16, 16, 16, 16, 16, 16, 16, 3], hidden: 'tanh', output: 'softmax', seed: 11 });
    const samples = samplesFor(4, 50, 12);
    expect(maxRelativeError(await runOnnxruntime(await toOnnx(net, { dtype: 'float64' }), samples), predictRows(net, samples))).toBeLessThan(1e-12);
  });
});

describe('fromOnnx(toOnnx(net)) gives back the same network', () => {
  it('bit for bit in float64: weights (−0 and subnormals too), activations, standardizers, labels and features (a fast-check property)', async () => {
    await fc.assert(
      fc.asyncProperty(randomNetwork, fc.boolean(), fc.boolean(), async (net, scaled, named) => {
        if (scaled) net.standardize = { inputs: standardize(transposeRows(samplesFor(net.inputs, 7, 5))), outputs: standardize(transposeRows(samplesFor(net.outputs, 4, 6))) };
        if (named) net.features = Array.from({ length: net.inputs }, (_, k) => `feature ${k + 1}`);
        if (named && net.layers[net.layers.length - 1].activation.name === 'softmax') net.labels = Array.from({ length: net.outputs }, (_, k) => `class ${k + 1}`);
        net.layers[0].weights.data[0] = -0;
        net.layers[0].biases.data[0] = 5e-324;
        const back = await fromOnnx(await toOnnx(net, { dtype: 'float64' }));
        expectSameBits(back.toJSON(), net.toJSON());
        expect([back.labels, back.features]).toEqual([net.labels, net.features]);
        expectSameBits([back.standardize?.inputs?.toJSON(), back.standardize?.outputs?.toJSON()], [net.standardize?.inputs?.toJSON(), net.standardize?.outputs?.toJSON()]);
      }),
      { numRuns: 60, seed: 21 },
    );
  });

  it('in float32, every weight comes back as its float32', async () => {
    const net = new Network({ layers: [2, 3, 1], seed: 4 });
    const back = await fromOnnx(await toOnnx(net));
    expect(Array.from(back.layers[0].weights.data)).toEqual(Array.from(net.layers[0].weights.data, Math.fround));
  });
});

/** Rows (samples × features) turned into features × samples. */
function transposeRows(rows: number[][]): number[][] {
  return rows[0].map((_, k) => rows.map((row) => row[k]));
}

describe('what toOnnx refuses', () => {
  it('refuses an activation ONNX has no operator for here, naming the layer', async () => {
    const net = new Network({ layers: [1, 2, 1], hidden: activation('log(1 + exp(x))', { name: 'softplus' }) });
    await expectRejection(() => toOnnx(net), ValueError, "toOnnx: layer 1's activation softplus has no ONNX operator here (supported: relu, leakyRelu, sigmoid, tanh, softmax, linear)");
  });

  it("refuses a weight float32 cannot hold unless dtype is 'float64'", async () => {
    const net = Network.fromWeights([{ weights: [[1e39]], biases: [0] }]);
    await expectRejection(() => toOnnx(net), ValueError, "toOnnx: layer 1's weights has 1e+39 but float32 stops near ±3.4e38 (write dtype 'float64')");
    expect((await fromOnnx(await toOnnx(net, { dtype: 'float64' }))).layers[0].weights.data[0]).toBe(1e39);
  });

  it('refuses options it does not know, and a dtype or name of the wrong kind', async () => {
    const net = new Network({ layers: [1, 1] });
    await expectRejection(() => toOnnx(net, { dtyp: 'float64' } as never), ValueError, 'toOnnx: unknown option "dtyp" (did you mean "dtype"?) (known: dtype, name)');
    await expectRejection(() => toOnnx(net, { dtype: 'int8' as never }), ValueError, "toOnnx: options.dtype is \"int8\" but it must be 'float32' or 'float64'");
    await expectRejection(() => toOnnx(net, { name: '' }), ValueError, 'toOnnx: options.name is "" but it must be a non-empty string');
    await expectRejection(() => toOnnx({} as never), ValueError, 'toOnnx: net is an object (Object) but it must be a Network (it has no list of layers)');
  });
});
