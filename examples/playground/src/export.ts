/**
 * "Take it away, bring it back": the feedforward code that rebuilds the current
 * network with its exact weights, its toJSON(), a link to this exact page
 * state, and the import of a network's JSON (from net.toJSON() or the file
 * saveNetwork writes) or of an ONNX model (saveOnnx's, or PyTorch's), so one
 * network goes from Node to the page and back.
 */
import { Network, fromOnnx } from 'feedforward';
import { html } from './dom.js';
import { state, useNetwork } from './state.js';
import { stateToHash } from './url.js';

/** A weight as source text: the shortest decimal that reads back as the same double, −0 kept. */
const numberSource = (x: number): string => (Object.is(x, -0) ? '-0' : String(x));

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

/** The address of this page with the current state in its hash. */
export function shareLink(): string {
  return `${location.origin}${location.pathname}${stateToHash()}`;
}

/** Reads a network's JSON text and puts it on the page; the message says what happened. */
export function importNetwork(text: string): { ok: boolean; message: string } {
  try {
    return show(Network.fromJSON(text.trim()));
  } catch (error) {
    return { ok: false, message: `Not imported: ${(error as Error).message}` };
  }
}

/** Reads an ONNX model's bytes (toOnnx's, or PyTorch's torch.onnx.export) and puts it on the page. */
export async function importOnnx(bytes: Uint8Array): Promise<{ ok: boolean; message: string }> {
  try {
    return show(await fromOnnx(bytes));
  } catch (error) {
    return { ok: false, message: `Not imported: ${(error as Error).message}` };
  }
}

/** Puts a network read from a file on the page. */
function show(net: Network): { ok: boolean; message: string } {
  useNetwork(net);
  return { ok: true, message: `Imported a network with layers ${JSON.stringify(net.sizes)}.` };
}

export function renderExport(root: HTMLElement): void {
  root.innerHTML = html`
    <p>A link to this page as it is now (network, weights, target, settings and view):</p>
    <div class="row"><input id="share-link" readonly spellcheck="false" /><button id="copy-link">copy link</button></div>
    <p>Paste this into a Node script (with feedforward installed from a clone or its <code>npm pack</code> tarball, as the README says; then <code>npx tsx script.ts</code>):</p>
    <textarea id="export-code" readonly rows="10" spellcheck="false"></textarea>
    <button id="copy">copy</button>
    <details><summary>net.toJSON()</summary><textarea id="export-json" readonly rows="6" spellcheck="false"></textarea></details>
    <h3>Bring a network in</h3>
    <p class="muted">Paste the JSON of <code>net.toJSON()</code>, or open the file <code>saveNetwork(net, 'model.json')</code> wrote, or an ONNX model (<code>saveOnnx</code>'s, or PyTorch's <code>torch.onnx.export</code> of dense layers).</p>
    <textarea id="import-json" rows="4" spellcheck="false" placeholder='{"format":"feedforward-network",...}'></textarea>
    <div class="row"><button id="import-button">import</button>
      <label>or a file <input id="import-file" type="file" accept=".json,application/json,.onnx" /></label></div>
    <p id="import-message" role="status"></p>`;
  root.querySelector<HTMLInputElement>('#share-link')!.value = shareLink();
  root.querySelector<HTMLTextAreaElement>('#export-code')!.value = exportCode();
  root.querySelector<HTMLTextAreaElement>('#export-json')!.value = JSON.stringify(state.net.toJSON());
  root.querySelector('#copy')?.addEventListener('click', () => navigator.clipboard?.writeText(exportCode()));
  root.querySelector('#copy-link')?.addEventListener('click', () => navigator.clipboard?.writeText(shareLink()));
  const report = (result: { ok: boolean; message: string }) => {
    const box = document.querySelector<HTMLElement>('#import-message');
    if (!box) return;
    box.textContent = result.message;
    box.className = result.ok ? 'ok' : 'error';
  };
  root.querySelector('#import-button')?.addEventListener('click', () =>
    report(importNetwork(root.querySelector<HTMLTextAreaElement>('#import-json')!.value)),
  );
  root.querySelector<HTMLInputElement>('#import-file')?.addEventListener('change', async (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file?.name.toLowerCase().endsWith('.onnx')) report(await importOnnx(new Uint8Array(await file.arrayBuffer())));
    else if (file) report(importNetwork(await file.text()));
  });
}
