/**
 * feedforward/plot: pictures of what a network computes, as SVG strings
 * (Vega-Lite specs rendered by Vega, no DOM needed) or as terminal text.
 * A separate entry point so that `import 'feedforward'` loads none of this:
 * vega and vega-lite are optional peer dependencies, loaded on the first SVG;
 * each `...Spec` twin returns the Vega-Lite spec and needs neither.
 */

// ŷ(x) with its exact kinks, and each hidden neuron's own line beneath.
export { plotFunction, plotFunctionSpec, PLOT_FUNCTION_DEFAULTS } from './function.js';
export type { PlotFunctionOptions } from './function.js';

// Loss per epoch, as net.fit returns it.
export { plotTraining, plotTrainingSpec, PLOT_TRAINING_DEFAULTS } from './training.js';
export type { PlotTrainingOptions, TrainingHistory } from './training.js';

// Two inputs: the prediction over the plane, or its linear regions.
export { plotDecision, plotDecisionSpec, PLOT_DECISION_DEFAULTS } from './decision.js';
export type { PlotDecisionOptions } from './decision.js';

// Scores on held-out samples: a classifier's confusion matrix, a regression's predictions against the truth.
export {
  plotConfusion,
  plotConfusionSpec,
  plotPredictions,
  plotPredictionsSpec,
  PLOT_CONFUSION_DEFAULTS,
  PLOT_PREDICTIONS_DEFAULTS,
} from './evaluation.js';
export type { PlotConfusionOptions, PlotPredictionsOptions } from './evaluation.js';

// The terminal twin of plotFunction.
export { asciiPlot, ASCII_PLOT_DEFAULTS } from './ascii.js';
export type { AsciiPlotOptions } from './ascii.js';

// Rendering any Vega-Lite spec, e.g. one of the above after you changed it.
export { renderSvg } from './render.js';
export type { VegaLiteSpec } from './render.js';
export type { Domain, PlaneDomain } from './check.js';
