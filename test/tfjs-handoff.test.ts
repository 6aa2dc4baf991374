import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ActivationSpec, Network, activation, createRandom, standardize, transpose } from '../src/index.js';
import { fromTfjsModel } from '../src/network/readers.js';
import { toTfjsFiles, toTfjsModel } from '../src/interop/tfjs-write.js';
import { loadTfjsModel, saveTfjsModel } from '../src/node.js';
import { type io, type LayersModel, type SymbolicTensor, type Tensor2D, tf } from './oracles/tfjs.js';

beforeAll(async () => {
  await tf.setBackend('cpu'); // TensorFlow.js's pure-JavaScript backend: the same numbers on every machine
});

/** Seeded samples as rows: `count` rows of `nIn` numbers in [−2, 2). */
function samplesFor(nIn: number, count: number, seed: number): number[][] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => Array.from({ length: nIn }, () => random.between(-2, 2)));
}

/** TensorFlow.js's predictions for samples as rows, as nested arrays. */
function tfPredict(model: LayersModel, samples: number[][]): number[][] {
  return tf.tidy(() => (model.predict(tf.tensor2d(samples)) as Tensor2D).arraySync());
}

/** The largest |a − b| over all entries, each side given as numbers or rows. */
function maxDifference(a: (number | number[])[], b: (number | number[])[]): number {
  const flat = (x: (number | number[])[]) => x.flat() as number[];
  const [fa, fb] = [flat(a), flat(b)];
  expect(fa.length).toBe(fb.length);
  return Math.max(...fa.map((x, n) => Math.abs(x - fb[n])));
}

// float32 keeps about 7 significant digits; these networks' outputs are of order 1.
const FLOAT32_TOLERANCE = 1e-5;

describe('toTfjsModel(net): a TensorFlow.js Layers model, without TensorFlow.js', () => {
  it('writes each layer as a Dense layer whose kernel is Wᵀ (nIn × nOut), then the biases, in float32', () => {
    // W = [[1, 2], [3, 4]] (2 neurons × 2 inputs), so kernel = Wᵀ = [[1, 3], [2, 4]], stored row by row: 1, 3, 2, 4
    const net = Network.fromWeights([{ weights: [[1, 2], [3, 4]], biases: [5, 6] }], { output: 'relu' });
    const { modelTopology, weightSpecs, weightData } = toTfjsModel(net);
    expect(weightSpecs).toEqual([
      { name: 'dense_1/kernel', shape: [2, 2], dtype: 'float32' },
      { name: 'dense_1/bias', shape: [2], dtype: 'float32' },
    ]);
    expect(Array.from(new Float32Array(weightData))).toEqual([1, 3, 2, 4, 5, 6]);
    expect(modelTopology.config.layers).toEqual([
      {
        class_name: 'Dense',
        config: { name: 'dense_1', units: 2, activation: 'relu', use_bias: true, trainable: true, dtype: 'float32', batch_input_shape: [null, 2] },
      },
    ]);
  });

  it('writes the whole model.json a Keras reader expects: a leakyRelu layer is a linear Dense then a LeakyReLU with its alpha; only the first layer declares the input shape', () => {
    const net = Network.fromWeights([{ weights: [[1], [2]], biases: [0, 0] }, { weights: [[1, 1]], biases: [0] }], { hidden: { name: 'leakyRelu', slope: 0.25 }, output: 'sigmoid' });
    const dense = (n: number, units: number, activation: string) => ({ name: `dense_${n}`, units, activation, use_bias: true, trainable: true, dtype: 'float32' });
    const { weightData, ...model } = toTfjsModel(net);
    expect(model).toEqual({
      modelTopology: {
        class_name: 'Sequential',
        config: {
          name: 'feedforward',
          layers: [
            { class_name: 'Dense', config: { ...dense(1, 2, 'linear'), batch_input_shape: [null, 1] } },
            { class_name: 'LeakyReLU', config: { name: 'leaky_re_lu_1', alpha: 0.25, trainable: true, dtype: 'float32' } },
            { class_name: 'Dense', config: dense(2, 1, 'sigmoid') },
          ],
        },
        keras_version: 'tfjs-layers (written by feedforward)',
        backend: 'tensor_flow.js',
      },
      weightSpecs: [
        { name: 'dense_1/kernel', shape: [1, 2], dtype: 'float32' },
        { name: 'dense_1/bias', shape: [2], dtype: 'float32' },
        { name: 'dense_2/kernel', shape: [2, 1], dtype: 'float32' },
        { name: 'dense_2/bias', shape: [1], dtype: 'float32' },
      ],
      format: 'layers-model',
      generatedBy: 'feedforward',
      convertedBy: null,
    });
    expect(Array.from(new Float32Array(weightData))).toEqual([1, 2, 0, 0, 1, 1, 0]);
  });

  it('folds output un-standardizing as W″ = diag(σ)·W and b″ = σ·b + μ, row by row (checked by hand on two outputs)', () => {
    // W = [[1, 2], [3, 4]], b = [1, 1]; outputs μ = [10, 20], σ = [2, 3]:
    // W″ = [[2, 4], [9, 12]], b″ = [2·1 + 10, 3·1 + 20] = [12, 23]; kernel = W″ᵀ, stored 2, 9, 4, 12
    const net = Network.fromWeights([{ weights: [[1, 2], [3, 4]], biases: [1, 1] }]);
    net.standardize = { outputs: standardize([[8, 12], [17, 23]]) }; // μ = [10, 20], σ = [2, 3] (population σ)
    expect(Array.from(new Float32Array(toTfjsModel(net).weightData))).toEqual([2, 9, 4, 12, 12, 23]);
  });

  const cases: [string, ActivationSpec, ActivationSpec, number[]][] = [
    ['relu hidden, linear output', 'relu', 'linear', [3, 8, 8, 2]],
    ['sigmoid hidden and output', 'sigmoid', 'sigmoid', [2, 6, 1]],
    ['tanh hidden and output', 'tanh', 'tanh', [4, 5, 3]],
    ['linear hidden, relu output', 'linear', 'relu', [2, 3, 2]],
    ['relu hidden, softmax output', 'relu', 'softmax', [4, 10, 3]],
    ['leakyRelu (slope 0.1) hidden, as a Dense and a LeakyReLU layer', { name: 'leakyRelu', slope: 0.1 }, 'linear', [2, 7, 1]],
  ];
  for (const [title, hidden, output, layers] of cases) {
    it(`loads in tf.loadLayersModel and predicts what net.predict does (${title})`, async () => {
      const net = new Network({ layers, hidden, output, seed: 3 });
      const model = await tf.loadLayersModel(tf.io.fromMemory(toTfjsModel(net)));
      const samples = samplesFor(layers[0], 20, 4);
      const want = net.predict(samples) as (number | number[])[];
      const got = tfPredict(model, samples);
      expect(maxDifference(got.map((row) => (row.length === 1 ? row[0] : row)), want)).toBeLessThan(FLOAT32_TOLERANCE);
      model.dispose();
    });
  }

  it("folds predict's standardizing into the first and last Dense layers: tfjs predicts the same in the data's units", async () => {
    // House-price-like data: inputs in the hundreds, outputs in the thousands.
    const random = createRandom(12);
    const samples = Array.from({ length: 30 }, () => [random.between(100, 300), random.between(1, 5)]);
    const targets = samples.map(([area, rooms]) => [10 * area + 500 * rooms]);
    const net = new Network({ layers: [2, 6, 1], hidden: 'tanh', seed: 4 });
    net.standardize = { inputs: standardize(transpose(samples)), outputs: standardize(transpose(targets)) };
    const model = await tf.loadLayersModel(tf.io.fromMemory(toTfjsModel(net)));
    const want = net.predict(samples) as number[];
    const got = tfPredict(model, samples).map((row) => row[0]);
    const relative = got.map((y, n) => Math.abs(y - want[n]) / Math.abs(want[n]));
    expect(Math.max(...relative)).toBeLessThan(1e-5);
  });

  it('refuses to fold output un-standardizing into a non-linear output layer', () => {
    const net = new Network({ layers: [1, 2, 1], output: 'sigmoid' });
    net.standardize = { outputs: standardize([[1, 2, 3]]) };
    expect(() => toTfjsModel(net)).toThrow(/toTfjsModel: the output layer is sigmoid but the network un-standardizes its outputs/);
  });

  it('leaves the network untouched, standardizing included', () => {
    const net = new Network({ layers: [2, 3, 1], seed: 1 });
    net.standardize = { inputs: standardize([[1, 2, 3], [10, 20, 40]]), outputs: standardize([[5, 7]]) };
    const before = JSON.stringify(net.toJSON());
    toTfjsModel(net);
    expect(JSON.stringify(net.toJSON())).toBe(before);
  });

  it('refuses a weight too large for float32 rather than writing Infinity', () => {
    const net = Network.fromWeights([{ weights: [[1e39]], biases: [0] }]);
    expect(() => toTfjsModel(net)).toThrow(/toTfjsModel: layer 1 has the weight 1e\+39 but float32 stops near ±3.4e38/);
  });

  it('refuses an activation TensorFlow.js has no name for, naming the layer', () => {
    const net = new Network({ layers: [1, 2, 1], hidden: activation('x / (1 + exp(-x))', { name: 'silu' }) });
    expect(() => toTfjsModel(net)).toThrow(/toTfjsModel: layer 1's activation silu has no TensorFlow.js equivalent/);
  });
});

describe('model.json and weights.bin: the files tf.loadLayersModel reads', () => {
  it('toTfjsFiles gives model.json (whose manifest names weights.bin) and the weight bytes', async () => {
    const net = new Network({ layers: [2, 4, 1], seed: 8 });
    const { modelJson, weightsBin } = toTfjsFiles(net);
    expect(modelJson.weightsManifest[0].paths).toEqual(['weights.bin']);
    expect(weightsBin.byteLength).toBe(4 * (2 * 4 + 4 + 4 * 1 + 1)); // 17 float32 numbers
    const json = JSON.parse(JSON.stringify(modelJson)); // as a file would hold it
    const model = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData: weightsBin.slice().buffer }),
    );
    const samples = samplesFor(2, 10, 1);
    expect(maxDifference(tfPredict(model, samples).map((row) => row[0]), net.predict(samples) as number[])).toBeLessThan(FLOAT32_TOLERANCE);
  });

  it('saveTfjsModel writes the two files (Node only), which TensorFlow.js loads and loadTfjsModel reads back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'feedforward-tfjs-'));
    try {
      const net = new Network({ layers: [3, 5, 2], hidden: 'tanh', output: 'softmax', seed: 2 });
      const paths = await saveTfjsModel(net, join(dir, 'model'));
      // each save writes a weight file of its own: weights.<16 random hex digits>.bin
      expect(paths.modelJson).toBe(join(dir, 'model', 'model.json'));
      const name = paths.weights.slice(join(dir, 'model').length + 1);
      expect(name).toMatch(/^weights\.[0-9a-f]{16}\.bin$/);
      const json = JSON.parse(await readFile(paths.modelJson, 'utf8'));
      expect(json.weightsManifest[0].paths).toEqual([name]);
      const bytes = await readFile(paths.weights);
      expect(new Uint8Array(bytes)).toEqual(toTfjsFiles(net).weightsBin);
      const model = await tf.loadLayersModel({
        load: async () => ({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData: new Uint8Array(bytes).buffer }),
      });
      const samples = samplesFor(3, 10, 5);
      expect(maxDifference(tfPredict(model, samples), net.predict(samples) as number[][])).toBeLessThan(FLOAT32_TOLERANCE);
      const back = await loadTfjsModel(paths.modelJson);
      expect(back.sizes).toEqual([3, 5, 2]);
      expect(maxDifference(back.predict(samples) as number[][], net.predict(samples) as number[][])).toBeLessThan(FLOAT32_TOLERANCE);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** The artifacts a TensorFlow.js model hands to a save handler. */
async function saved(model: LayersModel): Promise<io.ModelArtifacts> {
  let artifacts: io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return artifacts as io.ModelArtifacts;
}

describe('fromTfjsModel: a TensorFlow.js sequential Dense model read into feedforward', () => {
  const init = (seed: number) => tf.initializers.glorotUniform({ seed });

  it('predicts what TensorFlow.js predicts, for relu, sigmoid, tanh, linear and softmax layers', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [3], units: 6, activation: 'relu', kernelInitializer: init(1), biasInitializer: tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed: 2 }) }),
        tf.layers.dense({ units: 5, activation: 'sigmoid', kernelInitializer: init(3) }),
        tf.layers.dense({ units: 4, activation: 'tanh', kernelInitializer: init(4) }),
        tf.layers.dense({ units: 4, activation: 'linear', kernelInitializer: init(5) }),
        tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: init(6) }),
      ],
    });
    const net = fromTfjsModel(await saved(model));
    expect(net.sizes).toEqual([3, 6, 5, 4, 4, 3]);
    expect(net.layers.map((layer) => layer.activation.name)).toEqual(['relu', 'sigmoid', 'tanh', 'linear', 'softmax']);
    const samples = samplesFor(3, 25, 7);
    expect(maxDifference(net.predict(samples) as number[][], tfPredict(model, samples))).toBeLessThan(FLOAT32_TOLERANCE);
  });

  it('reads kernel = Wᵀ: a 2-input, 1-unit Dense layer with kernel [[2], [3]] and bias [1] computes 2·x₁ + 3·x₂ + 1', async () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 1 })] });
    model.setWeights([tf.tensor2d([[2], [3]]), tf.tensor1d([1])]);
    const net = fromTfjsModel(await saved(model));
    expect(net.layers[0].weights.toArray()).toEqual([[2, 3]]);
    expect(net.predict([[1, 1], [2, -1]])).toEqual([6, 2]); // 2 + 3 + 1, 4 − 3 + 1
  });

  it('reads an InputLayer, a Dense without bias, and a LeakyReLU layer after a linear Dense', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.inputLayer({ inputShape: [2] }),
        tf.layers.dense({ units: 4, useBias: false, kernelInitializer: init(8) }),
        tf.layers.leakyReLU({ alpha: 0.2 }),
        tf.layers.dense({ units: 1, kernelInitializer: init(9) }),
      ],
    });
    const net = fromTfjsModel(await saved(model));
    expect(net.layers[0].activation.name).toBe('leakyRelu');
    expect(net.layers[0].activation.slope).toBe(0.2);
    expect(Array.from(net.layers[0].biases.data)).toEqual([0, 0, 0, 0]);
    const samples = samplesFor(2, 15, 3);
    expect(maxDifference(net.predict(samples) as number[], tfPredict(model, samples).map((row) => row[0]))).toBeLessThan(FLOAT32_TOLERANCE);
  });

  it('reads model.json text and the weights file bytes, and undoes toTfjsModel (weights rounded to float32)', () => {
    const net = new Network({ layers: [2, 3, 1], seed: 6 });
    const { modelJson, weightsBin } = toTfjsFiles(net);
    const back = fromTfjsModel(JSON.stringify(modelJson), weightsBin);
    back.layers.forEach((layer, l) => {
      expect(Array.from(layer.weights.data)).toEqual(Array.from(net.layers[l].weights.data, Math.fround));
      expect(Array.from(layer.biases.data)).toEqual(Array.from(net.layers[l].biases.data, Math.fround));
    });
  });

  it('names a layer it cannot read', async () => {
    const model = tf.sequential({
      layers: [tf.layers.dense({ inputShape: [2], units: 3 }), tf.layers.dropout({ rate: 0.5, name: 'drop' }), tf.layers.dense({ units: 1 })],
    });
    await expect(saved(model).then(fromTfjsModel)).rejects.toThrow(/fromTfjsModel: model layer 2 \(drop\) is a "Dropout" layer but feedforward reads only Dense layers/);
  });

  it('names an activation it cannot read', async () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 3, activation: 'elu', name: 'hidden' })] });
    await expect(saved(model).then(fromTfjsModel)).rejects.toThrow(/fromTfjsModel: model layer 1 \(hidden\) has activation "elu" but feedforward reads only relu, sigmoid, tanh, linear, softmax/);
  });

  it('reads only float32 weights, naming a weight of another type', () => {
    const { modelJson, weightsBin } = toTfjsFiles(new Network({ layers: [1, 1] }));
    modelJson.weightsManifest[0].weights[0] = { ...modelJson.weightsManifest[0].weights[0], dtype: 'int32' as 'float32' };
    expect(() => fromTfjsModel(modelJson, weightsBin)).toThrow(/fromTfjsModel: weight dense_1\/kernel is int32 but only float32 weights can be read/);
  });

  it('says when the weights file is too short for the model', () => {
    const { modelJson, weightsBin } = toTfjsFiles(new Network({ layers: [2, 3, 1] }));
    expect(() => fromTfjsModel(modelJson, weightsBin.subarray(0, 20))).toThrow(/fromTfjsModel: the weights file has 20 bytes but the model's weights need more/);
  });

  it('reads only Sequential models: a functional model is named and refused', async () => {
    const input = tf.input({ shape: [2] });
    const model = tf.model({ inputs: input, outputs: tf.layers.dense({ units: 1 }).apply(input) as SymbolicTensor });
    await expect(saved(model).then(fromTfjsModel)).rejects.toThrow(/fromTfjsModel: the model is a "Model" model but only a Sequential model of Dense layers can be read/);
  });
});
