/**
 * The page's state in its address, so a teacher can send a link that opens a
 * given network (its exact weights), target and view: `#target=sine&hidden=2,2&…&net={…}`.
 * `stateToHash` writes it; `hashToState` reads it back, checking every field:
 * a bad one is named in a message and left at its default.
 */
import { Network } from 'feedforward';
import {
  type Feature,
  type HiddenName,
  type InitName,
  type OptimizerName,
  type State,
  TARGETS_1D,
  TARGETS_2D,
  buildNetwork,
  state,
} from './state.js';

const num = (v: number) => String(v);

/** The link's fields: the architecture, the data, the training settings and the view, then the weights if they moved. */
export function stateToHash(s: State = state): string {
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
  if (s.points.length) fields.push(['points', s.points.map((p) => `${p.x}:${p.y}`).join(';')]);
  const json = JSON.stringify(s.net.toJSON());
  if (json !== JSON.stringify(buildNetwork(s).toJSON())) fields.push(['net', json]); // the weights moved: send them
  return `#${fields.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

type Reader = (value: string) => Partial<State> | null;
const oneOf =
  <T extends string>(key: keyof State, values: readonly T[]): Reader =>
  (v) => ((values as readonly string[]).includes(v) ? { [key]: v as T } : null);
const number =
  (key: keyof State, test: (v: number) => boolean): Reader =>
  (v) => {
    const n = Number(v);
    return v !== '' && Number.isFinite(n) && test(n) ? { [key]: n } : null;
  };
const whole = (lo: number, hi: number) => (v: number) => Number.isInteger(v) && v >= lo && v <= hi;

const READERS: Record<string, Reader> = {
  target: oneOf('target', [...TARGETS_1D, ...TARGETS_2D]),
  hidden: (v) => {
    const sizes = v === '' ? [] : v.split(',').map(Number);
    return sizes.length <= 6 && sizes.every(whole(1, 16)) ? { hidden: sizes } : null;
  },
  activation: oneOf<HiddenName>('activation', ['relu', 'leakyRelu', 'tanh', 'sigmoid']),
  init: oneOf<InitName>('init', ['article', 'he', 'xavier', 'uniform']),
  seed: number('seed', whole(0, 0xffffffff)),
  features: (v) => {
    const features = v === '' ? [] : v.split(',');
    return features.every((f) => f === 'square' || f === 'sin') ? { features: features as Feature[] } : null;
  },
  noise: number('noise', (n) => n >= 0 && n <= 1),
  data: number('dataSeed', whole(0, 0xffffffff)),
  share: number('trainShare', (n) => n > 0 && n <= 1),
  optimizer: oneOf<OptimizerName>('optimizer', ['sgd', 'momentum', 'adam']),
  lr: number('learningRate', (n) => n > 0),
  batch: number('batchSize', whole(1, 1e6)),
  l2: number('l2', (n) => n >= 0),
  speed: number('speed', (n) => n >= 0),
  layer: number('stepLayer', whole(1, 8)),
  back: number('backLayer', whole(1, 8)),
  on: oneOf('backOn', ['sample', 'batch']),
  sample: number('sampleIndex', whole(0, 1e6)),
  regions: (v) => (v === '1' || v === '0' ? { showRegions: v === '1' } : null),
  points: (v) => {
    const points = v.split(';').map((p) => p.split(':').map(Number));
    return points.every((p) => p.length === 2 && p.every(Number.isFinite)) ? { points: points.map(([x, y]) => ({ x, y })) } : null;
  },
};

/**
 * The state a link describes: the fields it sets, the network it carries (null: build it from the fields),
 * and a message per field that could not be read (left at its default).
 */
export function hashToState(hash: string): { change: Partial<State>; net: Network | null; problems: string[] } {
  const change: Partial<State> = {};
  const problems: string[] = [];
  let net: Network | null = null;
  for (const part of hash.replace(/^#/, '').split('&').filter(Boolean)) {
    const at = part.indexOf('=');
    const key = at < 0 ? part : part.slice(0, at);
    let value = '';
    try {
      value = decodeURIComponent(at < 0 ? '' : part.slice(at + 1));
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
    const got = read ? read(value) : null;
    if (got) Object.assign(change, got);
    else problems.push(read ? `${key}=${value} is not a valid value` : `${key} is not a setting of this page`);
  }
  return { change, net, problems };
}
