/**
 * The network as the article's diagram draws it: x, neurons 1 and 2, neurons 3 and 4, neuron 5 (the output),
 * each line a weight with its name and value (blue positive, orange negative, thicker when larger). Clicking
 * a line or a neuron puts the cursor in that weight's or bias's box.
 */
import { short } from '../dom.js';
import { PARAMS, colour } from './network.js';

const POSITIVE = '#2563eb';
const NEGATIVE = '#ea580c';

export function renderDiagram(root: HTMLElement, values: readonly number[]): void {
  const width = Math.max(300, Math.min(640, root.clientWidth || 560));
  const height = 210;
  const column = (c: number) => 34 + (c * (width - 68)) / 3;
  const place: Record<string, [number, number]> = {
    x: [column(0), height / 2],
    1: [column(1), 55],
    2: [column(1), 155],
    3: [column(2), 55],
    4: [column(2), 155],
    5: [column(3), height / 2],
  };
  const edges: [string, string, string][] = [
    ['W1[0][0]', 'x', '1'],
    ['W1[1][0]', 'x', '2'],
    ['w35[0][0]', '1', '3'],
    ['w35[0][1]', '2', '3'],
    ['w46[0][0]', '1', '4'],
    ['w46[0][1]', '2', '4'],
    ['w7[0][0]', '3', '5'],
    ['w7[0][1]', '4', '5'],
  ];
  const value = (id: string) => values[PARAMS.findIndex((p) => p.id === id)];
  const lines = edges
    .map(([id, from, to], k) => {
      const [x1, y1] = place[from];
      const [x2, y2] = place[to];
      const w = value(id);
      const crossing = k === 3 || k === 4; // w35[0][1] and w46[0][0] cross: labelled level, near opposite ends
      const t = crossing ? (k === 3 ? 0.75 : 0.25) : 0.5;
      const [lx, ly] = [x1 + (x2 - x1) * t, y1 + (y2 - y1) * t];
      const angle = crossing ? 0 : (Math.atan2(y2 - y1, x2 - x1) * 180) / Math.PI; // the others run along their line, above it
      return `<g class="edge" data-param="${id}" tabindex="0" role="button" aria-label="${id} = ${short(w)}">
        <line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${w >= 0 ? POSITIVE : NEGATIVE}" stroke-width="${(1 + Math.min(Math.abs(w), 4) * 1.2).toFixed(1)}"/>
        <text class="edge-label" x="${lx}" y="${ly}" dy="-6" transform="rotate(${angle.toFixed(1)} ${lx} ${ly})">${width < 480 ? short(w) : `${id} = ${short(w)}`}</text></g>`;
    })
    .join('');
  const neurons = ['1', '2', '3', '4', '5']
    .map((n) => {
      const [cx, cy] = place[n];
      const layer = n === '5' ? 3 : n <= '2' ? 1 : 2;
      const bias = n === '5' ? 'b5' : n === '3' ? 'b3' : n === '4' ? 'b4' : `b1[${Number(n) - 1}]`;
      const fill = layer === 3 ? '#fde68a' : colour(layer, ((Number(n) - 1) % 2) + 1);
      return `<g class="neuron" data-param="${bias}" tabindex="0" role="button" aria-label="neuron ${n}, bias ${bias} = ${short(value(bias))}">
        <circle cx="${cx}" cy="${cy}" r="15" fill="${fill}" stroke="#334155" stroke-width="2"/>
        <text class="neuron-number" x="${cx}" y="${cy + 4}">${n}</text>
        <text class="bias-label" x="${cx}" y="${cy + 31}">${width < 480 ? `b ${short(value(bias))}` : `${bias} = ${short(value(bias))}`}</text></g>`;
    })
    .join('');
  const [ix, iy] = place.x;
  root.innerHTML = `<svg class="diagram" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="the network: x, neurons 1 to 5, and every weight">
    ${lines}<circle cx="${ix}" cy="${iy}" r="15" fill="#e2e8f0" stroke="#334155" stroke-width="2"/><text class="neuron-number" x="${ix}" y="${iy + 4}">x</text>${neurons}</svg>`;
  root.querySelectorAll<SVGGElement>('g[data-param]').forEach((g) => {
    const focus = () => {
      const box = document.querySelector<HTMLInputElement>(`input[type="number"][data-param="${CSS.escape(g.dataset.param ?? '')}"]`);
      box?.focus();
      box?.select();
    };
    g.addEventListener('click', focus);
    g.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') focus();
    });
  });
}
