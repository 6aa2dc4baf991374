/**
 * Number boxes that check what the learner types: a bad value shows a message
 * next to the box (and marks it aria-invalid) and is not used; the setting
 * keeps its last good value until the box holds a good one again.
 */
import { html } from './dom.js';
import type { Rule } from './rules.js';

/** A box's rule (rules.ts), its id (its message goes in the element with id `${id}-error`) and its value. */
export interface NumberRule extends Rule {
  id: string;
  value: number;
}

/** The box, its label and the place for its message. */
export function numberBox(rule: NumberRule): string {
  const attrs = [rule.step && `step="${rule.step}"`, rule.min && `min="${rule.min}"`, rule.max && `max="${rule.max}"`]
    .filter(Boolean)
    .join(' ');
  return html`<label class="checked">${rule.label}
    <input id="${rule.id}" type="number" ${attrs} value="${rule.value}" aria-describedby="${rule.id}-error" />
    <span id="${rule.id}-error" class="input-error" role="alert"></span></label>`;
}

/**
 * Listens to the box: a good value goes to `use`; a bad one (empty, not a number, or failing the rule)
 * gets a message saying what it must be and which value is kept.
 */
export function checkBox(root: HTMLElement, rule: NumberRule, current: () => number, use: (value: number) => void): void {
  const box = root.querySelector<HTMLInputElement>(`#${rule.id}`);
  const message = root.querySelector<HTMLElement>(`#${rule.id}-error`);
  if (!box || !message) return;
  box.addEventListener('change', () => {
    const text = box.value.trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value) || !rule.test(value)) {
      box.setAttribute('aria-invalid', 'true');
      message.textContent = `${rule.label} must be ${rule.says}: ${JSON.stringify(box.value)} is not used (still ${current()})`;
      return;
    }
    box.removeAttribute('aria-invalid');
    message.textContent = '';
    use(value);
  });
}
