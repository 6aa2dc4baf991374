/**
 * Names a network carries: `labels`, the class of each output (for
 * `net.classify`), and `features`, the name of each input. Both are saved in
 * its JSON, so a loaded model answers "Gentoo" rather than "output 3".
 *
 * A classifier's outputs are probabilities: softmax gives one per class
 * (k outputs, k labels); a single sigmoid output gives p, the probability of
 * the second label, and 1 − p is the first's (1 output, 2 labels).
 */
import { ShapeError, ValueError, describeValue, plural } from './errors.js';
import type { Matrix } from './matrix.js';
import type { Layer } from './types.js';

/** What `net.classify` answers for one sample. */
export interface Classification {
  /** The most probable class. */
  label: string;
  /** Its probability. */
  confidence: number;
  /**
   * Every class's probability, keyed by label, highest first (JavaScript lists keys that look like
   * whole numbers, such as "3", first and in numeric order, whatever order they were added in).
   */
  probabilities: Record<string, number>;
}

/** A non-empty list (of names, checked next), copied: holes become undefined and are reported as such. */
function nameList(value: unknown, where: string, what: string): unknown[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new ValueError(`${where}: ${what} is ${describeValue(value)} but it must be a non-empty list of names`);
  }
  return Array.from(value);
}

/**
 * Distinct, non-empty names, frozen; `what` names the list in messages. One pass with a Set, so
 * 80,000 labels take milliseconds (a search of the list for each name took seconds).
 */
function checkNames(names: unknown[], where: string, what: string): readonly string[] {
  const seen = new Set<string>();
  names.forEach((name, n) => {
    if (typeof name !== 'string' || name.length === 0) {
      throw new ValueError(
        `${where}: ${what} entry ${n + 1} is ${describeValue(name)} but names must be non-empty strings`,
      );
    }
    if (seen.has(name)) throw new ValueError(`${where}: ${what} lists ${JSON.stringify(name)} twice (each name once)`);
    seen.add(name);
  });
  return Object.freeze(names as string[]);
}

/**
 * Checks class names against the output layer: one per softmax output, or two for a single sigmoid output.
 * @example checkLabels(['no', 'yes'], Network.fromWeights([{ weights: [[1]], biases: [0] }], { output: 'sigmoid' }).layers, 'net.labels') //=> ['no', 'yes']
 */
export function checkLabels(value: unknown, layers: readonly Layer[], where: string): readonly string[] {
  const labels = nameList(value, where, 'labels'); // counted first, each name checked last
  const last = layers[layers.length - 1];
  const outputs = last.weights.rows;
  const g = last.activation.name;
  if (g !== 'softmax' && g !== 'sigmoid') {
    throw new ValueError(
      `${where}: labels name classes but the output is ${g} (a classifier's output is softmax, one output per class, or sigmoid, one output for two classes)`,
    );
  }
  if (g === 'sigmoid' && outputs > 1) {
    throw new ValueError(
      `${where}: labels name classes but the output is ${outputs} sigmoids, ${outputs} independent yes/no answers (for one class out of ${outputs}, use softmax)`,
    );
  }
  const want = g === 'sigmoid' ? 2 : outputs; // a single sigmoid output p: P(labels[1]) = p, P(labels[0]) = 1 − p
  if (labels.length !== want) {
    throw new ShapeError(
      `${where}: labels has ${plural(labels.length, 'name')} but the network has ${plural(outputs, 'output')} (${g === 'sigmoid' ? 'a sigmoid output p is the probability of the second of 2 labels' : 'one label per softmax output'})`,
    );
  }
  return checkNames(labels, where, 'labels');
}

/**
 * Checks input names against the first layer: one per input.
 * @example checkFeatures(['x'], Network.fromWeights([{ weights: [[1]], biases: [0] }]).layers, 'net.features') //=> ['x']
 */
export function checkFeatures(value: unknown, layers: readonly Layer[], where: string): readonly string[] {
  const features = nameList(value, where, 'features'); // counted first, each name checked last
  const inputs = layers[0].weights.cols;
  if (features.length !== inputs) {
    throw new ShapeError(
      `${where}: features has ${plural(features.length, 'name')} but the network has ${plural(inputs, 'input')} (one name per input)`,
    );
  }
  return checkNames(features, where, 'features');
}

/**
 * Each sample's class, from the output A (outputs × samples) of a classifier whose labels are checked:
 * softmax columns are the probabilities; a sigmoid's p is labels[1]'s and 1 − p labels[0]'s.
 * @example classifyOutputs(Matrix.from([[0.25]]), ['no', 'yes'])[0] //=> { label: 'no', confidence: 0.75, probabilities: { no: 0.75, yes: 0.25 } }
 */
export function classifyOutputs(A: Matrix, labels: readonly string[]): Classification[] {
  return Array.from({ length: A.cols }, (_, j) => {
    const p = Array.from({ length: A.rows }, (_, i) => A.data[i * A.cols + j]);
    const pairs = (A.rows === 1 ? [1 - p[0], p[0]] : p).map((probability, c) => ({ label: labels[c], probability }));
    pairs.sort((a, b) => b.probability - a.probability); // stable: a tie keeps the labels' order
    return {
      label: pairs[0].label,
      confidence: pairs[0].probability,
      probabilities: Object.fromEntries(pairs.map(({ label, probability }) => [label, probability])),
    };
  });
}
