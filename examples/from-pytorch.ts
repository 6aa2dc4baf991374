/**
 * The road in from PyTorch: networks trained in PyTorch and exported with
 * torch.onnx.export, opened here, where their inside can be read: the forward
 * pass layer by layer, the exact kinks, the whole network as one formula.
 *
 * The models are in test/fixtures/onnx/ (made by PyTorch 2.11, opset 17; their
 * README says how). The first is the article's network, its weights set by hand
 * in PyTorch:
 *
 *   model = nn.Sequential(nn.Linear(1, 2), nn.ReLU(), nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))
 *   torch.onnx.export(model, (x,), 'article_f64.onnx', input_names=['x'], output_names=['y'],
 *                     dynamic_axes={'x': {0: 'batch'}, 'y': {0: 'batch'}}, opset_version=17)
 *
 * Run it:  npx tsx examples/from-pytorch.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formula, kinks, linearRegion, matrix } from '../src/index.js';
import { loadOnnx } from '../src/node.js';

const fixture = (name: string) => fileURLToPath(new URL(`../test/fixtures/onnx/${name}`, import.meta.url));

// 1. The article's network, from PyTorch: nn.Linear is a Gemm node (W as PyTorch stores it, nOut × nIn), nn.ReLU a Relu.
const net = await loadOnnx(fixture('article_f64.onnx'));
console.log(`article_f64.onnx: layers ${JSON.stringify(net.sizes)}, activations ${net.layers.map((layer) => layer.activation.name).join(', ')}`);
const xs = [-2, -1, 0, 1, 2];
console.log('x           ', matrix([xs]).toString());
console.log('net.predict ', matrix([net.predict<number>(xs)]).toString());

// Its forward pass on x = 0.5, one layer at a time: Zˡ = Wˡ·Aˡ⁻¹ + bˡ, Aˡ = g(Zˡ).
console.log('\nThe forward pass on x = 0.5:');
for (const step of net.trace([[0.5]])) {
  console.log(`  layer ${step.layer}: z = ${step.z.toArray().flat().join(', ')}  →  a = ${step.a.toArray().flat().join(', ')}`);
}

// Where it bends, exactly, and which PyTorch neuron makes each bend.
const found = kinks(net, { domain: [-3, 3] });
console.log(`\nIts output bends at x = ${found.breakpoints.join(', ')}`);
for (const neuron of found.neurons) console.log(`  layer ${neuron.layer}, node ${neuron.node} switches at x = ${neuron.breakpoints.join(', ')}`);
console.log(`\nAs one formula: y = ${formula(net).toString()}`);

// 2. A network PyTorch trained on two moons ([2, 16, 16, 1], float32): the weights widen to float64 exactly,
//    and the predictions match onnxruntime's (from the fixture's .io.json).
const moons = await loadOnnx(fixture('moons_relu_gemm.onnx'));
const io = JSON.parse(readFileSync(fixture('moons_relu_gemm.io.json'), 'utf8')) as { x: number[][]; y_onnxruntime: number[][] };
const ours = moons.predict<number>(io.x);
const worst = Math.max(...ours.map((y, n) => Math.abs(y - io.y_onnxruntime[n][0]) / Math.abs(io.y_onnxruntime[n][0])));
console.log(`\nmoons_relu_gemm.onnx: layers ${JSON.stringify(moons.sizes)}; on its ${io.x.length} samples, the largest relative difference from onnxruntime is ${worst.toExponential(1)}`);

// Around one input the trained network is one linear map (its ReLUs on or off there): the logit's slope in x₁ and x₂.
const region = linearRegion(moons, [0.5, 0.25]);
const [w1, w2] = region.effectiveWeights.toArray()[0];
const b = region.effectiveBiases.toArray()[0][0];
const plus = (v: number) => `${v < 0 ? '−' : '+'} ${Math.abs(v).toFixed(3)}`;
console.log(`around (0.5, 0.25): logit = ${w1.toFixed(3)}·x₁ ${plus(w2)}·x₂ ${plus(b)}, ${region.pattern.flat().filter(Boolean).length} of 32 hidden ReLUs on, for a distance of ${region.radius.toFixed(3)}`);
