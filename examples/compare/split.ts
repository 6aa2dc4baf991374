// The one split every script of the side-by-side count scores on: the penguins with all four
// measurements, split by feedforward's trainTestSplit (seed 1, 20% held out, stratified), so the
// three held-out accuracies are measured on the same 69 birds. The brain.js and TensorFlow.js
// scripts get these two lists for free: their line counts leave out the split they would need.
import { readFileSync } from 'node:fs';
import { fromRecords, trainTestSplit } from '../../src/index.js';
import { dataFile } from '../../test/oracles/data-sets.js';

export const inputs = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'];
const penguins = JSON.parse(readFileSync(dataFile('vega-datasets/data/penguins.json'), 'utf8'));
const { train, test } = trainTestSplit(fromRecords(penguins, { inputs, target: 'Species', missing: 'drop' }), { test: 0.2, seed: 1, stratify: true });
/** The raw records (missing values already dropped), as a script that split by hand would have them. */
export const trainRecords = train.records as Record<string, number | string>[];
export const testRecords = test.records as Record<string, number | string>[];
