// TypeScript: types ship with the package (moduleResolution node16, nodenext or bundler).
import { Network, type LayerInput, type Matrix, type NetworkOptions } from 'feedforward';

// The article's network with weights chosen by hand (those of articleNetwork()): 1 input, two layers of 2 ReLU neurons, 1 output.
const layers: LayerInput[] = [
  { weights: [[1], [-1]], biases: [1, 1] },
  { weights: [[1, 1], [1, -1]], biases: [-2.5, -0.5] },
  { weights: [[1, -1]], biases: [1] },
];
const net = Network.fromWeights(layers);
console.log(net.predict([-2, -1, 0, 1, 2])); // one prediction per sample
// [ 1.5, 1, 1, -0.5, -1 ]

// A seeded network: the same weights, so the same numbers, on every machine.
const options: NetworkOptions = { layers: [1, 2, 2, 1], seed: 42 };
const Z: Matrix = new Network(options).forward([[-1, 0, 1]]); // 1 output row × 3 sample columns
console.log(Z.toString());
// [[-0.3295644  -0.3295644  -1.13088791]]

// The compiler catches a misspelled option before anything runs:
// @ts-expect-error: 'glorot' is not one of the init names ('he' | 'xavier' | 'uniform').
({ layers: [1, 1], init: 'glorot' }) satisfies NetworkOptions;
