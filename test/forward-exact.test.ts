/**
 * The one suite for "the fast loop computes exactly what the formula says, to
 * the last bit". Everything that multiplies (multiply, applyWeights,
 * Network.forward) runs affineInto, a 2×4 register tile over blocks of columns,
 * which promises to sum every Zˡ[i][j] as bˡ[i] + Wˡ[i][0]·A[0][j] + Wˡ[i][1]·A[1][j] + …,
 * in that order, then Aˡ = g(Zˡ). So each must equal a naive triple loop bit for
 * bit, on every path: whole tiles, an odd last row, 1–3 leftover columns, ReLU
 * fused into the tile or another activation applied after it, and several
 * blocks of samples. The oracles are plain loops (naiveAffine in
 * helpers/oracles.ts, naiveForward below), written independently.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  Matrix,
  Network,
  applyWeights,
  leakyReluWithSlope,
  multiply,
  randomMatrix,
  sigmoid,
  tanh,
} from '../src/index.js';
import { affineInto } from '../src/core/affine.js';
import { dim, entry, grid, networkAndX } from './helpers/arbitraries.js';
import { callFrozen } from './helpers/frozen.js';
import { expectSameBits, naiveAffine, productShapes, seeded } from './helpers/oracles.js';

/** Fixed seed and bounded runs: the same cases on every machine, in seconds. */
const RUNS = { seed: 42, numRuns: 100 };


/** The forward pass as three plain loops, one entry at a time, in the article's order. */
function naiveForward(net: Network, X: Matrix | number[][]): number[][] {
  let A = X instanceof Matrix ? X.toArray() : X; // A⁰ = X: inputs × samples
  for (const { weights: W, biases: b, activation } of net.layers) {
    const Z = W.toArray().map((w, i) =>
      A[0].map((_, j) => {
        let z = b.data[i]; // bias first,
        for (let k = 0; k < w.length; k++) z += w[k] * A[k][j]; // then k = 0, 1, 2, …
        return z;
      }),
    );
    // Aˡ = g(Zˡ): entry by entry, except softmax, which needs its whole column.
    A = activation.name === 'softmax' ? activation(Z).toArray() : Z.map((row) => row.map((z) => activation.f(z)));
  }
  return A;
}

describe('affineInto (the 2×4 tile) equals a naive triple loop bit for bit', () => {
  it.each(productShapes)('W %i×%i, A with %i columns, with a bias', (nOut, nIn, cols) => {
    const W = seeded(nOut, nIn, 1);
    const A = seeded(nIn, cols, 2);
    const b = seeded(nOut, 1, 3).map((row) => row[0]);
    const Z = new Float64Array(nOut * cols);
    affineInto(Matrix.from(W).data, nOut, nIn, Float64Array.from(b), Matrix.from(A).data, cols, 0, Z, cols, 0, cols);
    expectSameBits(new Matrix(nOut, cols, Z), naiveAffine(W, A, b));
  });

  it.each(productShapes)('W %i×%i, A with %i columns, with ReLU fused: max(0, z), never −0', (nOut, nIn, cols) => {
    const W = seeded(nOut, nIn, 4);
    const A = seeded(nIn, cols, 5);
    const b = seeded(nOut, 1, 6).map((row) => row[0]);
    const Z = new Float64Array(nOut * cols);
    affineInto(Matrix.from(W).data, nOut, nIn, Float64Array.from(b), Matrix.from(A).data, cols, 0, Z, cols, 0, cols, true);
    expectSameBits(new Matrix(nOut, cols, Z), naiveAffine(W, A, b).map((row) => row.map((z) => (z > 0 ? z : 0))));
  });

  it('with a null bias it is W·A, the same as summing from 0', () => {
    const W = seeded(7, 5, 6);
    const A = seeded(5, 6, 7);
    const Z = new Float64Array(7 * 6);
    affineInto(Matrix.from(W).data, 7, 5, null, Matrix.from(A).data, 6, 0, Z, 6, 0, 6);
    expectSameBits(new Matrix(7, 6, Z), naiveAffine(W, A, null));
  });
});

describe('multiply (affineInto without a bias) equals the textbook triple loop bit for bit', () => {
  it('sums each entry of A·B in order k = 0, 1, 2, …, on tiles and edges', () => {
    const A = randomMatrix(5, 6, { seed: 10 }); // 5 rows: two 2-row tiles and an odd row
    const B = randomMatrix(6, 7, { seed: 11 }); // 7 columns: one 4-column tile and 3 leftovers
    const want = A.toArray().map((a) =>
      B.toArray()[0].map((_, j) => a.reduce((sum, aik, k) => sum + aik * B.get(k, j), 0)),
    );
    expectSameBits(multiply(A, B), want);
  });

  it('on 100 random (n × k)·(k × m) products, n, k, m from 1 to 9, with deep-frozen arguments', () => {
    fc.assert(
      fc.property(fc.tuple(dim, dim, dim).chain(([n, k, m]) => fc.tuple(grid(n, k), grid(k, m))), ([A, B]) => {
        expectSameBits(callFrozen(multiply, A, B), naiveAffine(A, B, null));
      }),
      RUNS,
    );
  });
});

describe('applyWeights(A, W, b) equals W·A + b by a naive loop bit for bit', () => {
  it.each([
    [1, 1, 1],
    [2, 1, 300],
    [5, 3, 7],
    [16, 64, 33],
  ])('%i neurons, %i inputs, %i samples', (nOut, nIn, samples) => {
    const W = seeded(nOut, nIn, 1);
    const A = seeded(nIn, samples, 2);
    const b = seeded(1, nOut, 3)[0];
    expectSameBits(applyWeights(A, W, b), naiveAffine(W, A, b));
  });

  it('on 100 random layers, sizes from 1 to 9, b added to every column, with deep-frozen arguments', () => {
    const layer = fc
      .tuple(dim, dim, dim)
      .chain(([nIn, nOut, samples]) =>
        fc.tuple(grid(nIn, samples), grid(nOut, nIn), fc.array(entry, { minLength: nOut, maxLength: nOut })),
      );
    fc.assert(
      fc.property(layer, ([A, W, b]) => {
        expectSameBits(callFrozen(applyWeights, A, W, b), naiveAffine(W, A, b));
      }),
      RUNS,
    );
  });
});

describe('Network.forward equals the naive loop bit for bit', () => {
  // Widths cover the 2-row tiles, an odd last row (1, 3, 5 neurons) and a single input;
  // sample counts cover the 4-column tiles and 1–3 leftover columns. A block holds
  // 16,384 numbers per layer (3,276 columns of a 5-neuron layer), so 10,003 samples
  // of [4, 5, 3, 1] take four blocks, the last one partial; the rest fit in one.
  const shapes: [number[], number, number][] = [
    [[1, 2, 2, 1], 7, 3],
    [[1, 2, 2, 1], 4, 3],
    [[1, 2, 2, 1], 300, 42], // the article's network
    [[3, 5, 4, 3], 9, 3],
    [[2, 1, 1, 2], 6, 3],
    [[3, 5, 4, 2], 1, 4],
    [[3, 5, 4, 2], 255, 4],
    [[3, 5, 4, 2], 256, 4],
    [[3, 5, 4, 2], 257, 4],
    [[3, 5, 4, 2], 1000, 4],
    [[1, ...Array(10).fill(2), 1], 500, 3], // ten hidden layers
    [[4, 5, 3, 1], 10_003, 3],
  ];
  it.each(shapes)('ReLU hidden layers (fused), linear output: layers [%s], %i samples, seed %i', (layers, samples, seed) => {
    const net = new Network({ layers, seed });
    const X = randomMatrix(layers[0], samples, { seed: 4, scale: 2 });
    expectSameBits(net.forward(X), naiveForward(net, X));
  });

  it('with tanh hidden layers and a sigmoid output (applied after the tile)', () => {
    const net = new Network({ layers: [2, 3, 3, 2], hidden: 'tanh', output: 'sigmoid', seed: 5 });
    const X = randomMatrix(2, 11, { seed: 6 });
    expectSameBits(net.forward(X), naiveForward(net, X));
  });

  it('with leaky ReLU, tanh, sigmoid and softmax layers, one after another', () => {
    const net = Network.fromWeights([
      { weights: seeded(6, 3, 1), biases: seeded(6, 1, 2), activation: leakyReluWithSlope(0.1) },
      { weights: seeded(5, 6, 3), biases: seeded(5, 1, 4), activation: tanh },
      { weights: seeded(4, 5, 5), biases: seeded(4, 1, 6), activation: sigmoid },
      { weights: seeded(3, 4, 7), biases: seeded(3, 1, 8), activation: 'softmax' },
    ]);
    const X = seeded(3, 300, 9, 2);
    expectSameBits(net.forward(X), naiveForward(net, X));
  });

  it('on 40 random networks: 2–5 sizes of 1–6, any activation and init, 1–300 samples, X deep-frozen', () => {
    fc.assert(
      fc.property(networkAndX, ([network, X]) => {
        expectSameBits(callFrozen((x: number[][]) => network.forward(x), X), naiveForward(network, X));
      }),
      { ...RUNS, numRuns: 40 },
    );
  });

  it('equals the last step of trace across three blocks', () => {
    const net = new Network({ layers: [3, 7, 5, 2], seed: 8 });
    const X = randomMatrix(3, 5_001, { seed: 9 }); // 2,340 columns per block of the 7-neuron layer: 3 blocks
    const steps = net.trace(X);
    expectSameBits(net.forward(X), steps[steps.length - 1].a);
  });

  it('clips negative sums of a ReLU layer to exactly 0 (never −0) and keeps positive ones unchanged', () => {
    // Z = [[1·x]] with x = −2, −0, 0, 3 → A = [[0, 0, 0, 3]], every 0 a +0
    const net = Network.fromWeights([{ weights: [[1]], biases: [0] }], { output: 'relu' });
    expectSameBits(net.forward([[-2, -0, 0, 3]]), [[0, 0, 0, 3]]);
  });
});
