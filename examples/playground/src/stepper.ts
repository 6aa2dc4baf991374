/**
 * "Step through the forward pass": one layer at a time, for one chosen sample,
 * the matrices of Zˡ = Wˡ·Aˡ⁻¹ + bˡ and Aˡ = g(Zˡ), named as the article names
 * them for its [1, 2, 2, 1] network.
 */
import type { Matrix } from 'feedforward';
import { html, short } from './dom.js';
import { inputsOf, sizesOf, state, update } from './state.js';

/** The article's names for the steps of its [1, 2, 2, 1] network. */
const ARTICLE_NAMES: Record<number, { W: string; b: string; Z: string; A: string }> = {
  1: { W: 'W1', b: 'b1', Z: 'out1', A: 'act1' },
  2: { W: 'vstack(w35, w46)', b: '[b3, b4]', Z: 'out5 = vstack(out3, out4)', A: 'act5' },
  3: { W: 'w7', b: 'b5', Z: 'prediction', A: 'prediction' },
};

function isArticleNetwork(): boolean {
  return JSON.stringify(sizesOf(state)) === '[1,2,2,1]';
}

/** A small matrix as a table; each cell keeps its exact value in data-value for checking. */
export function matrixTable(name: string, label: string, M: Matrix): string {
  const rows = M.toArray()
    .map((row) => `<tr>${row.map((v) => `<td data-value="${v}" title="${v}">${short(v)}</td>`).join('')}</tr>`)
    .join('');
  return html`<figure class="matrix" data-name="${name}">
      <figcaption>${label} <small>${M.rows}×${M.cols}</small></figcaption>
      <table>${rows}</table></figure>`;
}

export function renderStepper(root: HTMLElement): void {
  const layers = state.net.layers.length;
  const l = Math.min(state.stepLayer, layers);
  const X = state.sample.map((v) => [v]); // one column: the chosen sample
  const step = state.net.trace(X)[l - 1];
  const activation = state.net.layers[l - 1].activation.name;
  const names = isArticleNetwork() ? ARTICLE_NAMES[l] : undefined;
  const named = (symbol: string, article?: string) => (article ? `${symbol} <em>(${article})</em>` : symbol);
  const sampleInputs = state.sample
    .map(
      (v, n) => html`<label>x${inputsOf(state.target) > 1 ? n + 1 : ''}
        <input class="sample" data-index="${n}" type="range" min="-3" max="3" step="0.05" value="${v}" />
        <output>${short(v)}</output></label>`,
    )
    .join('');
  const buttons = state.net.layers
    .map((_, n) => `<button class="step-layer ${n + 1 === l ? 'current' : ''}" data-layer="${n + 1}">layer ${n + 1}</button>`)
    .join('');
  root.innerHTML = html`
    <div class="row">${sampleInputs}</div>
    <div class="row" role="group" aria-label="layers">
      <button id="step-prev" ${l <= 1 ? 'disabled' : ''}>◀ previous</button>${buttons}
      <button id="step-next" ${l >= layers ? 'disabled' : ''}>next ▶</button></div>
    <p class="equation">Layer <strong id="step-current">${l}</strong> of ${layers}:
      Z<sup>${l}</sup> = W<sup>${l}</sup>·A<sup>${l - 1}</sup> + b<sup>${l}</sup>, then
      A<sup>${l}</sup> = ${activation}(Z<sup>${l}</sup>)</p>
    <div class="matrices">
      ${matrixTable('W', named(`W<sup>${l}</sup>`, names?.W), step.weights)}
      <span class="op">·</span>
      ${matrixTable('A', l === 1 ? 'X (the sample)' : named(`A<sup>${l - 1}</sup>`, ARTICLE_NAMES[l - 1]?.A && names ? ARTICLE_NAMES[l - 1].A : undefined), step.input)}
      <span class="op">+</span>
      ${matrixTable('b', named(`b<sup>${l}</sup>`, names?.b), step.biases)}
      <span class="op">=</span>
      ${matrixTable('Z', named(`Z<sup>${l}</sup>`, names?.Z), step.z)}
      <span class="op">→ ${activation} →</span>
      ${matrixTable('a', named(`A<sup>${l}</sup>`, names?.A), step.a)}
    </div>`;

  root.querySelectorAll<HTMLInputElement>('input.sample').forEach((input) =>
    input.addEventListener('change', () => {
      const sample = state.sample.slice();
      sample[Number(input.dataset.index)] = Number(input.value);
      update({ sample });
    }),
  );
  root.querySelectorAll<HTMLButtonElement>('button.step-layer').forEach((button) =>
    button.addEventListener('click', () => update({ stepLayer: Number(button.dataset.layer) })),
  );
  root.querySelector('#step-prev')?.addEventListener('click', () => update({ stepLayer: l - 1 }));
  root.querySelector('#step-next')?.addEventListener('click', () => update({ stepLayer: l + 1 }));
}
