/**
 * The baseline: the forward pass as a competent developer writes it by hand,
 * straight Float64Array loops with no tiling. Row-major W, i-k-j loop order
 * (the innermost loop runs along a row of A and a row of Z, so memory is read
 * in order), bias and ReLU fused into the same pass over each row of Z.
 */
import type { Network } from '../../src/index.js';

export interface PlainLayer {
  nOut: number;
  nIn: number;
  /** nOut × nIn, row-major. */
  W: Float64Array;
  /** nOut biases. */
  b: Float64Array;
  /** ReLU after the weighted sums (hidden layers); the output layer is linear. */
  relu: boolean;
}

/** The weights of a ReLU network with a linear output, copied into plain arrays. */
export function plainLayers(net: Network): PlainLayer[] {
  return net.layers.map((layer) => {
    const name = layer.activation.name;
    if (name !== 'relu' && name !== 'linear') throw new Error(`plainLayers: activation ${name} is not relu or linear`);
    return {
      nOut: layer.weights.rows,
      nIn: layer.weights.cols,
      W: layer.weights.data.slice(),
      b: layer.biases.data.slice(),
      relu: name === 'relu',
    };
  });
}

/** Z = W·A + b, A = relu(Z), layer after layer. X: inputs × samples, row-major → outputs × samples. */
export function plainForward(layers: PlainLayer[], X: Float64Array, samples: number): Float64Array {
  let A = X;
  for (const { nOut, nIn, W, b, relu } of layers) {
    const Z = new Float64Array(nOut * samples);
    for (let i = 0; i < nOut; i++) {
      const zi = i * samples;
      for (let j = 0; j < samples; j++) Z[zi + j] = b[i];
      for (let k = 0; k < nIn; k++) {
        const w = W[i * nIn + k];
        const ak = k * samples;
        for (let j = 0; j < samples; j++) Z[zi + j] += w * A[ak + j];
      }
      if (relu) for (let j = 0; j < samples; j++) if (Z[zi + j] < 0) Z[zi + j] = 0;
    }
    A = Z;
  }
  return A;
}
