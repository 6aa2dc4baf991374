/**
 * Pictures of a score on held-out samples: where a classifier goes wrong (the
 * confusion matrix as a heatmap with its counts) and how far a regression's
 * predictions fall from the truth (predicted against actual, with y = x).
 */
import { ShapeError, ValueError, describeValue, plural } from '../core/errors.js';
import { type MatrixInput, toMatrix } from '../core/matrix.js';
import { checkOptions } from '../core/validate.js';
import { type ConfusionMatrix, meanAbsoluteError, r2 } from '../train/metrics.js';
import { checkCount, formatNumber } from './check.js';
import { type VegaLiteSpec, renderSvg, specStart } from './render.js';

/** Options of `plotConfusion`. */
export interface PlotConfusionOptions {
  /** The side of one cell, in pixels. Default 56. */
  cellSize?: number;
  /** The title above the plot. Default "Confusion matrix". */
  title?: string;
}

/** Every default of plotConfusion, written once. */
export const PLOT_CONFUSION_DEFAULTS = Object.freeze({ cellSize: 56, title: 'Confusion matrix' });

/**
 * The Vega-Lite spec of `plotConfusion`: one cell per (actual, predicted) pair, actual classes down and
 * predicted across in the matrix's order, shaded by the share of its row (so a small class reads as well
 * as a large one) and labelled with its count.
 * @example plotConfusionSpec(confusionMatrix(['a', 'b'], ['a', 'a'])).data.values[1] //=> { actual: 'a', predicted: 'b', count: 1, share: 0.5 }
 */
export function plotConfusionSpec(cm: ConfusionMatrix, options: PlotConfusionOptions = {}): VegaLiteSpec {
  const where = 'plotConfusion';
  checkOptions(options, PLOT_CONFUSION_DEFAULTS, where);
  const D = PLOT_CONFUSION_DEFAULTS;
  const cell = options.cellSize === undefined ? D.cellSize : checkCount(options.cellSize, where, 'cellSize', 10, 400);
  const title = options.title === undefined ? D.title : String(options.title);
  const { labels, counts } = checkConfusion(cm, where);
  const names = labels.map(String);
  const values = names.flatMap((actual, i) => {
    const total = counts[i].reduce((s, c) => s + c, 0);
    return names.map((predicted, j) => ({
      actual,
      predicted,
      count: counts[i][j],
      share: total > 0 ? counts[i][j] / total : 0,
    }));
  });
  const total = counts.flat().reduce((s, c) => s + c, 0);
  const right = names.reduce((s, _, i) => s + counts[i][i], 0);
  const axis = (title: string) => ({ field: title, type: 'nominal', sort: names, title, axis: { labelAngle: 0 } });
  return {
    ...specStart(
      title,
      `${plural(total, 'sample')}; ${right} right (accuracy ${formatNumber(right / Math.max(total, 1))})`,
      { grid: false },
    ),
    width: cell * names.length,
    height: cell * names.length,
    data: { values },
    encoding: { x: { ...axis('predicted'), axis: { labelAngle: 0, orient: 'top' } }, y: axis('actual') },
    layer: [
      {
        name: 'cells',
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'share',
            type: 'quantitative',
            title: 'share of row',
            scale: { scheme: 'blues', domain: [0, 1] },
            legend: { format: '.0%' },
          },
          tooltip: [
            { field: 'actual' },
            { field: 'predicted' },
            { field: 'count', type: 'quantitative' },
            { field: 'share', type: 'quantitative', format: '.1%' },
          ],
        },
      },
      {
        name: 'counts',
        mark: { type: 'text', fontSize: 14 },
        encoding: {
          text: { field: 'count', type: 'quantitative' },
          color: {
            // white on dark cells, grey for the zeros so the mistakes stand out
            condition: [
              { test: 'datum.share > 0.5', value: 'white' },
              { test: 'datum.count === 0', value: '#aaaaaa' },
            ],
            value: '#222222',
          },
        },
      },
    ],
  };
}

/**
 * A confusion matrix as an SVG heatmap with the count in each cell.
 * @example await plotConfusion(confusionMatrix(['a', 'b', 'b'], ['a', 'a', 'b'])) //=> '<svg xmlns="http://www.w3.org/2000/svg" …</svg>'
 */
export async function plotConfusion(cm: ConfusionMatrix, options: PlotConfusionOptions = {}): Promise<string> {
  return renderSvg(plotConfusionSpec(cm, options), 'plotConfusion');
}

/** Options of `plotPredictions`. */
export interface PlotPredictionsOptions {
  /** What the target is, for the axis titles ("actual mpg"). Default "value". */
  name?: string;
  /** Width and height in pixels (the plot is square, so y = x is the diagonal). Default 360. */
  size?: number;
  /** The title above the plot. Default "Predicted against actual". */
  title?: string;
}

/** Every default of plotPredictions, written once. */
export const PLOT_PREDICTIONS_DEFAULTS = Object.freeze({ name: 'value', size: 360, title: 'Predicted against actual' });

/**
 * The Vega-Lite spec of `plotPredictions`: one dot per sample at (actual, predicted), both axes on the same
 * scale, and the line y = x where a perfect prediction would sit (layer `perfect`); the subtitle gives MAE and R².
 * @example plotPredictionsSpec([2, 4], [1, 4]).layer[1].data.values[0] //=> { actual: 1, predicted: 2, error: 1 }
 */
export function plotPredictionsSpec(
  predicted: MatrixInput,
  actual: MatrixInput,
  options: PlotPredictionsOptions = {},
): VegaLiteSpec {
  const where = 'plotPredictions';
  checkOptions(options, PLOT_PREDICTIONS_DEFAULTS, where);
  const D = PLOT_PREDICTIONS_DEFAULTS;
  const name = options.name === undefined ? D.name : String(options.name);
  const size = options.size === undefined ? D.size : checkCount(options.size, where, 'size', 50, 5000);
  const title = options.title === undefined ? D.title : String(options.title);
  const p = oneRow(predicted, where, 'predicted');
  const a = oneRow(actual, where, 'actual');
  if (p.length !== a.length) {
    throw new ShapeError(
      `${where}: predicted has ${plural(p.length, 'value')} but actual has ${a.length} (one prediction per actual value)`,
    );
  }
  const lo = Math.min(...p, ...a);
  const hi = Math.max(...p, ...a);
  const pad = (hi - lo) * 0.05 || 1;
  const domain = [lo - pad, hi + pad];
  const scale = { domain, nice: false, zero: false };
  return {
    ...specStart(
      title,
      `${plural(p.length, 'sample')}; MAE ${formatNumber(meanAbsoluteError(p, a))}, R² ${formatNumber(r2(p, a))}`,
    ),
    width: size,
    height: size,
    layer: [
      {
        name: 'perfect', // y = x: where every dot would sit if the predictions were exact
        data: { values: domain.map((v) => ({ actual: v, predicted: v })) },
        mark: { type: 'line', color: '#999', strokeDash: [5, 4], clip: true },
        encoding: {
          x: { field: 'actual', type: 'quantitative', scale },
          y: { field: 'predicted', type: 'quantitative', scale },
        },
      },
      {
        name: 'samples',
        data: { values: a.map((v, j) => ({ actual: v, predicted: p[j], error: p[j] - v })) },
        mark: { type: 'point', filled: true, size: 36, opacity: 0.7, color: '#1f5f99' },
        encoding: {
          x: { field: 'actual', type: 'quantitative', title: `actual ${name}`, scale },
          y: { field: 'predicted', type: 'quantitative', title: `predicted ${name}`, scale },
          tooltip: [
            { field: 'actual', type: 'quantitative', format: '.4g' },
            { field: 'predicted', type: 'quantitative', format: '.4g' },
            { field: 'error', type: 'quantitative', format: '.3g' },
          ],
        },
      },
    ],
  };
}

/**
 * A regression's predictions against the actual values as an SVG scatter plot, with the line y = x.
 * @example await plotPredictions([2.5, 0, 2, 8], [3, -0.5, 2, 7], { name: 'mpg' }) //=> '<svg xmlns="http://www.w3.org/2000/svg" …</svg>'
 */
export async function plotPredictions(
  predicted: MatrixInput,
  actual: MatrixInput,
  options: PlotPredictionsOptions = {},
): Promise<string> {
  return renderSvg(plotPredictionsSpec(predicted, actual, options), 'plotPredictions');
}

/** A list of numbers, or a matrix with one row (as net.predict or Y of a regression give them). */
function oneRow(values: MatrixInput, where: string, name: string): number[] {
  const m = toMatrix(values, where, name);
  if (m.rows !== 1 && m.cols !== 1) {
    throw new ShapeError(`${where}: ${name} is ${m.rows}×${m.cols} but it must be one list of numbers (one output)`);
  }
  return Array.from(m.data);
}

/** Checks a confusion matrix: labels and a square table of counts, one row and column per label. */
function checkConfusion(cm: ConfusionMatrix, where: string): ConfusionMatrix {
  const ok =
    typeof cm === 'object' &&
    cm !== null &&
    Array.isArray(cm.labels) &&
    cm.labels.length > 0 &&
    Array.isArray(cm.counts) &&
    cm.counts.length === cm.labels.length &&
    cm.counts.every(
      (row) => Array.isArray(row) && row.length === cm.labels.length && row.every((c) => Number.isInteger(c) && c >= 0),
    );
  if (!ok) {
    throw new ValueError(
      `${where}: cm is ${describeValue(cm)} but it must be what confusionMatrix returns: { labels, counts } with one row and column of whole counts per label`,
    );
  }
  return cm;
}
