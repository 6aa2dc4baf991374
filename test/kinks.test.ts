import { describe, expect, it } from 'vitest';
import { Matrix } from '../src/core/matrix.js';
import { Network } from '../src/network/network.js';
import { leakyReluWithSlope } from '../src/core/activations.js';
import { createRandom } from '../src/core/random.js';
import { KINKS_DEFAULTS, kinks } from '../src/inspect/kinks.js';
import { inChild } from './helpers/child.js';

/** The network's outputs at many x at once (one forward pass, x as one row). */
function outputs(net: Network, xs: Float64Array): Float64Array {
  return net.forward(new Matrix(1, xs.length, xs)).data;
}

/** n evenly spaced x from lo to hi (both included). */
function grid(lo: number, hi: number, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
}

// Seeded random networks of several shapes, with the domain each is looked at on.
const SHAPES = [
  { name: 'the article’s [1, 2, 2, 1]', net: () => new Network({ layers: [1, 2, 2, 1], seed: 42 }) },
  { name: 'a wide [1, 16, 1]', net: () => new Network({ layers: [1, 16, 1], seed: 7 }) },
  { name: 'a deep [1, 4, 4, 4, 4, 1]', net: () => new Network({ layers: [1, 4, 4, 4, 4, 1], seed: 3 }) },
  { name: 'a [1, 8, 8, 1] with leakyRelu(0.2)', net: () => new Network({ layers: [1, 8, 8, 1], hidden: { name: 'leakyRelu', slope: 0.2 }, seed: 11 }) },
  { name: 'a [1, 6, 6, 1] with a relu output', net: () => new Network({ layers: [1, 6, 6, 1], output: 'relu', seed: 5 }) },
  { name: 'a [1, 32, 32, 1]', net: () => new Network({ layers: [1, 32, 32, 1], seed: 2 }) },
];
const DOMAIN: [number, number] = [-3, 3];

describe('kinks: a hand-checkable [1, 2, 1] network', () => {
  // Layer 1: z₁ = 2x − 2 (on for x > 1), z₂ = −x + 3 (on for x < 3).
  // Output:  y = 1·relu(2x − 2) + 2·relu(3 − x) + 0.5
  //   x < 1:      0      + 2(3 − x) + 0.5 = 6.5 − 2x
  //   1 < x < 3:  2x − 2 + 2(3 − x) + 0.5 = 4.5
  //   x > 3:      2x − 2 +    0     + 0.5 = 2x − 1.5
  // so a valley with kinks at x = 1 and x = 3.
  const net = Network.fromWeights([
    { weights: [[2], [-1]], biases: [-2, 3] },
    { weights: [[1, 2]], biases: [0.5] },
  ]);
  const result = kinks(net, { domain: [0, 4] });

  it('finds the two kinks at x = 1 and x = 3', () => {
    expect(result.breakpoints).toEqual([1, 3]);
  });
  it('returns the three lines 6.5 − 2x, 4.5 and 2x − 1.5 covering the domain', () => {
    expect(result.pieces).toEqual([
      { from: 0, to: 1, slope: -2, intercept: 6.5 },
      { from: 1, to: 3, slope: 0, intercept: 4.5 },
      { from: 3, to: 4, slope: 2, intercept: -1.5 },
    ]);
  });
  it('says where each hidden neuron switches, counting layers and nodes from 1', () => {
    expect(result.neurons).toEqual([
      { layer: 1, node: 1, breakpoints: [1] },
      { layer: 1, node: 2, breakpoints: [3] },
    ]);
  });
  it('lists only the kinks inside the domain', () => {
    // On [2, 5] the neuron switching at x = 1 never switches: one kink, at 3.
    expect(kinks(net, { domain: [2, 5] }).breakpoints).toEqual([3]);
    expect(kinks(net, { domain: [1.5, 2.5] }).pieces).toEqual([{ from: 1.5, to: 2.5, slope: 0, intercept: 4.5 }]);
  });
  it('counts a relu on the output too: relu(2x − 1) bends once, at x = 0.5', () => {
    const single = Network.fromWeights([{ weights: [[2]], biases: [-1] }], { output: 'relu' });
    expect(kinks(single, { domain: [-1, 1] })).toEqual({
      breakpoints: [0.5],
      pieces: [
        { from: -1, to: 0.5, slope: 0, intercept: 0 },
        { from: 0.5, to: 1, slope: 2, intercept: -1 },
      ],
      neurons: [], // no hidden layer
    });
  });
  it('leaves the network unchanged', () => {
    const before = JSON.stringify(net.toJSON());
    kinks(net, { domain: [0, 4] });
    expect(JSON.stringify(net.toJSON())).toBe(before);
  });
});

describe('kinks: a neuron that switches without bending the output', () => {
  it('lists the switch under neurons but not as a kink when the downstream weight is 0', () => {
    // y = relu(x − 1) + 0·relu(x − 2): the second neuron switches at 2, the output does not bend there.
    const net = Network.fromWeights([
      { weights: [[1], [1]], biases: [-1, -2] },
      { weights: [[1, 0]], biases: [0] },
    ]);
    const result = kinks(net, { domain: [0, 3] });
    expect(result.neurons.map((n) => n.breakpoints)).toEqual([[1], [2]]);
    expect(result.breakpoints).toEqual([1]);
    expect(result.pieces).toEqual([
      { from: 0, to: 1, slope: 0, intercept: 0 },
      { from: 1, to: 3, slope: 1, intercept: -1 },
    ]);
  });
  it('finds no kink where two neurons’ bends cancel, even when rounding makes the slopes differ by 1e-17', () => {
    // relu(0.1x − 0.3) − (1/3)·relu(0.3x − 0.9): both switch at x = 3, slopes 0.1 − 0.3/3 = 0 in exact
    // arithmetic, but in floats 0.1 − (1/3)·0.3 is about 1.4e-17, far below the rounding bound of the sum.
    const net = Network.fromWeights([
      { weights: [[0.1], [0.3]], biases: [-0.3, -0.9] },
      { weights: [[1, -1 / 3]], biases: [0] },
    ]);
    expect(0.1 * 1 + 0.3 * (-1 / 3)).not.toBe(0); // the floats really differ
    const result = kinks(net, { domain: [0, 6] });
    expect(result.breakpoints).toEqual([]);
    expect(result.pieces).toHaveLength(1);
    expect(result.neurons.every((n) => n.breakpoints.length === 1)).toBe(true);
  });
  it('finds no kink for leakyRelu with slope 1, which is a straight line', () => {
    const net = new Network({ layers: [1, 5, 1], hidden: leakyReluWithSlope(1), seed: 1 });
    expect(kinks(net, { domain: [-3, 3] }).breakpoints).toEqual([]);
  });
});

describe('kinks: exact on seeded random networks', () => {
  for (const shape of SHAPES) {
    describe(shape.name, () => {
      const net = shape.net();
      const result = kinks(net, { domain: DOMAIN });

      it('has pieces that cover the domain, meet at the breakpoints and connect (the output is continuous)', () => {
        const { pieces, breakpoints } = result;
        expect(pieces[0].from).toBe(DOMAIN[0]);
        expect(pieces[pieces.length - 1].to).toBe(DOMAIN[1]);
        for (let k = 1; k < pieces.length; k++) {
          expect(pieces[k].from).toBe(pieces[k - 1].to);
          expect(pieces[k].from).toBe(breakpoints[k - 1]);
          const x = pieces[k].from;
          const left = pieces[k - 1].slope * x + pieces[k - 1].intercept;
          const right = pieces[k].slope * x + pieces[k].intercept;
          expect(Math.abs(left - right)).toBeLessThan(1e-9);
        }
      });

      it('(a) equals slope·x + intercept to 1e-9 at 50 points inside every piece', () => {
        for (const piece of result.pieces) {
          const xs = grid(piece.from, piece.to, 52).subarray(1, 51);
          const ys = outputs(net, xs);
          xs.forEach((x, n) => expect(Math.abs(ys[n] - (piece.slope * x + piece.intercept))).toBeLessThan(1e-9));
        }
      });

      it('(b) changes slope at every breakpoint, as the network’s own outputs show on either side', () => {
        const { pieces } = result;
        for (let k = 1; k < pieces.length; k++) {
          const x = pieces[k].from;
          const h = Math.min(pieces[k - 1].to - pieces[k - 1].from, pieces[k].to - pieces[k].from) / 4;
          const [yl, y0, yr] = outputs(net, Float64Array.of(x - h, x, x + h));
          const slopeLeft = (y0 - yl) / h; // a difference quotient of the network itself, not of the pieces
          const slopeRight = (yr - y0) / h;
          expect(Math.abs(slopeLeft - pieces[k - 1].slope)).toBeLessThan(1e-6);
          expect(Math.abs(slopeRight - pieces[k].slope)).toBeLessThan(1e-6);
          expect(Math.abs(slopeRight - slopeLeft)).toBeGreaterThan(1e-6);
        }
      });
    });
  }
});

describe('kinks: exact on 200 networks of random shapes', () => {
  it('matches the network inside every piece and changes slope at every breakpoint', () => {
    const random = createRandom(2024);
    for (let trial = 0; trial < 200; trial++) {
      const depth = 1 + random.int(4);
      const layers = [1, ...Array.from({ length: depth }, () => 1 + random.int(10)), 1];
      const hidden = random.uniform() < 0.5 ? 'relu' : { name: 'leakyRelu' as const, slope: random.between(-0.5, 0.5) };
      const net = new Network({ layers, hidden, seed: trial, init: random.uniform() < 0.5 ? 'he' : 'uniform' });
      const { pieces } = kinks(net, { domain: [-5, 5] });
      const context = `layers ${JSON.stringify(layers)}, ${JSON.stringify(hidden)}, seed ${trial}`;
      for (const [k, piece] of pieces.entries()) {
        const xs = grid(piece.from, piece.to, 7).subarray(1, 6);
        const ys = outputs(net, xs);
        xs.forEach((x, n) => expect(Math.abs(ys[n] - (piece.slope * x + piece.intercept)), context).toBeLessThan(1e-9));
        if (k > 0) expect(Math.abs(piece.slope - pieces[k - 1].slope), context).toBeGreaterThan(1e-9);
      }
    }
  });
});

describe('kinks: small integer weights, where kinks coincide and a z can touch 0 at another neuron’s kink', () => {
  it('is exact and misses nothing on 200 such networks (scan of 8001 points each)', () => {
    const random = createRandom(7);
    const n = 8001;
    const xs = grid(-4, 4, n); // steps of 0.001: many kinks fall exactly on grid points
    for (let trial = 0; trial < 200; trial++) {
      const sizes = [1, ...Array.from({ length: 1 + random.int(4) }, () => 1 + random.int(5)), 1];
      const layers = sizes.slice(1).map((nOut, l) => ({
        weights: Array.from({ length: nOut }, () => Array.from({ length: sizes[l] }, () => random.int(5) - 2)), // −2 … 2
        biases: Array.from({ length: nOut }, () => random.int(5) - 2),
      }));
      const net = Network.fromWeights(layers, { hidden: trial % 2 ? 'relu' : { name: 'leakyRelu', slope: 0.5 } });
      const { pieces, breakpoints } = kinks(net, { domain: [-4, 4] });
      const ys = outputs(net, xs);
      let worst = 0; // largest |piece − network| over the grid
      const missed: number[] = []; // x where the slope changes with no breakpoint beside it
      let p = 0;
      let j = 0;
      for (let i = 0; i < n; i++) {
        while (pieces[p].to < xs[i]) p++;
        worst = Math.max(worst, Math.abs(pieces[p].slope * xs[i] + pieces[p].intercept - ys[i]));
        if (i === 0 || i === n - 1) continue;
        while (j < breakpoints.length && breakpoints[j] < xs[i - 1]) j++;
        const d2 = ys[i + 1] - 2 * ys[i] + ys[i - 1];
        if (Math.abs(d2) > 1e-9 && !(j < breakpoints.length && breakpoints[j] <= xs[i + 1])) missed.push(xs[i]);
      }
      expect(worst, `trial ${trial}`).toBeLessThan(1e-9);
      expect(missed, `trial ${trial}`).toEqual([]);
    }
  });
});

describe('kinks: nothing missed, by brute force', () => {
  // The second difference y[i+1] − 2y[i] + y[i−1] on an even grid is 0 up to rounding on a
  // straight stretch, and about (slope change)·(distance to the kink) when a kink lies
  // between x[i−1] and x[i+1]. So every clearly non-zero one must have a breakpoint beside it.
  for (const shape of SHAPES.slice(0, 4)) {
    it(`scans ${shape.name} at 10⁶ evenly spaced points and finds a breakpoint beside every slope change`, () => {
      const net = shape.net();
      const { breakpoints } = kinks(net, { domain: DOMAIN });
      const n = 1_000_000;
      const xs = grid(DOMAIN[0], DOMAIN[1], n);
      const ys = outputs(net, xs);
      let largest = 0;
      for (const y of ys) largest = Math.max(largest, Math.abs(y));
      const noise = 1e-12 * (1 + largest); // far above float rounding of y, far below a real kink's 1e-7
      const seen = new Set<number>();
      let j = 0; // breakpoints[j] is the first at or right of x[i − 1]
      for (let i = 1; i < n - 1; i++) {
        while (j < breakpoints.length && breakpoints[j] < xs[i - 1]) j++;
        const d2 = ys[i + 1] - 2 * ys[i] + ys[i - 1];
        if (Math.abs(d2) > noise) {
          const beside = j < breakpoints.length && breakpoints[j] <= xs[i + 1];
          if (!beside) throw new Error(`slope changes near x = ${xs[i]} but no breakpoint was reported there`);
          seen.add(j);
        }
      }
      // and, the other way round, every reported breakpoint showed up in the scan
      expect(seen.size).toBe(breakpoints.length);
    });
  }
});

describe('kinks: the architecture bound', () => {
  // With one input, a neuron's z is a line on each linear piece of the layer before, so it
  // crosses zero at most once per piece: a layer of width n adds at most n breakpoints per
  // piece, and a network [1, n₁, …, n_L, 1] has at most (n₁ + 1)·…·(n_L + 1) − 1 kinks.
  const ARCHITECTURES = [
    [1, 2, 2, 1],
    [1, 3, 3, 1],
    [1, 2, 2, 2, 2, 1],
    [1, 6, 1],
    [1, 4, 3, 2, 1],
  ];
  for (const layers of ARCHITECTURES) {
    it(`holds for ${JSON.stringify(layers)} on 100 seeds, layer by layer`, () => {
      const hidden = layers.slice(1, -1);
      const bound = hidden.reduce((product, n) => product * (n + 1), 1) - 1;
      for (let seed = 0; seed < 100; seed++) {
        const net = new Network({ layers, seed, init: 'uniform' });
        const result = kinks(net, { domain: [-20, 20] });
        expect(result.breakpoints.length).toBeLessThanOrEqual(bound);
        // Every output kink is some hidden neuron switching.
        const switches = new Set(result.neurons.flatMap((n) => n.breakpoints));
        for (const x of result.breakpoints) expect(switches.has(x)).toBe(true);
        // Layer by layer: in each piece cut by the layers before, each neuron switches at most once.
        let cuts: number[] = [];
        for (let l = 1; l <= hidden.length; l++) {
          const edges = [-20, ...cuts, 20];
          const layer = result.neurons.filter((n) => n.layer === l);
          for (let k = 1; k < edges.length; k++) {
            for (const neuron of layer) {
              const inside = neuron.breakpoints.filter((x) => x > edges[k - 1] && x < edges[k]);
              expect(inside.length).toBeLessThanOrEqual(1);
            }
          }
          cuts = [...new Set([...cuts, ...layer.flatMap((n) => n.breakpoints)])].sort((a, b) => a - b);
          expect(cuts.length).toBeLessThanOrEqual(hidden.slice(0, l).reduce((p, n) => p * (n + 1), 1) - 1);
        }
      }
    });
  }
});

describe('kinks: depth can multiply kinks (the sawtooth)', () => {
  // The tent map t(x) = 2·relu(x) − 4·relu(x − 0.5) folds [0, 1] onto itself: 2x up to 0.5,
  // then 2 − 2x. Applied L times it zigzags 2^(L−1) times: 2^L pieces, 2^L − 1 kinks at k/2^L,
  // from only 2L neurons (Telgarsky 2016). Every number here is a power of 2, so exact in floats.
  function sawtooth(depth: number): Network {
    const first = { weights: [[1], [1]], biases: [0, -0.5] };
    const fold = { weights: [[2, -4], [2, -4]], biases: [0, -0.5] };
    return Network.fromWeights([first, ...Array(depth - 1).fill(fold), { weights: [[2, -4]], biases: [0] }]);
  }
  for (const depth of [1, 2, 3, 8]) {
    it(`finds 2^${depth} − 1 = ${2 ** depth - 1} kinks, at k/${2 ** depth}, for ${depth} layer(s) of 2 neurons`, () => {
      const { breakpoints, pieces } = kinks(sawtooth(depth), { domain: [0, 1] });
      expect(breakpoints).toEqual(Array.from({ length: 2 ** depth - 1 }, (_, k) => (k + 1) / 2 ** depth));
      // slopes alternate ±2^L: up, down, up, …
      expect(pieces.map((p) => p.slope)).toEqual(pieces.map((_, k) => (k % 2 === 0 ? 2 ** depth : -(2 ** depth))));
    });
  }
});

describe('kinks: what it refuses, and why', () => {
  it('refuses a network with two inputs, pointing to linearRegion', () => {
    const net = new Network({ layers: [2, 3, 1] });
    expect(() => kinks(net, { domain: [0, 1] })).toThrow(
      /kinks: the network has 2 inputs and 1 output but kinks follows one input x to one output .*linearRegion/,
    );
  });
  it('refuses a network with two outputs', () => {
    expect(() => kinks(new Network({ layers: [1, 3, 2] }), { domain: [0, 1] })).toThrow(/1 input and 2 outputs/);
  });
  it('refuses a sigmoid layer, which curves instead of bending', () => {
    const net = new Network({ layers: [1, 3, 1], hidden: 'sigmoid' });
    expect(() => kinks(net, { domain: [0, 1] })).toThrow(
      'kinks: layer 1 uses sigmoid, which curves instead of bending, so the network has no exact linear pieces (supported: relu, leakyRelu and linear activations)',
    );
  });
  it('refuses a missing, reversed or infinite domain', () => {
    const net = new Network({ layers: [1, 2, 1] });
    expect(() => kinks(net, {} as never)).toThrow(/kinks: domain is undefined but it must be two numbers \[lo, hi\]/);
    expect(() => kinks(net, { domain: [1, 1] })).toThrow('kinks: domain is [1, 1] but lo must be less than hi');
    expect(() => kinks(net, { domain: [0, Infinity] })).toThrow(/both ends must be finite numbers/);
    expect(() => kinks(net, { domain: [NaN, 1] })).toThrow(/both ends must be finite numbers/);
  });
  it('refuses something that is not a Network', () => {
    expect(() => kinks({ layers: [] } as never, { domain: [0, 1] })).toThrow(/kinks: net is an object \(Object\) but it must be a Network/);
  });
});

describe('kinks has a budget of linear pieces instead of exhausting memory', () => {
  /** The tent map t(x) = 1 − |2x − 1| on [0, 1], nested `depth` times: 2^depth pieces, width 2, 6·depth + 3 numbers. */
  const tentMap = (depth: number) =>
    Network.fromWeights([
      ...Array.from({ length: depth }, (_, l) => ({ weights: l === 0 ? [[2], [2]] : [[2, -4], [2, -4]], biases: [0, -1] })),
      { weights: [[1, -2]], biases: [0] },
    ]);
  it('answers a 30-layer tent map (2³⁰ pieces; it killed the process) with an error naming the layer, in a child with a time and heap limit', () => {
    const run = inChild('test/children/kinks-tent.ts', { args: ['30'], timeoutMs: 60_000, heapMb: 256 });
    expect(run.timedOut, 'it hung').toBe(false);
    expect(run.outOfMemory, 'it ran out of heap').toBe(false);
    expect(run.stdout.trim()).toMatch(/^ValueError: kinks: layer 17 cuts \[0, 1\] into more than 100000 linear pieces \(maxPieces, default KINKS_DEFAULTS.maxPieces/);
  }, 70_000);
  it(`has KINKS_DEFAULTS.maxPieces = ${KINKS_DEFAULTS.maxPieces}, and a smaller limit is honoured`, () => {
    expect(kinks(tentMap(3), { domain: [0, 1] }).pieces).toHaveLength(8); // 2³ pieces: within any limit ≥ 8
    expect(() => kinks(tentMap(3), { domain: [0, 1], maxPieces: 7 })).toThrow(/^kinks: layer 3 cuts \[0, 1\] into more than 7 linear pieces/);
  });
});
