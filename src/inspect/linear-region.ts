/**
 * The linear region around a point: with relu, leakyRelu and linear
 * activations a network is piecewise linear, and near any input x it is one
 * affine map,
 *
 *   net(x) = W_eff·x + b_eff,
 *
 * fixed by which neurons are on. Each layer's ReLU acts on the region as a
 * diagonal matrix Dˡ of its slopes (1 on, 0 off; leakyRelu's slope instead of
 * 0), so the whole network collapses to
 *
 *   W_eff = Dᴸ·Wᴸ·…·D¹·W¹,   b_eff = Dᴸ·(Wᴸ·(… D¹·b¹ …) + bᴸ).
 */
import type { Activation } from '../core/activations.js';
import { ValueError } from '../core/errors.js';
import { Matrix, type MatrixInput, toColumn } from '../core/matrix.js';
import { type NetworkLayers, inputsOf, outputsOf } from '../core/types.js';
import { checkInputRows, checkNetwork } from '../core/validate.js';

/** The affine map a network computes on the region around a point. */
export interface LinearRegion {
  /** One list per hidden layer, one entry per neuron: true when its z > 0 at x (the neuron is on). */
  pattern: boolean[][];
  /** W_eff, outputs × inputs: the slopes of the output with respect to each input on this region. */
  effectiveWeights: Matrix;
  /** b_eff, outputs × 1: the output at x = 0 if the region reached it. */
  effectiveBiases: Matrix;
  /** @deprecated The old name of `effectiveWeights` (the same matrix); removed in the next version. */
  W_eff: Matrix;
  /** @deprecated The old name of `effectiveBiases` (the same matrix); removed in the next version. */
  b_eff: Matrix;
  /** Distance from x to the nearest place where a neuron switches: inside this ball the map holds. */
  radius: number;
}

/**
 * True when every activation of `net` is piecewise linear (relu, leakyRelu,
 * linear): then the network is one linear map per region, with exact kinks.
 * @example isPiecewiseLinear(new Network({ layers: [1, 2, 1], hidden: 'tanh' })) //=> false
 */
export function isPiecewiseLinear(net: NetworkLayers): boolean {
  return net.layers.every((layer) => layer.activation.piecewiseLinear);
}

/**
 * Checks that `net` is a Network whose every activation is piecewise linear
 * (relu, leakyRelu, linear), naming the first one that is not.
 */
export function checkPiecewiseLinear(net: NetworkLayers, where: string): NetworkLayers {
  checkNetwork(net, where);
  if (isPiecewiseLinear(net)) return net;
  const l = net.layers.findIndex((layer) => !layer.activation.piecewiseLinear);
  throw new ValueError(
    `${where}: layer ${l + 1} uses ${net.layers[l].activation.name}, which curves instead of bending, so the network has no exact linear pieces (supported: relu, leakyRelu and linear activations)`,
  );
}

/**
 * The on/off pattern of every hidden neuron at input x, and the affine map
 * the network computes on the region of inputs sharing that pattern:
 * forward(x′) = W_eff·x′ + b_eff for every x′ within `radius` of x.
 * x: inputs numbers (a number for a one-input network) → effectiveWeights (W_eff): outputs × inputs,
 * effectiveBiases (b_eff): outputs × 1.
 * A neuron with z exactly 0 counts as off (relu′(0) = 0), as in training.
 * @example linearRegion(Network.fromWeights([{ weights: [[2]], biases: [-1] }, { weights: [[3]], biases: [0] }]), 1).effectiveWeights.toArray() //=> [[6]]   (relu(2·1 − 1) is on: 3·2)
 */
export function linearRegion(net: NetworkLayers, x: number | readonly number[] | MatrixInput): LinearRegion {
  const where = 'linearRegion';
  checkPiecewiseLinear(net, where);
  const point = toColumn(x, where, 'x'); // inputs × 1
  checkInputRows(point.rows, inputsOf(net), where, 'x');
  const nIn = inputsOf(net);
  // Before any layer the map is the identity, A⁰ = I·x + 0: written as null (not an nIn × nIn matrix,
  // so memory grows with the inputs, not their square), so layer 1's z has slopes W¹ itself.
  let Weff: Float64Array | null = null; // rows × nIn
  let beff = new Float64Array(nIn);
  let A = Float64Array.from(point.data); // Aˡ at x itself
  const pattern: boolean[][] = [];
  let radius = Infinity;
  net.layers.forEach((layer, l) => {
    const { weights: W, biases: b, activation } = layer;
    const nOut = W.rows;
    const k = W.cols;
    const nextW = new Float64Array(nOut * nIn);
    const nextB = new Float64Array(nOut);
    const nextA = new Float64Array(nOut);
    const on: boolean[] = [];
    for (let i = 0; i < nOut; i++) {
      // Row i of Wˡ·W_eff and of Wˡ·b_eff + bˡ: zᵢ as an affine function of the input.
      let z = b.data[i];
      let zb = b.data[i];
      const zW = new Float64Array(nIn);
      for (let j = 0; j < k; j++) {
        const w = W.data[i * k + j];
        z += w * A[j];
        zb += w * beff[j];
        if (Weff) for (let c = 0; c < nIn; c++) zW[c] += w * Weff[j * nIn + c];
      }
      if (!Weff) zW.set(W.data.subarray(i * k, (i + 1) * k)); // layer 1: ∇z = row i of W¹
      if (!Number.isFinite(z)) {
        throw new ValueError(
          `${where}: layer ${l + 1}, node ${i + 1} has z = ${z} at x (the numbers grew past float64's ±1.8e308; scale x or the weights down)`,
        );
      }
      const g = activation.df(z); // Dˡᵢᵢ: this neuron's slope on the region
      for (let c = 0; c < nIn; c++) nextW[i * nIn + c] = g * zW[c];
      nextB[i] = g * zb;
      nextA[i] = activation.f(z);
      on.push(z > 0);
      const norm = euclidean(zW); // zᵢ = 0 is a hyperplane at distance |zᵢ| / ‖∇zᵢ‖ from x
      if (bends(activation) && norm > 0) radius = Math.min(radius, Math.abs(z) / norm);
    }
    if (l < net.layers.length - 1) pattern.push(on);
    Weff = nextW;
    beff = nextB;
    A = nextA;
  });
  const effectiveWeights = new Matrix(outputsOf(net), nIn, Weff as unknown as Float64Array);
  const effectiveBiases = new Matrix(outputsOf(net), 1, beff);
  return { pattern, effectiveWeights, effectiveBiases, W_eff: effectiveWeights, b_eff: effectiveBiases, radius };
}

/** True when the activation's slope differs on the two sides of z = 0 (relu, leakyRelu with slope ≠ 1). */
export function bends(activation: Activation): boolean {
  return activation.df(1) !== activation.df(-1);
}

/** ‖v‖ without overflow or a spread of v into arguments (which fails for long v): scaled by max |vᵢ| first. */
function euclidean(v: Float64Array): number {
  let max = 0;
  for (const x of v) max = Math.max(max, Math.abs(x));
  if (max === 0 || !Number.isFinite(max)) return max;
  let sum = 0;
  for (const x of v) sum += (x / max) ** 2;
  return Math.sqrt(sum) * max;
}
