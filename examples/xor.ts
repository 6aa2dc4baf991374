// XOR: the function no single neuron can compute, learned by a [2, 4, 1]
// network with a sigmoid output and binary cross-entropy.
// Run: npx tsx examples/xor.ts
import { Network, datasets } from '../src/index.js';

const { X, Y } = datasets.xor(); // the 4 corners, one per column, and their labels
const net = new Network({ layers: [2, 4, 1], hidden: 'tanh', output: 'sigmoid', init: 'xavier', seed: 1 });

const history = net.fit(X, Y, {
  epochs: 1000,
  learningRate: 0.05, // adam, full batch: all 4 samples per step
  onEpoch: (epoch, { loss }) => {
    if (epoch === 1 || epoch % 200 === 0) console.log(`epoch ${String(epoch).padStart(4)}: loss ${loss.toFixed(5)}`);
  },
});

console.log('\nx₁ x₂  target  prediction');
const A = net.forward(X);
for (let j = 0; j < 4; j++) console.log(` ${X.get(0, j)}  ${X.get(1, j)}      ${Y.get(0, j)}      ${A.get(0, j).toFixed(4)}`);
console.log(`\nfinal loss ${history.loss.at(-1)!.toExponential(2)}`);

// The gradients backpropagation found at the end, layer by layer: near zero once learned.
net.backwardTrace(X, Y).forEach(({ layer, dW }) => console.log(`layer ${layer} dW:\n${dW.toString()}`));
