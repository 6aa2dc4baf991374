// Two moons: two interleaving half-circles that no straight line separates.
// A [2, 16, 16, 1] ReLU network with a sigmoid output learns the curved boundary;
// held-out points measure how well. Run: npx tsx examples/two-moons.ts
import { Network, datasets } from '../src/index.js';

const train = datasets.moons({ samples: 300, noise: 0.15, seed: 1 });
const test = datasets.moons({ samples: 200, noise: 0.15, seed: 2 });
const net = new Network({ layers: [2, 16, 16, 1], output: 'sigmoid', seed: 4 });

const accuracy = (X: typeof test.X, Y: typeof test.Y) => {
  const A = net.forward(X);
  let right = 0;
  for (let j = 0; j < X.cols; j++) if (Math.round(A.get(0, j)) === Y.get(0, j)) right++;
  return right / X.cols;
};

console.log(`before training: held-out accuracy ${accuracy(test.X, test.Y).toFixed(3)}`);
net.fit(train.X, train.Y, {
  epochs: 200,
  batchSize: 32,
  learningRate: 0.01,
  validation: test,
  onEpoch: (epoch, { loss, validationLoss }) => {
    if (epoch % 40 === 0) {
      console.log(`epoch ${String(epoch).padStart(3)}: loss ${loss.toFixed(4)}, held-out loss ${validationLoss!.toFixed(4)}, held-out accuracy ${accuracy(test.X, test.Y).toFixed(3)}`);
    }
  },
});

// The decision regions on a coarse grid: # where the network says class 1, . for class 0.
console.log('\nclass 1 (#) and class 0 (.) over x ∈ [−1.5, 2.5], y ∈ [−1, 1.5]:');
for (let r = 0; r < 11; r++) {
  const y = 1.5 - (2.5 * r) / 10;
  const xs = Array.from({ length: 41 }, (_, c) => [-1.5 + c / 10, y]);
  console.log(net.predict<number>(xs).map((p) => (p > 0.5 ? '#' : '.')).join(''));
}
