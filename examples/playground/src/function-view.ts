/**
 * "See the function". One input: the prediction over x with every exact kink
 * (from `kinks()`) marked, the training points (filled) and the held-out points
 * (rings). Two inputs: the plane coloured by the prediction or, on a toggle, by
 * the on/off pattern of the ReLU neurons, which shows the linear regions.
 * Each hidden neuron's own z and a are drawn beneath by neurons-view.ts.
 */
import { isPiecewiseLinear, kinks, type Network } from 'feedforward';
import { drawAxes, path, scaleLinear, tickText, ticks } from './axes.js';
import { dataOf, domainsOf } from './data.js';
import { escapeHtml, short, svg } from './dom.js';
import { inputScale, traceOn } from './model.js';
import { renderNeuronMaps, renderNeurons } from './neurons-view.js';
import { chosenSample } from './sample.js';
import { inputsOf, state, update } from './state.js';

const WIDTH = 560;
const HEIGHT = 250;
const FRAME = { left: 48, right: WIDTH - 10, top: 10, bottom: HEIGHT - 38 };
const SAMPLES = 241;
const GRID = 96;

/**
 * Exact kinks when the network is piecewise linear in x (relu, leakyRelu, linear, and no extra
 * features); null otherwise (tanh, sigmoid, or x², sin x as inputs: the function bends smoothly).
 * kinks() works on the network's own input; with a standardized input they are mapped back to the data's x.
 */
export function exactKinks(net: Network, domain: readonly [number, number]) {
  if (net.inputs !== 1 || !isPiecewiseLinear(net)) return null;
  const { toNetwork, toData } = inputScale(net);
  const found = kinks(net, { domain: [toNetwork(domain[0]), toNetwork(domain[1])] });
  return {
    breakpoints: found.breakpoints.map(toData),
    switches: found.neurons.flatMap((neuron) => neuron.breakpoints).map(toData),
  };
}

/**
 * The x where the lines are evaluated. A piecewise-linear network: the domain's ends and every
 * neuron's switching point, which makes every drawn line exact with the fewest points. Else an even grid.
 */
function xs(found: ReturnType<typeof exactKinks>, domain: readonly [number, number]): number[] {
  if (found) {
    const inside = (x: number) => x >= domain[0] && x <= domain[1];
    return [...new Set([...domain, ...found.breakpoints, ...found.switches.filter(inside)])].sort((a, b) => a - b);
  }
  return Array.from({ length: SAMPLES }, (_, n) => domain[0] + ((domain[1] - domain[0]) * n) / (SAMPLES - 1));
}

/** The axis titles: the CSV's column names when your data came from one (text, escaped where it goes into markup). */
function titles(): { inputs: string[]; target: string } {
  const two = inputsOf(state.target) === 2;
  if (state.columns.length >= 2) return { inputs: state.columns.slice(0, -1), target: state.columns[state.columns.length - 1] };
  return { inputs: two ? ['x₁', 'x₂'] : ['x (input)'], target: 'ŷ (prediction)' };
}

function render1D(main: HTMLElement, neurons: HTMLElement, withNeurons: boolean): void {
  const net = state.net;
  const domain = domainsOf(state)[0];
  const found = exactKinks(net, domain);
  const x = xs(found, domain);
  const { trace, predictions } = traceOn([x]);
  const y = Array.from(predictions);
  const yAt = new Map(x.map((v, n) => [v, y[n]]));
  const data = dataOf(state);
  const ys = [...y, ...(data ? Array.from(data.train.Y.data) : []), ...(data?.test ? Array.from(data.test.Y.data) : [])];
  let [lo, hi] = [Math.min(...ys), Math.max(...ys)];
  const spare = Math.max(0.1, (hi - lo) * 0.05);
  [lo, hi] = [lo - spare, hi + spare];
  if (state.target === 'points' && data === null) [lo, hi] = [-3, 3]; // an empty plot to click on
  const yRange: [number, number] = [lo, hi];
  const sx = scaleLinear(domain, [FRAME.left, FRAME.right]);
  const sy = scaleLinear(yRange, [FRAME.bottom, FRAME.top]);
  const markers = (found?.breakpoints ?? []).map(
    (b) => svg`<circle class="kink" data-x="${b}" cx="${sx(b)}" cy="${sy(yAt.get(b) as number)}" r="5"><title>kink at x = ${short(b)}</title></circle>`,
  );
  const dots = (set: { X: { data: Float64Array }; Y: { data: Float64Array } } | null | undefined, cls: string) =>
    set ? Array.from(set.X.data, (xv, n) => svg`<circle class="${cls}" cx="${sx(xv)}" cy="${sy(set.Y.data[n])}" r="2.8" />`) : [];
  const names = titles();
  const axes = drawAxes(FRAME, sx, sy, { domain, title: escapeHtml(names.inputs[0]) }, { domain: yRange, title: escapeHtml(names.target) });
  const prediction = svg`<path class="prediction" d="${path(x.map((v, n) => [sx(v), sy(y[n])]))}" />`;
  // The sample the steppers follow, so the forward and backward passes can be found on the curve.
  const followed = chosenSample().raw[0];
  const sampleMark = svg`<line class="sample-x" x1="${sx(followed)}" x2="${sx(followed)}" y1="${FRAME.top}" y2="${FRAME.bottom}">
    <title>the steppers' sample: x = ${short(followed)}</title></line>`;
  const count = found ? String(found.breakpoints.length) : '0';
  const where = found
    ? `at x = ${found.breakpoints.map(short).join(', ') || '—'}`
    : 'none to count: with tanh, sigmoid or the x², sin x features the function bends smoothly';
  main.innerHTML = `
    <p>kinks: <output id="kink-count">${count}</output> <span id="kink-list" class="muted">${where}</span></p>
    <p class="legend"><span class="swatch prediction"></span>prediction ŷ(x)
      <span class="swatch data"></span>training points <span class="swatch test"></span>held-out points
      <span class="swatch kink"></span>exact kinks <span class="swatch sample-x"></span>the steppers' sample</p>
    <svg id="function-plot" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="the prediction over x">${axes}${sampleMark}${dots(data?.train, 'data').join('')}${dots(data?.test, 'test').join('')}${prediction}${markers.join('')}</svg>
    ${state.target === 'points' ? '<p class="muted">Click the plot to add a training point.</p>' : ''}`;
  if (withNeurons) renderNeurons(neurons, x, trace, domain);

  main.querySelector('#function-plot')?.addEventListener('click', (event) => {
    if (state.target !== 'points') return;
    const box = (event.currentTarget as SVGSVGElement).getBoundingClientRect();
    const px = (((event as MouseEvent).clientX - box.left) * WIDTH) / box.width;
    const py = (((event as MouseEvent).clientY - box.top) * HEIGHT) / box.height;
    const invX = scaleLinear([FRAME.left, FRAME.right], domain);
    const invY = scaleLinear([FRAME.bottom, FRAME.top], yRange);
    update({ points: [...state.points, { x: [invX(px)], y: invY(py) }] });
  });
}

/** A colour for an on/off pattern: the same pattern always gets the same colour (an FNV-1a hash of it). */
function patternColour(pattern: string): [number, number, number] {
  let hash = 2166136261;
  for (let n = 0; n < pattern.length; n++) hash = Math.imul(hash ^ pattern.charCodeAt(n), 16777619);
  hash >>>= 0;
  return [110 + (hash & 127), 110 + ((hash >>> 8) & 127), 110 + ((hash >>> 16) & 127)];
}

/** Plane pixels (CSS px): the square of cells, and the margin left and below it for the axes' numbers. */
const PLANE = GRID * 4;
const MARGIN = 40;
/** Room above and to the right of the square, for the last tick's number. */
const PAD = 12;

/** The canvas's font size in CSS pixels of the canvas (the plane is drawn 1:1 on a wide screen, a little smaller on a phone). */
const PLANE_FONT_PX = 13;

function render2D(main: HTMLElement, neurons: HTMLElement, withNeurons: boolean): void {
  const [d1, d2] = domainsOf(state);
  const points: number[][] = [[], []]; // the centre of every cell, row by row from the top
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      points[0].push(d1[0] + ((c + 0.5) * (d1[1] - d1[0])) / GRID);
      points[1].push(d2[1] - ((r + 0.5) * (d2[1] - d2[0])) / GRID);
    }
  }
  const { trace, predictions: output } = traceOn(points);
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
      const p = Math.min(1, Math.max(0, output[n])); // sigmoid output: the probability of class 1
      rgb = [255 - 120 * p, 170 + 40 * p, 120 + 135 * p];
    }
    pixels[n * 4] = rgb[0];
    pixels[n * 4 + 1] = rgb[1];
    pixels[n * 4 + 2] = rgb[2];
    pixels[n * 4 + 3] = 255;
  }
  const names = titles();
  const classes = (state.classes.length === 2 ? state.classes : ['class 0', 'class 1']).map(escapeHtml);
  main.innerHTML = `
    <label><input id="regions" type="checkbox" ${state.showRegions ? 'checked' : ''}/> colour by ReLU on/off pattern (linear regions)</label>
    ${state.showRegions ? `<p>linear regions visible: <output id="region-count">${patterns.size}</output></p>` : ''}
    <p class="legend">${state.showRegions ? 'one colour per on/off pattern of the hidden neurons' : `<span class="swatch class0"></span>predicts ${classes[0]} <span class="swatch class1"></span>predicts ${classes[1]}; dots: training points, rings: held-out points`}</p>
    <canvas id="plane" width="${PLANE + MARGIN + PAD}" height="${PLANE + MARGIN + PAD}" data-font-px="${PLANE_FONT_PX}"
      aria-label="the plane coloured by the prediction, ${escapeHtml(names.inputs[0])} across and ${escapeHtml(names.inputs[1] ?? 'x₂')} up"></canvas>
    ${state.target === 'points2d' ? `<p class="muted">Click the plane to add a point of ${classes[1]}, shift-click for ${classes[0]}.</p>` : ''}`;
  const canvas = main.querySelector<HTMLCanvasElement>('#plane')!;
  const context = canvas.getContext('2d')!;
  const cells = document.createElement('canvas');
  cells.width = GRID;
  cells.height = GRID;
  cells.getContext('2d')!.putImageData(new ImageData(pixels, GRID, GRID), 0, 0);
  context.imageSmoothingEnabled = false; // crisp squares: one per evaluated point
  context.drawImage(cells, MARGIN, PAD, PLANE, PLANE);
  drawPlaneAxes(context, d1, d2, names.inputs);
  const data = dataOf(state);
  const across = scaleLinear(d1, [MARGIN, MARGIN + PLANE]);
  const up = scaleLinear(d2, [PAD + PLANE, PAD]);
  const sets = [data?.train, data?.test].map((set, held) => ({ set, held: held === 1 }));
  for (const { set, held } of sets) {
    if (!set) continue;
    for (let n = 0; n < set.X.cols; n++) {
      context.beginPath();
      context.arc(across(set.X.data[n]), up(set.X.data[set.X.cols + n]), 3, 0, 2 * Math.PI);
      const colour = set.Y.data[n] > 0.5 ? '#1d4ed8' : '#c2410c';
      context.fillStyle = held ? 'white' : colour;
      context.strokeStyle = held ? colour : 'white';
      context.lineWidth = held ? 2 : 1;
      context.fill();
      context.stroke();
    }
  }
  main.querySelector('#regions')?.addEventListener('change', (e) => update({ showRegions: (e.target as HTMLInputElement).checked }));
  canvas.addEventListener('click', (event) => {
    if (state.target !== 'points2d') return;
    const box = canvas.getBoundingClientRect();
    const px = ((event.clientX - box.left) * canvas.width) / box.width;
    const py = ((event.clientY - box.top) * canvas.height) / box.height;
    if (px < MARGIN || px > MARGIN + PLANE || py < PAD || py > PAD + PLANE) return; // on the axes, not the plane
    const x = [scaleLinear([MARGIN, MARGIN + PLANE], d1)(px), scaleLinear([PAD + PLANE, PAD], d2)(py)];
    update({ points: [...state.points, { x, y: event.shiftKey ? 0 : 1 }] });
  });
  if (withNeurons) renderNeuronMaps(neurons, trace, GRID);
}

/** Tick marks and numbers along the plane's bottom (x₁) and left (x₂) edges. */
function drawPlaneAxes(context: CanvasRenderingContext2D, d1: readonly [number, number], d2: readonly [number, number], names: string[]): void {
  const across = scaleLinear(d1, [MARGIN, MARGIN + PLANE]);
  const up = scaleLinear(d2, [PAD + PLANE, PAD]);
  context.fillStyle = '#4b5563';
  context.strokeStyle = '#6b7280';
  context.font = `${PLANE_FONT_PX}px system-ui, sans-serif`;
  context.textAlign = 'center';
  for (const v of ticks(d1[0], d1[1], 6)) {
    context.fillText(tickText(v), across(v), PAD + PLANE + 15);
    context.fillRect(across(v), PAD + PLANE, 1, 4);
  }
  context.textAlign = 'right';
  for (const v of ticks(d2[0], d2[1], 6)) {
    context.fillText(tickText(v), MARGIN - 6, up(v) + 4);
    context.fillRect(MARGIN - 4, up(v), 4, 1);
  }
  context.textAlign = 'center';
  context.fillText(names[0], MARGIN + PLANE / 2, PAD + PLANE + 30);
  context.save(); // the second input's name runs up the left edge, as the SVG plots' y titles do
  context.translate(11, PAD + PLANE / 2);
  context.rotate(-Math.PI / 2);
  context.fillText(names[1], 0, 0);
  context.restore();
}

/**
 * Redraws the function; the neurons' own plots too unless `withNeurons` is false (while training they
 * follow every few frames, with the other slower views).
 */
export function renderFunction(root: HTMLElement, withNeurons = true): void {
  let main = root.querySelector<HTMLElement>('#function-main');
  let neurons = root.querySelector<HTMLElement>('#neurons');
  const inputs = String(inputsOf(state.target));
  if (!main || !neurons || root.dataset.inputs !== inputs) {
    root.innerHTML = '<div id="function-main"></div><div id="neurons"></div>';
    root.dataset.inputs = inputs;
    main = root.querySelector<HTMLElement>('#function-main') as HTMLElement;
    neurons = root.querySelector<HTMLElement>('#neurons') as HTMLElement;
    withNeurons = true;
  }
  if (inputsOf(state.target) === 1) render1D(main, neurons, withNeurons);
  else render2D(main, neurons, withNeurons);
}
