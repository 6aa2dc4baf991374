import { describe, expect, it } from 'vitest';
import { Network, ShapeError, ValueError, standardize, standardizerFromJSON } from '../src/index.js';

describe('standardize', () => {
  it('measures each feature (row) on the training data: mean and population standard deviation', () => {
    // row 1: 1, 3 → μ = 2, σ = √((1 + 1)/2) = 1;   row 2: 0, 4 → μ = 2, σ = 2
    const s = standardize([[1, 3], [0, 4]]);
    expect(s.mean).toEqual([2, 2]);
    expect(s.std).toEqual([1, 2]);
  });
  it('applies those statistics unchanged to new data: x′ = (x − μ)/σ', () => {
    // (5 − 2)/1 = 3 and (8 − 2)/2 = 3
    expect(standardize([[1, 3], [0, 4]]).apply([[5], [8]]).toArray()).toEqual([[3], [3]]);
  });
  it('inverts: invert(apply(X)) gives X back', () => {
    const s = standardize([[1, 3, 8], [0, 4, -2]]);
    const X = [[0.5, 7], [3, -1]];
    const back = s.invert(s.apply(X)).toArray();
    back.flat().forEach((x, n) => expect(Math.abs(x - X.flat()[n])).toBeLessThan(1e-14));
  });
  it('invert throws, naming the entry, when x·σ + μ is past float64 (it returned Infinity)', () => {
    const s = standardizerFromJSON({ mean: [1e308], std: [1e10] });
    expect(() => s.invert([[0, 1e300]])).toThrow(
      new ValueError("Standardizer.invert: X·σ + μ has Infinity at row 1, column 2 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)"),
    );
  });
  it('invert gives the finite answer when only x·σ overflows: 2·1e308 + (−1.5e308) = 5e307', () => {
    expect(standardizerFromJSON({ mean: [-1.5e308], std: [1e308] }).invert([[2]]).toArray()).toEqual([[5e307]]);
  });
  it('apply throws too when (x − μ)/σ is past float64 (σ tiny)', () => {
    expect(() => standardizerFromJSON({ mean: [0], std: [1e-300] }).apply([[1e10]])).toThrow(/^Standardizer.apply: \(X − μ\) \/ σ has Infinity at row 1, column 1/);
  });
  it('maps a constant feature to 0 (σ taken as 1) instead of dividing by 0', () => {
    expect(standardize([[4, 4]]).apply([[4, 5]]).toArray()).toEqual([[0, 1]]);
  });
  it('names the feature count when new data has other rows', () => {
    expect(() => standardize([[1, 2]]).apply([[1], [2]])).toThrow(/Standardizer.apply: X has 2 rows but the standardizer was fitted on 1 feature/);
  });
  it('round-trips through JSON', () => {
    const s = standardize([[1, 3], [0, 4]]);
    expect(standardizerFromJSON(JSON.parse(JSON.stringify(s))).apply([[5], [8]]).toArray()).toEqual([[3], [3]]);
  });
  it('refuses a σ of 0 from JSON', () => {
    expect(() => standardizerFromJSON({ mean: [0], std: [0] })).toThrow(/standardizerFromJSON: std has an entry ≤ 0/);
  });
});

describe('a network that carries its standardizers', () => {
  // The network computes y′ = 2·x′ on standardized numbers; inputs have μ = 10, σ = 5, outputs μ = 100, σ = 20.
  const make = () => {
    const net = Network.fromWeights([{ weights: [[2]], biases: [0] }]);
    net.standardize = { inputs: standardize([[5, 15]]), outputs: standardize([[80, 120]]) };
    return net;
  };
  it('predicts on raw data: standardizes the inputs, inverts the outputs', () => {
    // x = 20 → x′ = (20 − 10)/5 = 2 → y′ = 4 → y = 4·20 + 100 = 180
    expect(make().predict([20])).toEqual([180]);
  });
  it('keeps them through toJSON and fromJSON, so predictions on raw data stay right', () => {
    const restored = Network.fromJSON(JSON.parse(JSON.stringify(make().toJSON())));
    expect(restored.predict([20])).toEqual([180]);
  });
  it('leaves forward on the numbers as given (the article’s function)', () => {
    expect(make().forward([[20]]).toArray()).toEqual([[40]]);
  });
  it('still reads a version 1 JSON without standardizers', () => {
    const json = Network.fromWeights([{ weights: [[2]], biases: [0] }]).toJSON();
    expect('standardize' in json).toBe(false);
    expect(Network.fromJSON(json).standardize).toBeUndefined();
  });
  it('refuses saved statistics for the wrong number of inputs', () => {
    const json = { ...make().toJSON(), standardize: { inputs: { mean: [0, 0], std: [1, 1] } } };
    expect(() => Network.fromJSON(json)).toThrow(/Network.fromJSON: standardize.inputs has 2 features but the network has 1 input/);
  });
});

describe('standardize near the float64 edge', () => {
  it('finds σ = 1.7e308 for [1.7e308, −1.7e308] by scaling before squaring (the squares would overflow), and applies it', () => {
    // μ = 0, σ = √((1.7e308² + 1.7e308²)/2) = 1.7e308: representable, though its square is not
    const s = standardize([[1.7e308, -1.7e308]]);
    expect(s.mean).toEqual([0]);
    expect(s.std).toEqual([1.7e308]);
    expect(s.apply([[1.7e308, -1.7e308]]).toArray()).toEqual([[1, -1]]);
  });
  it('μ of [1.7e308, 1.7e308] is 1.7e308 (the sum overflows; the scaled one does not) and σ is then 0, taken as 1', () => {
    const s = standardize([[1.7e308, 1.7e308]]);
    expect(s.mean).toEqual([1.7e308]);
    expect(s.std).toEqual([1]);
  });
  it('applies x − μ without overflow when x and μ are far apart in opposite directions', () => {
    const s = standardizerFromJSON({ mean: [-1.5e308], std: [1e308] });
    expect(s.apply([[1.5e308]]).toArray()).toEqual([[3]]); // 1.5 − (−1.5)
  });
});

describe('standardizerFromJSON is strict (it reads files)', () => {
  it('refuses an unknown field and __proto__, inside a network JSON too', () => {
    expect(() => standardizerFromJSON({ mean: [0], std: [1], extra: 1 } as never)).toThrow('standardizerFromJSON: unknown field "extra" (known: mean, std)');
    expect(() => standardizerFromJSON(JSON.parse('{"mean": [0], "std": [1], "__proto__": {"x": 1}}'))).toThrow(
      'standardizerFromJSON: field "__proto__" is not allowed (it could change what objects inherit)',
    );
    const json = { ...new Network({ layers: [1, 1], seed: 1 }).toJSON(), standardize: JSON.parse('{"inputs": {"mean": [0], "std": [1], "__proto__": {}}}') };
    expect(() => Network.fromJSON(json)).toThrow('Network.fromJSON: standardize.inputs: field "__proto__" is not allowed');
  });
  it('refuses what is not an object', () => {
    expect(() => standardizerFromJSON([1] as never)).toThrow('standardizerFromJSON: got an array of 1 entry but expected { mean, std }');
    expect(() => standardizerFromJSON(null as never)).toThrow('standardizerFromJSON: got null but expected { mean, std }');
    expect(() => standardizerFromJSON(5 as never)).toThrow('standardizerFromJSON: got 5 but expected { mean, std }');
  });
  it.each([
    [{ mean: 'ab', std: [1] }, 'mean is "ab"'],
    [{ mean: [], std: [1] }, 'mean is an array of 0 entries'],
    [{ mean: [0], std: [NaN] }, 'std is an array of 1 entry'],
    [{ mean: ['0'], std: [1] }, 'mean is an array of 1 entry'],
  ])('refuses %j, naming the field', (json, what) => {
    expect(() => standardizerFromJSON(json as never)).toThrow(new ValueError(`standardizerFromJSON: ${what} but must be a non-empty list of finite numbers`));
  });
  it('refuses a mean and a σ list of different lengths, and a σ ≤ 0', () => {
    expect(() => standardizerFromJSON({ mean: [0, 1], std: [1] })).toThrow(new ShapeError('standardizerFromJSON: mean has 2 entries but std has 1 (one of each per feature)'));
    expect(() => standardizerFromJSON({ mean: [0, 1], std: [1, 0] })).toThrow(new ValueError('standardizerFromJSON: std has an entry ≤ 0 but every σ must be > 0'));
  });
  it('hands out copies: changing what toJSON gave leaves the standardizer as it was', () => {
    const s = standardizerFromJSON({ mean: [2], std: [1] });
    const json = s.toJSON();
    json.mean[0] = 100;
    json.std[0] = 100;
    expect(s.apply([[3]]).toArray()).toEqual([[1]]);
    expect(s.toJSON()).toEqual({ mean: [2], std: [1] });
  });
});
