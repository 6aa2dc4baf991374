import * as api from '../src/index.js';
import { describe, expect, it } from 'vitest';
import { elementwiseActivation, resolveActivation } from '../src/core/activations.js';
import { derivative, treeSize } from '../src/core/derivative.js';
import { ACTIVATION_FORMULA_FUNCTIONS, ACTIVATION_FORMULA_LIMITS } from '../src/core/expression.js';
import { formulaMathjs } from '../src/core/mathjs-loader.js';
import {
  Matrix,
  Network,
  activation,
  applyWeights,
  createRandom,
  gradientCheck,
  hadamard,
  loadMathjs,
  map,
  multiply,
  subtract,
  sumRows,
  transpose,
  ValueError,
} from '../src/index.js';

const silu = activation('x / (1 + exp(-x))', { name: 'silu' });
const sigma = (x: number) => 1 / (1 + Math.exp(-x)); // the logistic sigmoid, for hand computations

describe('activation(formula): g(x) written in x, g′(x) derived by mathjs', () => {
  it('computes silu(0) = 0, silu(2) = 2/(1 + e⁻²) and silu(−1) = −1/(1 + e)', () => {
    const A = silu([[0, 2, -1]]).toArray()[0];
    expect(A[0]).toBe(0);
    expect(Math.abs(A[1] - 2 / (1 + Math.exp(-2)))).toBeLessThan(1e-15);
    expect(Math.abs(A[2] - -1 / (1 + Math.E))).toBeLessThan(1e-15);
  });

  it("gives silu′(0) = 0.5, since silu′(x) = σ(x)·(1 + x·(1 − σ(x))) and σ(0) = 1/2", () => {
    expect(silu.derivative([[0]]).toArray()).toEqual([[0.5]]);
  });

  it('agrees with the hand-derived σ(x)·(1 + x·(1 − σ(x))) at seeded random points', () => {
    const random = createRandom(7);
    for (let n = 0; n < 50; n++) {
      const x = random.between(-6, 6);
      const want = sigma(x) * (1 + x * (1 - sigma(x)));
      expect(Math.abs(silu.df(x) - want)).toBeLessThan(1e-14);
    }
  });

  it('has a derivative that matches a centred finite difference (g(x+h) − g(x−h)) / 2h, for several formulas', () => {
    const random = createRandom(11);
    const h = 1e-5;
    for (const formula of ['x / (1 + exp(-x))', 'log(1 + exp(x))', 'x * tanh(log(1 + exp(x)))', 'x^3 / 3 - x', 'sin(x) + pi * x']) {
      const g = activation(formula);
      for (let n = 0; n < 20; n++) {
        const x = random.between(-3, 3);
        const centred = (g.f(x + h) - g.f(x - h)) / (2 * h); // error O(h²) ≈ 1e-10
        expect(Math.abs(g.df(x) - centred)).toBeLessThan(1e-8);
      }
    }
  });

  it('prints g and g′ as text and as TeX', () => {
    expect(silu.toString()).toBe('silu(x) = x / (1 + exp(-x))');
    expect(silu.expression.toString()).toBe('x / (1 + exp(-x))');
    // the quotient rule on x/(1 + e⁻ˣ): (1·(1 + e⁻ˣ) − x·(−e⁻ˣ)) / (1 + e⁻ˣ)², with 1·u written u and − −u written +
    expect(silu.derivativeExpression.toString()).toBe('(1 + exp(-x) + x * exp(-x)) / (1 + exp(-x)) ^ 2');
    expect(silu.toTex()).toBe('\\mathrm{silu}(x) = \\frac{ x}{\\left(1+\\exp\\left(- x\\right)\\right)}');
    expect(silu.derivativeExpression.toTex()).toMatch(/^\\frac\{1\+\\exp\\left\(- x\\right\)/);
  });

  it('may use the constants e and pi: "pi * x" doubles as π·x with derivative π', () => {
    const g = activation('pi * x + e');
    expect(g.f(2)).toBe(Math.PI * 2 + Math.E);
    expect(g.df(2)).toBe(Math.PI);
  });

  it('is named by its formula when no name is given, and prints as g(x)', () => {
    expect(activation('x^2').name).toBe('x^2');
    expect(activation('x^2').toString()).toBe('g(x) = x ^ 2');
    expect(activation('x^2').toJSON()).toEqual({ name: 'x^2', expression: 'x^2' });
  });

  it('leaves its input untouched and returns a new matrix of the same shape', () => {
    const Z = Matrix.from([[-1, 0], [1, 2]]);
    const before = Z.data.slice();
    const A = silu(Z);
    expect(A.shape).toEqual([2, 2]);
    expect(A).not.toBe(Z);
    expect(Z.data).toEqual(before);
  });
});

describe('activation: bad formulas get an error that names the problem', () => {
  it('names every free symbol other than x', () => {
    expect(() => activation('a * x + b')).toThrow(
      /activation: "a \* x \+ b" has the free symbols a, b but an activation's formula may use only x/,
    );
  });
  it('names a function that is not one of ACTIVATION_FORMULA_FUNCTIONS, whether mathjs has it or not', () => {
    expect(() => activation('swoosh(x)')).toThrow(/activation: "swoosh\(x\)" calls swoosh but a formula may call only exp, expm1, log, .*, atanh \(ACTIVATION_FORMULA_FUNCTIONS\)/);
    expect(() => activation('max(0, x)')).toThrow(/activation: "max\(0, x\)" calls max but a formula may call only exp/);
  });
  it('says when the formula does not parse', () => {
    expect(() => activation('x +')).toThrow(/activation: mathjs cannot parse "x \+"/);
  });
  it('refuses a formula that is not a string', () => {
    expect(() => activation(42 as unknown as string)).toThrow(/activation: the formula is 42 but it must be a non-empty string in x/);
  });
  it("refuses a built-in activation's name, which would be confused with the built-in", () => {
    expect(() => activation('x', { name: 'relu' })).toThrow(/activation: name "relu" is a built-in activation's name/);
  });
  it('refuses a formula of blanks, and a name that is empty, blank or not a string', () => {
    expect(() => activation('   ')).toThrow(new ValueError(`activation: the formula is "   " but it must be a non-empty string in x, like 'x / (1 + exp(-x))'`));
    for (const [name, shown] of [['', '""'], ['  ', '"  "'], [5, '5']] as const) {
      expect(() => activation('x', { name: name as string })).toThrow(new ValueError(`activation: name is ${shown} but it must be a non-empty string`));
    }
  });
  it('trims the blanks around a formula: "  x^2 " is named and saved as "x^2"', () => {
    const square = activation('  x^2 ');
    expect([square.name, square.toJSON()]).toEqual(['x^2', { name: 'x^2', expression: 'x^2' }]);
  });
  it("checks g and g′ each time: sqrt's g(0) = 0 is fine but its g′(0) = 1/(2·√0) is Infinity, named as g′", () => {
    const root = activation('sqrt(x)', { name: 'root' });
    expect(root.f(0)).toBe(0);
    expect(() => root.df(0)).toThrow(new ValueError('root: g′(0) is Infinity but an activation must give finite real numbers'));
  });
  it('says a NaN is a NaN, and a complex number is not a real number', () => {
    expect(() => activation('sin(x) / x', { name: 'sinc' }).f(0)).toThrow(new ValueError('sinc: g(0) is NaN but an activation must give finite real numbers'));
    expect(() => activation('sqrt(x)', { name: 'root' }).f(-4)).toThrow(new ValueError('root: g(-4) is 2i (not a real number) but an activation must give finite real numbers'));
  });
  it('throws instead of returning a complex number: sqrt(−1) = i', () => {
    expect(() => activation('sqrt(x)', { name: 'root' })([[-1]])).toThrow(
      /root: g\(-1\) is i \(not a real number\) but an activation must give finite real numbers/,
    );
  });
  it('throws instead of returning NaN: sin(x)/x at x = 0 is 0/0', () => {
    expect(() => activation('sin(x) / x', { name: 'sinc' })([[0]])).toThrow(/sinc: g\(0\) is NaN/);
  });
});

describe('an expression activation in a Network', () => {
  const layers = [
    { weights: [[1], [-2]], biases: [0.5, 1] },
    { weights: [[1, 1], [0.5, -1]], biases: [0, -0.25] },
    { weights: [[2, -1]], biases: [0.1] },
  ];
  const g = (z: number) => z / (1 + Math.exp(-z)); // silu by hand, with JavaScript's Math

  it('computes the hand-nested applyWeights steps, with silu on the hidden layers', () => {
    const net = Network.fromWeights(layers, { hidden: silu });
    const X = [[-2, -0.5, 0, 1.5]];
    let A = map(applyWeights(X, layers[0].weights, layers[0].biases), g);
    A = map(applyWeights(A, layers[1].weights, layers[1].biases), g);
    const want = applyWeights(A, layers[2].weights, layers[2].biases).data;
    const got = net.forward(X).data;
    for (let j = 0; j < want.length; j++) expect(Math.abs(got[j] - want[j])).toBeLessThan(1e-14);
  });

  it('works as the output activation too', () => {
    const net = Network.fromWeights([{ weights: [[1]], biases: [0] }], { output: silu });
    expect(net.predict([0])).toEqual([0]);
  });

  it('saves as { name, expression } and Network.fromJSON restores it, predicting identically', () => {
    const net = Network.fromWeights(layers, { hidden: silu });
    const json = JSON.parse(JSON.stringify(net.toJSON()));
    expect(json.activations).toEqual([
      { name: 'silu', expression: 'x / (1 + exp(-x))' },
      { name: 'silu', expression: 'x / (1 + exp(-x))' },
      'linear',
    ]);
    const back = Network.fromJSON(json);
    expect(back.layers[0].activation.name).toBe('silu');
    expect(back.predict([-1, 0, 2])).toEqual(net.predict([-1, 0, 2]));
  });

  it('is what resolveActivation makes of an { expression } spec, and a bad one names the layer', () => {
    expect(resolveActivation({ expression: 'x^2' }, 'test').f(3)).toBe(9);
    const json = Network.fromWeights(layers, { hidden: silu }).toJSON();
    (json.activations as unknown[])[1] = { name: 'bad', expression: 'x * y' };
    expect(() => Network.fromJSON(json)).toThrow(/Network.fromJSON: layer 2: "x \* y" has the free symbol y/);
  });

  it('backprop written out by hand through silu equals a centred finite difference of the loss', () => {
    // Loss L = ½ Σ (Y − T)² over a few samples; gradients by hand-written backprop:
    // dZ³ = Y − T;  dZˡ = (Wˡ⁺¹ᵀ·dZˡ⁺¹) ⊙ g′(Zˡ);  dWˡ = dZˡ·Aˡ⁻¹ᵀ;  dbˡ = Σ_samples dZˡ.
    const net = Network.fromWeights(layers, { hidden: silu });
    const X = [[-1.5, -0.25, 0.75, 2]];
    const T = [[0.5, -1, 0.25, 1]];
    const loss = (n: Network) => 0.5 * subtract(n.forward(X), T).data.reduce((s, d) => s + d * d, 0);

    const steps = net.trace(X);
    let dZ = subtract(steps[2].a, T); // linear output: dZ = dA
    const dW: Matrix[] = [];
    const db: Matrix[] = [];
    for (let l = 2; l >= 0; l--) {
      dW[l] = multiply(dZ, transpose(steps[l].input));
      db[l] = sumRows(dZ);
      if (l > 0) {
        const dA = multiply(transpose(net.layers[l].weights), dZ);
        const out = new Matrix(dA.rows, dA.cols);
        silu.backward(steps[l - 1].z.data, steps[l - 1].a.data, dA.data, out.data, dA.rows, dA.cols); // dA ⊙ g′(Z)
        expect(out.data).toEqual(hadamard(dA, silu.derivative(steps[l - 1].z)).data);
        dZ = out;
      }
    }

    const h = 1e-6;
    const nudged = (l: number, which: 'weights' | 'biases', n: number, by: number) =>
      Network.fromWeights(
        net.layers.map((layer, m) => {
          const weights = layer.weights.data.slice();
          const biases = layer.biases.data.slice();
          if (m === l) (which === 'weights' ? weights : biases)[n] += by;
          return {
            weights: new Matrix(layer.weights.rows, layer.weights.cols, weights),
            biases: Array.from(biases),
          };
        }),
        { hidden: silu },
      );
    for (let l = 0; l < 3; l++) {
      for (const [which, grad] of [['weights', dW[l]], ['biases', db[l]]] as const) {
        for (let n = 0; n < grad.data.length; n++) {
          const centred = (loss(nudged(l, which, n, h)) - loss(nudged(l, which, n, -h))) / (2 * h);
          expect(Math.abs(grad.data[n] - centred)).toBeLessThan(1e-7);
        }
      }
    }
  });

  it('passes gradientCheck (backprop vs five-point differences) on a [2, 4, 3, 1] network with silu hidden layers', () => {
    const net = new Network({ layers: [2, 4, 3, 1], hidden: silu, seed: 3 });
    const X = [[-1, 0.5, 2, -0.25, 1.5], [0.5, -2, 1, 1, -0.75]];
    const Y = [[0.2, -0.4, 1, 0, 0.6]];
    expect(gradientCheck(net, X, Y).maxRelativeError).toBeLessThan(1e-6);
  });

  it('trains like the same activation written in JavaScript: fit gives the same losses, epoch by epoch', () => {
    // silu written by hand, g′(x) = σ(x)·(1 + x·(1 − σ(x))): the oracle for the mathjs-derived one
    const handSilu = elementwiseActivation({ name: 'handSilu', f: (x) => x * sigma(x), df: (x) => sigma(x) * (1 + x * (1 - sigma(x))) });
    const random = createRandom(5);
    const xs = Array.from({ length: 40 }, () => random.between(-3, 3));
    const X = [xs];
    const Y = [xs.map((x) => Math.sin(x))];
    const trainLosses = (hidden: typeof silu) => new Network({ layers: [1, 8, 1], hidden, seed: 9 }).fit(X, Y, { epochs: 60, learningRate: 0.05 }).loss;
    const byFormula = trainLosses(silu);
    const byHand = trainLosses(handSilu as typeof silu);
    expect(byFormula.at(-1)).toBeLessThan(byFormula[0] / 5); // it learns: the loss falls at least fivefold
    for (let epoch = 0; epoch < byHand.length; epoch++) {
      expect(Math.abs(byFormula[epoch] - byHand[epoch]) / byHand[epoch]).toBeLessThan(1e-9);
    }
  });
});

describe('a formula is scalar maths in x and nothing else (safe to paste from a stranger)', () => {
  it("refuses mathjs's word-size suffixes: 0xffi8 reads as −1, not 255", () => {
    expect(() => activation('x + 0xffi8')).toThrow(
      new ValueError(`activation: "x + 0xffi8" has 0xffi8, whose suffix i8 makes mathjs read a word-size integer (0xffi8 is −1) but a formula's numbers are plain: write 0xff or its decimal value`),
    );
    expect(() => activation('x * 0b11i16')).toThrow(/has 0b11i16, whose suffix i16 makes mathjs read a word-size integer/);
    expect(() => activation('0o7i32 - x')).toThrow(/has 0o7i32, whose suffix i32/);
    expect(() => activation('0x1.8i8 + x')).toThrow(/has 0x1.8i8, whose suffix i8/); // after a radix point too
    expect(activation('x + 0xff').f(0)).toBe(255); // without a suffix, a hexadecimal number means what it says
    expect(activation('x + 0b11').f(0)).toBe(3);
    expect(activation('x + 0o17').f(0)).toBe(15);
    expect(activation('x + 0x1.8').f(0)).toBe(1.5);
  });
  // Each of these runs more than maths in mathjs: it is refused before anything is evaluated.
  it.each([
    ['evaluate("1 + 1")', /calls evaluate but a formula may call only exp/],
    ['parse("x")', /calls parse but/],
    ['compile("x")', /calls compile but/],
    ['simplify("x + x")', /calls simplify but/],
    ['derivative("x^2", "x")', /calls derivative but/],
    ['createUnit("furlong", "220 yard")', /calls createUnit but/],
    ['resolve(x)', /calls resolve but/],
    ['rationalize("x/2")', /calls rationalize but/],
    ['import({})', /(calls import|mathjs cannot parse)/],
    ['f(x) = x^2', /has a function definition "f\(x\) = x \^ 2" but a formula may use only numbers, x, the constants e, E, pi, PI, tau, phi, \+ - \* \/ \^ and the functions exp/],
    ['a = 2', /has an assignment "a = 2" but/],
    ['[x, 1]', /has a matrix "\[x, 1\]" but/],
    ['"x"', /has the string "\\"x\\"" but/],
    ['{a: x}', /has an object/],
    ['1:3', /has a range "1:3" but/],
    ['x > 0', /has the operator > in "x > 0" but/],
    ['x > 0 ? x : 0', /has a condition/],
    ['x!', /has the operator ! in "x!" but/],
    ['x.y', /has a property access "x.y" but/],
    ['x; x', /has several statements/],
    ['true', /has the value "true" but/],
    ['0 < x < 1', /has a comparison "0 < x < 1" but/],
    ['x[1]', /has a property access "x\[1\]" but/],
    ['foo.sin(x)', /calls "foo.sin" but a formula may call only exp/], // a method, even one named like an allowed function
    ['5 cm', /has the free symbol cm but an activation's formula may use only x/],
    ['i * x', /has the free symbol i but/],
    ['log(x, 2)', /has log with 2 arguments in "log\(x, 2\)" \(each function takes one\) but/],
    ['1e400 * x', /has the number "Infinity", which is not a finite float64 but/],
  ])('refuses %s, naming the part that is not allowed', (formula, message) => {
    expect(() => activation(formula)).toThrow(ValueError);
    expect(() => activation(formula)).toThrow(message);
  });

  it('writes the whole rule in the message, and cuts what it quotes: the formula after 60 characters, the part after 40', () => {
    const rule = `a formula may use only numbers, x, the constants e, E, pi, PI, tau, phi, + - * / ^ and the functions ${ACTIVATION_FORMULA_FUNCTIONS.join(', ')}`;
    expect(() => activation('x!')).toThrow(new ValueError(`activation: "x!" has the operator ! in "x!" but ${rule}`));
    const forty = `[${'y'.repeat(38)}]`; // a matrix of one symbol, 40 characters: quoted whole
    expect(() => activation(forty)).toThrow(new ValueError(`activation: "${forty}" has a matrix "${forty}" but ${rule}`));
    const sixty = `[${'y'.repeat(58)}]`; // 60 characters: the formula whole, the part cut after 40
    expect(() => activation(sixty)).toThrow(new ValueError(`activation: "${sixty}" has a matrix "${sixty.slice(0, 40)}…" but ${rule}`));
    const longer = `[${'y'.repeat(59)}]`; // 61 characters: the formula cut after 60
    expect(() => activation(longer)).toThrow(new ValueError(`activation: "${longer.slice(0, 60)}…" has a matrix "${longer.slice(0, 40)}…" but ${rule}`));
    expect(() => activation('a * x')).toThrow(
      new ValueError(`activation: "a * x" has the free symbol a but an activation's formula may use only x (and the constants e, E, pi, PI, tau, phi)`),
    );
  });

  it('evaluates with its own mathjs: a unit defined in the process-wide mathjs, or a formula tried on it, changes nothing either side', async () => {
    const shared = await loadMathjs();
    const before = shared.evaluate('2 inch to cm').toString();
    expect(() => activation('createUnit("inch", "1 m") * x')).toThrow(/calls createUnit/);
    expect(shared.evaluate('2 inch to cm').toString()).toBe(before); // 5.08 cm, as before
    expect(formulaMathjs('test')).not.toBe(shared);
  });

  it('derives every function of ACTIVATION_FORMULA_FUNCTIONS correctly: g′ matches a centred difference at points inside its domain', () => {
    expect(ACTIVATION_FORMULA_FUNCTIONS).toHaveLength(22);
    const h = 1e-6;
    for (const name of ACTIVATION_FORMULA_FUNCTIONS) {
      const inner = name === 'acosh' ? '0.5 * x + 1.5' : '0.5 * x + 0.1'; // acosh needs u > 1; the rest take u ∈ [0.2, 0.5]
      const g = activation(`${name}(${inner}) * x`);
      for (const x of [0.2, 0.5, 0.8]) {
        const centred = (g.f(x + h) - g.f(x - h)) / (2 * h);
        expect(Math.abs(g.df(x) - centred), `${name} at ${x}`).toBeLessThan(1e-7);
      }
    }
  });

  it('writes the derivative by the textbook rules, folding 1·u, u + 0 and u¹: (x²)′ = 2·x, (3·sin(x))′ = 3·cos(x), (eˣ)′ = eˣ', () => {
    expect(activation('x^2').derivativeExpression.toString()).toBe('2 * x');
    expect(activation('3 * sin(x)').derivativeExpression.toString()).toBe('3 * cos(x)');
    expect(activation('exp(x)').derivativeExpression.toString()).toBe('exp(x)');
    expect(activation('2^x').derivativeExpression.toString()).toBe('2 ^ x * log(2)');
    expect(activation('-(-x)').derivativeExpression.toString()).toBe('1');
  });

  it(`refuses a formula longer than ACTIVATION_FORMULA_LIMITS.length (${ACTIVATION_FORMULA_LIMITS.length} characters): 3000 unary minus signs overflowed the stack`, () => {
    expect(() => activation(`${'-'.repeat(3000)}x`)).toThrow(
      'activation: the formula has 3001 characters but a formula may have at most 1000 (ACTIVATION_FORMULA_LIMITS.length)',
    );
  });

  it(`refuses a formula nested more than ACTIVATION_FORMULA_LIMITS.depth (${ACTIVATION_FORMULA_LIMITS.depth}) levels, by brackets or by operators`, () => {
    expect(() => activation(`${'('.repeat(101)}x${')'.repeat(101)}`)).toThrow(/activation: "\(+…" is nested more than 100 levels deep \(ACTIVATION_FORMULA_LIMITS.depth\)/);
    expect(() => activation(`${'-'.repeat(101)}x`)).toThrow(/is nested more than 100 levels deep/);
    // 98 minus signs: within the depth limit, refused only for its cost (99 nodes to evaluate per entry)
    expect(() => activation(`${'-'.repeat(98)}x`)).toThrow(/g\(x\) has 99 nodes but at most 64 are evaluated per entry \(ACTIVATION_FORMULA_LIMITS.evaluationNodes/);
  });

  it(`refuses a formula whose derivative grows past ACTIVATION_FORMULA_LIMITS.derivativeNodes (${ACTIVATION_FORMULA_LIMITS.derivativeNodes}): the product rule on 60 factors`, () => {
    // (f₁·…·fₙ)′ has n terms of n factors each: about 2·60² nodes
    expect(() => activation(Array(60).fill('cos(x)').join(' * '))).toThrow(
      /activation: the derivative of "cos\(x\) \* .*…" grows past 5000 nodes \(ACTIVATION_FORMULA_LIMITS.derivativeNodes/,
    );
  });

  it('answers the formulas that hung it (x + x + … 50 times, a tower of 20 x^x, sin 20 deep, a 20-term Taylor series) at once: each costs too much per entry', () => {
    const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
    const formulas = [
      Array(50).fill('x').join(' + '),
      Array(20).fill('x').join('^'),
      `${'sin('.repeat(20)}x${')'.repeat(20)}`,
      Array.from({ length: 20 }, (_, k) => `x^${k} / ${factorial(k)}`).join(' + '),
    ];
    for (const formula of formulas) expect(() => activation(formula)).toThrow(/ACTIVATION_FORMULA_LIMITS.evaluationNodes/);
  });
  it('derives them right all the same (derivative.ts, whose budget is derivativeNodes)', async () => {
    const math = await loadMathjs();
    const d = (formula: string) => {
      const g = math.parse(formula);
      const dg = derivative(g, ACTIVATION_FORMULA_LIMITS.derivativeNodes, 'test', formula);
      return { f: (x: number) => g.evaluate({ x }) as number, df: (x: number) => dg.evaluate({ x }) as number };
    };
    expect(d(Array(50).fill('x').join(' + ')).df(3)).toBe(50);
    const tower = d(Array(20).fill('x').join('^'));
    const h = 1e-6;
    expect(Math.abs(tower.df(0.9) - (tower.f(0.9 + h) - tower.f(0.9 - h)) / (2 * h))).toBeLessThan(1e-6);
    expect(d(`${'sin('.repeat(20)}x${')'.repeat(20)}`).df(0)).toBe(1); // sin′(0) = 1 at every level
    // exp(x) ≈ Σ xᵏ/k!, whose derivative is the same series one term shorter
    const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
    const taylor = d(Array.from({ length: 20 }, (_, k) => `x^${k} / ${factorial(k)}`).join(' + '));
    expect(Math.abs(taylor.df(1) - Math.E)).toBeLessThan(1e-12);
  });
  it(`refuses a formula whose g or g′ has more than ACTIVATION_FORMULA_LIMITS.evaluationNodes (${ACTIVATION_FORMULA_LIMITS.evaluationNodes}) nodes: one evaluation stays near a microsecond`, () => {
    // x·x·…·x with 32 factors: g has 63 nodes (32 x and 31 ·); its derivative, by the product rule, far more
    expect(() => activation(Array(32).fill('x').join(' * '))).toThrow(
      new ValueError(`activation: "${Array(32).fill('x').join(' * ').slice(0, 60)}…": its derivative g′(x) has 1053 nodes but at most 64 are evaluated per entry (ACTIVATION_FORMULA_LIMITS.evaluationNodes: each costs about 40 ns, every entry of every layer, every epoch)`),
    );
    // 32 terms x + x + … : g has 63 nodes, g′ = 32 (folded to one number): accepted; 33 terms, 65 nodes: refused
    expect(activation(Array(32).fill('x').join(' + ')).df(1)).toBe(32);
    // exactly 64: 31 x, one −x (2 nodes) and 31 additions
    expect(activation(`${Array(31).fill('x').join(' + ')} + -x`).df(1)).toBe(30);
    expect(() => activation(Array(33).fill('x').join(' + '))).toThrow(/: g\(x\) has 65 nodes but at most 64 are evaluated per entry/);
    // the textbook's activations fit: GELU (tanh form) and mish
    expect(activation('0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))', { name: 'gelu' }).f(0)).toBe(0);
    expect(activation('x * tanh(log(1 + exp(x)))', { name: 'mish' }).f(0)).toBe(0);
  });
  it('Network.fromJSON checks an expression entry the same way, and refuses an unknown key or __proto__ in it', () => {
    const json = Network.fromWeights([{ weights: [[1]], biases: [0] }], { output: activation('x^2') }).toJSON();
    const spoil = (entry: unknown) => ({ ...json, activations: [entry] }) as never;
    expect(() => Network.fromJSON(spoil({ name: 'evil', expression: 'evaluate("1")' }))).toThrow(/Network.fromJSON: layer 1: "evaluate\(\\"1\\"\)" calls evaluate but/);
    expect(() => Network.fromJSON(spoil({ name: 'sq', expression: 'x^2', extra: 1 }))).toThrow(
      /Network.fromJSON: layer 1: an expression activation: unknown key "extra" \(known: name, expression\)/,
    );
    expect(() => Network.fromJSON(spoil(JSON.parse('{"name": "sq", "expression": "x^2", "__proto__": {"polluted": 1}}')))).toThrow(
      /an expression activation: key "__proto__" is not allowed/,
    );
  });
});

describe('the derivative, written out: each rule of derivative.ts on its own', () => {
  // f′ for each function of ACTIVATION_FORMULA_FUNCTIONS, as a table of derivatives prints it
  it.each([
    ['exp(x)', 'exp(x)'],
    ['expm1(x)', 'exp(x)'],
    ['log(x)', '1 / x'],
    ['log1p(x)', '1 / (1 + x)'],
    ['log2(x)', '1 / (x * log(2))'],
    ['log10(x)', '1 / (x * log(10))'],
    ['sqrt(x)', '1 / (2 * sqrt(x))'],
    ['cbrt(x)', '1 / (3 * cbrt(x) ^ 2)'],
    ['abs(x)', 'sign(x)'],
    ['sign(x)', '0'],
    ['sin(x)', 'cos(x)'],
    ['cos(x)', '-sin(x)'],
    ['tan(x)', '1 / cos(x) ^ 2'],
    ['asin(x)', '1 / sqrt(1 - x ^ 2)'],
    ['acos(x)', '-(1 / sqrt(1 - x ^ 2))'],
    ['atan(x)', '1 / (1 + x ^ 2)'],
    ['sinh(x)', 'cosh(x)'],
    ['cosh(x)', 'sinh(x)'],
    ['tanh(x)', '1 - tanh(x) ^ 2'],
    ['asinh(x)', '1 / sqrt(x ^ 2 + 1)'],
    ['acosh(x)', '1 / sqrt(x ^ 2 - 1)'],
    ['atanh(x)', '1 / (1 - x ^ 2)'],
  ])("(%s)′ = %s", (formula, derivative) => {
    expect(activation(formula).derivativeExpression.toString()).toBe(derivative);
  });
  // sums, products, quotients and powers, with the folding of constants (0·u = 0, 1·u = u, u + 0 = u, c₁ + c₂)
  it.each([
    ['x + 2', '1'],
    ['2 * x + 3 * x', '5'], // 2 + 3, folded
    ['x - x', '0'],
    ['3 - x', '-1'],
    ['+x', '1'],
    ['-(x^2)', '-(2 * x)'],
    ['x * -3', '-3'],
    ['-x * 3', '-3'],
    ['x * x', 'x + x'], // u′v + uv′ with u′ = v′ = 1
    ['x / 2', '1 / 2'], // (u / c)′ = u′ / c
    ['-x / 2', '-1 / 2'],
    ['2 / x', '-2 / x ^ 2'], // (0·x − 2·1) / x²
    ['1 / (1 + x)', '-1 / (1 + x) ^ 2'],
    ['x^3', '3 * x ^ 2'],
    ['x^pi', 'pi * x ^ (pi - 1)'],
    ['(x^2)^3', '3 * (x ^ 2) ^ 2 * 2 * x'],
    ['2^x', '2 ^ x * log(2)'],
    ['e^(2*x)', 'e ^ (2 * x) * log(e) * 2'],
    ['x^x', 'x ^ x * (log(x) + x / x)'],
    ['x - -x', '2'],
    ['x + -x', '0'],
    ['-cos(x)', 'sin(x)'], // −(−sin(x)) = sin(x)
    ['x^2 + cos(x)', '2 * x - sin(x)'], // u + (−v) = u − v
    ['sin(x) - 5', 'cos(x)'], // u − 0 = u
    ['5 - sin(x)', '-cos(x)'], // 0 − v = −v
    ['2 * (3 * x)', '6'], // 2 · 3, folded
    ['(-x) * sin(x)', '-sin(x) - x * cos(x)'], // (−1)·v = −v, (−u)·v = −(u·v)
    ['x + 5 / 2', '1'], // (5 / 2)′ = 0 / 2 = 0
    ['sin(x) / 1', 'cos(x)'], // u / 1 = u
    ['5 / sin(x)', '-(5 * cos(x) / sin(x) ^ 2)'], // (−u) / v = −(u / v)
    ['sin(x)^1', 'cos(x)'], // 1 · u⁰ = 1
    ['sin(2)', '0'],
    ['exp(0*x)', '0'],
  ])("(%s)′ = %s", (formula, derivative) => {
    expect(activation(formula).derivativeExpression.toString()).toBe(derivative);
  });
});

describe('derivative(g, maxNodes): the size budget, checked as each node is made', () => {
  const parse = (formula: string) => formulaMathjs('test').parse(formula);
  it('counts every node of a tree, brackets and what is inside them included: (x + 1) has 4', () => {
    expect(treeSize(parse('(x + 1)'))).toBe(4); // ( ), +, x, 1
    expect(treeSize(parse('sin((x))'))).toBe(3); // sin, ( ), x: the call's own brackets are not a node
  });
  it("builds (x²)′ = 2 * x, a tree of 3 nodes, with a budget of 3, and refuses it with 2", () => {
    expect(derivative(parse('x^2'), 3, 'test', 'x^2').toString()).toBe('2 * x');
    expect(() => derivative(parse('x^2'), 2, 'test', 'x^2')).toThrow(
      new ValueError('test: the derivative of "x^2" grows past 2 nodes (ACTIVATION_FORMULA_LIMITS.derivativeNodes: a formula must have a derivative of readable size)'),
    );
  });
  it('quotes a formula of up to 60 characters whole, and cuts a longer one', () => {
    const base = `x * ${'x + '.repeat(13)}x`; // 4 + 52 + 1 = 57 characters, then 3 or 4 blanks: 60 or 61
    const sixty = `${base}   `;
    const sixtyOne = `${base}    `;
    expect(() => derivative(parse(sixty), 2, 'test', sixty)).toThrow(`test: the derivative of "${base}   " grows past 2 nodes`);
    expect(() => derivative(parse(sixtyOne), 2, 'test', sixtyOne)).toThrow(`test: the derivative of "${base}   …" grows past 2 nodes`);
  });
  it('names an operator it has no rule for (expression.ts refuses it before; this is the last guard)', () => {
    expect(() => derivative(parse('x mod 2'), 100, 'test', 'x mod 2')).toThrow(new ValueError('test: "x mod 2" has OperatorNode mod, which has no derivative rule'));
  });
});

describe('the limits, at their edges', () => {
  it('takes a formula of exactly ACTIVATION_FORMULA_LIMITS.length characters, and refuses one more', () => {
    const exact = `x${' '.repeat(996)}+ 1`; // spaces count: 1 + 996 + 3 = 1000 characters
    expect(exact.length).toBe(1000);
    expect(() => activation(exact)).not.toThrow();
    expect(() => activation(` ${exact}`)).toThrow('activation: the formula has 1001 characters but a formula may have at most 1000 (ACTIVATION_FORMULA_LIMITS.length)');
  });
  it('counts brackets of every kind before parsing: 101 nested [ or { are refused as too deep, not parsed', () => {
    expect(() => activation(`${'['.repeat(101)}x${']'.repeat(101)}`)).toThrow(/is nested more than 100 levels deep \(ACTIVATION_FORMULA_LIMITS.depth\)/);
    expect(() => activation(`${'{a: '.repeat(101)}x${'}'.repeat(101)}`)).toThrow(/is nested more than 100 levels deep/);
  });
  it('counts nesting, not brackets: 11 bracketed sums of 10 (x) are 242 brackets but about 25 levels deep', () => {
    // (a + b + c) is ((a + b) + c): a sum of n terms is n levels deep, so the terms come in groups of 10
    const grouped = (term: string) => Array(11).fill(`(${Array(10).fill(term).join(' + ')})`).join(' + ');
    // refused for its cost (219 nodes to evaluate per entry), not as too deep
    expect(() => activation(grouped('(x)'))).toThrow(/: g\(x\) has \d+ nodes but at most 64 are evaluated per entry/);
    expect(() => activation(grouped('[1]'))).toThrow(/has a matrix "\[1\]" but/); // refused as a matrix, not as too deep
    expect(() => activation(grouped('{a:1}'))).toThrow(/has an object "{\\"a\\": 1}" but/);
  });
  it(`takes a tree exactly ACTIVATION_FORMULA_LIMITS.depth (${ACTIVATION_FORMULA_LIMITS.depth}) levels deep, and refuses one level more`, () => {
    // 100 levels pass the depth check (ACTIVATION_FORMULA_LIMITS.depth guards the parser) and are then refused
    // for their cost (100 nodes); 101 levels are refused as too deep, before anything else is looked at.
    const tooCostly = /has 100 nodes but at most 64 are evaluated per entry \(ACTIVATION_FORMULA_LIMITS.evaluationNodes/;
    expect(() => activation(`${'-'.repeat(99)}x`)).toThrow(tooCostly); // 99 minus signs and x: 100 levels
    expect(() => activation(`${'-'.repeat(100)}x`)).toThrow(/is nested more than 100 levels deep/);
    expect(() => activation(`${'('.repeat(99)}x${')'.repeat(99)}`)).toThrow(tooCostly); // 99 parentheses around x: 100 levels
    expect(() => activation(`${'('.repeat(100)}x${')'.repeat(100)}`)).toThrow(/is nested more than 100 levels deep/); // 100 brackets, 101 levels
    expect(() => activation(`${'sign('.repeat(99)}x${')'.repeat(99)}`)).toThrow(tooCostly); // 99 calls around x: 100 levels
    expect(() => activation(`${'sign('.repeat(100)}x${')'.repeat(100)}`)).toThrow(/is nested more than 100 levels deep/);
  });
});

describe('the old names of the formula constants', () => {
  it('still export EXPRESSION_CONSTANTS, FORMULA_FUNCTIONS and FORMULA_LIMITS, the same objects as the ACTIVATION_FORMULA_ names (deprecated, for this version)', () => {
    expect(api.EXPRESSION_CONSTANTS).toBe(api.ACTIVATION_FORMULA_CONSTANTS);
    expect(api.FORMULA_FUNCTIONS).toBe(api.ACTIVATION_FORMULA_FUNCTIONS);
    expect(api.FORMULA_LIMITS).toBe(api.ACTIVATION_FORMULA_LIMITS);
  });
});
