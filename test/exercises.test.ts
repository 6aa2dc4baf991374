/**
 * The exercises (examples/exercises/): each one's check passes on the worked solution, fails on the
 * stub, and on a wrong answer a learner would write names the mistake, not only the numbers.
 * The wrong answers are written here, one per typical mistake.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ownFunctions } from '../examples/exercises/checker/exercises.js';
import { EXERCISES, EXERCISES_DIR, SOLUTIONS_DIR, checkExercise } from '../examples/exercises/checker/index.js';
import { type Result, check } from '../examples/exercises/checker/runner.js';
import {
  ARTICLE_LAYERS,
  Network,
  applyWeights as libraryApplyWeights,
  articleNetwork,
  backwardTrace,
  hadamard,
  map,
  matrix,
  multiply,
  relu as libraryRelu,
  scale,
  sgd,
  sumRows,
  transpose,
  twoNode,
} from '../src/index.js';

type Grid = number[][];
const hintOf = (result: Result) => (result.passed ? 'passed' : result.hint);
const hint = (n: number, fn: unknown) => hintOf(check(EXERCISES[n - 1], fn));
/** The hint for exercise n when the learner's earlier files export `earlier` (their own relu, applyWeights). */
const hintWith = (n: number, fn: unknown, earlier: Record<string, unknown>) => hintOf(check(EXERCISES[n - 1], fn, ownFunctions(earlier)));

/** Two applyWeights a learner writes, both passing exercise 2: with loops (NaN past an array's end) and with map (an error there). */
const loopApplyWeights = (A: Grid, W: Grid, b: number[]) =>
  W.map((_, i) => A[0].map((_, j) => {
    let z = b[i];
    for (let k = 0; k < A.length; k++) z += W[i][k] * A[k][j];
    return z;
  }));
const mapApplyWeights = (A: Grid, W: Grid, b: number[]) => W.map((row, i) => A[0].map((_, j) => row.reduce((s, w, k) => s + w * A[k][j], b[i])));

describe('the exercises', () => {
  it('are six, numbered 1 to 6 in the order of the story', () => {
    expect(EXERCISES.map((e) => `${e.n} ${e.name}`)).toEqual([
      '1 relu',
      '2 applyWeights',
      '3 twoNode',
      '4 articleForward',
      '5 backwardStep',
      '6 gradientStep',
    ]);
  });
  for (const { n, name } of EXERCISES) {
    it(`${n} (${name}): the check passes on the solution and fails on the stub, which is not written yet`, async () => {
      const solution = await checkExercise(n, SOLUTIONS_DIR);
      expect(solution).toMatchObject({ passed: true });
      const stub = await checkExercise(n);
      expect(stub.passed).toBe(false);
      expect(hintOf(stub)).toBe(`${name} is not written yet: write it (the task is in the comment above it)`);
    });
  }
});

describe("the numbers the task comments work by hand", () => {
  const stub = (file: string) => readFileSync(join(EXERCISES_DIR, file), 'utf8');
  it('are the library\'s: relu, applyWeights, twoNode and the article network', () => {
    expect(libraryRelu([[-2, 0, 3]]).toArray()).toEqual([[0, 0, 3]]);
    expect(stub('1-relu.ts')).toContain('relu([[-2, 0, 3]]) is [[0, 0, 3]]');
    expect(libraryApplyWeights([[1], [2]], [[3, -1]], [0.5]).toArray()).toEqual([[1.5]]);
    expect(stub('2-apply-weights.ts')).toContain('applyWeights([[1], [2]], [[3, -1]], [0.5]) is [[1.5]]');
    expect(twoNode([[1]], [[2], [-3]], [1, 5]).toArray()).toEqual([[3], [2]]);
    expect(stub('3-two-node.ts')).toContain('twoNode([[1]], [[2], [-3]], [1, 5]) is [[3], [2]]');
    expect(articleNetwork().forward([[-3, 0, 3]]).toArray()).toEqual([[2.5, 1, -1]]);
    expect(stub('4-article-forward.ts')).toContain('articleForward([[-3, 0, 3]]) is [[2.5, 1, -1]]');
  });
  it("are backwardTrace's for the article network's layer 2 at x = 3, target 0", () => {
    const [one, two] = backwardTrace(articleNetwork(), [[3]], [[0]], { loss: 'mse' });
    const line = (name: string, m: { toArray(): number[][] }) => `${name} = ${JSON.stringify(m.toArray()).replaceAll(',', ', ')}`;
    const text = stub('5-backward-step.ts');
    for (const part of [line('dA', two.dA), line('Z', two.z), line('Aprev', two.input), line('dZ', two.dZ), line('dW', two.dW), line('db', two.db), line('dAprev', one.dA)]) {
      expect(text).toContain(part);
    }
    expect(text).toContain(line('W', articleNetwork().layers[1].weights));
  });
  it("are sgd's for one step", () => {
    const net = Network.fromWeights([{ weights: [[1, 2]], biases: [0.5] }]);
    sgd({ learningRate: 0.1 }).step(net.layers, [{ dW: matrix([[0.5, -1]]), db: matrix([[2]]) }]);
    expect(net.layers[0].weights.toArray()).toEqual([[0.95, 2.1]]);
    expect(net.layers[0].biases.get(0, 0)).toBeCloseTo(0.3, 15);
    expect(stub('6-gradient-step.ts')).toContain('gradientStep([[1, 2]], [0.5], [[0.5, -1]], [2], 0.1) is { W: [[0.95, 2.1]], b: [0.3] }');
  });
});

describe('exercise 1, relu: the hints', () => {
  it('names min for max, a flipped sign, |z| and an unclipped copy', () => {
    expect(hint(1, (Z: Grid) => Z.map((r) => r.map((z) => Math.min(0, z))))).toMatch(/max\(0, z\), not min\(0, z\)/);
    expect(hint(1, (Z: Grid) => Z.map((r) => r.map((z) => Math.max(0, -z))))).toMatch(/the sign is flipped/);
    expect(hint(1, (Z: Grid) => Z.map((r) => r.map(Math.abs)))).toMatch(/not \|z\|/);
    expect(hint(1, (Z: Grid) => Z.map((r) => [...r]))).toMatch(/nothing was cut off/);
  });
  it('explains a row filled before it was made', () => {
    const unmade = (Z: Grid) => {
      const A: Grid = [];
      Z.forEach((row, i) => row.forEach((z, j) => (A[i][j] = Math.max(0, z))));
      return A;
    };
    expect(hint(1, unmade)).toMatch(/create each row first/);
  });
  it('names a changed input, a flat list and a transposed result', () => {
    const inPlace = (Z: Grid) => {
      for (const row of Z) row.forEach((z, j) => (row[j] = z > 0 ? z : 0));
      return Z;
    };
    expect(hint(1, inPlace)).toMatch(/changed the Z it was given/);
    expect(hint(1, (Z: Grid) => Z.flat().map((z) => Math.max(0, z)))).toMatch(/flat list of 3 numbers/);
    expect(hint(1, (Z: Grid) => transpose(libraryRelu(Z)).toArray())).toMatch(/is 3×1 but it should be 1×3 .*transposed/);
  });
  it('accepts a Matrix as well as plain arrays', () => {
    expect(hint(1, (Z: Grid) => libraryRelu(Z))).toBe('passed');
  });
});

describe('exercise 2, applyWeights: the hints', () => {
  const Wa = (A: Grid, W: Grid) => multiply(W, A).toArray();
  it('names a missing bias, a subtracted one, and one added along the wrong axis', () => {
    expect(hint(2, (A: Grid, W: Grid) => Wa(A, W))).toMatch(/the bias is missing/);
    expect(hint(2, (A: Grid, W: Grid, b: number[]) => Wa(A, W).map((r, i) => r.map((z) => z - b[i])))).toMatch(/subtracted/);
    expect(hint(2, (A: Grid, W: Grid, b: number[]) => Wa(A, W).map((r) => r.map((z, j) => z + b[j])))).toMatch(/wrong axis/);
    expect(hint(2, (A: Grid, W: Grid, b: number[]) => Wa(A, W).map((r, i) => r.map((z, j) => (j === 0 ? z + b[i] : z))))).toMatch(/only the first sample/);
  });
  it('names a transposed Z, W read by its columns, and A·W by its shape', () => {
    expect(hint(2, (A: Grid, W: Grid, b: number[]) => transpose(libraryApplyWeights(A, W, b)).toArray())).toMatch(/your Z is transposed/);
    // Z[i][j] = Σₖ W[k][i]·A[k][j] + b[i]: reads past the end of the 1×2 W of the first case.
    const byColumns = (A: Grid, W: Grid, b: number[]) => W.map((_, i) => A[0].map((_, j) => A.reduce((s, row, k) => s + W[k][i] * row[j], b[i])));
    expect(hint(2, byColumns)).toMatch(/threw "Cannot read properties of undefined .*an index went past the end .*Z\[i\]\[j\] sums W\[i\]\[k\]·A\[k\]\[j\]/);
    // On the square W of the second case, the same loop gives numbers: Wᵀ·A + b.
    const square = (A: Grid, W: Grid, b: number[]) => (W.length === 1 ? libraryApplyWeights(A, W, b).toArray() : byColumns(A, W, b));
    expect(hint(2, square)).toMatch(/W is used transposed/);
    // A·W instead of W·A: defined for the first case's 2×1 A and 1×2 W, but 2×2.
    expect(hint(2, (A: Grid, W: Grid) => multiply(A, W))).toMatch(/your Z is 2×2 but it should be 1×1 \(nOut × samples/);
  });
  it('shows the sum by hand when no known mistake fits', () => {
    const off = (A: Grid, W: Grid, b: number[]) => libraryApplyWeights(A, W, b).toArray().map((r) => r.map((z) => z + 1));
    expect(hint(2, off)).toMatch(/Z\[0\]\[0\] = Σₖ W\[0\]\[k\]·A\[k\]\[0\] \+ b\[0\] = 3·1 \+ -1·2 \+ 0\.5 = 1\.5/);
  });
});

describe('exercise 3, twoNode: the hints', () => {
  const one = (A: Grid, W: Grid, b: number[], i: number) => libraryApplyWeights(A, [W[i]], [b[i]]).toArray();
  it('names the neurons in the wrong order, a shared bias, and side by side instead of stacked', () => {
    expect(hint(3, (A: Grid, W: Grid, b: number[]) => [...one(A, W, b, 1), ...one(A, W, b, 0)])).toMatch(/wrong order/);
    expect(hint(3, (A: Grid, W: Grid, b: number[]) => [...one(A, W, b, 0), ...one(A, W, [b[1], b[0]], 1)])).toMatch(/own bias: neuron 2 adds b\[1\]/);
    expect(hint(3, (A: Grid, W: Grid, b: number[]) => [[...one(A, W, b, 0)[0], ...one(A, W, b, 1)[0]]])).toMatch(/side by side/);
  });
  it('names two matrices put in a list instead of their rows stacked', () => {
    expect(hint(3, (A: Grid, W: Grid, b: number[]) => [one(A, W, b, 0), one(A, W, b, 1)])).toMatch(/row 1 of your Z is itself a matrix.*\[\.\.\.top, \.\.\.bottom\]/);
  });
});

describe('exercise 3: a mistake in the call of a learner applyWeights that passes its own check', () => {
  it('both applyWeights of these tests pass exercise 2', () => {
    expect(hint(2, loopApplyWeights)).toBe('passed');
    expect(hint(2, mapApplyWeights)).toBe('passed');
  });
  it('names W[0] passed where [W[0]] is meant, whether the learner applyWeights then gives NaN or throws', () => {
    const rowNotMatrix = (own: typeof loopApplyWeights) => (A: Grid, W: Grid, b: number[]) => [
      ...own(A, W[0] as never, [b[0]]),
      ...own(A, W[1] as never, [b[1]]),
    ];
    // With loops: W[0] = [2] has length 1 (one "neuron") and 2[0] is undefined, so z = 1 + undefined·1 = NaN.
    expect(hintWith(3, rowNotMatrix(loopApplyWeights), { applyWeights: loopApplyWeights })).toMatch(
      /^W\[0\] is neuron 1's weights as a plain list of numbers .*, but applyWeights takes W as a matrix.*pass \[W\[0\]\] and \[b\[0\]\]/,
    );
    // With map: the row is the number 2, and (2).reduce is not a function.
    expect(hintWith(3, rowNotMatrix(mapApplyWeights), { applyWeights: mapApplyWeights })).toMatch(
      /^your twoNode threw "row\.reduce is not a function": W\[0\] is neuron 1's weights as a plain list/,
    );
  });
  it('names b[0] passed where [b[0]] is meant in the same words', () => {
    const numberNotList = (A: Grid, W: Grid, b: number[]) => [...mapApplyWeights(A, [W[0]], b[0] as never), ...mapApplyWeights(A, [W[1]], b[1] as never)];
    expect(hintWith(3, numberNotList, { applyWeights: mapApplyWeights })).toMatch(/and b\[0\] its bias, a single number.*pass \[W\[0\]\] and \[b\[0\]\]/);
  });
  it('says, for a NaN no known mistake gives, to look at the calls before the loops', () => {
    const nowhere = (A: Grid, W: Grid, b: number[]) => [...loopApplyWeights(A, [W[0]], [b[0]]), [Number.NaN, ...loopApplyWeights(A, [W[1]], [b[1]])[0].slice(1)]];
    expect(hintWith(3, nowhere, { applyWeights: loopApplyWeights })).toMatch(/your Z has NaN at row 2, column 1: .*the NaN comes from how you call them/);
  });
});

describe('exercise 4: applyWeights(W1, X, b1), the arguments swapped', () => {
  const [L1, L2, L3] = ARTICLE_LAYERS.map(({ weights, biases }) => ({ W: weights as Grid, b: biases as number[] }));
  const relu = (Z: Grid) => Z.map((row) => row.map((z) => (z > 0 ? z : 0))); // the learner's, exercise 1 (NaN > 0 is false: NaN becomes 0)
  const swapped = (aw: typeof loopApplyWeights, everywhere: boolean) => (X: Grid) => {
    const act1 = relu(aw(L1.W, X, L1.b)); // applyWeights(W1, X, b1)
    const call = (A: Grid, W: Grid, b: number[]) => (everywhere ? aw(W, A, b) : aw(A, W, b));
    return call(relu(call(act1, L2.W, L2.b)), L3.W, L3.b);
  };
  it('is named when only layer 1 is swapped (the loops give a 1×1 answer) and when all three are (NaN)', () => {
    const swappedHint = /^applyWeights takes what comes in first, then the weights: applyWeights\(X, W1, b1\) computes W1·X \+ b1/;
    expect(hintWith(4, swapped(loopApplyWeights, false), { relu, applyWeights: loopApplyWeights })).toMatch(swappedHint);
    expect(hintWith(4, swapped(loopApplyWeights, true), { relu, applyWeights: loopApplyWeights })).toMatch(swappedHint);
  });
  it('is named when the learner applyWeights throws on the swapped call', () => {
    expect(hintWith(4, swapped(mapApplyWeights, false), { relu, applyWeights: mapApplyWeights })).toMatch(
      /^your articleForward threw "Cannot read properties of undefined \(reading '0'\)": applyWeights takes what comes in first/,
    );
  });
});

describe('an import left commented out, as the stubs ship them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'exercise-imports-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('gets its own hint, naming the import to uncomment, not only "applyWeights is not defined"', async () => {
    for (const file of ['1-relu.ts', '2-apply-weights.ts']) writeFileSync(join(dir, file), readFileSync(join(SOLUTIONS_DIR, file)));
    const solution = readFileSync(join(SOLUTIONS_DIR, '3-two-node.ts'), 'utf8');
    writeFileSync(join(dir, '3-two-node.ts'), solution.replace("import { applyWeights }", "// import { applyWeights }"));
    expect(hintOf(await checkExercise(3, dir))).toBe(
      'your twoNode uses applyWeights, but 3-two-node.ts does not import it ("applyWeights is not defined"): uncomment the import at the top of the file, import { applyWeights } from \'./2-apply-weights.js\'',
    );
  });
  it("reads Safari's words for it too, and names the library's helpers' import", () => {
    const safari = () => {
      throw new ReferenceError("Can't find variable: relu");
    };
    expect(hint(4, safari)).toMatch(/uses relu, but 4-article-forward\.ts does not import it .*import \{ relu \} from '\.\/1-relu\.js'/);
    const helper = () => {
      throw new ReferenceError('hadamard is not defined');
    };
    expect(hint(5, helper)).toMatch(/import \{ hadamard \} from '\.\.\/\.\.\/src\/index\.js'/);
  });
});

describe('exercise 4, the article network: the hints', () => {
  const [L1, L2, L3] = ARTICLE_LAYERS.map(({ weights, biases }) => ({ W: weights as Grid, b: biases as number[] }));
  const layer = (A: Grid, { W, b }: { W: Grid; b: number[] }, g = true) => {
    const Z = libraryApplyWeights(A, W, b);
    return (g ? libraryRelu(Z) : Z).toArray();
  };
  it('names a missing ReLU, a ReLU on the output, and a missing bias', () => {
    expect(hint(4, (X: Grid) => layer(layer(layer(X, L1, false), L2, false), L3, false))).toMatch(/there is no ReLU/);
    expect(hint(4, (X: Grid) => layer(layer(layer(X, L1), L2), L3, true))).toMatch(/the output has a ReLU/);
    expect(hint(4, (X: Grid) => layer(layer(layer(X, L1), { ...L2, b: [0, 0] }), L3, false))).toMatch(/layer 2's biases b3 and b4 are missing/);
  });
  it('names layers nested in the wrong order by the shapes each layer takes', () => {
    expect(hint(4, (X: Grid) => layer(layer(layer(X, L2), L1), L3, false))).toMatch(/nest from the inside out: layer 1 \(W1, 2×1\) takes X/);
  });
  it('walks through the article network at the first wrong sample when no known mistake fits', () => {
    const typo = (X: Grid) => layer(layer(layer(X, L1), { ...L2, b: [-2.5, 0.5] }), L3, false);
    expect(hint(4, typo)).toMatch(
      /ŷ first differs at row 1, column 2: yours is 0\.5, the library's is 1\. For x = 0 the article network computes out1 = z₁, z₂ = 1, 1 → act1 = a₁, a₂ = 1, 1; out5 = z₃, z₄ = -0\.5, -0\.5/,
    );
  });
  it('says so when the function it calls from an earlier exercise is still a stub', () => {
    const early = () => {
      throw new Error('applyWeights: not written yet'); // what the stub of exercise 2 throws
    };
    expect(hint(4, early)).toBe('your articleForward calls your applyWeights, which is not written yet: write applyWeights first, in its own exercise');
  });
  it("checks that the file's weights are still the article's, by the names of docs/naming.md", () => {
    const checkWeights = EXERCISES[3].before ?? (() => 'no check');
    expect(checkWeights({ W1: [[1], [-1]], b1: [1, 1], w35: [[1, 1]], w46: [[1, -1]], b3: -2.5, b4: -0.5, w7: [[1, -1]], b5: 1 })).toBeUndefined();
    expect(checkWeights({ w46: [[1, 1]] })).toMatch(/your w46 is \[\[1,1\]\] but the article's is \[\[1,-1\]\]/);
    expect(checkWeights({ b3: 2.5 })).toMatch(/your b3 is 2.5 but the article's is -2.5/);
  });
});

describe('exercise 5, one backward step: the hints', () => {
  const gate = (Z: Grid) => map(Z, (z) => (z > 0 ? 1 : 0));
  const step = (dA: Grid, Z: Grid, Aprev: Grid, W: Grid, change: Partial<Record<string, unknown>> = {}) => {
    const m = Z[0].length;
    const dZ = hadamard(dA, gate(Z));
    return {
      dZ,
      dW: scale(multiply(dZ, transpose(Aprev)), 1 / m),
      db: scale(sumRows(dZ), 1 / m),
      dAprev: multiply(transpose(W), dZ),
      ...change,
    };
  };
  it('names dZ without the ReLU gate, and the gate taken at z ≥ 0', () => {
    expect(hint(5, (dA: Grid, Z: Grid, P: Grid, W: Grid) => step(dA, Z, P, W, { dZ: dA }))).toMatch(/dZ = dA ⊙ g′\(Z\): multiply dA by ReLU's slope/);
    const atZero = (dA: Grid, Z: Grid, P: Grid, W: Grid) => step(dA, Z, P, W, { dZ: hadamard(dA, map(Z, (z) => (z >= 0 ? 1 : 0))) });
    expect(hint(5, atZero)).toMatch(/g′\(0\) = 0: use z > 0, not z ≥ 0/);
  });
  it('names dW without the 1/m, and dW transposed', () => {
    const noMean = (dA: Grid, Z: Grid, P: Grid, W: Grid) => step(dA, Z, P, W, { dW: multiply(hadamard(dA, gate(Z)), transpose(P)) });
    expect(hint(5, noMean)).toMatch(/dW is missing the 1\/m/);
    const flipped = (dA: Grid, Z: Grid, P: Grid, W: Grid) => step(dA, Z, P, W, { dW: multiply(P, transpose(hadamard(dA, gate(Z)))) });
    expect(hint(5, flipped)).toMatch(/yours is its transpose, Aprev·dZᵀ/);
  });
  it('names db summed over the wrong axis', () => {
    const acrossNeurons = (dA: Grid, Z: Grid, P: Grid, W: Grid) =>
      step(dA, Z, P, W, { db: scale(sumRows(transpose(hadamard(dA, gate(Z)))), 1 / Z[0].length).toArray().map((r) => r[0]) });
    expect(hint(5, acrossNeurons)).toMatch(/db sums over the wrong axis/);
  });
  it('names dAprev from W untransposed, from dA, or divided by m, and a missing output', () => {
    // The article's W² is symmetric, so W·dZ first shows on the random 4×3 W, where the product is undefined.
    expect(hint(5, (dA: Grid, Z: Grid, P: Grid, W: Grid) => step(dA, Z, P, W, { dAprev: multiply(W, hadamard(dA, gate(Z))) }))).toMatch(
      /threw "multiply: A is 4×3 but B is 4×5 .*dAprev = Wᵀ \(nIn × nOut\) · dZ \(nOut × m\)/,
    );
    expect(hint(5, (dA: Grid, Z: Grid, P: Grid, W: Grid) => step(dA, Z, P, W, { dAprev: multiply(transpose(W), dA) }))).toMatch(/not Wᵀ·dA/);
    const perMean = (dA: Grid, Z: Grid, P: Grid, W: Grid) =>
      step(dA, Z, P, W, { dAprev: scale(multiply(transpose(W), hadamard(dA, gate(Z))), 1 / Z[0].length) });
    expect(hint(5, perMean)).toMatch(/dAprev has no 1\/m/);
    expect(hint(5, (dA: Grid, Z: Grid, P: Grid, W: Grid) => step(dA, Z, P, W, { dAprev: undefined }))).toMatch(/your dAprev is undefined/);
  });
});

describe('exercise 6, one gradient-descent step: the hints', () => {
  const move = (W: Grid, dW: Grid, f: (w: number, g: number) => number) => W.map((r, i) => r.map((w, k) => f(w, dW[i][k])));
  it('names + for −, a forgotten learning rate, and biases that do not move', () => {
    const uphill = (W: Grid, b: number[], dW: Grid, db: number[], eta: number) => ({ W: move(W, dW, (w, g) => w + eta * g), b: b.map((v, i) => v - eta * db[i]) });
    expect(hint(6, uphill)).toMatch(/W \+ η·dW climbs the loss/);
    const noRate = (W: Grid, b: number[], dW: Grid, db: number[], eta: number) => ({ W: move(W, dW, (w, g) => w - g), b: b.map((v, i) => v - eta * db[i]) });
    expect(hint(6, noRate)).toMatch(/the learning rate is missing/);
    const stillB = (W: Grid, b: number[], dW: Grid, _db: number[], eta: number) => ({ W: move(W, dW, (w, g) => w - eta * g), b: [...b] });
    expect(hint(6, stillB)).toMatch(/the biases did not move/);
  });
  it('names weights changed in place', () => {
    const inPlace = (W: Grid, b: number[], dW: Grid, db: number[], eta: number) => {
      W.forEach((r, i) => r.forEach((w, k) => (r[k] = w - eta * dW[i][k])));
      return { W, b: b.map((v, i) => v - eta * db[i]) };
    };
    expect(hint(6, inPlace)).toMatch(/changed the W it was given/);
  });
});

describe('npm run exercise (examples/exercises/check.ts)', () => {
  const run = promisify(execFile);
  const tsx = join('node_modules', '.bin', 'tsx');
  const cli = (...args: string[]) =>
    run(tsx, ['examples/exercises/check.ts', ...args]).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout + error.stderr }),
    );
  const dir = mkdtempSync(join(tmpdir(), 'exercises-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 and says what was built on a solution (--solutions)', async () => {
    const { code, stdout } = await cli('2', '--solutions');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Exercise 2, applyWeights \(.*solutions\/2-apply-weights\.ts\): passed\.\nYou built applyWeights/);
  });
  it('exits 1 and prints the inputs, both values and the hint for a learner file without the bias (--dir)', async () => {
    writeFileSync(
      join(dir, '2-apply-weights.ts'),
      'export function applyWeights(A: number[][], W: number[][], b: number[]) {\n' +
        '  return W.map((row) => A[0].map((_, j) => row.reduce((s, w, k) => s + w * A[k][j], 0)));\n}\n',
    );
    const { code, stdout } = await cli('2', '--dir', dir);
    expect(code).toBe(1);
    expect(stdout).toContain('With A = [[1], [2]], W = [[3, -1]], b = [0.5]:');
    expect(stdout).toContain('your Z:     [[1]]');
    expect(stdout).toContain('expected Z: [[1.5]]');
    expect(stdout).toContain('Hint: the bias is missing: Z = W·A + b, so add b[i] to every entry of row i (neuron i).');
  });
  it('exits 2 with the usage on an exercise that does not exist', async () => {
    const { code, stdout } = await cli('7');
    expect(code).toBe(2);
    expect(stdout).toMatch(/usage: npm run exercise -- <1–6 \| all>/);
  });
});
