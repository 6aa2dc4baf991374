/**
 * predict and classify read samples by one rule (src/network/samples.ts): samples
 * come one row per sample, as data files hold them; a flat list of numbers is one
 * sample (one number per input), or one number per sample when the network has
 * one input. The answers differ only in form: predict always gives a list,
 * classify gives one answer for one sample.
 */
import { describe, expect, it } from 'vitest';
import { type Classification, Matrix, Network, ShapeError, ValueError } from '../src/index.js';
import { expectError } from './helpers/errors.js';

/** ŷ = σ(x): one input, labels ['no', 'yes']. */
const oneInput = () => new Network({ layers: [1, 1], output: 'sigmoid', labels: ['no', 'yes'] });
/** ŷ = σ(x₁ − x₂), written by hand: two inputs, labels ['no', 'yes']. */
const twoInputs = () => {
  const net = Network.fromWeights([{ weights: [[1, -1]], biases: [0] }], { output: 'sigmoid' });
  net.labels = ['no', 'yes'];
  net.features = ['a', 'b'];
  return net;
};
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('a flat list for a network of one input: one number per sample', () => {
  it('predict([0, 2]) and classify([0, 2]) both read two samples', () => {
    const net = Network.fromWeights([{ weights: [[1]], biases: [0] }], { output: 'sigmoid' }); // ŷ = σ(x)
    net.labels = ['no', 'yes'];
    expect(net.predict([0, 2])).toEqual([0.5, sigmoid(2)]);
    const answers = net.classify([0, 2]) as Classification[];
    expect(answers.map((a) => a.label)).toEqual(['no', 'yes']); // σ(0) = 0.5 is a tie: the first label; σ(2) ≈ 0.88
    expect(answers.map((a) => a.probabilities.yes)).toEqual(net.predict([0, 2]));
  });

  it('reads a list of one number as one sample, so classify gives one answer', () => {
    const answer = oneInput().classify([0]);
    expect(Array.isArray(answer)).toBe(false);
    expect(oneInput().predict([0])).toHaveLength(1);
  });
});

describe('a flat list for a network of several inputs: one sample', () => {
  it('predict([1, 2]) and classify([1, 2]) both read one sample of two features', () => {
    const net = twoInputs();
    expect(net.predict([1, 2])).toEqual([sigmoid(-1)]); // σ(1 − 2)
    expect(net.predict([1, 2])).toEqual(net.predict([[1, 2]]));
    const answer = net.classify([1, 2]) as Classification;
    expect(answer.label).toBe('no');
    expect(answer.probabilities.yes).toBe(sigmoid(-1));
  });

  it('refuses a flat list of another length, in both, with the same message', () => {
    const message = (where: string) =>
      `${where}: samples is a flat list of 3 numbers but the network has 2 inputs (a flat list is one sample, one number per input, or one number per sample when the network has 1 input; for several samples give one row per sample: [[x1, …, x2], …])`;
    expectError(() => twoInputs().predict([1, 2, 3]), ShapeError, message('Network.predict'));
    expectError(() => twoInputs().classify([1, 2, 3]), ShapeError, message('Network.classify'));
  });
});

describe('rows, records and matrices: one sample per row or record', () => {
  it('gives the same answers for rows, records and a Matrix of the same samples', () => {
    const net = twoInputs();
    const rows = [
      [1, 2],
      [3, 1],
    ];
    const records = [
      { a: 1, b: 2 },
      { a: 3, b: 1 },
    ];
    const want = [sigmoid(-1), sigmoid(2)];
    expect(net.predict(rows)).toEqual(want);
    expect(net.predict(records)).toEqual(want);
    expect(net.predict(Matrix.from(rows))).toEqual(want);
    expect(net.classify(rows).map((a) => a.probabilities.yes)).toEqual(want);
    expect(net.classify(records).map((a) => a.probabilities.yes)).toEqual(want);
  });

  it('reads one record as one sample: classify answers it alone, predict in a list of one', () => {
    const net = twoInputs();
    expect(net.classify({ a: 3, b: 1 }).label).toBe('yes'); // σ(2) ≈ 0.88
    expect(net.predict([{ a: 3, b: 1 }])).toEqual([sigmoid(2)]);
  });

  it('refuses an empty list in both, with the same message', () => {
    expectError(() => twoInputs().predict([]), ValueError, 'Network.predict: samples is an empty list (give at least one)');
    expectError(() => twoInputs().classify([]), ValueError, 'Network.classify: samples is an empty list (give at least one)');
  });

  it('leaves the samples given untouched', () => {
    const rows = [
      [1, 2],
      [3, 1],
    ];
    const records = [{ a: 1, b: 2 }];
    const copies = structuredClone([rows, records]);
    twoInputs().predict(rows);
    twoInputs().classify(records);
    expect([rows, records]).toEqual(copies);
  });
});
