/**
 * Activations: g in Aˡ = g(Zˡ). Each is callable on a matrix and carries its
 * derivative; every derivative is checked against a centred finite difference,
 * and every `backward` against dA ⊙ g′(Z) (softmax: its Jacobian, by hand).
 */
import { describe, expect, it } from 'vitest';
import {
  type Activation,
  DEFAULT_LEAKY_SLOPE,
  Matrix,
  Network,
  ShapeError,
  ValueError,
  elementwiseActivation,
  gradientCheck,
  hadamard,
  leakyRelu,
  leakyReluWithSlope,
  linear,
  relu,
  sigmoid,
  softmax,
  tanh,
} from '../src/index.js';
import { resolveActivation } from '../src/core/activations.js';
import { expectError } from './helpers/errors.js';
import { centredDifference, expectSameBits, seeded } from './helpers/oracles.js';

const elementwise: [string, Activation][] = [
  ['relu', relu],
  ['leakyRelu', leakyRelu],
  ['leakyReluWithSlope(0.2)', leakyReluWithSlope(0.2)],
  ['sigmoid', sigmoid],
  ['tanh', tanh],
  ['linear', linear],
];

describe('relu', () => {
  it('is max(0, z)', () => {
    expect(relu([[-2, -0.5, 0, 0.5, 2]]).toArray()).toEqual([[0, 0, 0, 0.5, 2]]);
  });
  it('has derivative 0 for z < 0 and 1 for z > 0, and takes 0 at the kink z = 0', () => {
    expect(relu.derivative([[-2, 0, 3]]).toArray()).toEqual([[0, 0, 1]]);
  });
  it('names itself when Z is ragged', () => {
    expectError(() => relu([[1, 2], [3]]), ShapeError, 'relu: Z row 2 has 1 entry but row 1 has 2 (every row needs the same length)');
  });
});

describe('leakyRelu', () => {
  it('lets z < 0 through with slope 0.01 (DEFAULT_LEAKY_SLOPE) by default', () => {
    expect(DEFAULT_LEAKY_SLOPE).toBe(0.01);
    expect(leakyRelu.slope).toBe(0.01);
    // −2·0.01 = −0.02
    expect(leakyRelu([[-2, 3]]).toArray()).toEqual([[-0.02, 3]]);
    expect(leakyRelu.derivative([[-2, 3]]).toArray()).toEqual([[0.01, 1]]);
  });
  it('leakyReluWithSlope(k) uses slope k for z < 0', () => {
    const leaky = leakyReluWithSlope(0.1);
    // −2·0.1 = −0.2
    expect(leaky([[-2, 3]]).toArray()).toEqual([[-0.2, 3]]);
    expect(leaky.derivative([[-2, 3]]).toArray()).toEqual([[0.1, 1]]);
    expect(leaky.slope).toBe(0.1);
  });
  it('names its slope in JSON, so a saved network keeps it', () => {
    expect(leakyReluWithSlope(0.1).toJSON()).toEqual({ name: 'leakyRelu', slope: 0.1 });
  });
  it('refuses a slope that is not a finite number', () => {
    expect(() => leakyReluWithSlope(NaN)).toThrow(ValueError);
    expect(() => leakyReluWithSlope(NaN)).toThrow('leakyRelu: slope is NaN but it must be a finite number');
    expect(() => leakyReluWithSlope('0.1' as unknown as number)).toThrow('leakyRelu: slope is "0.1"');
  });
  it('says so when slope·z overflows', () => {
    // slope·z = 1e300 · (−1e300) = −1e600: −Infinity.
    expectError(() => leakyReluWithSlope(1e300)([[-1e300]]), ValueError, "leakyRelu: leakyRelu(Z) has -Infinity at row 1, column 1 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
  });
});

describe('sigmoid', () => {
  it('is 1 / (1 + e⁻ᶻ): ½ at 0, σ(2) = 0.8807970779778823', () => {
    const [[half, two]] = sigmoid([[0, 2]]).toArray();
    expect(half).toBe(0.5);
    expect(two).toBeCloseTo(0.8807970779778823, 15);
  });
  it('is symmetric: σ(−z) = 1 − σ(z)', () => {
    for (const z of [0.5, 1, 3, 10]) expect(Math.abs(sigmoid.f(-z) - (1 - sigmoid.f(z)))).toBeLessThan(1e-15);
  });
  it('stays finite for z = ±1000, where e^1000 overflows: σ → 1 and 0, σ′ → 0, never NaN', () => {
    expect(sigmoid([[-1000, 1000]]).toArray()).toEqual([[0, 1]]);
    expect(sigmoid.derivative([[-1000, 1000]]).toArray()).toEqual([[0, 0]]);
  });
  it('has derivative σ(z)·(1 − σ(z)), which is ¼ at 0', () => {
    expect(sigmoid.df(0)).toBe(0.25);
  });
});

describe('tanh and linear', () => {
  it('tanh is 0 at 0 with slope 1, and ±1 far out', () => {
    expect(tanh([[0, -1000, 1000]]).toArray()).toEqual([[0, -1, 1]]);
    expect(tanh.df(0)).toBe(1);
  });
  it('linear returns z unchanged, with derivative 1 everywhere', () => {
    expect(linear([[-3, 0, 2.5]]).toArray()).toEqual([[-3, 0, 2.5]]);
    expect(linear.derivative([[-3, 0, 2.5]]).toArray()).toEqual([[1, 1, 1]]);
  });
});

describe('every elementwise activation', () => {
  // Points away from the kink of relu and leakyRelu at z = 0.
  const points = [-3, -1.5, -0.2, 0.3, 1, 2.5];

  it.each(elementwise)('%s: derivative matches a centred finite difference of f', (_name, g) => {
    for (const z of points) {
      expect(Math.abs(g.df(z) - centredDifference(g.f, z))).toBeLessThan(1e-8);
    }
  });

  it.each(elementwise)('%s: derivative(Z) applies df to each entry of a matrix', (_name, g) => {
    expect(g.derivative([points]).toArray()).toEqual([points.map((z) => g.df(z))]);
  });

  it.each(elementwise)('%s: calling it on a matrix applies f to each entry', (_name, g) => {
    expect(g([points, points.map((z) => -z)]).toArray()).toEqual([points.map(g.f), points.map((z) => g.f(-z))]);
  });

  it.each(elementwise)('%s: backward gives dZ = dA ⊙ g′(Z), bit for bit', (_name, g) => {
    const Z = Matrix.from(seeded(3, 7, 1, 3));
    const dA = Matrix.from(seeded(3, 7, 2));
    const A = g(Z);
    const dZ = new Float64Array(21);
    g.backward(Z.data, A.data, dA.data, dZ, 3, 7);
    expectSameBits(new Matrix(3, 7, dZ), hadamard(dA, g.derivative(Z)));
  });

  it.each(elementwise)('%s: applyInPlace (what a network runs) equals calling it', (_name, g) => {
    const Z = Matrix.from(seeded(4, 5, 3, 3));
    const data = Z.data.slice();
    g.applyInPlace(data, 4, 5);
    expectSameBits(new Matrix(4, 5, data), g(Z));
  });

  it.each(elementwise)('%s: returns a new matrix and leaves Z unchanged', (_name, g) => {
    const Z = Matrix.from([[-1, 2]]);
    expect(g(Z)).not.toBe(Z);
    expect(g.derivative(Z)).not.toBe(Z);
    expect(Z.toArray()).toEqual([[-1, 2]]);
  });

  it.each(elementwise)('%s: names itself when Z holds NaN', (name, g) => {
    const fn = name.startsWith('leakyRelu') ? 'leakyRelu' : name;
    expect(() => g([[1, NaN]])).toThrow(`${fn}: Z has NaN at row 1, column 2 but entries must be finite numbers`);
    expect(() => g.derivative([[NaN]])).toThrow(`${fn}.derivative: Z has NaN at row 1, column 1`);
  });
});

describe('the properties a network reads', () => {
  it('name and toJSON give the name an option or a JSON file uses', () => {
    for (const g of [relu, sigmoid, tanh, linear, softmax]) expect(g.toJSON()).toBe(g.name);
    expect([relu.name, sigmoid.name, tanh.name, linear.name, softmax.name]).toEqual([
      'relu',
      'sigmoid',
      'tanh',
      'linear',
      'softmax',
    ]);
  });
  it('piecewiseLinear is true for relu, leakyRelu and linear; outputOnly for softmax only', () => {
    const all = { relu, leakyRelu, linear, sigmoid, tanh, softmax };
    const flags = Object.entries(all).map(([name, g]) => [name, g.piecewiseLinear, g.outputOnly]);
    expect(flags).toEqual([
      ['relu', true, false],
      ['leakyRelu', true, false],
      ['linear', true, false],
      ['sigmoid', false, false],
      ['tanh', false, false],
      ['softmax', false, true],
    ]);
  });
});

describe('softmax', () => {
  it('turns each column into positive numbers that sum to 1', () => {
    const A = softmax(seeded(4, 6, 9, 5));
    for (let j = 0; j < 6; j++) {
      const column = A.toArray().map((row) => row[j]);
      expect(column.every((a) => a > 0)).toBe(true);
      expect(Math.abs(column.reduce((s, a) => s + a, 0) - 1)).toBeLessThan(1e-15);
    }
  });
  it('gives e^zᵢ / Σ e^zⱼ: [0, ln 3] → [1/4, 3/4], and equal inputs share equally', () => {
    // e⁰ = 1 and e^(ln 3) = 3, so 1/(1 + 3) and 3/(1 + 3)
    const [[a], [b]] = softmax([[0], [Math.log(3)]]).toArray();
    expect(a).toBeCloseTo(0.25, 15);
    expect(b).toBeCloseTo(0.75, 15);
    expect(softmax([[0], [0]]).toArray()).toEqual([[0.5], [0.5]]);
  });
  it('works on each column (sample) separately', () => {
    const A = softmax([
      [0, 5],
      [0, 5],
    ]);
    expect(A.toArray()).toEqual([
      [0.5, 0.5],
      [0.5, 0.5],
    ]);
  });
  it('stays finite for large inputs, where e^z overflows (it subtracts each column’s max)', () => {
    expect(softmax([[1000], [1000]]).toArray()).toEqual([[0.5], [0.5]]);
    expect(softmax([[1000], [0]]).toArray()).toEqual([[1], [0]]); // e^−1000 underflows to 0
    expect(softmax([[-1000], [-1001]]).toArray().flat().every(Number.isFinite)).toBe(true);
  });
  it('names itself when Z holds NaN', () => {
    expectError(() => softmax([[NaN]]), ValueError, 'softmax: Z has NaN at row 1, column 1 but entries must be finite numbers');
  });
  it('has no entrywise derivative: derivative, f and df throw a ValueError saying why', () => {
    const why = 'softmax is not applied entry by entry (each output depends on its whole column), so it has no entrywise derivative; networks use softmax.backward';
    expectError(() => softmax.derivative([[0]]), ValueError, `softmax.derivative: ${why}`);
    expectError(() => softmax.f(1), ValueError, `softmax.f: ${why}`);
    expectError(() => softmax.df(1), ValueError, `softmax.df: ${why}`);
  });
  it('backward multiplies dA by each column’s Jacobian ∂aᵢ/∂zⱼ = aᵢ(δᵢⱼ − aⱼ), written out by hand', () => {
    const Z = Matrix.from([[0.5, -1], [1, 2], [-2, 0.25]]); // 3 classes × 2 samples
    const dA = Matrix.from([[1, 0], [-2, 1], [0.5, 3]]);
    const A = softmax(Z).toArray();
    const want = [0, 1, 2].map((i) =>
      [0, 1].map((s) => {
        let sum = 0;
        for (let j = 0; j < 3; j++) sum += A[i][s] * ((i === j ? 1 : 0) - A[j][s]) * dA.get(j, s);
        return sum;
      }),
    );
    const dZ = new Float64Array(6);
    softmax.backward(Z.data, softmax(Z).data, dA.data, dZ, 3, 2);
    new Matrix(3, 2, dZ).toArray().forEach((row, i) => row.forEach((x, s) => expect(Math.abs(x - want[i][s])).toBeLessThan(1e-15)));
  });
  it('backward matches a centred finite difference of L = Σ dA ⊙ softmax(Z)', () => {
    const z = [0.3, -1.2, 2.0, 0.7];
    const dA = [0.5, -1, 2, 0.25];
    const loss = (zs: number[]) => softmax(zs.map((x) => [x])).toArray().reduce((s, [a], i) => s + dA[i] * a, 0);
    const dZ = new Float64Array(4);
    softmax.backward(Float64Array.from(z), softmax(z.map((x) => [x])).data, Float64Array.from(dA), dZ, 4, 1);
    z.forEach((_, i) => {
      const nudged = (h: number) => loss(z.map((x, k) => (k === i ? h : x)));
      expect(Math.abs(dZ[i] - centredDifference(nudged, z[i]))).toBeLessThan(1e-8);
    });
  });
});

/** A function whose name is `name` (a function's name cannot be assigned, only defined). */
const named = <F extends object>(name: string, fn: F): F => Object.defineProperty(fn, 'name', { value: name });

describe('a hand-made activation is checked at the door', () => {
  it('lists every method and field the library would call and that is missing', () => {
    const half = Object.assign(named('half', (Z: unknown) => Z), { f: (z: number) => z, df: () => 1, piecewiseLinear: true });
    expect(() => new Network({ layers: [1, 2, 1], hidden: half as never })).toThrow(
      'Network: the activation "half" lacks derivative(), applyInPlace(), backward(), toJSON(), outputOnly (true or false) (an activation is a built-in such as relu, or one made by activation(formula))',
    );
  });
  it('names what a plain object with some methods lacks, starting with being callable', () => {
    expect(() => Network.fromWeights([{ weights: [[1]], biases: [0] }], { output: { name: 'obj', f: (z: number) => z, df: () => 1 } as never })).toThrow(
      /^Network.fromWeights: the activation "obj" lacks a call g\(Z\), derivative\(\), applyInPlace\(\), backward\(\), toJSON\(\), piecewiseLinear/,
    );
  });
  it('accepts a complete one: a copy of relu with its own name works like relu', () => {
    const { derivative, f, df, applyInPlace, backward, piecewiseLinear, outputOnly } = relu;
    const mine = Object.assign(named('myRelu', (Z: never) => relu(Z)), { derivative, f, df, applyInPlace, backward, piecewiseLinear, outputOnly, toJSON: () => 'myRelu' });
    expect(new Network({ layers: [1, 2, 1], hidden: mine as never, seed: 1 }).layers[0].activation.name).toBe('myRelu');
  });
  /** A hand-made "relu" that clips at 1: min(max(0, z), 1), complete, but not the built-in. */
  const clipped = (name: string, saved: unknown = name) => {
    const f = (z: number) => Math.min(Math.max(0, z), 1);
    const df = (z: number) => (z > 0 && z < 1 ? 1 : 0);
    return Object.assign(named(name, (Z: never) => relu(Z).toArray().map((row) => row.map(f))), {
      f,
      df,
      derivative: (Z: never) => relu.derivative(Z),
      applyInPlace: (Z: Float64Array) => Z.forEach((z, n) => (Z[n] = f(z))),
      backward: relu.backward,
      piecewiseLinear: true,
      outputOnly: false,
      toJSON: () => saved,
    });
  };
  it('refuses one named like a built-in (toJSON and toFunction would put the built-in in its place)', () => {
    expect(() => new Network({ layers: [1, 2, 1], hidden: clipped('relu') as never })).toThrow(
      new ValueError('Network: the activation "relu" is not the built-in relu but has its name, so toJSON and toFunction would put the built-in in its place: give yours its own name (elementwiseActivation({ name, f, df }))'),
    );
    expect(() => Network.fromWeights([{ weights: [[1]], biases: [0] }], { output: clipped('sigmoid') as never })).toThrow(/the activation "sigmoid" is not the built-in sigmoid but has its name/);
  });
  it('refuses one whose own name is new but whose toJSON gives a built-in', () => {
    expect(() => new Network({ layers: [1, 2, 1], hidden: clipped('clip', { name: 'leakyRelu', slope: 0 }) as never })).toThrow(
      new ValueError('Network: the activation "clip" is not the built-in leakyRelu but is saved as it (toJSON() gives {"name":"leakyRelu","slope":0}), so toJSON and toFunction would put the built-in in its place: give yours its own name (elementwiseActivation({ name, f, df }))'),
    );
    expect(() => new Network({ layers: [1, 2, 1], hidden: clipped('clip', 'tanh') as never })).toThrow(/the activation "clip" is not the built-in tanh but is saved as it \(toJSON\(\) gives "tanh"\)/);
    expect(() => new Network({ layers: [1, 2, 1], hidden: clipped('clip', null) as never }).layers[0].activation.name).not.toThrow(); // saved as null: no built-in's name
  });
  it('takes every built-in as itself, leakyRelu of any slope included', () => {
    for (const g of [relu, leakyRelu, leakyReluWithSlope(0.2), sigmoid, tanh, linear]) expect(resolveActivation(g, 'test')).toBe(g);
    expect(resolveActivation(softmax, 'test')).toBe(softmax);
  });
});

describe('elementwiseActivation: your own activation from g(z) and g′(z)', () => {
  // softplus: g(z) = ln(1 + eᶻ), g′(z) = σ(z) = 1 / (1 + e⁻ᶻ)
  const softplus = () =>
    elementwiseActivation({ name: 'softplus', f: (z) => Math.log1p(Math.exp(z)), df: (z) => 1 / (1 + Math.exp(-z)) });

  it('applies g entry by entry and gives g′ by derivative: softplus(0) = ln 2, softplus′(0) = 1/2', () => {
    expect(softplus()([[0]]).toArray()).toEqual([[Math.LN2]]);
    expect(softplus().derivative([[0, 0]]).toArray()).toEqual([[0.5, 0.5]]);
    expect([softplus().name, softplus().piecewiseLinear, softplus().outputOnly]).toEqual(['softplus', false, false]);
  });

  it('trains in a network, and gradientCheck agrees with its g′ (a wrong g′ is caught)', () => {
    const X = [[-1, 0.5, 2]];
    const Y = [[0.2, 0.4, 0.9]];
    const net = new Network({ layers: [1, 3, 1], hidden: softplus(), seed: 3 });
    expect(gradientCheck(net, X, Y).maxRelativeError).toBeLessThan(1e-6);
    const wrong = elementwiseActivation({ name: 'wrongSoftplus', f: (z) => Math.log1p(Math.exp(z)), df: () => 1 });
    expect(gradientCheck(new Network({ layers: [1, 3, 1], hidden: wrong, seed: 3 }), X, Y).maxRelativeError).toBeGreaterThan(0.01);
  });

  it('marks a piecewise-linear g when told, so kinks can follow it', () => {
    const clip = elementwiseActivation({ name: 'clip', f: (z) => Math.min(Math.max(z, 0), 1), df: (z) => (z > 0 && z < 1 ? 1 : 0), piecewiseLinear: true });
    expect(clip.piecewiseLinear).toBe(true);
    expect(clip([[-1, 0.5, 3]]).toArray()).toEqual([[0, 0.5, 1]]);
  });

  it("refuses a built-in's name, which saving would silently swap for the built-in", () => {
    expectError(
      () => elementwiseActivation({ name: 'relu', f: (z) => Math.min(Math.max(z, 0), 1), df: () => 1 }),
      ValueError,
      'elementwiseActivation: name "relu" is a built-in activation\'s name but yours needs its own (the built-in would take its place when the network is saved)',
    );
  });

  it('names what is wrong with a definition', () => {
    const f = (z: number) => z;
    expectError(() => elementwiseActivation(null as never), ValueError, 'elementwiseActivation: the definition is null but it must be { name, f, df }');
    expectError(() => elementwiseActivation({ name: ' ', f, df: f }), ValueError, 'elementwiseActivation: name is " " but it must be a non-empty string, such as "softplus"');
    expectError(() => elementwiseActivation({ name: 'g', f: 'z' as never, df: f }), ValueError, 'elementwiseActivation: f is "z" but it must be a function of one number');
    expectError(() => elementwiseActivation({ name: 'g', f, df: undefined as never }), ValueError, 'elementwiseActivation: df is undefined but it must be a function of one number');
    expectError(() => elementwiseActivation({ name: 'g', f, df: f, piecewiseLinear: 1 as never }), ValueError, 'elementwiseActivation: piecewiseLinear is 1 but it must be true or false');
    expect(() => elementwiseActivation({ name: 'g', f, df: f, derivative: f } as never)).toThrow(/elementwiseActivation: .*derivative/);
  });

  it('cannot be saved: JSON holds its name, which fromJSON cannot turn back into code', () => {
    const net = new Network({ layers: [1, 2, 1], hidden: softplus() });
    expect(net.toJSON().activations[0]).toBe('softplus');
    expect(() => Network.fromJSON(net.toJSON())).toThrow(/activation "softplus" is unknown/);
  });
});
