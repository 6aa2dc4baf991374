// The training benchmark is a fair race only if every competitor does the same
// training. Checked here, untimed: fit and the plain loop agree to 1e-9 relative
// (they sum in the same order, so in fact to the last bit), tfjs to float32's precision.
import { describe, expect, it } from 'vitest';
import { fitOptions, minibatchCase, smallCase } from './cases.js';
import { plainTrainer } from './plain-backprop.js';
import { tfjsTrainer, useBackend } from './tfjs-fit.js';

for (const make of [smallCase, minibatchCase]) {
  const c = make();
  describe(`training race ${c.name}`, () => {
    it('fit and the plain loop report the same losses and reach the same weights over 3 epochs (1e-9 relative)', () => {
      const net = c.net();
      const plain = plainTrainer(c.net(), c.batchSize, c.learningRate);
      for (let epoch = 0; epoch < 3; epoch++) {
        const ours = net.fit(c.X, c.Y, fitOptions(c)).loss[0];
        const theirs = plain.epoch(c.X.data, c.Y.data, c.X.cols);
        expect(Math.abs(ours - theirs) / theirs).toBeLessThan(1e-9);
      }
      net.layers.forEach((layer, l) => {
        layer.weights.data.forEach((w, n) => expect(Math.abs(w - plain.W[l][n])).toBeLessThan(1e-9 * (1 + Math.abs(w))));
      });
    });
    it('tfjs model.fit (cpu) reports the same first-epoch loss to float32 precision (1e-4 relative)', async () => {
      await useBackend('cpu');
      const tfjs = tfjsTrainer(c);
      const ours = c.net().fit(c.X, c.Y, fitOptions(c)).loss[0];
      expect(Math.abs((await tfjs.epoch()) - ours) / ours).toBeLessThan(1e-4);
      tfjs.dispose();
    });
  });
}
