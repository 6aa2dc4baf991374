/**
 * "Train it": pick a target, an optimizer, a learning rate and a batch size;
 * play, pause or take one step; the loss curve grows live and the kinks move.
 *
 * Training runs in slices inside requestAnimationFrame: each frame trains for
 * about FRAME_BUDGET_MS and then lets the page draw, so it never freezes.
 */
import { type Network, type Optimizer, adam, momentum, sgd } from 'feedforward';
import { html } from './dom.js';
import { option } from './build.js';
import { trainingData } from './data.js';
import { type OptimizerName, TARGETS_1D, TARGETS_2D, inputsOf, resetNetwork, state, update } from './state.js';

const FRAME_BUDGET_MS = 8;

let optimizer: Optimizer | null = null;
let optimizerKey = '';
let optimizerNet: Network | null = null;

/** One optimizer per network and setting, so momentum and Adam keep their state from step to step. */
function currentOptimizer(): Optimizer {
  const key = `${state.optimizer} ${state.learningRate}`;
  if (!optimizer || key !== optimizerKey || optimizerNet !== state.net) {
    const { learningRate } = state;
    if (state.optimizer === 'sgd') optimizer = sgd({ learningRate });
    else if (state.optimizer === 'momentum') optimizer = momentum({ learningRate });
    else optimizer = adam({ learningRate });
    optimizerKey = key;
    optimizerNet = state.net;
  }
  return optimizer;
}

/** One training step (one epoch over the data in minibatches); returns the loss, or null with nothing to train on. */
export function trainStep(): number | null {
  const data = trainingData(state);
  if (!data) return null;
  const history = state.net.fit(data.X, data.Y, {
    epochs: 1,
    optimizer: currentOptimizer(),
    loss: inputsOf(state.target) === 2 ? 'binaryCrossEntropy' : 'mse',
    batchSize: Math.min(state.batchSize, data.X.cols),
    seed: state.losses.length,
  });
  const loss = history.loss[history.loss.length - 1];
  state.losses.push(loss);
  return loss;
}

let frames: number[] = [];

/** Trains until the frame budget is spent, redraws, and asks for the next frame while playing. */
function frame(time: number): void {
  if (!state.training) return;
  frames.push(time);
  if (frames.length > 600) frames = frames.slice(-300);
  const start = performance.now();
  try {
    while (performance.now() - start < FRAME_BUDGET_MS) if (trainStep() === null) break;
  } catch (error) {
    state.training = false;
    showError(error);
  }
  update({}, 'training');
  requestAnimationFrame(frame);
}

/** The times of recent frames while training (the page test reads them to check it stays responsive). */
export function frameTimes(): number[] {
  return frames.slice();
}

function showError(error: unknown): void {
  const box = document.querySelector('#train-error');
  if (box) box.textContent = String((error as Error).message ?? error);
}

function lossCurve(losses: number[]): string {
  if (losses.length < 2) return '<svg id="loss-curve" viewBox="0 0 560 120" width="560" height="120"></svg>';
  const logs = losses.map((l) => Math.log10(Math.max(l, 1e-12)));
  const lo = Math.min(...logs);
  const hi = Math.max(...logs, lo + 1e-9);
  const points = logs.map((v, n) => `${(10 + (540 * n) / (logs.length - 1)).toFixed(1)},${(115 - (95 * (v - lo)) / (hi - lo)).toFixed(1)}`);
  return `<svg id="loss-curve" viewBox="0 0 560 120" width="560" height="120" role="img" aria-label="loss per step, log scale">
    <text x="12" y="12">loss (log scale): ${losses[0].toPrecision(3)} at step 1 → ${losses[losses.length - 1].toPrecision(3)} at step ${losses.length}</text>
    <polyline class="loss" points="${points.join(' ')}" /></svg>`;
}

/** Only the numbers and the curve, redrawn while training so the buttons stay put under the mouse. */
export function refreshTraining(root: HTMLElement): void {
  const last = state.losses[state.losses.length - 1];
  const steps = root.querySelector('#steps');
  const loss = root.querySelector<HTMLOutputElement>('#loss');
  if (!steps || !loss) return renderTraining(root);
  steps.textContent = String(state.losses.length);
  loss.dataset.value = String(last ?? '');
  loss.textContent = last === undefined ? '—' : last.toPrecision(3);
  root.querySelector('#loss-curve')!.outerHTML = lossCurve(state.losses);
}

export function renderTraining(root: HTMLElement): void {
  const last = state.losses[state.losses.length - 1];
  root.innerHTML = html`
    <div class="row">
      <label>target <select id="target">
        <optgroup label="one input (a curve)">${option(TARGETS_1D, state.target)}</optgroup>
        <optgroup label="two inputs (classes)">${option(TARGETS_2D, state.target)}</optgroup></select></label>
      <label>optimizer <select id="optimizer">${option(['sgd', 'momentum', 'adam'], state.optimizer)}</select></label>
      <label>learning rate <input id="learning-rate" type="number" min="0" step="0.001" value="${state.learningRate}" /></label>
      <label>batch size <input id="batch-size" type="number" min="1" step="1" value="${state.batchSize}" /></label>
    </div>
    <div class="row">
      <button id="play">${state.training ? 'pause' : 'play'}</button>
      <button id="step-once" ${state.training ? 'disabled' : ''}>one step</button>
      <button id="reset">reset weights</button>
      <span>steps: <output id="steps">${state.losses.length}</output></span>
      <span>loss: <output id="loss" data-value="${last ?? ''}">${last === undefined ? '—' : last.toPrecision(3)}</output></span>
    </div>
    <p id="train-error" class="error" role="alert"></p>
    ${lossCurve(state.losses)}`;

  root.querySelector('#target')?.addEventListener('change', (e) =>
    update({ target: (e.target as HTMLSelectElement).value as typeof state.target, training: false }),
  );
  root.querySelector('#optimizer')?.addEventListener('change', (e) =>
    update({ optimizer: (e.target as HTMLSelectElement).value as OptimizerName }),
  );
  root.querySelector('#learning-rate')?.addEventListener('change', (e) => {
    const value = Number((e.target as HTMLInputElement).value);
    if (Number.isFinite(value) && value > 0) update({ learningRate: value });
  });
  root.querySelector('#batch-size')?.addEventListener('change', (e) => {
    const value = Number((e.target as HTMLInputElement).value);
    if (Number.isInteger(value) && value >= 1) update({ batchSize: value });
  });
  root.querySelector('#play')?.addEventListener('click', () => {
    update({ training: !state.training });
    if (state.training) requestAnimationFrame(frame);
  });
  root.querySelector('#step-once')?.addEventListener('click', () => {
    try {
      trainStep();
    } catch (error) {
      showError(error);
    }
    update({}, 'weights');
  });
  root.querySelector('#reset')?.addEventListener('click', resetNetwork);
}
