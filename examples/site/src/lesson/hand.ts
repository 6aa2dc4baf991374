/**
 * "Check one column by hand": one sample followed through the network with plain arithmetic, every product
 * written out with the current weights, then compared with the library's prediction for that column.
 */
import { short } from '../dom.js';
import { type LessonState, X, networkOf, paramValue } from './network.js';

/** A number as it is written inside a sum: negative numbers in parentheses. */
const term = (v: number) => (v < 0 ? `(${short(v)})` : short(v));

export function renderHand(root: HTMLElement, state: LessonState, redraw: () => void): void {
  const v = (id: string) => paramValue(state.values, id);
  const x = X[0][state.column];
  const relu = (z: number) => Math.max(0, z);
  const z1 = v('W1[0][0]') * x + v('b1[0]');
  const z2 = v('W1[1][0]') * x + v('b1[1]');
  const [a1, a2] = [relu(z1), relu(z2)];
  const z3 = v('w35[0][0]') * a1 + v('w35[0][1]') * a2 + v('b3');
  const z4 = v('w46[0][0]') * a1 + v('w46[0][1]') * a2 + v('b4');
  const [a3, a4] = [relu(z3), relu(z4)];
  const yHat = v('w7[0][0]') * a3 + v('w7[0][1]') * a4 + v('b5');
  const library = networkOf(state.values).forward(X).get(0, state.column);
  const agrees = Math.abs(library - yHat) <= 1e-12 * Math.max(1, Math.abs(yHat));
  const buttons = X[0]
    .map((value, j) => `<button class="column ${j === state.column ? 'primary' : ''}" data-column="${j}" aria-pressed="${j === state.column}">x = ${short(value)}</button>`)
    .join('');
  const line = (left: string, names: string, numbers: string, value: number, after = '') =>
    `<tr><th>${left}</th><td>= ${names}</td><td>= ${numbers}</td><td>= <strong>${short(value)}</strong></td><td>${after}</td></tr>`;
  root.innerHTML = `<div class="row" role="group" aria-label="column">${buttons}</div>
    <table class="by-hand" id="hand-table">
      ${line('z₁', 'W1[0][0]·x + b1[0]', `${term(v('W1[0][0]'))}·${term(x)} + ${term(v('b1[0]'))}`, z1, `a₁ = relu(z₁) = <strong>${short(a1)}</strong>`)}
      ${line('z₂', 'W1[1][0]·x + b1[1]', `${term(v('W1[1][0]'))}·${term(x)} + ${term(v('b1[1]'))}`, z2, `a₂ = relu(z₂) = <strong>${short(a2)}</strong>`)}
      ${line('z₃', 'w35[0][0]·a₁ + w35[0][1]·a₂ + b3', `${term(v('w35[0][0]'))}·${term(a1)} + ${term(v('w35[0][1]'))}·${term(a2)} + ${term(v('b3'))}`, z3, `a₃ = relu(z₃) = <strong>${short(a3)}</strong>`)}
      ${line('z₄', 'w46[0][0]·a₁ + w46[0][1]·a₂ + b4', `${term(v('w46[0][0]'))}·${term(a1)} + ${term(v('w46[0][1]'))}·${term(a2)} + ${term(v('b4'))}`, z4, `a₄ = relu(z₄) = <strong>${short(a4)}</strong>`)}
      ${line('ŷ', 'w7[0][0]·a₃ + w7[0][1]·a₄ + b5', `${term(v('w7[0][0]'))}·${term(a3)} + ${term(v('w7[0][1]'))}·${term(a4)} + ${term(v('b5'))}`, yHat, '(no ReLU)')}
    </table>
    <p>The library's prediction for column ${state.column + 1}, <code>net.forward(X)</code>: <strong id="hand-library">${short(library)}</strong>
      <span class="${agrees ? 'ok' : 'bad'}" id="hand-agrees">${agrees ? '✓ the same' : '✗ not the same'}</span></p>`;
  root.querySelectorAll<HTMLButtonElement>('button[data-column]').forEach((button) =>
    button.addEventListener('click', () => {
      state.column = Number(button.dataset.column);
      redraw();
    }),
  );
}
