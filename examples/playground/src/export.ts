/**
 * "Take it away": the feedforward code that rebuilds the current network with
 * its exact weights, to paste into a Node script, and its toJSON().
 */
import { numberSource } from 'feedforward';
import { html } from './dom.js';
import { state } from './state.js';

/** TypeScript source that rebuilds `state.net` and prints a prediction. */
export function exportCode(): string {
  const net = state.net;
  const layers = net.layers.map((layer) => {
    const weights = layer.weights.toArray().map((row) => `[${row.map(numberSource).join(', ')}]`);
    const biases = Array.from(layer.biases.data, numberSource);
    return `  { weights: [${weights.join(', ')}], biases: [${biases.join(', ')}], activation: '${layer.activation.name}' },`;
  });
  const sample = net.inputs === 1 ? '[0.5]' : `[[${Array(net.inputs).fill('0.5').join(', ')}]]`;
  return [
    "import { Network } from 'feedforward';",
    '',
    `// layers ${JSON.stringify(net.sizes)}, exported from the feedforward playground`,
    'const net = Network.fromWeights([',
    ...layers,
    ']);',
    '',
    `console.log(JSON.stringify(net.predict(${sample})));`,
    '',
  ].join('\n');
}

export function renderExport(root: HTMLElement): void {
  root.innerHTML = html`
    <p>Paste this into a Node script (<code>npm install feedforward</code>, then <code>npx tsx script.ts</code>):</p>
    <textarea id="export-code" readonly rows="10" spellcheck="false"></textarea>
    <button id="copy">copy</button>
    <details><summary>net.toJSON()</summary><textarea id="export-json" readonly rows="6" spellcheck="false"></textarea></details>`;
  root.querySelector<HTMLTextAreaElement>('#export-code')!.value = exportCode();
  root.querySelector<HTMLTextAreaElement>('#export-json')!.value = JSON.stringify(state.net.toJSON());
  root.querySelector('#copy')?.addEventListener('click', () => navigator.clipboard?.writeText(exportCode()));
}
