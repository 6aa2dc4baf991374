/**
 * How fast `kinks` finds every exact kink, against sampling the same network
 * with `forward` (what a plot would otherwise do). Run: npx vitest bench --run test/kinks.bench.ts
 */
import { bench, describe } from 'vitest';
import { Matrix } from '../src/core/matrix.js';
import { Network } from '../src/network/network.js';
import { kinks } from '../src/inspect/kinks.js';
import { linearRegion } from '../src/inspect/linear-region.js';

const deep = new Network({ layers: [1, 32, 32, 32, 1], seed: 42 });
const article = new Network({ layers: [1, 2, 2, 1], seed: 42 });
const grid = (n: number) => new Matrix(1, n, Float64Array.from({ length: n }, (_, i) => -3 + (6 * i) / (n - 1)));
const thousand = grid(1000);

describe('kinks on [1, 32, 32, 32, 1], domain [-3, 3]', () => {
  bench('kinks: every exact kink', () => {
    kinks(deep, { domain: [-3, 3] });
  });
  bench('baseline: forward at 1000 points (one sampled plot)', () => {
    deep.forward(thousand);
  });
  bench('linearRegion at one point', () => {
    linearRegion(deep, 0.5);
  });
});

describe('kinks on the article’s [1, 2, 2, 1]', () => {
  bench('kinks', () => {
    kinks(article, { domain: [-3, 3] });
  });
});
