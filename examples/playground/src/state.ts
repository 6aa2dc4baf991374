/**
 * The playground's whole state in one object, and the one way to change it:
 * `update(change)` applies a change, rebuilds the network if the architecture
 * changed, and redraws every view. Views never talk to each other.
 */
import { Network } from 'feedforward';

export type HiddenName = 'relu' | 'leakyRelu' | 'tanh' | 'sigmoid';
export type InitName = 'he' | 'xavier' | 'uniform';
export type Target1D = 'sine' | 'step' | 'abs' | 'points';
export type Target2D = 'xor' | 'circles' | 'moons' | 'spiral';
export type OptimizerName = 'sgd' | 'momentum' | 'adam';

export interface State {
  /** Hidden layer sizes; the inputs (1 or 2) and the output (1) come from the target. */
  hidden: number[];
  activation: HiddenName;
  init: InitName;
  seed: number;
  target: Target1D | Target2D;
  /** Points the learner clicked, for the 'points' target. */
  points: { x: number; y: number }[];
  optimizer: OptimizerName;
  learningRate: number;
  batchSize: number;
  /** Which layer the stepper shows (1 = the first weight layer). */
  stepLayer: number;
  /** The input the stepper follows through the network. */
  sample: number[];
  /** Colour the plane by ReLU on/off pattern instead of by prediction (two inputs). */
  showRegions: boolean;
  net: Network;
  /** Loss after each training step. */
  losses: number[];
  training: boolean;
}

export const TARGETS_1D: readonly Target1D[] = ['sine', 'step', 'abs', 'points'];
export const TARGETS_2D: readonly Target2D[] = ['xor', 'circles', 'moons', 'spiral'];

export function inputsOf(target: State['target']): number {
  return (TARGETS_2D as readonly string[]).includes(target) ? 2 : 1;
}

/** The layer sizes of the network the state describes: [inputs, ...hidden, 1]. */
export function sizesOf(state: Pick<State, 'hidden' | 'target'>): number[] {
  return [inputsOf(state.target), ...state.hidden, 1];
}

/** A fresh seeded network for the state's architecture. Two-input targets are classes: a sigmoid output. */
export function buildNetwork(state: Pick<State, 'hidden' | 'target' | 'activation' | 'init' | 'seed'>): Network {
  return new Network({
    layers: sizesOf(state),
    hidden: state.activation,
    output: inputsOf(state.target) === 2 ? 'sigmoid' : 'linear',
    init: state.init,
    seed: state.seed,
  });
}

const initial = {
  hidden: [2, 2], // the article's network: [1, 2, 2, 1]
  activation: 'relu' as HiddenName,
  init: 'he' as InitName,
  seed: 42,
  target: 'sine' as State['target'],
};

export const state: State = {
  ...initial,
  points: [],
  optimizer: 'adam',
  learningRate: 0.01,
  batchSize: 32,
  stepLayer: 1,
  sample: [1],
  showRegions: false,
  net: buildNetwork(initial),
  losses: [],
  training: false,
};

/**
 * What changed: 'all' (the controls too), 'weights' (a hand edit: every view
 * but the controls), or 'training' (a training frame: the function and the
 * loss now, the slower views now and then).
 */
export type Redraw = 'all' | 'weights' | 'training';
type Listener = (redraw: Redraw) => void;
const listeners: Listener[] = [];

/** Calls `listener` after every update. */
export function onUpdate(listener: Listener): void {
  listeners.push(listener);
}

/** The fields whose change means a new network. */
const ARCHITECTURE: (keyof State)[] = ['hidden', 'activation', 'init', 'seed', 'target'];

/** Applies a change and redraws. A change of architecture rebuilds the network and clears the losses. */
export function update(change: Partial<State> = {}, redraw: Redraw = 'all'): void {
  const rebuild = ARCHITECTURE.some((key) => key in change && change[key] !== state[key]);
  Object.assign(state, change);
  if (rebuild) {
    state.net = buildNetwork(state);
    state.losses = [];
    state.stepLayer = Math.min(state.stepLayer, state.net.layers.length);
    const inputs = inputsOf(state.target);
    if (state.sample.length !== inputs) state.sample = inputs === 1 ? [1] : [0.5, -0.5];
  }
  for (const listener of listeners) listener(redraw);
}

/** Starts again from the seeded weights of the current architecture. */
export function resetNetwork(): void {
  state.net = buildNetwork(state);
  state.losses = [];
  state.training = false;
  update();
}
