// From a CSV file to a saved model that names the weather: Seattle's daily weather,
// 2012–2015 (vega-datasets' seattle-weather.csv: date, precipitation, temp_max, temp_min,
// wind, weather). readCsv parses the numbers; the network learns the day's weather
// (drizzle, fog, rain, snow, sun) from the four measurements and the month.
// Writes weather-confusion.svg to out/ (or the folder given: `npm run render-docs` writes docs/).
// Run: npx tsx examples/weather-csv.ts [folder]
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Network, accuracy, confusionMatrix, fromRecords, trainTestSplit } from '../src/index.js';
import { loadNetwork, readCsv, saveNetwork } from '../src/node.js';
import { plotConfusion } from '../src/plot/index.js';
import { dataFile } from '../test/oracles/data-sets.js'; // vega-datasets, a data set of the oracle package: npm run data-sets

const days = await readCsv(dataFile('vega-datasets/data/seattle-weather.csv'));
console.log(`${days.length} days; the first: ${JSON.stringify(days[0])}`);
// The month, a season in all but name, as a category ("01" … "12"): twelve 0/1 inputs.
const records = days.map((day) => ({ ...day, month: String(day.date).slice(5, 7) }));

const inputs = ['precipitation', 'temp_max', 'temp_min', 'wind', 'month'];
const data = fromRecords(records, { inputs, target: 'weather' });
const counts = data.labels!.map((label) => `${label} ${data.targets.filter((t) => t === label).length}`);
console.log(`${data.X.rows} features; classes: ${counts.join(', ')}`);

const { train, test } = trainTestSplit(data, { test: 0.2, seed: 4, stratify: true });
const net = Network.for(data, { hidden: [16], seed: 4 });
const history = net.fit(train.X, train.Y, { epochs: 400, validationSplit: 0.2, patience: 25, standardize: 'inputs' });
console.log(`trained ${history.loss.length} epochs`);

const answers = net.classify(test.records);
console.log(`held-out accuracy: ${accuracy(answers, test.targets).toFixed(3)} on ${test.X.cols} days`);
const sunny = data.targets.filter((t) => t === 'sun').length / data.targets.length;
console.log(`(always answering "sun": ${sunny.toFixed(3)}, always "rain": ${(data.targets.filter((t) => t === 'rain').length / data.targets.length).toFixed(3)})`);
const cm = confusionMatrix(answers, test.targets, data.labels);
console.log(cm.toString());
const folder = process.argv[2] ?? 'out';
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, 'weather-confusion.svg'), await plotConfusion(cm, { title: 'Seattle weather: held-out days' }));

const file = join(mkdtempSync(join(tmpdir(), 'weather-')), 'weather.json');
await saveNetwork(net, file);
const day = { precipitation: 0, temp_max: 28, temp_min: 14, wind: 2.5, month: '07' };
const { label, confidence } = (await loadNetwork(file)).classify(day);
console.log(`a dry July day, 28 °C: ${label} (${(confidence * 100).toFixed(0)}%)`);
