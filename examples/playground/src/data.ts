/**
 * The training data of each target, in the library's layout (one column per
 * sample). 1-D curves are sampled here; 2-D data sets come from the library's
 * seeded generators, so the page shows the same points as a Node script would.
 */
import { type Matrix, datasets, matrix } from 'feedforward';
import type { State } from './state.js';

const CURVE_SAMPLES = 61;
const CURVES: Record<string, (x: number) => number> = {
  sine: (x) => Math.sin(x),
  step: (x) => (x > 0 ? 1 : 0),
  abs: (x) => Math.abs(x),
};

const cache = new Map<string, { X: Matrix; Y: Matrix }>();

/** The { X, Y } the network trains on, or null when there is nothing to train on yet (no clicked points). */
export function trainingData(state: Pick<State, 'target' | 'points' | 'seed'>): { X: Matrix; Y: Matrix } | null {
  const { target } = state;
  if (target === 'points') {
    if (state.points.length === 0) return null;
    return { X: matrix([state.points.map((p) => p.x)]), Y: matrix([state.points.map((p) => p.y)]) };
  }
  const cached = cache.get(target);
  if (cached) return cached;
  let data: { X: Matrix; Y: Matrix };
  if (target in CURVES) {
    const x = Array.from({ length: CURVE_SAMPLES }, (_, n) => -3 + (6 * n) / (CURVE_SAMPLES - 1));
    data = { X: matrix([x]), Y: matrix([x.map(CURVES[target])]) };
  } else {
    data = twoDimensional(target);
  }
  cache.set(target, data);
  return data;
}

/** The 2-D data sets, moved and scaled to fill the plotted square (each coordinate into [−2.5, 2.5]). */
function twoDimensional(target: string): { X: Matrix; Y: Matrix } {
  const options = { samples: 200, seed: 1 };
  const made =
    target === 'xor'
      ? datasets.xor({ ...options, noise: 0.15 })
      : target === 'circles'
        ? datasets.circles(options)
        : target === 'moons'
          ? datasets.moons(options)
          : datasets.spiral({ ...options, classes: 2, noise: 0.1 });
  // One sigmoid output: the label is 1 for class 1 (spiral's Y is one-hot, so keep its second row).
  const labels = made.Y.rows === 1 ? made.Y.row(0) : made.Y.row(1);
  const rows = [made.X.row(0), made.X.row(1)].map((row) => {
    const lo = Math.min(...row);
    const hi = Math.max(...row);
    return row.map((v) => -2.5 + (5 * (v - lo)) / (hi - lo || 1));
  });
  return { X: matrix(rows), Y: matrix([labels]) };
}
