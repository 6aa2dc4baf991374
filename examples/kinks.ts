/**
 * The kinks of a ReLU network, exactly: where the article's [1, 2, 2, 1]
 * network bends, which neuron makes each bend, the whole network as one
 * formula, and then how the number of kinks grows with depth versus width.
 *
 * Run: npx tsx examples/kinks.ts
 */
import { Network, articleNetwork, kinks, formula } from '../src/index.js';

const DOMAIN: [number, number] = [-3, 3];
const round = (x: number, digits = 4) => Number(x.toFixed(digits));

// 1. The article's network: one input, two hidden layers of two ReLU neurons, one output,
//    with the hand-picked weights of src/network/article.ts (the demo's and the playground's network).
const net = articleNetwork();
const result = kinks(net, { domain: DOMAIN });

console.log(`The article's [1, 2, 2, 1] network, articleNetwork(), on x in [${DOMAIN.join(', ')}]`);
console.log(`\nIts output bends at ${result.breakpoints.length} places: x = ${result.breakpoints.map((x) => round(x)).join(', ')}`);
console.log('\nBetween the kinks it is a straight line:');
for (const piece of result.pieces) {
  const from = round(piece.from).toFixed(4).padStart(8);
  const to = round(piece.to).toFixed(4).padStart(8);
  const sign = piece.intercept < 0 ? '-' : '+';
  console.log(`  ${from} ≤ x ≤ ${to}:  y = ${round(piece.slope).toFixed(4).padStart(7)}·x ${sign} ${Math.abs(round(piece.intercept)).toFixed(4)}`);
}

console.log('\nWhere each hidden neuron switches (its z = w·a + b crosses 0):');
for (const neuron of result.neurons) {
  const where = neuron.breakpoints.length ? `x = ${neuron.breakpoints.map((x) => round(x)).join(', ')}` : 'never, on this domain';
  const bends = neuron.breakpoints.filter((x) => result.breakpoints.includes(x));
  const note = neuron.breakpoints.length && bends.length < neuron.breakpoints.length ? '  (no kink in the output there: nothing after it passes the change on)' : '';
  console.log(`  layer ${neuron.layer}, node ${neuron.node}: ${where}${note}`);
}

console.log('\nThe whole network as one formula (weights rounded to 4 digits for reading):');
console.log(`  y = ${formula(net).toString({ precision: 4 })}`);

// 2. Depth versus width, for the same number of neurons.
// Each neuron bends a line at most once per linear piece of its input, so a layer of width n
// multiplies the pieces by at most n + 1: at most (n₁ + 1)·…·(n_L + 1) − 1 kinks. Depth makes
// that bound explode, but randomly initialised networks come nowhere near it: their kink count
// stays close to the number of neurons (Hanin & Rolnick, "Complexity of linear regions in deep
// networks", 2019). Weights chosen by hand can reach exponentially many: the sawtooth below
// (Telgarsky, "Benefits of depth in neural networks", 2016) folds [0, 1] in two at every layer.
const SEEDS = 20;
const WIDE = 1000; // domain [-1000, 1000]: in practice every kink of these networks

/** A [1, 2, …, 2, 1] network whose every layer applies the tent map t(x) = 2·relu(x) − 4·relu(x − 0.5). */
function sawtooth(depth: number): Network {
  const first = { weights: [[1], [1]], biases: [0, -0.5] }; // relu(x), relu(x − 0.5)
  const fold = { weights: [[2, -4], [2, -4]], biases: [0, -0.5] }; // t of the layer before, and t − 0.5
  return Network.fromWeights([first, ...Array(depth - 1).fill(fold), { weights: [[2, -4]], biases: [0] }]);
}

const rows: string[][] = [];
for (const neurons of [12, 24]) {
  for (const depth of [1, 2, 3, 4, 6]) {
    const width = neurons / depth;
    const layers = [1, ...Array(depth).fill(width), 1];
    const counts = Array.from({ length: SEEDS }, (_, s) => kinks(new Network({ layers, seed: s + 1 }), { domain: [-WIDE, WIDE] }).breakpoints.length);
    const mean = counts.reduce((a, b) => a + b, 0) / SEEDS;
    rows.push([JSON.stringify(layers), String(neurons), mean.toFixed(1), `${Math.min(...counts)}–${Math.max(...counts)}`, String((width + 1) ** depth - 1)]);
  }
  const depth = neurons / 2;
  const saw = kinks(sawtooth(depth), { domain: [0, 1] }).breakpoints.length;
  rows.push([`sawtooth, ${depth} layers of 2`, String(neurons), String(saw), 'by hand', String(3 ** depth - 1)]);
}

console.log(`\nKinks versus depth and width: ${SEEDS} seeds each (he init), counted on [-${WIDE}, ${WIDE}]`);
const header = ['layers', 'neurons', 'kinks (mean)', 'fewest–most', 'upper bound'];
const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
const line = (cells: string[]) => '  ' + cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ');
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const row of rows) console.log(line(row));
console.log('\nDepth raises the ceiling exponentially; random weights stay near one kink per neuron; trained or');
console.log('hand-made weights can use the depth (the sawtooth doubles its kinks with every layer of 2 neurons).');
