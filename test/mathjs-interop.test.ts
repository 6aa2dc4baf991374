import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as math from 'mathjs';
import { describe, expect, it } from 'vitest';
import {
  Matrix,
  Network,
  activation,
  add,
  applyWeights,
  hadamard,
  hstack,
  leakyRelu,
  linear,
  map,
  matrix,
  multiply,
  randomMatrix,
  relu,
  scale,
  sigmoid,
  softmax,
  subtract,
  sumRows,
  tanh,
  transpose,
  twoNode,
  vstack,
} from '../src/index.js';

const M = (rows: number[][] | number[]) => math.matrix(rows); // a mathjs DenseMatrix
const asArray = (m: math.Matrix) => m.toArray() as number[][];

/** The largest |a − b| between two equally shaped nested arrays. */
function maxDifference(a: number[][], b: number[][]): number {
  expect([a.length, a[0].length]).toEqual([b.length, b[0].length]);
  return Math.max(...a.flatMap((row, i) => row.map((x, j) => Math.abs(x - b[i][j]))));
}

describe('every matrix helper takes a mathjs Matrix where it takes a matrix', () => {
  it('matrix: copies a mathjs matrix into a Matrix', () => {
    expect(matrix(M([[1, 2], [3, 4]])).toArray()).toEqual([[1, 2], [3, 4]]);
  });
  it('matrix: reads a mathjs 1-D vector as one row, as it reads a flat array', () => {
    expect(matrix(M([1, 2, 3])).shape).toEqual([1, 3]);
  });
  it('matrix: reads a mathjs sparse matrix too', () => {
    expect(matrix(math.sparse([[1, 0], [0, 2]])).toArray()).toEqual([[1, 0], [0, 2]]);
  });
  it('multiply: [[1, 2]]·[[3], [4]] = [[11]] (1·3 + 2·4), and agrees with math.multiply on seeded 3×4·4×2', () => {
    expect(multiply(M([[1, 2]]), M([[3], [4]])).toArray()).toEqual([[11]]);
    const A = randomMatrix(3, 4, { seed: 1 }).toMathjs();
    const B = randomMatrix(4, 2, { seed: 2 }).toMathjs();
    expect(maxDifference(multiply(A, B).toArray(), asArray(math.multiply(A, B)))).toBeLessThan(1e-15);
  });
  it('add and subtract: a mathjs column is broadcast over columns, as a bias is', () => {
    expect(add(M([[1, 2], [3, 4]]), M([[10], [20]])).toArray()).toEqual([[11, 12], [23, 24]]);
    expect(subtract(M([[5, 5]]), M([[1, 2]])).toArray()).toEqual([[4, 3]]);
  });
  it('hadamard: equals math.dotMultiply', () => {
    const A = M([[1, 2], [3, 4]]);
    const B = M([[5, -1], [0.5, 2]]);
    expect(hadamard(A, B).toArray()).toEqual(asArray(math.dotMultiply(A, B) as math.Matrix)); // [[5, −2], [1.5, 8]]
  });
  it('scale, transpose and map take mathjs matrices', () => {
    expect(scale(M([[1, -2]]), 3).toArray()).toEqual([[3, -6]]);
    expect(transpose(M([[1, 2, 3]])).toArray()).toEqual(asArray(math.transpose(M([[1, 2, 3]]))));
    expect(map(M([[1, -2]]), (x) => x * x).toArray()).toEqual([[1, 4]]);
  });
  it('vstack and hstack take mathjs matrices, mixed with plain arrays', () => {
    expect(vstack(M([[1, 2]]), [[3, 4]]).toArray()).toEqual([[1, 2], [3, 4]]);
    expect(hstack(M([[1], [2]]), M([[3], [4]])).toArray()).toEqual([[1, 3], [2, 4]]);
  });
  it('sumRows: equals math.sum along each row', () => {
    const A = M([[1, 2], [3, 4]]);
    expect(sumRows(A).toArray()).toEqual([[3], [7]]);
    expect(sumRows(A).toArray().map((row) => row[0])).toEqual((math.sum(A, 1) as unknown as math.Matrix).toArray());
  });
  it('never changes the mathjs matrix it was given', () => {
    const A = M([[1, -2], [3, 4]]);
    const before = math.clone(A);
    relu(A);
    multiply(A, A);
    add(A, M([[1], [1]]));
    expect(math.deepEqual(A, before)).toBe(true);
  });
  it('names the row and column of an entry that is not a real number, such as a complex one', () => {
    expect(() => multiply(M([[1, 2]]), math.matrix([[math.complex(1, 1)], [2]]))).toThrow(
      /multiply: B has .* at row 1, column 1 but entries must be finite numbers/,
    );
  });
});

describe("the article's steps and the activations take mathjs matrices", () => {
  it('applyWeights: W a mathjs row, b a mathjs 1-D vector: [[3, −1]]·[[1], [2]] + 0.5 = [[1.5]]', () => {
    expect(applyWeights(M([[1], [2]]), M([[3, -1]]), M([0.5])).toArray()).toEqual([[1.5]]);
    expect(applyWeights(M([[1], [2]]), M([[3, -1]]), M([[0.5]])).toArray()).toEqual([[1.5]]); // b a mathjs column
  });
  it('applyWeights: a mathjs 1-D vector of two biases is one bias per neuron', () => {
    // Z = [[1], [−1]]·[[2, 3]] + [10, 20] = [[12, 13], [18, 17]]
    expect(applyWeights(M([[2, 3]]), M([[1], [-1]]), M([10, 20])).toArray()).toEqual([[12, 13], [18, 17]]);
  });
  it('twoNode: equals applyWeights with the same mathjs inputs', () => {
    const A = M([[1, 2], [3, 4]]);
    const W = M([[1, -1], [0.5, 2]]);
    const b = M([1, -1]);
    expect(twoNode(A, W, b).toArray()).toEqual(applyWeights(A, W, b).toArray()); // [[−1, −1], [6.5, 8]]
  });
  it('every activation and its derivative take a mathjs matrix', () => {
    const Z = M([[-1, 0, 2]]);
    expect(relu(Z).toArray()).toEqual([[0, 0, 2]]);
    expect(relu.derivative(Z).toArray()).toEqual([[0, 0, 1]]);
    expect(leakyRelu(Z).toArray()).toEqual([[-0.01, 0, 2]]);
    expect(sigmoid(M([[0]])).toArray()).toEqual([[0.5]]);
    expect(tanh.derivative(M([[0]])).toArray()).toEqual([[1]]); // 1 − tanh²(0)
    expect(linear(Z).toArray()).toEqual([[-1, 0, 2]]);
    expect(softmax(M([[0], [0]])).toArray()).toEqual([[0.5], [0.5]]);
    expect(activation('x^2', { name: 'square' }).derivative(Z).toArray()).toEqual([[-2, 0, 4]]);
  });
});

describe('a Network takes mathjs matrices', () => {
  const layers = [
    { weights: M([[1], [-1]]), biases: M([0, 0.5]) },
    { weights: M([[1, 1], [2, -1]]), biases: M([-1, 0]) },
    { weights: M([[1, -1]]), biases: M([0.25]) },
  ];
  const net = Network.fromWeights(layers);

  it('Network.fromWeights: mathjs weights and mathjs 1-D bias vectors', () => {
    expect(net.sizes).toEqual([1, 2, 2, 1]);
    expect(Array.from(net.layers[0].biases.data)).toEqual([0, 0.5]);
  });
  it("forward and trace: X a mathjs matrix (the README's numbers)", () => {
    const X = M([[-2, -1, 0, 1, 2]]);
    expect(net.forward(X).toArray()).toEqual([[1.75, 0.75, 0.25, -1.75, -2.75]]);
    expect(net.trace(X)[0].z.toArray()).toEqual([[-2, -1, 0, 1, 2], [2.5, 1.5, 0.5, -0.5, -1.5]]);
  });
  it('predict: a mathjs matrix of samples as rows, or a mathjs 1-D vector of one-number samples', () => {
    expect(net.predict(M([[-2], [0], [2]]))).toEqual([1.75, 0.25, -2.75]);
    expect(net.predict(M([-2, 0, 2]))).toEqual([1.75, 0.25, -2.75]);
  });
});

describe('Matrix#toMathjs and Matrix.fromMathjs', () => {
  it('toMathjs gives a mathjs DenseMatrix of the same size and entries', () => {
    const m = Matrix.from([[1, 2, 3], [4, 5, 6]]).toMathjs();
    expect(math.isMatrix(m)).toBe(true);
    expect(m.size()).toEqual([2, 3]);
    expect(m.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
  });
  it('round-trips doubles exactly: -0, 0.1 + 0.2, the smallest subnormal and −MAX_VALUE', () => {
    const original = Matrix.from([[-0, 0.1 + 0.2], [5e-324, -1.7976931348623157e308]]);
    const back = Matrix.fromMathjs(original.toMathjs());
    expect(back).not.toBe(original);
    expect(Object.is(back.get(0, 0), -0)).toBe(true);
    expect(Array.from(back.data)).toEqual(Array.from(original.data));
  });
  it('round-trips a seeded random matrix through mathjs and back, bit for bit', () => {
    const original = randomMatrix(5, 3, { seed: 21 });
    expect(Matrix.fromMathjs(original.toMathjs()).data).toEqual(original.data);
  });
  it('fromMathjs then toMathjs gives back an equal mathjs matrix', () => {
    const m = M([[1, -2], [0.5, 4]]);
    expect(math.deepEqual(Matrix.fromMathjs(m).toMathjs(), m)).toBe(true);
  });
});

describe('mathjs is loaded only when a feature uses it', () => {
  it('no module of src imports mathjs at load time except through mathjs-loader.ts', () => {
    const dir = join(__dirname, '..', 'src');
    const offenders = readdirSync(dir)
      .filter((file) => file.endsWith('.ts') && file !== 'mathjs-loader.ts')
      .filter((file) => {
        const source = readFileSync(join(dir, file), 'utf8');
        return /^import\s+(?!type\b)[^;]*['"]mathjs['"]/m.test(source) || /(require|await\s+import)\(\s*['"]mathjs['"]/.test(source);
      });
    expect(offenders).toEqual([]);
  });
  it("importing the library does not load mathjs; toMathjs() does (checked in a fresh Node process)", () => {
    const probe = [
      "import { createRequire } from 'node:module';",
      'const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes("/node_modules/mathjs/"));',
      `const lib = await import(${JSON.stringify(join(__dirname, '..', 'src', 'index.ts'))});`,
      'const before = loaded();',
      'lib.matrix([[1]]).toMathjs();',
      'console.log(JSON.stringify({ before, after: loaded() }));',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ before: false, after: true });
  });
});
