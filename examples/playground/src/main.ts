/**
 * The playground: every view redraws from the one state after every change.
 * A link's hash (see url.ts) sets the state first.
 */
import { renderBackprop } from './backprop-view.js';
import { renderControls, renderDiagram } from './build.js';
import { renderDiagnosis } from './diagnosis.js';
import { renderExport } from './export.js';
import { renderFunction } from './function-view.js';
import { dataOf } from './data.js';
import { chosenSample } from './sample.js';
import { traceOn } from './model.js';
import { renderOwnData } from './own-data.js';
import { type Redraw, onUpdate, state, update, useNetwork } from './state.js';
import { renderStepper } from './stepper.js';
import { frameTimes, refreshTraining, renderTraining, renderTransport, trainStep } from './training.js';
import { hashToState, stateToHash } from './url.js';

const byId = (id: string) => document.getElementById(id) as HTMLElement;

// Presenter mode (?present): larger type and controls for a projector (style.css, html.present).
if (new URLSearchParams(location.search).has('present')) document.documentElement.classList.add('present');

/**
 * Draws one view; if drawing it throws (numbers that overflow, say), the view says so in its place and
 * the rest of the page, every control included, is drawn and works as before.
 */
function guarded(id: string, draw: (root: HTMLElement) => void): void {
  const root = byId(id);
  try {
    draw(root);
    root.querySelector(':scope > .view-error')?.remove();
  } catch (error) {
    root.innerHTML = '';
    const message = document.createElement('p');
    message.className = 'view-error error';
    message.setAttribute('role', 'alert');
    message.textContent = `This view could not be drawn: ${(error as Error).message}. Change a weight or a setting, or press "reset weights" or "reset everything".`;
    root.append(message);
  }
}

/** While training, the diagram, steppers, diagnosis and export follow every SLOW_VIEW_EVERY-th frame (several times a second). */
const SLOW_VIEW_EVERY = 6;
let trainingFrames = 0;

function renderAll(redraw: Redraw): void {
  const started = performance.now();
  const slowViews = redraw !== 'training' || trainingFrames++ % SLOW_VIEW_EVERY === 0;
  if (redraw === 'all') guarded('controls', renderControls);
  if (redraw === 'all') guarded('transport', renderTransport);
  if (redraw === 'all') guarded('training', renderTraining);
  else guarded('training', () => refreshTraining(byId('transport'), byId('training')));
  if (redraw === 'all') guarded('own-data', renderOwnData);
  if (slowViews) guarded('diagram', (root) => renderDiagram(root, byId('weight-editor')));
  guarded('function-view', (root) => renderFunction(root, slowViews));
  if (slowViews) guarded('stepper', renderStepper);
  if (slowViews) guarded('back-stepper', renderBackprop);
  if (slowViews) guarded('diagnosis', renderDiagnosis);
  if (slowViews) guarded('exporter', renderExport);
  if (!state.training) history.replaceState(null, '', stateToHash()); // the address is always a link to this state
  lastRenderMs = performance.now() - started;
}

let lastRenderMs = 0;
onUpdate(renderAll);

/** Opens the state a link describes; what it could not read is said at the top of the page. */
function start(): void {
  const { change, net, problems } = hashToState(location.hash);
  if (net) {
    try {
      useNetwork(net, change);
    } catch (error) {
      problems.push(`net: ${(error as Error).message}`);
      update(change);
    }
  } else {
    update(change);
  }
  const box = byId('link-problems');
  box.hidden = problems.length === 0;
  box.textContent = problems.length ? `This link has settings the page could not use (left at their defaults): ${problems.join('; ')}.` : '';
}
start();

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

Object.assign(window, {
  playground: {
    lastRenderMs: () => lastRenderMs,
    frameTimes,
    timeFunctionRedraw,
    timeTrainingFrame,
    /** The page's network as JSON and the settings training uses (the tests compare them with Node). */
    network: () => state.net.toJSON(),
    settings: () => ({
      learningRate: state.learningRate,
      batchSize: state.batchSize,
      l2: state.l2,
      speed: state.speed,
      epochs: state.losses.length,
      target: state.target,
      stepLayer: state.stepLayer,
      backLayer: state.backLayer,
      features: state.features,
      points: state.points.length,
      columns: state.columns,
      classes: state.classes,
    }),
    losses: () => ({ train: state.losses.slice(), test: state.testLosses.slice() }),
    /** The page's predictions at raw inputs X (raw inputs × samples), as the views draw them. */
    drawn: (X: number[][]) => Array.from(traceOn(X).predictions),
    /** The sample the steppers follow (X: the network's input column) and the training data, as arrays. */
    sample: () => {
      const { X, Y } = chosenSample();
      return { X: X.toArray(), Y: Y.toArray() };
    },
    trainingData: () => {
      const data = dataOf(state);
      return data && { X: data.train.X.toArray(), Y: data.train.Y.toArray(), testCount: data.test?.X.cols ?? 0 };
    },
  },
});
