/**
 * "See the function". One input: the prediction over x with every exact kink
 * (from `kinks()`) marked, and beneath it each hidden neuron's own line.
 * Two inputs: the plane coloured by the prediction or, on a toggle, by the
 * on/off pattern of the ReLU neurons, which shows the linear regions.
 */
import { isPiecewiseLinear, kinks, type Network } from 'feedforward';
import { short, svg } from './dom.js';
import { trainingData } from './data.js';
import { inputsOf, state, update } from './state.js';

export const DOMAIN: [number, number] = [-3, 3];
const WIDTH = 560;
const HEIGHT = 220;
const SAMPLES = 241;
const GRID = 96;

/**
 * The x where the lines are evaluated. A piecewise-linear network: the domain's
 * ends and every neuron's switching point, which makes every drawn line exact
 * with the fewest points. A smooth one: an even grid.
 */
function xs(found: ReturnType<typeof exactKinks>): number[] {
  if (found) {
    const switches = found.neurons.flatMap((neuron) => neuron.breakpoints);
    return [...new Set([...DOMAIN, ...found.breakpoints, ...switches])].sort((a, b) => a - b);
  }
  return Array.from({ length: SAMPLES }, (_, n) => DOMAIN[0] + ((DOMAIN[1] - DOMAIN[0]) * n) / (SAMPLES - 1));
}

/** Exact kinks when every activation is piecewise linear; null for smooth networks (tanh, sigmoid). */
export function exactKinks(net: Network) {
  return isPiecewiseLinear(net) ? kinks(net, { domain: DOMAIN }) : null;
}

function scaleLinear(domain: [number, number], range: [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return (v: number) => r0 + ((v - d0) * (r1 - r0)) / (d1 - d0 || 1);
}

function path(points: [number, number][]): string {
  return points.map(([x, y], n) => `${n === 0 ? 'M' : 'L'}${x.toFixed(2)},${y.toFixed(2)}`).join('');
}

function render1D(root: HTMLElement): void {
  const net = state.net;
  const found = exactKinks(net);
  const x = xs(found);
  const trace = net.trace([x]);
  const y = Array.from(trace[trace.length - 1].a.data);
  const yAt = new Map(x.map((v, n) => [v, y[n]]));
  const data = trainingData(state);
  const ys = [...y, ...(data ? Array.from(data.Y.data) : [])];
  const yRange: [number, number] = [Math.min(...ys) - 0.1, Math.max(...ys) + 0.1];
  const sx = scaleLinear(DOMAIN, [40, WIDTH - 10]);
  const sy = scaleLinear(yRange, [HEIGHT - 25, 10]);
  const markers = (found?.breakpoints ?? []).map((b) => {
    const yb = yAt.get(b) as number;
    return svg`<circle class="kink" cx="${sx(b)}" cy="${sy(yb)}" r="5"><title>kink at x = ${short(b)}</title></circle>`;
  });
  const dots = data
    ? Array.from(data.X.data, (xv, n) => svg`<circle class="data" cx="${sx(xv)}" cy="${sy(data.Y.data[n])}" r="2.5" />`)
    : [];
  const axis = svg`<line class="axis" x1="${sx(DOMAIN[0])}" x2="${sx(DOMAIN[1])}" y1="${sy(0)}" y2="${sy(0)}" />
    <text x="${sx(DOMAIN[0])}" y="${HEIGHT - 6}">${DOMAIN[0]}</text><text x="${sx(DOMAIN[1]) - 10}" y="${HEIGHT - 6}">${DOMAIN[1]}</text>`;
  const prediction = svg`<path class="prediction" d="${path(x.map((v, n) => [sx(v), sy(y[n])]))}" />`;

  // Each hidden neuron's own line, Aˡᵢ(x), in a panel beneath.
  const hidden = trace.slice(0, -1);
  const all = hidden.flatMap((step) => Array.from(step.a.data));
  const hRange: [number, number] = all.length ? [Math.min(0, ...all), Math.max(1e-9, ...all)] : [0, 1];
  const hy = scaleLinear(hRange, [HEIGHT - 25, 10]);
  const neuronLines = hidden.flatMap((step) =>
    step.a.toArray().map(
      (row, i) => svg`<path class="neuron-line layer-${step.layer}" data-layer="${step.layer}" data-node="${i + 1}"
        d="${path(x.map((v, n) => [sx(v), hy(row[n])]))}"><title>layer ${step.layer}, node ${i + 1}</title></path>`,
    ),
  );
  const count = found ? `${found.breakpoints.length}` : 'none (smooth activation)';
  root.innerHTML = `
    <p>kinks: <output id="kink-count">${found ? found.breakpoints.length : 0}</output>
      <span class="muted">${found ? `at x = ${found.breakpoints.map(short).join(', ') || '—'}` : count}</span></p>
    <p class="legend"><span class="swatch prediction"></span>prediction
      <span class="swatch data"></span>training data <span class="swatch kink"></span>exact kinks</p>
    <svg id="function-plot" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img"
      aria-label="the prediction over x">${axis}${dots.join('')}${prediction}${markers.join('')}</svg>
    <p class="muted">Each hidden neuron's output over x (the article's kinked lines), coloured by layer:
      ${hidden.map((step) => `<span class="swatch layer-${step.layer}"></span>layer ${step.layer}`).join(' ')}</p>
    <svg id="neuron-plot" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img"
      aria-label="each hidden neuron's output over x">${neuronLines.join('')}</svg>
    ${state.target === 'points' ? '<p class="muted">Click the upper plot to add a training point.</p>' : ''}`;

  root.querySelector('#function-plot')?.addEventListener('click', (event) => {
    if (state.target !== 'points') return;
    const box = (event.currentTarget as SVGSVGElement).getBoundingClientRect();
    const px = (((event as MouseEvent).clientX - box.left) * WIDTH) / box.width;
    const py = (((event as MouseEvent).clientY - box.top) * HEIGHT) / box.height;
    const invX = scaleLinear([40, WIDTH - 10], DOMAIN);
    const invY = scaleLinear([HEIGHT - 25, 10], yRange);
    update({ points: [...state.points, { x: invX(px), y: invY(py) }] });
  });
}

/** A colour for an on/off pattern: the same pattern always gets the same colour (an FNV-1a hash of it). */
function patternColour(pattern: string): [number, number, number] {
  let hash = 2166136261;
  for (let n = 0; n < pattern.length; n++) hash = Math.imul(hash ^ pattern.charCodeAt(n), 16777619);
  hash >>>= 0;
  return [110 + (hash & 127), 110 + ((hash >>> 8) & 127), 110 + ((hash >>> 16) & 127)];
}

function render2D(root: HTMLElement): void {
  const net = state.net;
  const points: number[][] = [[], []]; // the centre of every cell, row by row from the top
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      points[0].push(DOMAIN[0] + ((c + 0.5) * (DOMAIN[1] - DOMAIN[0])) / GRID);
      points[1].push(DOMAIN[1] - ((r + 0.5) * (DOMAIN[1] - DOMAIN[0])) / GRID);
    }
  }
  const trace = net.trace(points);
  const output = trace[trace.length - 1].a.data;
  const patterns = new Set<string>();
  const pixels = new Uint8ClampedArray(GRID * GRID * 4); // one RGBA pixel per cell, scaled up when drawn
  for (let n = 0; n < GRID * GRID; n++) {
    let rgb: [number, number, number];
    if (state.showRegions) {
      const bits = trace
        .slice(0, -1)
        .map((step) => Array.from({ length: step.z.rows }, (_, i) => (step.z.data[i * step.z.cols + n] > 0 ? '1' : '0')).join(''))
        .join('|');
      patterns.add(bits);
      rgb = patternColour(bits);
    } else {
      const p = output[n]; // sigmoid output: the probability of class 1
      rgb = [255 - 120 * p, 170 + 40 * p, 120 + 135 * p];
    }
    pixels.set([...rgb, 255], n * 4);
  }
  root.innerHTML = `
    <label><input id="regions" type="checkbox" ${state.showRegions ? 'checked' : ''}/> colour by ReLU on/off pattern (linear regions)</label>
    ${state.showRegions ? `<p>linear regions visible: <output id="region-count">${patterns.size}</output></p>` : ''}
    <p class="legend">${state.showRegions ? 'one colour per on/off pattern of the hidden neurons' : '<span class="swatch class0"></span>predicts class 0 <span class="swatch class1"></span>predicts class 1; dots: the training data'}</p>
    <canvas id="plane" width="${GRID * 4}" height="${GRID * 4}" aria-label="the plane coloured by the prediction"></canvas>`;
  const canvas = root.querySelector<HTMLCanvasElement>('#plane')!;
  const context = canvas.getContext('2d')!;
  const cells = document.createElement('canvas');
  cells.width = GRID;
  cells.height = GRID;
  cells.getContext('2d')!.putImageData(new ImageData(pixels, GRID, GRID), 0, 0);
  context.imageSmoothingEnabled = false; // crisp squares: one per evaluated point
  context.drawImage(cells, 0, 0, GRID * 4, GRID * 4);
  const data = trainingData(state);
  if (data) {
    const scale = (v: number) => ((v - DOMAIN[0]) / (DOMAIN[1] - DOMAIN[0])) * GRID * 4;
    for (let n = 0; n < data.X.cols; n++) {
      context.beginPath();
      context.arc(scale(data.X.data[n]), GRID * 4 - scale(data.X.data[data.X.cols + n]), 3, 0, 2 * Math.PI);
      context.fillStyle = data.Y.data[n] > 0.5 ? '#1d4ed8' : '#c2410c';
      context.fill();
      context.strokeStyle = 'white';
      context.stroke();
    }
  }
  root.querySelector('#regions')?.addEventListener('change', (e) => update({ showRegions: (e.target as HTMLInputElement).checked }));
}

export function renderFunction(root: HTMLElement): void {
  if (inputsOf(state.target) === 1) render1D(root);
  else render2D(root);
}
