// The warnings of src/train/warnings.ts that compare samples with what a network expects: already
// standardized X given to a network that standardizes itself, raw X given to a network trained on
// standardized numbers that kept no standardizer, and a regression target that nothing scales.
// (fit's first two warnings, unreachable targets and unstandardized inputs, are in train.test.ts.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Matrix, Network, createRandom, standardize, transpose } from '../src/index.js';
import { STANDARDIZED_LIMITS, samplesWarning } from '../src/train/warnings.js';

/** Seeded raw samples: feature "mass" near 4000 (σ ≈ 580), feature "flipper" near 200 (σ ≈ 17). */
function raw(samples: number, seed: number): Matrix {
  const random = createRandom(seed);
  return Matrix.from([
    Array.from({ length: samples }, () => random.between(3000, 5000)),
    Array.from({ length: samples }, () => random.between(170, 230)),
  ]);
}
const Y = (X: Matrix) => Matrix.from([Array.from({ length: X.cols }, (_, j) => (X.get(0, j) > 4000 ? 1 : 0))]);
const network = () => new Network({ layers: [2, 3, 1], output: 'sigmoid', features: ['mass', 'flipper'], labels: ['light', 'heavy'], seed: 1 });
const rowsOf = (X: Matrix) => transpose(X).toArray();

afterEach(() => vi.restoreAllMocks());

describe('fit: samples unlike those the network’s standardizer expects', () => {
  it('warns, naming the feature, when X is given standardized to a network that keeps a standardizer (the old recipe, now scaled twice)', () => {
    const X = raw(50, 1);
    const scaler = standardize(X);
    const net = network();
    net.standardize = { inputs: scaler };
    const warnings: string[] = [];
    net.fit(scaler.apply(X), Y(X), { epochs: 1, onWarning: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Network\.fit: feature "mass" has mean -?0(\.\d+)? and standard deviation 1 but net\.standardize\.inputs expects raw values with mean \d{4} and standard deviation 5\d\d: the samples look standardized already \(give raw samples: the network standardizes them itself\)$/);
  });
  it('is silent when the raw samples are given, as they should be', () => {
    const X = raw(50, 2);
    const net = network();
    net.standardize = { inputs: standardize(X) };
    const warn = vi.fn();
    net.fit(X, Y(X), { epochs: 1, onWarning: warn });
    expect(warn).not.toHaveBeenCalled();
  });
  it('suggests fit’s standardize option for raw inputs far from standardized, naming the feature', () => {
    const X = raw(50, 3);
    const warnings: string[] = [];
    network().fit(X, Y(X), { epochs: 1, onWarning: (m) => warnings.push(m) });
    expect(warnings[0]).toMatch(/^Network\.fit: feature "mass" \(row 1 of X\) has mean \d{4} and standard deviation 5\d\d, far from standardized .* \(pass standardize: 'inputs' to fit: it standardizes X with the training samples' μ and σ and keeps them in the network, so predict takes raw samples too\)$/);
  });
});

describe('fit: a regression target that nothing scales', () => {
  const X = Matrix.from([[-1, 0, 1, 2]]);
  const target = Matrix.from([[20, 25, 30, 35]]); // mean 27.5, σ ≈ 5.59
  it('warns, suggesting standardize: \'both\'', () => {
    const warnings: string[] = [];
    new Network({ layers: [1, 2, 1], seed: 1 }).fit(X, target, { epochs: 1, onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([
      "Network.fit: the target (row 1 of Y) has mean 27.5 and standard deviation 5.59, far from standardized, and nothing scales it, so the output layer must learn weights in the target's units: training is slow and stops short of a good fit (pass standardize: 'both' to fit: the network learns (y − μ)/σ and predict answers in Y's units)",
    ]);
  });
  it('is silent with standardize: \'both\', and for a target near mean 0 and σ 1', () => {
    const warn = vi.fn();
    new Network({ layers: [1, 2, 1], seed: 1 }).fit(X, target, { epochs: 1, standardize: 'both', onWarning: warn });
    new Network({ layers: [1, 2, 1], seed: 1 }).fit(X, [[-1, 0, 1, 0.5]], { epochs: 1, onWarning: warn });
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('predict and classify: samples unlike those the network was trained on (once per network, on the console)', () => {
  it('warn when standardized samples are given to a network that standardizes itself', () => {
    const X = raw(50, 4);
    const net = network();
    net.fit(X, Y(X), { epochs: 1, standardize: 'inputs', onWarning: () => {} });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const twice = rowsOf(standardize(X).apply(X));
    net.predict(twice);
    net.predict(twice);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/^Network\.predict: feature "mass" has mean -?0(\.\d+)? and standard deviation 1 but net\.standardize\.inputs expects raw values with mean \d{4}/);
  });
  it('warn when raw samples are given to a network trained on standardized numbers that kept no standardizer', () => {
    const X = raw(50, 5);
    const net = network();
    net.fit(standardize(X).apply(X), Y(X), { epochs: 1, onWarning: () => {} }); // scaled by hand, standardizer not kept
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    net.classify(rowsOf(raw(20, 6)));
    expect(warn.mock.calls[0][0]).toMatch(/^Network\.classify: feature "mass" has mean \d{4} and standard deviation \d{3} but the network was trained on standardized values \(mean -?0(\.\d+)? and standard deviation 1\) and has no standardizer to apply \(fit with standardize: 'inputs' on raw X, so the network keeps the standardizer and predict takes raw samples\)$/);
  });
  it('stay silent for raw samples from the training data’s range, for fewer than STANDARDIZED_LIMITS.samples samples, and for a network never trained here nor standardizing', () => {
    const X = raw(50, 7);
    const net = network();
    net.fit(X, Y(X), { epochs: 1, standardize: 'inputs', onWarning: () => {} });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    net.predict(rowsOf(raw(30, 8)));
    net.predict(rowsOf(standardize(X).apply(X)).slice(0, STANDARDIZED_LIMITS.samples - 1)); // 4 samples: too few to judge
    network().predict(rowsOf(raw(30, 9))); // nothing to compare with
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('samplesWarning', () => {
  const layers = network().layers;
  it('compares each feature’s mean, in units of the expected σ, with STANDARDIZED_LIMITS.shift, and its spread with .spread', () => {
    const inputs = standardize([[0, 2], [0, 2]]); // μ 1, σ 1 for both features
    const at = (row1: number[], row2: number[]) => samplesWarning({ layers, standardize: { inputs } }, Matrix.from([row1, row2]), 'f');
    expect(at([1, 1, 1, 1, 4], [1, 1, 1, 1, 1])).toBeUndefined(); // mean 1.6: 0.6σ off
    expect(at([1, 1, 1, 1, 1], [5, 5, 5, 5, 5])).toMatch(/^f: input feature 2 has mean 5 and standard deviation 0 but net\.standardize\.inputs was fitted on values with mean 1 and standard deviation 1 \(are the samples in the units of the training data\?\)$/); // 4σ off
    expect(at([-30, 30, -30, 30, 0], [1, 1, 1, 1, 1])).toMatch(/^f: input feature 1 has mean 0 and standard deviation 26\.8/); // 26.8 times as wide
  });
});
