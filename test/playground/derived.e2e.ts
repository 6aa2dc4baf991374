/**
 * Backpropagation derived, not only shown (issue 22, item 5), in the backpropagation stepper: each
 * equation with the one chain-rule step that gives it, worked on one number of the article's network
 * and one sample; beside every dW and db the nudge check (L(w + ε) − L(w − ε)) / 2ε, recomputed here in
 * Node; and the loss before and after the stepper's one step.
 */
import { describe, expect, it } from 'vitest';
import { type Matrix, Network, articleNetwork, mse, scale, subtract } from '../../src/index.js';
import { inPage, reopen, shownMatrix, usePlayground } from './page.js';

const playground = usePlayground();

const EPSILON = 1e-6;
/** A number as the chain-rule lines print it: three decimals, a negative one in brackets. */
const n = (v: number) => {
  const text = v.toFixed(3) === '-0.000' ? '0.000' : v.toFixed(3);
  return v < 0 ? `(${text})` : text;
};
const at = (M: Matrix, i = 0, j = 0) => M.data[i * M.cols + j];

/** (L(w + ε) − L(w − ε)) / 2ε in Node, for one weight (from > 0) or bias (from = 0) of layer `layer`, on a copy. */
function nudge(net: Network, layer: number, node: number, from: number, X: number[][], Y: number[][]): number {
  const copy = Network.fromJSON(net.toJSON());
  const { weights, biases } = copy.layers[layer - 1];
  const [array, index] = from === 0 ? [biases.data, node] : [weights.data, node * weights.cols + from - 1];
  const w = array[index];
  array[index] = w + EPSILON;
  const up = mse.value(copy.forward(X), Y);
  array[index] = w - EPSILON;
  const down = mse.value(copy.forward(X), Y);
  return (up - down) / (2 * EPSILON);
}

describe('the backpropagation stepper derives what it shows (issue 22)', () => {
  it("writes each equation's chain-rule step out on one number of the article's network and one sample", async () => {
    const { page } = playground;
    await reopen(page, playground.url);
    const { X, Y } = await inPage(page, (p) => p.sample());
    const steps = articleNetwork().backwardTrace(X, Y, { loss: 'mse' });
    const output = steps[2];
    const chains = () => page.$$eval('#back-stepper p.chain', (ps) => ps.map((p) => p.textContent?.replace(/\s+/g, ' ') ?? ''));
    const top = await chains();
    expect(top.length).toBe(6); // dA, dZ, dW, db, the dA handed back, the update
    // ℓ = (ŷ − y)², so ∂ℓ/∂ŷ = 2·(ŷ − y): the numbers of the output layer's dA.
    expect(top[0]).toContain(`2·(${n(at(output.a))} − ${n(Y[0][0])}) = ${n(at(output.dA))}`);
    expect(top[1]).toContain(`= ${n(at(output.dZ))}.`);
    expect(top[2]).toContain(`${n(at(output.dZ))}·${n(at(output.input))} = ${n(at(output.dZ) * at(output.input))}`);
    expect(top[3]).toContain(`b₁ for the sample: ${n(at(output.db))}`);
    // Layer 1: relu′ is 1 or 0 at z, and dA¹ is Σᵢ dZ²ᵢ·w²ᵢ₁, each term written out.
    await page.click('#back-stepper button.back-layer[data-layer="1"]');
    const first = await chains();
    const w2 = articleNetwork().layers[1].weights;
    expect(first[0]).toContain(`${n(at(steps[1].dZ, 0))}·${n(at(w2, 0, 0))} + ${n(at(steps[1].dZ, 1))}·${n(at(w2, 1, 0))} = ${n(at(steps[0].dA))}`);
    expect(first[1]).toMatch(new RegExp(`relu′\\(${n(at(steps[0].z)).replace(/[()]/g, '\\$&')}\\) = .*·(1|0)\\.000 = `));
  });

  it('beside every dW and db, the nudge (L(w + ε) − L(w − ε)) / 2ε, as Node computes it, agrees with backprop to 1e-6', async () => {
    const { page } = playground;
    await reopen(page, playground.url);
    const { X, Y } = await inPage(page, (p) => p.sample());
    const net = articleNetwork();
    const steps = net.backwardTrace(X, Y, { loss: 'mse' });
    for (const step of [...steps].reverse()) {
      await page.click(`#back-stepper button.back-layer[data-layer="${step.layer}"]`);
      await page.waitForFunction((l) => document.querySelector('#back-current')?.textContent === String(l), step.layer);
      const dW = await shownMatrix(page, 'dW-nudge', '#back-stepper');
      const db = await shownMatrix(page, 'db-nudge', '#back-stepper');
      const want = step.dW.toArray().map((row, i) => row.map((_, j) => nudge(net, step.layer, i, j + 1, X, Y)));
      expect(dW).toEqual(want);
      expect(db).toEqual(step.db.toArray().map((_, i) => [nudge(net, step.layer, i, 0, X, Y)]));
      dW.flat().forEach((v, k) => expect(Math.abs(v - step.dW.data[k])).toBeLessThan(1e-6));
      db.flat().forEach((v, k) => expect(Math.abs(v - step.db.data[k])).toBeLessThan(1e-6));
    }
  });

  it('shows the loss before and after its one step, and the step takes the loss exactly there', async () => {
    const { page } = playground;
    await reopen(page, playground.url);
    const { X, Y } = await inPage(page, (p) => p.sample());
    const net = articleNetwork();
    const before = Number(await page.getAttribute('#loss-before', 'data-value'));
    const after = Number(await page.getAttribute('#loss-after', 'data-value'));
    expect(before).toBe(mse.value(net.forward(X), Y));
    // The step by hand: W − η·dW, b − η·db in every layer, η = 0.02.
    for (const [l, step] of net.backwardTrace(X, Y, { loss: 'mse' }).entries()) {
      const { weights, biases } = net.layers[l];
      weights.data.set(subtract(weights, scale(step.dW, 0.02)).data);
      biases.data.set(subtract(biases, scale(step.db, 0.02)).data);
    }
    expect(after).toBe(mse.value(net.forward(X), Y));
    expect(after).toBeLessThan(before);
    await page.click('#back-step');
    expect(await inPage(page, (p) => p.network())).toEqual(net.toJSON());
    expect(Number(await page.getAttribute('#loss-before', 'data-value'))).toBe(after);
    expect(await page.textContent('#last-step')).toBe(`The last step took L from ${before.toPrecision(4)} to ${after.toPrecision(4)}.`);
    expect(playground.errors).toEqual([]);
  });
});
