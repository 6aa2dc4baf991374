/**
 * "Step through backpropagation": for the chosen training sample (or the whole
 * training set as one batch), layer by layer from the output back, the
 * matrices `net.backwardTrace` computes, each line with its chain-rule equation:
 *
 *   dAˡ = ∂ℓ/∂Aˡ          from the loss at the output, from layer l + 1 below it
 *   dZˡ = dAˡ ⊙ g′(Zˡ)     (dZᴸ = Aᴸ − Y when a sigmoid output meets cross-entropy)
 *   dWˡ = dZˡ·(Aˡ⁻¹)ᵀ / m
 *   dbˡ = sumRows(dZˡ) / m
 *   dAˡ⁻¹ = (Wˡ)ᵀ·dZˡ      handed to the layer before
 *
 * then the update of plain gradient descent, Wˡ − η·dWˡ and bˡ − η·dbˡ, which
 * the "one step" button applies to every layer so the learner sees the weights move.
 */
import { type BackwardStep, type Matrix, Network, matrix, scale, subtract, transpose } from 'feedforward';
import { dataOf } from './data.js';
import { networkInput, networkTarget } from './model.js';
import { EPSILON, lossOf, nudgeSlopes } from './nudge.js';
import { escapeHtml, html, short } from './dom.js';
import { chosenSample, listenToSample, sampleControl } from './sample.js';
import { matrixTable, rowColours } from './stepper.js';
import { state, update } from './state.js';
import { lossName } from './training.js';

/** The X and Y backpropagated: the chosen sample (1 column), or the whole training set. */
export function backpropData(): { X: Matrix; Y: Matrix } {
  const data = dataOf(state);
  if (state.backOn === 'batch' && data) return { X: networkInput(data.train.X), Y: networkTarget(data.train.Y) };
  const { X, Y } = chosenSample();
  return { X, Y };
}

/** Every layer's backward step, layer 1 first, as net.backwardTrace gives them. */
function backward(): BackwardStep[] {
  const { X, Y } = backpropData();
  return state.net.backwardTrace(X, Y, { loss: lossName() });
}

/** Plain gradient descent on every layer of `net`: W ← W − η·dW, b ← b − η·db (its own arrays, so every view follows). */
function gradientStep(net: Network, steps: BackwardStep[]): void {
  const eta = state.learningRate;
  steps.forEach((step, l) => {
    const { weights, biases } = net.layers[l];
    weights.data.set(subtract(weights, scale(step.dW, eta)).data);
    biases.data.set(subtract(biases, scale(step.db, eta)).data);
  });
}

/** The loss now and after the one step below (taken on a copy): what the step would do. */
function lossBeforeAfter(steps: BackwardStep[]): { before: number; after: number } {
  const { X, Y } = backpropData();
  const copy = Network.fromJSON(state.net.toJSON());
  const before = lossOf(copy, X, Y, lossName());
  gradientStep(copy, steps);
  return { before, after: lossOf(copy, X, Y, lossName()) };
}

/** The last step taken with the button: the loss before and after it, and the network it left (shown while unchanged). */
let lastStep: { before: number; after: number; net: string } | null = null;

/** One line of the walk: its equation, the one chain-rule step that gives it, then its matrices joined by the operators. */
const line = (equation: string, chain: string, parts: string) =>
  html`<div class="back-line"><p class="equation">${equation}</p><p class="chain">${chain}</p><div class="matrices">${parts}</div></div>`;

/** A number in a chain-rule line: three decimals, negative ones in brackets. */
const n = (v: number) => (v < 0 ? `(${short(v)})` : short(v));

/** The nudge check beside dW or db: a table of (L(w+ε) − L(w−ε))/2ε, one per shown weight, and how far from backprop's. */
function nudgeTable(name: string, label: string, slopes: number[][], backprop: Matrix, colours: string[]): string {
  const cols = backprop.cols;
  const worst = Math.max(0, ...slopes.flatMap((row, i) => row.map((v, j) => Math.abs(v - backprop.data[i * cols + j]))));
  return `${matrixTable(name, label, matrix(slopes), colours)}
    <span class="nudge" data-worst="${worst}">largest difference from backprop: ${worst.toExponential(1)}</span>`;
}

export function renderBackprop(root: HTMLElement): void {
  const layers = state.net.layers.length;
  const l = Math.max(1, Math.min(state.backLayer, layers));
  const steps = backward();
  const step = steps[l - 1];
  const m = step.z.cols;
  const { activation } = state.net.layers[l - 1];
  const W = state.net.layers[l - 1].weights;
  const b = state.net.layers[l - 1].biases;
  const own = rowColours(l);
  const before = rowColours(l - 1);
  const output = l === layers;
  const paired = output && lossName() === 'binaryCrossEntropy' && activation.name === 'sigmoid';
  const loss = lossName() === 'mse' ? 'ℓ = (ŷ − y)²' : 'ℓ = −y·log ŷ − (1 − y)·log(1 − ŷ)';
  const sup = (s: string | number) => `<sup>${s}</sup>`;
  const eta = state.learningRate;
  const { X, Y } = backpropData();
  // The chain-rule steps are written out on one number of each matrix: neuron 1, input 1, the first sample.
  const at = (M: Matrix, i = 0, j = 0) => M.data[i * M.cols + j];
  const one = m === 1 ? 'the sample' : 'sample 1';
  const mean = m === 1 ? '' : `, then the mean over the ${m} samples`;

  const buttons = Array.from({ length: layers }, (_, k) => layers - k)
    .map((k) => `<button class="back-layer ${k === l ? 'current' : ''}" data-layer="${k}">layer ${k}${k === layers ? ' (output)' : ''}</button>`)
    .join('');
  const dALine = output
    ? line(
        `dA${sup(l)} = ∂ℓ/∂A${sup(l)} for ${loss}: ${lossName() === 'mse' ? `2·(A${sup(l)} − Y)` : `(A${sup(l)} − Y) / (A${sup(l)}·(1 − A${sup(l)}))`}`,
        lossName() === 'mse'
          ? `Chain rule, first link: ℓ = (ŷ − y)², so ∂ℓ/∂ŷ = 2·(ŷ − y); for ${one}: 2·(${n(at(step.a))} − ${n(at(Y))}) = ${n(at(step.dA))}.`
          : `First link: ∂ℓ/∂ŷ = −y/ŷ + (1 − y)/(1 − ŷ) = (ŷ − y)/(ŷ·(1 − ŷ)); for ${one}: (${n(at(step.a))} − ${n(at(Y))}) / (${n(at(step.a))}·(1 − ${n(at(step.a))})) = ${n(at(step.dA))}.`,
        `${matrixTable('A', `A${sup(l)} = ŷ`, step.a, own)}<span class="op">,</span>${matrixTable('Y', 'Y (target)', Y)}
         <span class="op">→</span>${matrixTable('dA', `dA${sup(l)}`, step.dA, own)}`,
      )
    : line(
        `dA${sup(l)} = (W${sup(l + 1)})ᵀ·dZ${sup(l + 1)}: what layer ${l + 1} handed back`,
        `Each a${sup(l)}ⱼ feeds every neuron i of layer ${l + 1} through its weight wᵢⱼ, so ∂ℓ/∂aⱼ = Σᵢ ∂ℓ/∂zᵢ·wᵢⱼ; for neuron 1 and ${one}: ${Array.from(
          { length: steps[l].dZ.rows },
          (_, i) => `${n(at(steps[l].dZ, i))}·${n(at(state.net.layers[l].weights, i, 0))}`,
        ).join(' + ')} = ${n(at(step.dA))}.`,
        matrixTable('dA', `dA${sup(l)}`, step.dA, own),
      );
  const derivative = activation.name === 'softmax' ? Number.NaN : activation.df(at(step.z));
  const g = escapeHtml(activation.name); // an imported activation's name is text
  const dZLine = paired
    ? line(
        `dZ${sup(l)} = A${sup(l)} − Y (a sigmoid output with cross-entropy: the g′ cancels)`,
        `Chain rule: ∂ℓ/∂z = ∂ℓ/∂ŷ·σ′(z) = (ŷ − y)/(ŷ(1 − ŷ))·ŷ(1 − ŷ) = ŷ − y; for ${one}: ${n(at(step.a))} − ${n(at(Y))} = ${n(at(step.dZ))}.`,
        matrixTable('dZ', `dZ${sup(l)}`, step.dZ, own),
      )
    : line(
        `dZ${sup(l)} = dA${sup(l)} ⊙ ${g}′(Z${sup(l)})${activation.name === 'relu' ? ': relu′ is 1 where z > 0 and 0 where ReLU cut z off' : ''}`,
        `Chain rule: a = ${g}(z), so ∂ℓ/∂z = ∂ℓ/∂a·${g}′(z); for neuron 1 and ${one}: ${n(at(step.dA))}·${g}′(${n(at(step.z))}) = ${n(at(step.dA))}·${n(derivative)} = ${n(at(step.dZ))}.`,
        `${matrixTable('dA-again', `dA${sup(l)}`, step.dA, own)}<span class="op">⊙ ${g}′(</span>${matrixTable('Z', `Z${sup(l)}`, step.z, own)}
         <span class="op">) =</span>${matrixTable('dZ', `dZ${sup(l)}`, step.dZ, own)}`,
      );
  const slopes = nudgeSlopes(state.net, l, X, Y, lossName(), { rows: 8, cols: 8 });
  const dWLine = line(
    `dW${sup(l)} = dZ${sup(l)}·(A${sup(l - 1)})ᵀ / m, with m = ${m}`,
    `zᵢ = Σⱼ wᵢⱼ·aⱼ + bᵢ, so ∂zᵢ/∂wᵢⱼ = aⱼ and ∂ℓ/∂wᵢⱼ = ∂ℓ/∂zᵢ·aⱼ${mean}; w₁₁ for ${one}: ${n(at(step.dZ))}·${n(at(step.input))} = ${n(at(step.dZ) * at(step.input))}${m === 1 ? '' : ` (the mean: ${n(at(step.dW))})`}.
     Nudge check: w ± ε (ε = ${EPSILON}), (L(w + ε) − L(w − ε)) / 2ε beside it.`,
    `${matrixTable('dZ-again', `dZ${sup(l)}`, step.dZ, own)}<span class="op">·</span>${matrixTable('A-prev-T', `(A${sup(l - 1)})ᵀ`, transpose(step.input))}
     <span class="op">/ ${m} =</span>${matrixTable('dW', `dW${sup(l)}`, step.dW, own)}
     <span class="op">≈</span>${nudgeTable('dW-nudge', 'nudge: (L(w+ε) − L(w−ε))/2ε', slopes.dW, step.dW, own)}`,
  );
  const dbLine = line(
    `db${sup(l)} = sumRows(dZ${sup(l)}) / m`,
    `∂zᵢ/∂bᵢ = 1, so ∂ℓ/∂bᵢ = ∂ℓ/∂zᵢ${mean}; b₁ for ${one}: ${n(at(step.dZ))}${m === 1 ? '' : ` (the mean: ${n(at(step.db))})`}.`,
    `${matrixTable('db', `db${sup(l)}`, step.db, own)}<span class="op">≈</span>${nudgeTable('db-nudge', 'nudge: (L(b+ε) − L(b−ε))/2ε', slopes.db.map((v) => [v]), step.db, own)}`,
  );
  const handBack =
    l > 1
      ? line(
          `dA${sup(l - 1)} = (W${sup(l)})ᵀ·dZ${sup(l)}: handed back to layer ${l - 1}`,
          `Each aⱼ of layer ${l - 1} reaches the loss through every zᵢ here: ∂ℓ/∂aⱼ = Σᵢ ∂ℓ/∂zᵢ·wᵢⱼ, column j of W times dZ.`,
          `${matrixTable('W-T', `(W${sup(l)})ᵀ`, transpose(W), before)}<span class="op">·</span>${matrixTable('dZ-again2', `dZ${sup(l)}`, step.dZ, own)}
           <span class="op">=</span>${matrixTable('dA-prev', `dA${sup(l - 1)}`, steps[l - 2].dA, before)}`,
        )
      : '';
  const newW = subtract(W, scale(step.dW, eta));
  const newB = subtract(b, scale(step.db, eta));
  const updateLine = line(
    `The update, plain gradient descent with η = ${eta}: W${sup(l)} − η·dW${sup(l)} and b${sup(l)} − η·db${sup(l)}`,
    'Each weight moves a little against its slope: downhill on the loss.',
    `${matrixTable('W', `W${sup(l)}`, W, own)}<span class="op">− ${eta}·</span>${matrixTable('dW-again', `dW${sup(l)}`, step.dW, own)}
     <span class="op">=</span>${matrixTable('W-new', `new W${sup(l)}`, newW, own)}
     ${matrixTable('b', `b${sup(l)}`, b, own)}<span class="op">− ${eta}·</span>${matrixTable('db-again', `db${sup(l)}`, step.db, own)}
     <span class="op">=</span>${matrixTable('b-new', `new b${sup(l)}`, newB, own)}`,
  );
  const optimizerNote =
    state.optimizer === 'sgd' && state.l2 === 0
      ? 'Training (play) takes this same step on each minibatch.'
      : `Training (play) uses ${state.optimizer}${state.l2 > 0 ? ` and L2 λ = ${state.l2}` : ''}, which changes this step; "one step" here takes the plain one.`;
  const losses = lossBeforeAfter(steps);
  const on = m === 1 ? 'this sample' : `these ${m} samples`;

  root.innerHTML = html`
    <div class="row">backpropagate
      <label><input type="radio" name="back-on" value="sample" ${state.backOn === 'sample' ? 'checked' : ''} /> the chosen sample</label>
      <label><input type="radio" name="back-on" value="batch" ${state.backOn === 'batch' ? 'checked' : ''} /> the whole training set (one batch)</label></div>
    ${state.backOn === 'sample' ? sampleControl(chosenSample()) : ''}
    <div class="row" role="group" aria-label="layers, from the output back">${buttons}
      <button id="back-next" ${l <= 1 ? 'disabled' : ''}>back ▶</button></div>
    <p>Layer <strong id="back-current">${l}</strong> of ${layers}, from the output back (m = ${m} sample${m === 1 ? '' : 's'}):</p>
    ${dALine}${dZLine}${dWLine}${dbLine}${handBack}${updateLine}
    <p class="loss-step">The loss on ${on}: L = <output id="loss-before" data-value="${losses.before}">${losses.before.toPrecision(4)}</output> now,
      <output id="loss-after" data-value="${losses.after}">${losses.after.toPrecision(4)}</output> after one step.</p>
    ${lastStep?.net === JSON.stringify(state.net.toJSON()) ? `<p id="last-step" class="muted">The last step took L from ${lastStep.before.toPrecision(4)} to ${lastStep.after.toPrecision(4)}.</p>` : ''}
    <div class="row"><button id="back-step">one step: W ← W − η·dW, b ← b − η·db in every layer</button>
      <span class="muted">${optimizerNote}</span></div>`;

  listenToSample(root);
  root.querySelectorAll<HTMLInputElement>('input[name="back-on"]').forEach((radio) =>
    radio.addEventListener('change', () => update({ backOn: radio.value as 'sample' | 'batch' }, 'weights')),
  );
  root.querySelectorAll<HTMLButtonElement>('button.back-layer').forEach((button) =>
    button.addEventListener('click', () => update({ backLayer: Number(button.dataset.layer) }, 'weights')),
  );
  root.querySelector('#back-next')?.addEventListener('click', () => update({ backLayer: l - 1 }, 'weights'));
  root.querySelector('#back-step')?.addEventListener('click', () => {
    gradientStep(state.net, steps);
    lastStep = { before: losses.before, after: lossOf(state.net, X, Y, lossName()), net: JSON.stringify(state.net.toJSON()) };
    update({}, 'weights');
  });
}
