/**
 * What each hidden neuron does, before and after its activation: the article's
 * whole point is what ReLU cuts off.
 *
 * One input: a small plot per neuron with z = w·a + b over x (dashed) and
 * a = g(z) (solid), both in the neuron's colour, with axes.
 * Two inputs: two small heatmaps per neuron over the plane, z and a, blue
 * where positive, orange where negative, white at 0 (TensorFlow Playground's
 * signature view, with z added).
 */
import type { TraceStep } from 'feedforward';
import { drawAxes, path, scaleLinear } from './axes.js';
import { neuronColour } from './colours.js';
import { svg } from './dom.js';

const W = 180;
const H = 118;
const FRAME = { left: 34, right: W - 6, top: 16, bottom: H - 30 };
/** Beyond this many hidden neurons only the first are drawn: the page stays quick, and more would be a blur. */
const MAX_SHOWN = 16;

const sizesOfTrace = (trace: TraceStep[]) => [trace[0].input.rows, ...trace.map((step) => step.z.rows)];

/** One small plot per hidden neuron: z(x) dashed and a(x) solid. */
export function renderNeurons(root: HTMLElement, x: number[], trace: TraceStep[], domain: readonly [number, number]): void {
  const sizes = sizesOfTrace(trace);
  const plots: string[] = [];
  const sx = scaleLinear(domain, [FRAME.left, FRAME.right]);
  for (const step of trace.slice(0, -1)) {
    for (let i = 0; i < step.z.rows && plots.length < MAX_SHOWN; i++) {
      const z = step.z.data.subarray(i * step.z.cols, (i + 1) * step.z.cols);
      const a = step.a.data.subarray(i * step.a.cols, (i + 1) * step.a.cols);
      let lo = Math.min(0, ...z, ...a);
      let hi = Math.max(0, ...z, ...a);
      if (hi - lo < 1e-9) [lo, hi] = [lo - 1, hi + 1];
      const sy = scaleLinear([lo, hi], [FRAME.bottom, FRAME.top]);
      const colour = neuronColour(sizes, step.layer, i + 1);
      const axes = drawAxes(FRAME, sx, sy, { domain, title: '', count: 3 }, { domain: [lo, hi], title: '', count: 3 });
      plots.push(svg`<figure class="neuron-plot" data-layer="${step.layer}" data-node="${i + 1}">
        <svg viewBox="0 0 ${W} ${H}" role="img" aria-label="layer ${step.layer}, node ${i + 1}: z and a over x">
          <text class="neuron-title" x="${FRAME.left}" y="11" fill="${colour}">layer ${step.layer}, node ${i + 1}</text>
          ${axes}
          <line class="zero" x1="${FRAME.left}" x2="${FRAME.right}" y1="${sy(0)}" y2="${sy(0)}" />
          <path class="z-line" stroke="${colour}" d="${path(x.map((v, n) => [sx(v), sy(z[n])]))}" />
          <path class="a-line" stroke="${colour}" d="${path(x.map((v, n) => [sx(v), sy(a[n])]))}" />
        </svg></figure>`);
    }
  }
  const hidden = sizes.slice(1, -1).reduce((s, n) => s + n, 0);
  root.innerHTML = plots.length
    ? `<p class="muted">Each hidden neuron over x: <span class="key-z">- - - z = w·a + b</span>, before the activation, and
        <span class="key-a">—— a = g(z)</span> after it (ReLU cuts z below 0 to 0).
        ${hidden > MAX_SHOWN ? `The first ${MAX_SHOWN} of ${hidden}.` : ''}</p>
       <div class="neuron-grid">${plots.join('')}</div>`
    : '';
}

/** Writes one RGBA pixel: blue for positive values, orange for negative, white at 0; `scale` is drawn at full colour. */
function heat(pixels: Uint8ClampedArray, at: number, v: number, scale: number): void {
  const t = Math.min(1, Math.abs(v) / scale);
  pixels[at] = v >= 0 ? 255 - 218 * t : 255 - 21 * t;
  pixels[at + 1] = v >= 0 ? 255 - 156 * t : 255 - 167 * t;
  pixels[at + 2] = v >= 0 ? 255 - 20 * t : 255 - 243 * t;
  pixels[at + 3] = 255;
}

/** Two small heatmaps per hidden neuron, z and a over the plane, from the trace of the plane's grid (grid × grid points). */
export function renderNeuronMaps(root: HTMLElement, trace: TraceStep[], grid: number): void {
  const sizes = sizesOfTrace(trace);
  const cells: { layer: number; node: number; z: Float64Array; a: Float64Array }[] = [];
  for (const step of trace.slice(0, -1)) {
    for (let i = 0; i < step.z.rows && cells.length < MAX_SHOWN; i++) {
      const cols = step.z.cols;
      cells.push({ layer: step.layer, node: i + 1, z: step.z.data.subarray(i * cols, (i + 1) * cols), a: step.a.data.subarray(i * cols, (i + 1) * cols) });
    }
  }
  root.innerHTML = cells.length
    ? `<p class="muted">Each hidden neuron over the plane: z = w·a + b before the activation, and a after it
        (<span class="swatch heat-positive"></span>positive <span class="swatch heat-negative"></span>negative, white at 0: ReLU turns every orange cell white).</p>
       <div class="neuron-grid">${cells
         .map(
           (c) => svg`<figure class="neuron-map" data-layer="${c.layer}" data-node="${c.node}">
             <figcaption style="color:${neuronColour(sizes, c.layer, c.node)}">layer ${c.layer}, node ${c.node}</figcaption>
             <canvas class="map-z" width="${grid / 2}" height="${grid / 2}" aria-label="z of layer ${c.layer}, node ${c.node}"></canvas>
             <canvas class="map-a" width="${grid / 2}" height="${grid / 2}" aria-label="a of layer ${c.layer}, node ${c.node}"></canvas>
             <div class="map-labels"><span>z</span><span>a</span></div></figure>`,
         )
         .join('')}</div>`
    : '';
  // Every other cell of the plane's grid, row by row: a map half as wide, plenty for 72 px.
  const side = grid / 2;
  root.querySelectorAll<HTMLElement>('figure.neuron-map').forEach((figure, n) => {
    const { z, a } = cells[n];
    let scale = 1e-9;
    for (let k = 0; k < z.length; k++) scale = Math.max(scale, Math.abs(z[k]));
    for (const [cls, values] of [['map-z', z], ['map-a', a]] as const) {
      const canvas = figure.querySelector<HTMLCanvasElement>(`canvas.${cls}`)!;
      const pixels = new Uint8ClampedArray(side * side * 4);
      for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) heat(pixels, (r * side + c) * 4, values[2 * r * grid + 2 * c], scale);
      canvas.getContext('2d')!.putImageData(new ImageData(pixels, side, side), 0, 0);
    }
  });
}
