/**
 * The browser test's page script: a seeded forward pass and a short training run,
 * through `import ... from 'feedforward'` as a bundler sees it. It runs after docs/using-from.md's
 * browser snippet (scripts/consumers/browser.mjs, its own script tag), which fills
 * #predictions. Then a wider network's forward pass and training, once with every
 * product in WebAssembly SIMD (setEngine('wasm')) and once in JavaScript, counted by
 * the spy on WebAssembly.Instance in index.html. test/browser/run.mjs bundles both with esbuild, serves them and reads
 * `window.feedforwardPage`.
 */
import { Network, getEngine, loadMathjs, matrix, randomMatrix, setEngine } from 'feedforward';

// A seeded forward pass: the same weights as in Node, so the same float64 numbers.
const seeded = new Network({ layers: [1, 2, 2, 1], seed: 42 });
const forward = Array.from(seeded.forward([[-1, 0, 1]]).data); // 1 output × 3 samples

// A short training run: y = 2x − 1 on 8 points (one row: x; one column per sample).
const xs = [-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75];
const X = [xs];
const Y = [xs.map((x) => 2 * x - 1)];
const net = new Network({ layers: [1, 4, 1], seed: 7 });
const meanSquaredError = () => {
  const A = net.forward(X).data;
  return Y[0].reduce((sum, y, j) => sum + (A[j] - y) ** 2, 0) / xs.length;
};
const weightsBefore = JSON.stringify(net.toJSON());
const lossBefore = meanSquaredError();
net.fit(X, Y, { epochs: 200, learningRate: 0.05 }); // training in the page, as in Node
const lossAfter = meanSquaredError();
const trained = JSON.stringify(net.toJSON()) !== weightsBefore;
document.querySelector('#training').textContent = `mean squared error ${lossBefore.toFixed(4)} → ${lossAfter.toFixed(4)}`;

// The two engines in the page: a seeded forward pass and two epochs of training of [16, 64, 64, 1].
const engineAtLoad = getEngine();
function onEngine(engine) {
  const callsBefore = window.wasmKernel.calls;
  setEngine(engine);
  const wide = new Network({ layers: [16, 64, 64, 1], seed: 42 });
  const X = randomMatrix(16, 300, { seed: 7 });
  const forward = Array.from(wide.forward(X).data);
  // Adam: its bias correction's βᵗ is a running product (powerOf in optimizers.ts), since Chromium's V8
  // and Node 20's round β ** t differently (0.9 ** 4 is 0.6561 in one, 0.6561000000000001 in the other).
  wide.fit(X, randomMatrix(1, 300, { seed: 8 }), { epochs: 2, batchSize: 32, optimizer: 'adam', onWarning: () => {} });
  const weights = wide.layers.flatMap((layer) => [...layer.weights.data, ...layer.biases.data]);
  return { forward, weights, kernelCalls: window.wasmKernel.calls - callsBefore };
}
const engines = { atLoad: engineAtLoad, wasm: onEngine('wasm'), js: onEngine('js'), instances: window.wasmKernel.instances };
setEngine('auto');

window.feedforwardPage = {
  engines,
  predictions: document.querySelector('#predictions').textContent,
  forward,
  training: { trained, lossBefore, lossAfter },
  // mathjs is not in this page's bundle: it comes in its own chunk, fetched by this call.
  async toMathjsSize() {
    await loadMathjs();
    return matrix([[1, 2, 3]]).toMathjs().size();
  },
};
