/**
 * The benchmark is a fair race only if every competitor computes the same
 * thing. These tests check the competitors of test/forward.bench.ts.
 */
import { describe, expect, it } from 'vitest';
import { Network, matrix } from '../../src/index.js';
import { FLOAT32_TOLERANCE, largestError } from './agree.js';
import { benchCases } from './cases.js';
import { plainForward, plainLayers } from './plain-loop.js';
import { type Backend, tfjsForward, useBackend, wasmHasSimd } from './tfjs.js';

describe('the plain-loop baseline', () => {
  it('computes |x| with the hand-made network relu(x), relu(−x) → sum', () => {
    // layer 1: z = [x, −x], a = [relu(x), relu(−x)]; layer 2: relu(x) + relu(−x) = |x|
    const net = Network.fromWeights([
      { weights: [[1], [-1]], biases: [0, 0] },
      { weights: [[1, 1]], biases: [0] },
    ]);
    const X = matrix([[-2, 3, 0.5]]);
    expect(Array.from(plainForward(plainLayers(net), X.data, X.cols))).toEqual([2, 3, 0.5]);
  });

  it('gives Network.forward\'s numbers bit for bit on both benchmark networks (it sums in the same order)', () => {
    for (const { net, X } of benchCases()) {
      expect(largestError(plainForward(plainLayers(net), X.data, X.cols), net.forward(X))).toBe(0);
    }
  });
});

describe('the TensorFlow.js competitors', () => {
  for (const backend of ['cpu', 'wasm'] as Backend[]) {
    it(`tfjs-${backend} agrees with Network.forward to float32 precision on both benchmark networks`, async () => {
      await useBackend(backend);
      for (const { net, X } of benchCases()) {
        const tfjs = tfjsForward(net, X);
        const error = largestError(tfjs.run(), net.forward(X));
        tfjs.dispose();
        expect(error).toBeLessThan(FLOAT32_TOLERANCE);
        expect(error).toBeGreaterThan(0); // float32, so not bit for bit: proof it really ran tfjs
      }
    });
  }

  it('tfjs-wasm runs its SIMD build', async () => {
    await useBackend('wasm');
    expect(wasmHasSimd()).toBe(true);
  });
});
