/**
 * The page's state in its address, so a teacher can send a link that opens a
 * given network (its exact weights), target, data and view:
 * `#target=sine&hidden=2,2&…&net={…}`. `stateToHash` writes it; `hashToState`
 * reads it back with the rule of each setting's box (rules.ts): a bad value is
 * named in a message and left at its default. Nothing in a link can make the
 * page slow: every value is at most MAX_VALUE_LENGTH characters, every list is
 * capped (and counted before it is split), a feature comes once.
 */
import { Network } from 'feedforward';
import { RULES, type Rule, pointProblem } from './rules.js';
import {
  type Feature,
  type HiddenName,
  type InitName,
  type OptimizerName,
  type Point,
  type State,
  TARGETS_1D,
  TARGETS_2D,
  buildNetwork,
  inputsOf,
  state,
} from './state.js';

/** The longest value a link's setting may have (a network of the page's largest size fits well within). */
export const MAX_VALUE_LENGTH = 65_536;
/** The most points a link carries; more travel in the page's file (export.ts). */
export const MAX_LINK_POINTS = 200;
/** The most settings a link has (the page has 24). */
const MAX_FIELDS = 40;
/** The most hidden layers and neurons per layer the page draws. */
export const MAX_HIDDEN_LAYERS = 6;
export const MAX_NEURONS = 16;
export const FEATURES: readonly Feature[] = ['square', 'sin'];

const num = (v: number) => String(v);

/**
 * The link's fields: the architecture, the data, the training settings and the view, then your points
 * (at most MAX_LINK_POINTS, unless `points: false`) and the weights if they moved.
 */
export function stateToHash(s: State = state, options: { points?: boolean } = {}): string {
  const fields: [string, string][] = [
    ['target', s.target],
    ['hidden', s.hidden.join(',')],
    ['activation', s.activation],
    ['init', s.init],
    ['seed', num(s.seed)],
    ['features', s.features.join(',')],
    ['noise', num(s.noise)],
    ['data', num(s.dataSeed)],
    ['share', num(s.trainShare)],
    ['optimizer', s.optimizer],
    ['lr', num(s.learningRate)],
    ['batch', num(s.batchSize)],
    ['l2', num(s.l2)],
    ['speed', num(s.speed)],
    ['layer', num(s.stepLayer)],
    ['back', num(s.backLayer)],
    ['on', s.backOn],
    ['sample', num(s.sampleIndex)],
    ['regions', s.showRegions ? '1' : '0'],
  ];
  if (s.columns.length) fields.push(['columns', JSON.stringify(s.columns)]);
  if (s.classes.length) fields.push(['classes', JSON.stringify(s.classes)]);
  if (s.points.length && options.points !== false && s.points.length <= MAX_LINK_POINTS) {
    fields.push(['points', s.points.map((p) => [...p.x, p.y].join(':')).join(';')]);
  }
  const json = JSON.stringify(s.net.toJSON());
  if (json !== JSON.stringify(buildNetwork(s).toJSON())) fields.push(['net', json]); // the weights moved: send them
  return `#${fields.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

/** A reader gives the change, or says why the value cannot be used. */
type Reader = (value: string) => Partial<State> | string;

const oneOf =
  <T extends string>(key: keyof State, values: readonly T[]): Reader =>
  (v) =>
    (values as readonly string[]).includes(v) ? { [key]: v as T } : `it must be one of ${values.join(', ')}`;

const ruled =
  (key: keyof State, rule: Rule): Reader =>
  (v) => {
    const n = Number(v);
    return v.trim() !== '' && Number.isFinite(n) && rule.test(n) ? { [key]: n } : `${rule.label} must be ${rule.says}`;
  };

/** How many entries a list of `separator`-separated values has, counted without splitting it. */
const countOf = (v: string, separator: string) => (v === '' ? 0 : v.split(separator).length);

/** A list of names in JSON (["weight","mpg"]): at most `max` texts of at most 100 characters. */
const names =
  (key: keyof State, max: number): Reader =>
  (v) => {
    let list: unknown;
    try {
      list = JSON.parse(v);
    } catch {
      return 'it must be a JSON list of names, such as ["x","y"]';
    }
    if (!Array.isArray(list) || list.length > max || list.some((n) => typeof n !== 'string' || n.length > 100)) {
      return `it must be a JSON list of at most ${max} names of at most 100 characters`;
    }
    return { [key]: list };
  };

/**
 * Points as numbers, one list per point: [x, y] for one input, [x₁, x₂, class] for two (class 0 or 1);
 * at most `max`, every number within ±MAX_POINT. Shared by links and the page's file.
 */
export function readPoints(rows: readonly (readonly number[])[], max: number): Point[] | string {
  if (rows.length > max) return `${rows.length} points but a link carries at most ${max}`;
  const width = rows[0]?.length;
  const points: Point[] = [];
  for (const [n, row] of rows.entries()) {
    if (row.length !== width || (width !== 2 && width !== 3)) {
      return `point ${n + 1} has ${row.length} numbers but every point has 2 (x:y) or every point 3 (x₁:x₂:class)`;
    }
    for (const [k, v] of row.entries()) {
      const what = k === row.length - 1 ? (width === 3 ? 'class' : 'y') : width === 3 ? `x${k + 1}` : 'x';
      const problem = pointProblem(v, `point ${n + 1} has ${what}`);
      if (problem) return problem;
    }
    if (width === 3 && row[2] !== 0 && row[2] !== 1) return `point ${n + 1} has class ${row[2]} but a class is 0 or 1`;
    points.push({ x: row.slice(0, -1), y: row[row.length - 1] });
  }
  return points;
}

const READERS: Record<string, Reader> = {
  target: oneOf('target', [...TARGETS_1D, ...TARGETS_2D]),
  hidden: (v) => {
    const count = countOf(v, ',');
    if (count > MAX_HIDDEN_LAYERS) return `${count} layers but the page draws at most ${MAX_HIDDEN_LAYERS}`;
    const sizes = v === '' ? [] : v.split(',').map(Number);
    return sizes.every((n) => Number.isInteger(n) && n >= 1 && n <= MAX_NEURONS)
      ? { hidden: sizes }
      : `every layer must have a whole number of neurons from 1 to ${MAX_NEURONS}`;
  },
  activation: oneOf<HiddenName>('activation', ['relu', 'leakyRelu', 'tanh', 'sigmoid']),
  init: oneOf<InitName>('init', ['article', 'he', 'xavier', 'uniform']),
  seed: ruled('seed', RULES.seed),
  features: (v) => {
    // At most one more than there are features: enough to find a duplicate or an unknown name, never 20,000.
    const features = v === '' ? [] : v.split(',', FEATURES.length + 1);
    for (const [n, feature] of features.entries()) {
      if (!(FEATURES as readonly string[]).includes(feature)) {
        return `"${feature.slice(0, 20)}" is not a feature of this page (${FEATURES.join(', ')})`;
      }
      if (features.indexOf(feature) !== n) return `"${feature}" twice but each feature comes once`;
    }
    return { features: features as Feature[] };
  },
  noise: ruled('noise', RULES.noise),
  data: ruled('dataSeed', RULES.dataSeed),
  share: ruled('trainShare', RULES.trainShare),
  optimizer: oneOf<OptimizerName>('optimizer', ['sgd', 'momentum', 'adam']),
  lr: ruled('learningRate', RULES.learningRate),
  batch: ruled('batchSize', RULES.batchSize),
  l2: ruled('l2', RULES.l2),
  speed: ruled('speed', RULES.speed),
  layer: ruled('stepLayer', RULES.stepLayer),
  back: ruled('backLayer', RULES.backLayer),
  on: oneOf('backOn', ['sample', 'batch']),
  sample: ruled('sampleIndex', RULES.sampleIndex),
  regions: (v) => (v === '1' || v === '0' ? { showRegions: v === '1' } : 'it must be 1 or 0'),
  columns: names('columns', 3),
  classes: names('classes', 2),
  points: (v) => {
    const count = countOf(v, ';');
    if (count > MAX_LINK_POINTS) return `${count} points but a link carries at most ${MAX_LINK_POINTS}`;
    const rows = v === '' ? [] : v.split(';').map((p) => p.split(':', 4).map((n) => (n.trim() === '' ? Number.NaN : Number(n))));
    const points = readPoints(rows, MAX_LINK_POINTS);
    return typeof points === 'string' ? points : { points };
  },
};

/** A value as a message quotes it: at most 40 characters. */
const quoted = (v: string) => (v.length > 40 ? `${v.slice(0, 40)}…` : v);

/**
 * The state a link describes: the fields it sets, the network it carries (null: build it from the fields),
 * and a message per field that could not be read (left at its default).
 */
export function hashToState(hash: string): { change: Partial<State>; net: Network | null; problems: string[] } {
  const change: Partial<State> = {};
  const problems: string[] = [];
  let net: Network | null = null;
  const parts = hash.replace(/^#/, '').split('&', MAX_FIELDS + 1).filter(Boolean);
  if (parts.length > MAX_FIELDS) problems.push(`the link has more than ${MAX_FIELDS} settings: the first ${MAX_FIELDS} are read`);
  for (const part of parts.slice(0, MAX_FIELDS)) {
    const at = part.indexOf('=');
    const key = (at < 0 ? part : part.slice(0, at)).slice(0, 40);
    const encoded = at < 0 ? '' : part.slice(at + 1);
    if (encoded.length > MAX_VALUE_LENGTH) {
      problems.push(`${key}=${quoted(encoded)} is not a valid value: ${encoded.length} characters but a value of a link has at most ${MAX_VALUE_LENGTH}`);
      continue;
    }
    let value = '';
    try {
      value = decodeURIComponent(encoded);
    } catch {
      problems.push(`${key}: not readable`);
      continue;
    }
    if (key === 'net') {
      try {
        net = Network.fromJSON(value);
      } catch (error) {
        problems.push(`net: ${(error as Error).message}`);
      }
      continue;
    }
    const read: Reader | undefined = Object.hasOwn(READERS, key) ? READERS[key] : undefined;
    const got = read ? read(value) : `${key} is not a setting of this page`;
    if (typeof got !== 'string') Object.assign(change, got);
    else problems.push(read ? `${key}=${quoted(value)} is not a valid value: ${got}` : got);
  }
  // Points must fit the target: x:y for one input, x₁:x₂:class for two.
  const target = change.target ?? state.target;
  if (change.points?.some((p) => p.x.length !== inputsOf(target))) {
    problems.push(`points: ${target} takes points of ${inputsOf(target)} input${inputsOf(target) === 1 ? '' : 's'}`);
    delete change.points;
  }
  return { change, net, problems };
}
