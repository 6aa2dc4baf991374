/**
 * The linear regions of a ReLU network over the plane. A point's on/off
 * pattern says which hidden neurons are active there (zˡ > 0). Points sharing
 * a pattern form one convex region, since with the earlier layers' pattern
 * fixed every zˡ is an affine function of the input, and on a region the
 * whole network is one affine map (see linearRegion).
 */
import { ValueError, describeValue } from '../core/errors.js';
import type { Matrix } from '../core/matrix.js';

/**
 * Each sample's on/off pattern: one bit per hidden neuron, 1 where zˡ > 0, layers joined by '|'.
 * steps: a trace (one entry per layer, z nOut × samples) → one pattern per sample.
 * @example
 * const net = Network.fromWeights([{ weights: [[1, 0], [0, 1]], biases: [0, 0] }, { weights: [[1, 1]], biases: [0] }]);
 * onOffPatterns(net.trace([[0.5], [-1]])) //=> ['10']   (z¹ = (0.5, −1): neuron 1 on, neuron 2 off)
 */
export function onOffPatterns(steps: readonly { z: Matrix }[]): string[] {
  const where = 'onOffPatterns';
  if (
    !Array.isArray(steps) ||
    steps.length === 0 ||
    !steps.every((step) => step?.z instanceof Object && typeof step.z.get === 'function')
  ) {
    throw new ValueError(
      `${where}: steps is ${describeValue(steps)} but it must be a trace, net.trace(X) (one { z } per layer)`,
    );
  }
  const hidden = steps.slice(0, -1);
  const samples = steps[0].z.cols;
  return Array.from({ length: samples }, (_, j) =>
    hidden.map(({ z }) => Array.from({ length: z.rows }, (_, i) => (z.get(i, j) > 0 ? '1' : '0')).join('')).join('|'),
  );
}

/** Vega's tableau20 colours: ten hues, each dark then light. */
export const REGION_PALETTE = Object.freeze([
  '#4c78a8',
  '#9ecae9',
  '#f58518',
  '#ffbf79',
  '#54a24b',
  '#88d27a',
  '#b79a20',
  '#f2cf5b',
  '#439894',
  '#83bcb6',
  '#e45756',
  '#ff9d98',
  '#79706e',
  '#bab0ac',
  '#d67195',
  '#fcbfd2',
  '#b279a2',
  '#d6a5c9',
  '#9e765f',
  '#d8b5a5',
]);

/**
 * A colour for each pattern of an n × n grid (cell i·n + j), chosen so that two regions that touch on the
 * grid never share one: the greedy colouring, regions in order of first appearance, each taking, of the
 * palette colours none of its coloured neighbours has, the one used least so far. With 20 colours that
 * only fails for a region with 20 or more neighbours, which then repeats a colour.
 * @example colourRegions(['a', 'b', 'a', 'b'], 2) //=> Map { 'a' => '#4c78a8', 'b' => '#9ecae9' }
 */
export function colourRegions(patterns: readonly string[], n: number): Map<string, string> {
  const where = 'colourRegions';
  if (!Array.isArray(patterns) || !patterns.every((p) => typeof p === 'string')) {
    throw new ValueError(
      `${where}: patterns is ${describeValue(patterns)} but it must be a list of strings, as onOffPatterns gives`,
    );
  }
  if (!Number.isInteger(n) || n < 1 || n * n !== patterns.length) {
    throw new ValueError(
      `${where}: n is ${describeValue(n)} but the ${patterns.length} patterns must be an n × n grid (n² = ${patterns.length})`,
    );
  }
  const neighbours = new Map<string, Set<string>>(patterns.map((p) => [p, new Set<string>()]));
  const touch = (a: string, b: string) => {
    if (a === b) return;
    neighbours.get(a)!.add(b);
    neighbours.get(b)!.add(a);
  };
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i + 1 < n) touch(patterns[i * n + j], patterns[(i + 1) * n + j]);
      if (j + 1 < n) touch(patterns[i * n + j], patterns[i * n + j + 1]);
    }
  }
  const colour = new Map<string, number>();
  const uses = REGION_PALETTE.map(() => 0);
  for (const p of neighbours.keys()) {
    const taken = new Set([...neighbours.get(p)!].map((q) => colour.get(q)));
    let best = -1; // the free colour used least so far, so all 20 colours share the plane
    for (let c = 0; c < uses.length; c++) if (!taken.has(c) && (best < 0 || uses[c] < uses[best])) best = c;
    if (best < 0) best = colour.size % uses.length;
    colour.set(p, best);
    uses[best]++;
  }
  return new Map([...colour].map(([p, c]) => [p, REGION_PALETTE[c]]));
}
