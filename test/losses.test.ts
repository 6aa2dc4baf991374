import { describe, expect, it } from 'vitest';
import { Network, binaryCrossEntropy, crossEntropy, mse } from '../src/index.js';
import { resolveLoss } from '../src/train/losses.js';

describe('mse', () => {
  it('is the mean of the squared differences over every entry', () => {
    // ((1 − 0)² + (3 − 1)²) / 2 = (1 + 4) / 2 = 2.5
    expect(mse.value([[1, 3]], [[0, 1]])).toBe(2.5);
    // two outputs, one sample: ((1 − 0)² + (0 − 2)²) / 2 = 2.5
    expect(mse.value([[1], [0]], [[0], [2]])).toBe(2.5);
  });
  it('has the gradient 2(A − Y)/(outputs·samples)', () => {
    // 2·(1 − 0)/2 = 1 and 2·(3 − 1)/2 = 2
    expect(mse.gradient([[1, 3]], [[0, 1]]).toArray()).toEqual([[1, 2]]);
  });
  it('names both shapes when A and Y differ', () => {
    expect(() => mse.value([[1, 2]], [[1]])).toThrow(/mse: A is 1×2 but Y is 1×1 \(one target per prediction\)/);
    expect(() => mse.value([[1], [2]], [[1]])).toThrow(/mse: A is 2×1 but Y is 1×1 \(one target per prediction\)/);
  });
  it('names A or Y when one is not a matrix', () => {
    expect(() => mse.value(5 as never, [[1]])).toThrow(/^mse.value: A is 5 but a matrix must be/);
    expect(() => mse.value([[1]], 'x' as never)).toThrow(/^mse.value: Y is "x" but a matrix must be/);
  });
});

describe('binaryCrossEntropy', () => {
  it('is −log a for a target of 1 and −log(1 − a) for a target of 0', () => {
    // −(log 0.5 + log(1 − 0.2)) / 2 samples
    expect(Math.abs(binaryCrossEntropy.value([[0.5, 0.2]], [[1, 0]]) - -(Math.log(0.5) + Math.log(0.8)) / 2)).toBeLessThan(1e-15);
  });
  it('is 0 for perfect predictions, with no 0·log 0 = NaN', () => {
    expect(binaryCrossEntropy.value([[1, 0]], [[1, 0]])).toBe(0);
  });
  it('stays finite after a sigmoid for logits of ±1000, computed from Z', () => {
    // sigmoid(1000) is exactly 1 in float64, so log(1 − a) would be −∞; softplus(z) − y·z is 1000 − 0 = 1000.
    const net = Network.fromWeights([{ weights: [[1000]], biases: [0] }], { output: 'sigmoid' });
    expect(net.gradients([[1, -1]], [[0, 1]], { loss: 'binaryCrossEntropy' }).loss).toBe(1000);
  });
});

describe('crossEntropy', () => {
  it('is −log of the probability given to the right class, averaged over samples', () => {
    // sample 1: −log 0.75; sample 2: −log 0.5
    const value = crossEntropy.value([[0.25, 0.5], [0.75, 0.5]], [[0, 1], [1, 0]]);
    expect(Math.abs(value - -(Math.log(0.75) + Math.log(0.5)) / 2)).toBeLessThan(1e-15);
  });
  it('stays finite after a softmax for logits of 1000 and −1000, by log-sum-exp', () => {
    // z = (1000, −1000), y = (0, 1): ℓ = logΣe^z − z₂ = 1000 − (−1000) = 2000
    const net = Network.fromWeights([{ weights: [[1000], [-1000]], biases: [0, 0] }], { output: 'softmax' });
    expect(net.gradients([[1]], [[0], [1]], { loss: 'crossEntropy' }).loss).toBe(2000);
  });
  it('adds nothing for a class whose target is 0, even where logΣe^z − z overflows', () => {
    // z = (1.7e308, −1.7e308), y = (1, 0): ℓ = logΣe^z − z₁ = 0; the second class's 1.7e308 − (−1.7e308) = ∞ is never multiplied by 0
    const net = Network.fromWeights([{ weights: [[1.7e308], [-1.7e308]], biases: [0, 0] }], { output: 'softmax' });
    expect(net.gradients([[1]], [[1], [0]], { loss: 'crossEntropy' }).loss).toBe(0);
  });
  it('gives dZ = A − Y after a softmax: the backward trace shows it', () => {
    // z = (0, 0) → a = (0.5, 0.5); y = (1, 0) → dZ = (−0.5, 0.5)
    const net = Network.fromWeights([{ weights: [[0], [0]], biases: [0, 0] }], { output: 'softmax' });
    expect(net.backwardTrace([[1]], [[1], [0]], { loss: 'crossEntropy' })[0].dZ.toArray()).toEqual([[-0.5], [0.5]]);
  });
});

describe('choosing a loss', () => {
  it('resolveLoss takes a name or one of the losses themselves, nothing that merely looks like one', () => {
    expect(resolveLoss('crossEntropy', 'fit')).toBe(crossEntropy);
    expect(resolveLoss(binaryCrossEntropy, 'fit')).toBe(binaryCrossEntropy);
    expect(() => resolveLoss({ name: 'mse' }, 'fit')).toThrow(/^fit: loss an object \(Object\) is unknown \(expected one of mse, binaryCrossEntropy, crossEntropy\)/);
    expect(() => resolveLoss(['mse'], 'fit')).toThrow(/^fit: loss an array of 1 entry is unknown/); // an array whose text is 'mse' is not the name
  });
  it("'auto' picks crossEntropy after softmax, binaryCrossEntropy after sigmoid, mse otherwise", () => {
    const X = [[1]];
    // The values tell which loss ran: z = 0 everywhere.
    const soft = Network.fromWeights([{ weights: [[0], [0]], biases: [0, 0] }], { output: 'softmax' });
    expect(soft.gradients(X, [[1], [0]]).loss).toBe(Math.log(2)); // −log 0.5
    const sig = Network.fromWeights([{ weights: [[0]], biases: [0] }], { output: 'sigmoid' });
    expect(sig.gradients(X, [[1]]).loss).toBe(Math.log(2)); // softplus(0) − 1·0 = log 2
    const lin = Network.fromWeights([{ weights: [[0]], biases: [0] }]);
    expect(lin.gradients(X, [[3]]).loss).toBe(9); // (0 − 3)²
  });
  it('refuses a cross-entropy after an output that is not between 0 and 1', () => {
    const net = Network.fromWeights([{ weights: [[1]], biases: [0] }], { output: 'tanh' });
    expect(() => net.gradients([[1]], [[1]], { loss: 'crossEntropy' })).toThrow(
      /Network.gradients: loss crossEntropy needs outputs between 0 and 1 but the output layer is tanh/,
    );
  });
  it('names the known losses when given an unknown one', () => {
    const net = Network.fromWeights([{ weights: [[1]], biases: [0] }]);
    expect(() => net.gradients([[1]], [[1]], { loss: 'hinge' as 'mse' })).toThrow(
      /loss "hinge" is unknown \(expected one of mse, binaryCrossEntropy, crossEntropy\)/,
    );
  });
});

describe('a loss is never silently infinite or NaN', () => {
  it('mse near the float64 edge: 1e150 apart gives 1e300 (scaled before squaring); 1e200 apart is refused, naming the size', () => {
    expect(mse.value([[1e150]], [[0]])).toBeCloseTo(1e300, -290);
    expect(Math.abs(mse.value([[1e150]], [[0]]) / 1e300 - 1)).toBeLessThan(1e-15);
    expect(() => mse.value([[1e200]], [[0]])).toThrow(
      'mse.value: the loss is about 1e+400, beyond the largest float64 (1.8e308): A and Y differ by more than 1e154',
    );
  });
  it('mse whose squares overflow but whose mean does not: 2×2 entries, one 1.5e154 apart, give (1.5e154)²/4 = 5.625e307', () => {
    // (1.5e154)² = 2.25e308 is beyond float64, so the plain sum is ∞; scaled by s = 1.5e154: (1² + 0 + 0 + 0)/4 · s² = 5.625e307
    const value = mse.value([[1.5e154, 1e154], [0, 0]], [[0, 1e154], [0, 0]]);
    expect(Math.abs(value / 5.625e307 - 1)).toBeLessThan(1e-15);
  });
  it('mse.gradient refuses an entry beyond float64, naming it', () => {
    // the entry at index 3 of a 2×2 matrix is row 2, column 2
    expect(() => mse.gradient([[0, 0], [0, 1.7e308]], [[0, 0], [0, -1.7e308]])).toThrow(/^mse.gradient: ∂L\/∂A at row 2, column 2 is Infinity/);
    expect(() => mse.gradient([[1.7e308]], [[-1.7e308]])).toThrow(/^mse.gradient: ∂L\/∂A at row 1, column 1 is Infinity \(A = 1.7e\+308, Y = -1.7e\+308\), beyond float64/);
  });
  it.each([
    ['binaryCrossEntropy', binaryCrossEntropy, [[1.5]], [[1]], 'A has 1.5 at row 1, column 1'],
    ['binaryCrossEntropy', binaryCrossEntropy, [[0.5]], [[-1]], 'Y has -1 at row 1, column 1'],
    ['crossEntropy', crossEntropy, [[0, 0]], [[0, -1]], 'Y has -1 at row 1, column 2'],
    ['crossEntropy', crossEntropy, [[0.5], [0.75]], [[0], [2]], 'Y has 2 at row 2, column 1'],
  ] as const)('%s refuses %j against %j: probabilities must be in [0, 1]', (name, loss, A, Y, what) => {
    expect(() => loss.value(A as never, Y as never)).toThrow(new RegExp(`^${name}.value: ${what.replace(/[()[\]]/g, '\\$&')} but ${name} needs probabilities in \\[0, 1\\]`));
    expect(() => loss.gradient(A as never, Y as never)).toThrow(`${name}.gradient: ${what}`);
  });
  it('binaryCrossEntropy of a prediction of exactly 0 where the target is 1 is refused (−log 0 = ∞), not Infinity', () => {
    expect(() => binaryCrossEntropy.value([[0]], [[1]])).toThrow(/^binaryCrossEntropy.value: the loss is Infinity \(a prediction of exactly 0 or 1 where the target says the opposite/);
    expect(() => binaryCrossEntropy.gradient([[0]], [[1]])).toThrow(/^binaryCrossEntropy.gradient: ∂L\/∂A at row 1, column 1 is -Infinity/);
  });
});
