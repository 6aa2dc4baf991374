/**
 * A check-up of a network on a batch of data, in plain words: the problems
 * learners most often meet, found from each layer's z and a on the data.
 *
 *   dead               a ReLU neuron with z ≤ 0 on every sample: it outputs 0, gets no gradient, never learns
 *   kink-outside-data  a hidden neuron on one side of its kink for every sample: a plain line here
 *   saturated          a sigmoid/tanh neuron on the flat part of its curve for most samples: little gradient
 *   exploding          a hidden layer's activations far larger than 1 (root mean square over 10)
 *   vanishing          a hidden layer's activations far smaller than 1 (root mean square under 0.1)
 *
 * Sizes are compared with 1, not with the inputs: with standardized inputs (size 1) and a
 * suitable init, every layer's activations stay near size 1, and inputs far from size 1 are
 * themselves the first thing to fix.
 */
import type { Activation } from '../core/activations.js';
import { plural } from '../core/errors.js';
import { type MatrixInput, toMatrix } from '../core/matrix.js';
import { traceLayers } from '../core/forward.js';
import { type NetworkLayers, inputsOf } from '../core/types.js';
import { checkInputRows, checkNetwork } from '../core/validate.js';
import { bends } from './linear-region.js';

/** The kinds of problem `diagnose` looks for (see the list at the top of this module). */
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
  /** Root mean square of the layer's activations, for exploding and vanishing. */
  scale?: number;
  /** The message: what was found, why it matters, what to try. */
  message: string;
}

/** What `diagnose(net, X)` returns: the findings, each hidden layer's size, and the advice as text. */
export interface Diagnosis {
  findings: Finding[];
  /** Root mean square of each hidden layer's activations, layer 1 first: near 1 in a healthy network. */
  scales: number[];
  /** The findings as advice: one line per kind of finding (or a line saying all is well). */
  toString(): string;
}

/** The lines `diagnose` draws, written once. */
export const DIAGNOSE_LIMITS = Object.freeze({
  /** A neuron is saturated where g′(z) is below this share of its largest slope (sigmoid 0.25, tanh 1)… */
  flatSlope: 0.05,
  /** …on at least this share of the samples. */
  saturatedShare: 0.9,
  /** Activations explode when a hidden layer's root mean square is above this. */
  exploding: 10,
  /** Activations vanish when a hidden layer's root mean square is below this. */
  vanishing: 0.1,
});

/**
 * A plain-language check-up of `net` on the samples X (inputs × samples, one
 * column per sample): dead ReLU neurons, neurons whose kink lies outside the
 * data, saturated sigmoid/tanh neurons, and exploding or vanishing activations.
 * @example diagnose(Network.fromWeights([{ weights: [[1]], biases: [-5] }, { weights: [[1]], biases: [0] }]), [[0, 1, 2]]).findings[0].kind //=> 'dead'   (z = x − 5 < 0 for x ≤ 2)
 */
export function diagnose(net: NetworkLayers, X: MatrixInput): Diagnosis {
  const where = 'diagnose';
  checkNetwork(net, where);
  const x = toMatrix(X, where, 'X');
  checkInputRows(x.rows, inputsOf(net), where);
  const samples = x.cols;
  const steps = traceLayers(net.layers, x, where);
  const findings: Finding[] = [];
  const last = steps.length - 1;
  steps.forEach((step, l) => {
    for (let i = 0; i < step.z.rows; i++) {
      const z = step.z.data.subarray(i * samples, (i + 1) * samples); // neuron i's z on every sample
      const finding = neuronFinding(net.layers[l].activation, l < last, z, l + 1, i + 1);
      if (finding) findings.push(finding);
    }
  });

  // Activation sizes: root mean square of each hidden layer's A, which a good start keeps near 1.
  const scales = steps.slice(0, last).map((step) => rms(step.a.data));
  const inputSize = rms(x.data);
  const chain = [`inputs ${fmt(inputSize)}`, ...scales.map((s, l) => `layer ${l + 1} ${fmt(s)}`)].join(' → ');
  const exploding = scales.findIndex((s) => s > DIAGNOSE_LIMITS.exploding);
  if (exploding >= 0) {
    findings.push({
      kind: 'exploding',
      layer: exploding + 1,
      scale: scales[exploding],
      message: `activations explode from layer ${exploding + 1}: their size (root mean square) is ${fmt(scales[exploding])}, far above 1 (${chain}). Large activations make large gradients and unstable training: standardize the inputs, use init 'he' for relu or 'xavier' for tanh/sigmoid, or lower the learning rate.`,
    });
  }
  const vanishing = scales.findIndex((s) => s < DIAGNOSE_LIMITS.vanishing);
  if (vanishing >= 0) {
    findings.push({
      kind: 'vanishing',
      layer: vanishing + 1,
      scale: scales[vanishing],
      message: `activations vanish from layer ${vanishing + 1}: their size (root mean square) is ${fmt(scales[vanishing])}, far below 1 (${chain}). The layers after it see almost nothing and the gradients shrink too: standardize the inputs, check for dead neurons, and use init 'he' for relu or 'xavier' for tanh/sigmoid.`,
    });
  }

  return {
    findings,
    scales,
    toString() {
      return report(findings, samples, inputSize);
    },
  };
}

/** The order advice comes in: what stops learning first, the harmless last. */
const SEVERITY: FindingKind[] = ['dead', 'saturated', 'exploding', 'vanishing', 'kink-outside-data'];

/** Advice for several neurons with the same finding, given their places ("layer 1: nodes 2, 5"). */
const GROUPED: Partial<Record<FindingKind, (count: number, places: string) => string>> = {
  dead: (n, places) =>
    `${n} neurons are dead (${places}): their z is never above 0 on any sample, so their ReLU outputs 0 and passes back no gradient; they cannot learn. Try another seed, a smaller learning rate, or leakyRelu.`,
  'kink-outside-data': (n, places) =>
    `${n} neurons never switch (${places}): each stays on one side of its kink on every sample, so here it is a plain line that adds no bend. Harmless, but they do not help fit curves.`,
  saturated: (n, places) =>
    `${n} neurons are saturated (${places}): their activation is flat (slope under ${DIAGNOSE_LIMITS.flatSlope * 100}% of its peak) on most samples, so little gradient passes through them. Standardize the inputs; if they are, start from smaller weights (init: 'xavier' suits tanh and sigmoid).`,
};

/** The findings as advice: inputs first if they are far from standardized, then one line per kind. */
function report(findings: Finding[], samples: number, inputSize: number): string {
  const lines: string[] = [];
  if (inputSize > DIAGNOSE_LIMITS.exploding || inputSize < DIAGNOSE_LIMITS.vanishing) {
    lines.push(
      `The inputs' size (root mean square) is ${fmt(inputSize)}, far from 1: standardize each feature first (subtract its mean, divide by its standard deviation); much of what follows comes from that.`,
    );
  }
  if (findings.length === 0) {
    lines.push(
      `No problems found on ${plural(samples, 'sample')}: no dead neurons, every kink inside the data, no saturated neurons, every hidden layer's activation size between ${DIAGNOSE_LIMITS.vanishing} and ${DIAGNOSE_LIMITS.exploding}.`,
    );
    return lines.join('\n');
  }
  lines.unshift(`${plural(findings.length, 'finding')} on ${plural(samples, 'sample')}:`);
  for (const kind of SEVERITY) {
    const found = findings.filter((f) => f.kind === kind);
    if (found.length === 0) continue;
    const grouped = GROUPED[kind];
    lines.push(
      `- ${found.length > 1 && grouped ? grouped(found.length, places(found)) : found.map((f) => f.message).join('\n- ')}`,
    );
  }
  return lines.join('\n');
}

/** "layer 1: nodes 2, 5; layer 2: node 4". */
function places(found: Finding[]): string {
  const layers = [...new Set(found.map((f) => f.layer))];
  return layers
    .map((layer) => {
      const nodes = found.filter((f) => f.layer === layer).map((f) => f.node);
      return `layer ${layer}: ${nodes.length === 1 ? 'node' : 'nodes'} ${nodes.join(', ')}`;
    })
    .join('; ');
}

/** What one neuron's z over the samples says: dead, never switching, saturated, or nothing. */
function neuronFinding(
  activation: Activation,
  hidden: boolean,
  z: Float64Array,
  layer: number,
  node: number,
): Finding | undefined {
  const samples = z.length;
  const curved = hidden && !activation.piecewiseLinear; // sigmoid, tanh: can saturate
  const peak = curved ? activation.df(0) : 0; // g′ is largest at z = 0: sigmoid 0.25, tanh 1
  let zMin = Infinity;
  let zMax = -Infinity;
  let on = 0;
  let flat = 0;
  for (const v of z) {
    zMin = Math.min(zMin, v);
    zMax = Math.max(zMax, v);
    if (v > 0) on++;
    if (curved && activation.df(v) < DIAGNOSE_LIMITS.flatSlope * peak) flat++;
  }
  const place = `layer ${layer}, node ${node}`;
  if (activation.name === 'relu' && on === 0) {
    return {
      kind: 'dead',
      layer,
      node,
      active: 0,
      zMin,
      zMax,
      message: `${place} is dead: its z is at most ${fmt(zMax)} on all ${samples} samples, so its ReLU outputs 0 and passes back no gradient; it cannot learn. Try another seed, a smaller learning rate, or leakyRelu.`,
    };
  }
  if (hidden && activation.piecewiseLinear && bends(activation) && (on === 0 || on === samples)) {
    const side = on === 0 ? `below 0 (at most ${fmt(zMax)})` : `above 0 (at least ${fmt(zMin)})`;
    return {
      kind: 'kink-outside-data',
      layer,
      node,
      active: on / samples,
      zMin,
      zMax,
      message: `${place} never switches: its z is ${side} on all ${samples} samples, so its kink lies outside the data and here it is a plain line that adds no bend. Harmless, but it does not help fit curves; more neurons, or data that covers its kink, let it bend.`,
    };
  }
  if (curved && flat >= DIAGNOSE_LIMITS.saturatedShare * samples) {
    return {
      kind: 'saturated',
      layer,
      node,
      saturated: flat / samples,
      zMin,
      zMax,
      message: `${place} is saturated: its ${activation.name} is flat (slope under ${DIAGNOSE_LIMITS.flatSlope * 100}% of its peak) on ${percent(flat / samples)} of the samples (z from ${fmt(zMin)} to ${fmt(zMax)}), so little gradient passes through it. Standardize the inputs; if they are, start from smaller weights (init: 'xavier' suits tanh and sigmoid).`,
    };
  }
  return undefined;
}

/** √(Σv²/n); when the squares overflow (|v| past 1e154), scaled by max |v| first, so a size of 7e199 is reported as such. */
function rms(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v * v;
  const plain = Math.sqrt(sum / values.length);
  if (Number.isFinite(plain)) return plain;
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  let scaled = 0;
  for (const v of values) scaled += (v / max) ** 2;
  return Math.sqrt(scaled / values.length) * max;
}

/** A number as advice prints it: 3 significant digits. */
function fmt(x: number): string {
  return Number(x.toPrecision(3)).toString();
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
