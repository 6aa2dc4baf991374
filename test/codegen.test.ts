import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { numberSource, toFunction, toSource } from '../src/interop/source.js';
import { type ActivationSpec, Network, ValueError, activation, createRandom, linear, standardize, transpose } from '../src/index.js';
import { expectSameBits } from './helpers/oracles.js';

// The README's network: 1 input, two hidden ReLU layers of 2, 1 linear output.
const article = Network.fromWeights([
  { weights: [[1], [-1]], biases: [0, 0.5] },
  { weights: [[1, 1], [2, -1]], biases: [-1, 0] },
  { weights: [[1, -1]], biases: [0.25] },
]);

/** Seeded samples as rows: `count` rows of `nIn` numbers in [−3, 3). */
function samplesFor(nIn: number, count: number, seed: number): number[][] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => Array.from({ length: nIn }, () => random.between(-3, 3)));
}

describe('net.toSource(): the network as readable JavaScript', () => {
  it('writes one line per layer, with its weights and biases written out', () => {
    const lines = article.toSource().split('\n');
    expect(lines).toContain('  a = relu(dense(a, [[1], [-1]], [0, 0.5])); // layer 1: 1 → 2, relu');
    expect(lines).toContain('  a = relu(dense(a, [[1, 1], [2, -1]], [-1, 0])); // layer 2: 2 → 2, relu');
    expect(lines).toContain('  a = dense(a, [[1, -1]], [0.25]); // layer 3: 2 → 1, linear');
    expect(lines[0]).toBe('function feedforward(x) {');
    expect(lines.at(-2)).toBe('  return a[0];');
  });

  it('defines only the activations it uses', () => {
    const source = article.toSource();
    expect(source).toContain('const relu =');
    expect(source).not.toContain('const sigmoid =');
    expect(source).not.toContain('const softmax =');
  });

  it('takes the function name from options.name, and refuses a name that is not an identifier', () => {
    expect(article.toSource({ name: 'predictPrice' })).toMatch(/^function predictPrice\(x\) \{/);
    expect(() => article.toSource({ name: 'my model' })).toThrow(
      /toSource: name is "my model" but it must be a JavaScript identifier/,
    );
  });

  it('writes each weight as the shortest decimal that reads back as the same double', () => {
    // 0.1 + 0.2 is the double just above 0.3: it needs 17 digits; 0.1 needs just "0.1".
    for (const x of [0.1, 0.1 + 0.2, 1 / 3, -2.5e-7, 5e-324, 1.7976931348623157e308, 123456789.125]) {
      expect(Object.is(Number(numberSource(x)), x)).toBe(true);
    }
    expect(numberSource(0.1)).toBe('0.1');
    expect(numberSource(0.1 + 0.2)).toBe('0.30000000000000004');
  });

  it('keeps the sign of a zero weight: -0 is written "-0"', () => {
    expect(numberSource(-0)).toBe('-0');
    const net = Network.fromWeights([{ weights: [[1]], biases: [-0] }]);
    expect(net.toSource()).toContain('dense(a, [[1]], [-0])');
    // z = b + w·x = −0 + 1·(−0) = −0, in predict and in the pasted code alike
    expect(Object.is(net.predict([-0])[0], -0)).toBe(true);
    expect(Object.is(net.toFunction()(-0), -0)).toBe(true);
  });

  it('refuses an expression activation, which plain JavaScript cannot repeat without mathjs', () => {
    const net = new Network({ layers: [1, 2, 1], hidden: activation('x / (1 + exp(-x))', { name: 'silu' }) });
    expect(() => net.toSource()).toThrow(/toSource: layer 1's activation silu is not a built-in/);
  });
});

describe('net.toSource(), the whole text', () => {
  it('is, for one linear layer 1 → 1 (w = 2, b = 1), exactly this', () => {
    const source = Network.fromWeights([{ weights: [[2]], biases: [1] }]).toSource();
    expect(source).toBe(
      [
        'function feedforward(x) {',
        '  // A feedforward network, layers [1, 1], written out by toSource().',
        '  // x: one sample, a number (or an array of 1 number); returns a number.',
        '  const dense = (a, W, b) => W.map((w, i) => { let z = b[i]; for (let k = 0; k < w.length; k++) z += w[k] * a[k]; return z; }); // z = W·a + b',
        "  const finite = (v, what) => { if (typeof v === 'number' && Number.isFinite(v)) return v; throw new Error('feedforward: ' + what + ' is ' + (typeof v === 'string' ? JSON.stringify(v) : String(v)) + ' but it must be a finite number'); };",
        "  let a = typeof x === 'number' ? [x] : x;",
        "  if (!Array.isArray(a) && !ArrayBuffer.isView(a)) throw new Error('feedforward: x is ' + (x === null ? 'null' : typeof x) + ' but it must be a number or an array of 1 number');",
        "  if (a.length !== 1) throw new Error('feedforward: x has ' + a.length + ' numbers but the network has 1 input');",
        "  a = Array.from(a, (v, k) => finite(v, 'x[' + k + ']')); // as predict does: finite numbers only",
        '  a = dense(a, [[2]], [1]); // layer 1: 1 → 1, linear',
        "  a = a.map((v, i) => finite(v, 'output ' + (i + 1))); // past float64's ±1.8e308 is not an answer",
        '  return a[0];',
        '}',
      ].join('\n'),
    );
  });
  it('says, for 2 inputs and 3 outputs, how many numbers go in and come out', () => {
    const net = new Network({ layers: [2, 4, 3], hidden: { name: 'leakyRelu', slope: 0.25 }, output: 'sigmoid', seed: 1 });
    const lines = net.toSource().split('\n');
    expect(lines[1]).toBe('  // A feedforward network, layers [2, 4, 3], written out by toSource().');
    expect(lines[2]).toBe('  // x: one sample, an array of 2 numbers; returns an array of 3 numbers.');
    expect(lines.filter((line) => line.startsWith('  const leakyRelu = ') || line.startsWith('  const sigmoid = '))).toHaveLength(2);
    expect(lines.find((line) => line.includes('// layer 1'))).toMatch(/^ {2}a = leakyRelu\(dense\(a, .*\), 0\.25\); \/\/ layer 1: 2 → 4, leakyRelu$/);
    expect(lines.at(-2)).toBe('  return a;');
  });
  it('refuses a name that is not a string, even one whose text is an identifier', () => {
    expect(() => article.toSource({ name: ['f'] as never })).toThrow(
      new ValueError('toSource: name is an array of 1 entry but it must be a JavaScript identifier, like "predict"'),
    );
  });
  it('toFunction names itself for an unknown option', () => {
    expect(() => article.toFunction({ nme: 'f' } as never)).toThrow(new ValueError('toFunction: unknown option "nme" (did you mean "name"?) (known: name)'));
  });
  it('lists the names the generated code uses when refusing one of them', () => {
    expect(() => article.toSource({ name: 'Math' })).toThrow(
      new ValueError(
        'toSource: name is "Math" but it must not be a reserved word or a name the generated code uses (x, a, dense, relu, leakyRelu, sigmoid, tanh, softmax, standardize, unstandardize, Math, Error, Array, ArrayBuffer, Number, String, JSON, finite)',
      ),
    );
  });
});

describe('net.toFunction(): a standalone function of one sample', () => {
  it('computes the README network by hand: x = −2 gives 1.75', () => {
    // layer 1: relu(1·(−2) + 0, −1·(−2) + 0.5) = (0, 2.5); layer 2: relu(0 + 2.5 − 1, 0 − 2.5) = (1.5, 0)
    // output: 1·1.5 − 1·0 + 0.25 = 1.75
    expect(article.toFunction()(-2)).toBe(1.75);
    expect(article.toFunction()([-2])).toBe(1.75);
  });

  const cases: [string, ActivationSpec, ActivationSpec, number[]][] = [
    ['relu → linear', 'relu', 'linear', [3, 7, 5, 1]],
    ['leakyRelu (slope 0.2) → linear', { name: 'leakyRelu', slope: 0.2 }, 'linear', [2, 6, 6, 2]],
    ['sigmoid → sigmoid', 'sigmoid', 'sigmoid', [4, 5, 3]],
    ['tanh → tanh', 'tanh', 'tanh', [1, 9, 1]],
    ['relu → softmax', 'relu', 'softmax', [4, 8, 8, 3]],
  ];
  for (const [title, hidden, output, layers] of cases) {
    it(`equals net.predict bit for bit (${title}, layers [${layers}], 37 samples)`, () => {
      const net = new Network({ layers, hidden, output, seed: 5 });
      const samples = samplesFor(layers[0], 37, 9); // 37 samples: whole 4-column tiles of affineInto and a leftover column
      const want = net.predict(samples);
      const got = samples.map(net.toFunction());
      expectSameBits(got, want);
    });
  }

  it("repeats predict's standardizing of inputs and outputs, bit for bit", () => {
    const samples = samplesFor(3, 20, 13).map((row) => row.map((x) => 100 * x + 50)); // inputs far from mean 0
    const net = new Network({ layers: [3, 5, 2], hidden: 'tanh', seed: 6 });
    net.standardize = { inputs: standardize(transpose(samples)), outputs: standardize([[1, 2, 4], [10, 30, 50]]) };
    expect(net.toSource()).toContain('  a = standardize(a, [');
    expectSameBits(samples.map(net.toFunction()), net.predict(samples));
  });

  it('takes a flat list of samples the way predict does when the network has one input', () => {
    const xs = [-2, -1, 0, 1, 2];
    expect(xs.map(article.toFunction())).toEqual(article.predict(xs)); // [1.75, 0.75, 0.25, -1.75, -2.75]
  });

  it('runs with no library at all: its source evaluated in an empty JavaScript context', () => {
    const net = new Network({ layers: [2, 4, 2], hidden: 'tanh', output: 'softmax', seed: 1 });
    const f = runInNewContext(`(${net.toSource()})`) as (x: number[]) => number[];
    expectSameBits(f([0.5, -1]), net.predict([[0.5, -1]])[0]);
  });

  it('keeps the weights it was made with: training the network later does not change it', () => {
    const net = Network.fromWeights([{ weights: [[2]], biases: [1] }]);
    const f = net.toFunction();
    net.layers[0].weights.data[0] = 100; // as a training step would
    expect(f(3)).toBe(7); // 2·3 + 1
    expect(net.predict([3])).toEqual([301]);
  });

  it('says how many numbers a sample needs when it gets the wrong number', () => {
    const f = new Network({ layers: [3, 2, 1] }).toFunction();
    expect(() => f([1, 2])).toThrow(/feedforward: x has 2 numbers but the network has 3 inputs/);
    // one input: a bare number will do
    expect(() => article.toFunction()([1, 2])).toThrow(new Error('feedforward: x has 2 numbers but the network has 1 input'));
    expect(() => article.toFunction()('ab' as never)).toThrow(new Error('feedforward: x is string but it must be a number or an array of 1 number'));
  });
});

describe('generated code is safe whatever the network holds, and checks its input as predict does', () => {
  const net = Network.fromWeights([{ weights: [[2, 1]], biases: [1] }]);
  it('refuses a standardizer whose "numbers" are code, assigned by hand: nothing runs', () => {
    const odd = Network.fromWeights([{ weights: [[2]], biases: [1] }]);
    odd.standardize = { inputs: { mean: ['(globalThis.pwned="yes",0)'], std: [1] } as never };
    expect(() => odd.toFunction()).toThrow(
      new ValueError('toSource: standardize.inputs.mean[0] is "(globalThis.pwned=\\"yes\\",0)" but every number written into source must be finite'),
    );
    expect((globalThis as { pwned?: string }).pwned).toBe(undefined);
  });
  it('refuses a standardizer whose mean is not a list, or whose lists do not fit the network, or with a σ ≤ 0', () => {
    const one = (inputs: unknown, outputs?: unknown) => {
      const odd = Network.fromWeights([{ weights: [[2, 1]], biases: [1] }]); // 2 inputs, 1 output
      odd.standardize = { inputs, ...(outputs ? { outputs } : {}) } as never;
      return () => odd.toSource();
    };
    expect(one({ mean: 'ab', std: [1, 1] })).toThrow(new ValueError('toSource: standardize.inputs.mean is "ab" but it must be a list of finite numbers'));
    const rule = (has: string, which = 'inputs', size = 2) =>
      new ValueError(`toSource: standardize.${which} has ${has} but the network has ${size} ${which} (one mean and one σ > 0 each)`);
    expect(one({ mean: [0], std: [1, 1] })).toThrow(rule('1 means and 2 σ'));
    expect(one({ mean: [0, 0], std: [1] })).toThrow(rule('2 means and 1 σ'));
    expect(one({ mean: [0, 0], std: [1, 0] })).toThrow(rule('2 means and 2 σ'));
    expect(one({ mean: [0, 0], std: [1, -1] })).toThrow(rule('2 means and 2 σ'));
    expect(one({ mean: [0, 0], std: [1, 1] }, { mean: [0, 0], std: [1, 1] })).toThrow(rule('2 means and 2 σ', 'outputs', 1));
    expect(one({ mean: [0, 0], std: [1, 0.5] })).not.toThrow();
  });
  it("a Matrix's rows and cols cannot be assigned at run time, so no shape written into source can be code", () => {
    const odd = Network.fromWeights([{ weights: [[2]], biases: [1] }]);
    const W = odd.layers[0].weights;
    expect(() => {
      (W as { cols: unknown }).cols = '1) { } globalThis.pwned = 1; if (0';
    }).toThrow(TypeError);
    expect(() => {
      (W as { rows: unknown }).rows = 2;
    }).toThrow(TypeError);
    expect(W.shape).toEqual([1, 1]);
    expect(odd.toFunction()(3)).toBe(7);
    expect((globalThis as { pwned?: unknown }).pwned).toBe(undefined);
  });
  it('checks every size of a network given as plain data: whole numbers that fit the data, nothing runs', () => {
    const data = (n: number) => new Float64Array(n);
    const layer = (weights: object, biases = { rows: 1, cols: 1, data: data(1) }) => ({ weights, biases, activation: linear });
    const injected = { rows: 1, cols: '1) { } globalThis.pwned = 1; if (0', data: data(1) };
    expect(() => toFunction({ layers: [layer(injected)] } as never)).toThrow(
      new ValueError(`toSource: layer 1's weights are 1 × "1) { } globalThis.pwned = 1; if (0" over 1 numbers but every size written into source must be a whole number ≥ 1, rows × cols the numbers held`),
    );
    expect(() => toSource({ layers: [layer({ rows: 2, cols: 1.5, data: data(3) })] } as never)).toThrow("toSource: layer 1's weights are 2 × 1.5 over 3 numbers");
    expect(() => toSource({ layers: [layer({ rows: 2, cols: 2, data: data(3) })] } as never)).toThrow("toSource: layer 1's weights are 2 × 2 over 3 numbers");
    expect(() => toSource({ layers: [layer({ rows: 1, cols: 1, data: data(1) }), layer({ rows: 1, cols: 2, data: data(2) })] } as never)).toThrow(
      new ValueError("toSource: layer 2's weights have 2 columns but layer 1 has 1 neurons (one column per neuron before)"),
    );
    expect(() => toSource({ layers: [layer({ rows: 2, cols: 1, data: data(2) })] } as never)).toThrow(new ValueError('toSource: layer 1 has 2 neurons but 1 biases (one bias per neuron)'));
    expect((globalThis as { pwned?: unknown }).pwned).toBe(undefined);
  });
  it('names the layer of a bad bias', () => {
    const net = Network.fromWeights([{ weights: [[1]], biases: [0] }, { weights: [[1]], biases: [0] }], { hidden: { name: 'leakyRelu', slope: 0.1 } });
    net.layers[1].biases.data[0] = Infinity;
    expect(() => net.toSource()).toThrow(new ValueError("toSource: layer 2's biases[0] is Infinity but every number written into source must be finite"));
  });
  it('refuses an infinite σ and a NaN weight set by hand', () => {
    const odd = Network.fromWeights([{ weights: [[2]], biases: [1] }]);
    odd.standardize = { inputs: { mean: [0], std: [Infinity] } as never };
    expect(() => odd.toSource()).toThrow('toSource: standardize.inputs.std[0] is Infinity but every number written into source must be finite');
    const nan = Network.fromWeights([{ weights: [[2]], biases: [1] }]);
    nan.layers[0].weights.data[0] = NaN;
    expect(() => nan.toSource()).toThrow("toSource: layer 1's weights[0][0] is NaN but every number written into source must be finite");
  });
  it.each(['if', 'return', 'null', 'class', 'await', 'arguments', 'undefined', 'Infinity'])('refuses the reserved word %s as a name', (name) => {
    expect(() => net.toSource({ name })).toThrow(/toSource: name is ".*" but it must not be a reserved word or a name the generated code uses/);
  });
  it.each(['Math', 'Error', 'dense', 'relu', 'x', 'a', 'Array', 'JSON', 'finite'])('refuses %s as a name, which the generated code uses', (name) => {
    expect(() => net.toSource({ name })).toThrow(`toSource: name is "${name}" but it must not be a reserved word or a name the generated code uses`);
  });
  it('refuses what predict refuses, with an Error naming the function: a string, NaN, a string among the numbers, null', () => {
    const f = net.toFunction({ name: 'model' });
    expect(() => f('ab' as never)).toThrow(new Error('model: x is string but it must be an array of 2 numbers'));
    expect(() => f([1, NaN])).toThrow(new Error('model: x[1] is NaN but it must be a finite number'));
    expect(() => f([1, '2'] as never)).toThrow(new Error('model: x[1] is "2" but it must be a finite number'));
    expect(() => f(null as never)).toThrow(new Error('model: x is null but it must be an array of 2 numbers'));
    expect(() => net.predict([[1, NaN]])).toThrow(); // predict refuses the same
    expect(f([1, 2])).toBe(5); // 2·1 + 1·2 + 1
    expect(() => f([1.7e308, 1.7e308])).toThrow(new Error('model: output 1 is Infinity but it must be a finite number'));
  });
});
