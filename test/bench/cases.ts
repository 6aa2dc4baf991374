/**
 * The two networks the forward-pass benchmark races, on fixed seeded weights
 * and inputs, so every competitor computes the same numbers on every machine.
 *
 *   small: layers [1, 2, 2, 1], 100,000 samples: the article's network, where
 *          each call does little arithmetic per sample and overhead dominates;
 *   wide:  layers [16, 64, 64, 1], 10,000 samples: W·A dominates.
 */
import { Network, randomMatrix, type Matrix } from '../../src/index.js';

export interface BenchCase {
  /** How the benchmark names it: sizes × samples. */
  name: string;
  net: Network;
  /** The inputs: inputs × samples, entries uniform in [−1, 1). */
  X: Matrix;
}

/** A seeded network (He init, ReLU hidden, linear output) and seeded inputs. */
export function benchCase(layers: number[], samples: number): BenchCase {
  const net = new Network({ layers, seed: 42 });
  const X = randomMatrix(layers[0], samples, { seed: 7 });
  return { name: `[${layers.join(',')}] × ${samples.toLocaleString('en-US')}`, net, X };
}

/** The two races of issue 2. */
export function benchCases(): BenchCase[] {
  return [benchCase([1, 2, 2, 1], 100_000), benchCase([16, 64, 64, 1], 10_000)];
}
