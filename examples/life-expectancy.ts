// A regression on data the repository had not used: life expectancy in 63 countries from
// 1955 to 2005, every five years (vega-datasets' gapminder.json, from Gapminder), from the
// fertility rate, the year, the population and the region. The target is scaled too
// (standardize: 'both'), so the network learns (y − μ)/σ and predict answers in years.
// Run: npx tsx examples/life-expectancy.ts
import { readFileSync } from 'node:fs';
import { Network, fromRecords, meanAbsoluteError, r2, trainTestSplit } from '../src/index.js';
import { dataFile } from '../test/oracles/data-sets.js'; // vega-datasets, a data set of the oracle package: npm run data-sets

const rows = JSON.parse(readFileSync(dataFile('vega-datasets/data/gapminder.json'), 'utf8'));
const countries = rows.map((row: { cluster: number }) => ({ ...row, region: `region ${row.cluster}` })); // a category, not a number
const data = fromRecords(countries, { inputs: ['fertility', 'year', 'pop', 'region'], target: 'life_expect' });
const { train, test } = trainTestSplit(data, { test: 0.2, seed: 1 });
const net = Network.for(data, { hidden: [16], seed: 1 });
net.fit(train.X, train.Y, { epochs: 500, validationSplit: 0.2, patience: 30, standardize: 'both' });
const predicted = net.predict<number>(test.records);
console.log(`held-out (${test.X.cols} country-years): R² ${r2(predicted, test.Y).toFixed(3)}, MAE ${meanAbsoluteError(predicted, test.Y).toFixed(2)} years`);
