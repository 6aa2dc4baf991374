/**
 * The playground's whole state in one object, and the one way to change it:
 * `update(change)` applies a change, rebuilds the network if the architecture
 * changed, and redraws every view. Views never talk to each other.
 */
import { ARTICLE_LAYERS, type LayerInput, Network, standardize } from 'feedforward';
import { inputsOf, ownData, withFeatures } from './data.js';

export type HiddenName = 'relu' | 'leakyRelu' | 'tanh' | 'sigmoid';
/** 'article': the hand-picked weights of articleNetwork() (layers [1, 2, 2, 1] only); the others are seeded. */
export type InitName = 'article' | 'he' | 'xavier' | 'uniform';
/** 'points' and 'points2d': your own data (points you click, or a CSV), with one input or two. */
export type Target1D = 'sine' | 'step' | 'abs' | 'points';
export type Target2D = 'xor' | 'circles' | 'moons' | 'spiral' | 'points2d';
export type OptimizerName = 'sgd' | 'momentum' | 'adam';
/** Extra input features computed from the raw inputs: x² and sin x of each. */
export type Feature = 'square' | 'sin';

/** One point of your own data: its raw inputs (x, or x₁ and x₂) and its target (y, or the class 0 or 1). */
export interface Point {
  x: number[];
  y: number;
}

export interface State {
  /** Hidden layer sizes; the inputs (from the target and the features) and the output (1) come from the rest. */
  hidden: number[];
  activation: HiddenName;
  init: InitName;
  seed: number;
  target: Target1D | Target2D;
  /** Extra input features (x², sin x) fed to the network beside the raw inputs. */
  features: Feature[];
  /** Your own data, for the 'points' and 'points2d' targets: clicked, or read from a CSV. */
  points: Point[];
  /** The CSV's column names (the inputs, then the target), or empty for clicked points. */
  columns: string[];
  /** The names of class 0 and class 1 when a CSV's target column held two words; empty otherwise. */
  classes: string[];
  /** Standard deviation of the noise added to the data; `dataSeed` draws the points and the noise. */
  noise: number;
  dataSeed: number;
  /** Share of the points used for training (the rest are held out to measure the test loss), in (0, 1]. */
  trainShare: number;
  optimizer: OptimizerName;
  learningRate: number;
  batchSize: number;
  /** λ of L2 weight decay (fit's `l2` option): each step adds λ·W to dW. */
  l2: number;
  /** Epochs per second while playing, or 0 for full speed. */
  speed: number;
  /** Which layer the forward stepper shows (1 = the first weight layer). */
  stepLayer: number;
  /** Which layer the backpropagation stepper shows: it starts at the output and goes back. */
  backLayer: number;
  /** Backpropagate one training sample (`sampleIndex`) or the whole training set at once. */
  backOn: 'sample' | 'batch';
  /** The training sample both steppers follow through the network (counting from 0). */
  sampleIndex: number;
  /** Colour the plane by ReLU on/off pattern instead of by prediction (two inputs). */
  showRegions: boolean;
  net: Network;
  /** Training loss after each epoch, and the loss on the held-out points (empty when none are held out). */
  losses: number[];
  testLosses: number[];
  training: boolean;
}

export const TARGETS_1D: readonly Target1D[] = ['sine', 'step', 'abs', 'points'];
export const TARGETS_2D: readonly Target2D[] = ['xor', 'circles', 'moons', 'spiral', 'points2d'];
/** The targets that are your own data. */
export const isOwnData = (target: State['target']) => target === 'points' || target === 'points2d';

export { inputsOf };

/** The layer sizes of the network the state describes: [inputs (raw + features), ...hidden, 1]. */
export function sizesOf(state: Pick<State, 'hidden' | 'target' | 'features'>): number[] {
  const raw = inputsOf(state.target);
  return [raw * (1 + state.features.length), ...state.hidden, 1];
}

/** Whether the article's hand-picked weights fit this architecture: layers [1, 2, 2, 1]. */
export function articleFits(state: Pick<State, 'hidden' | 'target' | 'features'>): boolean {
  return JSON.stringify(sizesOf(state)) === '[1,2,2,1]';
}

/**
 * A fresh network for the state's architecture: the article's weights (articleNetwork()) when asked for and
 * they fit, else seeded. Two-input targets are classes: a sigmoid output. Your own data far from the
 * plotted square (|x| or |y| > 3) is standardized, as the library's docs advise: the network carries
 * the standardizers (net.standardize), so `net.predict` takes and gives the data's own units.
 */
export function buildNetwork(
  state: Pick<State, 'hidden' | 'target' | 'features' | 'activation' | 'init' | 'seed' | 'points'>,
): Network {
  const output = inputsOf(state.target) === 2 ? 'sigmoid' : 'linear';
  const net =
    state.init === 'article' && articleFits(state)
      ? Network.fromWeights(ARTICLE_LAYERS as LayerInput[], { hidden: state.activation, output })
      : new Network({
          layers: sizesOf(state),
          hidden: state.activation,
          output,
          init: state.init === 'article' ? 'he' : state.init,
          seed: state.seed,
        });
  const own = isOwnData(state.target) ? ownData(state.points, inputsOf(state.target)) : null;
  if (own) {
    const far = (values: ArrayLike<number>) => Array.from(values).some((v) => Math.abs(v) > 3);
    const inputs = far(own.X.data) ? standardize(withFeatures(own.X, state.features)) : undefined;
    const outputs = output === 'linear' && far(own.Y.data) ? standardize(own.Y) : undefined;
    if (inputs || outputs) net.standardize = { inputs, outputs };
  }
  return net;
}

/** The page's first set-up: the article's network on a sine, with settings that train it without killing a neuron. */
export const DEFAULTS = Object.freeze({
  hidden: [2, 2], // the article's network: [1, 2, 2, 1]
  activation: 'relu' as HiddenName,
  init: 'article' as InitName,
  seed: 42,
  target: 'sine' as State['target'],
  features: [] as Feature[],
  points: [] as Point[],
  columns: [] as string[],
  classes: [] as string[],
  noise: 0,
  dataSeed: 1,
  trainShare: 0.75,
  // Plain gradient descent, as the backpropagation stepper shows it: from the article's weights it fits
  // the sine on every data seed tried with all four hidden neurons alive (Adam at 0.01 kills a
  // layer-2 neuron on some of them and ends as a flat line).
  optimizer: 'sgd' as OptimizerName,
  learningRate: 0.02,
  batchSize: 32,
  l2: 0,
  speed: 20,
  stepLayer: 1,
  backLayer: 3,
  backOn: 'sample' as State['backOn'],
  sampleIndex: 0,
  showRegions: false,
});

/** The defaults as a fresh state (new lists, the article's network). */
export function defaultState(): State {
  return {
    ...DEFAULTS,
    hidden: DEFAULTS.hidden.slice(),
    features: [],
    points: [],
    columns: [],
    classes: [],
    net: buildNetwork(DEFAULTS),
    losses: [],
    testLosses: [],
    training: false,
  };
}

export const state: State = defaultState();

/**
 * What changed: 'all' (the controls too), 'weights' (a hand edit or a step: every view
 * but the controls), or 'training' (a training frame: the function and the loss now,
 * the slower views now and then).
 */
export type Redraw = 'all' | 'weights' | 'training';
type Listener = (redraw: Redraw) => void;
const listeners: Listener[] = [];

/** Calls `listener` after every update. */
export function onUpdate(listener: Listener): void {
  listeners.push(listener);
}

/** The fields whose change means a new network. */
const ARCHITECTURE: (keyof State)[] = ['hidden', 'activation', 'init', 'seed', 'target', 'features'];
/** The fields whose change means new data (and so a fresh start of the loss curves). */
const DATA: (keyof State)[] = ['target', 'noise', 'dataSeed', 'trainShare', 'points', 'columns', 'classes'];

const changed = (change: Partial<State>, keys: (keyof State)[]) =>
  keys.some((key) => key in change && JSON.stringify(change[key]) !== JSON.stringify(state[key]));

/** Applies a change and redraws. A change of architecture rebuilds the network; either that or new data clears the losses. */
export function update(change: Partial<State> = {}, redraw: Redraw = 'all'): void {
  const rebuild = changed(change, ARCHITECTURE);
  const newData = changed(change, DATA);
  Object.assign(state, change);
  if (state.init === 'article' && !articleFits(state)) state.init = 'he';
  if (rebuild) {
    state.net = buildNetwork(state);
    state.stepLayer = Math.min(state.stepLayer, state.net.layers.length);
    state.backLayer = state.net.layers.length;
  }
  if (rebuild || newData) {
    state.losses = [];
    state.testLosses = [];
  }
  for (const listener of listeners) listener(redraw);
}

/** Starts again from the first weights of the current architecture (the article's, or the seed's). */
export function resetNetwork(change: Partial<State> = {}): void {
  Object.assign(state, change);
  state.net = buildNetwork(state);
  state.losses = [];
  state.testLosses = [];
  state.training = false;
  update();
}

/** Every setting back to the page's first set-up: the article's network on the sine, nothing of yours kept. */
export function resetEverything(): void {
  Object.assign(state, defaultState());
  update();
}

/**
 * Puts an existing network (imported, or from a link) on the page, with the architecture fields that describe
 * it. Throws (with a message for the learner) if the page cannot draw it: 1 or 2 raw inputs, 1 output.
 */
export function useNetwork(net: Network, change: Partial<State> = {}): void {
  const sizes = net.sizes;
  const features = change.features ?? [];
  const raw = sizes[0] / (1 + features.length);
  if (raw !== 1 && raw !== 2) {
    throw new Error(`the network has ${sizes[0]} inputs but the page draws networks of 1 or 2 inputs (x, or x₁ and x₂)`);
  }
  if (sizes[sizes.length - 1] !== 1) throw new Error(`the network has ${sizes[sizes.length - 1]} outputs but the page draws networks of 1 output`);
  if (sizes.length > 8 || sizes.slice(1, -1).some((n) => n > 16)) throw new Error(`the network has layers ${JSON.stringify(sizes)} but the page draws at most 6 hidden layers of at most 16 neurons`);
  const wanted = change.target ?? state.target;
  const target = inputsOf(wanted) === raw ? wanted : raw === 2 ? 'xor' : 'sine';
  const hiddenName = net.layers[0].activation.name as HiddenName;
  Object.assign(state, change, {
    net,
    target,
    hidden: sizes.slice(1, -1),
    features,
    activation: ['relu', 'leakyRelu', 'tanh', 'sigmoid'].includes(hiddenName) ? hiddenName : state.activation,
    losses: [],
    testLosses: [],
    training: false,
  });
  if (state.init === 'article' && !articleFits(state)) state.init = 'he';
  state.stepLayer = Math.min(state.stepLayer, net.layers.length);
  state.backLayer = Math.min(state.backLayer, net.layers.length);
  update();
}
