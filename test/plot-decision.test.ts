import { describe, expect, it } from 'vitest';
import { Network, createRandom, linearRegion } from '../src/index.js';
import { PLOT_DECISION_DEFAULTS, plotDecision, plotDecisionSpec, renderSvg } from '../src/plot/index.js';
import { colourRegions, onOffPatterns } from '../src/plot/regions.js';
import { marks, parseSvg, texts } from './helpers/svg.js';

// biome-ignore lint: a spec is loose JSON
type Json = any;
type Cell = { x1: number; x1end: number; x2: number; x2end: number; colour: string | number };

/** The grid square centres a plot of this resolution evaluates, column k = i·n + j at (c1[i], c2[j]). */
function centres(lo: number, hi: number, n: number): [number, number][] {
  const c = Array.from({ length: n }, (_, i) => lo + ((hi - lo) * (i + 0.5)) / n);
  return c.flatMap((a) => c.map((b): [number, number] => [a, b]));
}

/** The cell of the plane layer that contains point p. */
const cellAt = (plane: Cell[], [a, b]: [number, number]) => plane.find((c) => c.x1 <= a && a < c.x1end && c.x2 <= b && b < c.x2end)!;

/** 30 seeded points of the plane [-2, 2]², labelled 1 inside the unit circle. */
function circleData(seed: number) {
  const random = createRandom(seed);
  const x1 = Array.from({ length: 30 }, () => random.between(-2, 2));
  const x2 = Array.from({ length: 30 }, () => random.between(-2, 2));
  return { X: [x1, x2], Y: [x1.map((a, j) => (a * a + x2[j] * x2[j] < 1 ? 1 : 0))] };
}

describe('plotDecision: a two-input network over the plane', () => {
  it('colours each square by the prediction at its centre, the same number net.predict gives', () => {
    const net = new Network({ layers: [2, 5, 1], seed: 3 });
    const plane: Cell[] = (plotDecisionSpec(net, { domain: [-1, 1], resolution: 12 }) as Json).layer[0].data.values;
    const points = centres(-1, 1, 12);
    const want = net.predict(points) as number[];
    expect(plane).toHaveLength(144);
    points.forEach((p, k) => expect(Math.abs((cellAt(plane, p).colour as number) - want[k])).toBeLessThan(1e-12));
  });

  it('covers the rectangle exactly once: the squares add up to its area and never overlap', () => {
    const net = new Network({ layers: [2, 4, 3], seed: 1 });
    const plane: Cell[] = (plotDecisionSpec(net, { domain: [[-1, 3], [0, 2]], resolution: 20 }) as Json).layer[0].data.values;
    const area = plane.reduce((sum, c) => sum + (c.x1end - c.x1) * (c.x2end - c.x2), 0);
    expect(Math.abs(area - 4 * 2)).toBeLessThan(1e-12);
    for (const p of centres(0, 1, 20).map(([a, b]): [number, number] => [-1 + 4 * a, 2 * b])) {
      expect(plane.filter((c) => c.x1 <= p[0] && p[0] < c.x1end && c.x2 <= p[1] && p[1] < c.x2end)).toHaveLength(1);
    }
  });

  it('with several outputs, colours each point of the plane by its class: the largest output, counting from 1', () => {
    const net = new Network({ layers: [2, 6, 3], seed: 5 });
    const plane: Cell[] = (plotDecisionSpec(net, { domain: [-2, 2], resolution: 10 }) as Json).layer[0].data.values;
    const points = centres(-2, 2, 10);
    (net.predict(points) as number[][]).forEach((y, k) => {
      expect(cellAt(plane, points[k]).colour).toBe(`class ${y.indexOf(Math.max(...y)) + 1}`);
    });
  });

  it('draws one point per sample of data.X on top, in well-formed SVG', async () => {
    const net = new Network({ layers: [2, 4, 1], seed: 2 });
    const svg = parseSvg(await plotDecision(net, { domain: [-2, 2], data: circleData(8), resolution: 20 }));
    expect(marks(svg, 'data')).toHaveLength(30);
    expect(marks(svg, 'plane')).toHaveLength(400);
  });

  it('with regions: true, colours each square by the on/off pattern linearRegion finds at its centre', () => {
    const net = new Network({ layers: [2, 4, 3, 1], seed: 6 });
    const plane: Cell[] = (plotDecisionSpec(net, { domain: [-2, 2], regions: true, resolution: 16 }) as Json).layer[0].data.values;
    for (const p of centres(-2, 2, 16)) {
      const pattern = linearRegion(net, p).pattern.map((layer) => layer.map((on) => (on ? '1' : '0')).join('')).join('|');
      expect(cellAt(plane, p).colour).toBe(pattern);
    }
  });

  it('counts the regions it shows in the subtitle: the distinct patterns linearRegion finds on the grid', async () => {
    const net = new Network({ layers: [2, 4, 3, 1], seed: 6 });
    const patterns = new Set(centres(-2, 2, 40).map((p) => JSON.stringify(linearRegion(net, p).pattern)));
    const svg = await plotDecision(net, { domain: [-2, 2], regions: true, resolution: 40 });
    expect(texts(svg)).toContain(`layers [2, 4, 3, 1]: ${patterns.size} linear regions visible: one colour per on/off pattern of the hidden neurons`);
  });

  it('never gives two touching regions the same colour', () => {
    const net = new Network({ layers: [2, 8, 8, 1], seed: 11 });
    const n = 50;
    const spec: Json = plotDecisionSpec(net, { domain: [-2, 2], regions: true, resolution: n });
    const { domain, range } = spec.layer[0].encoding.color.scale;
    const colourOf = new Map<string, string>(domain.map((p: string, i: number) => [p, range[i]]));
    const grid = centres(-2, 2, n).map((p) => colourOf.get(cellAt(spec.layer[0].data.values, p).colour as string)!);
    const patterns = centres(-2, 2, n).map((p) => cellAt(spec.layer[0].data.values, p).colour);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const k = i * n + j;
        if (i + 1 < n && patterns[k] !== patterns[k + n]) expect(grid[k]).not.toBe(grid[k + n]);
        if (j + 1 < n && patterns[k] !== patterns[k + 1]) expect(grid[k]).not.toBe(grid[k + 1]);
      }
    }
  });

  it('merges a run of squares of one pattern up a column into one rect, so the SVG stays small', () => {
    // One neuron, on where x₁ > 0: every column is one pattern from bottom to top, so one rect per column.
    const net = Network.fromWeights([
      { weights: [[1, 0]], biases: [0] },
      { weights: [[1]], biases: [0] },
    ]);
    const plane = (plotDecisionSpec(net, { domain: [-1, 1], regions: true, resolution: 10 }) as Json).layer[0].data.values;
    expect(plane).toHaveLength(10);
    expect(plane.map((c: Cell) => c.colour)).toEqual(['0', '0', '0', '0', '0', '1', '1', '1', '1', '1']);
  });

  it('evaluates 60 × 60 squares by default, 120 × 120 for regions', () => {
    expect(PLOT_DECISION_DEFAULTS.resolution).toBe(60);
    expect(PLOT_DECISION_DEFAULTS.regionsResolution).toBe(120);
  });

  it('shows labels 0 and 1 as white and black points on a prediction, each with its own legend', () => {
    const net = new Network({ layers: [2, 4, 1], seed: 2 });
    const spec: Json = plotDecisionSpec(net, { domain: [-2, 2], data: circleData(8), resolution: 5 });
    expect(spec.layer[1].encoding.color.scale).toEqual({ domain: [0, 1], range: ['#ffffff', '#111111'] });
    expect(spec.resolve).toEqual({ scale: { color: 'independent' } });
  });

  it('leaves the network and the data untouched', async () => {
    const net = new Network({ layers: [2, 4, 1], seed: 2 });
    const data = circleData(8);
    const before = [JSON.stringify(net.toJSON()), JSON.stringify(data)];
    await plotDecision(net, { domain: [-2, 2], data, regions: true, resolution: 10 });
    expect([JSON.stringify(net.toJSON()), JSON.stringify(data)]).toEqual(before);
  });
});

describe('onOffPatterns and colourRegions', () => {
  it('writes one bit per hidden neuron, 1 where z > 0, layers joined by |', () => {
    // z¹ = (x₁, x₂) = (0.5, −1): neuron 1 on, neuron 2 off; z² = x₁ + x₂ = relu(0.5) + relu(−1) = 0.5 > 0: on.
    const net = Network.fromWeights([
      { weights: [[1, 0], [0, 1]], biases: [0, 0] },
      { weights: [[1, 1]], biases: [0] },
      { weights: [[1]], biases: [0] },
    ]);
    expect(onOffPatterns(net.trace([[0.5], [-1]]))).toEqual(['10|1']);
  });

  it('gives touching regions different colours on seeded random grids', () => {
    const random = createRandom(3);
    const n = 12;
    for (let trial = 0; trial < 20; trial++) {
      const patterns = Array.from({ length: n * n }, () => `p${random.int(30)}`);
      const colours = colourRegions(patterns, n);
      for (let k = 0; k < n * n; k++) {
        const right = k + n < n * n ? patterns[k + n] : undefined;
        const up = (k + 1) % n !== 0 ? patterns[k + 1] : undefined;
        for (const q of [right, up]) if (q !== undefined && q !== patterns[k]) expect(colours.get(patterns[k])).not.toBe(colours.get(q));
      }
    }
  });
});

describe('plotDecision: bad input', () => {
  const net = new Network({ layers: [2, 3, 1] });
  it('names the sizes when the network has one input', () => {
    expect(() => plotDecisionSpec(new Network({ layers: [1, 3, 1] }), { domain: [0, 1] })).toThrow(
      'plotDecision: the network has 1 input but plotDecision draws networks of 2 inputs (layers [1, 3, 1]; use plotFunction for a network of 1 input)',
    );
  });
  it('asks for X with one row per input, and suggests transposing data given one row per sample', () => {
    expect(() => plotDecisionSpec(net, { domain: [0, 1], data: { X: [[0, 1], [1, 0], [1, 1]] } })).toThrow(
      'plotDecision: data.X is 3×2 but the network has 2 inputs (X needs one row per input and one column per sample; transpose data with one row per sample)',
    );
  });
  it('asks for Y with one row per output and one column per sample', () => {
    expect(() => plotDecisionSpec(net, { domain: [0, 1], data: { X: [[0, 1], [1, 0]], Y: [[0, 1, 1]] } })).toThrow(
      'plotDecision: data.Y is 1×3 but it must be 1×2 (one row per output of the network, one column per sample of data.X)',
    );
  });
  it('names the axis whose range is wrong', () => {
    expect(() => plotDecisionSpec(net, { domain: [[0, 1], [3, 2]] })).toThrow(
      'plotDecision: domain[1] (the x2 axis) is [3, 2] but it must be [lo, hi] with lo < hi',
    );
  });
  it('refuses regions for a network whose hidden layers bend everywhere, and says why', () => {
    expect(() => plotDecisionSpec(new Network({ layers: [2, 3, 1], hidden: 'tanh' }), { domain: [0, 1], regions: true })).toThrow(
      'plotDecision: regions need hidden layers that are piecewise linear (relu, leakyRelu, linear) but layer 1 is tanh, which bends everywhere: it has no linear regions (draw the prediction instead: regions: false)',
    );
  });
  it('rejects a resolution below 2', () => {
    expect(() => plotDecisionSpec(net, { domain: [0, 1], resolution: 1 })).toThrow('plotDecision: resolution is 1 but it must be a whole number from 2 to 400');
  });
});

describe('the region helpers check their arguments at the door', () => {
  it('onOffPatterns, colourRegions and renderSvg name what they got instead of crashing on undefined', async () => {
    expect(() => onOffPatterns(undefined as never)).toThrow('onOffPatterns: steps is undefined but it must be a trace, net.trace(X) (one { z } per layer)');
    expect(() => colourRegions(undefined as never, 2)).toThrow('colourRegions: patterns is undefined but it must be a list of strings, as onOffPatterns gives');
    expect(() => colourRegions(['a', 'b', 'a'], 2)).toThrow('colourRegions: n is 2 but the 3 patterns must be an n × n grid (n² = 3)');
    await expect(renderSvg(undefined as never, 'test')).rejects.toThrow('test: spec is undefined but it must be a Vega-Lite spec');
  });
});
