// An ES module ("type": "module" in package.json): it awaits at the top level.
import { readFileSync } from 'node:fs';
import { Network, accuracy, confusionMatrix, fromRecords, trainTestSplit } from '../../src/index.js';
import { loadNetwork, saveNetwork } from '../../src/node.js';
import { dataFile } from '../../test/oracles/data-sets.js';

const penguins = JSON.parse(readFileSync(dataFile('vega-datasets/data/penguins.json'), 'utf8'));
const data = fromRecords(penguins, { inputs: ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'], target: 'Species', missing: 'drop' });
const { train, test } = trainTestSplit(data, { test: 0.2, seed: 1, stratify: true });
const net = Network.for(data, { hidden: [8], seed: 1 });
net.fit(train.X, train.Y, { epochs: 300, validationSplit: 0.2, patience: 20, standardize: 'inputs' });
const answers = net.classify(test.records);
console.log(`held-out accuracy: ${accuracy(answers, test.targets).toFixed(3)} (${data.dropped} rows dropped)`);
console.log(confusionMatrix(answers, test.targets).toString());
await saveNetwork(net, 'penguins.model.json');
console.log((await loadNetwork('penguins.model.json')).classify({ 'Beak Length (mm)': 47, 'Beak Depth (mm)': 15, 'Flipper Length (mm)': 215, 'Body Mass (g)': 5000 }).label);
