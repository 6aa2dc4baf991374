/**
 * TensorFlow.js files from a stranger: model.json may name only weight files
 * beside it (no folders, no "..", no absolute path, no symlink); a malformed
 * manifest is a ValueError naming the field; saveTfjsModel writes the pair
 * atomically (content-named weights, then one rename of model.json; the crash
 * test is test/crash.test.ts) and never writes a pair that would not load back.
 */
import { execFileSync } from 'node:child_process';
import { chmod, link, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Network, ShapeError, ValueError } from '../src/index.js';
import { MAX_LAYERS } from '../src/index.js';
import { tempName, thisHost } from '../src/interop/atomic.js';
import { loadTfjsModel, saveTfjsModel } from '../src/node.js';
import { fromTfjsModel } from '../src/network/readers.js';
import { toTfjsFiles, toTfjsModel } from '../src/interop/tfjs-write.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'feedforward-tfjs-files-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const net = new Network({ layers: [1, 2, 1], seed: 3 });

/** A model folder whose model.json names `paths` (the weights themselves are right, 7 float32 = 28 bytes). */
async function modelNaming(paths: string[]): Promise<string> {
  const { modelJson, weightsBin } = toTfjsFiles(net);
  await mkdir(join(folder, 'model'));
  await writeFile(join(folder, 'model', 'model.json'), JSON.stringify({ ...modelJson, weightsManifest: [{ ...modelJson.weightsManifest[0], paths }] }));
  await writeFile(join(folder, 'secret.bin'), weightsBin); // a file outside the model's folder, with bytes that would parse
  return join(folder, 'model', 'model.json');
}

describe('loadTfjsModel follows only plain file names beside model.json', () => {
  it.each([['../secret.bin'], [join('..', 'secret.bin')], ['/etc/passwd'], ['sub/weights.bin'], ['..\\secret.bin'], ['C:secret.bin'], ['..'], ['.'], ['']])(
    'refuses the weight path %j before opening any file',
    async (path) => {
      const modelJson = await modelNaming([path]);
      await expect(loadTfjsModel(modelJson)).rejects.toThrow(ValueError);
      await expect(loadTfjsModel(modelJson)).rejects.toThrow(
        `loadTfjsModel: weightsManifest[0].paths[0] is ${JSON.stringify(path)} but it must be a plain file name beside model.json (no folders, no "..", no drive), like "weights.bin"`,
      );
    },
  );
  it('refuses a weight file that is a symlink (it could point anywhere), naming it, with the system error as the cause', async () => {
    const modelJson = await modelNaming(['weights.bin']);
    await symlink(join(folder, 'secret.bin'), join(folder, 'model', 'weights.bin'));
    const error = (await loadTfjsModel(modelJson).catch((e: unknown) => e)) as ValueError & { cause?: { code?: string } };
    expect(error).toEqual(
      new ValueError(`loadTfjsModel: weight file ${JSON.stringify(join(folder, 'model', 'weights.bin'))} is a symlink, which is not followed (a model's weights must be files beside model.json)`),
    );
    expect(error.cause?.code).toBe('ELOOP');
  });
  it.each([['[]', 'an array of 0 entries'], ['null', 'null'], ['5', '5']])('refuses a model.json holding %s, naming it', async (text, what) => {
    await mkdir(join(folder, 'model'));
    await writeFile(join(folder, 'model', 'model.json'), text);
    await expect(loadTfjsModel(join(folder, 'model', 'model.json'))).rejects.toThrow(
      new ValueError(`loadTfjsModel: model.json holds ${what} but it must be an object with a weightsManifest`),
    );
  });
  it('names a weight file that is missing (and does not call it a symlink)', async () => {
    const modelJson = await modelNaming(['gone.bin']);
    await expect(loadTfjsModel(modelJson)).rejects.toThrow(`loadTfjsModel: cannot read ${JSON.stringify(join(folder, 'model', 'gone.bin'))} (ENOENT`);
  });
  it('reads a plain name beside it', async () => {
    const modelJson = await modelNaming(['w.bin']);
    await writeFile(join(folder, 'model', 'w.bin'), toTfjsFiles(net).weightsBin);
    expect((await loadTfjsModel(modelJson)).sizes).toEqual([1, 2, 1]);
  });
});

describe('toTfjsFiles and saveTfjsModel write only what reads back', () => {
  it.each([['../weights.bin'], ['/tmp/w.bin'], [5]])('toTfjsFiles refuses the weightsPath %j', (weightsPath) => {
    expect(() => toTfjsFiles(net, { weightsPath } as never)).toThrow(/^toTfjsFiles: weightsPath is .* but it must be a plain file name beside model.json/);
  });
  it('saveTfjsModel refuses a network whose weights do not fit in float32 (1e300 would read back as Infinity), writing nothing', async () => {
    const big = Network.fromWeights([{ weights: [[1e300]], biases: [0] }]);
    await expect(saveTfjsModel(big, join(folder, 'm'))).rejects.toThrow('toTfjsModel: layer 1 has the weight 1e+300 but float32 stops near ±3.4e38 (TensorFlow.js would read Infinity)');
    expect(await readdir(folder)).toEqual([]);
  });
  it('a re-save switches model.json to new weights of its own and removes the weight file the old model.json named', async () => {
    const dir = join(folder, 'm');
    const first = await saveTfjsModel(net, dir);
    const other = new Network({ layers: [1, 2, 1], seed: 4 });
    const second = await saveTfjsModel(other, dir);
    expect(second.weights).not.toBe(first.weights);
    expect((await readdir(dir)).sort()).toEqual(['model.json', second.weights.slice(dir.length + 1)].sort());
    expect(JSON.parse(await readFile(second.modelJson, 'utf8')).weightsManifest[0].paths).toEqual([second.weights.slice(dir.length + 1)]);
    expect((await loadTfjsModel(second.modelJson)).predict([0.5])).toEqual(fromTfjsModel(toTfjsModel(other)).predict([0.5]));
  });
});

describe('fromTfjsModel: a malformed manifest is a ValueError naming the field', () => {
  const { modelJson, weightsBin } = toTfjsFiles(net);
  const withManifest = (weightsManifest: unknown) => ({ ...modelJson, weightsManifest }) as never;
  const spec = modelJson.weightsManifest[0].weights[0];
  it.each([
    [5, 'weightsManifest is 5 but it must be a list of { paths, weights }'],
    [[null], 'weightsManifest[0] is null but it must be { paths, weights }'],
    [[{ paths: 'w.bin', weights: [] }], 'weightsManifest[0].paths is "w.bin" but it must be a list of file names'],
    [[{ paths: ['w.bin'], weights: 5 }], 'weightsManifest[0].weights is 5 but it must be a list of { name, shape, dtype }'],
    [[{ paths: ['w.bin'], weights: [null] }], 'weightsManifest[0].weights[0] is null but it must be { name, shape, dtype }'],
    [[{ paths: ['w.bin'], weights: [{ ...spec, shape: undefined }] }], 'weightsManifest[0].weights[0].shape is undefined but it must be a list of whole numbers ≥ 0'],
    [[{ paths: ['w.bin'], weights: [{ ...spec, shape: [-1] }] }], 'weightsManifest[0].weights[0].shape is [-1] but it must be a list of whole numbers ≥ 0'],
    [[{ paths: ['w.bin'], weights: [{ ...spec, name: 7 }] }], 'weightsManifest[0].weights[0].name is 7 but it must be the weight\'s name, like "dense_1/kernel"'],
    [[{ paths: ['w.bin'], weights: [[1]] }], 'weightsManifest[0].weights[0] is an array of 1 entry but it must be { name, shape, dtype }'],
    [[{ paths: ['w.bin'], weights: [{ ...spec, name: '' }] }], 'weightsManifest[0].weights[0].name is "" but it must be the weight\'s name, like "dense_1/kernel"'],
    [[{ paths: ['w.bin'], weights: [{ ...spec, shape: [1.5] }] }], 'weightsManifest[0].weights[0].shape is [1.5] but it must be a list of whole numbers ≥ 0'],
    [[{ paths: ['w.bin'], weights: [] }, { paths: ['v.bin'], weights: [spec, 'x'] }], 'weightsManifest[1].weights[1] is "x" but it must be { name, shape, dtype }'],
    [[{ paths: ['../w.bin'], weights: [spec] }], 'weightsManifest[0].paths[0] is "../w.bin" but it must be a plain file name beside model.json (no folders, no "..", no drive), like "weights.bin"'],
    [undefined, 'the model lists no weights (no weightSpecs or weightsManifest)'],
    [[['w.bin']], 'weightsManifest[0] is an array of 1 entry but it must be { paths, weights }'],
    [[{ paths: ['w.bin'], weights: [{ ...spec, shape: [1, -1] }] }], 'weightsManifest[0].weights[0].shape is [1, -1] but it must be a list of whole numbers ≥ 0'],
    [[{ paths: ['w.bin'], weights: [{ ...spec, shape: [1e6, 1e6] }] }], 'weightsManifest[0].weights[0].shape is [1000000,1000000] (1000000000000 entries), which brings the weights to 1000000000000 numbers but a network may hold at most 33554432 (MAX_PARAMETERS, 2²⁵)'],
    [[{ paths: ['w.bin'], weights: [{ ...spec, shape: [2 ** 24] }, { ...spec, name: 'b', shape: [2 ** 24 + 1] }] }], 'weightsManifest[0].weights[1].shape is [16777217] (16777217 entries), which brings the weights to 33554433 numbers but a network may hold at most 33554432 (MAX_PARAMETERS, 2²⁵)'],
  ])('weightsManifest %j', (manifest, message) => {
    expect(() => fromTfjsModel(withManifest(manifest), weightsBin)).toThrow(new ValueError(`fromTfjsModel: ${message}`));
  });
  it('weights of exactly MAX_PARAMETERS (2²⁵) entries pass the count and are then measured against the file (nothing is allocated)', () => {
    const manifest = [{ paths: ['w.bin'], weights: [{ ...spec, shape: [2 ** 25] }] }];
    expect(() => fromTfjsModel(withManifest(manifest), weightsBin)).toThrow(
      new ShapeError('fromTfjsModel: the weights file has 28 bytes but the model\'s weights need more (dense_1/kernel ends at byte 134217728)'),
    );
  });
  it('a weight of no entries (shape [0]) takes no bytes', () => {
    const manifest = [{ ...modelJson.weightsManifest[0], weights: [{ name: 'empty', shape: [0], dtype: 'float32' }, ...modelJson.weightsManifest[0].weights] }];
    expect(fromTfjsModel(withManifest(manifest), weightsBin).sizes).toEqual([1, 2, 1]);
  });
  it.each([
    [5, 'weightSpecs is 5 but it must be a list of { name, shape, dtype }'],
    [[null], 'weightSpecs[0] is null but it must be { name, shape, dtype }'],
    [[{ name: 'a', shape: 'x' }], 'weightSpecs[0].shape is "x" but it must be a list of whole numbers ≥ 0'],
  ])('artifacts with weightSpecs %j', (weightSpecs, message) => {
    const artifacts = { modelTopology: modelJson.modelTopology, weightSpecs, weightData: weightsBin };
    expect(() => fromTfjsModel(artifacts as never)).toThrow(new ValueError(`fromTfjsModel: ${message}`));
  });
  it('a weights file longer than the weights is refused, naming both lengths', () => {
    const longer = new Uint8Array(weightsBin.length + 4);
    longer.set(weightsBin);
    expect(() => fromTfjsModel(modelJson, longer)).toThrow(
      "fromTfjsModel: the weights file has 32 bytes but the model's weights take 28 (4 bytes per float32)",
    );
  });
  it('a quantized weight is named and refused', () => {
    const quantized = [{ ...modelJson.weightsManifest[0], weights: [{ ...spec, quantization: { dtype: 'uint8', scale: 1, min: 0 } }] }];
    expect(() => fromTfjsModel(withManifest(quantized), weightsBin)).toThrow(
      'fromTfjsModel: weight dense_1/kernel is quantized but only float32 weights can be read',
    );
  });
  it.each([
    ['a string', 'abc', 'the weights are "abc"'],
    ['a list of numbers', [1, 2], 'the weights are an array of 2 entries'],
    ['nothing', undefined, 'the weights are undefined'],
  ])('weights given as %s are refused', (_, weights, what) => {
    expect(() => fromTfjsModel(modelJson, weights as never)).toThrow(
      `fromTfjsModel: ${what} but they must be the weights file's bytes (an ArrayBuffer or a Uint8Array)`,
    );
  });
  it.each([[5, 'model is 5'], ['null', 'model is null']])('a model.json of %j is refused', (model, what) => {
    expect(() => fromTfjsModel(model as never, weightsBin)).toThrow(`fromTfjsModel: ${what} but it must be model.json's content (with a modelTopology)`);
  });
  it('a Dense layer without units or name says so', () => {
    const topology = JSON.parse(JSON.stringify(modelJson.modelTopology));
    topology.config.layers[0].config.units = -2;
    expect(() => fromTfjsModel({ ...modelJson, modelTopology: topology } as never, weightsBin)).toThrow(/fromTfjsModel: model layer 1 \(dense_1\): config.units is -2 but it must be a whole number ≥ 1/);
  });
});

describe('fromTfjsModel: a model whose layers and weights disagree is refused, naming the layer', () => {
  // [1, 2, 1], ReLU hidden: dense_1 (kernel [1,2], bias [2]) and dense_2 (kernel [2,1], bias [1])
  const small = Network.fromWeights([{ weights: [[1], [2]], biases: [0, 1] }, { weights: [[1, 1]], biases: [0] }], { hidden: 'relu' });
  const model = toTfjsModel(small);
  // biome-ignore lint/suspicious/noExplicitAny: a model.json edited by hand, as a stranger's file would be
  const edited = (change: (m: any) => void) => {
    const m = JSON.parse(JSON.stringify({ ...model, weightData: undefined }));
    change(m);
    return () => fromTfjsModel({ ...m, weightData: model.weightData });
  };
  it.each([
    ['a kernel under another name', (m: any) => { m.weightSpecs[2].name = 'dense_9/kernel'; }, 'layer 2 (dense_2) has no weight "dense_2/kernel" (the weights are dense_1/kernel, dense_1/bias, dense_9/kernel, dense_2/bias)'],
    ['units that are not the kernel\'s', (m: any) => { m.modelTopology.config.layers[1].config.units = 3; }, 'layer 2 (dense_2) has a kernel of shape [2,1] but 3 units (a kernel is nIn × units)'],
    ['a missing bias', (m: any) => { m.weightSpecs[1].name = 'dense_1/bia'; }, 'layer 1 (dense_1) has 2 units but its bias is missing (one bias per unit)'],
    ['softmax on a hidden layer', (m: any) => { m.modelTopology.config.layers[0].config.activation = 'softmax'; }, 'layer 1 (dense_1) uses softmax, which feedforward allows on the output layer only'],
    ['no list of layers', (m: any) => { m.modelTopology.config = {}; }, 'the Sequential model lists no layers'],
    ['an empty list of layers', (m: any) => { m.modelTopology.config.layers = []; }, 'the Sequential model has no Dense layer'],
    ['a Dense layer named ""', (m: any) => { m.modelTopology.config.layers[0].config.name = ''; }, 'model layer 1 (): config.name is "" but it must be the layer\'s name (its weights are "<name>/kernel")'],
    ['a second kernel that does not take the first layer\'s units', (m: any) => { m.modelTopology.config.layers[0].config.units = 1; m.weightSpecs[0].shape = [1, 1]; m.weightSpecs[1].shape = [1]; m.weightSpecs.push({ name: 'pad', shape: [2], dtype: 'float32' }); }, 'layer 2 (dense_2) has a kernel 2×1 but layer 1 has 1 units'],
    ['a LeakyReLU after a ReLU Dense (nothing to fold into)', (m: any) => { m.modelTopology.config.layers.splice(1, 0, { class_name: 'LeakyReLU', config: { name: 'leak' } }); }, 'model layer 2 (leak) is a "LeakyReLU" layer but feedforward reads only Dense layers (and an InputLayer, or a LeakyReLU or Activation layer right after a linear Dense)'],
    ['an Activation layer first', (m: any) => { m.modelTopology.config.layers.unshift({ class_name: 'Activation', config: { activation: 'relu' } }); }, 'model layer 1 (Activation) is a "Activation" layer but feedforward reads only Dense layers'],
    ['an activation that is not a name', (m: any) => { m.modelTopology.config.layers[0].config.activation = 5; }, 'model layer 1 (dense_1) has activation 5 but feedforward reads only relu, sigmoid, tanh, linear, softmax'],
    ['a layer that is null', (m: any) => { m.modelTopology.config.layers.push(null); }, 'model layer 3 (undefined) is a undefined layer but feedforward reads only Dense layers'],
    ['a Dense layer with no name at all', (m: any) => { delete m.modelTopology.config.layers[0].config.name; }, 'model layer 1 (Dense): config.name is undefined but it must be the layer\'s name'],
    ['a Dense layer with 1.5 units', (m: any) => { m.modelTopology.config.layers[0].config.units = 1.5; }, 'model layer 1 (dense_1): config.units is 1.5 but it must be a whole number ≥ 1'],
    ['a Dense layer with 0 units', (m: any) => { m.modelTopology.config.layers[0].config.units = 0; }, 'model layer 1 (dense_1): config.units is 0 but it must be a whole number ≥ 1'],
    ['a bias of the wrong length', (m: any) => { m.weightSpecs[1].shape = [1]; m.weightSpecs.push({ name: 'pad', shape: [1], dtype: 'float32' }); }, 'layer 1 (dense_1) has 2 units but its bias is [1] (one bias per unit)'],
    ['a kernel of three dimensions', (m: any) => { m.weightSpecs[0].shape = [1, 2, 1]; }, 'layer 1 (dense_1) has a kernel of shape [1,2,1] but 2 units (a kernel is nIn × units)'],
    ['a modelTopology of null', (m: any) => { m.modelTopology = null; }, "model is an object (Object) but it must be model.json's content (with a modelTopology)"],
    ['a modelTopology of 5', (m: any) => { m.modelTopology = 5; }, "model is an object (Object) but it must be model.json's content (with a modelTopology)"],
  ])('%s', (_, change, message) => {
    expect(edited(change)).toThrow(`fromTfjsModel: ${message}`);
  });
  it('reads use_bias: false as biases of 0, whatever bias weights the file holds', () => {
    const net2 = edited((m) => { m.modelTopology.config.layers[0].config.use_bias = false; })() as Network;
    expect(net2.toJSON().biases).toEqual([[0, 0], [0]]);
    expect(fromTfjsModel(model).toJSON().biases).toEqual([[0, 1], [0]]);
  });
});

describe('fromTfjsModel reads the forms Keras and TensorFlow.js write', () => {
  // [2, 2, 1]: W¹ = [[1, 2], [3, 4]], b¹ = [0.5, -0.5], W² = [[1, -1]], b² = [0.25]; kernel = Wᵀ
  const net = Network.fromWeights([{ weights: [[1, 2], [3, 4]], biases: [0.5, -0.5] }, { weights: [[1, -1]], biases: [0.25] }], { hidden: 'linear' });
  const model = toTfjsModel(net);
  const bytes = new Uint8Array(model.weightData);
  // at x = (1, 1): a¹ = (1 + 2 + 0.5, 3 + 4 − 0.5) = (3.5, 6.5); ŷ = 3.5 − 6.5 + 0.25 = −2.75
  const at11 = (read: Network) => read.predict([[1, 1]]);
  it('reads the bytes as one buffer, a view into a larger buffer, or a list of buffers', () => {
    const padded = new Uint8Array(bytes.length + 8);
    padded.set(bytes, 8);
    expect(at11(fromTfjsModel(model))).toEqual([-2.75]);
    expect(at11(fromTfjsModel(model, padded.subarray(8)))).toEqual([-2.75]);
    const parts = [bytes.slice(0, 12).buffer, bytes.slice(12).buffer];
    expect(at11(fromTfjsModel({ ...model, weightData: parts }))).toEqual([-2.75]);
    expect(at11(fromTfjsModel({ ...model, weightData: undefined }, parts))).toEqual([-2.75]);
  });
  it("reads Keras's model_config wrapper, and the older form whose config is the list of layers itself", () => {
    const layers = (model.modelTopology as { config: { layers: unknown[] } }).config.layers;
    const keras = { ...model, modelTopology: { keras_version: '2.15.0', backend: 'tensorflow', model_config: { class_name: 'Sequential', config: { layers } } } };
    expect(at11(fromTfjsModel(keras))).toEqual([-2.75]);
    const older = { ...model, modelTopology: { class_name: 'Sequential', config: layers } };
    expect(at11(fromTfjsModel(older))).toEqual([-2.75]);
  });
  it('reads a weight without a dtype as float32, and a Dense layer without an activation as linear (the defaults of both)', () => {
    const topology = JSON.parse(JSON.stringify(model.modelTopology));
    for (const layer of topology.config.layers) delete layer.config.activation;
    const specs = model.weightSpecs.map(({ name, shape }) => ({ name, shape }));
    const read = fromTfjsModel({ ...model, modelTopology: topology, weightSpecs: specs });
    expect(read.layers.map((layer) => layer.activation.name)).toEqual(['linear', 'linear']);
    expect(at11(read)).toEqual([-2.75]);
  });
  it('refuses a list of weight buffers holding something else', () => {
    expect(() => fromTfjsModel({ ...model, weightData: [bytes.buffer, 'x'] } as never)).toThrow(
      "fromTfjsModel: the weights are an array of 2 entries but they must be the weights file's bytes (an ArrayBuffer or a Uint8Array)",
    );
  });
  it('folds an Activation layer into the linear Dense before it', () => {
    const topology = JSON.parse(JSON.stringify(model.modelTopology));
    topology.config.layers.splice(1, 0, { class_name: 'Activation', config: { name: 'act', activation: 'relu' } });
    const read = fromTfjsModel({ ...model, modelTopology: topology });
    expect(read.layers.map((layer) => layer.activation.name)).toEqual(['relu', 'linear']);
    expect(at11(read)).toEqual([-2.75]); // both a¹ are positive, so ReLU changes nothing here
    expect(read.predict([[-1, -1]])).toEqual([0.25]); // z¹ = (−2.5, −7.5): ReLU gives (0, 0)
  });
  it('takes negative_slope over alpha when a LeakyReLU gives both', () => {
    const topology = JSON.parse(JSON.stringify(model.modelTopology));
    topology.config.layers.splice(1, 0, { class_name: 'LeakyReLU', config: { name: 'leak', alpha: 0.5, negative_slope: 0.1 } });
    expect(fromTfjsModel({ ...model, modelTopology: topology }).layers[0].activation.slope).toBe(0.1);
  });
});

describe("fromTfjsModel reads a LeakyReLU's slope as Keras 2, TensorFlow.js and Keras 3 write it", () => {
  const leaky = Network.fromWeights([{ weights: [[1]], biases: [0] }, { weights: [[1]], biases: [0] }], { hidden: { name: 'leakyRelu', slope: 0.1 } });
  const { modelJson, weightsBin } = toTfjsFiles(leaky);
  const withLeaky = (config: Record<string, unknown>) => {
    const topology = JSON.parse(JSON.stringify(modelJson.modelTopology));
    const layer = topology.config.layers.find((l: { class_name: string }) => l.class_name === 'LeakyReLU');
    layer.config = { name: layer.config.name, ...config };
    return fromTfjsModel({ ...modelJson, modelTopology: topology } as never, weightsBin);
  };
  it.each([
    [{ alpha: 0.2 }, 0.2],
    [{ alpha: '0.2' }, 0.2],
    [{ negative_slope: 0.2 }, 0.2],
    [{ negative_slope: '0.25' }, 0.25],
    [{}, 0.3],
  ])('config %j gives slope %d', (config, slope) => {
    expect(withLeaky(config).layers[0].activation.slope).toBe(slope);
  });
  it.each([[{ alpha: 'abc' }, 'alpha is "abc"'], [{ negative_slope: null }, 'negative_slope is null'], [{ alpha: Infinity }, 'alpha is Infinity'], [{ alpha: ' ' }, 'alpha is " "']])('refuses %j', (config, what) => {
    expect(() => withLeaky(config)).toThrow(new RegExp(`fromTfjsModel: model layer \\d \\(.*\\): config.${what.replace(/[()[\]]/g, '\\$&')} but it must be a finite number \\(the slope for z < 0\\)`));
  });
});

describe('saveTfjsModel keeps the mode of the model it replaces', () => {
  it('a 0600 model.json stays 0600, and the new weight file gets 0600 too', async () => {
    const dir = join(folder, 'private');
    await saveTfjsModel(net, dir);
    await chmod(join(dir, 'model.json'), 0o600);
    const paths = await saveTfjsModel(new Network({ layers: [1, 2, 1], seed: 9 }), dir);
    expect((await stat(paths.modelJson)).mode & 0o777).toBe(0o600);
    expect((await stat(paths.weights)).mode & 0o777).toBe(0o600);
  });
});

describe('saveTfjsModel removes only the weight file the model.json it replaced named', () => {
  const other = new Network({ layers: [1, 2, 1], seed: 4 });
  it('leaves alone another model saved in the same folder (other.json + weights.bin), however old', async () => {
    const dir = join(folder, 'm');
    await mkdir(dir);
    const { modelJson, weightsBin } = toTfjsFiles(other); // TensorFlow.js's own names: weights.bin
    await writeFile(join(dir, 'other.json'), JSON.stringify(modelJson));
    await writeFile(join(dir, 'weights.bin'), weightsBin);
    const old = new Date(Date.now() - 24 * 3600_000); // a day old: long past any "orphan" age
    await utimes(join(dir, 'weights.bin'), old, old);
    await saveTfjsModel(net, dir);
    await saveTfjsModel(other, dir);
    expect((await loadTfjsModel(join(dir, 'other.json'))).toJSON()).toEqual(fromTfjsModel(toTfjsModel(other)).toJSON());
  });
  it('leaves alone a weight file of its own name pattern that no model.json of its saves named', async () => {
    const dir = join(folder, 'm');
    await mkdir(dir);
    await writeFile(join(dir, 'weights.0123456789abcdef.bin'), 'a copy you made');
    const old = new Date(Date.now() - 24 * 3600_000);
    await utimes(join(dir, 'weights.0123456789abcdef.bin'), old, old);
    const paths = await saveTfjsModel(net, dir);
    expect((await readdir(dir)).sort()).toEqual(['model.json', paths.weights.slice(dir.length + 1), 'weights.0123456789abcdef.bin'].sort());
  });
  it('does not remove a file the old model.json named under a name it never writes (group1-shard1of1.bin)', async () => {
    const dir = join(folder, 'm');
    await mkdir(dir);
    const { modelJson, weightsBin } = toTfjsFiles(other, { weightsPath: 'group1-shard1of1.bin' });
    await writeFile(join(dir, 'model.json'), JSON.stringify(modelJson));
    await writeFile(join(dir, 'group1-shard1of1.bin'), weightsBin);
    const paths = await saveTfjsModel(net, dir);
    expect((await readdir(dir)).sort()).toEqual(['group1-shard1of1.bin', 'model.json', paths.weights.slice(dir.length + 1)].sort());
  });
  it.each([
    ['weights.bin', 'removed (the name older versions wrote)'],
    ['weights.0123456789abcdef.bin', 'removed'],
    ['myweights.bin', 'kept'],
    ['weights.bin.bak', 'kept'],
    ['weights.0123.bin', 'kept'],
  ])('after the switch, the old model.json\'s %s is %s', async (file, what) => {
    const dir = join(folder, 'm');
    await mkdir(dir);
    const { modelJson, weightsBin } = toTfjsFiles(other, { weightsPath: file });
    await writeFile(join(dir, 'model.json'), JSON.stringify(modelJson));
    await writeFile(join(dir, file), weightsBin);
    const paths = await saveTfjsModel(net, dir);
    const kept = what === 'kept' ? [file] : [];
    expect((await readdir(dir)).sort()).toEqual([...kept, 'model.json', paths.weights.slice(dir.length + 1)].sort());
  });
  it('names the folder it cannot create', async () => {
    await writeFile(join(folder, 'file'), 'a file, not a folder');
    await expect(saveTfjsModel(net, join(folder, 'file', 'm'))).rejects.toThrow(`saveTfjsModel: cannot create the folder ${JSON.stringify(join(folder, 'file', 'm'))} (ENOTDIR`);
  });
  it('gives each save a weight file of its own, even for the same network (so no save removes what another has just named)', async () => {
    const dir = join(folder, 'm');
    const first = await saveTfjsModel(net, dir);
    const second = await saveTfjsModel(net, dir);
    expect(second.weights).not.toBe(first.weights);
    expect((await readdir(dir)).sort()).toEqual(['model.json', second.weights.slice(dir.length + 1)].sort());
  });
});

describe('saveTfjsModel after a killed save: only what a save of this library provably left is removed', () => {
  const dead = 2 ** 22 + 12345; // above Linux's default pid_max (2²²): no process has it
  it("removes a dead save's temporary model.json (no weights of that name: nothing else to remove)", async () => {
    const dir = join(folder, 'm');
    await saveTfjsModel(net, dir);
    await writeFile(join(dir, tempName('model.json', dead, '0123456789abcdef')), '{"half": "a model.json');
    const paths = await saveTfjsModel(net, dir);
    expect((await readdir(dir)).sort()).toEqual(['model.json', paths.weights.slice(dir.length + 1)].sort());
  });
  it('removes the weights of a killed save when there is no model.json at all, and keeps both when model.json cannot be read', async () => {
    const dir = join(folder, 'm');
    await mkdir(dir);
    const temp = join(dir, tempName('model.json', dead, 'fedcba9876543210'));
    await writeFile(temp, 'weights of a killed save');
    await link(temp, join(dir, 'weights.fedcba9876543210.bin'));
    const paths = await saveTfjsModel(net, dir); // no model.json: nothing names them
    expect((await readdir(dir)).sort()).toEqual(['model.json', paths.weights.slice(dir.length + 1)].sort());
    await writeFile(temp, 'weights of another killed save');
    await link(temp, join(dir, 'weights.fedcba9876543210.bin'));
    await writeFile(join(dir, 'model.json'), '{ not JSON'); // cannot say what it names: no proof they are unnamed
    const again = await saveTfjsModel(net, dir);
    // (the first save's weights stay too: the model.json this save replaced could not say it named them)
    expect((await readdir(dir)).sort()).toEqual([basename(temp), 'model.json', basename(paths.weights), basename(again.weights), 'weights.fedcba9876543210.bin'].sort());
  });
  it('removes a dead save\'s temporary file and the weights it had linked (the same inode) that model.json does not name', async () => {
    const dir = join(folder, 'm');
    await saveTfjsModel(net, dir);
    const temp = join(dir, tempName('model.json', dead, 'fedcba9876543210'));
    await writeFile(temp, 'weights of a killed save');
    await link(temp, join(dir, 'weights.fedcba9876543210.bin'));
    const paths = await saveTfjsModel(net, dir);
    expect((await readdir(dir)).sort()).toEqual(['model.json', paths.weights.slice(dir.length + 1)].sort());
  });
  it('keeps the weights when model.json names them (the save was killed after its switch), removing only the temporary name', async () => {
    const dir = join(folder, 'm');
    const first = await saveTfjsModel(net, dir);
    const hex = first.weights.match(/weights\.([0-9a-f]{16})\.bin$/)?.[1] as string;
    const temp = join(dir, tempName('model.json', dead, hex));
    await link(first.weights, temp); // as the killed save would have left it: both names, one file
    await saveTfjsModel(net, dir); // a save that only cleans up first, then replaces model.json
    const again = await readdir(dir);
    expect(again).not.toContain(basename(temp));
    expect(again.length).toBe(2); // model.json and the second save's weights: the first ones went with the model.json that named them
  });
  it('removes the old weights a save killed after its switch had marked for removal, and keeps the new ones model.json names', async () => {
    const dir = join(folder, 'm');
    const first = await saveTfjsModel(net, dir);
    const hex1 = first.weights.match(/weights\.([0-9a-f]{16})\.bin$/)?.[1] as string;
    // The killed save: it marked the old weights (a link), wrote its own (linked to its temporary name), switched model.json.
    await link(first.weights, join(dir, tempName('model.json', dead, hex1)));
    const hex2 = 'fedcba9876543210';
    const { modelJson, weightsBin } = toTfjsFiles(new Network({ layers: [1, 2, 1], seed: 4 }), { weightsPath: `weights.${hex2}.bin` });
    await writeFile(join(dir, tempName('model.json', dead, hex2)), weightsBin);
    await link(join(dir, tempName('model.json', dead, hex2)), join(dir, `weights.${hex2}.bin`));
    await writeFile(join(dir, 'model.json'), JSON.stringify(modelJson));
    expect((await loadTfjsModel(join(dir, 'model.json'))).sizes).toEqual([1, 2, 1]); // the killed save's model loads
    // The next save cleans up first: the first weights (marked, named by no model.json) go with their link;
    // the killed save's own stay until this save's switch, and then go as the weights it replaces.
    const paths = await saveTfjsModel(net, dir);
    expect((await readdir(dir)).sort()).toEqual(['model.json', paths.weights.slice(dir.length + 1)].sort());
  });
  it('keeps a weights file of the same name that is not the same file (no proof it is ours)', async () => {
    const dir = join(folder, 'm');
    await saveTfjsModel(net, dir);
    await writeFile(join(dir, tempName('model.json', dead, 'fedcba9876543210')), 'weights of a killed save');
    await writeFile(join(dir, 'weights.fedcba9876543210.bin'), 'a different file that happens to have the name');
    const paths = await saveTfjsModel(net, dir);
    expect((await readdir(dir)).sort()).toEqual(['model.json', paths.weights.slice(dir.length + 1), 'weights.fedcba9876543210.bin'].sort());
  });
  it('leaves every temporary file of a live process, of another host, or without the marker', async () => {
    const dir = join(folder, 'm');
    await saveTfjsModel(net, dir);
    const live = tempName('model.json', process.ppid, '0123456789abcdef');
    const elsewhere = tempName('model.json', dead, '0123456789abcdef').replace(thisHost(), 'container-7');
    const unmarked = `.weights.bin.${dead}.0123456789ab.tmp`;
    for (const name of [live, elsewhere, unmarked]) await writeFile(join(dir, name), 'not a stale temporary file of this host');
    const paths = await saveTfjsModel(net, dir);
    expect((await readdir(dir)).sort()).toEqual([live, elsewhere, unmarked, 'model.json', paths.weights.slice(dir.length + 1)].sort());
  });
});

describe('saveTfjsModel refuses a model.json that is a symlink', () => {
  it('neither follows it (the file outside stays as it was) nor replaces it', async () => {
    const dir = join(folder, 'm');
    await mkdir(dir);
    const outside = join(folder, 'outside.txt');
    await writeFile(outside, 'a file of yours, outside the model folder');
    await symlink(outside, join(dir, 'model.json'));
    await expect(saveTfjsModel(net, dir)).rejects.toThrow(
      new ValueError(`saveTfjsModel: ${JSON.stringify(join(dir, 'model.json'))} is a symlink, which a save neither follows nor replaces (it could point anywhere): save to the file itself, or remove the link first`),
    );
    expect(await readFile(outside, 'utf8')).toBe('a file of yours, outside the model folder');
    expect((await lstat(join(dir, 'model.json'))).isSymbolicLink()).toBe(true);
    expect(await readdir(dir)).toEqual(['model.json']);
  });
  it('refuses a dangling one too, writing nothing', async () => {
    const dir = join(folder, 'm');
    await mkdir(dir);
    await symlink(join(folder, 'nowhere.json'), join(dir, 'model.json'));
    await expect(saveTfjsModel(net, dir)).rejects.toThrow(/saveTfjsModel: ".*model.json" is a symlink/);
    expect(await readdir(folder)).toEqual(['m']);
    expect(await readdir(dir)).toEqual(['model.json']);
  });
});

describe('loadTfjsModel reads only regular files, and no more bytes than the weights take', () => {
  it.runIf(process.platform !== 'win32')('refuses a FIFO named weights.bin at once (no process writes to it)', async () => {
    const modelJson = await modelNaming(['weights.bin']);
    execFileSync('mkfifo', [join(folder, 'model', 'weights.bin')]);
    await expect(loadTfjsModel(modelJson)).rejects.toThrow(/^loadTfjsModel: weight file ".*weights.bin" is a FIFO \(named pipe\), not a regular file/);
  });
  it('counts the bytes over every weight file: a second file past what the first left is refused before it is read', async () => {
    const { modelJson, weightsBin } = toTfjsFiles(net); // 28 bytes in all
    await mkdir(join(folder, 'model'));
    await writeFile(join(folder, 'model', 'model.json'), JSON.stringify({ ...modelJson, weightsManifest: [{ ...modelJson.weightsManifest[0], paths: ['a.bin', 'b.bin'] }] }));
    await writeFile(join(folder, 'model', 'a.bin'), weightsBin.slice(0, 20));
    await writeFile(join(folder, 'model', 'b.bin'), weightsBin.slice(0, 12)); // 20 + 12 = 32 > 28
    await expect(loadTfjsModel(join(folder, 'model', 'model.json'))).rejects.toThrow(
      `loadTfjsModel: the weight files hold more than the 28 bytes the model's weights take (4 bytes per float32): ${JSON.stringify(join(folder, 'model', 'b.bin'))} has 12 bytes after 20 in the files before it`,
    );
    await writeFile(join(folder, 'model', 'b.bin'), weightsBin.slice(20)); // 20 + 8 = 28: the model, split in two
    expect((await loadTfjsModel(join(folder, 'model', 'model.json'))).sizes).toEqual([1, 2, 1]);
  });
  it.runIf(process.platform !== 'win32')('refuses /dev/zero as model.json', async () => {
    await expect(loadTfjsModel('/dev/zero')).rejects.toThrow('loadTfjsModel: file "/dev/zero" is a character device, not a regular file');
  });
  it('refuses a weights file longer than the manifest\'s weights before reading it (a sparse megabyte: nothing is read)', async () => {
    const modelJson = await modelNaming(['weights.bin']);
    await writeFile(join(folder, 'model', 'weights.bin'), '');
    await (await import('node:fs/promises')).truncate(join(folder, 'model', 'weights.bin'), 2 ** 20);
    await expect(loadTfjsModel(modelJson)).rejects.toThrow(
      new ShapeError(`loadTfjsModel: the weight files hold more than the 28 bytes the model's weights take (4 bytes per float32): ${JSON.stringify(join(folder, 'model', 'weights.bin'))} has 1048576 bytes after 0 in the files before it`),
    );
  });
});

describe('a manifest cannot make the reader allocate more than the weights it declares', () => {
  const { modelJson, weightsBin } = toTfjsFiles(net);
  it('refuses a weight file listed twice (one 4 MB file listed 200 times took 1.7 GB)', async () => {
    const manifest = [{ paths: ['w.bin', 'w.bin'], weights: modelJson.weightsManifest[0].weights }];
    expect(() => fromTfjsModel({ ...modelJson, weightsManifest: manifest } as never, weightsBin)).toThrow(
      new ValueError('fromTfjsModel: weightsManifest[0].paths[1] is "w.bin" again (as weightsManifest[0].paths[0]) but each weight file is listed once'),
    );
    const modelPath = await modelNaming(['w.bin']);
    await writeFile(modelPath, JSON.stringify({ ...modelJson, weightsManifest: [{ paths: ['w.bin'], weights: [] }, { paths: ['w.bin'], weights: modelJson.weightsManifest[0].weights }] }));
    await expect(loadTfjsModel(modelPath)).rejects.toThrow('loadTfjsModel: weightsManifest[1].paths[0] is "w.bin" again (as weightsManifest[0].paths[0]) but each weight file is listed once');
  });
  it('refuses two weights of one name', () => {
    const weights = modelJson.weightsManifest[0].weights;
    const manifest = [{ paths: ['w.bin'], weights: [weights[0], weights[1], { ...weights[2], name: weights[0].name }, weights[3]] }];
    expect(() => fromTfjsModel({ ...modelJson, weightsManifest: manifest } as never, weightsBin)).toThrow(
      new ValueError('fromTfjsModel: weightsManifest[0].weights[2].name is "dense_1/kernel" again (as weightsManifest[0].weights[0]) but each weight needs its own name'),
    );
  });
  it('refuses two Dense layers of one name (150 layers sharing one kernel took 1.3 GB before the parameter count)', () => {
    const topology = JSON.parse(JSON.stringify(modelJson.modelTopology));
    topology.config.layers[1].config.name = topology.config.layers[0].config.name;
    expect(() => fromTfjsModel({ ...modelJson, modelTopology: topology } as never, weightsBin)).toThrow(
      new ValueError('fromTfjsModel: model layer 2 (dense_1): config.name is "dense_1" again (model layer 1 has it) but each layer needs its own name (its weights are "<name>/kernel")'),
    );
  });
  it(`refuses more than MAX_LAYERS (${MAX_LAYERS}) Dense layers, and a topology listing more than 2·MAX_LAYERS + 1 entries, before building any`, () => {
    const dense = (n: number) => ({ class_name: 'Dense', config: { name: `d${n}`, units: 1, activation: 'linear' } });
    const withLayers = (layers: unknown[]) => ({ ...modelJson, modelTopology: { class_name: 'Sequential', config: { layers } }, weightsManifest: [{ paths: ['w.bin'], weights: [] }] }) as never;
    expect(() => fromTfjsModel(withLayers(Array.from({ length: MAX_LAYERS + 1 }, (_, n) => dense(n))), new Uint8Array(0))).toThrow(
      new ValueError(`fromTfjsModel: the network has 1001 weight layers but a network may have at most 1000 (MAX_LAYERS)`),
    );
    expect(() => fromTfjsModel(withLayers(Array.from({ length: 2 * MAX_LAYERS + 2 }, () => ({ class_name: 'InputLayer', config: {} }))), new Uint8Array(0))).toThrow(
      new ValueError('fromTfjsModel: the Sequential model lists 2002 layers but at most 2001 are read (MAX_LAYERS = 1000 Dense layers, each with an activation layer, and an InputLayer)'),
    );
  });
});
