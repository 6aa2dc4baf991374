// The penguins with TensorFlow.js (4.22, CPU backend): the same task as feedforward.ts, on the same split (split.ts).
import { type io, type Tensor, tf } from '../../test/oracles/tfjs.js'; // TensorFlow.js, from the oracle package: npm run oracles
import { inputs, testRecords, trainRecords } from './split.js';

// plumbing: standardize with the training rows' statistics, one-hot the species
const mean = inputs.map((c) => trainRecords.reduce((s, r) => s + (r[c] as number), 0) / trainRecords.length);
const std = inputs.map((c, i) => Math.sqrt(trainRecords.reduce((s, r) => s + ((r[c] as number) - mean[i]) ** 2, 0) / trainRecords.length));
const encode = (r: Record<string, number | string>) => inputs.map((c, i) => ((r[c] as number) - mean[i]) / std[i]);
const species = [...new Set(trainRecords.map((r) => r.Species as string))].sort();
const xs = tf.tensor2d(trainRecords.map(encode));
const ys = tf.oneHot(tf.tensor1d(trainRecords.map((r) => species.indexOf(r.Species as string)), 'int32'), species.length);
// model
const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 8, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: 1 }) }), tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) })] });
model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
await model.fit(xs, ys, { epochs: 300, batchSize: 1024, validationSplit: 0.2, shuffle: false, verbose: 0, callbacks: tf.callbacks.earlyStopping({ patience: 20 }) });
// plumbing: argmax, accuracy, confusion matrix, class names
const guesses = Array.from((model.predict(tf.tensor2d(testRecords.map(encode))) as Tensor).argMax(1).dataSync(), (i) => species[i]);
const right = guesses.filter((g, j) => g === testRecords[j].Species).length;
console.log(`held-out accuracy: ${(right / testRecords.length).toFixed(3)}`);
const counts = species.map((a) => species.map((p) => testRecords.filter((r, j) => r.Species === a && guesses[j] === p).length));
console.log(species.map((s, i) => `${s.padEnd(10)} ${counts[i].map((c) => String(c).padStart(4)).join('')}`).join('\n'));
// save, load, classify one new bird (file:// needs tfjs-node, so to memory here; statistics and names saved by hand)
let artifacts: io.ModelArtifacts | undefined;
await model.save(tf.io.withSaveHandler(async (a) => { artifacts = a; return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }; }));
const saved = JSON.stringify({ mean, std, species });
const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts!));
const { mean: m2, std: s2, species: names } = JSON.parse(saved);
const bird: Record<string, number> = { 'Beak Length (mm)': 47, 'Beak Depth (mm)': 15, 'Flipper Length (mm)': 215, 'Body Mass (g)': 5000 };
console.log(names[(loaded.predict(tf.tensor2d([inputs.map((c, i) => (bird[c] - m2[i]) / s2[i])])) as Tensor).argMax(1).dataSync()[0]]);
