/**
 * Exercises 5 and 6, learning: one layer's backward step, checked against `backwardTrace`, and one
 * gradient-descent step, checked against the library's `sgd`. The cases are the article network's
 * layer 2 (hand-checkable) and a seeded random network whose layer 2 is not square, so that every
 * transposition shows as a shape.
 */
import {
  Network,
  articleNetwork,
  backwardTrace,
  datasets,
  hadamard,
  map,
  matrix,
  multiply,
  randomMatrix,
  scale,
  sgd,
  sumRows,
  transpose,
} from '../../../src/index.js';
import { type Case, type Exercise, type Grid, num } from './runner.js';

const grid = (m: { toArray(): number[][] }): Grid => m.toArray();
const slope = (Z: Grid) => map(Z, (z) => (z > 0 ? 1 : 0)); // ReLU's g′(z), with g′(0) = 0 as the library takes it
const samples = (Z: Grid) => Z[0].length;

/** Layer `l` (counting from 1, l ≥ 2) of backwardTrace: the inputs a backward step gets and what it must give. */
function layerCase(net: Network, X: Grid, Y: Grid, l: number): Case {
  const steps = backwardTrace(net, X, Y, { loss: 'mse' });
  const { dA, z, input, dZ, dW, db } = steps[l - 1];
  return {
    args: [grid(dA), grid(z), grid(input), grid(net.layers[l - 1].weights)],
    want: { dZ: grid(dZ), dW: grid(dW), db: grid(db), dAprev: grid(steps[l - 2].dA) },
  };
}

const dZOf = ([dA, Z]: Grid[]) => hadamard(dA, slope(Z)); // dZ = dA ⊙ g′(Z)

export const backwardStepExercise: Exercise = {
  n: 5,
  file: '5-backward-step.ts',
  name: 'backwardStep',
  params: ['dA', 'Z', 'Aprev', 'W'],
  outputs: [
    { name: 'dZ', shape: 'nOut × m, the same shape as Z' },
    { name: 'dW', shape: 'nOut × nIn, the same shape as W' },
    { name: 'db', shape: 'nOut × 1, one entry per neuron (a plain list of nOut numbers will do)', column: true },
    { name: 'dAprev', shape: 'nIn × m, the same shape as Aprev' },
  ],
  read: (result) => (typeof result === 'object' && result !== null ? (result as Record<string, unknown>) : {}),
  cases: () => {
    const sine = (X: Grid) => [X[0].map(Math.sin)];
    const random = new Network({ layers: [2, 3, 4, 1], seed: 3 });
    return [
      layerCase(articleNetwork(), [[3]], [[0]], 2), // one sample: worked by hand in 5-backward-step.ts
      layerCase(articleNetwork(), [[0.25, -3]], [[0, 0]], 2), // at x = 0.25, z₄ is exactly 0
      layerCase(articleNetwork(), [[-2, 0.5, 2.5]], sine([[-2, 0.5, 2.5]]), 2),
      layerCase(random, grid(randomMatrix(2, 5, { seed: 5 })), grid(randomMatrix(1, 5, { seed: 6 })), 2),
    ];
  },
  mistakes: [
    { field: 'dZ', wrong: ([dA]) => dA, hint: "dZ = dA ⊙ g′(Z): multiply dA by ReLU's slope, 1 where z > 0 and 0 where z ≤ 0 (a neuron that was off passes no gradient back)" },
    { field: 'dZ', wrong: ([dA, Z]) => grid(hadamard(dA, map(Z, (z) => (z >= 0 ? 1 : 0)))), hint: 'at z = 0 exactly ReLU has no slope; the library takes g′(0) = 0: use z > 0, not z ≥ 0' },
    { field: 'dZ', wrong: ([dA, Z]) => grid(hadamard(dA, map(Z, (z) => (z > 0 ? 0 : 1)))), hint: 'the gate is the wrong way round: the gradient passes where z > 0 (the neuron is on) and stops where z ≤ 0' },
    { field: 'dZ', wrong: ([dA, Z]) => grid(hadamard(dA, Z)), hint: "multiply dA by ReLU's slope g′(z), which is 0 or 1, not by z itself" },
    { field: 'dZ', wrong: ([dA, Z]) => grid(hadamard(dA, map(Z, (z) => (z > 0 ? z : 0)))), hint: "multiply dA by ReLU's slope g′(z), which is 0 or 1, not by relu(z)" },
    { field: 'dZ', wrong: ([, Z]) => grid(slope(Z)), hint: "dZ = dA ⊙ g′(Z): you have the slope g′(Z) alone; multiply it by dA, entry by entry" },
    { field: 'dZ', wrong: ([dA, Z]) => grid(multiply(dA, transpose(slope(Z)))), hint: 'dA ⊙ g′(Z) is entry by entry (hadamard), not a matrix product' },
    { field: 'dW', wrong: (args) => grid(multiply(dZOf(args), transpose(args[2]))), hint: 'dW is missing the 1/m: dW = dZ·Aprevᵀ / m, divided by the number of samples m (the columns), because the loss is the mean over the samples' },
    { field: 'dW', wrong: (args) => grid(scale(multiply(args[2], transpose(dZOf(args))), 1 / samples(args[1]))), hint: "dW = dZ·Aprevᵀ / m, in that order: it has W's shape, nOut × nIn; yours is its transpose, Aprev·dZᵀ" },
    { field: 'dW', wrong: ([dA, Z, Aprev]) => grid(scale(multiply(dA, transpose(Aprev)), 1 / samples(Z))), hint: 'dW uses dZ, the gradient after the ReLU gate, not dA' },
    { field: 'dW', wrong: (args) => grid(scale(multiply(dZOf(args), args[2]), 1 / samples(args[1]))), hint: 'Aprev must be transposed: dW = dZ·Aprevᵀ / m (the sum runs over the samples, the columns of both)' },
    { field: 'db', wrong: (args) => grid(sumRows(dZOf(args))), hint: 'db is missing the 1/m: db = sumRows(dZ) / m, the mean over the samples' },
    { field: 'db', wrong: (args) => grid(transpose(scale(sumRows(transpose(dZOf(args))), 1 / samples(args[1])))), hint: "db sums over the wrong axis: each neuron's row of dZ is summed over the samples (the columns), giving one entry per neuron; you summed each sample's column over the neurons" },
    { field: 'db', wrong: ([dA, Z]) => grid(scale(sumRows(dA), 1 / samples(Z))), hint: 'db uses dZ, the gradient after the ReLU gate, not dA' },
    { field: 'dAprev', wrong: (args) => grid(multiply(args[3], dZOf(args))), hint: "W must be transposed: dAprev = Wᵀ·dZ, W's transpose (nIn × nOut) times dZ (nOut × m)" },
    { field: 'dAprev', wrong: ([dA, , , W]) => grid(multiply(transpose(W), dA)), hint: "dAprev = Wᵀ·dZ, not Wᵀ·dA: the gradient goes back through this layer's ReLU gate first" },
    { field: 'dAprev', wrong: (args) => grid(scale(multiply(transpose(args[3]), dZOf(args)), 1 / samples(args[1]))), hint: "dAprev has no 1/m: it holds each sample's own derivative; the 1/m enters once, at dW and db" },
    { field: 'dAprev', wrong: (args) => grid(hadamard(multiply(transpose(args[3]), dZOf(args)), slope(args[2]))), hint: "dAprev stops before the previous layer's ReLU: dAprev = Wᵀ·dZ; multiplying by that layer's slope is its own dZ step" },
  ],
  onThrow: (message) =>
    /rows|columns|cols/.test(message)
      ? 'check the shapes of each product: dW = dZ (nOut × m) · Aprevᵀ (m × nIn); dAprev = Wᵀ (nIn × nOut) · dZ (nOut × m)'
      : undefined,
  explain: ([dA, Z], field, i, j) =>
    field === 'dZ'
      ? `By hand: dZ[${i}][${j}] = dA[${i}][${j}]·g′(Z[${i}][${j}]) = ${num(dA[i][j])}·${Z[i][j] > 0 ? 1 : 0} (z = ${num(Z[i][j])})`
      : 'Check the equation in the task comment, and the shapes: each gradient has the shape of what it is the gradient of',
  built: () =>
    "one layer of backpropagation: the chain rule through ReLU (dZ), to the layer's weights and biases (dW, db), and back to the layer before (dAprev). backwardTrace runs this step for every layer from the output back (src/train/backward.ts), with the same names.",
  uses: [],
};

/** One sgd step of the library on a single layer (W, b) with gradients (dW, db): the reference for exercise 6. */
function sgdCase(W: Grid, b: number[], dW: Grid, db: number[], learningRate: number): Case {
  const net = Network.fromWeights([{ weights: W, biases: b }]);
  sgd({ learningRate }).step(net.layers, [{ dW: matrix(dW), db: matrix(db.map((v) => [v])) }]);
  return { args: [W, b, dW, db, learningRate], want: { W: grid(net.layers[0].weights), b: grid(net.layers[0].biases) } };
}

const flat = (column: { toArray(): number[][] }) => column.toArray().map((row) => row[0]);
const step = (W: Grid, dW: Grid, f: (w: number, g: number) => number): Grid => W.map((row, i) => row.map((w, k) => f(w, dW[i][k])));
const stepColumn = (b: number[], db: number[], f: (b: number, g: number) => number): Grid => b.map((v, i) => [f(v, db[i])]);

export const gradientStepExercise: Exercise = {
  n: 6,
  file: '6-gradient-step.ts',
  name: 'gradientStep',
  params: ['W', 'b', 'dW', 'db', 'learningRate'],
  outputs: [
    { name: 'W', shape: 'nOut × nIn, the same shape as the W given' },
    { name: 'b', shape: 'nOut entries, one per neuron, as the b given', column: true },
  ],
  read: (result) => {
    if (typeof result !== 'object' || result === null) return {};
    const { W, b } = result as { W?: unknown; b?: unknown };
    return { W, b: Array.isArray(b) && Array.isArray(b[0]) && b.length === 1 && b[0].length > 1 ? b[0] : b };
  },
  cases: () => {
    const net = articleNetwork();
    const { X, Y } = datasets.sine({ samples: 12, seed: 1 });
    const { dW, db } = net.gradients(X, Y, { loss: 'mse' }).layers[1];
    const { weights, biases } = net.layers[1];
    return [
      sgdCase([[1, 2]], [0.5], [[0.5, -1]], [2], 0.1), // worked by hand in 6-gradient-step.ts
      sgdCase(grid(weights), flat(biases), grid(dW), flat(db), 0.05), // the article network's layer 2
      sgdCase(grid(randomMatrix(4, 3, { seed: 9 })), grid(randomMatrix(1, 4, { seed: 10 }))[0], grid(randomMatrix(4, 3, { seed: 11 })), grid(randomMatrix(1, 4, { seed: 12 }))[0], 0.5),
    ];
  },
  mistakes: [
    { field: 'W', wrong: ([W, , dW, , eta]) => step(W, dW, (w, g) => w + eta * g), hint: 'W + η·dW climbs the loss: gradient descent steps against the gradient, W − η·dW' },
    { field: 'W', wrong: ([W, , dW]) => step(W, dW, (w, g) => w - g), hint: 'the learning rate is missing: W − η·dW, the gradient times learningRate' },
    { field: 'W', wrong: ([W, , dW, , eta]) => step(W, dW, (w, g) => w - g / eta), hint: 'multiply the gradient by the learning rate, do not divide: W − η·dW' },
    { field: 'W', wrong: ([W]) => W, hint: 'W did not move: return W − η·dW' },
    { field: 'b', wrong: ([, b, , db, eta]) => stepColumn(b, db, (v, g) => v + eta * g), hint: 'b + η·db climbs the loss: step against the gradient, b − η·db' },
    { field: 'b', wrong: ([, b, , db]) => stepColumn(b, db, (v, g) => v - g), hint: "the learning rate is missing from the biases' step: b − η·db" },
    { field: 'b', wrong: ([, b]) => b.map((v: number) => [v]), hint: 'the biases did not move: they learn too, b − η·db' },
  ],
  built: (fn) => {
    // What the learner built, at work: their step, repeated, with the library's gradients.
    const { X, Y } = datasets.sine({ samples: 25, seed: 1 });
    let net = articleNetwork();
    const before = net.gradients(X, Y, { loss: 'mse' }).loss;
    for (let t = 0; t < 300; t++) {
      const grads = net.gradients(X, Y, { loss: 'mse' }).layers;
      net = Network.fromWeights(
        net.layers.map((layer, l) => {
          const { W, b } = fn(grid(layer.weights), flat(layer.biases), grid(grads[l].dW), flat(grads[l].db), 0.05);
          return { weights: matrix(W), biases: Array.isArray(b) ? b.flat() : flat(b) };
        }),
      );
    }
    const after = net.gradients(X, Y, { loss: 'mse' }).loss;
    return `gradient descent. Your gradientStep, repeated 300 times with the library's gradients (learning rate 0.05), fits the article network to y = sin x at 25 points: the mean squared error falls from ${num(before)} to ${num(after)}. fit() runs this loop (optimizer 'sgd'), over minibatches.`;
  },
  uses: [],
};
