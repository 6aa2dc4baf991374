// Imbalanced classes: 10,000 bird strikes on US aircraft (vega-datasets' birdstrikes.csv), of
// which 89% did no damage. Does a strike damage the aircraft, given the bird's size, the phase
// of flight, the time of day, the speed and the operator? Always answering "none" is right 89%
// of the time, so accuracy alone flatters any model: the report puts the majority-class
// baseline beside it, with the balanced accuracy (the mean recall of the two classes), which
// the baseline cannot fake. Trained twice: plainly, then with classWeights: 'balanced'.
// Run: npx tsx examples/birdstrikes.ts
import { Network, classificationReport, fromRecords, trainTestSplit } from '../src/index.js';
import { readCsv } from '../src/node.js';
import { dataFile } from '../test/oracles/data-sets.js'; // vega-datasets, a data set of the oracle package: npm run data-sets

const strikes = (await readCsv(dataFile('vega-datasets/data/birdstrikes.csv'))).map((strike) => ({
  ...strike,
  damage: strike['Effect Amount of damage'] === 'None' ? 'none' : 'some', // None, Minor, Medium, Substantial, … → two classes
}));
const inputs = ['Wildlife Size', 'Phase of flight', 'Time of day', 'Speed IAS in knots'];
const data = fromRecords(strikes, { inputs, target: 'damage', missing: 'drop' });
console.log(`${data.X.cols} strikes with a known speed (${data.dropped} dropped), ${data.X.rows} features`);

const { train, test } = trainTestSplit(data, { test: 0.2, seed: 1, stratify: true });
for (const classWeights of [undefined, 'balanced'] as const) {
  const net = Network.for(data, { hidden: [16], seed: 1 });
  net.fit(train.X, train.Y, { epochs: 300, validationSplit: 0.2, patience: 20, standardize: 'inputs', classWeights });
  console.log(`\n${classWeights ? "classWeights: 'balanced'" : 'no class weights'}: ${test.X.cols} held-out strikes`);
  console.log(classificationReport(net.classify(test.records), test.targets).toString());
}
