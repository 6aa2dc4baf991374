/**
 * The plot door, `feedforward/plot`. This list changes only on purpose:
 * adding or removing an export means editing it here too (and in docs/plots.md).
 */
import { describe, expect, it } from 'vitest';
import * as plot from '../src/plot/index.js';
import type {
  AsciiPlotOptions,
  Domain,
  PlaneDomain,
  PlotDecisionOptions,
  PlotFunctionOptions,
  PlotTrainingOptions,
  TrainingHistory,
  VegaLiteSpec,
} from '../src/plot/index.js';

describe('src/plot/index.ts', () => {
  it('exports exactly these names, and each is defined', () => {
    expect(Object.keys(plot).sort()).toEqual([
      'ASCII_PLOT_DEFAULTS',
      'PLOT_CONFUSION_DEFAULTS',
      'PLOT_DECISION_DEFAULTS',
      'PLOT_FUNCTION_DEFAULTS',
      'PLOT_PREDICTIONS_DEFAULTS',
      'PLOT_TRAINING_DEFAULTS',
      'asciiPlot',
      'plotConfusion',
      'plotConfusionSpec',
      'plotDecision',
      'plotDecisionSpec',
      'plotFunction',
      'plotFunctionSpec',
      'plotPredictions',
      'plotPredictionsSpec',
      'plotTraining',
      'plotTrainingSpec',
      'renderSvg',
    ]);
    for (const value of Object.values(plot)) expect(value).toBeDefined();
  });

  it('pairs every SVG function with a Spec twin', () => {
    for (const name of ['plotFunction', 'plotTraining', 'plotDecision', 'plotConfusion', 'plotPredictions'] as const) {
      expect(typeof plot[name]).toBe('function');
      expect(typeof plot[`${name}Spec`]).toBe('function');
    }
  });

  it('exports the option types a caller writes', () => {
    const domain: Domain = [-1, 1];
    const plane: PlaneDomain = [domain, [0, 2]];
    const options: [PlotFunctionOptions, PlotDecisionOptions, PlotTrainingOptions, AsciiPlotOptions] = [
      { domain },
      { domain: plane },
      { log: true },
      { domain },
    ];
    const history: TrainingHistory = { loss: [1] };
    const spec: VegaLiteSpec = plot.plotTrainingSpec(history, options[2]);
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
  });
});
