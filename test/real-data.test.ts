// Learning on real data: the classic Iris flowers, the Palmer penguins and 10,000 handwritten
// digits, each scored on samples the network never trained on (nor early-stopped on).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Matrix, Network, accuracy, argmax, fromRecords, oneHot, trainTestSplit } from '../src/index.js';
import { loadNetwork, saveNetwork } from '../src/node.js';
import { dataFile } from './oracles/data-sets.js';
import { getDataset } from './oracles/iris.js';
import { mnist } from './oracles/mnist.js';

describe('learning real data', () => {
  it('classifies 30 held-out Iris flowers with accuracy ≥ 0.9 ([4, 8, 3], softmax, early stopping on a part of the training flowers)', () => {
    const columns = ['sepal length', 'sepal width', 'petal length', 'petal width'];
    const records = getDataset().map((row) => ({ ...Object.fromEntries(columns.map((c, i) => [c, row[i]])), species: row[4] }));
    const data = fromRecords(records, { inputs: columns, target: 'species' });
    const { train, test } = trainTestSplit(data, { test: 0.2, seed: 7, stratify: true });
    const net = Network.for(data, { hidden: [8], seed: 3 }); // [4, 8, 3], softmax, the species as labels
    // standardized with the statistics of the training flowers only (not the validation share, not the test flowers)
    net.fit(train.X, train.Y, { epochs: 300, learningRate: 0.02, validationSplit: 0.2, patience: 20, standardize: 'inputs' });
    expect(accuracy(net.classify(test.records), test.targets)).toBeGreaterThanOrEqual(0.9);
  });

  it('names the species of 69 held-out penguins with accuracy ≥ 0.95, and classifies the same after saveNetwork and loadNetwork', async () => {
    const penguins = JSON.parse(readFileSync(dataFile('vega-datasets/data/penguins.json'), 'utf8'));
    const inputs = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)', 'Island'];
    const data = fromRecords(penguins, { inputs, target: 'Species', missing: 'drop' });
    expect([data.dropped, data.labels]).toEqual([2, ['Adelie', 'Chinstrap', 'Gentoo']]);
    const { train, test } = trainTestSplit(data, { test: 0.2, seed: 1, stratify: true });
    const net = Network.for(data, { hidden: [8], seed: 1 });
    net.fit(train.X, train.Y, { epochs: 300, validationSplit: 0.2, patience: 20, standardize: 'inputs' });
    const answers = net.classify(test.records);
    expect(accuracy(answers, test.targets)).toBeGreaterThanOrEqual(0.95);
    const folder = mkdtempSync(join(tmpdir(), 'feedforward-penguins-'));
    try {
      await saveNetwork(net, join(folder, 'penguins.json'));
      const loaded = await loadNetwork(join(folder, 'penguins.json'));
      expect([loaded.labels, loaded.features]).toEqual([net.labels, net.features]);
      expect(loaded.classify(test.records)).toEqual(answers); // raw records in, the same names and probabilities out
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reads held-out handwritten digits with accuracy ≥ 0.85 ([784, 64, 10], 3 epochs of minibatches)', () => {
    const load = (from: number, count: number) => {
      const images: number[][] = [];
      const labels: number[] = [];
      for (let d = 0; d < 10; d++) for (const image of mnist[d].range(from, from + count - 1)) (images.push(image), labels.push(d));
      const X = Matrix.from(images[0].map((_, i) => images.map((image) => image[i]))); // 784 × samples
      return { X, Y: oneHot(labels, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), labels };
    };
    const train = load(0, 500);
    const test = load(700, 150);
    const net = new Network({ layers: [784, 64, 10], output: 'softmax', seed: 1 });
    net.fit(train.X, train.Y, { epochs: 3, batchSize: 32, learningRate: 0.002 });
    expect(accuracy(argmax(net.forward(test.X)), test.labels)).toBeGreaterThanOrEqual(0.85);
  });
});
