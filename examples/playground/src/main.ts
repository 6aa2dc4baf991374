/**
 * The playground: every view redraws from the one state after every change.
 */
import { renderControls, renderDiagram } from './build.js';
import { renderExport } from './export.js';
import { renderFunction } from './function-view.js';
import { onUpdate, update } from './state.js';
import { renderStepper } from './stepper.js';
import { frameTimes, refreshTraining, renderTraining } from './training.js';

const byId = (id: string) => document.getElementById(id) as HTMLElement;

function renderAll(weightsOnly: boolean): void {
  const started = performance.now();
  if (!weightsOnly) renderControls(byId('controls'));
  renderDiagram(byId('diagram'), byId('weight-editor'));
  renderStepper(byId('stepper'));
  renderFunction(byId('function-view'));
  if (weightsOnly) refreshTraining(byId('training'));
  else renderTraining(byId('training'));
  renderExport(byId('exporter'));
  lastRenderMs = performance.now() - started;
}

let lastRenderMs = 0;
onUpdate(renderAll);
update();

// For the page tests: how long the last full redraw took, and recent frame times while training.
/** Milliseconds to redraw the function view (prediction, exact kinks, neuron lines) once. */
function timeFunctionRedraw(): number {
  const started = performance.now();
  renderFunction(byId('function-view'));
  return performance.now() - started;
}

Object.assign(window, { playground: { lastRenderMs: () => lastRenderMs, frameTimes, timeFunctionRedraw } });
