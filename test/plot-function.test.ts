import { describe, expect, it } from 'vitest';
import { Network, kinks } from '../src/index.js';
import { PLOT_FUNCTION_DEFAULTS, plotFunction, plotFunctionSpec } from '../src/plot/index.js';
import { VEGA_LITE_SCHEMA } from '../src/plot/render.js';
import { marks, parseSvg, texts, translation } from './helpers/svg.js';

// ŷ = relu(x) − 2·relu(x − 1): slope 0 left of 0, 1 on [0, 1], −1 right of 1, so two kinks, at 0 and 1.
// ŷ(−1) = 0, ŷ(0) = 0, ŷ(1) = 1, ŷ(2) = 2 − 2·1 = 0.
const handNet = () =>
  Network.fromWeights([
    { weights: [[1], [1]], biases: [0, -1] },
    { weights: [[1, -2]], biases: [0] },
  ]);

/** What a layer's data holds: the `values` of its inline data. */
// biome-ignore lint: a spec is loose JSON
type Json = any;

describe('plotFunction: ŷ(x) with every exact kink marked', () => {
  it('marks the two kinks of ŷ = relu(x) − 2·relu(x − 1) at x = 0 and x = 1, each once', async () => {
    const svg = await plotFunction(handNet(), { domain: [-1, 2] });
    const kinkMarks = marks(parseSvg(svg), 'kinks');
    expect(kinkMarks.map((m) => m.attributes['aria-label'])).toEqual(['kink 1 at x = 0, ŷ = 0', 'kink 2 at x = 1, ŷ = 1']);
  });

  it('draws each marker where its kink is: x = 0 one third of the way across a 480 px panel, x = 1 two thirds', async () => {
    // x runs from −1 at 0 px to 2 at 480 px: x = 0 → 160 px, x = 1 → 320 px.
    // ŷ lies in [0, 1] on [−1, 2], and the y axis spans it over 260 px, top down: ŷ = 1 → 0 px, ŷ = 0 → 260 px.
    const svg = await plotFunction(handNet(), { domain: [-1, 2] });
    const [first, second] = marks(parseSvg(svg), 'kinks').map(translation);
    expect(first[0]).toBeCloseTo(160, 1);
    expect(second[0]).toBeCloseTo(320, 1);
    expect(first[1]).toBeCloseTo(260, 1);
    expect(second[1]).toBeCloseTo(0, 1);
  });

  it('writes well-formed SVG with one kink marker per breakpoint of kinks(net), for seeded networks of several shapes', async () => {
    for (const layers of [[1, 2, 2, 1], [1, 8, 1], [1, 6, 6, 1], [1, 4, 4, 4, 1]]) {
      for (const seed of [1, 2]) {
        const net = new Network({ layers, seed });
        const svg = await plotFunction(net, { domain: [-3, 3] });
        const { breakpoints } = kinks(net, { domain: [-3, 3] });
        expect(marks(parseSvg(svg), 'kinks')).toHaveLength(breakpoints.length);
      }
    }
  });

  it('joins points that include every kink, so the drawn line is the network itself: it matches predict at 1,000 other x', () => {
    const net = new Network({ layers: [1, 6, 6, 1], seed: 7 });
    const spec: Json = plotFunctionSpec(net, { domain: [-2, 2], samples: 11 });
    const curve: { x: number; y: number }[] = spec.vconcat[0].data.values;
    const xs = Array.from({ length: 1000 }, (_, n) => -2 + (4 * (n + 0.5)) / 1000);
    const want = net.predict(xs) as number[];
    xs.forEach((x, n) => {
      const right = curve.findIndex((p) => p.x >= x);
      const [a, b] = [curve[right - 1], curve[right]];
      const drawn = a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x); // the straight segment the SVG draws
      expect(Math.abs(drawn - want[n])).toBeLessThan(1e-9);
    });
  });

  it('says in the subtitle how many kinks there are', async () => {
    const svg = await plotFunction(handNet(), { domain: [-1, 2] });
    expect(texts(svg)).toContain('layers [1, 2, 1]: 2 kinks (red ◆), found exactly, not sampled');
  });

  it('with neurons: true, adds one panel per hidden layer: one line per neuron, one ring per place it switches', async () => {
    const net = new Network({ layers: [1, 3, 2, 1], seed: 4 });
    const svg = parseSvg(await plotFunction(net, { domain: [-3, 3], neurons: true }));
    const switches = kinks(net, { domain: [-3, 3] }).neurons;
    for (const [layer, nodes] of [[1, 3], [2, 2]]) {
      expect(marks(svg, `layer_${layer}_neurons`)).toHaveLength(nodes);
      const rings = switches.filter((n) => n.layer === layer).reduce((sum, n) => sum + n.breakpoints.length, 0);
      expect(marks(svg, `layer_${layer}_switches`)).toHaveLength(rings);
    }
  });

  it('draws each neuron through the switch points, where its z crosses 0 (a ReLU neuron is 0 there)', () => {
    const net = new Network({ layers: [1, 3, 2, 1], seed: 4 });
    const spec: Json = plotFunctionSpec(net, { domain: [-3, 3], neurons: true });
    const rings = spec.vconcat.slice(1).flatMap((panel: Json) => panel.layer[1].data.values);
    expect(rings.length).toBeGreaterThan(0);
    for (const ring of rings) expect(Math.abs(ring.a)).toBeLessThan(1e-12);
  });

  it('draws data points behind the line, one per sample, when given data: { X, Y }', async () => {
    const data = { X: [[-1, 0, 1, 2]], Y: [[0.1, -0.1, 1.2, 0]] };
    const svg = parseSvg(await plotFunction(handNet(), { domain: [-1, 2], data }));
    expect(marks(svg, 'data').map((m) => m.attributes['aria-label'])).toEqual(['sample 1', 'sample 2', 'sample 3', 'sample 4']);
  });

  it('with kinks: false, draws the line alone', async () => {
    const svg = parseSvg(await plotFunction(handNet(), { domain: [-1, 2], kinks: false }));
    expect(marks(svg, 'prediction')).toHaveLength(1);
    expect(marks(svg, 'kinks')).toHaveLength(0);
  });

  it('draws a smooth (sigmoid) network without kink markers by default, and explains when kinks are asked for', async () => {
    const net = new Network({ layers: [1, 3, 1], hidden: 'sigmoid', seed: 1 });
    const svg = parseSvg(await plotFunction(net, { domain: [-2, 2], neurons: true }));
    expect(marks(svg, 'prediction')).toHaveLength(1);
    expect(marks(svg, 'kinks')).toHaveLength(0);
    expect(marks(svg, 'layer_1_neurons')).toHaveLength(3);
    expect(() => plotFunctionSpec(net, { domain: [-2, 2], kinks: true })).toThrow(/sigmoid/);
  });

  it('returns its Vega-Lite spec as plain JSON that names the Vega-Lite v6 schema', () => {
    const spec = plotFunctionSpec(handNet(), { domain: [-1, 2], neurons: true });
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
    expect(VEGA_LITE_SCHEMA).toMatch(/vega-lite\/v6/);
  });

  it('evaluates 201 evenly spaced x by default, plus the kinks', () => {
    const spec: Json = plotFunctionSpec(handNet(), { domain: [-1, 2] });
    // 0 and 1 are among the 201 points −1 + 3k/200? 0 = −1 + 3k/200 needs k = 66.67: no, so both are added.
    expect(PLOT_FUNCTION_DEFAULTS.samples).toBe(201);
    expect(spec.vconcat[0].data.values).toHaveLength(203);
  });

  it('leaves the network untouched', async () => {
    const net = new Network({ layers: [1, 4, 4, 1], seed: 9 });
    const before = JSON.stringify(net.toJSON());
    await plotFunction(net, { domain: [-2, 2], neurons: true });
    expect(JSON.stringify(net.toJSON())).toBe(before);
  });
});

describe('plotFunction: bad input', () => {
  const net = handNet();
  it('names the plot and the sizes when the network has two inputs', () => {
    const wide = new Network({ layers: [2, 3, 1] });
    expect(() => plotFunctionSpec(wide, { domain: [0, 1] })).toThrow(
      'plotFunction: the network has 2 inputs but plotFunction draws networks of 1 input (layers [2, 3, 1]; use plotDecision for a network of 2 inputs)',
    );
  });
  it('names the outputs when the network has two', () => {
    expect(() => plotFunctionSpec(new Network({ layers: [1, 3, 2] }), { domain: [0, 1] })).toThrow(
      /plotFunction: the network has 2 outputs but plotFunction draws networks of 1 output/,
    );
  });
  it('rejects a domain that is empty or backwards', () => {
    expect(() => plotFunctionSpec(net, { domain: [2, 1] })).toThrow('plotFunction: domain is [2, 1] but it must be [lo, hi] with lo < hi');
    expect(() => plotFunctionSpec(net, { domain: [1, 1] })).toThrow(/domain is \[1, 1\] but it must be \[lo, hi\] with lo < hi/);
  });
  it('rejects a domain that is missing or not two finite numbers', () => {
    expect(() => plotFunctionSpec(net, {} as never)).toThrow('plotFunction: domain is missing but it must be given as [lo, hi], e.g. { domain: [-2, 2] }');
    expect(() => plotFunctionSpec(net, { domain: [0, Number.NaN] })).toThrow(/domain is \[0, NaN\] but it must be \[lo, hi\], two finite numbers/);
    expect(() => plotFunctionSpec(net, { domain: [0, 1, 2] as never })).toThrow(/domain is \[0, 1, 2\]/);
  });
  it('asks for data with one row of inputs and one of targets, as long as each other', () => {
    expect(() => plotFunctionSpec(net, { domain: [0, 1], data: { X: [[0, 1]], Y: [[0, 1, 2]] } })).toThrow(
      'plotFunction: data.X is 1×2 and data.Y is 1×3 but both must be 1×2 (one input and one target per sample, one column per sample)',
    );
  });
  it('rejects something that is not a network', () => {
    expect(() => plotFunctionSpec({} as never, { domain: [0, 1] })).toThrow(/plotFunction: net is an object \(Object\) but it must be a Network/);
  });
  it('rejects options of the wrong kind, naming them', () => {
    expect(() => plotFunctionSpec(net, { domain: [0, 1], samples: 1 })).toThrow('plotFunction: samples is 1 but it must be a whole number from 2 to 100000');
    expect(() => plotFunctionSpec(net, { domain: [0, 1], neurons: 'yes' as never })).toThrow('plotFunction: neurons is "yes" but it must be true or false');
  });
});
