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

/** The 2-D data sets, scaled to the plotted square [−3, 3]². */
function twoDimensional(target: string): { X: Matrix; Y: Matrix } {
  const seed = 1;
  switch (target) {
    case 'xor':
      return datasets.xor({ samples: 200, seed, noise: 0.2, scale: 2 });
    case 'circles':
      return datasets.circles({ samples: 200, seed, noise: 0.1 });
    case 'moons':
      return datasets.moons({ samples: 200, seed, noise: 0.1 });
    default:
      return datasets.spiral({ samples: 200, classes: 2, seed, noise: 0.1 });
  }
}
