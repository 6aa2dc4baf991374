/**
 * The baseline: backpropagation as a careful learner writes it by hand, on
 * Float64Arrays allocated once, with the plain triple loops of the equations
 * (ReLU hidden layers, linear output, mean squared error, SGD), each ordered so
 * that its innermost loop walks memory contiguously (Z and dA accumulate one
 * row at a time). Every entry is summed in the same order as the library's,
 * so both reach the same weights.
 *
 *   Z = W·A + b          Z[i][j] = b[i] + Σₖ W[i][k]·A[k][j]
 *   dW = dZ·Aᵀ / m       dW[i][k] = Σⱼ dZ[i][j]·A[k][j] / m
 *   db = sumRows(dZ)/m
 *   dA = Wᵀ·dZ           dA[k][j] = Σᵢ W[i][k]·dZ[i][j]
 */
import type { Network } from '../../src/index.js';

export interface PlainTrainer {
  /** One epoch of minibatch SGD over X (inputs × samples), Y (outputs × samples); returns the epoch's mean loss. */
  epoch(X: Float64Array, Y: Float64Array, samples: number): number;
  W: Float64Array[];
  b: Float64Array[];
}

export function plainTrainer(net: Network, batch: number, learningRate: number): PlainTrainer {
  const sizes = net.sizes;
  const L = sizes.length - 1;
  const W = net.layers.map((layer) => layer.weights.data.slice());
  const b = net.layers.map((layer) => layer.biases.data.slice());
  const Z = sizes.slice(1).map((n) => new Float64Array(n * batch));
  const A = sizes.map((n) => new Float64Array(n * batch)); // A[0] holds the batch's X
  const dZ = sizes.slice(1).map((n) => new Float64Array(n * batch));
  const dA = sizes.map((n) => new Float64Array(n * batch));
  const dW = W.map((w) => new Float64Array(w.length));
  const db = b.map((v) => new Float64Array(v.length));
  const Yb = new Float64Array(sizes[L] * batch);

  function step(m: number): number {
    for (let l = 0; l < L; l++) {
      const nIn = sizes[l], nOut = sizes[l + 1];
      const z = Z[l], a = A[l], next = A[l + 1], w = W[l];
      for (let i = 0; i < nOut; i++) {
        const row = i * m;
        for (let j = 0; j < m; j++) z[row + j] = b[l][i];
        for (let k = 0; k < nIn; k++) {
          const wik = w[i * nIn + k];
          for (let j = 0; j < m; j++) z[row + j] += wik * a[k * m + j]; // Z[i][·] += W[i][k]·A[k][·]
        }
        for (let j = 0; j < m; j++) next[row + j] = l === L - 1 ? z[row + j] : z[row + j] > 0 ? z[row + j] : 0; // ReLU, linear output
      }
    }
    const nOut = sizes[L];
    let loss = 0;
    for (let n = 0; n < nOut * m; n++) {
      const d = A[L][n] - Yb[n];
      loss += (d * d) / nOut;
      dZ[L - 1][n] = (2 * d) / nOut; // linear output: dZ = dA
    }
    for (let l = L - 1; l >= 0; l--) {
      const nIn = sizes[l], nO = sizes[l + 1];
      for (let i = 0; i < nO; i++) {
        for (let k = 0; k < nIn; k++) {
          let s = 0;
          for (let j = 0; j < m; j++) s += dZ[l][i * m + j] * A[l][k * m + j];
          dW[l][i * nIn + k] = s / m;
        }
        let s = 0;
        for (let j = 0; j < m; j++) s += dZ[l][i * m + j];
        db[l][i] = s / m;
      }
      if (l > 0) {
        const da = dA[l], dz = dZ[l], w = W[l];
        da.fill(0, 0, nIn * m);
        for (let i = 0; i < nO; i++) {
          for (let k = 0; k < nIn; k++) {
            const wik = w[i * nIn + k];
            for (let j = 0; j < m; j++) da[k * m + j] += wik * dz[i * m + j]; // dA[k][·] += W[i][k]·dZ[i][·]
          }
        }
        for (let n = 0; n < nIn * m; n++) dZ[l - 1][n] = Z[l - 1][n] > 0 ? da[n] : 0; // ReLU′
      }
    }
    for (let l = 0; l < L; l++) {
      for (let n = 0; n < W[l].length; n++) W[l][n] -= learningRate * dW[l][n];
      for (let n = 0; n < b[l].length; n++) b[l][n] -= learningRate * db[l][n];
    }
    return loss;
  }

  return {
    W,
    b,
    epoch(X, Y, samples) {
      let total = 0;
      for (let start = 0; start < samples; start += batch) {
        const m = Math.min(batch, samples - start);
        for (let k = 0; k < sizes[0]; k++) for (let j = 0; j < m; j++) A[0][k * m + j] = X[k * samples + start + j];
        for (let i = 0; i < sizes[L]; i++) for (let j = 0; j < m; j++) Yb[i * m + j] = Y[i * samples + start + j];
        total += step(m);
      }
      return total / samples;
    },
  };
}
