/**
 * The same training in TensorFlow.js: a tf.sequential of dense layers with the
 * network's own weights (float32), compiled with tf.train.sgd and
 * meanSquaredError, trained by `model.fit` one epoch at a time, unshuffled.
 * tfjs keeps one sample per row, so X and Y go in transposed, once.
 */
import { transpose } from '../../src/index.js';
import type { TrainCase } from './cases.js';
import { tf } from '../oracles/tfjs.js';

export { type Backend, useBackend } from '../oracles/tfjs-backend.js';

export interface TfjsTrainer {
  /** One epoch of model.fit; resolves to the epoch's loss. */
  epoch(): Promise<number>;
  dispose(): void;
}

/** A tfjs model with the case's starting weights, on the current backend. */
export function tfjsTrainer(c: TrainCase): TfjsTrainer {
  const net = c.net();
  const model = tf.sequential();
  net.layers.forEach((layer, l) => {
    model.add(
      tf.layers.dense({
        units: layer.weights.rows,
        activation: l === net.layers.length - 1 ? 'linear' : 'relu',
        ...(l === 0 ? { inputShape: [layer.weights.cols] } : {}),
      }),
    );
  });
  model.setWeights(
    net.layers.flatMap((layer) => {
      const Wt = transpose(layer.weights); // dense keeps its kernel as nIn × nOut
      return [tf.tensor2d(Float32Array.from(Wt.data), [Wt.rows, Wt.cols]), tf.tensor1d(Float32Array.from(layer.biases.data))];
    }),
  );
  model.compile({ optimizer: tf.train.sgd(c.learningRate), loss: 'meanSquaredError' });
  const xs = tf.tensor2d(Float32Array.from(transpose(c.X).data), [c.X.cols, c.X.rows]);
  const ys = tf.tensor2d(Float32Array.from(transpose(c.Y).data), [c.Y.cols, c.Y.rows]);
  return {
    async epoch() {
      const history = await model.fit(xs, ys, { epochs: 1, batchSize: c.batchSize, shuffle: false, verbose: 0 });
      return history.history.loss[0] as number;
    },
    dispose() {
      model.dispose();
      tf.dispose([xs, ys]);
    },
  };
}
