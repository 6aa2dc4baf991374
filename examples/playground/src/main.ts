/**
 * The playground: every view redraws from the one state after every change.
 */
import { renderControls, renderDiagram } from './build.js';
import { renderExport } from './export.js';
import { renderFunction } from './function-view.js';
import { type Redraw, onUpdate, update } from './state.js';
import { renderStepper } from './stepper.js';
import { frameTimes, refreshTraining, renderTraining, trainStep } from './training.js';

const byId = (id: string) => document.getElementById(id) as HTMLElement;

/** While training, the diagram, stepper and export follow every SLOW_VIEW_EVERY-th frame (several times a second). */
const SLOW_VIEW_EVERY = 6;
let trainingFrames = 0;

function renderAll(redraw: Redraw): void {
  const started = performance.now();
  const slowViews = redraw !== 'training' || trainingFrames++ % SLOW_VIEW_EVERY === 0;
  if (redraw === 'all') renderControls(byId('controls'));
  if (slowViews) renderDiagram(byId('diagram'), byId('weight-editor'));
  if (slowViews) renderStepper(byId('stepper'));
  renderFunction(byId('function-view'));
  if (redraw === 'all') renderTraining(byId('training'));
  else refreshTraining(byId('training'));
  if (slowViews) renderExport(byId('exporter'));
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

/** Milliseconds of one training step (one epoch over the data) and one redraw of what it changes. */
function timeTrainingFrame(): { train: number; redraw: number } {
  const started = performance.now();
  trainStep();
  const trained = performance.now();
  renderAll('weights');
  return { train: trained - started, redraw: performance.now() - trained };
}

Object.assign(window, { playground: { lastRenderMs: () => lastRenderMs, frameTimes, timeFunctionRedraw, timeTrainingFrame } });
