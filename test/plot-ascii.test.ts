import { describe, expect, it } from 'vitest';
import { Network } from '../src/index.js';
import { ASCII_PLOT_DEFAULTS, asciiPlot } from '../src/plot/index.js';

// ŷ = relu(x) − 2·relu(x − 1): kinks at x = 0 and x = 1; ŷ(0) = 0, ŷ(1) = 1, ŷ(2) = 0.
const handNet = () =>
  Network.fromWeights([
    { weights: [[1], [1]], biases: [0, -1] },
    { weights: [[1, -2]], biases: [0] },
  ]);

/** The y labels are 8 characters and a space, so the axis, and x = lo, is column 9 of every line. */
const AXIS = 9;

describe('asciiPlot: ŷ(x) in the terminal', () => {
  // 31 columns over [−1, 2]: column j is x = −1 + j·0.1, so x = 0 is column 10 and x = 1 is column 20.
  const lines = asciiPlot(handNet(), { domain: [-1, 2], width: 31, height: 4 }).split('\n');

  it('draws height + 1 rows, labelled from the largest ŷ (1) down to the smallest (0)', () => {
    const chart = lines.slice(0, 5);
    expect(chart.map((line) => line.slice(0, AXIS).trim())).toEqual(['1.00', '0.75', '0.50', '0.25', '0.00']);
  });

  it('puts ▲ under the step that holds each kink: the step from x = 0 to 0.1 is column 11, from 1 to 1.1 column 21', () => {
    const xAxis = lines[5];
    expect([...xAxis].map((c, i) => (c === '▲' ? i - AXIS : -1)).filter((i) => i >= 0)).toEqual([11, 21]);
  });

  it('writes the domain ends under the first and the last column', () => {
    expect(lines[6].indexOf('-1')).toBe(AXIS);
    expect(lines[6].trimEnd().length - 1).toBe(AXIS + 30);
  });

  it('lists the kinks exactly below the chart', () => {
    expect(lines[7].trim()).toBe('▲ 2 kinks at x = 0, 1');
  });

  it('says so when the domain holds no kink', () => {
    expect(asciiPlot(handNet(), { domain: [2, 3] }).split('\n').at(-1)!.trim()).toBe('no kinks in [2, 3]: ŷ is one straight line there');
  });

  it('draws a smooth (sigmoid) network without kink marks', () => {
    const net = new Network({ layers: [1, 3, 1], hidden: 'sigmoid', seed: 1 });
    const text = asciiPlot(net, { domain: [-2, 2] });
    expect(text).not.toContain('▲');
    expect(text.split('\n')).toHaveLength(ASCII_PLOT_DEFAULTS.height + 1 + 2);
  });

  it('is 60 columns wide and 12 rows tall by default', () => {
    const text = asciiPlot(handNet(), { domain: [-1, 2] }).split('\n');
    expect(text).toHaveLength(12 + 1 + 3);
    expect(text[13].length).toBe(AXIS + 60);
  });
});

describe('asciiPlot: bad input', () => {
  it('names the sizes when the network has two inputs', () => {
    expect(() => asciiPlot(new Network({ layers: [2, 3, 1] }), { domain: [0, 1] })).toThrow(
      /asciiPlot: the network has 2 inputs but asciiPlot draws networks of 1 input \(layers \[2, 3, 1\]/,
    );
  });
  it('rejects a width below 2 and a backwards domain', () => {
    expect(() => asciiPlot(handNet(), { domain: [0, 1], width: 1 })).toThrow('asciiPlot: width is 1 but it must be a whole number from 2 to 1000');
    expect(() => asciiPlot(handNet(), { domain: [1, 0] })).toThrow('asciiPlot: domain is [1, 0] but it must be [lo, hi] with lo < hi');
  });
  it('asks for options when they are missing', () => {
    expect(() => asciiPlot(handNet(), undefined as never)).toThrow(/asciiPlot: options are undefined but they must give at least the domain/);
  });
});

describe('asciiPlot on degenerate ranges', () => {
  it('draws a function that varies by less than 1e-9 of its size flat, and says so (a spread of 1e-323 made asciichart fail)', () => {
    const net = Network.fromWeights([{ weights: [[5e-324]], biases: [0] }]);
    const text = asciiPlot(net, { domain: [-1, 1], width: 20, height: 4 });
    expect(text.split('\n')[0]).toBe('    0.00 ┼─────────────────── ');
    expect(text).toContain('ŷ varies by only 1e-323 here: drawn flat');
  });
  it('refuses a domain whose width is beyond float64, naming the domain (it was blamed on "Network.trace: X has NaN")', () => {
    const net = Network.fromWeights([{ weights: [[1]], biases: [0] }]);
    expect(() => asciiPlot(net, { domain: [-1e308, 1e308] })).toThrow(
      'asciiPlot: domain is [-1e+308, 1e+308] but its width hi − lo must be finite (at most 1.8e308), or the points between cannot be computed',
    );
  });
});
