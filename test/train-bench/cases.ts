/**
 * The two training races of the benchmark, on seeded weights and data, so every
 * competitor starts from the same numbers (ReLU hidden layers, linear output,
 * mean squared error, plain SGD, no shuffling):
 *
 *   small:     layers [2, 16, 16, 1], 1,000 samples, one full-batch step per epoch;
 *   minibatch: layers [64, 128, 64, 10], 2,000 samples, batches of 32 (63 steps per epoch).
 */
import { Network, randomMatrix, type Matrix } from '../../src/index.js';

export interface TrainCase {
  name: string;
  layers: number[];
  X: Matrix; // inputs × samples
  Y: Matrix; // outputs × samples
  batchSize: number;
  learningRate: number;
  /** A fresh network with the case's starting weights (the same every call). */
  net(): Network;
}

function trainCase(layers: number[], samples: number, batchSize: number): TrainCase {
  const X = randomMatrix(layers[0], samples, { seed: 7 });
  const Y = randomMatrix(layers.at(-1)!, samples, { seed: 8 });
  return {
    name: `[${layers.join(',')}] × ${samples.toLocaleString('en-US')}, batch ${batchSize}`,
    layers,
    X,
    Y,
    batchSize,
    learningRate: 0.01,
    net: () => new Network({ layers, seed: 42 }),
  };
}

export const smallCase = (): TrainCase => trainCase([2, 16, 16, 1], 1000, 1000);
export const minibatchCase = (): TrainCase => trainCase([64, 128, 64, 10], 2000, 32);

/** fit's options for one epoch of a case: the same training the other competitors do. */
export const fitOptions = (c: TrainCase) =>
  ({ epochs: 1, optimizer: 'sgd', learningRate: c.learningRate, loss: 'mse', batchSize: c.batchSize, shuffle: false, onWarning: () => {} }) as const;
