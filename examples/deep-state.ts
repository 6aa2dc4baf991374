/**
 * The article "Uncovering the deep state of neural networks", step by step:
 * a network with one input, two hidden layers of two ReLU neurons, one output.
 * Every intermediate is printed with the article's name, its shape and its
 * first columns; then a Network does the same in one call, and again with
 * ten hidden layers.
 *
 * Run it:  npx tsx examples/deep-state.ts   (or: npm run demo)
 */
import {
  type Matrix,
  Network,
  applyWeights,
  map,
  matrix,
  randomMatrix,
  relu,
  twoNode,
  vstack,
} from '../src/index.js';

const SAMPLES = 300;
const SHOWN = 5;

/** Prints a matrix's name, its shape, and its first few columns, as the article's notebook does. */
function show(name: string, M: Matrix, note = ''): void {
  const firstColumns = matrix(M.toArray().map((row) => row.slice(0, SHOWN)));
  const more = M.cols > SHOWN ? ` (first ${SHOWN} of ${M.cols} columns)` : '';
  console.log(`\n${name}: ${M.rows}×${M.cols}${more}${note ? `  ${note}` : ''}`);
  console.log(firstColumns.toString());
}

/** The number of places where a row's slope changes, found by scanning sorted inputs. */
function countSlopeChanges(x: number[], y: number[]): number {
  const order = x.map((_, n) => n).sort((a, b) => x[a] - x[b]);
  let changes = 0;
  let previous: number | undefined;
  for (let n = 1; n < order.length; n++) {
    const slope = (y[order[n]] - y[order[n - 1]]) / (x[order[n]] - x[order[n - 1]]);
    if (previous !== undefined && Math.abs(slope - previous) > 1e-9 * (1 + Math.abs(previous))) changes++;
    previous = slope;
  }
  return changes;
}

console.log('== The inputs: one feature (one row), one column per sample');
const X = randomMatrix(1, SAMPLES, { seed: 7, scale: 3 }); // x in [−3, 3)
show('X', X);

console.log('\n== Layer 1: inputs times weights plus biases, then ReLU');
const W1 = randomMatrix(2, 1, { seed: 1 }); // one row per neuron of layer 1, one column per input
const b1 = randomMatrix(2, 1, { seed: 2 }); // one bias per neuron
show('W1', W1);
show('b1', b1);
const out1 = applyWeights(X, W1, b1); // Z¹ = W¹·X + b¹
show('out1 = applyWeights(X, W1, b1)', out1);
const act1 = relu(out1); // A¹ = relu(Z¹): every negative number becomes 0
show('act1 = relu(out1)', act1);

console.log('\n== Layer 2, one neuron at a time: weights w35 and w46, biases b3 and b4');
const w35 = randomMatrix(1, 2, { seed: 3 }); // top neuron's weights from neurons 1 and 2
const w46 = randomMatrix(1, 2, { seed: 4 }); // bottom neuron's weights from neurons 1 and 2
const b3 = randomMatrix(1, 1, { seed: 5 }).get(0, 0);
const b4 = randomMatrix(1, 1, { seed: 6 }).get(0, 0);
show('w35', w35);
show('w46', w46);
console.log(`\nb3 = ${b3}\nb4 = ${b4}`);
const out3 = applyWeights(act1, w35, b3); // the top neuron: w35·act1 + b3
const out4 = applyWeights(act1, w46, b4); // the bottom neuron: w46·act1 + b4
const x = Array.from(X.data);
show('out3 = applyWeights(act1, w35, b3)', out3, `(a line with ${countSlopeChanges(x, Array.from(out3.data))} kinks)`);
show('out4 = applyWeights(act1, w46, b4)', out4, `(a line with ${countSlopeChanges(x, Array.from(out4.data))} kinks)`);

console.log('\n== Both neurons stacked into one layer: twoNode');
const W2 = vstack(w35, w46);
const out5 = twoNode(act1, W2, [b3, b4]); // = vstack(out3, out4)
show('out5 = twoNode(act1, vstack(w35, w46), [b3, b4])', out5);
const sameAsStacked = out5.data.every((v, n) => v === vstack(out3, out4).data[n]);
console.log(`twoNode equals vstack(out3, out4): ${sameAsStacked}`);
const act5 = relu(out5);
show('act5 = relu(out5)', act5);

console.log('\n== The prediction: a final weighted sum plus a bias');
const w7 = randomMatrix(1, 2, { seed: 8 });
const b5 = randomMatrix(1, 1, { seed: 9 }).get(0, 0);
show('w7', w7);
console.log(`\nb5 = ${b5}`);
const prediction = applyWeights(act5, w7, b5);
show('prediction = applyWeights(act5, w7, b5)', prediction);
const kinks = countSlopeChanges(x, Array.from(prediction.data));
console.log(`Over these ${SAMPLES} inputs the prediction bends ${kinks} times (a [1, 2, 2, 1] network can bend at most 4 times).`);

console.log('\n== The same network as a Network: forward composes the same steps');
const net = Network.fromWeights([
  { weights: W1, biases: b1 },
  { weights: W2, biases: [b3, b4] },
  { weights: w7, biases: [b5] },
]);
const forward = net.forward(X);
const identical = forward.data.every((v, n) => v === prediction.data[n]);
console.log(`net.forward(X) equals the hand-nested steps, bit for bit: ${identical}`);
console.log(`net.predict([-1, 0, 1]) = ${JSON.stringify(net.predict([-1, 0, 1]))}`);

console.log('\n== Ten hidden layers of two neurons: nest relu(twoNode(...)) ten times');
const deep = new Network({ layers: [1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1], seed: 9 });
let A: Matrix = X; // A⁰ = X
for (const layer of deep.layers.slice(0, -1)) A = relu(twoNode(A, layer.weights, layer.biases));
const last = deep.layers[deep.layers.length - 1];
const nested = applyWeights(A, last.weights, last.biases);
const deepForward = deep.forward(X);
console.log(`layers: ${JSON.stringify(deep.sizes)}`);
show('deep.forward(X)', deepForward);
console.log(`equals ten nested relu(twoNode(...)) calls and a final applyWeights: ${deepForward.data.every((v, n) => v === nested.data[n])}`);
const deepKinks = countSlopeChanges(x, Array.from(deepForward.data));
console.log(`it bends ${deepKinks} times over the same inputs.`);
const flat = map(deepForward, (v) => Math.abs(v)).data.every((v) => v === Math.abs(deepForward.data[0]));
if (flat) console.log('(every hidden layer can switch neurons off: here the output is flat, a network "dead" on these inputs.)');
