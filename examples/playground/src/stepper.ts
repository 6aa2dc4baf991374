/**
 * "Step through the forward pass": one layer at a time, for the chosen training
 * sample, the matrices of Zˡ = Wˡ·Aˡ⁻¹ + bˡ and Aˡ = g(Zˡ), named as the article
 * names them for its [1, 2, 2, 1] network. Each row is one neuron, marked with
 * the neuron's colour.
 */
import type { Matrix } from 'feedforward';
import { neuronColour } from './colours.js';
import { escapeHtml, html, short } from './dom.js';
import { chosenSample, listenToSample, sampleControl } from './sample.js';
import { sizesOf, state, update } from './state.js';

/** The article's names for the steps of its [1, 2, 2, 1] network. */
const ARTICLE_NAMES: Record<number, { W: string; b: string; Z: string; A: string }> = {
  1: { W: 'W1', b: 'b1', Z: 'out1', A: 'act1' },
  2: { W: 'vstack(w35, w46)', b: '[b3, b4]', Z: 'out5 = vstack(out3, out4)', A: 'act5' },
  3: { W: 'w7', b: 'b5', Z: 'prediction', A: 'prediction' },
};

export function isArticleNetwork(): boolean {
  return JSON.stringify(sizesOf(state)) === '[1,2,2,1]';
}

/** The colours of layer l's neurons (l = 0: the inputs), one per row of its matrices. */
export function rowColours(l: number): string[] {
  const sizes = sizesOf(state);
  return Array.from({ length: sizes[l] }, (_, i) => neuronColour(sizes, l, i + 1));
}

/** A number's exact text, −0 included (the backward pass makes −0 where ReLU is off). */
const exact = (v: number) => (Object.is(v, -0) ? '-0' : String(v));

/**
 * A small matrix as a table; each cell keeps its exact value in data-value for checking. With `colours`, each
 * row starts with its neuron's colour. At most `maxRows` rows and `maxCols` columns are shown (a batch is wide,
 * its transpose tall), the rest marked … and ⋮, so every view of a large batch stays as small as one of a sample.
 */
export function matrixTable(name: string, label: string, M: Matrix, colours?: string[], maxCols = 8, maxRows = 8): string {
  const rows = M.toArray()
    .slice(0, maxRows)
    .map((row, i) => {
      const who = colours ? `<th class="who" style="background:${colours[i]}"></th>` : '';
      const cells = row.slice(0, maxCols).map((v) => `<td data-value="${exact(v)}" title="${exact(v)}">${short(v)}</td>`).join('');
      return `<tr>${who}${cells}${row.length > maxCols ? '<td class="more">…</td>' : ''}</tr>`;
    })
    .join('');
  const more = M.rows > maxRows ? `<tr class="more-rows">${colours ? '<th></th>' : ''}<td class="more" colspan="${Math.min(M.cols, maxCols)}">⋮</td></tr>` : '';
  const cut = [M.rows > maxRows && `first ${maxRows} rows`, M.cols > maxCols && `first ${maxCols} columns`].filter(Boolean).join(', ');
  return html`<figure class="matrix" data-name="${name}">
      <figcaption>${label} <small>${M.rows}×${M.cols}${cut ? `, ${cut}` : ''}</small></figcaption>
      <table>${rows}${more}</table></figure>`;
}

export function renderStepper(root: HTMLElement): void {
  const layers = state.net.layers.length;
  const l = Math.min(state.stepLayer, layers);
  const sample = chosenSample();
  const step = state.net.trace(sample.X)[l - 1];
  const activation = escapeHtml(state.net.layers[l - 1].activation.name);
  const names = isArticleNetwork() ? ARTICLE_NAMES[l] : undefined;
  const named = (symbol: string, article?: string) => (article ? `${symbol} <em>(${article})</em>` : symbol);
  const buttons = state.net.layers
    .map((_, n) => `<button class="step-layer ${n + 1 === l ? 'current' : ''}" data-layer="${n + 1}">layer ${n + 1}</button>`)
    .join('');
  const previousA = l === 1 ? 'X (the sample)' : named(`A<sup>${l - 1}</sup>`, names ? ARTICLE_NAMES[l - 1].A : undefined);
  root.innerHTML = html`
    ${sampleControl(sample)}
    <div class="row" role="group" aria-label="layers">
      <button id="step-prev" ${l <= 1 ? 'disabled' : ''}>◀ previous</button>${buttons}
      <button id="step-next" ${l >= layers ? 'disabled' : ''}>next ▶</button></div>
    <p class="equation">Layer <strong id="step-current">${l}</strong> of ${layers}:
      Z<sup>${l}</sup> = W<sup>${l}</sup>·A<sup>${l - 1}</sup> + b<sup>${l}</sup>, then
      A<sup>${l}</sup> = ${activation}(Z<sup>${l}</sup>)</p>
    <div class="matrices">
      ${matrixTable('W', named(`W<sup>${l}</sup>`, names?.W), step.weights, rowColours(l))}
      <span class="op">·</span>
      ${matrixTable('A', previousA, step.input, rowColours(l - 1))}
      <span class="op">+</span>
      ${matrixTable('b', named(`b<sup>${l}</sup>`, names?.b), step.biases, rowColours(l))}
      <span class="op">=</span>
      ${matrixTable('Z', named(`Z<sup>${l}</sup>`, names?.Z), step.z, rowColours(l))}
      <span class="op">→ ${activation} →</span>
      ${matrixTable('a', named(`A<sup>${l}</sup>`, names?.A), step.a, rowColours(l))}
    </div>`;

  listenToSample(root);
  root.querySelectorAll<HTMLButtonElement>('button.step-layer').forEach((button) =>
    button.addEventListener('click', () => update({ stepLayer: Number(button.dataset.layer) }, 'weights')),
  );
  root.querySelector('#step-prev')?.addEventListener('click', () => update({ stepLayer: l - 1 }, 'weights'));
  root.querySelector('#step-next')?.addEventListener('click', () => update({ stepLayer: l + 1 }, 'weights'));
}
