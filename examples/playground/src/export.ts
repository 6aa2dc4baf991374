/**
 * "Take it away, bring it back": the feedforward code that rebuilds the current
 * network with its exact weights (its activations' settings and its
 * standardizers included, so it computes what `net.predict` computes here),
 * its toJSON(), a link to this exact page state, the whole page as a file
 * (for your own data beyond what a link carries), and the import of a network:
 * JSON, or the JavaScript object literal that console.log prints, or the file
 * saveNetwork writes, or the page's own file, or an ONNX model (saveOnnx's, or PyTorch's).
 */
import { Network, type NetworkJSON, fromOnnx } from 'feedforward';
import JSON5 from 'json5';
import { domainsOf } from './data.js';
import { html } from './dom.js';
import { MAX_OWN_POINTS } from './rules.js';
import { type State, resetNetwork, state, useNetwork } from './state.js';
import { MAX_LINK_POINTS, hashToState, readPoints, stateToHash } from './url.js';

/** A weight as source text: the shortest decimal that reads back as the same double, −0 kept. */
const numberSource = (x: number): string => (Object.is(x, -0) ? '-0' : String(x));

/** A value of an activation's spec as TypeScript: 'relu', 0.5, { name: 'leakyRelu', slope: 0.5 }. */
function literal(value: unknown): string {
  if (typeof value === 'string') return /['\\\n]/.test(value) ? JSON.stringify(value) : `'${value}'`;
  if (typeof value === 'number') return numberSource(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${literal(v)}`)
      .join(', ')} }`;
  }
  return String(value);
}

/** Five samples across the plotted range (two numbers each for two inputs), rounded for reading. */
function exampleSamples(): number[] | number[][] {
  const round = (v: number) => Number(v.toPrecision(3));
  const across = ([lo, hi]: readonly [number, number], n: number) => round(lo + ((hi - lo) * (n + 1)) / 6);
  const domains = domainsOf(state);
  const picks = [0, 1, 2, 3, 4];
  if (domains.length === 1) return picks.map((n) => across(domains[0], n));
  return picks.map((n) => [across(domains[0], n), across(domains[1], 4 - n)]);
}

/** TypeScript source that rebuilds `state.net` and prints its predictions on a few samples. */
export function exportCode(): string {
  const net = state.net;
  const json = net.toJSON();
  const layers = net.layers.map((layer, l) => {
    const weights = layer.weights.toArray().map((row) => `[${row.map(numberSource).join(', ')}]`);
    const biases = Array.from(layer.biases.data, numberSource);
    return `  { weights: [${weights.join(', ')}], biases: [${biases.join(', ')}], activation: ${literal(json.activations[l])} },`;
  });
  const scalers = (['inputs', 'outputs'] as const)
    .filter((side) => json.standardize?.[side])
    .map((side) => `  ${side}: standardizerFromJSON(${literal(json.standardize?.[side])}),`);
  const standardize = scalers.length
    ? ['', '// net.predict standardizes the inputs and maps the outputs back, as the page does', 'net.standardize = {', ...scalers, '};']
    : [];
  const samples = exampleSamples();
  return [
    `import { Network${scalers.length ? ', standardizerFromJSON' : ''} } from 'feedforward';`,
    '',
    `// layers ${JSON.stringify(net.sizes)}, exported from the feedforward playground`,
    'const net = Network.fromWeights([',
    ...layers,
    ']);',
    ...standardize,
    '',
    `const samples = ${JSON.stringify(samples)}; // ${net.inputs === 1 ? 'one x per sample' : 'one [x₁, x₂] per sample'}`,
    'console.log(JSON.stringify(net.predict(samples)));',
    '',
  ].join('\n');
}

/** The address of this page as it was opened (path and query, ?present included), with the current state as its hash. */
export function shareLink(): string {
  return `${location.href.split('#')[0]}${stateToHash()}`;
}

/** The whole page as a file: the link's settings and network, and your points however many. */
export function pageFile(): string {
  const points = state.points.map((p) => [...p.x, p.y]);
  return JSON.stringify({ format: 'feedforward-playground', version: 1, link: stateToHash(state, { points: false }), points });
}

/** A text that is not JSON: what to paste instead, the likely mistake named. */
function hint(text: string, error: Error): string {
  if (/\[(Array|Object)\]|more items?\b/.test(text)) {
    return (
      "Not imported: Node's console.log cut this short (it prints nested lists as [Array] and long ones as “… more items”). " +
      'Print the whole network with console.log(JSON.stringify(net.toJSON())) and paste that.'
    );
  }
  return (
    `Not imported: this is neither JSON nor a JavaScript object literal (${error.message.replace(/^JSON5: /, '')}). ` +
    "Paste what console.log(JSON.stringify(net.toJSON())) or console.log(net.toJSON()) prints, or open the file saveNetwork wrote."
  );
}

/** The page's own file: the settings and network of its link, and its points. */
function openPageFile(value: { link?: unknown; points?: unknown }): { ok: boolean; message: string } {
  if (typeof value.link !== 'string' || !Array.isArray(value.points) || !value.points.every(Array.isArray)) {
    return { ok: false, message: 'Not imported: a feedforward-playground file has a "link" (text) and "points" (a list of lists of numbers)' };
  }
  const points = readPoints(value.points as number[][], MAX_OWN_POINTS);
  if (typeof points === 'string') return { ok: false, message: `Not imported: ${points}` };
  const { change, net, problems } = hashToState(value.link);
  const all: Partial<State> = { ...change, points };
  if (net) useNetwork(net, all);
  else resetNetwork(all);
  return {
    ok: problems.length === 0,
    message: `Opened the page's file (${points.length} points)${problems.length ? `; not used: ${problems.join('; ')}` : ''}.`,
  };
}

/** Reads a network (JSON, a JavaScript object literal, or the page's own file) and puts it on the page; the message says what happened. */
export function importNetwork(text: string): { ok: boolean; message: string } {
  const trimmed = text.trim();
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    try {
      value = JSON5.parse(trimmed); // what console.log(net.toJSON()) prints: single quotes, bare keys (never eval)
    } catch (error) {
      return { ok: false, message: hint(trimmed, error as Error) };
    }
  }
  try {
    if (value && typeof value === 'object' && (value as { format?: unknown }).format === 'feedforward-playground') {
      return openPageFile(value as { link?: unknown; points?: unknown });
    }
    const net = Network.fromJSON(value as NetworkJSON);
    useNetwork(net);
    return { ok: true, message: `Imported a network with layers ${JSON.stringify(net.sizes)}.` };
  } catch (error) {
    return { ok: false, message: `Not imported: ${(error as Error).message}` };
  }
}

/** Reads an ONNX model's bytes (toOnnx's, or PyTorch's torch.onnx.export) and puts it on the page. */
export async function importOnnx(bytes: Uint8Array): Promise<{ ok: boolean; message: string }> {
  try {
    const net = await fromOnnx(bytes);
    useNetwork(net);
    return { ok: true, message: `Imported a network with layers ${JSON.stringify(net.sizes)}.` };
  } catch (error) {
    return { ok: false, message: `Not imported: ${(error as Error).message}` };
  }
}

/** The panel, drawn once: what is typed or pasted into the import box stays there across every redraw. */
function renderPanel(root: HTMLElement): void {
  root.innerHTML = html`
    <p>A link to this page as it is now (network, weights, target, settings and view):</p>
    <div class="row"><input id="share-link" readonly spellcheck="false" /><button id="copy-link">copy link</button></div>
    <p id="link-note" class="muted" hidden></p>
    <p>Paste this into a Node script (with feedforward installed from a clone or its <code>npm pack</code> tarball, as the README says; then <code>npx tsx script.ts</code>):</p>
    <textarea id="export-code" readonly rows="10" spellcheck="false"></textarea>
    <div class="row"><button id="copy">copy</button><button id="save-page">save the page as a file (with your data)</button></div>
    <details><summary>net.toJSON()</summary><textarea id="export-json" readonly rows="6" spellcheck="false"></textarea></details>
    <h3>Bring a network in</h3>
    <p class="muted">Paste <code>net.toJSON()</code> as JSON or as <code>console.log</code> prints it, or open the file <code>saveNetwork(net, 'model.json')</code> wrote (or this page's own file), or an ONNX model (<code>saveOnnx</code>'s, or PyTorch's <code>torch.onnx.export</code> of dense layers).</p>
    <textarea id="import-json" rows="4" spellcheck="false" placeholder='{"format":"feedforward-network",...}'></textarea>
    <div class="row"><button id="import-button">import</button>
      <label>or a file <input id="import-file" type="file" accept=".json,application/json,.onnx" /></label></div>
    <p id="import-message" role="status"></p>`;
  root.querySelector('#copy')?.addEventListener('click', () => navigator.clipboard?.writeText(exportCode()));
  root.querySelector('#copy-link')?.addEventListener('click', () => navigator.clipboard?.writeText(shareLink()));
  root.querySelector('#save-page')?.addEventListener('click', () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([pageFile()], { type: 'application/json' }));
    link.download = 'feedforward-playground.json';
    link.click();
    URL.revokeObjectURL(link.href);
  });
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

export function renderExport(root: HTMLElement): void {
  if (!root.querySelector('#import-json')) renderPanel(root);
  root.querySelector<HTMLInputElement>('#share-link')!.value = shareLink();
  root.querySelector<HTMLTextAreaElement>('#export-code')!.value = exportCode();
  root.querySelector<HTMLTextAreaElement>('#export-json')!.value = JSON.stringify(state.net.toJSON());
  const note = root.querySelector<HTMLElement>('#link-note')!;
  const tooMany = state.points.length > MAX_LINK_POINTS;
  note.hidden = !tooMany;
  note.textContent = tooMany
    ? `The link leaves out your ${state.points.length} points (a link carries at most ${MAX_LINK_POINTS}): "save the page as a file" keeps them, and the import box opens it.`
    : '';
}
