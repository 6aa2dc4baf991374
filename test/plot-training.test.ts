import { describe, expect, it } from 'vitest';
import { PLOT_TRAINING_DEFAULTS, plotTraining, plotTrainingSpec } from '../src/plot/index.js';
import { marks, parseSvg, texts } from './helpers/svg.js';

// biome-ignore lint: a spec is loose JSON
type Json = any;

describe('plotTraining: the loss per epoch, as net.fit returns it', () => {
  it('draws one line for the training loss, and a second, dashed, for the validation loss', async () => {
    const alone = parseSvg(await plotTraining({ loss: [1, 0.5, 0.25] }));
    expect(marks(alone, 'loss')).toHaveLength(1);
    const both = parseSvg(await plotTraining({ loss: [1, 0.5, 0.25], validationLoss: [1, 0.75, 0.5] }));
    const lines = marks(both, 'loss');
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => l.attributes['stroke-dasharray'])).toEqual(['1,0', '6,3']);
  });

  it('puts each loss at its height: losses 1, 0.5, 0.25 on a 0-to-1 axis 260 px tall, epochs 1 to 3 across 480 px', async () => {
    // epoch 1 → 0 px, 2 → 240 px, 3 → 480 px; loss 1 → 0 px (top), 0.5 → 130 px, 0.25 → 195 px.
    const [line] = marks(parseSvg(await plotTraining({ loss: [1, 0.5, 0.25] })), 'loss');
    expect(line.attributes.d).toBe('M0,0L240,130L480,195');
  });

  it('counts epochs from 1 and puts a dot on each of up to 40 epochs', async () => {
    const spec: Json = plotTrainingSpec({ loss: [0.9, 0.4, 0.2] });
    expect(spec.data.values).toEqual([
      { epoch: 1, loss: 0.9, set: 'training' },
      { epoch: 2, loss: 0.4, set: 'training' },
      { epoch: 3, loss: 0.2, set: 'training' },
    ]);
    const few = parseSvg(await plotTraining({ loss: [3, 2, 1], validationLoss: [3, 2.5, 2] }));
    expect(marks(few, 'epochs')).toHaveLength(6);
    const many = parseSvg(await plotTraining({ loss: Array.from({ length: 41 }, (_, e) => 1 / (e + 1)) }));
    expect(marks(many, 'epochs')).toHaveLength(0);
  });

  it('uses a logarithmic loss axis when asked (log: true), and a linear one from 0 by default', () => {
    expect(PLOT_TRAINING_DEFAULTS.log).toBe(false);
    const history = { loss: [1, 0.1, 0.01] };
    expect((plotTrainingSpec(history) as Json).encoding.y.scale).toEqual({ zero: true });
    expect((plotTrainingSpec(history, { log: true }) as Json).encoding.y.scale).toEqual({ type: 'log' });
  });

  it('labels a log axis at the powers of ten the losses span, and 2 and 5 times them within two decades', () => {
    // 0.0003 to 1.1 spans 10⁻⁴ to 10¹: five decades, powers of ten only.
    expect((plotTrainingSpec({ loss: [1.1, 0.01, 0.0003] }, { log: true }) as Json).encoding.y.axis.values).toEqual([0.0001, 0.001, 0.01, 0.1, 1, 10]);
    // 0.03 to 0.5 spans 10⁻² to 10⁰.
    expect((plotTrainingSpec({ loss: [0.5, 0.03] }, { log: true }) as Json).encoding.y.axis.values).toEqual([0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]);
  });

  it('says how many epochs and the last losses in the subtitle', async () => {
    const svg = await plotTraining({ loss: [1, 0.5, 0.25], validationLoss: [1, 0.75, 0.5] });
    expect(texts(svg)).toContain('3 epochs; last loss: training 0.25, validation 0.5');
  });

  it('leaves the history untouched', async () => {
    const history = { loss: [1, 0.5], validationLoss: [1.2, 0.7] };
    const copy = structuredClone(history);
    await plotTraining(history, { log: true });
    expect(history).toEqual(copy);
  });
});

describe('plotTraining: bad input', () => {
  it('asks for what net.fit returns when given something else', () => {
    expect(() => plotTrainingSpec([1, 2] as never)).toThrow(
      'plotTraining: history is an array of 2 entries but it must be what net.fit returns: { loss: number[], validationLoss?: number[] }',
    );
  });
  it('rejects an empty loss list', () => {
    expect(() => plotTrainingSpec({ loss: [] })).toThrow('plotTraining: history.loss is empty but it needs one loss per epoch');
  });
  it('names the epoch of a loss that is not finite, and what it usually means', () => {
    expect(() => plotTrainingSpec({ loss: [1, 0.5, Number.NaN] })).toThrow(
      /plotTraining: history.loss is NaN at epoch 3 but losses must be finite numbers \(a NaN or Infinity loss means training diverged/,
    );
  });
  it('names both lengths when the validation losses do not match the epochs', () => {
    expect(() => plotTrainingSpec({ loss: [1, 0.5, 0.2], validationLoss: [1, 0.6] })).toThrow(
      'plotTraining: history.loss has 3 epochs but history.validationLoss has 2 (one validation loss per epoch)',
    );
  });
  it('refuses a loss of 0 on a log axis', () => {
    expect(() => plotTrainingSpec({ loss: [1, 0] }, { log: true })).toThrow(
      'plotTraining: history.loss is 0 at epoch 2 but a log axis needs every loss > 0 (use log: false)',
    );
  });
  it('names an option of the wrong kind', () => {
    expect(() => plotTrainingSpec({ loss: [1] }, { width: 10 })).toThrow('plotTraining: width is 10 but it must be a whole number from 50 to 5000');
  });
});
