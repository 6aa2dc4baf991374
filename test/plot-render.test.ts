import { readFileSync, readdirSync } from 'node:fs';
import * as vega from 'vega';
import { describe, expect, it, vi } from 'vitest';
import { Network } from '../src/index.js';
import { plotFunction, renderSvg } from '../src/plot/index.js';
import { textWidth } from '../src/plot/text-width.js';
import { findAll, parseSvg } from './helpers/svg.js';

describe('textWidth: label widths without a canvas', () => {
  it("adds up Helvetica's character widths: 'x1' at 10 px is (500 + 556) / 1000 · 10 = 10.56 px", () => {
    expect(textWidth({ fontSize: 10 }, 'x1')).toBeCloseTo(10.56, 10);
  });
  it('makes bold text 10% wider and measures the widest line of several', () => {
    expect(textWidth({ fontSize: 10, fontWeight: 'bold' }, 'x1')).toBeCloseTo(11.616, 10);
    expect(textWidth({ fontSize: 10 }, ['x', 'x1'])).toBeCloseTo(10.56, 10);
  });
  it("reads the item's own text and counts a character outside ASCII as 0.62 em", () => {
    expect(textWidth({ fontSize: 10, text: 'ŷ' })).toBeCloseTo(6.2, 10);
  });
});

describe('renderSvg: from a Vega-Lite spec to SVG text', () => {
  const spec = { data: { values: [{ a: 1 / 3, b: 2 / 3 }, { a: 1, b: 0 }] }, mark: 'line', encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'quantitative' } } };

  it('writes path coordinates with at most 2 decimals (a hundredth of a pixel)', async () => {
    const svg = await renderSvg(spec, 'test');
    const coordinates = findAll(parseSvg(svg), (e) => e.attributes.d !== undefined).map((e) => e.attributes.d);
    expect(coordinates.length).toBeGreaterThan(0);
    for (const d of coordinates) expect(d).not.toMatch(/\d\.\d{3}/);
  });

  it("lends Vega its text measure only while it draws, and gives Vega's own back", async () => {
    const metrics = (vega as unknown as { textMetrics: { width: unknown; estimateWidth: unknown } }).textMetrics;
    await renderSvg(spec, 'test');
    expect(metrics.width).toBe(metrics.estimateWidth);
  });

  it('draws the same pictures when several renders overlap, and gives Vega its measure back after the last', async () => {
    const net = Network.fromWeights([{ weights: [[1], [1]], biases: [0, -1] }, { weights: [[1, -2]], biases: [0] }]);
    const one = await plotFunction(net, { domain: [-1, 2], neurons: true, title: 'a long title, to make the width depend on text measure' });
    const many = await Promise.all([1, 2, 3].map(() => plotFunction(net, { domain: [-1, 2], neurons: true, title: 'a long title, to make the width depend on text measure' })));
    for (const svg of many) expect(svg).toBe(one);
    const metrics = (vega as unknown as { textMetrics: { width: unknown; estimateWidth: unknown } }).textMetrics;
    expect(metrics.width).toBe(metrics.estimateWidth);
  });

  it('sizes the picture to its labels: a long subtitle makes it no wider than the text needs', async () => {
    // 70 characters at 12 px: Helvetica's widths make about 360 px; Vega's guess of 0.8 em each would make 672.
    const subtitle = 'a subtitle of seventy characters, written to see how wide Vega lays it';
    const svg = await renderSvg({ ...spec, width: 200, title: { text: 'T', subtitle, subtitleFontSize: 12 } }, 'test');
    const width = Number(parseSvg(svg).attributes.width);
    expect(width).toBeLessThan(500);
    expect(width).toBeGreaterThan(textWidth({ fontSize: 12 }, subtitle));
  });

  it('names the packages to install when vega cannot be loaded', async () => {
    vi.resetModules();
    vi.doMock('vega', () => {
      throw new Error("Cannot find package 'vega'");
    });
    try {
      const fresh = await import('../src/plot/index.js');
      const core = await import('../src/index.js'); // the Network class of this fresh module graph
      await expect(fresh.plotFunction(core.Network.fromWeights([{ weights: [[1]], biases: [0] }]), { domain: [0, 1] })).rejects.toThrow(
        /plotFunction: drawing SVG needs the optional packages vega and vega-lite, but they could not be loaded .*npm install vega vega-lite \(the \.\.\.Spec functions work without them\)/,
      );
    } finally {
      vi.doUnmock('vega');
      vi.resetModules();
    }
  });

  it('still draws after that, once vega loads', async () => {
    const svg = await plotFunction(Network.fromWeights([{ weights: [[1]], biases: [0] }]), { domain: [0, 1] });
    expect(parseSvg(svg).tag).toBe('svg');
  });
});

describe('the core entry stays light', () => {
  it("never imports vega, vega-lite, asciichart or the plot entry: only 'feedforward/plot' does", () => {
    for (const file of readdirSync('src').filter((f) => f.endsWith('.ts'))) {
      const imports = [...readFileSync(`src/${file}`, 'utf8').matchAll(/from '([^']+)'|import\('([^']+)'\)/g)].map((m) => m[1] ?? m[2]);
      for (const name of imports) expect(`${file}: ${name}`).not.toMatch(/: (vega|vega-lite|asciichart|\.\/plot\/.*)$/);
    }
  });
});
