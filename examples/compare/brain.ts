// The penguins with brain.js (1.6): the same task as feedforward.ts, on the same split (split.ts).
import { brain } from '../../test/oracles/brain.js'; // brain.js, from the oracle package: npm run oracles
import { inputs, testRecords, trainRecords } from './split.js';

// plumbing: standardize with the training rows' statistics, as feedforward does
const mean = inputs.map((c) => trainRecords.reduce((s, r) => s + (r[c] as number), 0) / trainRecords.length);
const std = inputs.map((c, i) => Math.sqrt(trainRecords.reduce((s, r) => s + ((r[c] as number) - mean[i]) ** 2, 0) / trainRecords.length));
const encode = (r: Record<string, number | string>) => inputs.map((c, i) => ((r[c] as number) - mean[i]) / std[i]);
const species = [...new Set(trainRecords.map((r) => r.Species as string))].sort();
const oneHot = (label: string) => species.map((s) => (s === label ? 1 : 0));
const toData = (rows: Record<string, number | string>[]) => rows.map((r) => ({ input: encode(r), output: oneHot(r.Species as string) }));
// model
const net = new brain.NeuralNetwork({ hiddenLayers: [8] });
net.train(toData(trainRecords), { iterations: 2000, errorThresh: 0.005 });
// plumbing: argmax, accuracy, confusion matrix, class names
const argmax = (p: ArrayLike<number>) => Array.from(p).indexOf(Math.max(...Array.from(p)));
const guesses = testRecords.map((r) => species[argmax(net.run(encode(r)) as ArrayLike<number>)]);
const right = guesses.filter((g, j) => g === testRecords[j].Species).length;
console.log(`held-out accuracy: ${(right / testRecords.length).toFixed(3)}`);
const counts = species.map((a) => species.map((p) => testRecords.filter((r, j) => r.Species === a && guesses[j] === p).length));
console.log(species.map((s, i) => `${s.padEnd(10)} ${counts[i].map((c) => String(c).padStart(4)).join('')}`).join('\n'));
// save, load, classify one new bird (the statistics and the class names must be saved by hand too)
const saved = JSON.stringify({ net: net.toJSON(), mean, std, species });
const { net: json, mean: m2, std: s2, species: names } = JSON.parse(saved);
const loaded = new brain.NeuralNetwork().fromJSON(json);
const bird: Record<string, number> = { 'Beak Length (mm)': 47, 'Beak Depth (mm)': 15, 'Flipper Length (mm)': 215, 'Body Mass (g)': 5000 };
console.log(names[argmax(loaded.run(inputs.map((c, i) => (bird[c] - m2[i]) / s2[i])) as ArrayLike<number>)]);
