import { describe, expect, it } from 'vitest';
import { datasets } from '../src/index.js';

describe('datasets', () => {
  it('xor gives the four corners of the unit square with their XOR labels, one column each', () => {
    const { X, Y } = datasets.xor();
    expect(X.toArray()).toEqual([[0, 0, 1, 1], [0, 1, 0, 1]]);
    expect(Y.toArray()).toEqual([[0, 1, 1, 0]]);
  });
  it('xor with more samples repeats the corners, jittered by the noise', () => {
    const { X, Y } = datasets.xor({ samples: 8, noise: 0.1, seed: 1 });
    expect(Y.toArray()).toEqual([[0, 1, 1, 0, 0, 1, 1, 0]]);
    // Uniform noise of standard deviation 0.1 stays within ±0.1·√3 ≈ 0.173 of the corner.
    X.toArray()[0].forEach((x, j) => expect(Math.abs(x - [0, 0, 1, 1][j % 4])).toBeLessThan(0.1 * Math.sqrt(3)));
  });
  it('moons alternate the two classes and lie on two arcs of radius 1 when noise is 0', () => {
    const { X, Y } = datasets.moons({ samples: 10, noise: 0, seed: 2 });
    expect(Y.toArray()).toEqual([[0, 1, 0, 1, 0, 1, 0, 1, 0, 1]]);
    for (let j = 0; j < 10; j++) {
      // upper arc centred at (0, 0), lower arc centred at (1, 0.5)
      const [cx, cy] = j % 2 === 0 ? [0, 0] : [1, 0.5];
      expect(Math.abs(Math.hypot(X.get(0, j) - cx, X.get(1, j) - cy) - 1)).toBeLessThan(1e-12);
    }
  });
  it('circles put class 0 on the unit circle and class 1 on the circle of radius `factor`', () => {
    const { X, Y } = datasets.circles({ samples: 6, noise: 0, factor: 0.3 });
    for (let j = 0; j < 6; j++) {
      expect(Math.abs(Math.hypot(X.get(0, j), X.get(1, j)) - (Y.get(0, j) === 1 ? 0.3 : 1))).toBeLessThan(1e-12);
    }
  });
  it('spiral gives one-hot targets, one row per class', () => {
    const { X, Y } = datasets.spiral({ samples: 8, classes: 4 });
    expect(X.shape).toEqual([2, 8]);
    expect(Y.toArray()).toEqual([
      [1, 0, 0, 0, 1, 0, 0, 0],
      [0, 1, 0, 0, 0, 1, 0, 0],
      [0, 0, 1, 0, 0, 0, 1, 0],
      [0, 0, 0, 1, 0, 0, 0, 1],
    ]);
  });
  it('sine samples y = sin x at evenly spaced x from −π to π', () => {
    const { X, Y } = datasets.sine({ samples: 5 });
    expect(X.toArray()).toEqual([[-Math.PI, -Math.PI / 2, 0, Math.PI / 2, Math.PI]]);
    expect(Y.toArray()[0].map((y, j) => Math.abs(y - Math.sin(X.get(0, j))))).toEqual([0, 0, 0, 0, 0]);
  });
  it('repeats for a seed and changes with it', () => {
    expect(datasets.moons({ seed: 5 }).X.data).toEqual(datasets.moons({ seed: 5 }).X.data);
    expect(datasets.moons({ seed: 5 }).X.data).not.toEqual(datasets.moons({ seed: 6 }).X.data);
  });
  it('adds noise of the standard deviation asked for', () => {
    const { X } = datasets.sine({ samples: 4000, noise: 0 });
    const noisy = datasets.sine({ samples: 4000, noise: 0.5, seed: 3 });
    const deviations = Array.from(noisy.Y.data, (y, j) => y - Math.sin(X.data[j]));
    const sd = Math.sqrt(deviations.reduce((s, d) => s + d * d, 0) / deviations.length);
    expect(Math.abs(sd - 0.5)).toBeLessThan(0.02);
  });
  it('refuses a circle radius or a sine interval that is not a finite number', () => {
    expect(() => datasets.circles({ factor: 'a' as never })).toThrow(/circles: factor is "a" but it must be a radius > 0/);
    expect(() => datasets.sine({ from: NaN })).toThrow(/sine: from is NaN but it must be a finite number/);
  });
  it('refuses options that are not an object', () => {
    expect(() => datasets.moons(null as never)).toThrow('moons: options are null but must be an object (known options: samples, noise, seed)');
  });
  it('refuses a negative noise and a size that is not a whole number', () => {
    expect(() => datasets.moons({ noise: -1 })).toThrow(/moons: noise is -1 but it must be a number ≥ 0/);
    expect(() => datasets.spiral({ samples: 2.5 })).toThrow(/spiral: samples is 2.5 but sizes must be whole numbers ≥ 1/);
  });
});
