/**
 * "Build a network": the architecture controls and the diagram, where every
 * neuron and weight is drawn (thickness by size, colour by sign) and a click
 * on a weight or a neuron opens an editor for that weight or bias.
 */
import { NEGATIVE, POSITIVE, neuronColour } from './colours.js';
import { featureNames } from './data.js';
import { html, svg } from './dom.js';
import { checkBox, numberBox } from './inputs.js';
import { type HiddenName, type InitName, articleFits, inputsOf, sizesOf, state, update } from './state.js';

const MAX_LAYERS = 6;
const MAX_NEURONS = 16;

/** The controls: layer list with +/− buttons, activation, init, seed. */
export function renderControls(root: HTMLElement): void {
  const sizes = sizesOf(state);
  const layers = state.hidden
    .map(
      (n, h) => `
      <div class="layer-control" data-layer="${h + 1}">
        <span>hidden layer ${h + 1}</span>
        <button data-action="fewer" data-hidden="${h}" aria-label="remove a neuron from hidden layer ${h + 1}" ${n <= 1 ? 'disabled' : ''}>−</button>
        <output>${n}</output>
        <button data-action="more" data-hidden="${h}" aria-label="add a neuron to hidden layer ${h + 1}" ${n >= MAX_NEURONS ? 'disabled' : ''}>+</button>
      </div>`,
    )
    .join('');
  root.innerHTML = html`
    <p class="sizes">layers: <code id="sizes">${JSON.stringify(sizes)}</code></p>
    <div class="layers">${layers}</div>
    <div class="row">
      <button id="add-layer" ${state.hidden.length >= MAX_LAYERS ? 'disabled' : ''}>add a hidden layer</button>
      <button id="remove-layer" ${state.hidden.length === 0 ? 'disabled' : ''}>remove the last hidden layer</button>
    </div>
    <div class="row">
      <label>hidden activation
        <select id="activation">${option(['relu', 'leakyRelu', 'tanh', 'sigmoid'], state.activation)}</select></label>
      <label>initialisation
        <select id="init">${initOptions()}</select></label>
      ${numberBox({ ...SEED_RULE, value: state.seed })}
    </div>`;

  root.querySelectorAll<HTMLButtonElement>('button[data-hidden]').forEach((button) =>
    button.addEventListener('click', () => {
      const h = Number(button.dataset.hidden);
      const hidden = state.hidden.slice();
      hidden[h] += button.dataset.action === 'more' ? 1 : -1;
      update({ hidden });
    }),
  );
  root.querySelector('#add-layer')?.addEventListener('click', () => update({ hidden: [...state.hidden, 2] }));
  root.querySelector('#remove-layer')?.addEventListener('click', () => update({ hidden: state.hidden.slice(0, -1) }));
  root.querySelector<HTMLSelectElement>('#activation')?.addEventListener('change', (e) =>
    update({ activation: (e.target as HTMLSelectElement).value as HiddenName }),
  );
  root.querySelector<HTMLSelectElement>('#init')?.addEventListener('change', (e) =>
    update({ init: (e.target as HTMLSelectElement).value as InitName }),
  );
  checkBox(root, { ...SEED_RULE, value: state.seed }, () => state.seed, (seed) => update({ seed }));
}

const SEED_RULE = {
  id: 'seed',
  label: 'seed',
  says: 'a whole number from 0 to 4294967295',
  test: (v: number) => Number.isInteger(v) && v >= 0 && v <= 0xffffffff,
  step: '1',
  min: '0',
};

/** The initialisations: the article's hand-picked weights (only for layers [1, 2, 2, 1]) or a seeded scheme. */
function initOptions(): string {
  const article = articleFits(state);
  const labels: Record<InitName, string> = {
    article: "the article's weights (articleNetwork())",
    he: 'he (seeded)',
    xavier: 'xavier (seeded)',
    uniform: 'uniform (seeded)',
  };
  return (Object.keys(labels) as InitName[])
    .map(
      (name) =>
        `<option value="${name}" ${name === state.init ? 'selected' : ''} ${name === 'article' && !article ? 'disabled' : ''}>${labels[name]}</option>`,
    )
    .join('');
}

export function option(values: readonly string[], selected: string): string {
  return values.map((v) => `<option value="${v}" ${v === selected ? 'selected' : ''}>${v}</option>`).join('');
}

/** Where neuron `node` (from 0) of layer `layer` (0 = inputs) sits in the diagram. */
function position(sizes: number[], layer: number, node: number, width: number, height: number) {
  const x = 70 + (layer * (width - 100)) / (sizes.length - 1);
  const gap = height / (sizes[layer] + 1);
  return { x, y: gap * (node + 1) };
}

/** The network diagram as SVG: circles for neurons, lines for weights. */
export function renderDiagram(root: HTMLElement, editor: HTMLElement): void {
  const sizes = sizesOf(state);
  const names = featureNames(inputsOf(state.target), state.features);
  const width = 560;
  const height = Math.max(160, 28 * Math.max(...sizes) + 40);
  const largest = Math.max(1e-9, ...state.net.layers.flatMap((layer) => Array.from(layer.weights.data, Math.abs)));
  const lines: string[] = [];
  const circles: string[] = [];
  state.net.layers.forEach((layer, l) => {
    const { rows: nOut, cols: nIn } = layer.weights;
    for (let i = 0; i < nOut; i++) {
      for (let k = 0; k < nIn; k++) {
        const w = layer.weights.data[i * nIn + k];
        const from = position(sizes, l, k, width, height);
        const to = position(sizes, l + 1, i, width, height);
        lines.push(
          svg`<line class="weight ${w >= 0 ? 'positive' : 'negative'}" data-layer="${l + 1}" data-node="${i + 1}" data-from="${k + 1}"
            x1="${from.x}" y1="${from.y}" x2="${to.x}" y2="${to.y}" stroke-width="${0.5 + (4 * Math.abs(w)) / largest}">
            <title>layer ${l + 1}, node ${i + 1} ← node ${k + 1}: w = ${w.toFixed(4)}</title></line>`,
        );
      }
    }
  });
  sizes.forEach((n, l) => {
    for (let i = 0; i < n; i++) {
      const { x, y } = position(sizes, l, i, width, height);
      const kind = l === 0 ? 'input' : l === sizes.length - 1 ? 'output' : 'hidden';
      const bias = l === 0 ? '' : `: b = ${state.net.layers[l - 1].biases.data[i].toFixed(4)}`;
      const colour = neuronColour(sizes, l, i + 1);
      const label = l === 0 ? names[i] : '';
      circles.push(
        svg`<circle class="neuron ${kind}" data-layer="${l}" data-node="${i + 1}" cx="${x}" cy="${y}" r="11"
          style="fill:${kind === 'hidden' ? colour : ''}"><title>layer ${l}, node ${i + 1}${bias}</title></circle>
          ${label ? svg`<text class="input-name" x="${x - 15}" y="${y + 4}">${label}</text>` : ''}`,
      );
    }
  });
  root.innerHTML = `<p class="legend" id="weight-legend"><span class="swatch" style="background:${POSITIVE}"></span>positive weight
      <span class="swatch" style="background:${NEGATIVE}"></span>negative weight; thicker: larger |w|.
      Each hidden neuron has its own colour, the same in every view. Click a weight or a neuron to edit it.</p>
    <svg viewBox="0 0 ${width} ${height}" role="img" aria-label="the network: neurons and weights">
    ${lines.join('')}${circles.join('')}</svg>`;

  root.querySelectorAll<SVGLineElement>('line.weight').forEach((line) =>
    line.addEventListener('click', () => {
      const { layer, node, from } = line.dataset;
      openEditor(editor, Number(layer), Number(node), Number(from));
    }),
  );
  root.querySelectorAll<SVGCircleElement>('circle.neuron:not(.input)').forEach((circle) =>
    circle.addEventListener('click', () => openEditor(editor, Number(circle.dataset.layer), Number(circle.dataset.node), 0)),
  );
}

/**
 * The editor for one weight (from > 0: layer's W[node][from]) or one bias (from = 0),
 * all numbers counting from 1. A slider and a number box; every change redraws everything.
 */
export function openEditor(editor: HTMLElement, layer: number, node: number, from: number): void {
  const params = state.net.layers[layer - 1];
  const isBias = from === 0;
  const array = isBias ? params.biases.data : params.weights.data;
  const index = isBias ? node - 1 : (node - 1) * params.weights.cols + (from - 1);
  const name = isBias ? `b (layer ${layer}, node ${node})` : `w (layer ${layer}, node ${node} ← node ${from})`;
  editor.hidden = false;
  const rule = { id: 'edit-value', label: name, says: 'a number', test: () => true, step: '0.01' };
  editor.innerHTML = html`
    <label>${name}
      <input id="edit-range" type="range" min="-3" max="3" step="0.01" value="${array[index]}" /></label>
    ${numberBox({ ...rule, value: array[index] })}
    <button id="edit-close">done</button>`;
  const set = (value: number) => {
    array[index] = value; // the network's own weight: every view redraws from it
    update({}, 'weights');
    editor.querySelector<HTMLInputElement>('#edit-range')!.value = String(value);
    editor.querySelector<HTMLInputElement>('#edit-value')!.value = String(value);
  };
  editor.querySelector('#edit-range')?.addEventListener('input', (e) => set(Number((e.target as HTMLInputElement).value)));
  checkBox(editor, { ...rule, value: array[index] }, () => array[index], set);
  editor.querySelector('#edit-close')?.addEventListener('click', () => {
    editor.hidden = true;
  });
}
