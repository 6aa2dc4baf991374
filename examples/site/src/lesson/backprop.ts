/**
 * Backpropagation derived: the article network on one sample (x, y), loss L = (ŷ − y)², from the output
 * back, each equation with the one chain-rule step that gives it, its numbers from net.backwardTrace, and
 * beside every derivative of a weight or a bias the nudge check: that one weight moved by ±ε, the network
 * run again, (L(w + ε) − L(w − ε)) / 2ε next to backpropagation's number (micrograd's lesson, on matrices).
 */
import { type BackwardStep, matrix, mse } from 'feedforward';
import { name, precise, short } from '../dom.js';
import { type LessonState, PARAMS, type Param, networkOf, shown } from './network.js';

/** The nudge ε: small enough that no kink lies within it unless a neuron sits right at one. */
export const EPSILON = 1e-5;

/** The loss of the network with these values on one sample. */
function lossOf(values: readonly number[], x: number, y: number): number {
  return mse.value(networkOf(values).forward([[x]]), [[y]]);
}

/** (L(w + ε) − L(w − ε)) / 2ε for parameter k. */
export function nudge(values: readonly number[], k: number, x: number, y: number): number {
  const up = [...values];
  const down = [...values];
  up[k] += EPSILON;
  down[k] -= EPSILON;
  return (lossOf(up, x, y) - lossOf(down, x, y)) / (2 * EPSILON);
}

/** Backpropagation's derivative of the loss with respect to one parameter: its entry of dW or db. */
function gradientOf(steps: BackwardStep[], p: Param): number {
  const step = steps[p.layer];
  return p.col < 0 ? step.db.get(p.row, 0) : step.dW.get(p.row, p.col);
}

const term = (v: number) => (v < 0 ? `(${short(v)})` : short(v));

/** The nudge-check table of the parameters named `names` (table names): backprop's number, the nudge's, and whether they agree. */
function nudgeTable(state: LessonState, steps: BackwardStep[], names: string[]): string {
  const rows = PARAMS.map((p, k) => ({ p, k }))
    .filter(({ p }) => names.includes(p.name))
    .map(({ p, k }) => {
      const step = steps[p.layer];
      const dz = step.dZ.get(p.row, 0);
      const input = p.col < 0 ? 1 : step.input.get(p.col, 0);
      const chain = `${term(dz)}·${term(input)}`;
      const backprop = gradientOf(steps, p);
      const nudged = nudge(state.values, k, state.backX, state.backY);
      const agrees = Math.abs(backprop - nudged) <= 1e-6 * Math.max(1, Math.abs(backprop));
      return `<tr data-param="${p.id}"><th>∂L/∂${p.id}</th><td>${chain}</td><td class="backprop" data-value="${backprop}">${precise(backprop)}</td>
        <td class="nudge" data-value="${nudged}">${precise(nudged)}</td><td class="${agrees ? 'ok' : 'bad'}">${agrees ? '✓' : '✗ a kink within ε'}</td></tr>`;
    })
    .join('');
  return `<table class="nudge-check"><thead><tr><th></th><th>chain rule</th><th>backprop</th><th>nudge (L(w+ε) − L(w−ε))/2ε</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
}

const block = (key: string, equation: string, chain: string, body: string) =>
  `<div class="derivation" data-equation="${key}"><p class="eq">${equation}</p><p class="chain"><span class="because">chain rule:</span> ${chain}</p>${body}</div>`;

export function renderBackprop(root: HTMLElement, state: LessonState, redraw: () => void): void {
  const { backX: x, backY: y } = state;
  const net = networkOf(state.values);
  const steps = net.backwardTrace([[x]], [[y]], { loss: 'mse' });
  const [one, two, out] = steps;
  const yHat = out.a.get(0, 0);
  const loss = lossOf(state.values, x, y);
  const eta = 0.01;
  const stepped = state.values.map((v, k) => v - eta * gradientOf(steps, PARAMS[k]));
  const after = lossOf(stepped, x, y);
  const on = (z: number) => (z > 0 ? 1 : 0);
  root.innerHTML = `<div class="row">
      <label>sample x <input type="number" id="back-x" step="0.25" value="${x}" /></label>
      <label>target y <input type="number" id="back-y" step="0.25" value="${y}" /></label>
      <span class="muted">ε = ${EPSILON}</span><span class="message bad" id="back-message" role="alert" hidden></span></div>
    ${block(
      'loss',
      `L = (ŷ − y)² = (${short(yHat)} − ${term(y)})² = <strong id="back-loss">${short(loss)}</strong>`,
      `the forward pass gives ŷ = ${name('prediction')} = ${short(yHat)} for x = ${short(x)}; the loss measures how far it is from y.`,
      '',
    )}
    ${block(
      'dprediction',
      `dprediction = ∂L/∂ŷ = 2(ŷ − y) = 2·(${short(yHat)} − ${term(y)}) = <strong>${short(out.dZ.get(0, 0))}</strong>`,
      `d/dŷ (ŷ − y)² = 2(ŷ − y). The output has no ReLU (ŷ is its own weighted sum z), so ∂ŷ/∂z = 1 and dZ³ = dA³.`,
      '',
    )}
    ${block(
      'dw7',
      `dw7 = dprediction · ${name('act5')}ᵀ &nbsp;&nbsp; db5 = dprediction`,
      `ŷ = ${name('w7')}[0][0]·a₃ + ${name('w7')}[0][1]·a₄ + ${name('b5')}, so ∂ŷ/∂w7[0][0] = a₃ = ${short(two.a.get(0, 0))}, ∂ŷ/∂w7[0][1] = a₄ = ${short(two.a.get(1, 0))}, ∂ŷ/∂b5 = 1; times ∂L/∂ŷ.`,
      nudgeTable(state, steps, ['w7', 'b5']),
    )}
    ${block(
      'dact5',
      `dact5 = ${name('w7')}ᵀ · dprediction`,
      `a₃ reaches L only through ŷ: ∂L/∂a₃ = ∂L/∂ŷ · ∂ŷ/∂a₃ = ${term(out.dZ.get(0, 0))}·${term(net.layers[2].weights.get(0, 0))}, and ∂L/∂a₄ = ${term(out.dZ.get(0, 0))}·${term(net.layers[2].weights.get(0, 1))}.`,
      `<div class="matrices">${shown('dact5 = dA²', two.dA)}</div>`,
    )}
    ${block(
      'dout5',
      `dout5 = dact5 ⊙ relu′(${name('out5')})`,
      `a₃ = relu(z₃) has slope 1 where z₃ > 0 and 0 where z₃ ≤ 0: ∂L/∂z₃ = ∂L/∂a₃ · relu′(z₃) = ${term(two.dA.get(0, 0))}·${on(two.z.get(0, 0))} (z₃ = ${short(two.z.get(0, 0))}), ∂L/∂z₄ = ${term(two.dA.get(1, 0))}·${on(two.z.get(1, 0))} (z₄ = ${short(two.z.get(1, 0))}).`,
      `<div class="matrices">${shown('dout5 = dZ²', two.dZ)}</div>`,
    )}
    ${block(
      'dw35',
      `dw35, dw46 = dout5 · ${name('act1')}ᵀ &nbsp;&nbsp; db3, db4 = dout5`,
      `z₃ = ${name('w35')}[0][0]·a₁ + ${name('w35')}[0][1]·a₂ + ${name('b3')}, so ∂z₃/∂w35[0][k] is a₁ = ${short(one.a.get(0, 0))} or a₂ = ${short(one.a.get(1, 0))}, and ∂z₃/∂b3 = 1; the same for z₄ with ${name('w46')} and ${name('b4')}; times ∂L/∂z.`,
      nudgeTable(state, steps, ['w35', 'w46', 'b3', 'b4']),
    )}
    ${block(
      'dact1',
      `dact1 = vstack(${name('w35')}, ${name('w46')})ᵀ · dout5`,
      `a₁ feeds both z₃ and z₄, so its derivative sums the two paths: ∂L/∂a₁ = ∂L/∂z₃·w35[0][0] + ∂L/∂z₄·w46[0][0] = ${term(two.dZ.get(0, 0))}·${term(net.layers[1].weights.get(0, 0))} + ${term(two.dZ.get(1, 0))}·${term(net.layers[1].weights.get(1, 0))}.`,
      `<div class="matrices">${shown('dact1 = dA¹', one.dA)}</div>`,
    )}
    ${block(
      'dout1',
      `dout1 = dact1 ⊙ relu′(${name('out1')})`,
      `as for layer 2: ∂L/∂z₁ = ∂L/∂a₁ · relu′(z₁) = ${term(one.dA.get(0, 0))}·${on(one.z.get(0, 0))} (z₁ = ${short(one.z.get(0, 0))}), ∂L/∂z₂ = ${term(one.dA.get(1, 0))}·${on(one.z.get(1, 0))} (z₂ = ${short(one.z.get(1, 0))}).`,
      `<div class="matrices">${shown('dout1 = dZ¹', one.dZ)}</div>`,
    )}
    ${block(
      'dW1',
      `dW1 = dout1 · Xᵀ &nbsp;&nbsp; db1 = dout1`,
      `z₁ = ${name('W1')}[0][0]·x + ${name('b1')}[0], so ∂z₁/∂W1[0][0] = x = ${short(x)} and ∂z₁/∂b1[0] = 1; times ∂L/∂z₁ (and the same for neuron 2).`,
      nudgeTable(state, steps, ['W1', 'b1']),
    )}
    ${block(
      'step',
      `one step of gradient descent, every weight w ← w − η·∂L/∂w with η = ${eta}: L goes from <strong>${short(loss)}</strong> to <strong id="back-after">${short(after)}</strong>`,
      `each weight moves against its own derivative, so near the weights L falls by about η·Σ(∂L/∂w)² = ${short(eta * PARAMS.reduce((s, p) => s + gradientOf(steps, p) ** 2, 0))} (a straight-line estimate: L is not a straight line, so the real change differs, and a larger η can overshoot).`,
      `<div class="matrices">${shown('the new W1', matrix([[stepped[0]], [stepped[1]]]))}</div>`,
    )}`;
  for (const [id, key] of [
    ['#back-x', 'backX'],
    ['#back-y', 'backY'],
  ] as const) {
    root.querySelector<HTMLInputElement>(id)?.addEventListener('change', (event) => {
      const input = event.target as HTMLInputElement;
      const value = input.value.trim() === '' ? Number.NaN : Number(input.value);
      const message = root.querySelector<HTMLElement>('#back-message');
      if (!Number.isFinite(value) || Math.abs(value) > 1e6) {
        if (message) {
          message.hidden = false;
          message.textContent = `${key === 'backX' ? 'x' : 'y'}: a number between −1,000,000 and 1,000,000, please`;
        }
        return;
      }
      state[key] = value;
      redraw();
    });
  }
}
