/**
 * Weight initialisation: each scheme draws W uniformly from [−limit, limit),
 * whose variance is limit²/3, and biases from [−1/√nIn, 1/√nIn).
 */
import { describe, expect, it } from 'vitest';
import { INIT_LIMITS, Network, ValueError, createRandom } from '../src/index.js';

/** Sample mean and variance of every weight of a layer. */
function moments(data: Float64Array): { mean: number; variance: number } {
  const mean = data.reduce((s, x) => s + x, 0) / data.length;
  const variance = data.reduce((s, x) => s + (x - mean) ** 2, 0) / (data.length - 1);
  return { mean, variance };
}

describe('INIT_LIMITS', () => {
  it('he: limit = √(6/nIn), so Var(W) = limit²/3 = 2/nIn', () => {
    expect(INIT_LIMITS.he(6, 99)).toBe(1); // √(6/6)
    expect(INIT_LIMITS.he(3, 1) ** 2 / 3).toBeCloseTo(2 / 3, 15); // limit² = 6/3 = 2, Var = 2/3 = 2/nIn
  });
  it('xavier: limit = √(6/(nIn + nOut)), so Var(W) = 2/(nIn + nOut)', () => {
    expect(INIT_LIMITS.xavier(2, 4)).toBe(1); // √(6/6)
    expect(INIT_LIMITS.xavier(10, 20) ** 2 / 3).toBeCloseTo(2 / 30, 15);
  });
  it('uniform: limit 1 whatever the sizes, so Var(W) = 1/3', () => {
    expect(INIT_LIMITS.uniform(1, 1)).toBe(1);
    expect(INIT_LIMITS.uniform(500, 7)).toBe(1);
  });
  it('is frozen, so a scheme cannot be swapped by accident', () => {
    expect(Object.isFrozen(INIT_LIMITS)).toBe(true);
  });
});

describe('a big seeded layer has the variance its scheme promises', () => {
  // 300 × 200 = 60,000 weights: the sample variance of n uniforms is within about
  // ±0.4% (√(0.8/n)) of the true one, so 5% is a wide, safe margin.
  const cases = [
    ['he', 2 / 200],
    ['xavier', 2 / (200 + 300)],
    ['uniform', 1 / 3],
  ] as const;
  it.each(cases)('%s: Var(W) ≈ %f, mean ≈ 0, every weight inside ±limit', (init, variance) => {
    const W = new Network({ layers: [200, 300, 1], init, seed: 1 }).layers[0].weights;
    const limit = INIT_LIMITS[init](200, 300);
    const sample = moments(W.data);
    expect(Math.abs(sample.variance / variance - 1)).toBeLessThan(0.05);
    expect(Math.abs(sample.mean)).toBeLessThan(0.05 * limit);
    expect(Math.min(...W.data)).toBeGreaterThanOrEqual(-limit);
    expect(Math.max(...W.data)).toBeLessThan(limit);
  });

  it('biases lie in [−1/√nIn, 1/√nIn) whatever the scheme', () => {
    for (const init of ['he', 'xavier', 'uniform'] as const) {
      const b = new Network({ layers: [100, 400, 1], init, seed: 2 }).layers[0].biases;
      expect(Math.min(...b.data)).toBeGreaterThanOrEqual(-0.1); // 1/√100
      expect(Math.max(...b.data)).toBeLessThan(0.1);
      expect(Math.max(...b.data)).toBeGreaterThan(0.09); // 400 draws do reach the edge
    }
  });
});

describe('the seed pins every starting number', () => {
  it('pins the first weights of new Network({ layers: [1, 2, 2, 1], seed: 42 })', () => {
    // These numbers pin initialisation across machines: change them only on purpose.
    const net = new Network({ layers: [1, 2, 2, 1], seed: 42 });
    expect(net.layers.map((layer) => [layer.weights.toArray(), layer.biases.toArray()])).toEqual([
      [[[-1.2759238826258497], [-1.992737502980088]], [[-0.10579675681022382], [0.6972016681604809]]],
      [
        [
          [-0.1219205035396298, -0.9738444953580465],
          [-0.5130930822695992, -0.2659502057937315],
        ],
        [[0.5126189612638927], [0.030462264795199423]],
      ],
      [[[-1.517002857204476, -0.7773249838026225]], [[-0.3295643992509741]]],
    ]);
  });

  it('draws layer by layer, all of W row by row and then b, from the seed’s stream', () => {
    // He, nIn = 1: W = −√6 + 2√6·u;  biases, nIn = 1: b = −1 + 2·u.
    // Layer 2 (nIn = 2): W = −√3 + 2√3·u, b = −1/√2 + (2/√2)·u.
    const random = createRandom(42);
    const between = (limit: number) => random.between(-limit, limit);
    const W1 = [[between(Math.sqrt(6))], [between(Math.sqrt(6))]];
    const b1 = [[between(1)], [between(1)]];
    const W2 = [
      [between(Math.sqrt(3)), between(Math.sqrt(3))],
      [between(Math.sqrt(3)), between(Math.sqrt(3))],
    ];
    const b2 = [[between(1 / Math.sqrt(2))], [between(1 / Math.sqrt(2))]];
    const net = new Network({ layers: [1, 2, 2, 1], seed: 42 });
    expect(net.layers[0].weights.toArray()).toEqual(W1);
    expect(net.layers[0].biases.toArray()).toEqual(b1);
    expect(net.layers[1].weights.toArray()).toEqual(W2);
    expect(net.layers[1].biases.toArray()).toEqual(b2);
  });

  it('gives other weights for another scheme with the same seed, in the ratio of the limits', () => {
    // Same u, different limit: uniform's W = −1 + 2u is he's W divided by √6 (nIn = 1).
    const he = new Network({ layers: [1, 3, 1], init: 'he', seed: 5 }).layers[0].weights.toArray();
    const uniform = new Network({ layers: [1, 3, 1], init: 'uniform', seed: 5 }).layers[0].weights.toArray();
    uniform.forEach((row, i) => expect(Math.abs(row[0] * Math.sqrt(6) - he[i][0])).toBeLessThan(1e-14));
  });

  it('refuses an unknown scheme, listing the known ones', () => {
    const bad = () => new Network({ layers: [1, 1], init: 'glorot' as 'he' });
    expect(bad).toThrow(ValueError);
    expect(bad).toThrow('Network: init "glorot" is unknown (expected one of he, xavier, uniform)');
  });
});
