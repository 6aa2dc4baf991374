/**
 * Exercises 1–4, the forward pass: relu, applyWeights, twoNode, and the article network nested by hand.
 * Each compares the learner's function with the library's on hand-checkable and seeded random inputs;
 * the mistakes listed are the ones learners make, each with the numbers it gives and what to fix.
 */
import {
  ARTICLE_LAYERS,
  Matrix,
  applyWeights,
  articleNetwork,
  hstack,
  kinks,
  map,
  matrix,
  multiply,
  randomMatrix,
  relu,
  subtract,
  transpose,
  twoNode,
  vstack,
} from '../../../src/index.js';
import { type Args, type Case, type Exercise, type Grid, type Own, num, same } from './runner.js';

const grid = (m: { toArray(): number[][] }): Grid => m.toArray();
const random = (rows: number, cols: number, seed: number, scale = 2): Grid => grid(randomMatrix(rows, cols, { seed, scale }));
const column = (b: number[]): Grid => b.map((v) => [v]);
/** A value a learner's function returned, as rows (a Matrix or plain arrays). */
const rows = (value: unknown): Grid => (value instanceof Matrix ? value.toArray() : (value as Grid));

export const reluExercise: Exercise = {
  n: 1,
  file: '1-relu.ts',
  name: 'relu',
  params: ['Z'],
  outputs: [{ name: 'A', shape: 'the same shape as Z, one entry per entry of Z' }],
  cases: () =>
    [[[-2, 0, 3]], [[1.5, -0.5], [-4, 2]], random(3, 5, 1, 3)].map((Z): Case => ({ args: [Z], want: { A: grid(relu(Z)) } })),
  mistakes: [
    { field: 'A', wrong: ([Z]) => grid(map(Z, (z) => Math.min(0, z))), hint: 'ReLU keeps what is above 0 and cuts off what is below: max(0, z), not min(0, z)' },
    { field: 'A', wrong: ([Z]) => grid(map(Z, (z) => Math.max(0, -z))), hint: 'the sign is flipped: relu(3) is 3 and relu(−2) is 0 (max(0, z), not max(0, −z))' },
    { field: 'A', wrong: ([Z]) => grid(map(Z, (z) => -Math.max(0, z))), hint: 'the sign is flipped: relu(3) is 3, not −3 (max(0, z), with no minus)' },
    { field: 'A', wrong: ([Z]) => grid(map(Z, (z) => Math.abs(z))), hint: 'negative values must become 0, not positive: ReLU is max(0, z), not |z|' },
    { field: 'A', wrong: ([Z]) => Z, hint: 'nothing was cut off: every negative entry must become 0 (max(0, z))' },
    { field: 'A', wrong: ([Z]) => grid(map(Z, (z) => (z > 0 ? 1 : 0))), hint: "that is ReLU's slope g′(z), 0 or 1 (exercise 5 needs it); here compute its value, max(0, z)" },
  ],
  built: () =>
    'ReLU, the article\'s activation: A = max(0, Z), entry by entry. Every bend (kink) of a ReLU network is a place where some neuron\'s z crosses 0 and your max switches sides.',
};

export const applyWeightsExercise: Exercise = {
  n: 2,
  file: '2-apply-weights.ts',
  name: 'applyWeights',
  params: ['A', 'W', 'b'],
  outputs: [{ name: 'Z', shape: "nOut × samples: one row per neuron (W's rows), one column per sample (A's columns)" }],
  cases: () =>
    [
      [[[1], [2]], [[3, -1]], [0.5]], // the article's one-neuron step: 3·1 − 1·2 + 0.5 = 1.5
      [[[1, 2], [3, 4]], [[1, 0], [2, -1]], [10, 20]],
      [random(3, 4, 2), random(2, 3, 3), random(1, 2, 4)[0]],
    ].map((args): Case => ({ args, want: { Z: grid(applyWeights(args[0] as Grid, args[1] as Grid, args[2] as number[])) } })),
  mistakes: [
    { field: 'Z', wrong: ([A, W]) => grid(multiply(W, A)), hint: 'the bias is missing: Z = W·A + b, so add b[i] to every entry of row i (neuron i)' },
    { field: 'Z', wrong: ([A, W, b]) => grid(subtract(multiply(W, A), column(b))), hint: 'the bias is subtracted: Z = W·A + b, plus b' },
    { field: 'Z', wrong: ([A, W, b]) => grid(map(multiply(W, A), (z, _i, j) => z + b[j])), hint: 'the bias is added along the wrong axis: b has one entry per neuron, so row i (neuron i) gets b[i] in every column; you added b[j] to column j' },
    { field: 'Z', wrong: ([A, W, b]) => grid(map(multiply(W, A), (z, i, j) => (j === 0 ? z + b[i] : z))), hint: "the bias reached only the first sample: b is added to every column (every sample), b[i] to each entry of row i" },
    { field: 'Z', wrong: ([A, W, b]) => grid(map(multiply(W, A), (z, i) => z * b[i])), hint: 'the bias is multiplied: Z = W·A + b, b is added' },
    { field: 'Z', wrong: ([A, W, b]) => grid(transpose(applyWeights(A, W, b))), hint: 'your Z is transposed: one row per neuron (Z[i] is neuron i), one column per sample' },
    { field: 'Z', wrong: ([A, W, b]) => grid(map(multiply(transpose(W), A), (z, i) => z + b[i])), hint: "W is used transposed: row i of W holds neuron i's weights, so Z[i][j] = Σₖ W[i][k]·A[k][j] + b[i] (you used W[k][i])" },
  ],
  onThrow: (message) =>
    /reading/.test(message)
      ? 'an index went past the end of an array: the loops run i over the neurons (W.length), j over the samples (A[0].length), k over the inputs (A.length), and Z[i][j] sums W[i][k]·A[k][j]'
      : /multiply|rows|columns|cols/.test(message)
        ? "W·A needs W's columns to match A's rows: W is nOut × nIn, A is nIn × samples, so multiply(W, A), in that order"
        : undefined,
  explain: ([A, W, b], _field, i, j) => {
    const terms = (W as Grid)[i].map((w, k) => `${num(w)}·${num((A as Grid)[k][j])}`).join(' + ');
    const Z = grid(applyWeights(A as Grid, W as Grid, b as number[]));
    return `By hand: Z[${i}][${j}] = Σₖ W[${i}][k]·A[k][${j}] + b[${i}] = ${terms} + ${num((b as number[])[i])} = ${num(Z[i][j])}`;
  },
  built: () =>
    "applyWeights: a whole layer's weighted sums at once, Z = W·A + b, one row per neuron, one column per sample. With W a single row it is the article's one-neuron step; the library's applyWeights (src/core/steps.ts) computes the same.",
};

const neuron = (A: Grid, W: Grid, b: number[], i: number) => applyWeights(A, [W[i]], [b[i]]);

/** Said after a NaN in exercises 3 and 4, where the learner's own functions (which pass their checks) are called. */
const NAN_IN_A_CALL =
  "If the functions you call pass their own checks, the NaN comes from how you call them: applyWeights(A, W, b) takes what comes in (A) first, then W, a matrix (an array of rows), then b, a list of numbers";

export const twoNodeExercise: Exercise = {
  n: 3,
  file: '3-two-node.ts',
  name: 'twoNode',
  params: ['A', 'W', 'b'],
  outputs: [{ name: 'Z', shape: '2 × samples: neuron 1 in row 1, neuron 2 in row 2' }],
  cases: () =>
    [
      [[[1, 2]], [[2], [-3]], [1, 5]], // neuron 1: 2x + 1, neuron 2: −3x + 5
      [[[1, 2], [3, 4]], [[1, 0], [2, -1]], [10, 20]],
      [random(3, 4, 5), random(2, 3, 6), random(1, 2, 7)[0]],
    ].map((args): Case => ({ args, want: { Z: grid(twoNode(args[0] as Grid, args[1] as Grid, args[2] as number[])) } })),
  mistakes: [
    { field: 'Z', wrong: ([A, W, b]) => grid(vstack(neuron(A, W, b, 1), neuron(A, W, b, 0))), hint: "the neurons are in the wrong order: neuron 1 (W's first row and b[0]) goes on top, neuron 2 below" },
    { field: 'Z', wrong: ([A, W, b]) => grid(vstack(neuron(A, W, b, 0), neuron(A, W, [b[1], b[0]], 1))), hint: 'each neuron has its own bias: neuron 2 adds b[1], not b[0]' },
    { field: 'Z', wrong: ([A, W, b]) => grid(vstack(neuron(A, W, b, 0), neuron(A, W, b, 0))), hint: "both rows are neuron 1: neuron 2 uses W's second row (W[1]) and b[1]" },
    { field: 'Z', wrong: ([A, W]) => grid(multiply(W, A)), hint: 'the biases are missing: each neuron is applyWeights(A, [W[i]], [b[i]]), its weighted sum plus its bias' },
    { field: 'Z', wrong: ([A, W, b]) => grid(hstack(neuron(A, W, b, 0), neuron(A, W, b, 1))), hint: 'the two neurons are side by side (hstack): stack them as rows, one row per neuron ([...top, ...bottom], or vstack(top, bottom))' },
    { field: 'Z', wrong: ([A, W, b]) => grid(neuron(A, W, b, 0)), hint: 'only neuron 1 is there: twoNode returns both neurons, stacked as two rows' },
    // W[0] where [W[0]] is meant, b[0] where [b[0]] is meant, or both: replayed through the learner's own applyWeights.
    ...[
      (W: Grid, b: number[], i: number) => [W[i], [b[i]]],
      (W: Grid, b: number[], i: number) => [W[i], b[i]],
      (W: Grid, b: number[], i: number) => [[W[i]], b[i]],
    ].map((pick) => ({
      field: 'Z',
      wrong: ([A, W, b]: Args, own: Own) =>
        [0, 1].flatMap((i) => rows(own.applyWeights(A, ...(pick(W, b, i) as [Grid, number[]])))),
      replaysOwn: true,
      hint: "W[0] is neuron 1's weights as a plain list of numbers (and b[0] its bias, a single number), but applyWeights takes W as a matrix, an array of rows, and b as a list: pass [W[0]] and [b[0]], a matrix of one row and a list of one bias, as applyWeights(A, [W[0]], [b[0]]) (and [W[1]], [b[1]] for neuron 2)",
    })),
  ],
  onNaN: NAN_IN_A_CALL,
  onThrow: (message) =>
    /rows|columns|cols/.test(message)
      ? "each neuron is applyWeights(A, [W[i]], [b[i]]): one row of W (as a 1-row matrix) and one bias (as a 1-entry list)"
      : undefined,
  built: () =>
    "twoNode: a layer built the article's way, one neuron at a time (applyWeights with one row of W and one bias), the rows then stacked. It equals applyWeights(A, W, b) on the whole layer, which is why a Network needs no twoNode.",
  uses: [2],
};

/** The article network's weights and biases as plain arrays, by the names of docs/naming.md: W1, b1, w35, w46, b3, b4, w7, b5. */
const [L1, L2, L3] = ARTICLE_LAYERS.map(({ weights, biases }) => ({ W: grid(matrix(weights as Grid)), b: grid(matrix([biases as number[]]))[0] }));
export const ARTICLE: Record<string, Grid | number[] | number> = {
  W1: L1.W,
  b1: L1.b,
  w35: [L2.W[0]],
  w46: [L2.W[1]],
  b3: L2.b[0],
  b4: L2.b[1],
  w7: L3.W,
  b5: L3.b[0],
};

/** The article network with some steps left out or misplaced: what each mistake computes. */
function articleVariant(X: Grid, change: { relu?: [boolean, boolean, boolean]; bias?: [boolean, boolean, boolean]; reluFirst?: boolean }): Grid {
  const { relu: g = [true, true, false], bias = [true, true, true], reluFirst = false } = change;
  let A = X;
  for (const [l, { W, b }] of [L1, L2, L3].entries()) {
    const input = reluFirst ? grid(relu(A)) : A; // relu on what goes in (x included), not on what comes out
    const Z = grid(applyWeights(input, W, bias[l] ? b : W.map(() => 0)));
    A = g[l] && !reluFirst ? grid(relu(Z)) : Z;
  }
  return A;
}

/**
 * The article network computed with the learner's own relu and applyWeights, A and W swapped in the layers
 * `swap` marks (applyWeights(W1, X, b1)), layer 2 called once (stacked) or per neuron (out3, out4).
 */
function swappedCalls(X: Grid, own: Own, swap: boolean[], perNeuron: boolean): Grid {
  const call = (A: Grid, W: Grid, b: number[], swapped: boolean) => rows(swapped ? own.applyWeights(W, A, b) : own.applyWeights(A, W, b));
  const act1 = rows(own.relu(call(X, L1.W, L1.b, swap[0])));
  const out5 = perNeuron
    ? [...call(act1, [L2.W[0]], [L2.b[0]], swap[1]), ...call(act1, [L2.W[1]], [L2.b[1]], swap[1])]
    : call(act1, L2.W, L2.b, swap[1]);
  return call(rows(own.relu(out5)), L3.W, L3.b, swap[2]);
}

/** Every way of swapping A and W in at least one of the three layers, with layer 2 stacked or per neuron. */
const SWAPS = [1, 2, 3, 4, 5, 6, 7].flatMap((bits) =>
  [false, true].map((perNeuron) => ({ swap: [bits & 1, bits & 2, bits & 4].map(Boolean), perNeuron })),
);

export const articleForwardExercise: Exercise = {
  n: 4,
  file: '4-article-forward.ts',
  name: 'articleForward',
  params: ['X'],
  outputs: [{ name: 'ŷ', shape: '1 × samples: one prediction per sample (column of X)' }],
  before: (module) => {
    for (const [name, value] of Object.entries(ARTICLE)) {
      if (module[name] !== undefined && !same(toRows(module[name]), toRows(value))) {
        return `your ${name} is ${JSON.stringify(module[name])} but the article's is ${JSON.stringify(value)} (src/network/article.ts, ARTICLE_LAYERS; the names are docs/naming.md's): put the weights back`;
      }
    }
    return undefined;
  },
  cases: () =>
    [[[-3, 0, 3]], [[-2, -1, 0.5, 1, 2]], random(1, 8, 8, 3)].map((X): Case => ({ args: [X], want: { ŷ: grid(articleNetwork().forward(X)) } })),
  mistakes: [
    { field: 'ŷ', wrong: ([X]) => articleVariant(X, { relu: [false, false, false] }), hint: 'there is no ReLU: without relu the three layers collapse into one straight line. Apply relu after layer 1 and after layer 2' },
    { field: 'ŷ', wrong: ([X]) => articleVariant(X, { relu: [false, true, false] }), hint: "layer 1's ReLU is missing: act1 = relu(out1), with out1 = applyWeights(X, W1, b1)" },
    { field: 'ŷ', wrong: ([X]) => articleVariant(X, { relu: [true, false, false] }), hint: "layer 2's ReLU is missing: act5 = relu(out5), out3 and out4 stacked" },
    { field: 'ŷ', wrong: ([X]) => articleVariant(X, { relu: [true, true, true] }), hint: 'the output has a ReLU it should not have: the prediction is a plain weighted sum, applyWeights(act5, w7, [b5]), so it can be negative (ŷ = −1 at x = 3)' },
    { field: 'ŷ', wrong: ([X]) => articleVariant(X, { bias: [false, true, true] }), hint: "layer 1's biases b1 are missing: z₁ = x + 1, z₂ = −x + 1" },
    { field: 'ŷ', wrong: ([X]) => articleVariant(X, { bias: [true, false, true] }), hint: "layer 2's biases b3 and b4 are missing: z₃ = a₁ + a₂ − 2.5, z₄ = a₁ − a₂ − 0.5" },
    { field: 'ŷ', wrong: ([X]) => articleVariant(X, { bias: [true, true, false] }), hint: "the output's bias b5 is missing: ŷ = a₃ − a₄ + 1" },
    { field: 'ŷ', wrong: ([X]) => articleVariant(X, { reluFirst: true }), hint: 'relu is applied to what goes into each layer (x included): it belongs after each hidden weighted sum, A = relu(W·A + b), and x goes in as it is' },
    ...SWAPS.map(({ swap, perNeuron }) => ({
      field: 'ŷ',
      wrong: ([X]: Grid[], own: Own) => swappedCalls(X, own, swap, perNeuron),
      replaysOwn: true,
      hint: "applyWeights takes what comes in first, then the weights: applyWeights(X, W1, b1) computes W1·X + b1. With the two swapped, as in applyWeights(W1, X, b1), your applyWeights reads W1 as the samples and X as the weights",
    })),
  ],
  onNaN: NAN_IN_A_CALL,
  onThrow: (message) =>
    /rows|columns|cols|shape/i.test(message)
      ? "the layers nest from the inside out: layer 1 (W1, 2×1) takes X, one input row; layer 2 (w35 and w46, 1×2 each) takes act1, layer 1's two rows; the output (w7, 1×2) takes act5, layer 2's two rows, and gives the prediction"
      : undefined,
  explain: ([X], _field, _i, j) => {
    const x = (X as Grid)[0][j];
    const [one, two, out] = articleNetwork().trace([[x]]);
    const pair = (m: { toArray(): number[][] }) => m.toArray().map((r) => num(r[0])).join(', ');
    return `For x = ${num(x)} the article network computes out1 = z₁, z₂ = ${pair(one.z)} → act1 = a₁, a₂ = ${pair(one.a)}; out5 = z₃, z₄ = ${pair(two.z)} → act5 = a₃, a₄ = ${pair(two.a)}; prediction ŷ = ${pair(out.a)}. Print your steps (console.log) and find the first one that differs`;
  },
  built: () => {
    const { breakpoints } = kinks(articleNetwork(), { domain: [-3, 3] });
    const at = breakpoints.map(num);
    return `the article network's forward pass: three weighted sums and two ReLUs, nested. net.forward does exactly this for any list of layers. Your function bends at x = ${at.slice(0, -1).join(', ')} and ${at.at(-1)}: the ${breakpoints.length} kinks of the article's picture, which kinks(articleNetwork()) finds exactly.`;
  },
  uses: [1, 2],
};

function toRows(value: unknown): Grid {
  if (typeof value === 'number') return [[value]];
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return [value as number[]];
  return Array.isArray(value) ? (value as Grid) : [];
}
