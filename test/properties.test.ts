/**
 * Laws that hold for every input, checked on many seeded random ones with
 * fast-check: the matrix algebra, the article's identity twoNode = applyWeights,
 * trace's chain of steps, the JSON round trip, and predict's indifference to the
 * order of samples. Every call gets deep-frozen arguments (callFrozen), so each
 * law also proves that no input is changed. Oracles are written here
 * independently: the published generator in BigInt, plain loops, a centred
 * finite difference. (multiply, applyWeights and forward against a naive loop:
 * forward-exact.test.ts.)
 */
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Matrix,
  Network,
  add,
  applyWeights,
  createRandom,
  hadamard,
  hstack,
  leakyReluWithSlope,
  linear,
  map,
  multiply,
  ones,
  randomMatrix,
  relu,
  scale,
  sigmoid,
  softmax,
  subtract,
  sumRows,
  tanh,
  transpose,
  twoNode,
  vstack,
  zeros,
} from '../src/index.js';
import { dim, entry, grid, networkAndX, randomNetwork } from './helpers/arbitraries.js';
import { callFrozen } from './helpers/frozen.js';
import { expectSameBits } from './helpers/oracles.js';

/** Fixed seed and bounded runs: the same cases on every machine, in seconds. */
const RUNS = { seed: 42, numRuns: 100 };

const EPSILON = Number.EPSILON; // 2⁻⁵², the gap between 1 and the next double


/**
 * The generator as published, written independently with BigInt arithmetic
 * mod 2³²: splitmix32 spreads the seed over four words, sfc32 (PractRand's
 * "small fast chaotic") steps them; 12 warm-up rounds; 53-bit floats from
 * 27 + 26 bits over 2⁵³.
 */
function reference(seed: number): () => number {
  const M = 0xffffffffn;
  const rotl = (x: bigint, r: bigint) => ((x << r) | (x >> (32n - r))) & M;
  let s = BigInt(seed);
  const splitmix = (): bigint => {
    s = (s + 0x9e3779b9n) & M;
    let z = s;
    z = ((z ^ (z >> 16n)) * 0x85ebca6bn) & M;
    z = ((z ^ (z >> 13n)) * 0xc2b2ae35n) & M;
    return z ^ (z >> 16n);
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = (): bigint => {
    const t = (a + b + d) & M;
    d = (d + 1n) & M;
    a = b ^ (b >> 9n);
    b = (c + (c << 3n)) & M;
    c = (rotl(c, 21n) + t) & M;
    return t;
  };
  for (let i = 0; i < 12; i++) next();
  return () => Number(((next() >> 5n) << 26n) + (next() >> 6n)) / 2 ** 53;
}

describe('matrix algebra', () => {
  it('transpose is an involution: (Aᵀ)ᵀ = A, bit for bit', () => {
    fc.assert(
      fc.property(fc.tuple(dim, dim).chain(([r, c]) => grid(r, c)), (A) => {
        expectSameBits(callFrozen(transpose, callFrozen(transpose, A)), A);
        expect(transpose(A).shape).toEqual([A[0].length, A.length]);
      }),
      RUNS,
    );
  });

  it('(AB)ᵀ = BᵀAᵀ exactly: both sum the same products in the same order k = 0, 1, …', () => {
    // (AB)ᵀ[j][i] = Σₖ A[i][k]·B[k][j] and (BᵀAᵀ)[j][i] = Σₖ B[k][j]·A[i][k]: float
    // multiplication commutes exactly and affineInto adds in a fixed order, so no tolerance is needed.
    fc.assert(
      fc.property(fc.tuple(dim, dim, dim).chain(([n, k, m]) => fc.tuple(grid(n, k), grid(k, m))), ([A, B]) => {
        expectSameBits(transpose(multiply(A, B)), multiply(transpose(B), transpose(A)));
      }),
      RUNS,
    );
  });

  it('A(B + C) = AB + AC within rounding: |difference| ≤ 2(k + 2)·ε·(|A|(|B| + |C|))', () => {
    // Rounding differs between the two sides (B + C is rounded before multiplying), so the law holds
    // up to the standard bound for a k-term dot product: each side is within (k + 1)·ε of the exact value.
    fc.assert(
      fc.property(fc.tuple(dim, dim, dim).chain(([n, k, m]) => fc.tuple(grid(n, k), grid(k, m), grid(k, m))), ([A, B, C]) => {
        const left = multiply(A, add(B, C));
        const right = add(multiply(A, B), multiply(A, C));
        const abs = (X: number[][]) => X.map((row) => row.map(Math.abs));
        const bound = add(multiply(abs(A), abs(B)), multiply(abs(A), abs(C)));
        const k = A[0].length;
        for (let n = 0; n < left.data.length; n++) {
          expect(Math.abs(left.data[n] - right.data[n])).toBeLessThanOrEqual(2 * (k + 2) * EPSILON * bound.data[n]);
        }
      }),
      RUNS,
    );
  });

  it('add and hadamard commute exactly; subtract is add of the negation', () => {
    fc.assert(
      fc.property(fc.tuple(dim, dim).chain(([r, c]) => fc.tuple(grid(r, c), grid(r, c))), ([A, B]) => {
        expectSameBits(callFrozen(add, A, B), add(B, A));
        expectSameBits(callFrozen(hadamard, A, B), hadamard(B, A));
        expectSameBits(callFrozen(subtract, A, B), add(A, scale(B, -1)));
        expectSameBits(hadamard(A, B), A.map((row, i) => row.map((x, j) => x * B[i][j])));
      }),
      RUNS,
    );
  });

  it('a column added to a matrix is added to every column (the bias broadcast), from either side', () => {
    fc.assert(
      fc.property(fc.tuple(dim, dim).chain(([r, c]) => fc.tuple(grid(r, c), grid(r, 1))), ([A, b]) => {
        const repeated = hstack(...A[0].map(() => b)); // b copied once per column of A
        expectSameBits(callFrozen(add, A, b), add(A, repeated));
        expectSameBits(add(b, A), add(repeated, A));
        expectSameBits(subtract(A, b), subtract(A, repeated));
        expectSameBits(subtract(b, A), subtract(repeated, A));
      }),
      RUNS,
    );
  });

  it('scale(A, k) = map(A, x ↦ k·x) and sumRows(A) = A·1 (a column of ones), exactly', () => {
    fc.assert(
      fc.property(fc.tuple(dim, dim).chain(([r, c]) => grid(r, c)), entry, (A, k) => {
        expectSameBits(callFrozen(scale, A, k), map(A, (x) => k * x));
        expectSameBits(callFrozen(sumRows, A), multiply(A, ones(A[0].length, 1)));
      }),
      RUNS,
    );
  });

  it('map passes each entry with its row and column, counting from 0', () => {
    fc.assert(
      fc.property(fc.tuple(dim, dim).chain(([r, c]) => grid(r, c)), (A) => {
        expect(callFrozen(map, A, (x: number, i: number, j: number) => x + 10 * i + 100 * j).toArray()).toEqual(
          A.map((row, i) => row.map((x, j) => x + 10 * i + 100 * j)),
        );
      }),
      RUNS,
    );
  });

  it('vstack is hstack seen through transposes: vstack(A, B) = (hstack(Aᵀ, Bᵀ))ᵀ', () => {
    fc.assert(
      fc.property(fc.tuple(dim, dim, dim).chain(([r1, r2, c]) => fc.tuple(grid(r1, c), grid(r2, c))), ([A, B]) => {
        expect(callFrozen(vstack, A, B).toArray()).toEqual([...A, ...B]);
        expectSameBits(vstack(A, B), transpose(hstack(transpose(A), transpose(B))));
      }),
      RUNS,
    );
  });

  it('zeros, ones and randomMatrix have the asked shape; randomMatrix draws between(−scale, scale) from the seeded stream', () => {
    fc.assert(
      fc.property(dim, dim, fc.nat({ max: 2 ** 32 - 1 }), fc.constantFrom(0, 0.5, 1, 3), (r, c, seed, k) => {
        expect(zeros(r, c).toArray()).toEqual(Array.from({ length: r }, () => Array(c).fill(0)));
        expect(ones(r, c).toArray()).toEqual(Array.from({ length: r }, () => Array(c).fill(1)));
        const u = reference(seed);
        const M = callFrozen(randomMatrix, r, c, { seed, scale: k });
        expect(M.shape).toEqual([r, c]);
        expect(Array.from(M.data)).toEqual(Array.from({ length: r * c }, () => -k + (k - -k) * u()));
      }),
      RUNS,
    );
  });

  it('a Matrix prints as numpy prints the same array, in toString and console.log', () => {
    // numpy: print(np.array([[1, 2.5], [-3, 4]]))
    const m = Matrix.from([[1, 2.5], [-3, 4]]);
    expect(m.toString()).toBe('[[ 1.   2.5]\n [-3.   4. ]]');
    expect(inspect(m)).toBe(m.toString());
  });

  it('Matrix.from, toArray and get agree: entry (i, j) is row i, column j', () => {
    fc.assert(
      fc.property(fc.tuple(dim, dim).chain(([r, c]) => grid(r, c)), (A) => {
        const m = callFrozen(Matrix.from, A);
        expect(m.toArray()).toEqual(A);
        A.forEach((row, i) => {
          expect(m.row(i)).toEqual(row);
          row.forEach((x, j) => expect(m.get(i, j)).toBe(x));
        });
      }),
      RUNS,
    );
  });
});

describe("the article's steps", () => {
  it('twoNode equals applyWeights with the same two-row W, bit for bit', () => {
    fc.assert(
      fc.property(fc.tuple(dim, dim).chain(([nIn, samples]) => fc.tuple(grid(nIn, samples), grid(2, nIn), grid(2, 1))), ([A, W, b]) => {
        expectSameBits(callFrozen(twoNode, A, W, b), applyWeights(A, W, b));
      }),
      RUNS,
    );
  });
});

describe('activations', () => {
  const Z = fc.tuple(dim, dim).chain(([r, c]) => grid(r, c));

  it('relu, leakyRelu and linear equal their formulas entry by entry', () => {
    fc.assert(
      fc.property(Z, fc.double({ min: -2, max: 2, noNaN: true }), (A, slope) => {
        expectSameBits(callFrozen(relu, A), A.map((row) => row.map((z) => (z > 0 ? z : 0))));
        expectSameBits(relu.derivative(A), A.map((row) => row.map((z) => (z > 0 ? 1 : 0))));
        const leaky = leakyReluWithSlope(slope);
        expectSameBits(leaky(A), A.map((row) => row.map((z) => (z > 0 ? z : slope * z))));
        expectSameBits(leaky.derivative(A), A.map((row) => row.map((z) => (z > 0 ? 1 : slope))));
        expectSameBits(linear(A), A);
        // f and df, the one-number forms, agree with the matrix forms.
        for (const g of [relu, leaky, linear]) {
          expectSameBits(A.map((row) => row.map(g.f)), g(A));
          expectSameBits(A.map((row) => row.map(g.df)), g.derivative(A));
        }
        expect(linear.derivative(A).toArray()).toEqual(A.map((row) => row.map(() => 1)));
      }),
      RUNS,
    );
  });

  it('sigmoid and tanh: values in range, and derivative = a centred finite difference', () => {
    // (g(z + h) − g(z − h)) / 2h has error about h²·g‴/6 + ε/h; h = 1e-5 keeps both near 1e-10.
    const h = 1e-5;
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (z) => {
        for (const g of [sigmoid, tanh]) {
          const slope = (g.f(z + h) - g.f(z - h)) / (2 * h);
          expect(Math.abs(g.derivative([[z]]).get(0, 0) - slope)).toBeLessThan(1e-8);
          expect(g([[z]]).get(0, 0)).toBe(g.f(z));
        }
        expect(sigmoid.f(z)).toBeGreaterThanOrEqual(0);
        expect(sigmoid.f(z)).toBeLessThanOrEqual(1);
        expect(Math.abs(sigmoid.f(z) - 1 / (1 + Math.exp(-z)))).toBeLessThan(1e-15);
        expect(tanh.f(z)).toBe(Math.tanh(z));
      }),
      RUNS,
    );
  });

  it('sigmoid stays exact at the extremes: σ(−745) is the smallest double, not 0; σ(800) is 1, not NaN', () => {
    // σ(−745) = e⁻⁷⁴⁵/(1 + e⁻⁷⁴⁵) ≈ 4.9e-324, which rounds to 5e-324; written 1/(1 + e⁷⁴⁵) it would be 1/∞ = 0.
    // σ(800) = 1/(1 + e⁻⁸⁰⁰) = 1; written e⁸⁰⁰/(1 + e⁸⁰⁰) it would be ∞/∞ = NaN.
    expect(sigmoid([[-745, 800]]).toArray()).toEqual([[5e-324, 1]]);
    // σ′ = σ(1 − σ): 5e-324 · (1 − 5e-324) = 5e-324, and 1 · (1 − 1) = 0.
    expect(sigmoid.derivative([[-745, 800]]).toArray()).toEqual([[5e-324, 0]]);
  });

  it("{ name: 'leakyRelu' } without a slope is the default slope 0.01, and names resolve in options", () => {
    const net = new Network({ layers: [1, 1, 1], hidden: { name: 'leakyRelu' }, output: { name: 'tanh' } });
    expect(net.layers[0].activation.slope).toBe(0.01);
    expect(net.layers[1].activation).toBe(tanh);
    expect(new Network({ layers: [1, 1, 1], hidden: sigmoid }).layers[0].activation).toBe(sigmoid);
  });

  it('softmax: each column is e^z / Σ e^z, positive and summing to 1, even for huge z', () => {
    fc.assert(
      fc.property(fc.tuple(dim, dim).chain(([r, c]) => grid(r, c)), (A) => {
        const S = callFrozen(softmax, A);
        for (let j = 0; j < A[0].length; j++) {
          const column = A.map((row) => row[j]);
          const max = Math.max(...column);
          const exps = column.map((z) => Math.exp(z - max)); // the oracle shifts by the max too, or e^1000 overflows
          const total = exps.reduce((s, e) => s + e, 0);
          let sum = 0;
          column.forEach((_, i) => {
            expect(Math.abs(S.get(i, j) - exps[i] / total)).toBeLessThan(1e-15);
            sum += S.get(i, j);
          });
          expect(Math.abs(sum - 1)).toBeLessThan(1e-14);
        }
      }),
      RUNS,
    );
  });
});

describe('the Network', () => {
  const net = randomNetwork;
  const netAndX = networkAndX;

  it("trace's steps chain: each input is the last step's a, z = W·input + b, a = g(z), the last a = forward", () => {
    fc.assert(
      fc.property(netAndX, ([network, X]) => {
        const steps = callFrozen((x: number[][]) => network.trace(x), X);
        expect(steps.map((s) => s.layer)).toEqual(network.layers.map((_, l) => l + 1));
        steps.forEach((step, l) => {
          expectSameBits(step.input, l === 0 ? Matrix.from(X) : steps[l - 1].a);
          expectSameBits(step.z, applyWeights(step.input, step.weights, step.biases));
          expectSameBits(step.a, network.layers[l].activation(step.z));
        });
        expectSameBits(steps[steps.length - 1].a, network.forward(X));
      }),
      { ...RUNS, numRuns: 40 },
    );
  });

  it('Network.fromJSON(toJSON(net)) has the same JSON and the same forward, bit for bit', () => {
    fc.assert(
      fc.property(netAndX, ([network, X]) => {
        const text = JSON.stringify(network.toJSON());
        const back = Network.fromJSON(text);
        expect(JSON.stringify(back.toJSON())).toBe(text);
        expect(back.sizes).toEqual(network.sizes);
        expectSameBits(back.forward(X), network.forward(X));
      }),
      { ...RUNS, numRuns: 40 },
    );
  });

  it('the round trip keeps any finite double as a weight, bit for bit: -0, subnormals, ±MAX_VALUE', () => {
    const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(fc.tuple(dim, dim).chain(([r, c]) => fc.tuple(fc.array(fc.array(anyDouble, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }), fc.array(anyDouble, { minLength: r, maxLength: r }))), ([W, b]) => {
        const original = Network.fromWeights([{ weights: W, biases: b }]);
        const back = Network.fromJSON(JSON.stringify(original));
        expectSameBits(back.layers[0].weights, W);
        expectSameBits(back.layers[0].biases, b.map((x) => [x]));
      }),
      RUNS,
    );
  });

  it('predict does not care about the order of samples: shuffling samples shuffles the predictions', () => {
    fc.assert(
      fc.property(
        net.chain((n) => fc.tuple(fc.constant(n), fc.array(fc.array(entry, { minLength: n.inputs, maxLength: n.inputs }), { minLength: 1, maxLength: 12 }))).chain(([n, samples]) =>
          fc.tuple(fc.constant(n), fc.constant(samples), fc.shuffledSubarray(samples.map((_, i) => i), { minLength: samples.length, maxLength: samples.length })),
        ),
        ([network, samples, order]) => {
          const predictions = callFrozen((s: number[][]) => network.predict(s), samples) as unknown[];
          const shuffled = network.predict(order.map((i) => samples[i])) as unknown[];
          expect(shuffled).toEqual(order.map((i) => predictions[i]));
          expect(predictions.length).toBe(samples.length);
        },
      ),
      RUNS,
    );
  });

  it('predict of one row per sample equals forward of one column per sample', () => {
    fc.assert(
      fc.property(netAndX, ([network, X]) => {
        const Y = network.forward(X); // outputs × samples
        const predictions = network.predict(transpose(X).toArray());
        expect(predictions).toEqual(network.outputs === 1 ? Array.from(Y.data) : transpose(Y).toArray());
        // With one input, a flat list of numbers is one sample per number.
        if (network.inputs === 1) expect(network.predict(X[0])).toEqual(predictions);
      }),
      { ...RUNS, numRuns: 40 },
    );
  });

  it('new Network draws each layer from the seeded stream: all of W row by row, then b, uniform in ±limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 4 }),
        fc.constantFrom('he', 'xavier', 'uniform'),
        fc.nat({ max: 2 ** 32 - 1 }),
        (layers, init, seed) => {
          const network = callFrozen((options: object) => new Network(options as never), { layers, init, seed });
          const u = reference(seed);
          const draw = (limit: number) => -limit + (limit - -limit) * u(); // between(−limit, limit)
          network.layers.forEach((layer, l) => {
            const [nIn, nOut] = [layers[l], layers[l + 1]];
            // The published limits, by hand: He √(6/nIn), Xavier √(6/(nIn + nOut)), uniform 1; biases 1/√nIn.
            const limit = init === 'he' ? Math.sqrt(6 / nIn) : init === 'xavier' ? Math.sqrt(6 / (nIn + nOut)) : 1;
            expect(Array.from(layer.weights.data)).toEqual(Array.from({ length: nOut * nIn }, () => draw(limit)));
            expect(Array.from(layer.biases.data)).toEqual(Array.from({ length: nOut }, () => draw(1 / Math.sqrt(nIn))));
            expect(layer.activation.name).toBe(l === layers.length - 2 ? 'linear' : 'relu');
          });
        },
      ),
      RUNS,
    );
  });

  it('trace hands out copies of the weights, and fromWeights keeps copies of what it was given', () => {
    fc.assert(
      fc.property(netAndX, ([network, X]) => {
        const before = JSON.stringify(network.toJSON());
        for (const step of network.trace(X)) {
          step.weights.data.fill(7);
          step.biases.data.fill(7);
        }
        expect(JSON.stringify(network.toJSON())).toBe(before);
        const given = network.layers.map((layer) => ({ weights: Matrix.from(layer.weights.toArray()), biases: Matrix.from(layer.biases.toArray()), activation: layer.activation }));
        const copy = Network.fromWeights(given);
        given[0].weights.data.fill(7);
        expect(JSON.stringify(copy.toJSON())).toBe(before);
      }),
      { ...RUNS, numRuns: 20 },
    );
  });

  it('the same seed gives the same network; weights stay within the init scheme limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 4 }),
        fc.constantFrom('he', 'xavier', 'uniform'),
        fc.nat({ max: 2 ** 32 - 1 }),
        (layers, init, seed) => {
          const a = new Network({ layers, init: init as never, seed });
          expect(new Network({ layers, init: init as never, seed }).toJSON()).toEqual(a.toJSON());
          a.layers.forEach((layer, l) => {
            const nIn = layers[l];
            const nOut = layers[l + 1];
            // The published limits, computed here by hand: He √(6/nIn), Xavier √(6/(nIn + nOut)), uniform 1.
            const limit = init === 'he' ? Math.sqrt(6 / nIn) : init === 'xavier' ? Math.sqrt(6 / (nIn + nOut)) : 1;
            for (const w of layer.weights.data) expect(Math.abs(w)).toBeLessThanOrEqual(limit);
            for (const b of layer.biases.data) expect(Math.abs(b)).toBeLessThanOrEqual(1 / Math.sqrt(nIn));
          });
        },
      ),
      RUNS,
    );
  });
});

describe('seeded randomness', () => {
  it('createRandom(seed).uniform() follows the published splitmix32 + sfc32 stream exactly', () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat({ max: 2 ** 32 - 1 }), fc.constantFrom(0, 42, 2 ** 32 - 1)), (seed) => {
        const random = createRandom(seed);
        const oracle = reference(seed);
        for (let n = 0; n < 50; n++) expect(random.uniform()).toBe(oracle());
      }),
      RUNS,
    );
  });

  it('between(lo, hi) = lo + (hi − lo)·u, int(n) = ⌊u·n⌋, both from the same stream', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 32 - 1 }), entry, entry, fc.integer({ min: 1, max: 1000 }), (seed, x, y, n) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const random = createRandom(seed);
        const oracle = reference(seed);
        const v = random.between(lo, hi);
        expect(v).toBe(lo + (hi - lo) * oracle());
        expect(v).toBeGreaterThanOrEqual(lo);
        expect(random.int(n)).toBe(Math.floor(oracle() * n));
      }),
      RUNS,
    );
  });

  it('shuffle returns a new array with the same items (Fisher–Yates), leaving the input alone', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 32 - 1 }), fc.array(fc.integer(), { maxLength: 20 }), (seed, items) => {
        const random = createRandom(seed);
        const out = callFrozen((xs: number[]) => random.shuffle(xs), items);
        expect(out).not.toBe(items);
        expect([...out].sort((p, q) => p - q)).toEqual([...items].sort((p, q) => p - q));
        // Fisher–Yates by hand: for i from the end, swap i with ⌊u·(i + 1)⌋.
        const oracle = reference(seed);
        const expected = items.slice();
        for (let i = expected.length - 1; i > 0; i--) {
          const j = Math.floor(oracle() * (i + 1));
          [expected[i], expected[j]] = [expected[j], expected[i]];
        }
        expect(out).toEqual(expected);
        expect(random.uniform()).toBe(oracle()); // exactly n − 1 draws were used
      }),
      RUNS,
    );
  });

  it('int(n) takes any whole n up to 2⁵³, the largest whole number a double holds exactly', () => {
    const u = reference(3);
    expect(createRandom(3).int(2 ** 53)).toBe(Math.floor(u() * 2 ** 53));
    expect(createRandom(3).int(1)).toBe(0);
    expect(() => createRandom(3).int(2 ** 53 + 2)).toThrow(/Random.int: n is 9007199254740994/);
    expect(() => createRandom(3).int(1.5)).toThrow(/Random.int: n is 1.5/);
  });
});

