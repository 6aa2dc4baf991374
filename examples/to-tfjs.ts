/**
 * The road onward: a network trained here, handed to TensorFlow.js, which
 * predicts the same numbers (to float32 precision) and can take it on to GPUs.
 * Run it:  npx tsx examples/to-tfjs.ts
 */
import { Network, createRandom, fromTfjsModel, matrix, toTfjsModel } from '../src/index.js';
import { type io, type Tensor, tf } from '../test/oracles/tfjs.js'; // TensorFlow.js, from the oracle package: npm run oracles

await tf.setBackend('cpu'); // the pure-JavaScript backend: the same numbers on every machine

// A seeded network learns y = sin(x) on [−3, 3] from 64 samples.
const random = createRandom(1);
const xs = Array.from({ length: 64 }, () => random.between(-3, 3));
const net = new Network({ layers: [1, 16, 16, 1], hidden: 'tanh', seed: 7 });
const history = net.fit([xs], [xs.map(Math.sin)], { epochs: 300, learningRate: 0.02 });
console.log(`trained: loss ${history.loss[0].toPrecision(3)} → ${history.loss.at(-1)?.toPrecision(3)} after ${history.loss.length} epochs`);

// Hand it to TensorFlow.js: a Sequential of Dense layers, kernels = Wᵀ, weights in float32.
const artifacts = toTfjsModel(net);
console.log(`model.json layers: ${artifacts.modelTopology.config.layers.map((l) => `${l.class_name}(${l.config.units}, ${l.config.activation})`).join(' → ')}`);
const model = await tf.loadLayersModel(tf.io.fromMemory(artifacts));

const samples = [-2, -1, 0, 1, 2];
const ours = net.predict<number>(samples);
const theirs = (model.predict(tf.tensor2d(samples, [5, 1])) as Tensor).dataSync();
console.log('x                      ', matrix([samples]).toString());
console.log('sin(x)                 ', matrix([samples.map(Math.sin)]).toString());
console.log('net.predict (float64)  ', matrix([ours]).toString());
console.log('TensorFlow.js (float32)', matrix([Array.from(theirs)]).toString());
console.log(`largest difference: ${Math.max(...ours.map((y, n) => Math.abs(y - theirs[n]))).toExponential(1)}`);

// And back: the TensorFlow.js model read into feedforward again.
let saved: io.ModelArtifacts | undefined;
await model.save(
  tf.io.withSaveHandler(async (artifacts) => {
    saved = artifacts;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }),
);
const back = fromTfjsModel(saved as io.ModelArtifacts);
console.log('read back from tfjs    ', matrix([back.predict<number>(samples)]).toString());
