/**
 * A two-input network over the plane: each small square of a grid coloured by
 * what the network predicts at its centre (a value, or a class when there are
 * several outputs), the data points on top. With `regions: true` each square
 * is coloured by its on/off pattern instead: which hidden ReLUs are active
 * there. Points sharing a pattern form one convex piece of the plane (every
 * neuron's z is affine in x while the earlier layers keep their pattern),
 * on which the network is one affine map: its linear regions.
 */
import { ShapeError, ValueError, describeValue, formatShape, plural } from '../errors.js';
import { type Matrix, type MatrixInput, toMatrix } from '../matrix.js';
import type { Network } from '../network.js';
import { type Domain, type PlaneDomain, checkCount, checkFlag, checkNetwork, checkPlaneDomain, linspace } from './check.js';
import { type VegaLiteSpec, VEGA_LITE_SCHEMA, renderSvg } from './render.js';

export interface PlotDecisionOptions {
  /** The rectangle to draw: [lo, hi] for both inputs, or [[x1 lo, x1 hi], [x2 lo, x2 hi]]. */
  domain: PlaneDomain;
  /** Points to draw on top, in the library's layout: X is 2 × samples, Y (optional) is outputs × samples. */
  data?: { X: MatrixInput; Y?: MatrixInput };
  /** Colour the plane by each point's ReLU on/off pattern (its linear region) instead of the prediction. Default false. */
  regions?: boolean;
  /** Squares per axis. Default 60 (3,600 squares). */
  resolution?: number;
  /** Width and height of the square plot in pixels. Default 400. */
  size?: number;
  /** The title above the plot. Default: says what the colours show. */
  title?: string;
}

/** Every default of plotDecision, written once. */
export const PLOT_DECISION_DEFAULTS = Object.freeze({ regions: false, resolution: 60, size: 400 });

/**
 * The Vega-Lite spec of `plotDecision`: layer `plane` holds one rect per grid
 * square (resolution² of them), layer `data` one point per sample of `data.X`.
 * net: 2 inputs → a spec (plain JSON). Colours: the output value (1 output),
 * the argmax class (several outputs), or the on/off pattern (`regions: true`).
 * @example plotDecisionSpec(net, { domain: [-1, 1], resolution: 10 }).layer[0].data.values.length //=> 100
 */
export function plotDecisionSpec(net: Network, options: PlotDecisionOptions): VegaLiteSpec {
  const where = 'plotDecision';
  checkNetwork(net, where, { inputs: 2, hint: 'use plotFunction for a network of 1 input' });
  const o = checkOptions(options, where);
  const points = o.data === undefined ? undefined : checkData(net, o.data, where);
  const classes = net.outputs > 1;

  // The centre of every square, as the columns of one 2 × resolution² matrix.
  const [[x1lo, x1hi], [x2lo, x2hi]] = o.domain;
  const n = o.resolution;
  const w1 = (x1hi - x1lo) / n;
  const w2 = (x2hi - x2lo) / n;
  const c1 = linspace(x1lo + w1 / 2, x1hi - w1 / 2, n);
  const c2 = linspace(x2lo + w2 / 2, x2hi - w2 / 2, n);
  const centres: number[][] = [[], []]; // column k = i·n + j is the point (c1[i], c2[j])
  for (const a of c1) {
    for (const b of c2) {
      centres[0].push(a);
      centres[1].push(b);
    }
  }
  const steps = net.trace(centres);
  const Y = steps[steps.length - 1].a; // outputs × resolution²
  const patterns = o.regions ? onOffPatterns(steps) : [];

  const plane = centres[0].map((x1, k) => {
    const x2 = centres[1][k];
    const cell = { x1: x1 - w1 / 2, x1end: x1 + w1 / 2, x2: x2 - w2 / 2, x2end: x2 + w2 / 2 };
    if (o.regions) return { ...cell, colour: patterns[k] };
    return { ...cell, colour: classes ? `class ${argmax(Y, k) + 1}` : Y.get(0, k) };
  });
  const regionCount = new Set(patterns).size;

  const x = { field: 'x1', type: 'quantitative', title: 'x₁', scale: { domain: o.domain[0], nice: false, zero: false } };
  const y = { field: 'x2', type: 'quantitative', title: 'x₂', scale: { domain: o.domain[1], nice: false, zero: false } };
  const midpoint = net.layers[net.layers.length - 1].activation.name === 'sigmoid' ? 0.5 : undefined;
  const colour = o.regions
    ? { field: 'colour', type: 'nominal', scale: { scheme: 'tableau20' }, legend: regionCount <= 12 ? { title: 'on/off pattern' } : null }
    : classes
      ? { field: 'colour', type: 'nominal', title: 'predicted', scale: { scheme: 'tableau10' } }
      : { field: 'colour', type: 'quantitative', title: 'ŷ', scale: { scheme: 'blueorange', ...(midpoint === undefined ? {} : { domainMid: midpoint }) } };

  const layers: VegaLiteSpec[] = [
    {
      name: 'plane',
      data: { values: plane },
      mark: { type: 'rect', opacity: o.regions ? 0.85 : classes ? 0.45 : 0.9, strokeWidth: 0 },
      encoding: { x, x2: { field: 'x1end' }, y, y2: { field: 'x2end' }, color: colour },
    },
  ];
  if (points !== undefined) {
    // On the prediction, a point is coloured by its own label on the same scale, so a
    // misclassified point stands out; on the regions, points are plain, shaped by class.
    const colourPoints = !o.regions && points.some((p) => p.label !== undefined);
    layers.push({
      name: 'data',
      data: { values: points },
      mark: { type: 'point', filled: true, size: 36, stroke: '#222222', strokeWidth: 1, opacity: 1, ...(colourPoints ? {} : { fill: 'white' }) },
      encoding: {
        x: { field: 'x1', type: 'quantitative' },
        y: { field: 'x2', type: 'quantitative' },
        ...(colourPoints ? { color: { field: 'label', type: classes ? 'nominal' : 'quantitative' } } : {}),
        ...(o.regions && classes ? { shape: { field: 'label', type: 'nominal', title: 'label' } } : {}),
        description: { field: 'description' },
      },
    });
  }

  const what = o.regions
    ? `${plural(regionCount, 'linear region')} visible: one colour per on/off pattern of the hidden neurons`
    : classes
      ? 'the predicted class (largest output) at each point'
      : 'the prediction ŷ at each point';
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: o.title ?? (o.regions ? 'Linear regions of the network' : 'What the network predicts over the plane'), subtitle: `layers ${JSON.stringify(net.sizes)}: ${what}`, anchor: 'start', fontSize: 15, subtitleFontSize: 12, subtitleColor: '#555' },
    background: 'white',
    width: o.size,
    height: o.size,
    layer: layers,
    config: { font: 'sans-serif', view: { stroke: '#dddddd' }, axis: { grid: false, labelFontSize: 11, titleFontSize: 12 } },
  };
}

/**
 * A two-input network's prediction (or linear regions) over the plane as an SVG string, data points on top.
 * @example await plotDecision(net, { domain: [-2, 2], data: { X, Y }, regions: true }) //=> '<svg xmlns="http://www.w3.org/2000/svg" …</svg>'
 */
export async function plotDecision(net: Network, options: PlotDecisionOptions): Promise<string> {
  return renderSvg(plotDecisionSpec(net, options), 'plotDecision');
}

/**
 * Each column's on/off pattern: one bit per hidden neuron (1 where zˡ > 0), layers split by '|'.
 * @example onOffPatterns(net.trace([[0.5], [-1]]))[0] //=> '10|01'
 */
export function onOffPatterns(steps: { z: Matrix }[]): string[] {
  const hidden = steps.slice(0, -1);
  const samples = steps[0].z.cols;
  return Array.from({ length: samples }, (_, j) =>
    hidden.map(({ z }) => Array.from({ length: z.rows }, (_, i) => (z.get(i, j) > 0 ? '1' : '0')).join('')).join('|'),
  );
}

interface Checked {
  domain: [Domain, Domain];
  data?: { X: MatrixInput; Y?: MatrixInput };
  regions: boolean;
  resolution: number;
  size: number;
  title?: string;
}

function checkOptions(options: PlotDecisionOptions, where: string): Checked {
  if (typeof options !== 'object' || options === null) {
    throw new ValueError(`${where}: options are ${describeValue(options)} but they must give at least the domain, e.g. { domain: [-2, 2] }`);
  }
  const D = PLOT_DECISION_DEFAULTS;
  return {
    domain: checkPlaneDomain(options.domain, where),
    data: options.data,
    regions: options.regions === undefined ? D.regions : checkFlag(options.regions, where, 'regions'),
    resolution: options.resolution === undefined ? D.resolution : checkCount(options.resolution, where, 'resolution', 2, 400),
    size: options.size === undefined ? D.size : checkCount(options.size, where, 'size', 50, 5000),
    title: options.title === undefined ? undefined : String(options.title),
  };
}

/** The data points as rows for the plot: X must be 2 × samples; Y, if given, outputs × samples. */
function checkData(net: Network, data: { X: MatrixInput; Y?: MatrixInput }, where: string) {
  if (typeof data !== 'object' || data === null) {
    throw new ValueError(`${where}: data is ${describeValue(data)} but it must be { X, Y } (X: 2 × samples, Y: outputs × samples)`);
  }
  const X = toMatrix(data.X, where, 'data.X');
  if (X.rows !== 2) {
    throw new ShapeError(
      `${where}: data.X is ${formatShape(X.rows, X.cols)} but the network has 2 inputs (X needs one row per input and one column per sample${X.cols === 2 ? '; transpose data with one row per sample' : ''})`,
    );
  }
  const Y = data.Y === undefined ? undefined : toMatrix(data.Y, where, 'data.Y');
  if (Y !== undefined && (Y.rows !== net.outputs || Y.cols !== X.cols)) {
    throw new ShapeError(
      `${where}: data.Y is ${formatShape(Y.rows, Y.cols)} but it must be ${formatShape(net.outputs, X.cols)} (one row per output of the network, one column per sample of data.X)`,
    );
  }
  return Array.from({ length: X.cols }, (_, j) => {
    const label = Y === undefined ? undefined : Y.rows > 1 ? `class ${argmax(Y, j) + 1}` : Y.get(0, j);
    return {
      x1: X.get(0, j),
      x2: X.get(1, j),
      label,
      description: `sample ${j + 1} at (${X.get(0, j)}, ${X.get(1, j)})${label === undefined ? '' : `, label ${label}`}`,
    };
  });
}

/** The row of column j's largest entry (the first one on a tie). */
function argmax(M: Matrix, j: number): number {
  let best = 0;
  for (let i = 1; i < M.rows; i++) if (M.get(i, j) > M.get(best, j)) best = i;
  return best;
}
