/**
 * The lesson page: the article's walk-through, every number computed here by the library from the
 * thirteen weights and biases in the panel on the left (network.ts); every change redraws every step.
 */
import { Network, applyWeights, kinks, matrix, relu, twoNode, vstack } from 'feedforward';
import { linear, name, short } from '../dom.js';
import { renderBackprop } from './backprop.js';
import { renderDiagram } from './diagram.js';
import { renderHand } from './hand.js';
import { ARTICLE_VALUES, type LessonState, PARAMS, X, colour, layersOf, networkOf, shown } from './network.js';
import { type Curve, DOMAIN, plot } from './plot.js';

const state: LessonState = { values: [...ARTICLE_VALUES], column: 0, backX: 3, backY: 0 };

const live = (key: string) => document.querySelector<HTMLElement>(`[data-live="${key}"]`) as HTMLElement;
/** The width a figure is drawn at: its section's, so that its text stays at the size written. */
const figureWidth = (key: string) => Math.max(280, Math.min(820, live(key).clientWidth || 560));

const code = (lines: string) => `<pre class="code">${lines}</pre>`;

/** Weights and biases panel: a slider to drag and a box to type, per weight; a message by a box that cannot be read. */
function renderWeights(root: HTMLElement): void {
  const rows = PARAMS.map((p, k) => {
    const index = p.id.slice(p.name.length);
    return `<div class="param" title="${p.what}">
      <label for="box-${k}">${name(p.name)}${index}</label>
      <input type="range" min="-4" max="4" step="0.05" value="${state.values[k]}" data-param="${p.id}" aria-label="${p.id}, ${p.what}" />
      <input type="number" id="box-${k}" step="0.1" value="${state.values[k]}" data-param="${p.id}" />
      <span class="message bad" role="alert" hidden></span></div>`;
  }).join('');
  root.innerHTML = `<h2>Weights and biases</h2>
    <p class="muted small">Drag or type; <kbd>Enter</kbd> is not needed.</p>
    <div class="params">${rows}</div>
    <button id="reset-weights">the article's weights</button>`;
  root.querySelectorAll<HTMLInputElement>('input[data-param]').forEach((input) =>
    input.addEventListener('input', () => {
      const k = PARAMS.findIndex((p) => p.id === input.dataset.param);
      const message = input.parentElement?.querySelector<HTMLElement>('.message');
      const value = input.value.trim() === '' ? Number.NaN : Number(input.value);
      if (!Number.isFinite(value) || Math.abs(value) > 1e6) {
        if (message) {
          message.hidden = false;
          message.textContent = 'a number between −1,000,000 and 1,000,000, please';
        }
        return;
      }
      if (message) message.hidden = true;
      state.values[k] = value;
      root.querySelectorAll<HTMLInputElement>(`input[data-param="${CSS.escape(PARAMS[k].id)}"]`).forEach((other) => {
        if (other !== input) other.value = String(value);
      });
      renderSteps();
    }),
  );
  root.querySelector('#reset-weights')?.addEventListener('click', () => {
    state.values = [...ARTICLE_VALUES];
    renderWeights(root);
    renderSteps();
  });
}

/** One-neuron networks for the figures: the function of x that a neuron's z or a computes. */
function neuronNet(values: number[], layer: 1 | 2, row: number, activated: boolean): Network {
  const [one, two] = layersOf(values);
  const layers = layer === 1 ? [{ weights: [one.weights[row]], biases: [one.biases[row]] }] : [one, { weights: [two.weights[row]], biases: [two.biases[row]] }];
  return Network.fromWeights(layers, { output: activated ? 'relu' : 'linear' });
}

function renderSteps(): void {
  const { values } = state;
  const [one, two, out] = layersOf(values);
  const W1 = one.weights;
  const b1 = one.biases;
  const w35 = [two.weights[0]];
  const w46 = [two.weights[1]];
  const [b3, b4] = two.biases;
  const w7 = out.weights;
  const [b5] = out.biases;

  renderDiagram(live('diagram'), values);

  const out1 = applyWeights(X, W1, b1);
  const zCurves = (activated: boolean, layer: 1 | 2): Curve[] =>
    [0, 1].map((row) => ({
      label: `${activated ? 'a' : 'z'}<sub>${layer === 1 ? row + 1 : row + 3}</sub>`,
      colour: colour(layer, row + 1),
      net: neuronNet(values, layer, row, activated),
      dashed: !activated,
    }));
  const crossing = (w: number, b: number) => (w === 0 ? 'never' : `at x = ${short(-b / w)}`);
  live('step1').innerHTML = `${code(`const X = [[-2, -1, 0, 1, 2]];\nconst out1 = applyWeights(X, ${name('W1')}, ${name('b1')}); // Z¹ = W¹·X + b¹: z₁ = ${linear([[W1[0][0], 'x']], b1[0])}, z₂ = ${linear([[W1[1][0], 'x']], b1[1])}`)}
    <div class="matrices">${shown('X', matrix(X))}${shown(name('W1'), matrix(W1), 'W1')}${shown(name('b1'), matrix(b1.map((b) => [b])), 'b1')}${shown(`${name('out1')} = applyWeights(X, W1, b1)`, out1, 'out1')}</div>
    ${plot('layer1-z', zCurves(false, 1), figureWidth('step1'))}
    <p class="muted">Two straight lines: z₁ crosses 0 ${crossing(W1[0][0], b1[0])}, z₂ ${crossing(W1[1][0], b1[1])}.</p>`;

  const act1 = relu(out1);
  live('step2').innerHTML = `${code(`const act1 = relu(${name('out1')}); // A¹ = relu(Z¹)`)}
    <div class="matrices">${shown(`${name('act1')} = relu(out1)`, act1, 'act1')}</div>
    ${plot('layer1-a', zCurves(true, 1), figureWidth('step2'))}`;

  const out3 = applyWeights(act1, w35, b3);
  const out4 = applyWeights(act1, w46, b4);
  const bends = (net: Network) => kinks(net, { domain: DOMAIN }).breakpoints.length;
  const [z3, z4] = zCurves(false, 2);
  live('step3').innerHTML = `${code(`const out3 = applyWeights(${name('act1')}, ${name('w35')}, ${name('b3')}); // z₃ = ${linear([[w35[0][0], 'a₁'], [w35[0][1], 'a₂']], b3)}\nconst out4 = applyWeights(${name('act1')}, ${name('w46')}, ${name('b4')}); // z₄ = ${linear([[w46[0][0], 'a₁'], [w46[0][1], 'a₂']], b4)}`)}
    <div class="matrices">${shown(name('w35'), matrix(w35), 'w35')}${shown(name('w46'), matrix(w46), 'w46')}${shown(`${name('out3')}`, out3, 'out3')}${shown(`${name('out4')}`, out4, 'out4')}</div>
    ${plot('layer2-z', [z3, z4], figureWidth('step3'))}
    <p class="muted">z₃ bends ${bends(z3.net)} time(s), z₄ ${bends(z4.net)} time(s) in [−3, 3]: each where a layer-1 neuron switches.</p>`;

  const W2 = vstack(w35, w46);
  const out5 = twoNode(act1, W2, [b3, b4]);
  const act5 = relu(out5);
  const stacked = vstack(out3, out4);
  const same = out5.data.every((v, n) => v === stacked.data[n]);
  live('step4').innerHTML = `${code(`const out5 = twoNode(${name('act1')}, vstack(${name('w35')}, ${name('w46')}), [${name('b3')}, ${name('b4')}]); // Z² = W²·A¹ + b²\nconst act5 = relu(${name('out5')}); // A² = relu(Z²)`)}
    <div class="matrices">${shown(`${name('out5')} = twoNode(…)`, out5, 'out5')}${shown(`${name('act5')} = relu(out5)`, act5, 'act5')}</div>
    <p>twoNode equals vstack(out3, out4): <strong class="${same ? 'ok' : 'bad'}" id="two-node-same">${same}</strong></p>
    ${plot('layer2-a', [...zCurves(true, 2), z3, z4], figureWidth('step4'))}`;

  const prediction = applyWeights(act5, w7, b5);
  const net = networkOf(values);
  const found = kinks(net, { domain: DOMAIN });
  const switches = found.neurons
    .map((n) => `<li><span class="dot" style="background:${colour(n.layer, n.node)}"></span>layer ${n.layer}, node ${n.node} (neuron ${n.layer === 1 ? n.node : n.node + 2}) ${n.breakpoints.length ? `switches at x = ${n.breakpoints.map(short).join(', ')}` : 'never switches in [−3, 3]'}</li>`)
    .join('');
  live('step5').innerHTML = `${code(`const prediction = applyWeights(${name('act5')}, ${name('w7')}, ${name('b5')}); // ŷ = ${linear([[w7[0][0], 'a₃'], [w7[0][1], 'a₄']], b5)}`)}
    <div class="matrices">${shown(name('w7'), matrix(w7), 'w7')}${shown(`${name('prediction')}`, prediction, 'prediction')}</div>
    ${plot('prediction', [{ label: 'ŷ', colour: '#111827', net }], figureWidth('step5'))}
    <p>For x in [−3, 3] the prediction bends <strong id="kink-count">${found.breakpoints.length}</strong> time(s)${found.breakpoints.length ? `, at x = <span id="kink-list">${found.breakpoints.map(short).join(', ')}</span>` : ''}.</p>
    <ul class="switches">${switches}</ul>`;

  const forward = net.forward(X);
  const identical = forward.data.every((v, n) => v === prediction.data[n]);
  live('step6').innerHTML = `${code(`const net = Network.fromWeights([\n  { weights: ${name('W1')}, biases: ${name('b1')} },\n  { weights: vstack(${name('w35')}, ${name('w46')}), biases: [${name('b3')}, ${name('b4')}] },\n  { weights: ${name('w7')}, biases: [${name('b5')}] },\n]);\nnet.forward(X); // the five steps in one call`)}
    <div class="matrices">${shown('net.forward(X)', forward)}</div>
    <p>net.forward(X) equals the hand-nested steps, bit for bit: <strong class="${identical ? 'ok' : 'bad'}" id="forward-same">${identical}</strong>.
      <code>net.predict([-2, -1, 0, 1, 2])</code> = <code>${JSON.stringify(net.predict(X[0]))}</code>${values.every((v, k) => v === ARTICLE_VALUES[k]) ? '; this is <code>articleNetwork()</code>.' : '.'}</p>`;

  renderHand(live('hand'), state, () => renderSteps());
  renderBackprop(live('backprop'), state, () => renderSteps());
}

renderWeights(document.getElementById('weights') as HTMLElement);
renderSteps();
let lastWidth = window.innerWidth;
window.addEventListener('resize', () => {
  if (Math.abs(window.innerWidth - lastWidth) < 40) return;
  lastWidth = window.innerWidth;
  renderSteps();
});
