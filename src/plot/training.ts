/**
 * The loss curve: what `net.fit` returns, { loss, validationLoss? }, one
 * number per epoch, drawn against the epoch (counting from 1).
 */
import { ShapeError, ValueError, describeValue, plural } from '../core/errors.js';
import { checkOptions } from '../core/validate.js';
import { checkCount, checkFlag, formatNumber } from './check.js';
import { type VegaLiteSpec, renderSvg, specStart } from './render.js';

/** A training history as `net.fit` returns it: one loss per epoch, and one validation loss per epoch if validation data was given. */
export interface TrainingHistory {
  loss: readonly number[];
  validationLoss?: readonly number[];
}

/** Options of `plotTraining`: a log scale for the loss, and the chart's size. */
export interface PlotTrainingOptions {
  /** Draw the loss on a logarithmic axis (every loss must then be > 0). Default false. */
  log?: boolean;
  /** Width in pixels. Default 480. */
  width?: number;
  /** Height in pixels. Default 260. */
  height?: number;
  /** The title above the plot. Default "Loss per epoch". */
  title?: string;
}

/** Every default of plotTraining, written once. */
export const PLOT_TRAINING_DEFAULTS = Object.freeze({ log: false, width: 480, height: 260, title: 'Loss per epoch' });

/** Up to this many epochs, each epoch also gets a dot on its line. */
const DOTS_UP_TO = 40;

/**
 * The Vega-Lite spec of `plotTraining`: one line per series (layer `loss`,
 * coloured "training" and "validation"), epochs counted from 1, and up to 40
 * epochs a dot on each (layer `epochs`).
 * history: { loss: number[], validationLoss?: number[] } of equal lengths → a spec (plain JSON).
 * @example plotTrainingSpec({ loss: [0.9, 0.4, 0.2] }).data.values[2] //=> { epoch: 3, loss: 0.2, set: 'training' }
 */
export function plotTrainingSpec(history: TrainingHistory, options: PlotTrainingOptions = {}): VegaLiteSpec {
  const where = 'plotTraining';
  const o = readOptions(options, where);
  const series = checkHistory(history, where, o.log);
  const rows = series.flatMap(({ set, values }) => values.map((loss, e) => ({ epoch: e + 1, loss, set })));
  const epochs = series[0].values.length;
  const sets = series.map((s) => s.set);
  const last = series.map(({ set, values }) => `${set} ${formatNumber(values[values.length - 1])}`).join(', ');
  return {
    ...specStart(o.title, `${plural(epochs, 'epoch')}; last loss: ${last}`),
    width: o.width,
    height: o.height,
    data: { values: rows },
    encoding: {
      x: {
        field: 'epoch',
        type: 'quantitative',
        title: 'epoch',
        scale: { domain: [1, Math.max(epochs, 2)], nice: false },
        axis: { tickMinStep: 1, format: 'd', tickCount: Math.min(epochs, 8) },
      },
      y: {
        field: 'loss',
        type: 'quantitative',
        title: o.log ? 'loss (log scale)' : 'loss',
        scale: o.log ? { type: 'log' } : { zero: true },
        ...(o.log ? { axis: { values: logTicks(rows.map((r) => r.loss)), format: '~g' } } : {}),
      },
      color: {
        field: 'set',
        type: 'nominal',
        title: null,
        sort: sets,
        scale: { domain: sets, range: ['#1f5f99', '#e8710a'].slice(0, sets.length) },
        legend: { orient: 'top-right', fillColor: 'white', padding: 4 },
      },
      tooltip: [
        { field: 'set', title: 'data' },
        { field: 'epoch', type: 'quantitative' },
        { field: 'loss', type: 'quantitative', format: '.4g' },
      ],
    },
    layer: [
      {
        name: 'loss', // one line per series: training solid, validation dashed
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          strokeDash: {
            field: 'set',
            type: 'nominal',
            sort: sets,
            scale: {
              domain: sets,
              range: [
                [1, 0],
                [6, 3],
              ].slice(0, sets.length),
            },
          },
        },
      },
      ...(epochs <= DOTS_UP_TO
        ? [{ name: 'epochs', mark: { type: 'point', filled: true, size: 30, opacity: 1 } }]
        : []), // one dot per epoch
    ],
  };
}

/**
 * Loss (and validation loss) per epoch as an SVG string: one line per series.
 * @example await plotTraining({ loss: [0.9, 0.4, 0.2], validationLoss: [1, 0.6, 0.5] }, { log: true }) //=> '<svg xmlns="http://www.w3.org/2000/svg" …</svg>'
 */
export async function plotTraining(history: TrainingHistory, options: PlotTrainingOptions = {}): Promise<string> {
  return renderSvg(plotTrainingSpec(history, options), 'plotTraining');
}

function readOptions(options: PlotTrainingOptions, where: string): Required<PlotTrainingOptions> {
  if (typeof options !== 'object' || options === null) {
    throw new ValueError(`${where}: options are ${describeValue(options)} but must be an object like { log: true }`);
  }
  checkOptions(options, PLOT_TRAINING_DEFAULTS, where);
  const D = PLOT_TRAINING_DEFAULTS;
  return {
    log: options.log === undefined ? D.log : checkFlag(options.log, where, 'log'),
    width: options.width === undefined ? D.width : checkCount(options.width, where, 'width', 50, 5000),
    height: options.height === undefined ? D.height : checkCount(options.height, where, 'height', 50, 5000),
    title: options.title === undefined ? D.title : String(options.title),
  };
}

/** Checks the history: a non-empty list of finite losses (> 0 on a log axis), and a validation list as long. */
function checkHistory(history: TrainingHistory, where: string, log: boolean) {
  if (typeof history !== 'object' || history === null || !Array.isArray(history.loss)) {
    throw new ValueError(
      `${where}: history is ${describeValue(history)} but it must be what net.fit returns: { loss: number[], validationLoss?: number[] }`,
    );
  }
  if (history.loss.length === 0)
    throw new ValueError(`${where}: history.loss is empty but it needs one loss per epoch`);
  const series: { set: string; values: readonly number[] }[] = [{ set: 'training', values: history.loss }];
  if (history.validationLoss !== undefined) {
    const v = history.validationLoss;
    if (!Array.isArray(v)) {
      throw new ValueError(
        `${where}: history.validationLoss is ${describeValue(v)} but it must be a list of numbers, one per epoch`,
      );
    }
    if (v.length !== history.loss.length) {
      throw new ShapeError(
        `${where}: history.loss has ${plural(history.loss.length, 'epoch')} but history.validationLoss has ${v.length} (one validation loss per epoch)`,
      );
    }
    series.push({ set: 'validation', values: v });
  }
  for (const { set, values } of series) {
    const name = set === 'training' ? 'history.loss' : 'history.validationLoss';
    values.forEach((value, e) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new ValueError(
          `${where}: ${name} is ${describeValue(value)} at epoch ${e + 1} but losses must be finite numbers (a NaN or Infinity loss means training diverged: try a smaller learningRate)`,
        );
      }
      if (log && value <= 0) {
        throw new ValueError(
          `${where}: ${name} is ${value} at epoch ${e + 1} but a log axis needs every loss > 0 (use log: false)`,
        );
      }
    });
  }
  return series;
}

/**
 * Ticks of a log axis: the powers of ten the losses span, with 2 and 5 times them when
 * they span two decades or fewer (Vega's own log ticks put a grid line at every 2, 3, … 9).
 * For losses from 0.03 to 0.5: 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.
 */
function logTicks(losses: number[]): number[] {
  const lo = Math.floor(Math.log10(Math.min(...losses)));
  const hi = Math.ceil(Math.log10(Math.max(...losses)));
  const steps = hi - lo <= 2 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let k = lo; k <= hi; k++) for (const m of steps) ticks.push(Number((m * 10 ** k).toPrecision(1)));
  return ticks.filter((t) => t <= 10 ** hi);
}
