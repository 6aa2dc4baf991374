// Fitting a curve: a ReLU network learns y = sin(x) on [−π, π]. Its prediction
// is always piecewise linear; as it learns, the loss falls and the kinks, almost
// invisible at the start, bend more and more where the sine curves.
// Run: npx tsx examples/fit-curve.ts
import { Network, datasets, kinks } from '../src/index.js';

const { X, Y } = datasets.sine({ samples: 200 }); // 1 × 200 inputs, 1 × 200 targets

// Start nearly flat: a seeded [1, 16, 16, 1] network with every weight and bias
// shrunk ten times, so the first prediction is almost a constant.
const seeded = new Network({ layers: [1, 16, 16, 1], seed: 3 });
const net = Network.fromWeights(
  seeded.layers.map(({ weights, biases }) => ({
    weights: weights.toArray().map((row) => row.map((w) => w / 10)),
    biases: Array.from(biases.data, (b) => b / 10),
  })),
);

// The kinks come from kinks(), exactly, from the weights: the x where the
// prediction's slope changes, and the straight pieces between them.
function countKinks(minimumBend: number): number {
  const { pieces } = kinks(net, { domain: [-Math.PI, Math.PI] });
  let count = 0;
  for (let p = 1; p < pieces.length; p++) if (Math.abs(pieces[p].slope - pieces[p - 1].slope) > minimumBend) count++;
  return count;
}

const row = (epoch: number, loss: number) =>
  console.log(`${String(epoch).padStart(5)}  ${loss.toFixed(5)}  ${String(countKinks(0)).padStart(5)}  ${String(countKinks(0.1)).padStart(14)}`);
console.log('epoch     loss  kinks  bending > 0.1');
row(0, net.gradients(X, Y).loss);
net.fit(X, Y, {
  epochs: 1000,
  learningRate: 0.01,
  onEpoch: (epoch, { loss }) => {
    if ([10, 50, 100, 200, 500, 1000].includes(epoch)) row(epoch, loss);
  },
});

console.log('\n     x    sin x   prediction');
for (const x of [-3, -2, -1, 0, 1, 2, 3]) {
  const [prediction] = net.predict<number>([x]);
  console.log(`${x.toFixed(1).padStart(6)}  ${Math.sin(x).toFixed(3).padStart(6)}  ${prediction.toFixed(3).padStart(6)}`);
}
