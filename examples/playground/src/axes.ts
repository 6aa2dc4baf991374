/**
 * Axes with numbers for the page's SVG plots: a linear scale, "nice" tick
 * values (1, 2 or 5 times a power of ten), and the axis lines with their
 * numbers and titles. Every plot on the page draws its axes with these.
 */
import { svg } from './dom.js';

export type Scale = (v: number) => number;

/** The map from [d0, d1] to [r0, r1]. */
export function scaleLinear([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): Scale {
  return (v) => r0 + ((v - d0) * (r1 - r0)) / (d1 - d0 || 1);
}

/** About `count` round values covering [lo, hi]: steps of 1, 2 or 5 times a power of ten. */
export function ticks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** A tick's number as printed: no trailing zeros, −0 as 0. */
export function tickText(v: number): string {
  const text = Number(v.toPrecision(4)).toString();
  return text === '-0' ? '0' : text;
}

export interface Frame {
  /** The plotting area in SVG units: left, right, top, bottom. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * The x axis under the plot and the y axis at its left, each with tick marks, numbers and a title,
 * plus faint grid lines. `yTicks` may be given (a log scale passes its powers of ten).
 */
export function drawAxes(
  frame: Frame,
  sx: Scale,
  sy: Scale,
  x: { domain: readonly [number, number]; title: string; count?: number },
  y: { domain: readonly [number, number]; title: string; count?: number; ticks?: number[]; text?: (v: number) => string },
): string {
  const xTicks = ticks(x.domain[0], x.domain[1], x.count ?? 6);
  const yTicks = y.ticks ?? ticks(y.domain[0], y.domain[1], y.count ?? 4);
  const yText = y.text ?? tickText;
  const parts = [
    ...xTicks.map(
      (v) => svg`<line class="grid" x1="${sx(v)}" x2="${sx(v)}" y1="${frame.top}" y2="${frame.bottom}" />
        <line class="tick" x1="${sx(v)}" x2="${sx(v)}" y1="${frame.bottom}" y2="${frame.bottom + 4}" />
        <text class="tick x" x="${sx(v)}" y="${frame.bottom + 15}">${tickText(v)}</text>`,
    ),
    ...yTicks.map(
      (v) => svg`<line class="grid" x1="${frame.left}" x2="${frame.right}" y1="${sy(v)}" y2="${sy(v)}" />
        <line class="tick" x1="${frame.left - 4}" x2="${frame.left}" y1="${sy(v)}" y2="${sy(v)}" />
        <text class="tick y" x="${frame.left - 6}" y="${sy(v) + 4}">${yText(v)}</text>`,
    ),
    svg`<line class="axis" x1="${frame.left}" x2="${frame.right}" y1="${frame.bottom}" y2="${frame.bottom}" />
      <line class="axis" x1="${frame.left}" x2="${frame.left}" y1="${frame.top}" y2="${frame.bottom}" />
      <text class="axis-title" x="${(frame.left + frame.right) / 2}" y="${frame.bottom + 30}">${x.title}</text>
      <text class="axis-title" transform="translate(11 ${(frame.top + frame.bottom) / 2}) rotate(-90)">${y.title}</text>`,
  ];
  return `<g class="axes">${parts.join('')}</g>`;
}

/** An SVG path through the points. */
export function path(points: [number, number][]): string {
  return points.map(([x, y], n) => `${n === 0 ? 'M' : 'L'}${x.toFixed(2)},${y.toFixed(2)}`).join('');
}
