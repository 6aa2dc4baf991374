// Palmer penguins (vega-datasets): 344 birds from three islands, four body measurements,
// the island and the species. A [7, 8, 3] softmax network (Network.for) names the species; the island
// (text) becomes three 0/1 inputs, and birds with a missing measurement are dropped.
// Writes out/penguins-confusion.svg.   Run: npx tsx examples/penguins.ts
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Network, accuracy, confusionMatrix, fromRecords, trainTestSplit } from '../src/index.js';
import { loadNetwork, saveNetwork } from '../src/node.js';
import { plotConfusion } from '../src/plot/index.js';
import { dataFile } from '../test/oracles/data-sets.js'; // vega-datasets, a data set of the oracle package: npm run data-sets

const penguins = JSON.parse(readFileSync(dataFile('vega-datasets/data/penguins.json'), 'utf8'));
const inputs = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)', 'Island'];
const data = fromRecords(penguins, { inputs, target: 'Species', missing: 'drop' });
console.log(`${penguins.length} birds, ${data.dropped} dropped for a missing value; ${data.features.length} features:`);
console.log(`  ${data.features.join(', ')}`);

const { train, test } = trainTestSplit(data, { test: 0.2, seed: 1, stratify: true });
// [7, 8, 3]: the sizes, the softmax output, the species and the feature names come from the data.
const net = Network.for(data, { hidden: [8], seed: 1 });
// Grams and millimetres to mean 0, σ 1 with the training birds' statistics, kept in the network for classify.
const history = net.fit(train.X, train.Y, { epochs: 300, validationSplit: 0.2, patience: 20, standardize: 'inputs' });
console.log(`trained ${history.loss.length} epochs (early stopping on ${Math.ceil(0.2 * train.X.cols)} of the ${train.X.cols} training birds)`);

const answers = net.classify(test.records);
const cm = confusionMatrix(answers, test.targets, data.labels);
console.log(`held-out accuracy: ${accuracy(answers, test.targets).toFixed(3)} (${test.X.cols} birds never trained on)`);
console.log(cm.toString());
mkdirSync('out', { recursive: true });
writeFileSync('out/penguins-confusion.svg', await plotConfusion(cm, { title: 'Penguins: held-out birds' }));

const file = join(mkdtempSync(join(tmpdir(), 'penguins-')), 'penguins.json');
await saveNetwork(net, file);
const bird = { 'Beak Length (mm)': 50, 'Beak Depth (mm)': 19, 'Flipper Length (mm)': 196, 'Body Mass (g)': 3800, Island: 'Dream' };
const { label, probabilities } = (await loadNetwork(file)).classify(bird);
console.log(`a new bird on Dream: ${label}; ${Object.entries(probabilities).map(([s, p]) => `${s} ${p.toFixed(3)}`).join(', ')}`);
