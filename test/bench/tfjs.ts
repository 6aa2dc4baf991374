/**
 * The same forward pass in TensorFlow.js, on its pure-JS `cpu` backend or its
 * WebAssembly (SIMD) `wasm` backend, with the network's own weights in float32.
 *
 * tfjs keeps one sample per row (samples × features), so X goes in transposed
 * (once, outside the timed part) and each layer is one fused op, as
 * `tf.layers.dense` runs it: A ← relu(A·Wᵀ + b), with Wᵀ (nIn × nOut) stored
 * ready, as dense stores its kernel. (Passing W with `transposeB: true`
 * instead made the wasm backend 3× slower on the small net and 16× on the
 * wide one.) The timed part ends with `dataSync()`, which waits for the result
 * and copies it out, so the work really happens; the output of a one-output
 * network has the same order as ours.
 */
import { type Matrix, type Network, transpose } from '../../src/index.js';
import { type Tensor2D, tf } from '../oracles/tfjs.js';

export { type Backend, useBackend, wasmHasSimd } from '../oracles/tfjs-backend.js';

export interface TfjsForward {
  /** The forward pass: outputs in sample order (samples × outputs, row-major). */
  run(): Float32Array;
  /** Frees the tensors. */
  dispose(): void;
}

/**
 * The network's forward pass on the current backend: tensors are made once here
 * (call after `useBackend`), `run` only computes and reads the result back.
 */
export function tfjsForward(net: Network, X: Matrix): TfjsForward {
  const x = tf.tensor2d(Float32Array.from(transpose(X).data), [X.cols, X.rows]); // samples × inputs
  const layers = net.layers.map((layer) => {
    const name = layer.activation.name;
    if (name !== 'relu' && name !== 'linear') throw new Error(`tfjsForward: activation ${name} is not relu or linear`);
    const Wt = transpose(layer.weights); // nIn × nOut: tf.layers.dense stores its kernel this way
    return {
      Wt: tf.tensor2d(Float32Array.from(Wt.data), [Wt.rows, Wt.cols]),
      b: tf.tensor1d(Float32Array.from(layer.biases.data)),
      activation: name,
    } as const;
  });
  return {
    run() {
      const Y = tf.tidy(() => {
        let A: Tensor2D = x;
        for (const { Wt, b, activation } of layers) A = tf.fused.matMul({ a: A, b: Wt, bias: b, activation }) as Tensor2D;
        return A; // samples × outputs
      });
      const out = Y.dataSync() as Float32Array;
      Y.dispose();
      return out;
    },
    dispose() {
      x.dispose();
      for (const { Wt, b } of layers) tf.dispose([Wt, b]);
    },
  };
}
