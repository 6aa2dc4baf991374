import { describe, expect, it } from 'vitest';
import { Matrix } from '../src/core/matrix.js';
import { Network } from '../src/network/network.js';
import { createRandom } from '../src/core/random.js';
import { diagnose } from '../src/inspect/diagnose.js';

/** inputs × samples data, each row standardized to mean 0 and standard deviation 1. */
function standardized(inputs: number, samples: number, seed: number): Matrix {
  const random = createRandom(seed);
  const X = new Matrix(inputs, samples);
  for (let i = 0; i < inputs; i++) {
    const row = X.data.subarray(i * samples, (i + 1) * samples);
    for (let n = 0; n < samples; n++) row[n] = random.uniform() + random.uniform() + random.uniform(); // bell-shaped
    const mean = row.reduce((s, v) => s + v, 0) / samples;
    const sd = Math.sqrt(row.reduce((s, v) => s + (v - mean) ** 2, 0) / samples);
    for (let n = 0; n < samples; n++) row[n] = (row[n] - mean) / sd;
  }
  return X;
}

describe('diagnose: dead neurons', () => {
  // A seeded [2, 4, 1] network, with neuron 3 of layer 1 given a bias of −100: on data in
  // [−3, 3]², its z = w·x − 100 stays far below 0, so its ReLU outputs 0 for every sample.
  const json = new Network({ layers: [2, 4, 1], seed: 3 }).toJSON();
  json.biases[0][2] = -100;
  const net = Network.fromJSON(json);
  const X = standardized(2, 200, 5);

  it('reports the planted dead neuron, naming layer 1 and node 3', () => {
    const dead = diagnose(net, X).findings.filter((f) => f.kind === 'dead');
    expect(dead.map((f) => [f.layer, f.node])).toEqual([[1, 3]]);
    expect(dead[0].active).toBe(0);
    expect(dead[0].message).toMatch(/^layer 1, node 3 is dead: its z is at most -9\d\.\d on all 200 samples, so its ReLU outputs 0 and passes back no gradient/);
  });
  it('gives the largest z over the data, as the trace shows it', () => {
    const z = net.trace(X)[0].z.row(2);
    expect(diagnose(net, X).findings.find((f) => f.kind === 'dead')?.zMax).toBe(Math.max(...z));
  });
  it('leaves the network and the data unchanged', () => {
    const before = [JSON.stringify(net.toJSON()), X.toString()];
    diagnose(net, X);
    expect([JSON.stringify(net.toJSON()), X.toString()]).toEqual(before);
  });
});

describe('diagnose: a healthy network', () => {
  it('finds nothing for a seeded [4, 8, 8, 1] He-initialised network on standardized data', () => {
    // Seed 1 starts healthy on this data. (Not every seed does: seeds 4 to 6 start with a dead
    // layer-2 neuron here, which is exactly what diagnose is for.)
    const result = diagnose(new Network({ layers: [4, 8, 8, 1], seed: 1 }), standardized(4, 300, 1));
    expect(result.findings).toEqual([]);
    expect(result.toString()).toBe(
      "No problems found on 300 samples: no dead neurons, every kink inside the data, no saturated neurons, every hidden layer's activation size between 0.1 and 10.",
    );
    expect(result.scales).toHaveLength(2);
  });
});

describe('diagnose: the other findings', () => {
  const X = [[-1, -0.5, 0, 0.5, 1]];

  it('reports a ReLU neuron that is on for every sample: its kink (x = −2) lies outside the data', () => {
    // z₁ = x + 2 ∈ [1, 3] on the data; z₂ = x switches at 0, inside.
    const net = Network.fromWeights([{ weights: [[1], [1]], biases: [2, 0] }, { weights: [[1, 1]], biases: [0] }]);
    const findings = diagnose(net, X).findings;
    expect(findings.map((f) => [f.kind, f.layer, f.node, f.active, f.zMin])).toEqual([['kink-outside-data', 1, 1, 1, 1]]);
    expect(findings[0].message).toMatch(/^layer 1, node 1 never switches: its z is above 0 \(at least 1\) on all 5 samples/);
  });
  it('reports a saturated tanh neuron: z = 10x, with |x| ≥ 1, is where tanh is flat', () => {
    // With x ∈ {±1, ±2, ±3}, z = 10x has |z| ≥ 10 and tanh′(10) ≈ 8e-9: flat on every sample.
    const net = Network.fromWeights([{ weights: [[10], [1]], biases: [0, 0] }, { weights: [[1, 1]], biases: [0] }], { hidden: 'tanh' });
    const findings = diagnose(net, [[-3, -2, -1, 1, 2, 3]]).findings;
    expect(findings.map((f) => [f.kind, f.layer, f.node, f.saturated])).toEqual([['saturated', 1, 1, 1]]);
    expect(findings[0].message).toMatch(/its tanh is flat \(slope under 5% of its peak\) on 100% of the samples \(z from -30 to 30\)/);
  });
  it('reports exploding activations from layer 2 when every weight is 4', () => {
    // One sample, x = 1, keeps every ReLU on (so every kink, at x = 0, is outside the data: reported
    // too, not checked here). Layer 1: each neuron 4·1 = 4 (size 4);
    // layer 2: each neuron 3·4·4 = 48 (size 48), past the limit of 10.
    const layer = (nIn: number) => ({ weights: Array.from({ length: 3 }, () => Array(nIn).fill(4)), biases: [0, 0, 0] });
    const net = Network.fromWeights([layer(1), layer(3), { weights: [[1, 1, 1]], biases: [0] }]);
    const result = diagnose(net, [[1]]);
    expect(result.scales).toEqual([4, 48]);
    const exploding = result.findings.filter((f) => f.kind === 'exploding');
    expect(exploding.map((f) => [f.layer, f.scale])).toEqual([[2, 48]]);
    expect(exploding[0].message).toContain('(inputs 1 → layer 1 4 → layer 2 48)');
    expect(result.findings.some((f) => f.kind === 'vanishing')).toBe(false);
  });
  it('reports vanishing activations from layer 1 when every weight is 0.05', () => {
    // At x = 1, layer 1: 0.05 (below 0.1); layer 2: 3·0.05·0.05 = 0.0075.
    const layer = (nIn: number) => ({ weights: Array.from({ length: 3 }, () => Array(nIn).fill(0.05)), biases: [0, 0, 0] });
    const net = Network.fromWeights([layer(1), layer(3), { weights: [[1, 1, 1]], biases: [0] }]);
    const result = diagnose(net, [[1]]);
    expect(result.scales.map((s) => Number(s.toFixed(12)))).toEqual([0.05, 0.0075]);
    expect(result.findings.filter((f) => f.kind === 'vanishing').map((f) => f.layer)).toEqual([1]);
    expect(result.findings.some((f) => f.kind === 'exploding')).toBe(false);
  });
  it('gives one advice line per kind in toString, the harmless kind last', () => {
    const net = Network.fromWeights([{ weights: [[1], [1]], biases: [-100, 2] }, { weights: [[1, 1]], biases: [0] }]);
    const text = diagnose(net, X).toString().split('\n');
    expect(text[0]).toBe('2 findings on 5 samples:');
    expect(text[1]).toMatch(/^- layer 1, node 1 is dead/);
    expect(text[2]).toMatch(/^- layer 1, node 2 never switches/);
  });
});

describe('diagnose: inputs far from size 1', () => {
  it('reports exploding activations from layer 1 for a ReLU network on raw data in the hundreds', () => {
    const X = new Matrix(4, 300, standardized(4, 300, 1).data.map((v) => 200 + 50 * v));
    const result = diagnose(new Network({ layers: [4, 8, 8, 1], seed: 1 }), X);
    const exploding = result.findings.filter((f) => f.kind === 'exploding');
    expect(exploding.map((f) => f.layer)).toEqual([1]);
    expect(exploding[0].message).toMatch(/^activations explode from layer 1: .*\(inputs 20\d → layer 1 /);
    expect(exploding[0].message).toContain('standardize the inputs');
  });
  it('reports saturated tanh neurons, not vanishing ones, on the same raw data (tanh stays within ±1)', () => {
    const X = new Matrix(4, 300, standardized(4, 300, 1).data.map((v) => 200 + 50 * v));
    const result = diagnose(new Network({ layers: [4, 8, 8, 1], hidden: 'tanh', init: 'xavier', seed: 1 }), X);
    expect(result.findings.filter((f) => f.kind === 'saturated' && f.layer === 1)).toHaveLength(8);
    expect(result.findings.some((f) => f.kind === 'vanishing' || f.kind === 'exploding')).toBe(false);
  });
});

describe('diagnose: the advice as text', () => {
  it('groups neurons with the same finding into one line naming every place', () => {
    // z = x − 100 and z = x − 200 on x ∈ [−1, 1]: both dead; z = x switches at 0.
    const net = Network.fromWeights([
      { weights: [[1], [1], [1]], biases: [-100, 0, -200] },
      { weights: [[1, 1, 1]], biases: [0] },
    ]);
    expect(diagnose(net, [[-1, 0, 1]]).toString().split('\n')).toEqual([
      '2 findings on 3 samples:',
      '- 2 neurons are dead (layer 1: nodes 1, 3): their z is never above 0 on any sample, so their ReLU outputs 0 and passes back no gradient; they cannot learn. Try another seed, a smaller learning rate, or leakyRelu.',
    ]);
  });
  it('says first when the inputs are far from standardized', () => {
    const net = Network.fromWeights([{ weights: [[1], [-1]], biases: [-150, 150] }, { weights: [[1, 1]], biases: [0] }]);
    const text = diagnose(net, [[100, 200]]).toString().split('\n');
    // size of the inputs: √((100² + 200²)/2) = √25000 ≈ 158
    expect(text[1]).toBe(
      "The inputs' size (root mean square) is 158, far from 1: standardize each feature first (subtract its mean, divide by its standard deviation); much of what follows comes from that.",
    );
  });
});

describe('diagnose: what it refuses', () => {
  it('names both sizes when X has the wrong number of rows', () => {
    expect(() => diagnose(new Network({ layers: [3, 2, 1] }), [[1, 2]])).toThrow(
      'diagnose: X has 1 row but the network has 3 inputs (one row per input feature, one column per sample)',
    );
  });
  it('refuses something that is not a Network', () => {
    expect(() => diagnose('net' as never, [[1]])).toThrow('diagnose: net is "net" but it must be a Network');
  });
});

describe('diagnose near the float64 edge', () => {
  it('reports a scale of 7.1e199 as 7.1e199 (the squares overflow; the root mean square is scaled first), not Infinity', () => {
    const net = Network.fromWeights([{ weights: [[1e100]], biases: [0] }, { weights: [[1]], biases: [0] }], { hidden: 'linear' });
    const { findings, scales } = diagnose(net, [[7.1e99]]);
    expect(scales).toEqual([7.1e199]);
    expect(findings[0].scale).toBe(7.1e199);
  });
});
