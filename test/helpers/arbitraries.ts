/**
 * fast-check arbitraries shared by the property tests (forward-exact, properties, backward):
 * matrices of safe entries, small sizes, and random networks with an X that fits.
 */
import fc from 'fast-check';
import { Network } from '../../src/index.js';

/** Entries small enough that sums of products never overflow. */
export const entry = fc.double({ min: -1e3, max: 1e3, noNaN: true });

/** A rows × cols matrix as nested arrays. */
export const grid = (rows: number, cols: number) =>
  fc.array(fc.array(entry, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

/** Sizes 1–9: whole 2×4 tiles of affineInto, an odd last row and leftover columns all get used. */
export const dim = fc.integer({ min: 1, max: 9 });

/** A softmax over one output is refused (Network's tests say so): such a draw gets a second output. */
function withoutLoneSoftmax<O extends { layers: number[]; output: string }>(options: O): O {
  return options.output === 'softmax' && options.layers.at(-1) === 1 ? { ...options, layers: [...options.layers.slice(0, -1), 2] } : options;
}

/** A seeded network of 2–5 layer sizes of 1–6, any hidden and output activation, any init. */
export const randomNetwork = fc
  .record({
    layers: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 5 }),
    hidden: fc.constantFrom('relu', 'leakyRelu', 'sigmoid', 'tanh', 'linear'),
    output: fc.constantFrom('relu', 'linear', 'sigmoid', 'softmax'),
    init: fc.constantFrom('he', 'xavier', 'uniform'),
    seed: fc.nat({ max: 2 ** 32 - 1 }),
  })
  .map((options) => new Network(withoutLoneSoftmax(options) as never));

/** A random network and an X that fits it: inputs × samples, 1 to 300 samples. */
export const networkAndX = randomNetwork.chain((n) =>
  fc.tuple(fc.constant(n), fc.integer({ min: 1, max: 300 }).chain((samples) => grid(n.inputs, samples))),
);

/**
 * Small numbers and both zeros: the sums of their products are exact, so a z often lands on 0
 * exactly (a ReLU kink, where g′ takes its value at 0), as 0 or as −0.
 */
export const kinkEntry = fc.constantFrom(-2, -1, -0.5, -0, 0, 0.5, 1, 2);

/** A network of 2–4 layer sizes of 1–4 with kinkEntry weights and biases, any activation, and an X of kinkEntry (1–9 samples). */
export const kinkyNetworkAndX = fc
  .record({
    layers: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 4 }),
    hidden: fc.constantFrom('relu', 'leakyRelu', 'sigmoid', 'tanh', 'linear'),
    output: fc.constantFrom('relu', 'linear', 'sigmoid', 'softmax'),
  })
  .map(withoutLoneSoftmax)
  .chain(({ layers, hidden, output }) => {
    const shapes = layers.slice(1).map((nOut, l) => [nOut, layers[l]] as const);
    const weights = fc.tuple(...shapes.map(([nOut, nIn]) => fc.record({ weights: kinkGrid(nOut, nIn), biases: fc.array(kinkEntry, { minLength: nOut, maxLength: nOut }) })));
    const X = fc.integer({ min: 1, max: 9 }).chain((samples) => kinkGrid(layers[0], samples));
    return fc.tuple(weights.map((given) => Network.fromWeights(given, { hidden, output } as never)), X);
  });

function kinkGrid(rows: number, cols: number) {
  return fc.array(fc.array(kinkEntry, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
}
