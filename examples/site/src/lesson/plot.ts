/**
 * A figure of the function so far: curves over x in [−3, 3], each computed by the library (a network's
 * forward pass on a grid of x, with its exact kinks from kinks() added to the grid, so a line bends exactly
 * where it should), its kinks marked. Drawn as SVG at the width it is shown, so tick labels stay readable.
 */
import { type Network, kinks } from 'feedforward';
import { short } from '../dom.js';

export const DOMAIN: [number, number] = [-3, 3];

/** One curve: the network whose single output it is, its label and colour. */
export interface Curve {
  label: string;
  colour: string;
  net: Network;
  /** Dashed: a weighted sum z before its ReLU. */
  dashed?: boolean;
}

/** The x where a curve bends, exactly (kinks() of its network). */
export function kinksOf(net: Network): number[] {
  return kinks(net, { domain: DOMAIN }).breakpoints;
}

/** "Nice" tick values covering [lo, hi]: steps of 1, 2 or 5 times a power of ten, about `count` of them. */
function ticks(lo: number, hi: number, count: number): number[] {
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) out.push(Number(t.toFixed(10)));
  return out;
}

/** The SVG of one figure `id` with its curves, `width` px wide. */
export function plot(id: string, curves: Curve[], width: number): string {
  const height = Math.round(Math.min(240, Math.max(170, width * 0.42)));
  const margin = { left: 40, right: 12, top: 10, bottom: 26 };
  const grid = Array.from({ length: 121 }, (_, k) => DOMAIN[0] + (k * (DOMAIN[1] - DOMAIN[0])) / 120);
  const drawn = curves.map((curve) => {
    const bends = kinksOf(curve.net);
    const xs = [...new Set([...grid, ...bends])].sort((a, b) => a - b);
    const ys = curve.net.forward([xs]).toArray()[0];
    const at = (x: number) => ys[xs.indexOf(x)];
    return { curve, xs, ys, bends: bends.map((x) => ({ x, y: at(x) })) };
  });
  const all = drawn.flatMap((d) => d.ys).concat(0);
  let [lo, hi] = [Math.min(...all), Math.max(...all)];
  if (hi - lo < 1e-9) [lo, hi] = [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.08;
  [lo, hi] = [lo - pad, hi + pad];
  const sx = (x: number) => margin.left + ((x - DOMAIN[0]) / (DOMAIN[1] - DOMAIN[0])) * (width - margin.left - margin.right);
  const sy = (y: number) => margin.top + ((hi - y) / (hi - lo)) * (height - margin.top - margin.bottom);
  const xTicks = ticks(DOMAIN[0], DOMAIN[1], 6)
    .map((t) => `<line class="grid" x1="${sx(t)}" x2="${sx(t)}" y1="${margin.top}" y2="${height - margin.bottom}"/><text class="tick x" x="${sx(t)}" y="${height - 8}">${short(t)}</text>`)
    .join('');
  const yTicks = ticks(lo, hi, 5)
    .map((t) => `<line class="grid" x1="${margin.left}" x2="${width - margin.right}" y1="${sy(t)}" y2="${sy(t)}"/><text class="tick y" x="${margin.left - 5}" y="${sy(t) + 4}">${short(t)}</text>`)
    .join('');
  const lines = drawn
    .map(({ curve, xs, ys, bends }, c) => {
      const d = xs.map((x, k) => `${k ? 'L' : 'M'}${sx(x).toFixed(2)},${sy(ys[k]).toFixed(2)}`).join('');
      const marks = bends
        .map(({ x, y }) => `<circle class="kink" data-curve="${c}" data-x="${x}" cx="${sx(x).toFixed(2)}" cy="${sy(y).toFixed(2)}" r="4.5"><title>kink at x = ${short(x)}</title></circle>`)
        .join('');
      return `<path class="curve${curve.dashed ? ' dashed' : ''}" data-curve="${c}" d="${d}" stroke="${curve.colour}"/>${marks}`;
    })
    .join('');
  const legend = curves
    .map((curve) => `<span class="key"><svg width="22" height="10" aria-hidden="true"><line x1="0" x2="22" y1="5" y2="5" stroke="${curve.colour}" stroke-width="3" ${curve.dashed ? 'stroke-dasharray="5 3"' : ''}/></svg>${curve.label}</span>`)
    .join('');
  return `<figure class="plot" data-figure="${id}">
    <svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${curves.map((c) => c.label.replace(/<[^>]+>/g, '')).join(', ')} over x from −3 to 3">
      ${xTicks}${yTicks}
      <line class="axis" x1="${margin.left}" x2="${width - margin.right}" y1="${sy(0)}" y2="${sy(0)}"/>
      ${lines}
    </svg>
    <figcaption>${legend}<span class="key"><svg width="12" height="12" aria-hidden="true"><circle cx="6" cy="6" r="4.5" class="kink"/></svg>a kink</span></figcaption>
  </figure>`;
}
