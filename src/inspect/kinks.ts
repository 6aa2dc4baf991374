/**
 * The exact kinks of a one-input, one-output ReLU network: the article's
 * "function with two kinks", found by algebra rather than by sampling.
 *
 * On an interval where no neuron switches, every neuron's activation is a
 * line in x: Aˡ(x) = s·x + c (s, c: one entry per neuron). The next layer's
 * weighted sums are lines too, Zˡ⁺¹(x) = (W·s)·x + (W·c + b), and neuron i's
 * line crosses zero at x = −cᵢ/sᵢ. Cutting the interval there, and applying
 * each neuron's slope g′ (1 on, 0 off, leakyRelu's slope) on each side, gives
 * the lines of Aˡ⁺¹. Layer by layer, from one interval (the whole domain),
 * this yields the output as exact linear pieces.
 */
import { ShapeError, ValueError, describeValue, plural } from '../core/errors.js';
import { type NetworkLayers, inputsOf, outputsOf } from '../core/types.js';
import type { Layer } from '../core/types.js';
import { checkOptions, checkWholeNumber } from '../core/validate.js';
import { bends, checkPiecewiseLinear } from './linear-region.js';

/** One linear piece of the output: y = slope·x + intercept for x in [from, to]. */
export interface Piece {
  from: number;
  to: number;
  slope: number;
  intercept: number;
}

/** Where one hidden neuron switches: its z crosses zero (layer and node count from 1). */
export interface NeuronKinks {
  layer: number;
  node: number;
  breakpoints: number[];
}

/** What `kinks(net, options)` finds: the output's breakpoints and pieces, and each hidden neuron's switch points. */
export interface Kinks {
  /** Sorted x inside the domain where the output's slope changes. */
  breakpoints: number[];
  /** The output as linear pieces covering the domain, left to right. */
  pieces: Piece[];
  /** Every hidden neuron, layer by layer: the x where its z crosses zero. */
  neurons: NeuronKinks[];
}

/** Where `kinks` looks (required) and how many pieces it may find. */
export interface KinksOptions {
  /** The interval of x to look at: [lo, hi], finite, lo < hi. */
  domain: readonly [number, number];
  /** The most linear pieces any layer may cut the domain into. Default KINKS_DEFAULTS.maxPieces. */
  maxPieces?: number;
}

/**
 * Every default of `kinks` (the domain is required): at most 100,000 linear
 * pieces. A deep network can have exponentially many (a 30-layer "tent map" of
 * width 2 has 2³⁰), which no memory holds; past the limit kinks answers an
 * error naming the layer, in milliseconds, instead of exhausting memory.
 */
export const KINKS_DEFAULTS = Object.freeze({ maxPieces: 100_000 });

/**
 * Crossings closer than this (relative to the domain's magnitude) to a cut
 * already made are merged into it: they are the same x up to rounding, and a
 * sliver that thin changes the output by less than slope change × 1e-12·|x|.
 */
export const KINK_MERGE_GAP = 1e-12;

/** Interval of x on which every neuron of a layer is a line: Aˡ(x) = slope·x + intercept. */
interface Segment {
  from: number;
  to: number;
  slope: Float64Array;
  intercept: Float64Array;
  /** |Wˡ|·…·|W¹| along the path, |g′| on the way: the size of the sums that made `slope` (for rounding). */
  size: Float64Array;
  /** zᵢ > 0 on this interval, per neuron. */
  on: Uint8Array;
}

/**
 * The exact kinks of a network with one input and one output on [lo, hi]:
 * the x where the output's slope changes, the output's linear pieces, and
 * where each hidden neuron switches on or off. A neuron that switches without
 * bending the output (its downstream weight is 0, or bends cancel) is listed
 * under `neurons` but not in `breakpoints`: neighbouring pieces whose slopes
 * differ by less than the rounding error of computing them are one piece.
 * net: layers [1, …, 1], activations relu / leakyRelu / linear → pieces in x.
 * @example kinks(Network.fromWeights([{ weights: [[1], [1]], biases: [-1, -2] }, { weights: [[1, 1]], biases: [0] }]), { domain: [0, 3] }).breakpoints //=> [1, 2]
 */
export function kinks(net: NetworkLayers, options: KinksOptions): Kinks {
  const where = 'kinks';
  checkPiecewiseLinear(net, where);
  if (inputsOf(net) !== 1 || outputsOf(net) !== 1) {
    throw new ShapeError(
      `${where}: the network has ${plural(inputsOf(net), 'input')} and ${plural(outputsOf(net), 'output')} but kinks follows one input x to one output (layers [1, …, 1]; for several inputs or outputs use linearRegion(net, x) for the linear map around a point)`,
    );
  }
  const checked = checkOptions(options, KINKS_DEFAULTS, where, ['domain']);
  const [lo, hi] = checkDomain(checked, where);
  const maxPieces = checkWholeNumber(checked.maxPieces ?? KINKS_DEFAULTS.maxPieces, where, 'maxPieces', 1);
  const gap = KINK_MERGE_GAP * Math.max(Math.abs(lo), Math.abs(hi), hi - lo);

  // Before layer 1 there is one interval, on which A⁰(x) = 1·x + 0.
  let segments: Segment[] = [
    {
      from: lo,
      to: hi,
      slope: Float64Array.of(1),
      intercept: Float64Array.of(0),
      size: Float64Array.of(1),
      on: new Uint8Array(1),
    },
  ];
  const neurons: NeuronKinks[] = [];
  const last = net.layers.length - 1;
  net.layers.forEach((layer, l) => {
    const cut = l < last || bends(layer.activation); // hidden crossings are listed even where nothing bends
    const next: Segment[] = [];
    for (const segment of segments) {
      next.push(...throughLayer(segment, layer, cut, gap)); // at most nOut + 1 pieces per segment
      if (next.length > maxPieces) {
        throw new ValueError(
          `${where}: layer ${l + 1} cuts [${lo}, ${hi}] into more than ${maxPieces} linear pieces (maxPieces, default KINKS_DEFAULTS.maxPieces; a deep network can have exponentially many: narrow the domain or raise maxPieces)`,
        );
      }
    }
    segments = next;
    if (l < last) neurons.push(...switches(segments, l + 1, layer.weights.rows));
  });
  const pieces = mergeEqualSlopes(segments, net);
  return { breakpoints: pieces.slice(1).map((piece) => piece.from), pieces, neurons };
}

/** One interval through one layer: Zˡ as lines, cut where a neuron's line crosses zero, then g′ applied on each side. */
function throughLayer(segment: Segment, layer: Layer, cut: boolean, gap: number): Segment[] {
  const { weights: W, biases: b, activation } = layer;
  const nOut = W.rows;
  const nIn = W.cols;
  // Zˡ(x) = zSlope·x + zIntercept on this interval.
  const zSlope = new Float64Array(nOut);
  const zIntercept = new Float64Array(nOut);
  const zSize = new Float64Array(nOut);
  for (let i = 0; i < nOut; i++) {
    let s = 0;
    let c = b.data[i];
    let m = 0;
    for (let j = 0; j < nIn; j++) {
      const w = W.data[i * nIn + j];
      s += w * segment.slope[j];
      c += w * segment.intercept[j];
      m += Math.abs(w) * segment.size[j];
    }
    zSlope[i] = s;
    zIntercept[i] = c;
    zSize[i] = m;
  }
  // Where each neuron's line crosses zero strictly inside the interval: x = −c/s.
  const cuts: number[] = [];
  if (cut) {
    for (let i = 0; i < nOut; i++) {
      const x = -zIntercept[i] / zSlope[i];
      if (zSlope[i] !== 0 && x > segment.from + gap && x < segment.to - gap) cuts.push(x);
    }
    cuts.sort((p, q) => p - q);
  }
  const out: Segment[] = [];
  let from = segment.from;
  for (const to of [...cuts, segment.to]) {
    if (to - from <= gap && to !== segment.to) continue; // the same x as the last cut, up to rounding
    const mid = from + (to - from) / 2;
    const slope = new Float64Array(nOut);
    const intercept = new Float64Array(nOut);
    const size = new Float64Array(nOut);
    const on = new Uint8Array(nOut);
    for (let i = 0; i < nOut; i++) {
      const z = zSlope[i] * mid + zIntercept[i];
      const g = activation.df(z); // 1 on, 0 off (leakyRelu: its slope); the same all over (from, to)
      slope[i] = g * zSlope[i];
      intercept[i] = g * zIntercept[i];
      size[i] = Math.abs(g) * zSize[i];
      on[i] = z > 0 ? 1 : 0;
    }
    out.push({ from, to, slope, intercept, size, on });
    from = to;
  }
  return out;
}

/** For each neuron of a layer, the x where its z changes sign between neighbouring intervals. */
function switches(segments: Segment[], layer: number, nOut: number): NeuronKinks[] {
  return Array.from({ length: nOut }, (_, i) => {
    const breakpoints: number[] = [];
    for (let k = 1; k < segments.length; k++) {
      if (segments[k].on[i] !== segments[k - 1].on[i]) breakpoints.push(segments[k].from);
    }
    return { layer, node: i + 1, breakpoints };
  });
}

/**
 * Joins neighbouring intervals whose output slopes are equal up to rounding.
 * A neuron can switch without bending the output (its downstream weight is 0,
 * or two neurons' bends cancel); both sides then have the same slope, and
 * since the output is continuous, the same intercept. Computed slopes carry
 * rounding error, at most about n·ε·Σ|terms| for a sum of n products (the
 * standard bound); `size` is that Σ|terms| along every path, and n the total
 * fan-in. Slopes closer than this bound are indistinguishable from equal.
 */
function mergeEqualSlopes(segments: Segment[], net: NetworkLayers): Piece[] {
  const n = net.layers.reduce((sum, layer) => sum + layer.weights.cols + 1, 0);
  const tolerance = 2 * n * Number.EPSILON;
  const pieces: Piece[] = [];
  let size = 0;
  for (const segment of segments) {
    const slope = segment.slope[0];
    const previous = pieces[pieces.length - 1];
    if (previous && Math.abs(slope - previous.slope) <= tolerance * (size + segment.size[0])) {
      previous.to = segment.to;
      continue;
    }
    // + 0 turns −0 into 0: an off ReLU times a negative intercept gives 0·(−1) = −0.
    pieces.push({ from: segment.from, to: segment.to, slope: slope + 0, intercept: segment.intercept[0] + 0 });
    size = segment.size[0];
  }
  return pieces;
}

/** Checks { domain: [lo, hi] }: two finite numbers, lo < hi. */
function checkDomain(options: unknown, where: string): [number, number] {
  const domain = (options as { domain?: unknown } | undefined)?.domain;
  if (!Array.isArray(domain) || domain.length !== 2) {
    throw new ValueError(
      `${where}: domain is ${describeValue(domain)} but it must be two numbers [lo, hi], e.g. kinks(net, { domain: [-3, 3] })`,
    );
  }
  const [lo, hi] = domain;
  if (typeof lo !== 'number' || typeof hi !== 'number' || !Number.isFinite(lo) || !Number.isFinite(hi)) {
    throw new ValueError(
      `${where}: domain is [${describeValue(lo)}, ${describeValue(hi)}] but both ends must be finite numbers`,
    );
  }
  if (!(lo < hi)) throw new ValueError(`${where}: domain is [${lo}, ${hi}] but lo must be less than hi`);
  return [lo, hi];
}
