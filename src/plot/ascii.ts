/**
 * The terminal twin of plotFunction: ŷ(x) as a text chart (drawn by the
 * asciichart package) with a ▲ under every exact kink, for Node scripts that
 * print rather than write files.
 */
import { plot } from 'asciichart';
import { ValueError, describeValue } from '../core/errors.js';
import { forward } from '../core/forward.js';
import { Matrix } from '../core/matrix.js';
import type { NetworkLayers } from '../core/types.js';
import { checkOptions } from '../core/validate.js';
import { kinks as findKinks } from '../inspect/kinks.js';
import { isPiecewiseLinear } from '../inspect/linear-region.js';
import { type Domain, checkCount, checkDomain, checkFlag, checkNetworkShape, formatNumber, linspace } from './check.js';

/** Options of `asciiPlot`: the x range and the size of the chart in characters. */
export interface AsciiPlotOptions {
  /** The interval of x to draw: [lo, hi]. */
  domain: Domain;
  /** Columns of the chart: ŷ is evaluated at this many evenly spaced x. Default 60. */
  width?: number;
  /** Rows of the chart. Default 12. */
  height?: number;
  /** Mark every kink with ▲ under the chart. Default: true when every activation is piecewise linear. */
  kinks?: boolean;
}

/** Every default of asciiPlot, written once. */
export const ASCII_PLOT_DEFAULTS = Object.freeze({
  width: 60,
  height: 12,
  kinks: undefined /* true when every activation is piecewise linear */,
});

/** Width of the y labels, so the chart's columns line up with the x axis beneath. */
const LABEL_WIDTH = 9;

/**
 * ŷ(x) of a one-input, one-output network as lines of text: the chart, an x
 * axis with ▲ at each kink's column, the domain's ends, and the kinks' exact x.
 * Column j (from 0) is x = lo + j·(hi − lo)/(width − 1); the chart's rows round ŷ to `height` steps.
 * @example
 * const net = Network.fromWeights([{ weights: [[1], [1]], biases: [0, -1] }, { weights: [[1, -2]], biases: [0] }]); // ŷ = relu(x) − 2·relu(x − 1)
 * asciiPlot(net, { domain: [-1, 2], width: 31, height: 4 })
 * //=>     1.00 ┼                  ╭──╮
 * //       0.75 ┤                ╭─╯  ╰─╮
 * //       0.50 ┤             ╭──╯      ╰──╮
 * //       0.25 ┤           ╭─╯            ╰─╮
 * //       0.00 ┼───────────╯                ╰─
 * //            └──────────▲─────────▲─────────
 * //            -1                            2
 * //            ▲ 2 kinks at x = 0, 1
 */
export function asciiPlot(net: NetworkLayers, options: AsciiPlotOptions): string {
  const where = 'asciiPlot';
  checkNetworkShape(net, where, { inputs: 1, outputs: 1, hint: 'asciiPlot draws ŷ(x) for one input and one output' });
  if (typeof options !== 'object' || options === null) {
    throw new ValueError(
      `${where}: options are ${describeValue(options)} but they must give at least the domain, e.g. { domain: [-2, 2] }`,
    );
  }
  checkOptions(options, ASCII_PLOT_DEFAULTS, where, ['domain']);
  const domain = checkDomain(options.domain, where);
  const width =
    options.width === undefined ? ASCII_PLOT_DEFAULTS.width : checkCount(options.width, where, 'width', 2, 1000);
  const height =
    options.height === undefined ? ASCII_PLOT_DEFAULTS.height : checkCount(options.height, where, 'height', 2, 200);
  const markKinks = options.kinks === undefined ? isPiecewiseLinear(net) : checkFlag(options.kinks, where, 'kinks');

  const [lo, hi] = domain;
  const xs = linspace(lo, hi, width);
  let yHat = Array.from(forward(net.layers, Matrix.from([xs]), where).data); // 1 × width → width numbers
  // Nearly flat (a spread below 1e-9 of the values' size): drawn flat, since asciichart would need
  // height / spread rows per unit and, for a spread near 1e-300, never return.
  const [min, max] = [Math.min(...yHat), Math.max(...yHat)];
  const size = Math.max(Math.abs(min), Math.abs(max), 1);
  const flat = max - min <= 1e-9 * size || !Number.isFinite((height / (max - min)) * size);
  if (flat) yHat = yHat.map(() => min);
  // One number of decimals for every y label: enough to tell neighbouring rows apart.
  const step = flat ? 0 : (max - min) / height;
  const decimals = step > 0 ? Math.min(6, Math.max(0, Math.ceil(-Math.log10(step)) + 1)) : 2;
  const chart = plot(yHat, { height, format: (y: number) => y.toFixed(decimals).padStart(LABEL_WIDTH - 1) });

  // asciichart puts series[0] on the axis column, and draws the step from series[j] to series[j + 1]
  // in column j + 1; a kink at t = j + fraction lies in that step, so its ▲ goes under column j + 1.
  const axis = ' '.repeat(LABEL_WIDTH);
  const columnOf = (x: number) => Math.min(width - 1, Math.floor(((x - lo) / (hi - lo)) * (width - 1)) + 1);
  const breakpoints = markKinks ? findKinks(net, { domain }).breakpoints.filter((x) => x >= lo && x <= hi) : [];
  const marks = new Set(breakpoints.map(columnOf));
  const xAxis = axis + Array.from({ length: width }, (_, j) => (marks.has(j) ? '▲' : j === 0 ? '└' : '─')).join('');
  const left = formatNumber(lo);
  const right = formatNumber(hi);
  const ends = axis + left + right.padStart(Math.max(width - left.length, right.length + 1));
  const lines = [chart, xAxis, ends];
  if (flat && max > min) lines.push(`${axis}ŷ varies by only ${formatNumber(max - min)} here: drawn flat`);
  if (markKinks) {
    const count = breakpoints.length;
    lines.push(
      count === 0
        ? `${axis}no kinks in [${left}, ${right}]: ŷ is one straight line there`
        : `${axis}▲ ${count} ${count === 1 ? 'kink' : 'kinks'} at x = ${breakpoints.map(formatNumber).join(', ')}`,
    );
  }
  return lines.join('\n');
}
