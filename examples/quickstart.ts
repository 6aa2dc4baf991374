/**
 * The 15-line tour: the article's steps by hand, then the same network in one call.
 * Run it:  npx tsx examples/quickstart.ts
 */
import { Network, applyWeights, relu, twoNode } from '../src/index.js';

const X = [[-2, -1, 0, 1, 2]]; // one input feature (a row), five samples (columns)
const A1 = relu(applyWeights(X, [[1], [-1]], [1, 1])); // layer 1: two neurons, Z = W·X + b, then ReLU
const A2 = relu(twoNode(A1, [[1, 1], [1, -1]], [-2.5, -0.5])); // layer 2: two neurons from two inputs
const prediction = applyWeights(A2, [[1, -1]], [1]); // the final weighted sum plus a bias
console.log(prediction.toString()); // one prediction per sample

const net = Network.fromWeights([
  { weights: [[1], [-1]], biases: [1, 1] },
  { weights: [[1, 1], [1, -1]], biases: [-2.5, -0.5] },
  { weights: [[1, -1]], biases: [1] },
]); // the weights of articleNetwork(): the network of the demo, the pictures and the playground
console.log(net.forward(X).toString()); // the same numbers: forward nests the same steps
console.log(net.predict([-2, -1, 0, 1, 2])); // predict takes one number per sample
