/**
 * "Build a network": the architecture controls and the diagram, where every
 * neuron and weight is drawn (thickness by size, colour by sign) and a click
 * on a weight or a neuron opens an editor for that weight or bias.
 */
import { NEGATIVE, POSITIVE, neuronColour } from './colours.js';
import { featureNames } from './data.js';
import { html, svg } from './dom.js';
import { checkBox, numberBox } from './inputs.js';
import { RULES } from './rules.js';
import { type HiddenName, type InitName, articleFits, inputsOf, sizesOf, state, update } from './state.js';
import { MAX_HIDDEN_LAYERS as MAX_LAYERS, MAX_NEURONS } from './url.js';

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

const SEED_RULE = { id: 'seed', ...RULES.seed };

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
      openEditor(editor, { layer: Number(layer), node: Number(node), from: Number(from) });
    }),
  );
  root.querySelectorAll<SVGCircleElement>('circle.neuron:not(.input)').forEach((circle) =>
    circle.addEventListener('click', () =>
      openEditor(editor, { layer: Number(circle.dataset.layer), node: Number(circle.dataset.node), from: 0 }),
    ),
  );
  followEditor(editor);
}

/** A weight (from > 0: layer's W[node][from]) or a bias (from = 0), all numbers counting from 1. */
interface Place {
  layer: number;
  node: number;
  from: number;
}

/** What the editor is on, and the network it was drawn for; null when it is closed. */
let editing: (Place & { net: unknown }) | null = null;

/** The weight's or bias's array and index in the current network, or null if the network has no such place. */
function locate({ layer, node, from }: Place): { array: Float64Array; index: number; name: string } | null {
  const params = state.net.layers[layer - 1];
  if (!params || node > params.weights.rows || from > params.weights.cols) return null;
  return from === 0
    ? { array: params.biases.data, index: node - 1, name: `b (layer ${layer}, node ${node})` }
    : { array: params.weights.data, index: (node - 1) * params.weights.cols + (from - 1), name: `w (layer ${layer}, node ${node} ← node ${from})` };
}

/**
 * After every redraw of the diagram: a new network (a new architecture, an import) moves the editor to
 * the same place in it, or closes it when that place is gone; training only refreshes the shown value.
 */
function followEditor(editor: HTMLElement): void {
  if (!editing) return;
  const place = locate(editing);
  if (!place) {
    editing = null;
    editor.hidden = true;
    editor.innerHTML = '';
  } else if (editing.net !== state.net) {
    openEditor(editor, editing);
  } else {
    const box = editor.querySelector<HTMLInputElement>('#edit-value');
    if (box && document.activeElement !== box && box.getAttribute('aria-invalid') !== 'true') box.value = String(place.array[place.index]);
  }
}

/** The editor for one weight or bias: a slider and a checked number box; every change redraws everything. */
export function openEditor(editor: HTMLElement, at: Place): void {
  const place = locate(at);
  if (!place) return;
  editing = { ...at, net: state.net };
  const value = place.array[place.index];
  editor.hidden = false;
  const rule = { id: 'edit-value', ...RULES.weight, label: place.name };
  editor.innerHTML = html`
    <label>${place.name}
      <input id="edit-range" type="range" min="-3" max="3" step="0.01" value="${value}" /></label>
    ${numberBox({ ...rule, value })}
    <button id="edit-close">done</button>`;
  const current = () => {
    const now = locate(at);
    return now ? now.array[now.index] : Number.NaN;
  };
  const set = (v: number) => {
    const now = locate(at);
    if (!now) return;
    now.array[now.index] = v; // the network's own weight: every view redraws from it
    update({}, 'weights');
    editor.querySelector<HTMLInputElement>('#edit-range')!.value = String(v);
    editor.querySelector<HTMLInputElement>('#edit-value')!.value = String(v);
  };
  editor.querySelector('#edit-range')?.addEventListener('input', (e) => set(Number((e.target as HTMLInputElement).value)));
  checkBox(editor, { ...rule, value }, current, set);
  editor.querySelector('#edit-close')?.addEventListener('click', () => {
    editing = null;
    editor.hidden = true;
  });
}

/** Closes the editor (reset everything). */
export function closeEditor(editor: HTMLElement): void {
  editing = null;
  editor.hidden = true;
}
