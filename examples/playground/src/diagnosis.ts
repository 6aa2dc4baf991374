/**
 * "What to try": `diagnose(net, X)` on the training inputs, redrawn as the
 * network trains: dead, never-switching and saturated neurons and exploding or
 * vanishing activations, each in plain words with what to try (the library's
 * own messages), and the neuron named in its colour.
 */
import { diagnose } from 'feedforward';
import { neuronColour } from './colours.js';
import { dataOf } from './data.js';
import { networkInput } from './model.js';
import { escapeHtml, html } from './dom.js';
import { sizesOf, state } from './state.js';

/** A short title per kind of finding. */
const TITLES: Record<string, string> = {
  dead: 'dead neuron',
  'kink-outside-data': 'never switches',
  saturated: 'saturated',
  exploding: 'exploding activations',
  vanishing: 'vanishing activations',
};

export function renderDiagnosis(root: HTMLElement): void {
  const data = dataOf(state);
  if (!data) {
    root.innerHTML = '<p class="muted">Add training points to check the network on them.</p>';
    return;
  }
  const X = networkInput(data.train.X);
  const { findings } = diagnose(state.net, X);
  const sizes = sizesOf(state);
  const items = findings.map((finding) => {
    const colour = finding.node === undefined ? '#6b7280' : neuronColour(sizes, finding.layer, finding.node);
    const who = finding.node === undefined ? `layer ${finding.layer}` : `layer ${finding.layer}, node ${finding.node}`;
    return html`<li class="finding ${finding.kind}" data-kind="${finding.kind}">
      <span class="swatch" style="background:${colour}"></span><strong>${who}: ${TITLES[finding.kind] ?? finding.kind}.</strong>
      ${escapeHtml(finding.message)}</li>`;
  });
  root.innerHTML = findings.length
    ? html`<p id="diagnosis-summary" class="warn">diagnose() finds ${findings.length} problem${findings.length === 1 ? '' : 's'} on the ${X.cols} training points:</p>
        <ul id="findings">${items.join('')}</ul>`
    : html`<p id="diagnosis-summary" class="ok">diagnose() finds no problem on the ${X.cols} training points: every hidden neuron
        switches somewhere in the data, none is saturated, and every layer's activations have a healthy size.</p><ul id="findings"></ul>`;
}
