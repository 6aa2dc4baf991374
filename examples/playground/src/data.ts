/**
 * The data of each target, in the library's layout (one column per sample),
 * split into the points the network trains on and the points held out to
 * measure how well it does on points it never saw (the test loss).
 *
 * 1-D curves are sampled here at seeded random x with seeded Gaussian noise;
 * 2-D data sets come from the library's seeded generators, so the page shows
 * the same points as a Node script would. The extra input features (x², sin x)
 * are added by `withFeatures`, the one place that knows them.
 */
import { type Matrix, createRandom, datasets, matrix } from 'feedforward';
import type { Feature, Point, State } from './state.js';

/** Points drawn for a curve: training and held-out together. */
const CURVE_POINTS = 80;
const CURVES: Record<string, (x: number) => number> = {
  sine: (x) => Math.sin(x),
  step: (x) => (x > 0 ? 1 : 0),
  abs: (x) => Math.abs(x),
};

export interface Data {
  X: Matrix;
  Y: Matrix;
}
export interface Split {
  train: Data;
  /** The held-out points, or null when every point trains (a train share of 1, or clicked points). */
  test: Data | null;
}

type DataState = Pick<State, 'target' | 'points' | 'noise' | 'dataSeed' | 'trainShare'>;

/** How many raw inputs a target has: 2 for the plane's classes, 1 for curves. */
export function inputsOf(target: State['target']): number {
  return ['xor', 'circles', 'moons', 'spiral', 'points2d'].includes(target) ? 2 : 1;
}

/** Your points as the library's layout: X (inputs × points) and Y (1 × points), or null when there are none. */
export function ownData(points: readonly Point[], inputs: number): Data | null {
  const usable = points.filter((p) => p.x.length === inputs);
  if (usable.length === 0) return null;
  const rows = Array.from({ length: inputs }, (_, r) => usable.map((p) => p.x[r]));
  return { X: matrix(rows), Y: matrix([usable.map((p) => p.y)]) };
}

/** The plotted square, [−3, 3] on each input. */
export const DOMAIN: [number, number] = [-3, 3];

/**
 * The range plotted for each raw input: [−3, 3], or, when your own data reaches beyond it (a CSV in its own
 * units), the data's range with 5% to spare on each side.
 */
export function domainsOf(state: Pick<State, 'target' | 'points'>): [number, number][] {
  const inputs = inputsOf(state.target);
  const own = state.target === 'points' || state.target === 'points2d' ? ownData(state.points, inputs) : null;
  return Array.from({ length: inputs }, (_, r) => {
    if (!own) return DOMAIN;
    const row = own.X.row(r);
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const v of row) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    if (lo >= DOMAIN[0] && hi <= DOMAIN[1]) return DOMAIN;
    const spare = (hi - lo || Math.abs(hi) || 1) * 0.05;
    return [lo - spare, hi + spare];
  });
}
let cached: { key: string; split: Split | null } | null = null;

/** The training and held-out data for the state, or null when there is nothing to train on yet (no clicked points). */
export function dataOf(state: DataState): Split | null {
  const key = JSON.stringify([state.target, state.points, state.noise, state.dataSeed, state.trainShare]);
  if (cached?.key !== key) cached = { key, split: build(state) };
  return cached.split;
}

function build(state: DataState): Split | null {
  if (state.target === 'points' || state.target === 'points2d') {
    const own = ownData(state.points, state.target === 'points' ? 1 : 2);
    return own && { train: own, test: null };
  }
  const all = state.target in CURVES ? curve(state) : plane(state);
  return split(shuffled(all, state.dataSeed), state.trainShare);
}

/**
 * A curve y = f(x) + noise at CURVE_POINTS seeded random x in [−3, 3]. The noise is uniform with standard
 * deviation `noise`, as the library's data sets make it: a uniform on [−a, a) has variance a²/3.
 */
function curve({ target, noise, dataSeed }: DataState): Data {
  const random = createRandom(dataSeed);
  const a = noise * Math.sqrt(3);
  const x = Array.from({ length: CURVE_POINTS }, () => random.between(-3, 3));
  const y = x.map((v) => CURVES[target](v) + (a > 0 ? random.between(-a, a) : 0));
  return { X: matrix([x]), Y: matrix([y]) };
}

/** The 2-D data sets, moved and scaled to fill the plotted square (each coordinate into [−2.5, 2.5]). */
function plane({ target, noise, dataSeed }: DataState): Data {
  const options = { samples: 200, seed: dataSeed, noise };
  const made =
    target === 'xor'
      ? datasets.xor(options)
      : target === 'circles'
        ? datasets.circles(options)
        : target === 'moons'
          ? datasets.moons(options)
          : datasets.spiral({ ...options, classes: 2 });
  // One sigmoid output: the label is 1 for class 1 (spiral's Y is one-hot, so keep its second row).
  const labels = made.Y.rows === 1 ? made.Y.row(0) : made.Y.row(1);
  const rows = [made.X.row(0), made.X.row(1)].map((row) => {
    const lo = Math.min(...row);
    const hi = Math.max(...row);
    return row.map((v) => -2.5 + (5 * (v - lo)) / (hi - lo || 1));
  });
  return { X: matrix(rows), Y: matrix([labels]) };
}

/** The same points in a seeded random order (the generators list one class after the other). */
function shuffled({ X, Y }: Data, seed: number): Data {
  const order = createRandom(seed).shuffle(Array.from({ length: X.cols }, (_, n) => n));
  const pick = (M: Matrix) => matrix(M.toArray().map((row) => order.map((n) => row[n])));
  return { X: pick(X), Y: pick(Y) };
}

/** The first trainShare of the shuffled points train; the rest are held out. */
function split({ X, Y }: Data, trainShare: number): Split {
  const n = Math.max(1, Math.round(X.cols * trainShare));
  const columns = (M: Matrix, from: number, to: number) => matrix(M.toArray().map((row) => row.slice(from, to)));
  const train = { X: columns(X, 0, n), Y: columns(Y, 0, n) };
  return { train, test: n < X.cols ? { X: columns(X, n, X.cols), Y: columns(Y, n, X.cols) } : null };
}

/** The network's inputs for raw inputs X (inputs × samples): X itself, then x² of each row, then sin x of each row. */
export function withFeatures(X: Matrix, features: readonly Feature[]): Matrix {
  if (features.length === 0) return X;
  const rows = X.toArray();
  const extra = features.flatMap((feature) =>
    rows.map((row) => row.map((v) => (feature === 'square' ? v * v : Math.sin(v)))),
  );
  return matrix([...rows, ...extra]);
}

/** The names of the network's inputs, in the order withFeatures stacks them. */
export function featureNames(raw: number, features: readonly Feature[]): string[] {
  const xs = raw === 1 ? ['x'] : ['x₁', 'x₂'];
  return [...xs, ...features.flatMap((f) => xs.map((x) => (f === 'square' ? `${x}²` : `sin ${x}`)))];
}

/** The target value the network should give at x, for curves (null for clicked points and the plane). */
export function curveAt(target: State['target'], x: number): number | null {
  return target in CURVES ? CURVES[target](x) : null;
}
