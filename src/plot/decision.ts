/**
 * A two-input network over the plane: each small square of a grid coloured by
 * what the network predicts at its centre (a value, or a class when there are
 * several outputs), the data points on top. With `regions: true` each square
 * is coloured by its on/off pattern instead: which hidden ReLUs are active
 * there. Points sharing a pattern form one convex piece of the plane (every
 * neuron's z is affine in x while the earlier layers keep their pattern),
 * on which the network, up to its output activation, is one affine map: its
 * linear regions.
 */
import { ShapeError, ValueError, describeValue, formatShape, plural } from '../core/errors.js';
import { Matrix, type MatrixInput, toMatrix } from '../core/matrix.js';
import { traceLayers } from '../core/forward.js';
import { type NetworkLayers, outputsOf } from '../core/types.js';
import { checkOptions } from '../core/validate.js';
import {
  type Domain,
  type PlaneDomain,
  checkCount,
  checkFlag,
  checkNetworkShape,
  checkPlaneDomain,
  json,
  layersLabel,
  linspace,
} from './check.js';
import { colourRegions, onOffPatterns } from './regions.js';
import { type VegaLiteSpec, renderSvg, specStart } from './render.js';

/** Options of `plotDecision`: the square of the plane drawn, the data points, and whether to colour linear regions. */
export interface PlotDecisionOptions {
  /** The rectangle to draw: [lo, hi] for both inputs, or [[x1 lo, x1 hi], [x2 lo, x2 hi]]. */
  domain: PlaneDomain;
  /** Points to draw on top, in the library's layout: X is 2 × samples, Y (optional) is outputs × samples. */
  data?: { X: MatrixInput; Y?: MatrixInput };
  /** Colour the plane by each point's ReLU on/off pattern (its linear region) instead of the prediction. Default false. */
  regions?: boolean;
  /** Squares per axis. Default 60 (3,600 squares), or `regionsResolution` with `regions: true`. */
  resolution?: number;
  /** Squares per axis with `regions: true` when `resolution` is not given. Default 120 (runs of one pattern are merged, so it stays small). */
  regionsResolution?: number;
  /** Width and height of the square plot in pixels. Default 400. */
  size?: number;
  /** The title above the plot. Default: says what the colours show. */
  title?: string;
}

/** Every default of plotDecision, written once. */
export const PLOT_DECISION_DEFAULTS = Object.freeze({
  data: undefined, // no points
  regions: false,
  resolution: 60,
  regionsResolution: 120,
  size: 400,
  title: undefined, // says what the colours show
});

/**
 * The Vega-Lite spec of `plotDecision`: layer `plane` covers the rectangle with
 * resolution × resolution squares (a run of squares of one class or pattern up a
 * column is one rect), layer `data` holds one point per sample of `data.X`.
 * net: 2 inputs → a spec (plain JSON). Colours: the output value (1 output),
 * the argmax class (several outputs), or the on/off pattern (`regions: true`).
 * @example plotDecisionSpec(new Network({ layers: [2, 3, 1] }), { domain: [-1, 1], resolution: 10 }).layer[0].data.values.length //=> 100
 */
export function plotDecisionSpec(net: NetworkLayers, options: PlotDecisionOptions): VegaLiteSpec {
  const where = 'plotDecision';
  checkNetworkShape(net, where, { inputs: 2, hint: 'use plotFunction for a network of 1 input' });
  const o = readOptions(options, where);
  if (o.regions) checkRegions(net, where);
  const points = o.data === undefined ? undefined : checkData(net, o.data, where);
  const classes = outputsOf(net) > 1;

  const centres = squareCentres(o.domain, o.resolution); // 2 × resolution²
  const steps = traceLayers(net.layers, Matrix.from(centres), where);
  const Y = steps[steps.length - 1].a; // outputs × resolution²
  const patterns = o.regions ? onOffPatterns(steps) : [];
  const colours = centres[0].map((_, k) =>
    o.regions ? patterns[k] : classes ? `class ${argmax(Y, k) + 1}` : json(Y.get(0, k)),
  );
  const regionColours = o.regions ? colourRegions(patterns, o.resolution) : new Map<string, string>(); // touching regions never share a colour

  const x = {
    field: 'x1',
    type: 'quantitative',
    title: 'x₁',
    scale: { domain: o.domain[0], nice: false, zero: false },
  };
  const y = {
    field: 'x2',
    type: 'quantitative',
    title: 'x₂',
    scale: { domain: o.domain[1], nice: false, zero: false },
  };
  const classNames = Array.from({ length: outputsOf(net) }, (_, i) => `class ${i + 1}`);
  const labels = points?.map((p) => p.label).filter((l) => l !== undefined) ?? [];
  const binary = labels.length > 0 && labels.every((l) => l === 0 || l === 1);
  const sigmoid = net.layers[net.layers.length - 1].activation.name === 'sigmoid';
  const colour = o.regions
    ? {
        field: 'colour',
        type: 'nominal',
        scale: { domain: [...regionColours.keys()], range: [...regionColours.values()] },
        legend: regionColours.size <= 12 ? { title: 'on/off pattern' } : null,
      }
    : classes
      ? { field: 'colour', type: 'nominal', title: 'predicted', scale: { domain: classNames, scheme: 'pastel1' } }
      : {
          field: 'colour',
          type: 'quantitative',
          title: 'ŷ',
          scale: { scheme: 'blueorange', ...(sigmoid || binary ? { domainMid: 0.5 } : {}) },
        };

  const layers: VegaLiteSpec[] = [
    {
      name: 'plane',
      data: { values: planeRects(colours, o.domain, o.resolution) },
      mark: { type: 'rect', strokeWidth: 0, aria: false }, // no per-square label: keeps the SVG small
      encoding: { x, x2: { field: 'x1end' }, y, y2: { field: 'x2end' }, color: colour },
    },
  ];
  const pointsLayer =
    points === undefined ? undefined : dataLayer(points, labels, { regions: o.regions, classes, binary, classNames });
  if (pointsLayer) layers.push(pointsLayer.layer);

  const what = o.regions
    ? `${plural(regionColours.size, 'linear region')} visible: one colour per on/off pattern of the hidden neurons`
    : classes
      ? 'the predicted class (largest output) at each point'
      : 'the prediction ŷ at each point';
  const title = o.title ?? (o.regions ? 'Linear regions of the network' : 'What the network predicts over the plane');
  return {
    ...specStart(title, `${layersLabel(net)}: ${what}`, { grid: false }),
    width: o.size,
    height: o.size,
    layer: layers,
    ...(pointsLayer?.ownColours ? { resolve: { scale: { color: 'independent' } } } : {}),
  };
}

/** Linear regions need piecewise-linear hidden layers: throws naming the first that is not. */
function checkRegions(net: NetworkLayers, where: string): void {
  const smooth = net.layers.slice(0, -1).findIndex((layer) => !layer.activation.piecewiseLinear);
  if (smooth >= 0) {
    throw new ValueError(
      `${where}: regions need hidden layers that are piecewise linear (relu, leakyRelu, linear) but layer ${smooth + 1} is ${net.layers[smooth].activation.name}, which bends everywhere: it has no linear regions (draw the prediction instead: regions: false)`,
    );
  }
}

/** The centre of every one of n × n squares, as the columns of one 2 × n² matrix: column k = i·n + j is (c1[i], c2[j]). */
function squareCentres([[x1lo, x1hi], [x2lo, x2hi]]: [Domain, Domain], n: number): number[][] {
  const half1 = (x1hi - x1lo) / n / 2;
  const half2 = (x2hi - x2lo) / n / 2;
  const c1 = linspace(x1lo + half1, x1hi - half1, n);
  const c2 = linspace(x2lo + half2, x2hi - half2, n);
  const centres: number[][] = [[], []];
  for (const a of c1) {
    for (const b of c2) {
      centres[0].push(a);
      centres[1].push(b);
    }
  }
  return centres;
}

/** One rect per square, coloured; a run of one class or pattern up a column is one rect (a smaller SVG). */
function planeRects(colours: (string | number)[], [[x1lo, x1hi], [x2lo, x2hi]]: [Domain, Domain], n: number) {
  const edge = (lo: number, hi: number, i: number) => (i === n ? hi : lo + ((hi - lo) * i) / n);
  const plane: { x1: number; x1end: number; x2: number; x2end: number; colour: string | number }[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const colour = colours[i * n + j];
      const below = plane[plane.length - 1];
      if (typeof colour === 'string' && j > 0 && below.colour === colour) {
        below.x2end = edge(x2lo, x2hi, j + 1);
        continue;
      }
      plane.push({
        x1: edge(x1lo, x1hi, i),
        x1end: edge(x1lo, x1hi, i + 1),
        x2: edge(x2lo, x2hi, j),
        x2end: edge(x2lo, x2hi, j + 1),
        colour,
      });
    }
  }
  return plane;
}

/**
 * The layer of data points. How the points show their labels: on the regions, in white, shaped by class; on a class map, in the
 * strong twin of the pastel class colours; labels 0/1 in white/black; other numbers on the ŷ scale, to compare.
 * `ownColours`: the points' colours have their own scale and legend.
 */
function dataLayer(
  points: ReturnType<typeof checkData>,
  labels: unknown[],
  {
    regions,
    classes,
    binary,
    classNames,
  }: { regions: boolean; classes: boolean; binary: boolean; classNames: string[] },
): { layer: VegaLiteSpec; ownColours: boolean } {
  const pointColour =
    labels.length === 0 || regions
      ? undefined
      : classes
        ? { field: 'label', type: 'nominal', title: 'label', scale: { domain: classNames, scheme: 'set1' } }
        : binary
          ? {
              field: 'label',
              type: 'nominal',
              title: 'label',
              scale: { domain: [0, 1], range: ['#ffffff', '#111111'] },
            }
          : { field: 'label', type: 'quantitative' };
  const layer = {
    name: 'data',
    data: { values: points },
    mark: {
      type: 'point',
      filled: true,
      size: 40,
      stroke: '#222222',
      strokeWidth: 1,
      opacity: 1,
      ...(pointColour ? {} : { fill: 'white' }),
    },
    encoding: {
      x: { field: 'x1', type: 'quantitative' },
      y: { field: 'x2', type: 'quantitative' },
      ...(pointColour ? { color: pointColour } : {}),
      ...(regions && labels.length > 0 && (classes || binary)
        ? { shape: { field: 'label', type: 'nominal', title: 'label' } }
        : {}),
      description: { field: 'description' },
    },
  };
  return { layer, ownColours: pointColour !== undefined && pointColour.type === 'nominal' };
}

/**
 * A two-input network's prediction (or linear regions) over the plane as an SVG string, data points on top.
 * @example await plotDecision(new Network({ layers: [2, 4, 1] }), { domain: [-2, 2], data: { X: [[0, 1], [1, 0]], Y: [[1, 0]] }, regions: true }) //=> '<svg xmlns="http://www.w3.org/2000/svg" …</svg>'
 */
export async function plotDecision(net: NetworkLayers, options: PlotDecisionOptions): Promise<string> {
  const svg = await renderSvg(plotDecisionSpec(net, options), 'plotDecision');
  // Squares meet at fractional pixels; crisp edges keep anti-aliasing from drawing a pale seam between them.
  return svg.replace('class="mark-rect role-mark plane_marks"', '$& shape-rendering="crispEdges"');
}

interface Checked {
  domain: [Domain, Domain];
  data?: { X: MatrixInput; Y?: MatrixInput };
  regions: boolean;
  resolution: number;
  size: number;
  title?: string;
}

function readOptions(options: PlotDecisionOptions, where: string): Checked {
  if (typeof options !== 'object' || options === null) {
    throw new ValueError(
      `${where}: options are ${describeValue(options)} but they must give at least the domain, e.g. { domain: [-2, 2] }`,
    );
  }
  checkOptions(options, PLOT_DECISION_DEFAULTS, where, ['domain']);
  const D = PLOT_DECISION_DEFAULTS;
  const regions = options.regions === undefined ? D.regions : checkFlag(options.regions, where, 'regions');
  const regionsResolution =
    options.regionsResolution === undefined
      ? D.regionsResolution
      : checkCount(options.regionsResolution, where, 'regionsResolution', 2, 400);
  return {
    domain: checkPlaneDomain(options.domain, where),
    data: options.data,
    regions,
    resolution:
      options.resolution === undefined
        ? regions
          ? regionsResolution
          : D.resolution
        : checkCount(options.resolution, where, 'resolution', 2, 400),
    size: options.size === undefined ? D.size : checkCount(options.size, where, 'size', 50, 5000),
    title: options.title === undefined ? undefined : String(options.title),
  };
}

/** The data points as rows for the plot: X must be 2 × samples; Y, if given, outputs × samples. */
function checkData(net: NetworkLayers, data: { X: MatrixInput; Y?: MatrixInput }, where: string) {
  if (typeof data !== 'object' || data === null) {
    throw new ValueError(
      `${where}: data is ${describeValue(data)} but it must be { X, Y } (X: 2 × samples, Y: outputs × samples)`,
    );
  }
  const X = toMatrix(data.X, where, 'data.X');
  if (X.rows !== 2) {
    throw new ShapeError(
      `${where}: data.X is ${formatShape(X.rows, X.cols)} but the network has 2 inputs (X needs one row per input and one column per sample${X.cols === 2 ? '; transpose data with one row per sample' : ''})`,
    );
  }
  const Y = data.Y === undefined ? undefined : toMatrix(data.Y, where, 'data.Y');
  if (Y !== undefined && (Y.rows !== outputsOf(net) || Y.cols !== X.cols)) {
    throw new ShapeError(
      `${where}: data.Y is ${formatShape(Y.rows, Y.cols)} but it must be ${formatShape(outputsOf(net), X.cols)} (one row per output of the network, one column per sample of data.X)`,
    );
  }
  return Array.from({ length: X.cols }, (_, j) => {
    const label = Y === undefined ? undefined : Y.rows > 1 ? `class ${argmax(Y, j) + 1}` : json(Y.get(0, j));
    return {
      x1: json(X.get(0, j)),
      x2: json(X.get(1, j)),
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
