// Smaller data, honest estimates: with 150 flowers, one test part of 30 gives a noisy score
// (one flower more or less right moves it by 0.033). kFold cuts the flowers into 5 folds; each
// is the test part once while a fresh network trains on the other 4, so every flower is scored
// exactly once, by a network that never saw it. The mean of the 5 scores is the estimate, their
// spread (standard deviation) how much to trust it.   Run: npx tsx examples/k-fold.ts
import { Network, accuracy, fromRecords, kFold } from '../src/index.js';
import { getDataset } from '../test/oracles/iris.js'; // a data set of the oracle package: npm run data-sets

const columns = ['sepal length', 'sepal width', 'petal length', 'petal width'];
const records = getDataset().map((row) => ({ ...Object.fromEntries(columns.map((c, i) => [c, row[i]])), species: row[4] }));
const data = fromRecords(records, { inputs: columns, target: 'species' });

const scores = kFold(data, { folds: 5, seed: 1, stratify: true }).map(({ train, test }, f) => {
  const net = Network.for(data, { hidden: [8], seed: 3 });
  net.fit(train.X, train.Y, { epochs: 300, learningRate: 0.02, validationSplit: 0.2, patience: 20, standardize: 'inputs' });
  const score = accuracy(net.classify(test.records), test.targets);
  console.log(`fold ${f + 1}: trained on ${train.X.cols} flowers, ${test.X.cols} held out, accuracy ${score.toFixed(3)}`);
  return score;
});
const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
const spread = Math.sqrt(scores.reduce((s, x) => s + (x - mean) ** 2, 0) / (scores.length - 1)); // sample standard deviation
console.log(`held-out accuracy over 5 folds: ${mean.toFixed(3)} ± ${spread.toFixed(3)} (mean ± standard deviation)`);
