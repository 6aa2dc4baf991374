/**
 * "Train it": the data (target, noise, held-out share, extra features), the
 * optimizer, learning rate, batch size and L2; play at a chosen speed, pause,
 * or take one step; the training and test losses grow live and the kinks move.
 *
 * Training runs inside requestAnimationFrame: at full speed each frame trains
 * for about FRAME_BUDGET_MS and then lets the page draw, so it never freezes;
 * at a set speed each frame trains the epochs that are due (a few a second in
 * slow motion, so the eye can follow every kink).
 */
import { type Network, type Optimizer, adam, momentum, sgd } from 'feedforward';
import { closeEditor, option } from './build.js';
import { dataOf, withFeatures } from './data.js';
import { html } from './dom.js';
import { checkBox, numberBox } from './inputs.js';
import { lossCurve } from './loss-view.js';
import { RULES } from './rules.js';
import {
  type Feature,
  type OptimizerName,
  TARGETS_1D,
  TARGETS_2D,
  inputsOf,
  isOwnData,
  resetEverything,
  resetNetwork,
  state,
  update,
} from './state.js';

const FRAME_BUDGET_MS = 8;
/** Training stops when the loss grows past this many times its lowest value so far: it is diverging. */
const GROWTH_LIMIT = 1000;

/** The noise each target starts with: none on the curves, a little on the classes (XOR's points would sit on 4 corners). */
const NOISE: Record<typeof state.target, number> = { sine: 0, step: 0, abs: 0, points: 0, xor: 0.15, circles: 0.1, moons: 0.1, spiral: 0.1, points2d: 0 };

/** The speeds offered, in epochs per second (0: full speed, as many as fit in the frame budget). */
export const SPEEDS: readonly { value: number; label: string }[] = [
  { value: 1, label: '1 epoch/s' },
  { value: 3, label: '3 epochs/s (slow motion)' },
  { value: 20, label: '20 epochs/s' },
  { value: 0, label: 'full speed' },
];

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

/** The loss the page trains with: mean squared error for curves, binary cross-entropy for classes. */
export const lossName = () => (inputsOf(state.target) === 2 ? 'binaryCrossEntropy' : 'mse');

/**
 * One epoch over the training data in minibatches (net.fit with epochs: 1, l2 as set); records the
 * training loss and, with held-out points, the test loss. Returns the training loss, or null with nothing to train on.
 */
export function trainStep(): number | null {
  const data = dataOf(state);
  if (!data) return null;
  // fit takes samples raw, as predict does, and applies the network's own standardizers (an imported network's).
  const X = withFeatures(data.train.X, state.features);
  const history = state.net.fit(X, data.train.Y, {
    epochs: 1,
    optimizer: currentOptimizer(),
    loss: lossName(),
    batchSize: Math.min(state.batchSize, X.cols),
    l2: state.l2,
    seed: state.losses.length,
    ...(data.test ? { validation: { X: withFeatures(data.test.X, state.features), Y: data.test.Y } } : {}),
  });
  const loss = history.loss[history.loss.length - 1];
  problem = null;
  const least = state.losses.reduce((a, b) => Math.min(a, b), loss);
  state.losses.push(loss);
  if (history.validationLoss) state.testLosses.push(history.validationLoss[history.validationLoss.length - 1]);
  if (loss > GROWTH_LIMIT * least) {
    // fit stops only when the loss overflows; a loss growing a thousandfold gets there 70 epochs later, after the plot is useless.
    const error = new Error(
      `the training loss grew from ${least.toPrecision(3)} to ${loss.toPrecision(3)} by epoch ${state.losses.length}, more than ${GROWTH_LIMIT}-fold: the learning rate ${state.learningRate} is too large for this network (the page starts with 0.02); press "reset weights" to start again`,
    );
    error.name = 'DivergenceError';
    throw error;
  }
  return loss;
}

let frames: number[] = [];
let epochsDone = 0;
let playedSince = 0;

/** Trains what is due (a set speed) or until the frame budget is spent (full speed), redraws, and asks for the next frame. */
function frame(time: number): void {
  if (!state.training) return;
  frames.push(time);
  if (frames.length > 600) frames = frames.slice(-300);
  const start = performance.now();
  try {
    if (state.speed > 0) {
      const due = Math.floor(((time - playedSince) * state.speed) / 1000) - epochsDone;
      for (let n = 0; n < due && performance.now() - start < FRAME_BUDGET_MS; n++) {
        if (trainStep() === null) break;
        epochsDone++;
      }
    } else {
      while (performance.now() - start < FRAME_BUDGET_MS) if (trainStep() === null) break;
    }
  } catch (error) {
    showError(error);
    update({ training: false }); // stopped: the play button says play again
    return;
  }
  update({}, 'training');
  requestAnimationFrame(frame);
}

/** Starts playing: the speed counts epochs from now. */
function play(): void {
  epochsDone = 0;
  playedSince = performance.now();
  update({ training: true });
  requestAnimationFrame(frame);
}

/** The times of recent frames while training (the page test reads them to check it stays responsive). */
export function frameTimes(): number[] {
  return frames.slice();
}

/**
 * Why training stopped, shown until the next step that trains: a loss that diverged (a learning rate
 * too large, such as 5) is said by the learning-rate box, anything else under the training controls.
 */
let problem: { divergence: boolean; message: string } | null = null;

function showError(error: unknown): void {
  const divergence = (error as Error).name === 'DivergenceError';
  problem = { divergence, message: `Training stopped: ${String((error as Error).message ?? error)}` };
  showProblem();
}

function showProblem(): void {
  const lr = document.querySelector('#learning-rate-error');
  const box = document.querySelector('#train-error');
  if (lr && problem?.divergence) lr.textContent = problem.message;
  if (box) box.textContent = problem && !problem.divergence ? problem.message : '';
}

/** The latest losses as text: "0.0123", and the ratio test/train when points are held out. */
function lossText(): { train: string; test: string } {
  const train = state.losses[state.losses.length - 1];
  const test = state.testLosses[state.testLosses.length - 1];
  return {
    train: train === undefined ? '—' : train.toPrecision(3),
    test: test === undefined ? '—' : `${test.toPrecision(3)} (${(test / train).toFixed(2)}× the training loss)`,
  };
}

/** Only the numbers and the curve, redrawn while training so the buttons stay put under the mouse. */
export function refreshTraining(transport: HTMLElement, root: HTMLElement): void {
  const steps = transport.querySelector('#steps');
  const loss = transport.querySelector<HTMLOutputElement>('#loss');
  const testLoss = transport.querySelector<HTMLOutputElement>('#test-loss');
  const curve = root.querySelector('#loss-curve');
  if (!steps || !loss || !testLoss || !curve) {
    renderTransport(transport);
    renderTraining(root);
    return;
  }
  const text = lossText();
  steps.textContent = String(state.losses.length);
  loss.dataset.value = String(state.losses[state.losses.length - 1] ?? '');
  loss.textContent = text.train;
  testLoss.dataset.value = String(state.testLosses[state.testLosses.length - 1] ?? '');
  testLoss.textContent = text.test;
  curve.outerHTML = lossCurve(state.losses, state.testLosses);
}

/** The targets as the menu names them. */
const TARGET_LABELS: Record<string, string> = {
  points: 'your points (click, or a CSV)',
  points2d: 'your points (click, or a CSV)',
};
const targetOptions = (targets: readonly string[]) =>
  targets.map((t) => `<option value="${t}" ${t === state.target ? 'selected' : ''}>${TARGET_LABELS[t] ?? t}</option>`).join('');

/** Whether the page is in presenter mode (?present in the address). */
const presenting = () => new URLSearchParams(location.search).has('present');

/**
 * The transport bar, at the top of the page: play or pause, the speed, one step, the two resets, and the
 * epochs and losses so far, so the play button is in view beside the network and its function.
 */
export function renderTransport(root: HTMLElement): void {
  const text = lossText();
  const speed = SPEEDS.map((s) => `<option value="${s.value}" ${s.value === state.speed ? 'selected' : ''}>${s.label}</option>`).join('');
  root.innerHTML = html`
    <button id="play" class="primary">${state.training ? '❚❚ pause' : '▶ play'}</button>
    <label>speed <select id="speed">${speed}</select></label>
    <button id="step-once" ${state.training ? 'disabled' : ''}>one step</button>
    <button id="reset" title="new starting weights for this network">reset weights</button>
    <button id="reset-all" title="every setting back to the start: the article's network on the sine">reset everything</button>
    <button id="present" title="larger type and controls for a projector (?present in the address)">${presenting() ? 'leave presenter mode' : 'presenter mode'}</button>
    <span class="numbers">epochs: <output id="steps">${state.losses.length}</output>
      training loss: <output id="loss" data-value="${state.losses[state.losses.length - 1] ?? ''}">${text.train}</output>
      test loss: <output id="test-loss" data-value="${state.testLosses[state.testLosses.length - 1] ?? ''}">${text.test}</output></span>`;
  root.querySelector<HTMLSelectElement>('#speed')!.addEventListener('change', (e) => {
    state.speed = Number((e.target as HTMLSelectElement).value);
    epochsDone = 0;
    playedSince = performance.now();
  });
  root.querySelector('#play')?.addEventListener('click', () => (state.training ? update({ training: false }) : play()));
  root.querySelector('#step-once')?.addEventListener('click', () => {
    try {
      trainStep();
    } catch (error) {
      showError(error);
    }
    update({}, 'weights');
    showProblem();
  });
  root.querySelector('#reset')?.addEventListener('click', () => {
    problem = null;
    resetNetwork();
  });
  root.querySelector('#present')?.addEventListener('click', () => {
    const url = new URL(location.href);
    if (presenting()) url.searchParams.delete('present');
    else url.searchParams.set('present', '');
    location.href = url.href.replace('present=&', 'present&').replace(/present=$/, 'present').replace('present=#', 'present#');
  });
  root.querySelector('#reset-all')?.addEventListener('click', () => {
    problem = null;
    closeEditor(document.querySelector<HTMLElement>('#weight-editor')!);
    resetEverything();
  });
}

export function renderTraining(root: HTMLElement): void {
  const noCurve = isOwnData(state.target);
  const feature = (f: Feature, label: string) =>
    html`<label><input type="checkbox" class="feature" value="${f}" ${state.features.includes(f) ? 'checked' : ''} /> ${label}</label>`;
  root.innerHTML = html`
    <div class="row">
      <label>target <select id="target">
        <optgroup label="one input (a curve)">${targetOptions(TARGETS_1D)}</optgroup>
        <optgroup label="two inputs (classes)">${targetOptions(TARGETS_2D)}</optgroup></select></label>
      <label>noise <input id="noise" type="range" min="0" max="0.5" step="0.05" value="${state.noise}" ${noCurve ? 'disabled' : ''} />
        <output id="noise-value">${state.noise}</output></label>
      <button id="regenerate" ${noCurve ? 'disabled' : ''}>regenerate</button>
      <label>training share <input id="train-share" type="range" min="0.1" max="1" step="0.05" value="${state.trainShare}" ${noCurve ? 'disabled' : ''} />
        <output id="train-share-value">${Math.round(state.trainShare * 100)}%</output></label>
    </div>
    <div class="row">features: ${feature('square', 'x²')} ${feature('sin', 'sin x')}
      <span class="muted">(extra inputs beside x: with them the prediction bends smoothly in x, so it has no kinks to count)</span></div>
    <div class="row">
      <label>optimizer <select id="optimizer">${option(['sgd', 'momentum', 'adam'], state.optimizer)}</select></label>
      ${numberBox({ id: 'learning-rate', ...RULES.learningRate, value: state.learningRate })}
      ${numberBox({ id: 'batch-size', ...RULES.batchSize, value: state.batchSize })}
      ${numberBox({ id: 'l2', ...RULES.l2, value: state.l2 })}
    </div>
    <p class="legend"><span class="swatch loss-train"></span>training loss <span class="swatch loss-test"></span>test loss (held-out points, never trained on)</p>
    <p id="train-error" class="error" role="alert"></p>
    ${lossCurve(state.losses, state.testLosses)}`;

  const select = (id: string) => root.querySelector<HTMLSelectElement>(id)!;
  select('#target').addEventListener('change', (e) => {
    const target = (e.target as HTMLSelectElement).value as typeof state.target;
    const keep = isOwnData(target) && inputsOf(target) === inputsOf(state.target); // your data stays with your data
    update({ target, noise: NOISE[target], training: false, sampleIndex: 0, ...(keep ? {} : { points: [], columns: [], classes: [] }) });
  });
  select('#optimizer').addEventListener('change', (e) => update({ optimizer: (e.target as HTMLSelectElement).value as OptimizerName }));
  root.querySelector('#noise')?.addEventListener('change', (e) => update({ noise: Number((e.target as HTMLInputElement).value) }));
  root.querySelector('#train-share')?.addEventListener('change', (e) =>
    update({ trainShare: Number((e.target as HTMLInputElement).value), sampleIndex: 0 }),
  );
  root.querySelector('#regenerate')?.addEventListener('click', () => update({ dataSeed: state.dataSeed + 1 }));
  root.querySelectorAll<HTMLInputElement>('input.feature').forEach((box) =>
    box.addEventListener('change', () => {
      const features = Array.from(root.querySelectorAll<HTMLInputElement>('input.feature:checked'), (b) => b.value as Feature);
      update({ features, training: false });
    }),
  );
  const retry = <T>(use: (value: T) => void) => (value: T) => {
    problem = null; // a new setting: the last stop no longer applies
    use(value);
  };
  checkBox(root, { id: 'learning-rate', ...RULES.learningRate, value: state.learningRate }, () => state.learningRate, retry((learningRate) => update({ learningRate }, 'weights')));
  checkBox(root, { id: 'batch-size', ...RULES.batchSize, value: state.batchSize }, () => state.batchSize, retry((batchSize) => update({ batchSize }, 'weights')));
  checkBox(root, { id: 'l2', ...RULES.l2, value: state.l2 }, () => state.l2, retry((l2) => update({ l2 }, 'weights')));
  showProblem();
}
