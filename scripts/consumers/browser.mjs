// A browser page's script, bundled by esbuild, Vite, webpack or Rollup (they read the package's "exports").
import { Network } from 'feedforward';

// The article's network with weights chosen by hand (those of articleNetwork()): 1 input, two layers of 2 ReLU neurons, 1 output.
const net = Network.fromWeights([
  { weights: [[1], [-1]], biases: [1, 1] },
  { weights: [[1, 1], [1, -1]], biases: [-2.5, -0.5] },
  { weights: [[1, -1]], biases: [1] },
]);
document.querySelector('#predictions').textContent = net.predict([-2, -1, 0, 1, 2]).join(' ');
