/**
 * The article's picture: a one-input network's prediction ŷ(x) drawn over an
 * interval, with every exact kink marked, and beneath it, one panel per hidden
 * layer, each neuron's own kinked line aˡ(x) with the points where it switches.
 */
import { ShapeError, ValueError, describeValue, formatShape } from '../core/errors.js';
import { Matrix, type MatrixInput, toMatrix } from '../core/matrix.js';
import { type TraceStep, traceLayers } from '../core/forward.js';
import type { NetworkLayers } from '../core/types.js';
import { checkOptions } from '../core/validate.js';
import { kinks as findKinks } from '../inspect/kinks.js';
import { isPiecewiseLinear } from '../inspect/linear-region.js';
import {
  type Domain,
  checkCount,
  checkDomain,
  checkFlag,
  checkNetworkShape,
  formatNumber,
  json,
  layersLabel,
  linspace,
} from './check.js';
import { type VegaLiteSpec, renderSvg, specStart } from './render.js';

/** Options of `plotFunction`: the x range, kink markers, each hidden neuron's line, and data points. */
export interface PlotFunctionOptions {
  /** The interval of x to draw: [lo, hi]. */
  domain: Domain;
  /** Mark every kink of ŷ(x) (exact, from `kinks`). Default: true when every activation is piecewise linear. */
  kinks?: boolean;
  /** Add one panel per hidden layer with each neuron's aˡ(x) beneath the prediction. Default false. */
  neurons?: boolean;
  /** Points to draw behind the line, in the library's layout: X is 1 × samples, Y is 1 × samples (e.g. the training data). */
  data?: { X: MatrixInput; Y: MatrixInput };
  /** Evenly spaced x at which the lines are evaluated, besides every kink (which makes a ReLU net's lines exact). Default 201. */
  samples?: number;
  /** Width of each panel in pixels. Default 480. */
  width?: number;
  /** Height of the prediction panel in pixels (neuron panels are 3/5 of it). Default 260. */
  height?: number;
  /** The title above the figure. Default "What the network computes: ŷ(x)". */
  title?: string;
}

/** Every default of plotFunction, written once. */
export const PLOT_FUNCTION_DEFAULTS = Object.freeze({
  kinks: undefined, // true when every activation is piecewise linear
  neurons: false,
  data: undefined, // no points
  samples: 201,
  width: 480,
  height: 260,
  title: 'What the network computes: ŷ(x)',
});

/** Colour of the prediction line and of the kink markers. */
const PREDICTION_COLOR = '#1f5f99';
const KINK_COLOR = '#d62728';

/**
 * The Vega-Lite spec of `plotFunction`: ŷ(x) over the domain as a line, one red
 * diamond per kink (layer `kinks`, one point per breakpoint of `kinks(net)`),
 * and with `neurons: true` one panel per hidden layer of aˡ(x), node by node.
 * net: 1 input, 1 output → a spec (plain JSON) to render with vega or vega-embed.
 * @example plotFunctionSpec(new Network({ layers: [1, 2, 2, 1] }), { domain: [-2, 2] }).vconcat[0].layer.map((l) => l.name) //=> ['kink_rules', 'prediction', 'kinks']
 */
export function plotFunctionSpec(net: NetworkLayers, options: PlotFunctionOptions): VegaLiteSpec {
  const where = 'plotFunction';
  const o = readOptions(net, options, where);
  const [lo, hi] = o.domain;

  // Exact kinks of ŷ and of every hidden neuron (for a piecewise-linear network).
  const found = o.kinks ? findKinks(net, { domain: o.domain }) : undefined;
  const inside = (x: number) => x >= lo && x <= hi;
  const points = options.data === undefined ? [] : checkData(options.data, where).filter((p) => inside(p.x)); // the domain's only
  const breakpoints = (found?.breakpoints ?? []).filter(inside);
  const switches = (found?.neurons ?? []).map((n) => ({ ...n, breakpoints: n.breakpoints.filter(inside) }));

  // Evaluate at the grid plus every breakpoint: between breakpoints a ReLU net is a straight line,
  // so joining these points draws it exactly.
  const xs = [
    ...new Set([...linspace(lo, hi, o.samples), ...breakpoints, ...switches.flatMap((n) => n.breakpoints)].map(json)),
  ].sort((a, b) => a - b);
  const steps = traceLayers(net.layers, Matrix.from([xs]), where); // one entry per layer: z, a are nOut × xs.length
  const yHat = steps[steps.length - 1].a;
  const at = new Map(xs.map((x, j) => [x, j]));

  const curve = xs.map((x, j) => ({ x, y: json(yHat.get(0, j)) }));
  const kinkRows = breakpoints.map((x, k) => {
    const y = json(yHat.get(0, at.get(x)!));
    return { x: json(x), y, label: `kink ${k + 1} at x = ${formatNumber(x)}, ŷ = ${formatNumber(y)}` };
  });

  const xScale = { domain: [lo, hi], nice: false, zero: false };
  const main: VegaLiteSpec = {
    width: o.width,
    height: o.height,
    data: { values: curve },
    layer: [
      ...(points.length > 0
        ? [
            {
              name: 'data',
              data: { values: points },
              mark: { type: 'point', filled: true, size: 16, color: '#999999', opacity: 0.6 },
              encoding: {
                x: { field: 'x', type: 'quantitative' },
                y: { field: 'y', type: 'quantitative' },
                description: { field: 'label' },
              },
            },
          ]
        : []),
      ...(o.kinks
        ? [
            {
              name: 'kink_rules',
              data: { values: kinkRows },
              mark: { type: 'rule', color: '#bbbbbb', strokeDash: [4, 4] },
              encoding: { x: { field: 'x', type: 'quantitative' } },
            },
          ]
        : []),
      {
        name: 'prediction',
        mark: { type: 'line', color: PREDICTION_COLOR, strokeWidth: 2.5 },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: 'x (input)', scale: xScale },
          y: { field: 'y', type: 'quantitative', title: 'ŷ (prediction)', scale: { zero: false } },
        },
      },
      ...(o.kinks
        ? [
            {
              name: 'kinks',
              data: { values: kinkRows },
              mark: {
                type: 'point',
                shape: 'diamond',
                filled: true,
                size: 110,
                color: KINK_COLOR,
                opacity: 1,
                stroke: 'white',
                strokeWidth: 1,
              },
              encoding: {
                x: { field: 'x', type: 'quantitative' },
                y: { field: 'y', type: 'quantitative' },
                description: { field: 'label' },
                tooltip: [{ field: 'label', title: 'kink' }],
              },
            },
          ]
        : []),
    ],
  };

  const panels = o.neurons ? neuronPanels(net, steps, xs, at, switches, o, xScale) : [];
  const count = breakpoints.length;
  const subtitle = o.kinks
    ? `${layersLabel(net)}: ${count} ${count === 1 ? 'kink' : 'kinks'} (red ◆), found exactly, not sampled`
    : layersLabel(net);
  return {
    ...specStart(o.title, subtitle),
    vconcat: [main, ...panels],
    resolve: { legend: { color: 'independent' } }, // each neuron panel keeps its legend beside it
    spacing: 18,
  };
}

/**
 * ŷ(x) of a one-input, one-output network as an SVG string, every exact kink
 * marked with a red diamond (an SVG path with aria-label "kink k at x = …"
 * inside the group of class `kinks_marks`), optionally each hidden neuron's aˡ(x) beneath.
 * @example await plotFunction(new Network({ layers: [1, 2, 2, 1] }), { domain: [-2, 2], neurons: true }) //=> '<svg xmlns="http://www.w3.org/2000/svg" …</svg>'
 */
export async function plotFunction(net: NetworkLayers, options: PlotFunctionOptions): Promise<string> {
  return renderSvg(plotFunctionSpec(net, options), 'plotFunction');
}

type Checked = Required<Omit<PlotFunctionOptions, 'data'>>;

/** The data points as rows for the plot: X and Y both 1 × samples. */
function checkData(data: { X: MatrixInput; Y: MatrixInput }, where: string) {
  if (typeof data !== 'object' || data === null) {
    throw new ValueError(
      `${where}: data is ${describeValue(data)} but it must be { X, Y } (X: 1 × samples, Y: 1 × samples)`,
    );
  }
  const X = toMatrix(data.X, where, 'data.X');
  const Y = toMatrix(data.Y, where, 'data.Y');
  if (X.rows !== 1 || Y.rows !== 1 || Y.cols !== X.cols) {
    throw new ShapeError(
      `${where}: data.X is ${formatShape(X.rows, X.cols)} and data.Y is ${formatShape(Y.rows, Y.cols)} but both must be 1×${X.cols} (one input and one target per sample, one column per sample)`,
    );
  }
  return Array.from({ length: X.cols }, (_, j) => ({
    x: json(X.get(0, j)),
    y: json(Y.get(0, j)),
    label: `sample ${j + 1}`,
  }));
}

function readOptions(net: NetworkLayers, options: PlotFunctionOptions, where: string): Checked {
  checkNetworkShape(net, where, { inputs: 1, outputs: 1, hint: 'use plotDecision for a network of 2 inputs' });
  if (typeof options !== 'object' || options === null) {
    throw new ValueError(
      `${where}: options are missing but they must give at least the domain, e.g. { domain: [-2, 2] }`,
    );
  }
  checkOptions(options, PLOT_FUNCTION_DEFAULTS, where, ['domain']);
  const D = PLOT_FUNCTION_DEFAULTS;
  const kinks = options.kinks === undefined ? isPiecewiseLinear(net) : checkFlag(options.kinks, where, 'kinks');
  return {
    domain: checkDomain(options.domain, where),
    kinks,
    neurons: options.neurons === undefined ? D.neurons : checkFlag(options.neurons, where, 'neurons'),
    samples: options.samples === undefined ? D.samples : checkCount(options.samples, where, 'samples', 2, 100_000),
    width: options.width === undefined ? D.width : checkCount(options.width, where, 'width', 50, 5000),
    height: options.height === undefined ? D.height : checkCount(options.height, where, 'height', 50, 5000),
    title: options.title === undefined ? D.title : String(options.title),
  };
}

/** One panel per hidden layer: aˡ(x) of each of its neurons, with a ring where each one switches on or off. */
function neuronPanels(
  net: NetworkLayers,
  steps: TraceStep[],
  xs: number[],
  at: Map<number, number>,
  switches: { layer: number; node: number; breakpoints: number[] }[],
  o: Checked,
  xScale: object,
): VegaLiteSpec[] {
  return steps.slice(0, -1).map(({ layer, a }) => {
    const lines = [];
    const nodes = Array.from({ length: a.rows }, (_, i) => `node ${i + 1}`);
    for (let i = 0; i < a.rows; i++) {
      for (let j = 0; j < xs.length; j++) lines.push({ x: xs[j], a: json(a.get(i, j)), node: nodes[i] });
    }
    const rings = switches
      .filter((n) => n.layer === layer)
      .flatMap((n) =>
        n.breakpoints.map((x) => ({
          x: json(x),
          a: json(a.get(n.node - 1, at.get(x)!)),
          node: `node ${n.node}`,
          label: `layer ${layer} node ${n.node} switches at x = ${formatNumber(x)}`,
        })),
      );
    const g = net.layers[layer - 1].activation.name;
    return {
      width: o.width,
      height: Math.round((o.height * 3) / 5),
      title: {
        text: `Layer ${layer}: each neuron's a = ${g}(z) as x moves`,
        anchor: 'start',
        frame: 'group',
        fontSize: 12,
        fontWeight: 'normal',
      },
      layer: [
        {
          name: `layer_${layer}_neurons`,
          data: { values: lines },
          mark: { type: 'line', strokeWidth: 1.8 },
          encoding: {
            x: { field: 'x', type: 'quantitative', title: 'x (input)', scale: xScale },
            y: { field: 'a', type: 'quantitative', title: `a${superscript(layer)}` },
            color: {
              field: 'node',
              type: 'nominal',
              title: `layer ${layer}`,
              sort: nodes,
              scale: { scheme: nodes.length <= 8 ? 'dark2' : 'tableau20' }, // wider layers: more colours, then repeats
              legend: { columns: Math.ceil(nodes.length / 12) }, // at most 12 rows beside a panel
            },
          },
        },
        ...(o.kinks
          ? [
              {
                name: `layer_${layer}_switches`,
                data: { values: rings },
                mark: { type: 'point', filled: false, size: 60, strokeWidth: 1.8, color: '#333333', opacity: 1 },
                encoding: {
                  x: { field: 'x', type: 'quantitative' },
                  y: { field: 'a', type: 'quantitative' },
                  description: { field: 'label' },
                },
              },
            ]
          : []),
      ],
    };
  });
}

function superscript(n: number): string {
  return String(n).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]);
}
