/**
 * Small generated data sets, seeded, in the library's layout: X is
 * features × samples and Y is targets × samples (one column per sample).
 *
 * Noise is drawn uniformly (see random.ts: uniform draws repeat on every
 * machine), scaled so its standard deviation is the `noise` asked for.
 */
import { Matrix } from '../core/matrix.js';
import { DEFAULT_SEED, type Random, type Seed, createRandom } from '../core/random.js';
import { checkNumber, checkOptions, checkSize } from '../core/validate.js';

/** A data set: X (features × samples) and Y (targets × samples). */
export interface Dataset {
  X: Matrix;
  Y: Matrix;
}

/** Options every generator takes: how many samples, how much noise, which seed. */
export interface DatasetOptions {
  /** Number of samples (columns). */
  samples?: number;
  /** Standard deviation of the noise added to each coordinate. */
  noise?: number;
  /** Seed of the noise and of the sampling. */
  seed?: Seed;
}

/** Every default of each generator, written once; each generator's entry lists all the options it takes. */
export const DATASET_DEFAULTS = Object.freeze({
  xor: Object.freeze({ samples: 4, noise: 0, seed: DEFAULT_SEED }), // the four corners themselves
  circles: Object.freeze({ samples: 200, noise: 0.1, seed: DEFAULT_SEED, factor: 0.5 }),
  moons: Object.freeze({ samples: 200, noise: 0.1, seed: DEFAULT_SEED }),
  spiral: Object.freeze({ samples: 300, noise: 0.2, seed: DEFAULT_SEED, classes: 3 }),
  sine: Object.freeze({ samples: 100, noise: 0, seed: DEFAULT_SEED, from: -Math.PI, to: Math.PI }),
});

/** The generators' names, the keys of DATASET_DEFAULTS. */
type DatasetName = keyof typeof DATASET_DEFAULTS;

/** Uniform noise with standard deviation `sd`: a uniform on [−a, a) has variance a²/3. */
function noiseOf(random: Random, sd: number): () => number {
  const a = sd * Math.sqrt(3);
  return () => (sd === 0 ? 0 : random.between(-a, a));
}

/** The options every generator shares, checked against its entry of DATASET_DEFAULTS. */
function settings(where: DatasetName, given: DatasetOptions | undefined) {
  const D = DATASET_DEFAULTS[where];
  const options = checkOptions(given, D, where);
  const n = checkSize(options.samples ?? D.samples, where, 'samples');
  const sd = checkNumber(options.noise ?? D.noise, where, 'noise', { test: (x) => x >= 0, says: 'a number ≥ 0' });
  const random = createRandom(options.seed ?? D.seed, where);
  return { n, random, jitter: noiseOf(random, sd) };
}

/** Builds X (features × n) and Y (targets × n) column by column. */
function columns(features: number, targets: number, n: number, sample: (j: number) => [number[], number[]]): Dataset {
  const X = new Matrix(features, n);
  const Y = new Matrix(targets, n);
  for (let j = 0; j < n; j++) {
    const [x, y] = sample(j);
    x.forEach((v, i) => (X.data[i * n + j] = v));
    y.forEach((v, i) => (Y.data[i * n + j] = v));
  }
  return { X, Y };
}

/**
 * XOR: the corners of the unit square, labelled 1 when exactly one coordinate is 1.
 * By default (DATASET_DEFAULTS.xor) the four corners themselves (samples 4, no noise); more samples repeat them, jittered by `noise`.
 * @example xor().Y.toArray() //=> [[0, 1, 1, 0]]   (corners (0,0), (0,1), (1,0), (1,1))
 */
export function xor(options: DatasetOptions = {}): Dataset {
  const { n, jitter } = settings('xor', options);
  return columns(2, 1, n, (j) => {
    const a = (j >> 1) & 1;
    const b = j & 1;
    return [[a + jitter(), b + jitter()], [a ^ b]];
  });
}

/**
 * Two concentric circles: class 0 on the outer one (radius 1), class 1 on the inner (radius `factor`).
 * Y is one row of labels 0/1, for a sigmoid output. Defaults: DATASET_DEFAULTS.circles (200 samples, noise 0.1, factor 0.5).
 * @example circles({ samples: 4, noise: 0 }).X.shape //=> [2, 4]
 */
export function circles(options: DatasetOptions & { factor?: number } = {}): Dataset {
  const { n, random, jitter } = settings('circles', options);
  const factor = checkNumber(options.factor ?? DATASET_DEFAULTS.circles.factor, 'circles', 'factor', {
    test: (x) => x > 0,
    says: "a radius > 0 (the inner circle's)",
  });
  return columns(2, 1, n, (j) => {
    const inner = j % 2;
    const r = inner ? factor : 1;
    const angle = 2 * Math.PI * random.uniform();
    return [[r * Math.cos(angle) + jitter(), r * Math.sin(angle) + jitter()], [inner]];
  });
}

/**
 * Two interleaving half moons (scikit-learn's make_moons): class 0 the upper arc, class 1 the lower one.
 * Y is one row of labels 0/1, for a sigmoid output. Defaults: DATASET_DEFAULTS.moons (200 samples, noise 0.1).
 * @example moons({ samples: 6 }).Y.toArray() //=> [[0, 1, 0, 1, 0, 1]]
 */
export function moons(options: DatasetOptions = {}): Dataset {
  const { n, random, jitter } = settings('moons', options);
  return columns(2, 1, n, (j) => {
    const lower = j % 2;
    const t = Math.PI * random.uniform();
    const x = lower ? 1 - Math.cos(t) : Math.cos(t);
    const y = lower ? 0.5 - Math.sin(t) : Math.sin(t);
    return [[x + jitter(), y + jitter()], [lower]];
  });
}

/**
 * Interleaved spiral arms, one per class (cs231n's spiral): Y is one-hot, classes × samples, for a softmax output.
 * Defaults: DATASET_DEFAULTS.spiral (300 samples, noise 0.2, 3 classes).
 * @example spiral({ classes: 3, samples: 6 }).Y.toArray() //=> [[1, 0, 0, 1, 0, 0], [0, 1, 0, 0, 1, 0], [0, 0, 1, 0, 0, 1]]
 */
export function spiral(options: DatasetOptions & { classes?: number } = {}): Dataset {
  const { n, random, jitter } = settings('spiral', options);
  const classes = checkSize(options.classes ?? DATASET_DEFAULTS.spiral.classes, 'spiral', 'classes');
  return columns(2, classes, n, (j) => {
    const k = j % classes;
    const r = random.uniform(); // distance from the centre, 0 to 1
    const angle = 4 * r + (2 * Math.PI * k) / classes + jitter(); // each arm turns 4 radians, arms 2π/classes apart
    const y = new Array<number>(classes).fill(0);
    y[k] = 1;
    return [[r * Math.sin(angle), r * Math.cos(angle)], y];
  });
}

/**
 * y = sin(x) at evenly spaced x from −π to π, plus noise on y: a 1-D curve to fit.
 * Defaults: DATASET_DEFAULTS.sine (100 samples, no noise, from −π to π).
 * @example sine({ samples: 3, noise: 0 }).X.toArray() //=> [[-3.14159…, 0, 3.14159…]]
 */
export function sine(options: DatasetOptions & { from?: number; to?: number } = {}): Dataset {
  const { n, jitter } = settings('sine', options);
  const from = checkNumber(options.from ?? DATASET_DEFAULTS.sine.from, 'sine', 'from');
  const to = checkNumber(options.to ?? DATASET_DEFAULTS.sine.to, 'sine', 'to');
  return columns(1, 1, n, (j) => {
    const x = n === 1 ? from : from + ((to - from) * j) / (n - 1);
    return [[x], [Math.sin(x) + jitter()]];
  });
}

/**
 * The generators together, as `datasets.moons(...)`.
 * @example datasets.xor().X.toArray() //=> [[0, 0, 1, 1], [0, 1, 0, 1]]
 */
export const datasets = Object.freeze({
  /** XOR: the corners of the unit square, labelled 1 when exactly one coordinate is 1. */
  xor,
  /** Two concentric circles, one class on each. */
  circles,
  /** Two interleaving half moons, one class on each. */
  moons,
  /** Interleaved spiral arms, one per class, with one-hot labels. */
  spiral,
  /** y = sin(x) on evenly spaced x, a 1-D curve to fit. */
  sine,
});
