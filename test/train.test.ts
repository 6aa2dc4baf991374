import { describe, expect, it, vi } from 'vitest';
import {
  DivergenceError,
  FIT_DEFAULTS,
  Matrix,
  Network,
  adam,
  datasets,
  restoreTrainingState,
  sgd,
  trainingState,
} from '../src/index.js';
import type { Optimizer } from '../src/index.js';
import { bits, expectSameBits } from './helpers/oracles.js';

const weightsOf = (net: Network) => net.layers.flatMap((layer) => [...layer.weights.data, ...layer.biases.data]);
const quiet = { onWarning: () => {} };

describe('Network.fit', () => {
  it('learns XOR to a loss below 0.01', () => {
    const { X, Y } = datasets.xor();
    const net = new Network({ layers: [2, 8, 1], output: 'sigmoid', seed: 1 });
    const history = net.fit(X, Y, { epochs: 500, learningRate: 0.05 });
    expect(history.loss.at(-1)).toBeLessThan(0.01);
    expect(net.forward(X).toArray()[0].map(Math.round)).toEqual([0, 1, 1, 0]);
  });
  it('returns one loss per epoch, and a validation loss per epoch only when validation data is given', () => {
    const { X, Y } = datasets.sine({ samples: 20 });
    const net = new Network({ layers: [1, 4, 1], seed: 1 });
    expect(net.fit(X, Y, { epochs: 3 })).toEqual({ loss: [expect.any(Number), expect.any(Number), expect.any(Number)] });
    const history = net.fit(X, Y, { epochs: 2, validation: { X, Y } });
    expect(history.validationLoss).toHaveLength(2);
  });
  it('gives the same weights, bit for bit, for the same seed (shuffled minibatches)', () => {
    const { X, Y } = datasets.moons({ samples: 100, seed: 3 });
    const train = (seed: number) => {
      const net = new Network({ layers: [2, 8, 1], output: 'sigmoid', seed: 1 });
      net.fit(X, Y, { epochs: 5, batchSize: 16, seed });
      return weightsOf(net);
    };
    expectSameBits(train(9), train(9));
    expect(bits(train(9))).not.toEqual(bits(train(10))); // another seed, another order, other weights
  });
  it('shuffles the samples anew each epoch (seeded), and keeps their order with shuffle: false', () => {
    // With w = 0, b = 0 and one sample per batch, db = 2·(0 − y) = −2y names the sample: y = its number.
    const visits = (shuffle: boolean) => {
      const net = Network.fromWeights([{ weights: [[0]], biases: [0] }]);
      const order: number[] = [];
      const recorder: Optimizer = { ...sgd(), step: (_layers, grads) => void order.push(-grads[0].db.get(0, 0) / 2) }; // records, never moves
      net.fit([[0, 0, 0, 0, 0, 0]], [[1, 2, 3, 4, 5, 6]], { epochs: 2, batchSize: 1, shuffle, optimizer: recorder });
      return [order.slice(0, 6), order.slice(6)];
    };
    const [first, second] = visits(true);
    expect([...first].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...second].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(first).not.toEqual(second);
    expect(visits(false)).toEqual([[1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6]]);
  });
  it('changes only the weights and biases: not X, not Y, not the activations', () => {
    const X = [[0, 1, 2, 3]];
    const Y = [[1, 3, 5, 7]];
    [X, Y].forEach((M) => Object.freeze(M.forEach((row) => Object.freeze(row))));
    const net = new Network({ layers: [1, 3, 1], seed: 2 });
    const activations = net.layers.map((layer) => layer.activation);
    const matrices = net.layers.map((layer) => layer.weights);
    net.fit(X, Y, { epochs: 5 });
    expect(X).toEqual([[0, 1, 2, 3]]);
    expect(Y).toEqual([[1, 3, 5, 7]]);
    expect(net.layers.map((layer) => layer.activation)).toEqual(activations);
    expect(net.layers.map((layer) => layer.weights)).toEqual(matrices); // the same Matrix objects, new numbers
  });
  it('adds λ·W to dW with l2: one sgd step on a zero gradient shrinks w = 1 to 1 − η·λ', () => {
    // x = 0, y = 0, w = 1, b = 0: z = 0, so dW = 0; with λ = 0.5, η = 0.1: w = 1 − 0.1·0.5·1 = 0.95
    const net = Network.fromWeights([{ weights: [[1]], biases: [0] }]);
    net.fit([[0]], [[0]], { epochs: 1, optimizer: 'sgd', learningRate: 0.1, l2: 0.5 });
    expect(net.layers[0].weights.get(0, 0)).toBe(0.95);
  });
  it('calls onEpoch after every epoch, counting from 1, and stops when it returns false', () => {
    const { X, Y } = datasets.sine({ samples: 10 });
    const seen: number[] = [];
    const history = new Network({ layers: [1, 2, 1] }).fit(X, Y, { epochs: 10, onEpoch: (epoch) => (seen.push(epoch), epoch < 3) });
    expect(seen).toEqual([1, 2, 3]);
    expect(history.loss).toHaveLength(3);
  });
  it('stops early when the validation loss has not improved for `patience` epochs, keeping the best weights', () => {
    // A wide network on 12 noisy points overfits: the held-out loss turns up.
    const train = datasets.sine({ samples: 12, noise: 0.3, seed: 1 });
    const held = datasets.sine({ samples: 50, noise: 0.3, seed: 2 });
    const net = new Network({ layers: [1, 64, 64, 1], seed: 1 });
    const history = net.fit(train.X, train.Y, { epochs: 2000, learningRate: 0.01, validation: held, patience: 20 });
    expect(history.loss.length).toBeLessThan(2000);
    const best = Math.min(...history.validationLoss!);
    expect(history.validationLoss!.indexOf(best)).toBe(history.loss.length - 21); // 20 epochs without improvement after the best
    const now = net.gradients(held.X, held.Y).loss; // the kept weights are the best epoch's
    expect(Math.abs(now - best) / best).toBeLessThan(1e-12);
  });
  it('lists its defaults in FIT_DEFAULTS: 100 epochs of adam at 0.01, loss auto, shuffled, no l2, no progress bar', () => {
    expect(FIT_DEFAULTS).toMatchObject({ epochs: 100, learningRate: 0.01, optimizer: 'adam', loss: 'auto', shuffle: true, l2: 0, progress: false });
  });
  it('draws a progress bar on stderr (epoch, loss, time left) only when asked, and trains the same either way', () => {
    const { X, Y } = datasets.sine({ samples: 10 });
    const written: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    try {
      const silent = new Network({ layers: [1, 3, 1] }).fit(X, Y, { epochs: 3 });
      expect(written).toEqual([]);
      expect(new Network({ layers: [1, 3, 1] }).fit(X, Y, { epochs: 3, progress: true })).toEqual(silent);
    } finally {
      write.mockRestore();
    }
    expect(written.join('')).toMatch(/epoch 3\/3 \[.*\] loss [\d.]+ \| \d+s left/);
  });
});

describe('when training goes wrong', () => {
  it('stops a diverging run (learning rate 1e6) with an error naming the epoch and the last finite loss, and keeps finite weights', () => {
    const { X, Y } = datasets.sine({ samples: 30 });
    const net = new Network({ layers: [1, 8, 8, 1], seed: 1 });
    let error: unknown;
    try {
      net.fit(X, Y, { epochs: 50, optimizer: 'sgd', learningRate: 1e6 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DivergenceError);
    expect((error as Error).message).toMatch(
      /^Network.fit: .* in epoch \d+ \(the last finite loss was [\d.e+]+\); the network keeps its last finite weights. The learning rate 1000000 is probably too large: try a smaller one, such as 100000$/,
    );
    expect(Number.isFinite((error as DivergenceError).lastFiniteLoss)).toBe(true);
    expect(weightsOf(net).every(Number.isFinite)).toBe(true);
  });
  it('undoes a step that fails half-way: the weights are those before the step', () => {
    const { X, Y } = datasets.sine({ samples: 10 });
    const net = new Network({ layers: [1, 3, 1], seed: 1 });
    let steps = 0;
    let before: number[] = [];
    const failing: Optimizer = {
      ...sgd({ learningRate: 0.1 }),
      step(layers) {
        if (++steps === 3) {
          before = weightsOf(net);
          layers[0].weights.data[0] = 123; // half a step…
          throw new Error('power cut'); // …then the failure
        }
      },
    };
    expect(() => net.fit(X, Y, { epochs: 5, optimizer: failing })).toThrow('power cut');
    expectSameBits(weightsOf(net), before);
  });
  it('says what trainingState needs when given something else', () => {
    expect(() => trainingState(null as never, sgd(), 1)).toThrow(/trainingState: net is null but it must be a Network/);
    expect(() => trainingState(new Network({ layers: [1, 1] }), {} as never, 1)).toThrow(/trainingState: optimizer is an object \(Object\) but must be an optimizer/);
  });
  it('resumes a saved run (network + adam state) to the same weights as an uninterrupted one, bit for bit', () => {
    const { X, Y } = datasets.moons({ samples: 64, seed: 5 });
    const options = { epochs: 10, batchSize: 16, seed: 4 };
    const whole = new Network({ layers: [2, 6, 1], output: 'sigmoid', seed: 8 });
    const wholeHistory = whole.fit(X, Y, { ...options, optimizer: adam({ learningRate: 0.02 }) });

    const first = new Network({ layers: [2, 6, 1], output: 'sigmoid', seed: 8 });
    const optimizer = adam({ learningRate: 0.02 });
    first.fit(X, Y, { ...options, epochs: 4, optimizer });
    const saved = JSON.stringify(trainingState(first, optimizer, 4)); // …interrupted here, saved to disk…
    const resumed = restoreTrainingState(saved);
    const rest = resumed.network.fit(X, Y, { ...options, optimizer: resumed.optimizer, initialEpoch: resumed.epoch });

    expectSameBits(weightsOf(resumed.network), weightsOf(whole));
    expect(rest.loss).toEqual(wholeHistory.loss.slice(4));
  });
});

describe('warnings', () => {
  it('warns once, in plain words, when the targets lie outside what the output activation produces (with mse: a cross-entropy refuses them)', () => {
    const net = new Network({ layers: [1, 2, 1], output: 'sigmoid', seed: 1 });
    const warnings: string[] = [];
    const onWarning = (message: string) => warnings.push(message);
    net.fit([[0, 1]], [[0, 5]], { epochs: 1, loss: 'mse', onWarning });
    net.fit([[0, 1]], [[0, 5]], { epochs: 1, loss: 'mse', onWarning });
    expect(warnings).toEqual([
      'Network.fit: the targets Y go from 0 to 5 but a sigmoid output only produces numbers between 0 and 1, so the network can never reach them (rescale the targets, e.g. with fit\'s standardize: \'both\', or use a linear output)',
    ]);
  });
  it('warns when an input feature is far from standardized, naming it', () => {
    const warnings: string[] = [];
    new Network({ layers: [2, 2, 1], seed: 1 }).fit([[0, 1], [100, 300]], [[0, 1]], { epochs: 1, onWarning: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Network.fit: input feature 2 \(row 2 of X\) has mean 200 and standard deviation 100, far from standardized/);
  });
  it('stays silent on standardized inputs and reachable targets', () => {
    const warn = vi.fn();
    new Network({ layers: [1, 2, 1], output: 'sigmoid', seed: 1 }).fit([[-1, 1]], [[0, 1]], { epochs: 1, onWarning: warn });
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('fit options that cannot work', () => {
  const net = () => new Network({ layers: [1, 2, 1], seed: 1 });
  it('refuses a learning rate that is not > 0, naming fit', () => {
    expect(() => net().fit([[1]], [[1]], { learningRate: -1 })).toThrow(/Network.fit: learningRate is -1 but it must be a number > 0/);
  });
  it('refuses a batchSize larger than the data', () => {
    expect(() => net().fit([[1, 2]], [[1, 2]], { batchSize: 3 })).toThrow(/Network.fit: batchSize is 3 but there are only 2 samples \(columns of X\)/);
  });
  it('names a misspelt option', () => {
    expect(() => net().fit([[1]], [[1]], { epoch: 3 } as never)).toThrow(/Network.fit: unknown option "epoch" \(did you mean "epochs"\?\) \(known: epochs, initialEpoch,/);
  });
  it('refuses patience without validation data', () => {
    expect(() => net().fit([[1]], [[1]], { patience: 3 })).toThrow(/Network.fit: patience is 3 but no validation data was given/);
  });
  it('refuses a learningRate next to an optimizer object, which has its own', () => {
    expect(() => net().fit([[1]], [[1]], { optimizer: sgd({ learningRate: 0.1 }), learningRate: 0.5 })).toThrow(
      /Network.fit: learningRate 0.5 was given but the optimizer object has its own \(0.1\)/,
    );
  });
  it('refuses an unknown optimizer name', () => {
    expect(() => net().fit([[1]], [[1]], { optimizer: 'rmsprop' as 'sgd' })).toThrow(/Network.fit: optimizer "rmsprop" is unknown/);
  });
  it('validates everything before changing anything: a bad validation set leaves the weights alone', () => {
    const n = net();
    const before = weightsOf(n);
    expect(() => n.fit([[1]], [[1]], { validation: { X: [[1], [2]], Y: [[1]] } })).toThrow(/Network.fit: validation: X has 2 rows/);
    expectSameBits(weightsOf(n), before);
  });
  it('refuses validation data that is not { X, Y }', () => {
    expect(() => net().fit([[1]], [[1]], { validation: 5 as never })).toThrow(/Network.fit: validation is 5 but it must be held-out data \{ X, Y \}/);
  });
  it('refuses an onEpoch that is not a function', () => {
    expect(() => net().fit([[1]], [[1]], { onEpoch: 'log' as never })).toThrow(/Network.fit: onEpoch is "log" but it must be a function/);
  });
  it('refuses a shuffle that is not true or false', () => {
    expect(() => net().fit([[1]], [[1]], { shuffle: 'yes' as never })).toThrow(/Network.fit: shuffle is "yes" but it must be true or false/);
  });
  it('names the epochs when initialEpoch leaves nothing to do', () => {
    expect(() => net().fit([[1]], [[1]], { epochs: 5, initialEpoch: 5, ...quiet })).toThrow(/Network.fit: initialEpoch is 5 but epochs is 5/);
  });
  it('takes Matrix inputs as well as arrays', () => {
    expect(net().fit(Matrix.from([[1, 2]]), Matrix.from([[2, 4]]), { epochs: 1 }).loss).toHaveLength(1);
  });
});

describe('fit never trains on a loss that is not one: targets outside [0, 1], a validation loss of Infinity', () => {
  it('refuses cross-entropy targets outside [0, 1] (they give a negative loss that fit would follow down)', () => {
    const net = new Network({ layers: [1, 2, 1], output: 'sigmoid', seed: 1 });
    expect(() => net.fit([[0, 1]], [[0, 2]], { epochs: 1 })).toThrow('Network.fit: Y has 2 at row 1, column 2 but binaryCrossEntropy needs probabilities in [0, 1]');
    expect(() => net.fit([[0, 1]], [[0, 1]], { epochs: 1, validation: { X: [[0]], Y: [[-1]] } })).toThrow(
      'Network.fit: validation: Y has -1 at row 1, column 1 but binaryCrossEntropy needs probabilities in [0, 1]',
    );
  });
  it('stops with a DivergenceError when the validation loss is Infinity, instead of recording it', () => {
    const net = Network.fromWeights([{ weights: [[1]], biases: [0] }]);
    expect(() => net.fit([[1]], [[1]], { epochs: 2, validation: { X: [[1e300]], Y: [[-1e300]] } })).toThrow(
      /^Network.fit: the validation loss became Infinity in epoch 1 \(the validation data drives the outputs beyond float64\)/,
    );
  });
});
