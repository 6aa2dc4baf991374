import { describe, expect, it } from 'vitest';
import { Matrix, Network, ValueError, adam, momentum, optimizerFromJSON, sgd } from '../src/index.js';
import { powerOf, resolveOptimizer } from '../src/train/optimizers.js';
import type { Optimizer } from '../src/index.js';

/** A one-weight network w = 1, b = 0, and a step with gradients dW = g, db = 0. */
function oneWeight() {
  const net = Network.fromWeights([{ weights: [[1]], biases: [0] }]);
  const step = (optimizer: Optimizer, g: number) => optimizer.step(net.layers, [{ dW: Matrix.from([[g]]), db: Matrix.from([[0]]) }]);
  return { net, step, w: () => net.layers[0].weights.get(0, 0) };
}

describe('sgd', () => {
  it('moves each weight by −η·g', () => {
    const { step, w } = oneWeight();
    step(sgd({ learningRate: 0.1 }), 0.5);
    expect(w()).toBe(1 - 0.1 * 0.5); // 0.95
  });
});

describe('momentum', () => {
  it('keeps a velocity v ← β·v + g and moves by −η·v', () => {
    const { step, w } = oneWeight();
    const optimizer = momentum({ learningRate: 0.1, beta: 0.9 });
    step(optimizer, 1); // v = 1, w = 1 − 0.1·1 = 0.9
    expect(w()).toBe(1 - 0.1);
    step(optimizer, 1); // v = 0.9·1 + 1 = 1.9, w = 0.9 − 0.1·1.9 = 0.71
    expect(Math.abs(w() - 0.71)).toBeLessThan(1e-15);
  });
});

describe('adam', () => {
  it('takes a first step of about η·sign(g), since m̂ = g and v̂ = g² after bias correction', () => {
    const { step, w } = oneWeight();
    step(adam({ learningRate: 0.1, epsilon: 1e-8 }), 2);
    // m = 0.1·2, v = 0.001·4; m̂ = 0.2/0.1 = 2, v̂ = 0.004/0.001 = 4; w = 1 − 0.1·2/(√4 + 1e-8)
    expect(Math.abs(w() - (1 - (0.1 * 2) / (2 + 1e-8)))).toBeLessThan(1e-15);
  });
  it('counts its steps t for the bias correction', () => {
    const optimizer = adam();
    const { step } = oneWeight();
    step(optimizer, 1);
    step(optimizer, 1);
    expect(optimizer.state.steps).toBe(2);
  });
  it('computes βᵗ for the bias correction as a running product, one rounded multiplication per step, the same in every engine (β ** t is not: Chromium gives 0.9 ** 4 = 0.6561)', () => {
    const power = powerOf(0.9);
    expect(power(4)).toBe(((0.9 * 0.9) * 0.9) * 0.9);
    expect(power(5)).toBe((((0.9 * 0.9) * 0.9) * 0.9) * 0.9); // one more factor
    expect(power(2)).toBe(0.9 * 0.9); // a step undone (fit restores the state): counted again from β⁰
    expect(power(0)).toBe(1);
  });
  it('has the defaults of tf.train.adam and PyTorch (ε as PyTorch)', () => {
    expect(adam().toJSON()).toMatchObject({ learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
  });
});

describe('saving an optimizer', () => {
  for (const make of [() => sgd({ learningRate: 0.05 }), () => momentum({ learningRate: 0.05 }), () => adam({ learningRate: 0.05 })]) {
    it(`${make().name}: a restored copy continues exactly as the original, bit for bit`, () => {
      const a = oneWeight();
      const original = make();
      a.step(original, 0.3);
      const restored = optimizerFromJSON(JSON.parse(JSON.stringify(original.toJSON())));
      // The restored optimizer, on a network with the same weights, then the same gradients:
      const b2 = oneWeight();
      b2.net.layers[0].weights.data[0] = a.w();
      for (const g of [-0.7, 0.2, 1.1]) {
        a.step(original, g);
        b2.step(restored, g);
      }
      expect(Object.is(b2.w(), a.w())).toBe(true);
      expect(restored.toJSON()).toEqual(original.toJSON());
    });
  }
  it('keeps −0 in its moments through JSON, written "-0" as in the network JSON', () => {
    const json = { ...momentum().toJSON(), steps: 1, slots: [['-0' as const], [0]] };
    const restored = optimizerFromJSON(JSON.parse(JSON.stringify(json)));
    expect(Object.is(restored.state.slots[0][0], -0)).toBe(true);
    expect(restored.toJSON().slots).toEqual([['-0'], [0]]);
  });
  it.each([
    ['an older version', { version: 0 }, /optimizerFromJSON: got an object \(Object\) but expected the object an optimizer's toJSON\(\) returns/],
    ['another format', { format: 'feedforward-network' }, /optimizerFromJSON: got an object \(Object\) but expected/],
    ['steps of -1', { steps: -1 }, /optimizerFromJSON: steps is -1 but/],
    ['slots that are not a list', { slots: 5 }, /^optimizerFromJSON: slots is 5 but must be a list of arrays$/],
    ['a slot that is not a list', { slots: [[0], 'x'] }, /^optimizerFromJSON: slot 2 is "x" but must be an array of numbers$/],
    ['a slot entry that is not a number', { slots: [[0], [0, 'y']] }, /^optimizerFromJSON: slot 2 entry 2 is "y" but/],
    ['an unknown optimizer', { name: 'rmsprop' }, /^optimizerFromJSON: optimizer "rmsprop" is unknown \(expected 'sgd', 'momentum' or 'adam'\)$/],
  ])('names what is wrong in a saved optimizer: %s', (_, change, message) => {
    const json = { ...momentum().toJSON(), steps: 1, slots: [[0], [0]], ...change };
    expect(() => optimizerFromJSON(json as never)).toThrow(message);
  });
  it('says what it expected when the JSON is something else', () => {
    expect(() => optimizerFromJSON({ name: 'adam' } as never)).toThrow(/optimizerFromJSON: got an object \(Object\) but expected the object an optimizer's toJSON\(\) returns/);
  });
  it('refuses saved moments that do not fit the network', () => {
    const optimizer = momentum();
    oneWeight().step(optimizer, 1);
    const bigger = new Network({ layers: [2, 3, 1], seed: 1 });
    const zeros = bigger.layers.map((l) => ({ dW: new Matrix(l.weights.rows, l.weights.cols), db: new Matrix(l.biases.rows, 1) }));
    expect(() => optimizer.step(bigger.layers, zeros)).toThrow(/momentum.step: the saved state has 2 arrays that do not fit this network \(it needs 4/);
  });
});

describe('optimizer settings', () => {
  it('refuses a learning rate that is not > 0', () => {
    expect(() => sgd({ learningRate: -1 })).toThrow(/sgd: learningRate is -1 but it must be a number > 0/);
  });
  it('refuses a β of 1 or more (the moments would never forget)', () => {
    expect(() => momentum({ beta: 1 })).toThrow(/momentum: beta is 1 but it must be a number from 0 up to \(not including\) 1/);
    expect(() => adam({ beta2: 1.5 })).toThrow(/adam: beta2 is 1.5 but/);
  });
  it('refuses options that are not an object', () => {
    expect(() => sgd(null as never)).toThrow('sgd: options are null but must be an object (known options: learningRate)');
  });
  it('names what came when the gradients are not { dW, db } matrices', () => {
    const { net } = oneWeight();
    expect(() => sgd().step(net.layers, [{}] as never)).toThrow(/sgd.step: the gradients of layer 1 are an object \(Object\) but must be \{ dW, db \} matrices/);
    expect(() => sgd().step(null as never, null as never)).toThrow(/sgd.step: got layers null and grads null but both must be lists/);
  });
  it('names the layer whose gradients are not both matrices, or not shaped like its weights and biases', () => {
    const { net } = oneWeight(); // W is 1×1, b is 1×1
    const one = Matrix.from([[0]]);
    expect(() => sgd().step(net.layers, [{ dW: one }] as never)).toThrow(/sgd.step: the gradients of layer 1 are an object \(Object\) but must be \{ dW, db \} matrices/);
    expect(() => sgd().step(net.layers, [{ db: one }] as never)).toThrow(/sgd.step: the gradients of layer 1 are an object/);
    for (const [dW, db] of [[Matrix.from([[0], [0]]), one], [Matrix.from([[0, 0]]), one], [one, Matrix.from([[0], [0]])]]) {
      expect(() => sgd().step(net.layers, [{ dW, db }])).toThrow("sgd.step: layer 1's gradients do not have the shapes of its weights and biases");
    }
    expect(() => sgd().step(net.layers, null as never)).toThrow(/sgd.step: got layers an array of 1 entry and grads null but both must be lists/);
  });
  it('refuses saved moments of the right count but the wrong lengths', () => {
    const net = new Network({ layers: [2, 3, 1], seed: 1 }); // W¹ 3×2 (6), b¹ 3, W² 1×3 (3), b² 1
    const zeros = net.layers.map((l) => ({ dW: new Matrix(l.weights.rows, l.weights.cols), db: new Matrix(l.biases.rows, 1) }));
    const swapped = momentum({}, { steps: 1, slots: [3, 6, 3, 1].map((n) => new Float64Array(n)) }); // W¹'s and b¹'s swapped
    expect(() => swapped.step(net.layers, zeros)).toThrow(/momentum.step: the saved state has 4 arrays that do not fit this network \(it needs 4/);
  });
  it('refuses saved moments that fit only the first layers (2 arrays where 4 are needed)', () => {
    const net = new Network({ layers: [2, 3, 1], seed: 1 });
    const zeros = net.layers.map((l) => ({ dW: new Matrix(l.weights.rows, l.weights.cols), db: new Matrix(l.biases.rows, 1) }));
    const short = momentum({}, { steps: 1, slots: [new Float64Array(6), new Float64Array(3)] }); // W¹ and b¹ only
    expect(() => short.step(net.layers, zeros)).toThrow(/momentum.step: the saved state has 2 arrays that do not fit this network \(it needs 4/);
  });
  it('resolveOptimizer names an optimizer it does not know', () => {
    expect(() => resolveOptimizer('rmsprop', undefined, 'test')).toThrow(
      new ValueError(`test: optimizer "rmsprop" is unknown (expected 'sgd', 'momentum', 'adam', or an optimizer object)`),
    );
    expect(() => resolveOptimizer('toString', undefined, 'test')).toThrow(/test: optimizer "toString" is unknown/); // not an own name
  });
  it('sgd keeps no moments: after two steps its state is { steps: 2, slots: [] }', () => {
    const optimizer = sgd();
    const { step } = oneWeight();
    step(optimizer, 1);
    step(optimizer, 1);
    expect(optimizer.state).toEqual({ steps: 2, slots: [] });
  });
  it('names the layer count when the gradients do not match the network', () => {
    const { net } = oneWeight();
    expect(() => sgd().step(net.layers, [])).toThrow(/sgd.step: the network has 1 layer but 0 gradients came/);
  });
});

describe('a hand-made optimizer is checked at the door', () => {
  it('lists everything fit would read or call and that is missing', () => {
    const net = new Network({ layers: [1, 1], seed: 1 });
    expect(() => net.fit([[1]], [[1]], { optimizer: { step: () => {} } as never })).toThrow(
      'Network.fit: the optimizer object lacks toJSON(), learningRate (a number > 0), state ({ steps, slots }) (make one with sgd(), momentum() or adam())',
    );
    expect(() => net.fit([[1]], [[1]], { optimizer: { step: () => {}, toJSON: () => ({}), learningRate: 0.1, state: { steps: 0 } } as never })).toThrow(
      'Network.fit: the optimizer object lacks state.slots (a list of Float64Arrays)',
    );
  });
  it.each([
    [{ learningRate: 0 }, 'learningRate (a number > 0)'],
    [{ learningRate: Infinity }, 'learningRate (a number > 0)'],
    [{ learningRate: '0.1' }, 'learningRate (a number > 0)'],
    [{ step: 'go' }, 'step()'],
    [{ state: null }, 'state ({ steps, slots })'],
    [{ state: { steps: -1, slots: [] } }, 'state.steps (a whole number)'],
    [{ state: { steps: 1.5, slots: [] } }, 'state.steps (a whole number)'],
  ])('names what is wrong with %j, when the rest is right', (change, what) => {
    const net = new Network({ layers: [1, 1], seed: 1 });
    const optimizer = { ...sgd(), ...change };
    expect(() => net.fit([[1]], [[1]], { optimizer } as never)).toThrow(
      `Network.fit: the optimizer object lacks ${what} (make one with sgd(), momentum() or adam())`,
    );
  });
  it('takes a hand-made object that has everything, such as a copy of a built-in', () => {
    const net = new Network({ layers: [1, 1], seed: 1 });
    expect(() => net.fit([[1]], [[1]], { optimizer: { ...sgd() }, epochs: 1 })).not.toThrow();
  });
});
