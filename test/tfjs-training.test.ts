// TensorFlow.js as the independent oracle: the same weights, data and
// hyper-parameters, computed by tfjs's automatic differentiation (cpu backend,
// float32) and its optimizers. Agreement is to float32's precision: 1e-4 relative.
import { beforeAll, describe, expect, it } from 'vitest';
import { Matrix, Network, adam, momentum, randomMatrix, sgd } from '../src/index.js';
import type { ActivationSpec, Optimizer } from '../src/index.js';
import { type Optimizer as TfOptimizer, type Scalar, type Tensor2D, tf, type Variable } from './oracles/tfjs.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** max |got − want| / max |want|: one relative error for a whole matrix. */
function relativeDifference(got: Matrix, want: number[][]): number {
  const flat = want.flat();
  const scale = Math.max(...flat.map(Math.abs));
  return Math.max(...Array.from(got.data, (x, n) => Math.abs(x - flat[n]))) / scale;
}

/** tfjs's forward pass in the library's layout: Zˡ = Wˡ·Aˡ⁻¹ + bˡ, one column per sample. */
function tfForward(vars: Variable[], activations: string[], X: Tensor2D): Tensor2D[] {
  let A: Tensor2D = X;
  let Z: Tensor2D = X;
  for (let l = 0; l < activations.length; l++) {
    Z = tf.add(tf.matMul(vars[2 * l] as Tensor2D, A), vars[2 * l + 1]) as Tensor2D;
    const g = activations[l];
    A = (g === 'relu' ? tf.relu(Z) : g === 'tanh' ? tf.tanh(Z) : g === 'sigmoid' ? tf.sigmoid(Z) : g === 'softmax' ? tf.transpose(tf.softmax(tf.transpose(Z))) : Z) as Tensor2D;
  }
  return [Z, A];
}

const cases: { loss: 'mse' | 'binaryCrossEntropy' | 'crossEntropy'; output: ActivationSpec; tfLoss: (Y: Tensor2D, Z: Tensor2D, A: Tensor2D) => Scalar }[] = [
  { loss: 'mse', output: 'linear', tfLoss: (Y, _Z, A) => tf.losses.meanSquaredError(Y, A) as Scalar },
  { loss: 'binaryCrossEntropy', output: 'sigmoid', tfLoss: (Y, Z) => tf.losses.sigmoidCrossEntropy(Y, Z) as Scalar },
  // softmaxCrossEntropy wants one row per sample: transpose both.
  { loss: 'crossEntropy', output: 'softmax', tfLoss: (Y, Z) => tf.losses.softmaxCrossEntropy(tf.transpose(Y), tf.transpose(Z)) as Scalar },
];

describe('gradients agree with tf.variableGrads', () => {
  for (const { loss, output, tfLoss } of cases) {
    it(`for ${loss} after a ${output} output, on a [3, 5, 4, 3] tanh network and 6 samples`, () => {
      const net = new Network({ layers: [3, 5, 4, 3], hidden: 'tanh', output, seed: 7 });
      const X = randomMatrix(3, 6, { seed: 1 });
      // Targets: one-hot for crossEntropy, probabilities for binaryCrossEntropy, any numbers for mse.
      const Y = loss === 'crossEntropy'
        ? Matrix.from([[1, 0, 0, 1, 0, 0], [0, 1, 0, 0, 1, 0], [0, 0, 1, 0, 0, 1]])
        : loss === 'binaryCrossEntropy' ? Matrix.from([[1, 0, 0.3, 1, 0, 1], [0, 0, 1, 0.8, 1, 0], [1, 1, 0, 0, 0.5, 1]]) : randomMatrix(3, 6, { seed: 2 });
      const ours = net.gradients(X, Y, { loss });

      const vars = net.layers.flatMap((layer, l) => [
        tf.variable(tf.tensor2d(layer.weights.toArray()), true, `W${l}`),
        tf.variable(tf.tensor2d(layer.biases.toArray()), true, `b${l}`),
      ]);
      const activations = net.layers.map((layer) => layer.activation.name);
      const { value, grads } = tf.variableGrads(() => {
        const [Z, A] = tfForward(vars, activations, tf.tensor2d(X.toArray()));
        return tfLoss(tf.tensor2d(Y.toArray()), Z, A);
      }, vars);

      expect(Math.abs(ours.loss - value.dataSync()[0]) / Math.abs(ours.loss)).toBeLessThan(1e-4);
      net.layers.forEach((_, l) => {
        expect(relativeDifference(ours.layers[l].dW, grads[`W${l}`].arraySync() as number[][])).toBeLessThan(1e-4);
        expect(relativeDifference(ours.layers[l].db, grads[`b${l}`].arraySync() as number[][])).toBeLessThan(1e-4);
      });
      vars.forEach((v) => v.dispose());
    });
  }
});

describe('optimizer steps agree with tf.train', () => {
  const make: [string, () => Optimizer, () => TfOptimizer][] = [
    ['sgd', () => sgd({ learningRate: 0.1 }), () => tf.train.sgd(0.1)],
    ['momentum', () => momentum({ learningRate: 0.1, beta: 0.9 }), () => tf.train.momentum(0.1, 0.9)],
    ['adam', () => adam({ learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }), () => tf.train.adam(0.01, 0.9, 0.999, 1e-7)],
  ];
  for (const [name, ours, theirs] of make) {
    it(`${name}: one step, then two more with new gradients, move the weights as tfjs does`, () => {
      const net = new Network({ layers: [2, 3, 1], seed: 3 });
      const W0 = net.layers[0].weights.toArray();
      const b0 = net.layers[0].biases.toArray();
      // The change of each weight is compared (not the weight), so the test sees the step itself.
      const change = (now: number[][], start: number[][]) => now.map((row, i) => row.map((x, j) => x - start[i][j]));
      const W = tf.variable(tf.tensor2d(net.layers[0].weights.toArray()), true, `${name}W`);
      const b = tf.variable(tf.tensor2d(net.layers[0].biases.toArray()), true, `${name}b`);
      const optimizer = ours();
      const tfOptimizer = theirs();
      for (let step = 1; step <= 3; step++) {
        // Gradients of this step, made up but fixed: the same for both libraries.
        const dW = randomMatrix(3, 2, { seed: 10 + step });
        const db = randomMatrix(3, 1, { seed: 20 + step });
        const zero = net.layers.slice(1).map((layer) => ({ dW: new Matrix(layer.weights.rows, layer.weights.cols), db: new Matrix(layer.biases.rows, 1) }));
        optimizer.step(net.layers, [{ dW, db }, ...zero]);
        tfOptimizer.applyGradients({ [W.name]: tf.tensor2d(dW.toArray()), [b.name]: tf.tensor2d(db.toArray()) });
        if (step === 1 || step === 3) {
          const ourChangeW = Matrix.from(change(net.layers[0].weights.toArray(), W0));
          const ourChangeB = Matrix.from(change(net.layers[0].biases.toArray(), b0));
          expect(relativeDifference(ourChangeW, change(W.arraySync() as number[][], W0))).toBeLessThan(1e-4);
          expect(relativeDifference(ourChangeB, change(b.arraySync() as number[][], b0))).toBeLessThan(1e-4);
        }
      }
      W.dispose();
      b.dispose();
    });
  }
});
