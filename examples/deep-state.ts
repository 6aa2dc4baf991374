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
  articleNetwork,
  kinks,
  matrix,
  randomMatrix,
  relu,
  ARTICLE_LAYERS,
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

const DOMAIN: [number, number] = [-3, 3];

/** How many times a network's output bends for x in DOMAIN: exact, from kinks(). */
function bends(layers: { weights: Matrix | number[][]; biases: Matrix | number[] }[]): number {
  return kinks(Network.fromWeights(layers), { domain: DOMAIN }).breakpoints.length;
}

console.log('== The inputs: one feature (one row), one column per sample');
const X = randomMatrix(1, SAMPLES, { seed: 7, scale: 3 }); // x in [−3, 3)
show('X', X);

// The article's network, with weights chosen to be read (src/network/article.ts, the same network
// the pictures in docs/ and the playground start from): layer by layer, one row per neuron.
const [first, second, output] = ARTICLE_LAYERS.map(({ weights, biases }) => ({
  W: matrix(weights as number[][]),
  b: Array.from(biases as number[]),
}));

console.log('\n== Layer 1: inputs times weights plus biases, then ReLU');
const W1 = first.W; // one row per neuron of layer 1, one column per input: z₁ = x + 1, z₂ = −x + 1
const b1 = matrix(first.b.map((b) => [b])); // one bias per neuron, as a column
show('W1', W1);
show('b1', b1);
const out1 = applyWeights(X, W1, b1); // Z¹ = W¹·X + b¹
show('out1 = applyWeights(X, W1, b1)', out1);
const act1 = relu(out1); // A¹ = relu(Z¹): every negative number becomes 0
show('act1 = relu(out1)', act1);

console.log('\n== Layer 2, one neuron at a time: weights w35 and w46, biases b3 and b4');
const w35 = matrix([second.W.row(0)]); // top neuron's weights from neurons 1 and 2: z₃ = a₁ + a₂ − 2.5
const w46 = matrix([second.W.row(1)]); // bottom neuron's weights from neurons 1 and 2: z₄ = a₁ − a₂ − 0.5
const [b3, b4] = second.b;
show('w35', w35);
show('w46', w46);
console.log(`\nb3 = ${b3}\nb4 = ${b4}`);
const out3 = applyWeights(act1, w35, b3); // the top neuron: w35·act1 + b3
const out4 = applyWeights(act1, w46, b4); // the bottom neuron: w46·act1 + b4
const layer1 = { weights: W1, biases: b1 };
const kinks3 = bends([layer1, { weights: w35, biases: [b3] }]);
const kinks4 = bends([layer1, { weights: w46, biases: [b4] }]);
show('out3 = applyWeights(act1, w35, b3)', out3, `(as a function of x in [-3, 3]: ${kinks3} kink${kinks3 === 1 ? '' : 's'})`);
show('out4 = applyWeights(act1, w46, b4)', out4, `(as a function of x in [-3, 3]: ${kinks4} kink${kinks4 === 1 ? '' : 's'})`);
console.log('Each is a line bent where a layer-1 neuron switches on or off: at most 2 kinks.');

console.log('\n== Both neurons stacked into one layer: twoNode');
const W2 = vstack(w35, w46);
const out5 = twoNode(act1, W2, [b3, b4]); // = vstack(out3, out4)
show('out5 = twoNode(act1, vstack(w35, w46), [b3, b4])', out5);
const sameAsStacked = out5.data.every((v, n) => v === vstack(out3, out4).data[n]);
console.log(`twoNode equals vstack(out3, out4): ${sameAsStacked}`);
const act5 = relu(out5);
show('act5 = relu(out5)', act5);

console.log('\n== The prediction: a final weighted sum plus a bias');
const w7 = output.W; // ŷ = a₃ − a₄ + 1
const [b5] = output.b;
show('w7', w7);
console.log(`\nb5 = ${b5}`);
const prediction = applyWeights(act5, w7, b5);
show('prediction = applyWeights(act5, w7, b5)', prediction);
const article = kinks(
  Network.fromWeights([layer1, { weights: vstack(w35, w46), biases: [b3, b4] }, { weights: w7, biases: [b5] }]),
  { domain: DOMAIN },
);
console.log(`For x in [-3, 3] the prediction bends ${article.breakpoints.length} times, at x = ${article.breakpoints.map((b) => b.toFixed(3)).join(', ')}.`);
for (const neuron of article.neurons) {
  const where = neuron.breakpoints.map((b) => b.toFixed(3)).join(', ');
  console.log(`  layer ${neuron.layer}, node ${neuron.node} ${where ? `switches at x = ${where}` : 'never switches in [-3, 3]'}`);
}
console.log('A layer-1 neuron bends every line after it once; a layer-2 neuron adds a kink wherever its own z crosses 0.');

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
const same = JSON.stringify(net.toJSON()) === JSON.stringify(articleNetwork().toJSON());
console.log(`it is articleNetwork(), the network of the pictures in docs/ and of the playground: ${same}`);

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
const deepKinks = kinks(deep, { domain: DOMAIN });
console.log(`For x in [-3, 3] it bends ${deepKinks.breakpoints.length} times, at x = ${deepKinks.breakpoints.map((b) => b.toFixed(3)).join(', ')}`);
console.log('(npx tsx examples/kinks.ts shows how the number of kinks grows with depth and width.)');
