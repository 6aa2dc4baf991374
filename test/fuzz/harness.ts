/**
 * A fuzz harness for public entry points. One line points it at a function:
 *
 *   fuzz('multiply', multiply, arg.matrix, arg.matrix);
 *   fuzz('Network.forward', (net, X) => net.forward(X), arg.network, arg.matrix);
 *
 * Each argument is drawn from a mix of valid values and malformed ones (ragged
 * or empty arrays, NaN, Infinity, strings, null, objects, huge or fractional
 * sizes, option objects with typos, `__proto__` keys…). Every call must either
 * return a finite, well-shaped result or throw ShapeError / ValueError (a
 * RangeError only where the entry point documents one): never a TypeError from
 * inside, never NaN or Infinity out, never a call that uses a second of CPU. Every
 * argument is deep-frozen, and every Matrix among them must come back unchanged.
 *
 * Runs are seeded (FUZZ_SEED) and bounded (numRuns), so CI runs the same cases in seconds.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { Matrix, Network, ShapeError, ValueError } from '../../src/index.js';
import { deepFreeze, snapshot, unchanged } from '../helpers/frozen.js';

/** The seed of every fuzz run: change it to explore, keep it fixed in CI. */
export const FUZZ_SEED = 20261127;

/** Runs per entry point: enough to reach every error path of a small function, small enough for CI. */
export const FUZZ_RUNS = 300;

/**
 * A call that uses this much CPU time (ms) counts as a hang: every fuzz input is tiny, and
 * the slowest call uses under 0.2 s. CPU time, not wall time: on a loaded machine a call
 * waits longer for a core, but it does not need more of one.
 */
export const SLOW_CPU_MS = 1000;

// ---------------------------------------------------------------------------
// Values

/** Finite numbers, including the edges of float64: -0, subnormals, ±MAX_VALUE. */
const finite = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -3, max: 3 }) },
  { weight: 3, arbitrary: fc.double({ min: -10, max: 10, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(-0, 5e-324, -5e-324, 1e-300, 1e300, Number.MAX_VALUE, -Number.MAX_VALUE) },
);

/** Finite numbers of ordinary size (|x| ≤ 1000): for entry points not yet checked for float64 overflow. */
const moderate = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.constant(-0));

/** Values that are not finite numbers. */
export const badNumber = fc.constantFrom<unknown>(NaN, Infinity, -Infinity, '1', null, undefined, true, [], {}, 1n);

/** Anything at all that is not what was asked for: the junk drawer. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  badNumber,
  fc.constantFrom<unknown>([], [[]], [[], []], '', 'relu', () => 0, Symbol('s'), new Float64Array(2), new Map(), new Date(0)),
  fc.constantFrom<unknown>(JSON.parse('{"__proto__": {"polluted": true}}'), Object.create(null), { toArray: () => 1, size: () => [] }),
  fc.integer({ min: -2, max: 2 }),
  fc.double(),
);

const size = fc.integer({ min: 1, max: 3 });

/** A rows × cols array of finite numbers, with shapes 1–3 so that shapes often match and often do not. */
const gridOf = (entries: fc.Arbitrary<number>) =>
  fc.tuple(size, size).chain(([rows, cols]) => fc.array(fc.array(entries, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));
const grid = gridOf(finite);

/** A grid spoiled one way: a ragged row, a bad entry, an empty row. */
const spoiledGrid = fc.tuple(grid, fc.nat(), fc.nat(), badNumber, fc.constantFrom('ragged', 'entry', 'empty-row', 'row-not-array')).map(([g, i, j, bad, how]) => {
  const rows = g.map((row) => row.slice()) as unknown[][];
  const r = i % rows.length;
  if (how === 'ragged') rows[r] = [...rows[r], 1];
  if (how === 'entry') rows[r][j % rows[r].length] = bad;
  if (how === 'empty-row') rows[r] = [];
  if (how === 'row-not-array') (rows as unknown[])[r] = bad;
  return rows as unknown;
});

/** A mathjs-like matrix (toArray and size), as DESIGN.md allows. */
const mathjsLike = grid.map((g) => ({ toArray: () => g.map((row) => row.slice()), size: () => [g.length, g[0].length] }));

/** Every form a matrix argument can take, valid or not. */
const matrixArg: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: grid },
  { weight: 2, arbitrary: grid.map((g) => Matrix.from(g)) },
  { weight: 1, arbitrary: grid.map((g) => g[0]) }, // a flat array: one row
  { weight: 1, arbitrary: mathjsLike },
  { weight: 2, arbitrary: spoiledGrid },
  { weight: 1, arbitrary: junk },
);

/** Matrix arguments with ordinary-size entries, still in every form and often malformed. */
const moderateMatrixArg: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: gridOf(moderate) },
  { weight: 2, arbitrary: gridOf(moderate).map((g) => Matrix.from(g)) },
  { weight: 2, arbitrary: spoiledGrid },
  { weight: 1, arbitrary: junk },
);

/** A bias argument: a number, a list, a column, or junk. */
const biasArg: fc.Arbitrary<unknown> = fc.oneof(finite, fc.array(finite, { minLength: 1, maxLength: 3 }), matrixArg, junk);

/** A size argument: mostly small whole numbers, sometimes 0, negative, fractional, huge, or not a number. */
const sizeArg: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: size },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(0, -1, 1.5, 2 ** 31, 1e9, 1e300, NaN, '2') },
  { weight: 1, arbitrary: junk },
);

/** A seed argument: valid integers and the ways a seed can be wrong. */
const seedArg: fc.Arbitrary<unknown> = fc.oneof(fc.nat({ max: 2 ** 32 - 1 }), fc.constantFrom<unknown>(-1, 0.5, 2 ** 32, NaN, '42'), junk);

/** Activation names and specs, right and wrong. */
const activationArg: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>('relu', 'leakyRelu', 'sigmoid', 'tanh', 'linear', 'softmax', 'Relu', 'swish', ''),
  fc.record({ name: fc.constantFrom('leakyRelu', 'relu', 'nope'), slope: fc.oneof(finite, badNumber) }, { requiredKeys: ['name'] }),
  junk,
);

/** A list of layer sizes: valid ones, and lists with a bad size in them. */
const layersArg: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.array(size, { minLength: 2, maxLength: 4 }) },
  { weight: 2, arbitrary: fc.array(sizeArg, { minLength: 0, maxLength: 4 }) },
  { weight: 1, arbitrary: junk },
);

/**
 * An options object with the given keys, valid and invalid values, sometimes
 * a key with a typo or an extra key, sometimes not an object at all.
 */
function optionsArg(values: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const typo = fc.constantFrom('layer', 'hiden', 'sed', 'scal', 'learningRate', '__proto__');
  return fc.oneof(
    { weight: 4, arbitrary: fc.record(values, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.tuple(fc.record(values, { requiredKeys: [] }), typo, junk).map(([o, key, v]) => ({ ...o, [key]: v })) },
    { weight: 1, arbitrary: junk },
  );
}

/** A seeded network of random small sizes and activations, to call methods on. */
const networkArg: fc.Arbitrary<Network> = fc
  .record({
    layers: fc.array(size, { minLength: 2, maxLength: 4 }),
    hidden: fc.constantFrom('relu', 'leakyRelu', 'sigmoid', 'tanh', 'linear'),
    output: fc.constantFrom('relu', 'linear', 'sigmoid', 'softmax'),
    seed: fc.nat({ max: 1000 }),
  })
  .map((options) => new Network(withoutLoneSoftmax(options) as never));

/** The argument kinds, by what the entry point expects there. */
export const arg = {
  matrix: matrixArg,
  /** Like `matrix`, but finite entries stay within ±1000 (see FINDINGS in fuzz.test.ts for why some entry points need it). */
  moderateMatrix: moderateMatrixArg,
  moderateNumber: fc.oneof(moderate, badNumber) as fc.Arbitrary<unknown>,
  bias: biasArg,
  size: sizeArg,
  seed: seedArg,
  number: fc.oneof(finite, badNumber) as fc.Arbitrary<unknown>,
  activation: activationArg,
  layers: layersArg,
  network: networkArg,
  options: optionsArg,
  junk,
  any: fc.oneof(matrixArg, junk),
};

// ---------------------------------------------------------------------------
// The check

/** Why a result is not finite and well-shaped, or undefined when it is. */
export function badResult(value: unknown, seen = new Set<unknown>()): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `the number ${value}`;
  if (typeof value !== 'object' || value === null || seen.has(value)) return undefined;
  seen.add(value);
  if (value instanceof Matrix) {
    const { rows, cols, data } = value;
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1 || data.length !== rows * cols) {
      return `a malformed ${rows}×${cols} Matrix over ${data.length} numbers`;
    }
    const n = data.findIndex((x) => !Number.isFinite(x));
    return n === -1 ? undefined : `a Matrix holding ${data[n]}`;
  }
  if (value instanceof Network) return badResult(value.layers, seen);
  for (const key of Object.keys(value)) {
    const why = badResult((value as Record<string, unknown>)[key], seen);
    if (why !== undefined) return why;
  }
  return undefined;
}

/** An entry point under test: its parameters are typed `any` because the harness passes deliberately wrong values. */
// biome-ignore lint/suspicious/noExplicitAny: the harness calls entry points with deliberately wrong arguments
export type EntryPoint = (...args: any[]) => unknown;

export interface FuzzOptions {
  /** The entry point documents a RangeError (e.g. an index outside a matrix). */
  rangeError?: boolean;
  /** Other error classes the entry point documents (e.g. DivergenceError for fit). */
  errors?: (new (...args: never[]) => Error)[];
  numRuns?: number;
  /** The CPU time a call may use (ms); SLOW_CPU_MS unless a test of the harness itself says otherwise. */
  slowCpuMs?: number;
}

/**
 * The property behind `fuzz`: `call` on draws of `arbitraries` either returns
 * a finite, well-shaped result or throws a library error, within SLOW_CPU_MS of CPU time, without
 * changing its (deep-frozen) arguments.
 */
export function fuzzProperty(call: EntryPoint, arbitraries: fc.Arbitrary<unknown>[], options: FuzzOptions = {}) {
  return fc.property(fc.tuple(...arbitraries), (values) => {
    deepFreeze(values);
    const copies = snapshot(values);
    const start = process.cpuUsage();
    let result: unknown;
    try {
      result = call(...values);
    } catch (error) {
      const ok =
        !(error instanceof TypeError || error instanceof ReferenceError) && // never a slip from inside
        (error instanceof ShapeError ||
        error instanceof ValueError ||
        (options.rangeError === true && (error as Error)?.constructor === RangeError) ||
        (options.errors ?? []).some((kind) => error instanceof kind));
      expect(ok, `threw ${(error as Error)?.name}: ${(error as Error)?.message}`).toBe(true);
      expect((error as Error).message.length).toBeGreaterThan(0);
      return;
    } finally {
      const { user, system } = process.cpuUsage(start);
      expect((user + system) / 1000, 'a call used too much CPU time').toBeLessThan(options.slowCpuMs ?? SLOW_CPU_MS);
      expect(unchanged(copies), 'a Matrix argument was changed').toBe(true);
    }
    expect(badResult(result), 'the result is not finite').toBe(undefined);
  });
}

/**
 * Registers one test running `fuzzProperty` with FUZZ_SEED and FUZZ_RUNS.
 * Arguments after the name and call: one arbitrary per parameter, and optionally FuzzOptions.
 */
export function fuzz(name: string, call: EntryPoint, ...args: (fc.Arbitrary<unknown> | FuzzOptions)[]): void {
  const options = (args.find((a) => !(a instanceof fc.Arbitrary)) ?? {}) as FuzzOptions;
  const arbitraries = args.filter((a): a is fc.Arbitrary<unknown> => a instanceof fc.Arbitrary);
  const errors = options.rangeError ? 'ShapeError/ValueError/RangeError' : 'ShapeError/ValueError';
  it(`${name}: returns a finite, well-shaped result or throws ${errors}`, () => {
    fc.assert(fuzzProperty(call, arbitraries, options), { seed: FUZZ_SEED, numRuns: options.numRuns ?? FUZZ_RUNS });
  });
}

/** A softmax over one output is refused (Network's tests say so): such a draw gets a second output. */
function withoutLoneSoftmax<O extends { layers: number[]; output: string }>(options: O): O {
  return options.output === 'softmax' && options.layers.at(-1) === 1 ? { ...options, layers: [...options.layers.slice(0, -1), 2] } : options;
}
