import { describe, expect, it } from 'vitest';
import { ShapeError, ValueError, confusionMatrix } from '../src/index.js';
import { plotConfusion, plotConfusionSpec, plotPredictions, plotPredictionsSpec } from '../src/plot/index.js';
import { expectError } from './helpers/errors.js';
import { marks, parseSvg, texts } from './helpers/svg.js';

// biome-ignore lint: a spec is loose JSON
type Json = any;

describe('plotConfusion: a confusion matrix as a heatmap with counts', () => {
  const cm = confusionMatrix(['Adelie', 'Adelie', 'Gentoo', 'Chinstrap', 'Gentoo'], ['Adelie', 'Chinstrap', 'Gentoo', 'Chinstrap', 'Gentoo']);
  it('has one cell per (actual, predicted) pair, shaded by the share of its row', () => {
    const spec: Json = plotConfusionSpec(cm);
    expect(spec.data.values).toHaveLength(9);
    expect(spec.data.values[3]).toEqual({ actual: 'Chinstrap', predicted: 'Adelie', count: 1, share: 0.5 }); // 1 of Chinstrap's 2
    expect(spec.title.subtitle).toBe('5 samples; 4 right (accuracy 0.8)');
  });
  it('draws 9 cells and writes each count, with the axes titled actual and predicted', async () => {
    const text = await plotConfusion(cm);
    expect(marks(parseSvg(text), 'cells')).toHaveLength(9);
    const words = texts(text);
    for (const word of ['actual', 'predicted', 'Adelie', 'Chinstrap', 'Gentoo', 'Confusion matrix']) expect(words).toContain(word);
    expect(words.filter((w) => w === '2')).toHaveLength(1); // the one cell with 2: Gentoo, Gentoo
  });
  it('refuses what is not a confusion matrix', () => {
    expectError(() => plotConfusionSpec({ labels: ['a'], counts: [[1, 2]] } as never), ValueError, 'plotConfusion: cm is an object (Object) but it must be what confusionMatrix returns: { labels, counts } with one row and column of whole counts per label');
  });
});

describe('plotPredictions: a regression’s predictions against the actual values', () => {
  it('puts one dot per sample at (actual, predicted), and the line y = x across the shared domain', () => {
    const spec: Json = plotPredictionsSpec([2.5, 0, 2, 8], [3, -0.5, 2, 7], { name: 'mpg' });
    expect(spec.layer[1].data.values[0]).toEqual({ actual: 3, predicted: 2.5, error: -0.5 });
    const line = spec.layer[0].data.values;
    expect(line.map((p: Json) => p.actual)).toEqual(line.map((p: Json) => p.predicted)); // y = x
    expect(spec.layer[1].encoding.x.scale).toEqual(spec.layer[1].encoding.y.scale); // same scale on both axes
    expect(spec.title.subtitle).toBe('4 samples; MAE 0.5, R² 0.9486');
  });
  it('draws the dots and titles the axes with the target’s name', async () => {
    const text = await plotPredictions([2.5, 0, 2, 8], [3, -0.5, 2, 7], { name: 'mpg' });
    expect(marks(parseSvg(text), 'samples')).toHaveLength(4);
    expect(texts(text)).toEqual(expect.arrayContaining(['actual mpg', 'predicted mpg']));
  });
  it('refuses lists of different lengths and several outputs', () => {
    expectError(() => plotPredictionsSpec([1, 2], [1]), ShapeError, 'plotPredictions: predicted has 2 values but actual has 1 (one prediction per actual value)');
    expectError(() => plotPredictionsSpec([[1, 2], [3, 4]], [1, 2]), ShapeError, 'plotPredictions: predicted is 2×2 but it must be one list of numbers (one output)');
  });
});
