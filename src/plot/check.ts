/**
 * What every plot checks before drawing anything: that it was handed a
 * network with the right number of inputs and outputs, and an interval of x
 * (or a rectangle of the plane) that is finite and not empty.
 */
import { ShapeError, ValueError, describeValue, plural } from '../core/errors.js';
import { type NetworkLayers, inputsOf, outputsOf, sizesOf } from '../core/types.js';
import { checkNetwork } from '../core/validate.js';

/** An interval of x: [lo, hi] with lo < hi. */
export type Domain = readonly [number, number];

/** A rectangle of the plane: [[x1 lo, x1 hi], [x2 lo, x2 hi]], or one [lo, hi] for both axes. */
export type PlaneDomain = Domain | readonly [Domain, Domain];

/**
 * Checks that `net` is a network (anything with `layers`, `forward` and `trace`, so a
 * Network from either build of the package passes) with the sizes a plot needs.
 * A network of 2 inputs, say, gets: "plotFunction: the network has 2 inputs but plotFunction draws networks of 1 input (layers [2, 3, 1])".
 * @example checkNetworkShape(new Network({ layers: [1, 3, 1] }), 'plotFunction', { inputs: 1 }).sizes //=> [1, 3, 1]
 */
export function checkNetworkShape(
  net: unknown,
  where: string,
  need: { inputs?: number; outputs?: number; hint?: string },
): NetworkLayers {
  const network = checkNetwork(net as NetworkLayers, where);
  const hint = need.hint ? `; ${need.hint}` : '';
  if (need.inputs !== undefined && inputsOf(network) !== need.inputs) {
    throw new ShapeError(
      `${where}: the network has ${plural(inputsOf(network), 'input')} but ${where} draws networks of ${plural(need.inputs, 'input')} (${layersLabel(network)}${hint})`,
    );
  }
  if (need.outputs !== undefined && outputsOf(network) !== need.outputs) {
    throw new ShapeError(
      `${where}: the network has ${plural(outputsOf(network), 'output')} but ${where} draws networks of ${plural(need.outputs, 'output')} (${layersLabel(network)}${hint})`,
    );
  }
  return network;
}

/** Checks an interval [lo, hi]: two finite numbers, lo < hi. @example checkDomain([-2, 2], 'plotFunction') //=> [-2, 2] */
export function checkDomain(domain: unknown, where: string, name = 'domain'): Domain {
  if (domain === undefined) {
    throw new ValueError(`${where}: ${name} is missing but it must be given as [lo, hi], e.g. { ${name}: [-2, 2] }`);
  }
  if (
    !Array.isArray(domain) ||
    domain.length !== 2 ||
    !domain.every((v) => typeof v === 'number' && Number.isFinite(v))
  ) {
    throw new ValueError(
      `${where}: ${name} is ${showValue(domain)} but it must be [lo, hi], two finite numbers (e.g. [-2, 2])`,
    );
  }
  const [lo, hi] = domain as [number, number];
  if (!(lo < hi)) {
    throw new ValueError(`${where}: ${name} is [${lo}, ${hi}] but it must be [lo, hi] with lo < hi`);
  }
  if (!Number.isFinite(hi - lo)) {
    throw new ValueError(
      `${where}: ${name} is [${lo}, ${hi}] but its width hi − lo must be finite (at most 1.8e308), or the points between cannot be computed`,
    );
  }
  return [lo, hi];
}

/**
 * Checks a rectangle of the plane: one [lo, hi] for both axes, or [[x1 lo, x1 hi], [x2 lo, x2 hi]].
 * @example checkPlaneDomain([-1, 1], 'plotDecision') //=> [[-1, 1], [-1, 1]]
 */
export function checkPlaneDomain(domain: unknown, where: string): [Domain, Domain] {
  if (Array.isArray(domain) && domain.length === 2 && Array.isArray(domain[0]) && Array.isArray(domain[1])) {
    return [
      checkDomain(domain[0], where, 'domain[0] (the x1 axis)'),
      checkDomain(domain[1], where, 'domain[1] (the x2 axis)'),
    ];
  }
  const both = checkDomain(domain, where);
  return [both, both];
}

/**
 * Checks a whole-number option such as `width` or `samples`: an integer in [min, max].
 * @example checkCount(60, 'asciiPlot', 'width', 2, 1000) //=> 60
 */
export function checkCount(value: unknown, where: string, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ValueError(
      `${where}: ${name} is ${showValue(value)} but it must be a whole number from ${min} to ${max}`,
    );
  }
  return value;
}

/** Checks a yes/no option. @example checkFlag(true, 'plotFunction', 'neurons') //=> true */
export function checkFlag(value: unknown, where: string, name: string): boolean {
  if (typeof value !== 'boolean') {
    throw new ValueError(`${where}: ${name} is ${showValue(value)} but it must be true or false`);
  }
  return value;
}

/** A value as a message shows it: short arrays of numbers written out ([2, 1]), the rest as describeValue does. */
function showValue(value: unknown): string {
  if (Array.isArray(value) && value.length <= 4 && value.every((v) => typeof v === 'number'))
    return `[${value.join(', ')}]`;
  return describeValue(value);
}

/** `count` evenly spaced numbers from lo to hi, both ends included. @example linspace(0, 1, 3) //=> [0, 0.5, 1] */
export function linspace(lo: number, hi: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? hi : lo + ((hi - lo) * i) / (count - 1)));
}

/** A number as a label shows it: at most 4 significant digits. @example formatNumber(1 / 3) //=> '0.3333' */
export function formatNumber(x: number): string {
  return String(Number(x.toPrecision(4)));
}

/** The architecture as subtitles print it. @example layersLabel(new Network({ layers: [1, 2, 1] })) //=> 'layers [1, 2, 1]' */
export function layersLabel(net: NetworkLayers): string {
  return `layers [${sizesOf(net).join(', ')}]`;
}

/**
 * The number as JSON can carry it: −0 becomes 0 (JSON.stringify writes −0 as 0, so a spec would not survive a round trip).
 * @example Object.is(json(-0), 0) //=> true
 */
export function json(x: number): number {
  return x === 0 ? 0 : x;
}
