/**
 * The sample both steppers follow: one training point, chosen by its index,
 * as the network sees it (the raw inputs, then the extra features), with its target.
 */
import { type Matrix, matrix } from 'feedforward';
import { dataOf, featureNames } from './data.js';
import { html, short } from './dom.js';
import { networkInput, networkTarget } from './model.js';
import { inputsOf, state, update } from './state.js';

export interface Sample {
  /** Which training point (from 0), and how many there are (0 when there is no data yet). */
  index: number;
  count: number;
  /** The raw inputs (1 or 2 numbers) and the network's input column X (raw + features, standardized if the network is; inputs × 1). */
  raw: number[];
  X: Matrix;
  /** The target as the network is trained on it (1 × 1), and in the data's units. */
  Y: Matrix;
  rawY: number;
}

/** The chosen training sample; with no data yet (no clicked points) the input 1 with target 0. */
export function chosenSample(): Sample {
  const data = dataOf(state);
  const inputs = inputsOf(state.target);
  if (!data) {
    const raw = inputs === 1 ? [1] : [0.5, -0.5];
    return { index: 0, count: 0, raw, X: networkInput(matrix(raw.map((v) => [v]))), Y: networkTarget(matrix([[0]])), rawY: 0 };
  }
  const { X, Y } = data.train;
  const index = Math.min(state.sampleIndex, X.cols - 1);
  const raw = Array.from({ length: X.rows }, (_, r) => X.get(r, index));
  return {
    index,
    count: X.cols,
    raw,
    X: networkInput(matrix(raw.map((v) => [v]))),
    Y: networkTarget(matrix([[Y.get(0, index)]])),
    rawY: Y.get(0, index),
  };
}

/** The slider that picks the sample, and what it is: "sample 3 of 60: x = 0.512, y = 0.490". */
export function sampleControl(sample: Sample): string {
  const names = featureNames(inputsOf(state.target), []);
  const values = sample.raw.map((v, n) => `${names[n]} = ${short(v)}`).join(', ');
  if (sample.count === 0) return html`<p class="muted">No training points yet: following ${values}, target 0.</p>`;
  return html`${standardizedNote()}<label class="row">training sample
    <input class="sample-index" type="range" min="0" max="${sample.count - 1}" step="1" value="${sample.index}" />
    <output class="sample-text">${sample.index + 1} of ${sample.count}: ${values}, target y = ${short(sample.rawY)}</output></label>`;
}

/** Listens to the sample slider inside root. */
export function listenToSample(root: HTMLElement): void {
  root.querySelectorAll<HTMLInputElement>('input.sample-index').forEach((input) =>
    input.addEventListener('change', () => update({ sampleIndex: Number(input.value) }, 'weights')),
  );
}

/** When the network standardizes (net.standardize), what the steppers show: the numbers it computes with. */
function standardizedNote(): string {
  const { inputs, outputs } = state.net.standardize ?? {};
  if (!inputs && !outputs) return '';
  const scale = (name: string, s: { mean: readonly number[]; std: readonly number[] }) =>
    `${name}′ = (${name} − ${short(s.mean[0])}) / ${short(s.std[0])}`;
  const parts = [inputs && scale('x', inputs), outputs && scale('y', outputs)].filter(Boolean).join(' and ');
  return html`<p class="muted standardized">The network standardizes (net.standardize): the steppers show what it computes with, ${parts}.</p>`;
}
