// Node with CommonJS: a .cjs file, or a .js file without "type": "module".
const { Network } = require('feedforward');

// The article's network with weights chosen by hand (those of articleNetwork()): 1 input, two layers of 2 ReLU neurons, 1 output.
const net = Network.fromWeights([
  { weights: [[1], [-1]], biases: [1, 1] },
  { weights: [[1, 1], [1, -1]], biases: [-2.5, -0.5] },
  { weights: [[1, -1]], biases: [1] },
]);
console.log(net.predict([-2, -1, 0, 1, 2])); // one prediction per sample
// [ 1.5, 1, 1, -0.5, -1 ]

// A seeded network: the same weights, so the same numbers, on every machine.
const seeded = new Network({ layers: [1, 2, 2, 1], seed: 42 });
console.log(seeded.forward([[-1, 0, 1]]).toString()); // 1 output row × 3 sample columns
// [[-0.3295644  -0.3295644  -1.13088791]]
