/**
 * Network.forward runs a blocked, tiled kernel; these tests show it computes
 * exactly what the article's formulas say, to the last bit: every Zˡ[i][j] is
 * bˡ[i] + Wˡ[i][0]·A[0][j] + Wˡ[i][1]·A[1][j] + …, summed in that order, then
 * Aˡ = g(Zˡ). The oracle is a naive triple loop written here, independently.
 * (ReLU layers take the kernel's fused path, where each sum is clipped before
 * it is stored; other activations are applied after the kernel: both are checked.)
 */
import { describe, expect, it } from 'vitest';
import { Network, multiply, randomMatrix, type Matrix } from '../src/index.js';

/** The forward pass as three plain loops, one entry at a time, in the article's order. */
function naiveForward(net: Network, X: Matrix): number[][] {
  let A = X.toArray(); // A⁰ = X: inputs × samples
  for (const { weights: W, biases: b, activation } of net.layers) {
    const Z = W.toArray().map((w, i) =>
      A[0].map((_, j) => {
        let z = b.data[i]; // bias first,
        for (let k = 0; k < w.length; k++) z += w[k] * A[k][j]; // then k = 0, 1, 2, …
        return z;
      }),
    );
    A = Z.map((row) => row.map((z) => activation.f(z))); // Aˡ = g(Zˡ)
  }
  return A;
}

describe('Network.forward sums in the article order on every path of the kernel', () => {
  // Widths cover the 2-row tiles, an odd last row (1, 3, 5 neurons) and a single input;
  // sample counts cover the 4-column tiles, 1–3 leftover columns and several blocks
  // (a block holds 16,384 numbers per layer: 3,276 columns of a 5-neuron layer).
  const shapes: [number[], number][] = [
    [[1, 2, 2, 1], 7],
    [[1, 2, 2, 1], 4],
    [[3, 5, 4, 3], 9],
    [[2, 1, 1, 2], 6],
    [[4, 5, 3, 1], 10_003],
  ];
  for (const [layers, samples] of shapes) {
    it(`gives the naive loop's numbers bit for bit for layers [${layers}] and ${samples} samples`, () => {
      const net = new Network({ layers, seed: 3 });
      const X = randomMatrix(layers[0], samples, { seed: 4, scale: 2 });
      expect(net.forward(X).toArray()).toEqual(naiveForward(net, X));
    });
  }

  it('gives the naive loop\'s numbers with tanh hidden layers and a sigmoid output too', () => {
    const net = new Network({ layers: [2, 3, 3, 2], hidden: 'tanh', output: 'sigmoid', seed: 5 });
    const X = randomMatrix(2, 11, { seed: 6 });
    expect(net.forward(X).toArray()).toEqual(naiveForward(net, X));
  });

  it('equals the last step of trace bit for bit across several blocks', () => {
    const net = new Network({ layers: [3, 7, 5, 2], seed: 8 });
    const X = randomMatrix(3, 5_001, { seed: 9 }); // 2,340 columns per block of the 7-neuron layer: 3 blocks
    const steps = net.trace(X);
    expect(net.forward(X).data).toEqual(steps[steps.length - 1].a.data);
  });

  it('does not change X', () => {
    const net = new Network({ layers: [2, 4, 1], seed: 1 });
    const X = randomMatrix(2, 9, { seed: 2 });
    const before = X.data.slice();
    net.forward(X);
    expect(X.data).toEqual(before);
  });
});

describe('the kernel without a bias (multiply)', () => {
  it('sums each entry of A·B in order k = 0, 1, 2, …, bit for bit, on tiles and edges', () => {
    const A = randomMatrix(5, 6, { seed: 10 }); // 5 rows: two 2-row tiles and an odd row
    const B = randomMatrix(6, 7, { seed: 11 }); // 7 columns: one 4-column tile and 3 leftovers
    const want = A.toArray().map((a) =>
      B.toArray()[0].map((_, j) => a.reduce((sum, aik, k) => sum + aik * B.get(k, j), 0)),
    );
    expect(multiply(A, B).toArray()).toEqual(want);
  });
});

describe('relu inside forward', () => {
  it('clips negative sums to exactly 0 (never −0) and keeps positive ones unchanged', () => {
    // Z = [[1·x]] with x = −2, −0, 0, 3 → A = [[0, 0, 0, 3]]
    const net = Network.fromWeights([{ weights: [[1]], biases: [0] }], { output: 'relu' });
    const A = net.forward([[-2, -0, 0, 3]]).toArray()[0];
    expect(A).toEqual([0, 0, 0, 3]);
    expect(A.every((a) => !Object.is(a, -0))).toBe(true);
  });
});
