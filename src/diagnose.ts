/**
 * A check-up of a network on a batch of data, in plain words: the problems
 * learners most often meet, found from each layer's z and a on the data.
 *
 *   dead               a ReLU neuron with z ≤ 0 on every sample: it outputs 0, gets no gradient, never learns
 *   kink-outside-data  a hidden neuron on one side of its kink for every sample: a plain line here
 *   saturated          a sigmoid/tanh neuron on the flat part of its curve for most samples: little gradient
 *   exploding          activations growing layer after layer (root mean square ≫ the inputs')
 *   vanishing          activations shrinking layer after layer (root mean square ≪ the inputs')
 */
import { ShapeError, ValueError, describeValue, plural } from './errors.js';
import { type MatrixInput, toMatrix } from './matrix.js';
import { Network } from './network.js';

export type FindingKind = 'dead' | 'kink-outside-data' | 'saturated' | 'exploding' | 'vanishing';

/** One problem found: where (layer and node count from 1), the numbers behind it, and advice. */
export interface Finding {
  kind: FindingKind;
  layer: number;
  /** The neuron, for dead, kink-outside-data and saturated. */
  node?: number;
  /** Share of samples on which the neuron is on (z > 0), for dead and kink-outside-data. */
  active?: number;
  /** Smallest and largest z over the samples, for the neuron findings. */
  zMin?: number;
  zMax?: number;
  /** Share of samples on which the neuron's slope is below DIAGNOSE_LIMITS.flatSlope of its peak, for saturated. */
  saturated?: number;
  /** Root mean square of the layer's activations divided by that of the inputs, for exploding and vanishing. */
  scale?: number;
  /** The message: what was found, why it matters, what to try. */
  message: string;
}

export interface Diagnosis {
  findings: Finding[];
  /** Root mean square of each hidden layer's activations relative to the inputs', layer 1 first. */
  scales: number[];
  /** The findings as advice, one paragraph each (or a line saying all is well). */
  toString(): string;
}

/** The lines `diagnose` draws, written once. */
export const DIAGNOSE_LIMITS = Object.freeze({
  /** A neuron is saturated where g′(z) is below this share of its largest slope (sigmoid 0.25, tanh 1)… */
  flatSlope: 0.05,
  /** …on at least this share of the samples. */
  saturatedShare: 0.9,
  /** Activations explode when their root mean square exceeds this multiple of the inputs'. */
  exploding: 10,
  /** Activations vanish when their root mean square falls below this multiple of the inputs'. */
  vanishing: 0.1,
});

/**
 * A plain-language check-up of `net` on the samples X (inputs × samples, one
 * column per sample): dead ReLU neurons, neurons whose kink lies outside the
 * data, saturated sigmoid/tanh neurons, and exploding or vanishing activations.
 * @example diagnose(Network.fromWeights([{ weights: [[1]], biases: [-5] }, { weights: [[1]], biases: [0] }]), [[0, 1, 2]]).findings[0].kind //=> 'dead'   (z = x − 5 < 0 for x ≤ 2)
 */
export function diagnose(net: Network, X: MatrixInput): Diagnosis {
  const where = 'diagnose';
  if (!(net instanceof Network)) throw new ValueError(`${where}: net is ${describeValue(net)} but it must be a Network`);
  const x = toMatrix(X, where, 'X');
  if (x.rows !== net.inputs) {
    throw new ShapeError(
      `${where}: X has ${plural(x.rows, 'row')} but the network has ${plural(net.inputs, 'input')} (one row per input feature, one column per sample)`,
    );
  }
  const samples = x.cols;
  const steps = net.trace(x);
  const findings: Finding[] = [];
  const last = steps.length - 1;
  steps.forEach((step, l) => {
    const activation = net.layers[l].activation;
    const hidden = l < last;
    for (let i = 0; i < step.z.rows; i++) {
      const z = step.z.data.subarray(i * samples, (i + 1) * samples);
      let zMin = Infinity;
      let zMax = -Infinity;
      let on = 0;
      let flat = 0;
      const curved = hidden && !activation.piecewiseLinear; // sigmoid, tanh: can saturate
      const peak = curved ? activation.df(0) : 0; // g′ is largest at z = 0: sigmoid 0.25, tanh 1
      for (const v of z) {
        zMin = Math.min(zMin, v);
        zMax = Math.max(zMax, v);
        if (v > 0) on++;
        if (curved && activation.df(v) < DIAGNOSE_LIMITS.flatSlope * peak) flat++;
      }
      const place = `layer ${l + 1}, node ${i + 1}`;
      const numbers = { layer: l + 1, node: i + 1, zMin, zMax };
      if (activation.name === 'relu' && on === 0) {
        findings.push({
          kind: 'dead', ...numbers, active: 0,
          message: `${place} is dead: its z is at most ${fmt(zMax)} on all ${samples} samples, so its ReLU outputs 0 and passes back no gradient; it cannot learn. Try another seed, a smaller learning rate, or leakyRelu.`,
        });
      } else if (hidden && activation.piecewiseLinear && activation.df(1) !== activation.df(-1) && (on === 0 || on === samples)) {
        const side = on === 0 ? `below 0 (at most ${fmt(zMax)})` : `above 0 (at least ${fmt(zMin)})`;
        findings.push({
          kind: 'kink-outside-data', ...numbers, active: on / samples,
          message: `${place} never switches: its z is ${side} on all ${samples} samples, so its kink lies outside the data and here it is a plain line that adds no bend. Harmless, but it does not help fit curves; more neurons, or data that covers its kink, let it bend.`,
        });
      } else if (curved && flat >= DIAGNOSE_LIMITS.saturatedShare * samples) {
        findings.push({
          kind: 'saturated', ...numbers, saturated: flat / samples,
          message: `${place} is saturated: its ${activation.name} is flat (slope under ${DIAGNOSE_LIMITS.flatSlope * 100}% of its peak) on ${percent(flat / samples)} of the samples (z from ${fmt(zMin)} to ${fmt(zMax)}), so little gradient passes through it. Standardize the inputs or start from smaller weights (init: 'xavier').`,
        });
      }
    }
  });

  // Activation scales: root mean square of each hidden layer's A over the inputs'.
  const inputScale = rms(x.data);
  const scales = steps.slice(0, last).map((step) => (inputScale > 0 ? rms(step.a.data) / inputScale : NaN));
  const chain = ['inputs 1', ...scales.map((s, l) => `layer ${l + 1} ${fmt(s)}`)].join(' → ');
  const exploding = scales.findIndex((s) => s > DIAGNOSE_LIMITS.exploding);
  if (exploding >= 0) {
    findings.push({
      kind: 'exploding', layer: exploding + 1, scale: scales[exploding],
      message: `activations explode from layer ${exploding + 1}: their size (root mean square) is ${fmt(scales[exploding])}× the inputs' (${chain}). Large activations make large gradients and unstable training: use init 'he' for relu, 'xavier' for tanh/sigmoid, standardize the inputs, or lower the learning rate.`,
    });
  }
  const vanishing = scales.findIndex((s) => s < DIAGNOSE_LIMITS.vanishing);
  if (vanishing >= 0) {
    findings.push({
      kind: 'vanishing', layer: vanishing + 1, scale: scales[vanishing],
      message: `activations vanish from layer ${vanishing + 1}: their size (root mean square) is ${fmt(scales[vanishing])}× the inputs' (${chain}). The layers after it see almost nothing and the gradients shrink too: check for dead layers, use init 'he' for relu or 'xavier' for tanh/sigmoid, and standardize the inputs.`,
    });
  }

  return {
    findings,
    scales,
    toString() {
      if (findings.length === 0) {
        return `No problems found on ${plural(samples, 'sample')}: no dead neurons, every kink inside the data, no saturated neurons, activation sizes between ${DIAGNOSE_LIMITS.vanishing}× and ${DIAGNOSE_LIMITS.exploding}× the inputs'.`;
      }
      return [`${plural(findings.length, 'finding')} on ${plural(samples, 'sample')}:`, ...findings.map((f) => `- ${f.message}`)].join('\n');
    },
  };
}

function rms(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v * v;
  return Math.sqrt(sum / values.length);
}

/** A number as advice prints it: 3 significant digits. */
function fmt(x: number): string {
  return Number(x.toPrecision(3)).toString();
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
