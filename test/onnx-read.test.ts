/**
 * fromOnnx: networks from PyTorch (and any ONNX exporter) read as dense layers.
 * The oracle is onnxruntime (onnxruntime-web, WebAssembly, in Node): the fixtures
 * carry its outputs, and every small graph written here runs in it too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PARAMETERS, Network, ShapeError, ValueError, articleNetwork, fromOnnx, kinks, toOnnx } from '../src/index.js';
import { MAX_ONNX_BYTES } from '../src/interop/onnx-schema.js';
import { type ModelSpec, attr, decode, encode, expectRejection, fixture, maxRelativeError, modelObject, onnxModel, runOnnxruntime, tensor } from './helpers/onnx.js';

const SAMPLES = [[-2, 0.5], [-0.75, -1.25], [0, 0], [0.3, 1.7], [1.9, -0.4]]; // five samples of two inputs, as rows

/** W (2 neurons × 2 inputs) and b of a first layer, then w (1 × 2) and c of an output layer, as PyTorch stores them. */
const W1 = { dims: [2, 2], values: [1, -2, 0.5, 3] };
const B1 = { dims: [2], values: [0.25, -1] };
const W2 = { dims: [1, 2], values: [2, -1] };
const B2 = { dims: [1], values: [0.5] };

/** A two-layer PyTorch-style chain, Gemm (transB = 1) → g → Gemm, with g's node given. */
function chain(activation: ModelSpec['nodes'][number] | undefined, extra: ModelSpec['constants'] = {}): ModelSpec {
  const g = activation ?? ['Identity', ['z1'], 'a1'];
  return {
    nodes: [['Gemm', ['x', 'W1', 'B1'], 'z1', [attr.int('transB', 1)]], g, ['Gemm', [g[2], 'W2', 'B2'], 'y', [attr.int('transB', 1)]]],
    constants: { W1, B1, W2, B2, ...extra },
    input: 2,
  };
}

/** Reads a model and checks that its predictions are onnxruntime's, within 1e-12 relative (float64). */
async function readsLikeOnnxruntime(spec: ModelSpec): Promise<Network> {
  const bytes = await onnxModel(spec);
  const net = await fromOnnx(bytes);
  const want = await runOnnxruntime(bytes, SAMPLES.map((row) => row.slice(0, net.inputs)));
  expect(maxRelativeError(net.predict(SAMPLES.map((row) => row.slice(0, net.inputs))), want)).toBeLessThan(1e-12);
  return net;
}

describe('fromOnnx reads the networks PyTorch exports (test/fixtures/onnx/, torch.onnx.export, opset 17)', () => {
  it("reads the article's network exactly: [1.5, 1, 1, −0.5, −1] on [−2, −1, 0, 1, 2], kinks at −1.5, 0.25, 1 and 1.5", async () => {
    const { bytes, x, y } = fixture('article_f64');
    const net = await fromOnnx(bytes);
    expect(net.sizes).toEqual([1, 2, 2, 1]);
    expect(net.layers.map((layer) => layer.activation.name)).toEqual(['relu', 'relu', 'linear']);
    expect(net.predict(x)).toEqual([1.5, 1, 1, -0.5, -1]);
    expect(y.flat()).toEqual([1.5, 1, 1, -0.5, -1]); // onnxruntime's own answer, in the fixture
    expect(kinks(net, { domain: [-3, 3] }).breakpoints).toEqual([-1.5, 0.25, 1, 1.5]);
    articleNetwork().layers.forEach((layer, l) => {
      expect(net.layers[l].weights.toArray()).toEqual(layer.weights.toArray()); // the article's hand-picked weights
      expect(net.layers[l].biases.toArray()).toEqual(layer.biases.toArray());
    });
  });

  it("matches onnxruntime's outputs on the two-moons ReLU network [2, 16, 16, 1] (float32) within 1e-6 relative", async () => {
    const { bytes, x, y } = fixture('moons_relu_gemm');
    const net = await fromOnnx(bytes);
    expect(net.sizes).toEqual([2, 16, 16, 1]);
    expect(maxRelativeError(net.predict(x), y)).toBeLessThan(1e-6);
  });

  it("matches onnxruntime's outputs on the sine network [1, 8, 1] of sigmoids (float64) within 1e-12 relative", async () => {
    const { bytes, x, y } = fixture('sine_sigmoid_f64');
    const net = await fromOnnx(bytes);
    expect(net.layers.map((layer) => layer.activation.name)).toEqual(['sigmoid', 'linear']);
    expect(maxRelativeError(net.predict(x), y)).toBeLessThan(1e-12);
  });

  it("widens float32 weights to float64 exactly: each weight is the file's float32, bit for bit", async () => {
    const { bytes } = fixture('moons_relu_gemm');
    const net = await fromOnnx(bytes);
    const raw = (await decode(bytes)).graph?.initializer?.find((t) => t.name === '0.weight')?.rawData as Uint8Array;
    const file = new Float32Array(raw.slice().buffer); // PyTorch's weight: 16 × 2, one row per neuron, as our W
    expect(Array.from(net.layers[0].weights.data)).toEqual(Array.from(file));
  });

  it('reads the bytes as a Uint8Array, a Buffer or an ArrayBuffer, and leaves them unchanged', async () => {
    const { bytes } = fixture('article_f64');
    const copy = bytes.slice();
    for (const given of [bytes, Buffer.from(bytes), bytes.slice().buffer]) expect((await fromOnnx(given)).sizes).toEqual([1, 2, 2, 1]);
    expect(bytes).toEqual(copy);
  });
});

describe("every form of a dense layer it reads gives onnxruntime's predictions", () => {
  it('Gemm with transB = 1 (PyTorch: W is nOut × nIn as stored), then Relu: Z = W·a + b', async () => {
    const net = await readsLikeOnnxruntime(chain(['Relu', ['z1'], 'a1']));
    expect(net.layers[0].weights.toArray()).toEqual([[1, -2], [0.5, 3]]);
    expect(net.layers.map((layer) => layer.activation.name)).toEqual(['relu', 'linear']);
  });

  it('Gemm with transB = 0 (B is nIn × nOut, so W = Bᵀ), α and β folded in: W = α·Bᵀ, b = β·C', async () => {
    const spec = chain(['Tanh', ['z1'], 'a1']);
    spec.nodes[0] = ['Gemm', ['x', 'W1', 'B1'], 'z1', [attr.float('alpha', 0.5), attr.float('beta', 2)]];
    const net = await readsLikeOnnxruntime(spec);
    expect(net.layers[0].weights.toArray()).toEqual([[0.5, 0.25], [-1, 1.5]]); // 0.5 · [[1, 0.5], [−2, 3]]
    expect(net.layers[0].biases.toArray()).toEqual([[0.5], [-2]]); // 2 · [0.25, −1]
  });

  it('Gemm without C (no biases: b = 0), and C broadcast from one entry or given as a row [1, nOut]', async () => {
    const noBias = chain(['Sigmoid', ['z1'], 'a1']);
    noBias.nodes[0] = ['Gemm', ['x', 'W1'], 'z1', [attr.int('transB', 1)]];
    expect((await readsLikeOnnxruntime(noBias)).layers[0].biases.toArray()).toEqual([[0], [0]]);
    const one = chain(['Sigmoid', ['z1'], 'a1'], { B1: { dims: [1], values: [0.75] } });
    expect((await readsLikeOnnxruntime(one)).layers[0].biases.toArray()).toEqual([[0.75], [0.75]]);
    const row = chain(['Sigmoid', ['z1'], 'a1'], { B1: { dims: [1, 2], values: [0.25, -1] } });
    expect((await readsLikeOnnxruntime(row)).layers[0].biases.toArray()).toEqual([[0.25], [-1]]);
  });

  it('MatMul then Add is one layer, whichever operand of Add comes first; MatMul alone has b = 0', async () => {
    const W1t = { dims: [2, 2], values: [1, 0.5, -2, 3] }; // B = Wᵀ (nIn × nOut), as MatMul takes it
    const spec = (add: ModelSpec['nodes'][number]): ModelSpec => ({
      nodes: [['MatMul', ['x', 'W1t'], 'm1'], add, ['Relu', ['z1'], 'a1'], ['MatMul', ['a1', 'W2t'], 'y']],
      constants: { W1t, B1, W2t: { dims: [2, 1], values: [2, -1] } },
      input: 2,
    });
    for (const add of [['Add', ['m1', 'B1'], 'z1'], ['Add', ['B1', 'm1'], 'z1']] as ModelSpec['nodes']) {
      const net = await readsLikeOnnxruntime(spec(add));
      expect(net.layers[0].weights.toArray()).toEqual([[1, -2], [0.5, 3]]);
      expect(net.layers[0].biases.toArray()).toEqual([[0.25], [-1]]);
      expect(net.layers[1].biases.toArray()).toEqual([[0]]);
    }
  });

  it("LeakyRelu keeps its alpha, a float32 (default 0.01 as a float32, what runtimes compute with), and PRelu with one slope is a leakyRelu", async () => {
    const leaky = await readsLikeOnnxruntime(chain(['LeakyRelu', ['z1'], 'a1', [attr.float('alpha', 0.25)]]));
    expect(leaky.layers[0].activation.slope).toBe(0.25);
    expect((await readsLikeOnnxruntime(chain(['LeakyRelu', ['z1'], 'a1']))).layers[0].activation.slope).toBe(Math.fround(0.01)); // 0.009999999776…
    const prelu = await readsLikeOnnxruntime(chain(['PRelu', ['z1', 'slope'], 'a1'], { slope: { dims: [1], values: [0.1] } }));
    expect(prelu.layers[0].activation.toJSON()).toEqual({ name: 'leakyRelu', slope: 0.1 }); // exact: the slope is a float64 tensor
  });

  it('Softmax on the last axis is the output layer: axis −1, or axis 1 (the default before opset 13) on [batch, outputs]', async () => {
    const spec = (softmax: ModelSpec['nodes'][number], opset: number): ModelSpec => ({
      nodes: [['Gemm', ['x', 'W', 'B'], 'z'], softmax],
      constants: { W: { dims: [2, 3], values: [1, 2, 3, -1, 0, 1] }, B: { dims: [3], values: [0, 0.5, -0.5] } },
      input: 2,
      output: 3,
      opset,
    });
    expect((await readsLikeOnnxruntime(spec(['Softmax', ['z'], 'y', [attr.int('axis', -1)]], 17))).layers[0].activation.name).toBe('softmax');
    expect((await readsLikeOnnxruntime(spec(['Softmax', ['z'], 'y'], 11))).layers[0].activation.name).toBe('softmax');
  });

  it('Identity, and Flatten or Reshape to [batch, features] on the input, change nothing and are skipped', async () => {
    const withIdentity = await readsLikeOnnxruntime(chain(undefined));
    expect(withIdentity.layers.map((layer) => layer.activation.name)).toEqual(['linear', 'linear']);
    const flatten = chain(['Relu', ['z1'], 'a1']);
    flatten.nodes = [['Flatten', ['x'], 'flat'], ['Gemm', ['flat', 'W1', 'B1'], 'z1', [attr.int('transB', 1)]], ...flatten.nodes.slice(1)];
    expect((await readsLikeOnnxruntime(flatten)).sizes).toEqual([2, 2, 1]);
    const reshape = chain(['Relu', ['z1'], 'a1'], { shape: { dims: [2], values: [-1, 2], type: 'int64' } });
    reshape.nodes = [['Reshape', ['x', 'shape'], 'rows'], ['Gemm', ['rows', 'W1', 'B1'], 'z1', [attr.int('transB', 1)]], ...reshape.nodes.slice(1)];
    expect((await readsLikeOnnxruntime(reshape)).sizes).toEqual([2, 2, 1]);
  });

  it("weights from a Constant node, a constant's Transpose folded before use (MatMul(x, Transpose(W))), and an Identity of a constant", async () => {
    const spec: ModelSpec = {
      nodes: [
        ['Constant', [], 'W', [{ name: 'value', type: 4, t: tensor('W', W1) }]],
        ['Transpose', ['W'], 'Wt', [attr.ints('perm', [1, 0])]],
        ['Identity', ['B1'], 'bias'],
        ['MatMul', ['x', 'Wt'], 'm'],
        ['Add', ['m', 'bias'], 'y'],
      ],
      constants: { B1 },
      input: 2,
      output: 2,
    };
    const net = await readsLikeOnnxruntime(spec);
    expect(net.layers[0].weights.toArray()).toEqual([[1, -2], [0.5, 3]]);
  });

  it("reads Sub and Div before the first layer and Mul and Add after the last as net.standardize: (x − μ)/σ in, y·σ + μ out", async () => {
    const spec = chain(['Relu', ['z1'], 'a1'], {
      mu: { dims: [2], values: [1, -2] },
      sigma: { dims: [2], values: [2, 0.5] },
      ySigma: { dims: [1], values: [10] },
      yMu: { dims: [1], values: [100] },
    });
    spec.nodes = [
      ['Sub', ['x', 'mu'], 'centred'],
      ['Div', ['centred', 'sigma'], 'scaled'],
      ['Gemm', ['scaled', 'W1', 'B1'], 'z1', [attr.int('transB', 1)]],
      ...spec.nodes.slice(1, 2),
      ['Gemm', ['a1', 'W2', 'B2'], 'y1', [attr.int('transB', 1)]],
      ['Mul', ['y1', 'ySigma'], 'y2'],
      ['Add', ['y2', 'yMu'], 'y'],
    ];
    const net = await readsLikeOnnxruntime(spec);
    expect(net.standardize?.inputs?.toJSON()).toEqual({ mean: [1, -2], std: [2, 0.5] });
    expect(net.standardize?.outputs?.toJSON()).toEqual({ mean: [100], std: [10] });
  });

  it('reads float32 and float16 weights (widened exactly) in a float32 model', async () => {
    const spec = chain(['Relu', ['z1'], 'a1']);
    spec.type = 'float32';
    spec.constants = { W1: { ...W1, type: 'float32' }, B1: { ...B1, type: 'float32' }, W2: { ...W2, type: 'float32' }, B2: { ...B2, type: 'float32' } };
    const net = await fromOnnx(await onnxModel(spec));
    expect(net.layers[0].weights.toArray()).toEqual([[1, -2], [0.5, 3]]);
    // float16 bits: 0x3c00 = 1, 0xc000 = −2, 0x3800 = 0.5, 0x4200 = 3, 0x3400 = 0.25, 0xbc00 = −1
    spec.constants.W1 = { dims: [2, 2], values: [0x3c00, 0xc000, 0x3800, 0x4200], type: 'float16' };
    spec.constants.B1 = { dims: [2], values: [0x3400, 0xbc00], type: 'float16' };
    const half = await fromOnnx(await onnxModel(spec));
    expect(half.layers[0].weights.toArray()).toEqual([[1, -2], [0.5, 3]]);
    expect(half.layers[0].biases.toArray()).toEqual([[0.25], [-1]]);
  });

  it('reads numbers kept in float_data, double_data and int32_data (float16 bits) as well as in raw_data', async () => {
    const model = modelObject(chain(['Relu', ['z1'], 'a1']));
    const [w1, b1, w2] = model.graph?.initializer ?? [];
    Object.assign(w1, { rawData: undefined, dataType: 1, floatData: [1, -2, 0.5, 3] });
    Object.assign(b1, { rawData: undefined, dataType: 10, int32Data: [0x3400, 0xbc00] });
    Object.assign(w2, { rawData: undefined, doubleData: [2, -1] });
    const net = await fromOnnx(await encode(model));
    expect(net.layers.map((layer) => [layer.weights.toArray(), layer.biases.toArray()])).toEqual([
      [[[1, -2], [0.5, 3]], [[0.25], [-1]]],
      [[[2, -1]], [[0.5]]],
    ]);
  });

  it('reads weights kept in an external file (options.externalData), by location, offset and length', async () => {
    const model = modelObject(chain(['Relu', ['z1'], 'a1']));
    const w1 = model.graph?.initializer?.[0] as { rawData?: Uint8Array; dataLocation?: number; externalData?: unknown };
    const data = new Uint8Array(8 + 32);
    data.set(w1.rawData as Uint8Array, 8); // 8 bytes of something else, then W1's 4 float64s
    Object.assign(w1, { rawData: undefined, dataLocation: 1, externalData: [{ key: 'location', value: 'model.onnx.data' }, { key: 'offset', value: '8' }, { key: 'length', value: '32' }] });
    const net = await fromOnnx(await encode(model), { externalData: { 'model.onnx.data': data } });
    expect(net.layers[0].weights.toArray()).toEqual([[1, -2], [0.5, 3]]);
  });

  it('reads opset 9 (Gemm with C, Softmax over axis 1) and IR 3 files that list their initializers among the inputs', async () => {
    const model = modelObject({ nodes: [['Gemm', ['x', 'W', 'B'], 'z'], ['Softmax', ['z'], 'y']], constants: { W: { dims: [1, 2], values: [1, -1] }, B: { dims: [2], values: [0, 1] } }, output: 2, opset: 9, irVersion: 3 });
    model.graph?.input?.push({ name: 'W' }, { name: 'B' });
    const net = await fromOnnx(await encode(model));
    expect(net.predict([0])).toEqual([[1 / (1 + Math.E), Math.E / (1 + Math.E)]]); // softmax(0, 1)
  });

  it("reads the labels and features toOnnx wrote in metadata_props, checked against the layers", async () => {
    const net = Network.fromWeights([{ weights: [[1, 2]], biases: [0] }], { output: 'sigmoid' });
    net.labels = ['no', 'yes'];
    net.features = ['height', 'weight'];
    const back = await fromOnnx(await toOnnx(net));
    expect([back.labels, back.features]).toEqual([['no', 'yes'], ['height', 'weight']]);
    const model = await decode(await toOnnx(net));
    model.metadataProps[0].value = '["only one"]';
    await expectRejection(async () => fromOnnx(await encode(model)), ShapeError, 'fromOnnx: feedforward.labels: labels has 1 name but the network has 1 output (a sigmoid output p is the probability of the second of 2 labels)');
  });
});

describe('what it refuses, by name: anything but a chain of dense layers', () => {
  it('names the node, its operator and what can be read', async () => {
    const bytes = await onnxModel({ nodes: [['Conv', ['x', 'W'], 'y']], constants: { W: { dims: [1, 1, 1, 1], values: [1] } } });
    const model = await decode(bytes);
    (model.graph as { node: { name: string }[] }).node[0].name = '/c/Conv';
    await expectRejection(async () => fromOnnx(await encode(model)), ValueError, 'fromOnnx: node "/c/Conv" is a Conv, but only dense layers (Gemm, MatMul+Add) and the activations relu, leakyRelu, sigmoid, tanh, softmax can be read');
  });

  it.each([
    ['an operator of another domain', { nodes: [['Gemm', ['x', 'W'], 'y']], constants: { W: { dims: [1, 1], values: [1] } } }, (m: ModelProtoLike) => { m.graph.node[0].domain = 'com.microsoft'; }, 'fromOnnx: node "n1" is a Gemm of the domain "com.microsoft" but only dense layers (Gemm, MatMul+Add) and the activations relu, leakyRelu, sigmoid, tanh, softmax can be read'],
    ['a Gemm whose samples come transposed', { nodes: [['Gemm', ['x', 'W'], 'y', [attr.int('transA', 1)]]], constants: { W: { dims: [1, 1], values: [1] } } }, undefined, 'fromOnnx: node "n1" (Gemm) has transA = 1 but the samples must come as rows (transA = 0)'],
    ['a branch (a node that does not take the chain\'s value)', { nodes: [['Gemm', ['x', 'W'], 'z'], ['Relu', ['x'], 'y']], constants: { W: { dims: [1, 1], values: [1] } } }, undefined, 'fromOnnx: node "n2" (Relu) takes "x" but the chain has reached "z" (a dense network is one chain of nodes)'],
    ['two activations in a row', { nodes: [['Gemm', ['x', 'W'], 'z'], ['Relu', ['z'], 'a'], ['Tanh', ['a'], 'y']], constants: { W: { dims: [1, 1], values: [1] } } }, undefined, 'fromOnnx: node "n3" (Tanh) follows an activation but it must follow a layer (Gemm, or MatMul then Add)'],
    ['a PRelu with a slope per neuron (a learned PReLU)', { nodes: [['Gemm', ['x', 'W'], 'z', [attr.int('transB', 1)]], ['PRelu', ['z', 's'], 'y']], constants: { W: { dims: [2, 1], values: [1, 1] }, s: { dims: [2], values: [0.1, 0.2] } }, output: 2 }, undefined, 'fromOnnx: node "n2" (PRelu) has 2 different slopes but only one slope for every neuron (a leakyRelu) can be read'],
    ['a softmax over another axis', { nodes: [['Gemm', ['x', 'W'], 'z', [attr.int('transB', 1)]], ['Softmax', ['z'], 'y', [attr.int('axis', 0)]]], constants: { W: { dims: [2, 1], values: [1, 1] } }, output: 2 }, undefined, 'fromOnnx: node "n2" (Softmax) has axis 0 but only the last axis (-1 or 1), over the outputs of each sample, can be read'],
    ['a softmax on a hidden layer', { nodes: [['Gemm', ['x', 'W'], 'z', [attr.int('transB', 1)]], ['Softmax', ['z'], 'a'], ['Gemm', ['a', 'V'], 'y', [attr.int('transB', 1)]]], constants: { W: { dims: [2, 1], values: [1, 1] }, V: { dims: [1, 2], values: [1, 1] } } }, undefined, /^fromOnnx: layer 1: .*softmax/],
    ['a Flatten of an image', { nodes: [['Flatten', ['x'], 'f'], ['Gemm', ['f', 'W'], 'y']], constants: { W: { dims: [1, 4], values: [1, 1, 1, 1] } }, input: ['batch', 1, 2, 2] }, undefined, 'fromOnnx: node "n1" (Flatten) turns an input of 4 dimensions into rows (axis 1), but only an input that is already [batch, features] can be read'],
    ['a Transpose of the samples', { nodes: [['Transpose', ['x'], 't'], ['Gemm', ['t', 'W'], 'y']], constants: { W: { dims: [1, 1], values: [1] } } }, undefined, 'fromOnnx: node "n1" (Transpose) transposes the samples but only a constant\'s Transpose (a weight) can be read'],
    ['an Add before any layer', { nodes: [['Add', ['x', 'c'], 'a'], ['Gemm', ['a', 'W'], 'y']], constants: { c: { dims: [1], values: [1] }, W: { dims: [1, 1], values: [1] } } }, undefined, 'fromOnnx: node "n1" (Add) comes before the first layer but an Add is a layer\'s biases, or the outputs\' mean once after the last layer'],
    ['a layer after the outputs\' scaling', { nodes: [['Gemm', ['x', 'W'], 'z'], ['Mul', ['z', 's'], 'm'], ['Gemm', ['m', 'W'], 'y']], constants: { W: { dims: [1, 1], values: [1] }, s: { dims: [1], values: [2] } } }, undefined, 'fromOnnx: node "n3" (Gemm) comes after the outputs\' scaling (Mul/Add after the last layer) but nothing but Identity may follow it'],
    ['a Div by a σ ≤ 0', { nodes: [['Div', ['x', 's'], 'd'], ['Gemm', ['d', 'W'], 'y']], constants: { s: { dims: [1], values: [-2] }, W: { dims: [1, 1], values: [1] } } }, undefined, "fromOnnx: the inputs' standardizing (Sub, Div): std has an entry ≤ 0 but every σ must be > 0"],
    ['no layer at all', { nodes: [['Identity', ['x'], 'y']] }, undefined, 'fromOnnx: the graph has no layer (no Gemm, no MatMul)'],
    ['an output that is not the chain\'s end', { nodes: [['Gemm', ['x', 'W'], 'z'], ['Relu', ['z'], 'y']], constants: { W: { dims: [1, 1], values: [1] } } }, (m: ModelProtoLike) => { m.graph.output[0].name = 'z'; }, 'fromOnnx: the graph\'s outputs are "z" but the chain ends at "y" (a network has 1 output, the chain\'s end)'],
    ['two inputs', { nodes: [['Gemm', ['x', 'W'], 'y']], constants: { W: { dims: [1, 1], values: [1] } } }, (m: ModelProtoLike) => { m.graph.input.push({ name: 'x2' }); }, 'fromOnnx: the graph has 2 inputs ("x", "x2") but a network has 1, the samples'],
    ['an input that declares other features than the weights take', { nodes: [['Gemm', ['x', 'W'], 'y', [attr.int('transB', 1)]]], constants: { W: { dims: [1, 2], values: [1, 1] } }, input: 3 }, undefined, 'fromOnnx: the graph\'s input "x" has 3 features but the layers take 2 inputs per sample ([batch, 2])'],
    ['opset 8', { nodes: [['Gemm', ['x', 'W'], 'y']], constants: { W: { dims: [1, 1], values: [1] } }, opset: 8 }, undefined, 'fromOnnx: the model uses opset 8 but opsets 9 to 21 can be read (torch.onnx.export(…, opset_version=17) writes 17)'],
    ['opset 22', { nodes: [['Gemm', ['x', 'W'], 'y']], constants: { W: { dims: [1, 1], values: [1] } }, opset: 22 }, undefined, 'fromOnnx: the model uses opset 22 but opsets 9 to 21 can be read (torch.onnx.export(…, opset_version=17) writes 17)'],
    ['IR version 2', { nodes: [['Gemm', ['x', 'W'], 'y']], constants: { W: { dims: [1, 1], values: [1] } }, irVersion: 2 }, undefined, 'fromOnnx: ir_version is 2 but only ONNX IR 3 and later (2017 on) can be read'],
    ['integer weights', { nodes: [['Gemm', ['x', 'W'], 'y']], constants: { W: { dims: [1, 1], values: [1], type: 'int64' } } }, undefined, 'fromOnnx: tensor "W" holds INT64 numbers but only FLOAT, DOUBLE and FLOAT16 weights can be read'],
    ['a NaN weight', { nodes: [['Gemm', ['x', 'W'], 'y']], constants: { W: { dims: [1, 2], values: [1, Number.NaN] } } }, undefined, 'fromOnnx: tensor "W" has NaN at entry 2 but weights must be finite numbers'],
    ['a weight that is no constant', { nodes: [['Gemm', ['x', 'W'], 'y']] }, undefined, 'fromOnnx: node "n1" takes "W", which is neither a constant (an initializer) nor the value the chain has reached ("x")'],
  ] as [string, ModelSpec, ((m: ModelProtoLike) => void) | undefined, string | RegExp][])('refuses %s', async (_, spec, change, message) => {
    const model = modelObject(spec) as unknown as ModelProtoLike;
    change?.(model);
    const call = async () => fromOnnx(await encode(model as never));
    if (typeof message === 'string') await expectRejection(call, message.includes('has 3 features') ? ShapeError : ValueError, message);
    else await expect(call()).rejects.toThrow(message);
  });
});

/** The parts of a ModelProto the cases above change. */
interface ModelProtoLike {
  graph: { node: { domain?: string }[]; input: { name: string }[]; output: { name: string }[] };
}

describe('hostile bytes: a clear error, before anything large is allocated, never a raw protobuf exception', () => {
  it('refuses what is not bytes, no bytes, and bytes that are not a protobuf', async () => {
    await expectRejection(() => fromOnnx('model.onnx' as never), ValueError, 'fromOnnx: bytes is "model.onnx" but it must be the file\'s bytes (a Uint8Array, a Buffer or an ArrayBuffer)');
    await expectRejection(() => fromOnnx(new Uint8Array(0)), ValueError, 'fromOnnx: the model has 0 bytes (an empty file is not an ONNX model)');
    await expect(fromOnnx(new Uint8Array([0xff, 0xff, 0xff, 0xff]))).rejects.toThrow(/^fromOnnx: the bytes are not a valid ONNX model \(a truncated or damaged file\? the protobuf decoder says: .+\)$/);
  });

  it('refuses a truncated file: every cut of a real model is refused or read whole', async () => {
    const { bytes } = fixture('sine_sigmoid_f64');
    for (let n = 1; n < bytes.length; n++) {
      const error = await fromOnnx(bytes.subarray(0, n)).then(() => undefined, (e: unknown) => e);
      expect(error, `cut at ${n} bytes`).toSatisfy((e) => e instanceof ValueError || e instanceof ShapeError);
    }
  });

  it('refuses more than MAX_ONNX_BYTES bytes before decoding them', async () => {
    await expectRejection(() => fromOnnx(new Uint8Array(MAX_ONNX_BYTES + 1)), ValueError, `fromOnnx: the model has ${MAX_ONNX_BYTES + 1} bytes but at most ${MAX_ONNX_BYTES} are read (MAX_PARAMETERS float64 weights and 16 MiB for the graph)`);
  });

  it('refuses a tensor whose declared size does not match its data', async () => {
    const model = modelObject({ nodes: [['Gemm', ['x', 'W'], 'y']], constants: { W: { dims: [1, 2], values: [1, 2] } } });
    (model.graph?.initializer?.[0] as { dims: number[] }).dims = [1, 3];
    await expectRejection(async () => fromOnnx(await encode(model)), ShapeError, 'fromOnnx: tensor "W" has dims [1,3] (3 numbers, 24 bytes) but its raw_data has 16 bytes');
    Object.assign(model.graph?.initializer?.[0] ?? {}, { rawData: undefined, doubleData: [1, 2] });
    await expectRejection(async () => fromOnnx(await encode(model)), ShapeError, 'fromOnnx: tensor "W" has dims [1,3] (3 numbers, 3 entries) but its double_data has 2 entries');
  });

  it('refuses sizes past MAX_PARAMETERS from the dims alone (2⁴⁰ × 2⁴⁰ would not even allocate)', async () => {
    const model = modelObject({ nodes: [['Gemm', ['x', 'W'], 'y']], constants: { W: { dims: [1, 1], values: [1] } } });
    (model.graph?.initializer?.[0] as { dims: number[] }).dims = [2 ** 40, 2 ** 40];
    await expectRejection(async () => fromOnnx(await encode(model)), ValueError, `fromOnnx: tensor "W" has dims [${2 ** 40},${2 ** 40}] (${2 ** 80} numbers) but a network may hold at most ${MAX_PARAMETERS} weights and biases in all (MAX_PARAMETERS, 2²⁵)`);
    (model.graph?.initializer?.[0] as { dims: number[] }).dims = [-1];
    await expectRejection(async () => fromOnnx(await encode(model)), ValueError, "fromOnnx: tensor \"W\"'s dimension 1 is -1 but sizes are ≥ 0");
  });

  it('refuses external data that is missing, too short, of another length, or named with a folder', async () => {
    const model = modelObject({ nodes: [['Gemm', ['x', 'W'], 'y']], constants: { W: { dims: [1, 1], values: [1] } } });
    const external = (fields: Record<string, string>) => {
      Object.assign(model.graph?.initializer?.[0] ?? {}, { rawData: undefined, dataLocation: 1, externalData: Object.entries(fields).map(([key, value]) => ({ key, value })) });
      return encode(model);
    };
    const data = { 'w.bin': new Uint8Array(12) };
    await expectRejection(async () => fromOnnx(await external({ location: 'w.bin' })), ValueError, 'fromOnnx: tensor "W" is stored in the external file "w.bin", which was not given (options.externalData: none)');
    await expectRejection(async () => fromOnnx(await external({ location: 'w.bin', offset: '8' }), { externalData: data }), ShapeError, 'fromOnnx: tensor "W" takes bytes 8 to 16 of "w.bin" but that file has 12 bytes');
    await expectRejection(async () => fromOnnx(await external({ location: 'w.bin', length: '4' }), { externalData: data }), ShapeError, 'fromOnnx: tensor "W" has dims [1,1] (8 bytes) but its external length is 4 bytes');
    await expectRejection(async () => fromOnnx(await external({ location: '../w.bin' }), { externalData: data }), ValueError, 'fromOnnx: tensor "W"\'s external location is "../w.bin" but it must be a plain file name beside the model (no folders, no "..", no drive), like "model.onnx.data"');
    await expectRejection(async () => fromOnnx(await external({ location: 'w.bin', offset: '-1' }), { externalData: data }), ValueError, 'fromOnnx: tensor "W"\'s external offset is "-1" but it must be a whole number of bytes');
  });

  it('a fuzz test: 400 mutations of a real model (bytes changed, cut, inserted) are each read or refused with a ValueError or ShapeError', async () => {
    const { bytes } = fixture('moons_relu_gemm');
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), value: fc.nat() }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 8 }), async (mutations) => {
        let mutated = Array.from(bytes);
        for (const { kind, at, value } of mutations) {
          const n = at % mutated.length;
          if (kind === 'set') mutated[n] = value;
          else if (kind === 'cut') mutated = mutated.slice(0, n).concat(mutated.slice(n + 1 + (value % 16)));
          else mutated.splice(n, 0, value);
          if (mutated.length === 0) mutated = [0];
        }
        try {
          const net = await fromOnnx(Uint8Array.from(mutated));
          expect(net.predict([[0.5, -0.5]]).flat().every(Number.isFinite)).toBe(true);
        } catch (error) {
          expect(error instanceof ValueError || error instanceof ShapeError, String(error)).toBe(true);
        }
      }),
      { numRuns: 400, seed: 21 },
    );
  });
});
