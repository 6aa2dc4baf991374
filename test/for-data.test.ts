// Network.for(data): a network shaped by fromRecords' result, with nothing to work out by hand.
import { describe, expect, it } from 'vitest';
import { Matrix, NETWORK_FOR_DEFAULTS, Network, ShapeError, ValueError, fromRecords, trainTestSplit } from '../src/index.js';
import { expectError } from './helpers/errors.js';

const records = [
  { beak: 39, island: 'Dream', species: 'Adelie' },
  { beak: 46, island: 'Biscoe', species: 'Gentoo' },
  { beak: 49, island: 'Dream', species: 'Chinstrap' },
  { beak: 38, island: 'Biscoe', species: 'Adelie' },
];

describe('Network.for', () => {
  it('sizes a classifier from fromRecords’ result: inputs = X’s rows, one softmax output per class, labels and features copied', () => {
    const data = fromRecords(records, { inputs: ['beak', 'island'], target: 'species' });
    const net = Network.for(data, { hidden: [5], seed: 1 });
    expect([net.sizes, net.layers.at(-1)?.activation.name, net.labels, net.features]).toEqual([
      [3, 5, 3], // beak, island=Biscoe, island=Dream → 5 → Adelie, Chinstrap, Gentoo
      'softmax',
      ['Adelie', 'Chinstrap', 'Gentoo'],
      ['beak', 'island=Biscoe', 'island=Dream'],
    ]);
    expect(net.classify(records[0]).label).toMatch(/^(Adelie|Chinstrap|Gentoo)$/); // reads a raw record
  });
  it('gives a linear output to a regression (no labels), and a sigmoid to two classes in one row of 0s and 1s', () => {
    const regression = fromRecords(records, { inputs: ['island'], target: 'beak' }); // numbers: a regression
    const net = Network.for(regression, { hidden: [3] });
    expect([net.sizes, net.layers.at(-1)?.activation.name, net.labels]).toEqual([[2, 3, 1], 'linear', undefined]);
    const twoClasses = Network.for({ X: [[1, 2, 3]], Y: [[0, 1, 1]], labels: ['no', 'yes'] }, { hidden: [] });
    expect([twoClasses.sizes, twoClasses.layers.at(-1)?.activation.name, twoClasses.labels]).toEqual([[1, 1], 'sigmoid', ['no', 'yes']]);
  });
  it('builds the same network as the constructor would, with NETWORK_FOR_DEFAULTS: one hidden layer of 16 relu neurons, He init, seed 42', () => {
    const data = fromRecords(records, { inputs: ['beak'], target: 'species' });
    const built = new Network({ layers: [1, 16, 3], hidden: 'relu', output: 'softmax', init: 'he', seed: 42, labels: data.labels, features: data.features });
    expect(Network.for(data).toJSON()).toEqual(built.toJSON());
    expect(NETWORK_FOR_DEFAULTS).toEqual({ hidden: [16], activation: 'relu', init: 'he', seed: 42 });
  });
  it('takes a part of a split (its labels and features pass through) and the hidden activation, init and seed', () => {
    const { train } = trainTestSplit(fromRecords(records, { inputs: ['beak'], target: 'species' }), { test: 0.25, seed: 1 });
    const net = Network.for(train, { hidden: [4, 3], activation: 'tanh', init: 'xavier', seed: 7 });
    expect([net.sizes, net.layers[0].activation.name]).toEqual([[1, 4, 3, 3], 'tanh']);
    expect(net.toJSON()).toEqual(new Network({ layers: [1, 4, 3, 3], hidden: 'tanh', output: 'softmax', init: 'xavier', seed: 7, labels: train.labels, features: train.features }).toJSON());
  });
  it('keeps fromRecords’ fills of missing values, so classify fills a new record the same way', () => {
    const withHole = [...records, { beak: null, island: 'Dream', species: 'Adelie' }];
    const data = fromRecords(withHole, { inputs: ['beak', 'island'], target: 'species', missing: 'mean' });
    const net = Network.for(data, { hidden: [3], seed: 1 });
    expect(net.impute).toEqual(data.impute); // beak: (39 + 46 + 49 + 38) / 4 = 43
    const filled = net.classify({ beak: null, island: 'Dream' } as never);
    expect(filled).toEqual(net.classify({ beak: 43, island: 'Dream' }));
  });
  it('refuses data that is not { X, Y }, X and Y of different lengths, hidden sizes that are not a list, and unknown options', () => {
    expectError(() => Network.for(null as never), ValueError, 'Network.for: data is null but it must be { X, Y } (or what fromRecords returns)');
    expectError(() => Network.for({ X: [[1, 2]], Y: [[1]] }), ShapeError, 'Network.for: X has 2 columns but Y has 1 (one column per sample in both)');
    expectError(() => Network.for({ X: [[1]], Y: [[1]] }, { hidden: 16 as never }), ValueError, 'Network.for: hidden is 16 but it must be the hidden layers\' sizes, such as [16] (or [] for none)');
    expectError(() => Network.for({ X: [[1]], Y: [[1]] }, { hiden: [4] } as never), ValueError, 'Network.for: unknown option "hiden" (did you mean "hidden"?) (known: hidden, activation, init, seed)');
    expect(() => Network.for({ X: [[1]], Y: [[1]] }, { hidden: [0] })).toThrow(/^Network: layer 1's size \(layers\[1\]\)/); // sizes checked by the constructor
    expect(() => Network.for({ X: Matrix.from([[1, 2]]), Y: [[0, 1]], labels: ['a', 'b', 'c'] })).toThrow(ShapeError); // 3 labels, one sigmoid output
  });
});
