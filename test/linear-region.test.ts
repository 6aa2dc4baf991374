import { describe, expect, it } from 'vitest';
import { Matrix, multiply, add } from '../src/core/matrix.js';
import { Network } from '../src/network/network.js';
import { createRandom } from '../src/core/random.js';
import { kinks } from '../src/inspect/kinks.js';
import { linearRegion } from '../src/inspect/linear-region.js';

describe('linearRegion: a hand-checkable [2, 2, 1] network', () => {
  // z₁ = x₁ + x₂ − 1, z₂ = x₁ − x₂;  y = 2·relu(z₁) − 3·relu(z₂) + 1.
  // At x = (2, 1): z₁ = 2 (on), z₂ = 1 (on), so y = 2(x₁ + x₂ − 1) − 3(x₁ − x₂) + 1 = −x₁ + 5x₂ − 1.
  // At x = (0, 2): z₁ = 1 (on), z₂ = −2 (off), so y = 2(x₁ + x₂ − 1) + 1 = 2x₁ + 2x₂ − 1.
  const net = Network.fromWeights([
    { weights: [[1, 1], [1, -1]], biases: [-1, 0] },
    { weights: [[2, -3]], biases: [1] },
  ]);

  it('gives both neurons on and y = −x₁ + 5x₂ − 1 at (2, 1)', () => {
    const region = linearRegion(net, [2, 1]);
    expect(region.pattern).toEqual([[true, true]]);
    expect(region.effectiveWeights.toArray()).toEqual([[-1, 5]]);
    expect(region.effectiveBiases.toArray()).toEqual([[-1]]);
  });
  it('gives the second neuron off and y = 2x₁ + 2x₂ − 1 at (0, 2)', () => {
    const region = linearRegion(net, [0, 2]);
    expect(region.pattern).toEqual([[true, false]]);
    expect(region.effectiveWeights.toArray()).toEqual([[2, 2]]);
    expect(region.effectiveBiases.toArray()).toEqual([[-1]]);
  });
  it('reports the distance to the nearest switch: at (2, 1) the line x₁ = x₂ is 1/√2 away', () => {
    // z₁ = 0 is the line x₁ + x₂ = 1, at distance |2 + 1 − 1|/√2 = √2; z₂ = 0 is x₁ = x₂, at |2 − 1|/√2.
    expect(Math.abs(linearRegion(net, [2, 1]).radius - 1 / Math.SQRT2)).toBeLessThan(1e-15);
  });
  it('uses leakyRelu’s slope, not 0, for a neuron that is off', () => {
    // With leakyRelu(0.1): at (0, 2) neuron 2 contributes −3·0.1·(x₁ − x₂): y = 1.7x₁ + 2.3x₂ − 1.
    const leaky = Network.fromWeights(
      [{ weights: [[1, 1], [1, -1]], biases: [-1, 0] }, { weights: [[2, -3]], biases: [1] }],
      { hidden: { name: 'leakyRelu', slope: 0.1 } },
    );
    const region = linearRegion(leaky, [0, 2]);
    expect(region.effectiveWeights.row(0).map((w) => Number(w.toFixed(12)))).toEqual([1.7, 2.3]);
    expect(region.effectiveBiases.toArray()).toEqual([[-1]]);
  });
});

describe('linearRegion: the affine map matches the network', () => {
  const cases = [
    { layers: [3, 8, 8, 2], hidden: 'relu' as const },
    { layers: [2, 16, 16, 16, 1], hidden: 'relu' as const },
    { layers: [5, 10, 4], hidden: { name: 'leakyRelu' as const, slope: 0.2 } },
  ];
  for (const { layers, hidden } of cases) {
    it(`equals forward at x and at 20 random points within the radius, for ${JSON.stringify(layers)} (${JSON.stringify(hidden)})`, () => {
      const random = createRandom(9);
      for (let seed = 0; seed < 10; seed++) {
        const net = new Network({ layers, hidden, seed });
        const x = Array.from({ length: layers[0] }, () => random.between(-2, 2));
        const region = linearRegion(net, x);
        expect(region.radius).toBeGreaterThan(0);
        for (let k = 0; k <= 20; k++) {
          // a random direction, scaled to 0.99 of the radius (k = 0: x itself)
          const d = x.map(() => random.between(-1, 1));
          const norm = Math.hypot(...d);
          const p = x.map((v, j) => (k === 0 ? v : v + (0.99 * region.radius * d[j]) / norm));
          const column = new Matrix(p.length, 1, Float64Array.from(p));
          const want = net.forward(column);
          const got = add(multiply(region.effectiveWeights, column), region.effectiveBiases);
          for (let i = 0; i < want.rows; i++) expect(Math.abs(got.data[i] - want.data[i])).toBeLessThan(1e-9);
          expect(linearRegion(net, p).pattern).toEqual(region.pattern);
        }
      }
    });
  }
  it('is not the map of a point just past the radius, where a neuron has switched', () => {
    // At (2, 1) the nearest switch is z₂ = x₁ − x₂ = 0; step across it along (−1, 1).
    const net = Network.fromWeights([
      { weights: [[1, 1], [1, -1]], biases: [-1, 0] },
      { weights: [[2, -3]], biases: [1] },
    ]);
    const past = [2 - 0.51, 1 + 0.51]; // 0.51·√2 > 1/√2 away
    expect(linearRegion(net, past).pattern).toEqual([[true, false]]);
  });
});

describe('linearRegion: for one input, the slope of the kinks piece around x', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`agrees with kinks on a [1, 8, 8, 1] network (seed ${seed}) at 200 points`, () => {
      const net = new Network({ layers: [1, 8, 8, 1], seed });
      const { pieces } = kinks(net, { domain: [-3, 3] });
      for (let k = 0; k < 200; k++) {
        const x = -3 + (6 * (k + 0.5)) / 200;
        const piece = pieces.find((p) => p.from <= x && x <= p.to)!;
        const region = linearRegion(net, x);
        expect(Math.abs(region.effectiveWeights.get(0, 0) - piece.slope)).toBeLessThan(1e-12);
        expect(Math.abs(region.effectiveBiases.get(0, 0) - piece.intercept)).toBeLessThan(1e-12);
      }
    });
  }
});

describe('linearRegion: what it refuses', () => {
  it('names both sizes when x has the wrong number of inputs', () => {
    expect(() => linearRegion(new Network({ layers: [3, 2, 1] }), [1, 2])).toThrow(
      'linearRegion: x has 2 numbers but the network has 3 inputs (one number per input feature)',
    );
  });
  it('refuses a tanh network, which has no linear regions', () => {
    expect(() => linearRegion(new Network({ layers: [2, 2, 1], hidden: 'tanh' }), [0, 0])).toThrow(
      /linearRegion: layer 1 uses tanh, which curves instead of bending/,
    );
  });
  it('refuses a NaN in x', () => {
    expect(() => linearRegion(new Network({ layers: [2, 2, 1] }), [0, NaN])).toThrow(/linearRegion: x has NaN/);
  });
  it('leaves x and the network unchanged', () => {
    const net = new Network({ layers: [2, 3, 1], seed: 4 });
    const x = [0.5, -1];
    const before = JSON.stringify(net.toJSON());
    linearRegion(net, x);
    expect(x).toEqual([0.5, -1]);
    expect(JSON.stringify(net.toJSON())).toBe(before);
  });
});

describe('linearRegion at the edges: huge inputs, many inputs', () => {
  it('refuses an x that drives z past float64, naming the layer and node, instead of a radius of Infinity', () => {
    const net = Network.fromWeights([{ weights: [[2]], biases: [0] }, { weights: [[1]], biases: [0] }]);
    expect(() => linearRegion(net, [1.7e308])).toThrow(/^linearRegion: layer 1, node 1 has z = Infinity at x/);
  });
  it('finds the radius 1.7e308 at x = 1.7e308 for z = x − 0 (the distance to the kink at 0)', () => {
    const net = Network.fromWeights([{ weights: [[1]], biases: [0] }, { weights: [[1]], biases: [0] }]);
    expect(linearRegion(net, [1.7e308]).radius).toBe(1.7e308);
  });
  it('takes 200,000 inputs in memory linear in the inputs (an inputs² identity would need 320 GB)', () => {
    const n = 200_000;
    const W = new Matrix(1, n, new Float64Array(n).fill(1));
    const net = Network.fromWeights([{ weights: W, biases: [0] }, { weights: [[1]], biases: [0] }]);
    const x = new Array(n).fill(1);
    const region = linearRegion(net, x);
    expect(region.effectiveWeights.shape).toEqual([1, n]);
    expect(region.radius).toBeCloseTo(n / Math.sqrt(n), 6); // z = Σx = 200,000 at distance z/‖∇z‖ = n/√n from the kink
  });
});

describe('linearRegion: the old field names', () => {
  it('still gives W_eff and b_eff, the same matrices as effectiveWeights and effectiveBiases (deprecated, for this version)', () => {
    const region = linearRegion(Network.fromWeights([{ weights: [[2]], biases: [-1] }]), 1);
    expect(region.W_eff).toBe(region.effectiveWeights);
    expect(region.b_eff).toBe(region.effectiveBiases);
  });
});
