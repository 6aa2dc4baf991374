// Car fuel economy (vega-datasets' cars: 406 cars from 1970–1982): miles per gallon from
// the number of cylinders, displacement, horsepower, weight, acceleration, model year and
// the origin (USA, Europe, Japan: three 0/1 inputs). A regression: one linear output, scored by MAE,
// RMSE and R² on held-out cars. Writes cars-predictions.svg to out/ (or the folder given:
// `npm run render-docs` writes the one in docs/).   Run: npx tsx examples/cars.ts [folder]
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Network, fromRecords, meanAbsoluteError, r2, rootMeanSquaredError, trainTestSplit } from '../src/index.js';
import { loadNetwork, saveNetwork } from '../src/node.js';
import { plotPredictions } from '../src/plot/index.js';
import { dataFile } from '../test/oracles/data-sets.js'; // vega-datasets, a data set of the oracle package: npm run data-sets

const file = JSON.parse(readFileSync(dataFile('vega-datasets/data/cars.json'), 'utf8'));
// The model year is written as a date, "1970-01-01": as text it would be 13 categories, as a number one input.
const cars = file.map((car: { Year: string }) => ({ ...car, Year: Number(car.Year.slice(0, 4)) }));
const inputs = ['Cylinders', 'Displacement', 'Horsepower', 'Weight_in_lbs', 'Acceleration', 'Year', 'Origin'];
const data = fromRecords(cars, { inputs, target: 'Miles_per_Gallon', missing: 'drop' });
console.log(`${cars.length} cars, ${data.dropped} dropped for a missing value; features: ${data.features.join(', ')}`);

const { train, test } = trainTestSplit(data, { test: 0.2, seed: 2 });
const net = Network.for(data, { hidden: [16], seed: 2 }); // no labels: a regression, one linear output
// Inputs and the target are both standardized with the training cars' statistics; predict maps back to mpg.
const history = net.fit(train.X, train.Y, { epochs: 500, validationSplit: 0.2, patience: 30, standardize: 'both' });
console.log(`trained ${history.loss.length} epochs`);

// predict reads the held-out cars' raw records by net.features, and answers in mpg.
const predicted = net.predict<number>(test.records);
const actual = test.Y; // 1 × cars, raw mpg
console.log(`held-out cars (${actual.cols}): MAE ${meanAbsoluteError(predicted, actual).toFixed(2)} mpg, RMSE ${rootMeanSquaredError(predicted, actual).toFixed(2)} mpg, R² ${r2(predicted, actual).toFixed(3)}`);
const mean = train.Y.toArray()[0].reduce((s, y) => s + y, 0) / train.Y.cols;
console.log(`(always answering the training mean, ${mean.toFixed(1)} mpg: MAE ${meanAbsoluteError(predicted.map(() => mean), actual).toFixed(2)} mpg)`);
const folder = process.argv[2] ?? 'out';
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, 'cars-predictions.svg'), await plotPredictions(predicted, actual, { name: 'mpg', title: 'Cars: held-out fuel economy' }));

// Saved and loaded with its statistics: a new car's raw numbers in, miles per gallon out.
const saved = join(mkdtempSync(join(tmpdir(), 'cars-')), 'cars.json');
await saveNetwork(net, saved);
const loaded = await loadNetwork(saved);
const car = { Cylinders: 4, Displacement: 120, Horsepower: 90, Weight_in_lbs: 2400, Acceleration: 16, Year: 1980, Origin: 'Japan' };
console.log(`a new car ${JSON.stringify(car)}: ${loaded.predict<number>([car])[0].toFixed(1)} mpg`);
