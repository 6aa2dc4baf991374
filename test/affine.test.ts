/**
 * The one hot loop, affineInto: Z = W·A + b over a block of columns, with a 2×4
 * register tile, and reluOf, the branchless ReLU it fuses in. That it sums in
 * the textbook order, bit for bit, on every path of the tile is checked in
 * forward-exact.test.ts; here, the rest of its contract: which columns it reads
 * and writes, and what reluOf gives.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Matrix, Network, ValueError, randomMatrix } from '../src/index.js';
import { type Engine, affineInto, getEngine, reluOf, setEngine } from '../src/core/affine.js';
import { bits, expectSameBits, naiveAffine, seeded } from './helpers/oracles.js';

describe('affineInto', () => {
  it('reads a block of columns of a wider A and writes it into a block of a wider Z, the rest of Z untouched', () => {
    // W: 6×3, A: 3×20; columns 5..15 of A go to columns 2..12 of a 6×14 Z, the rest of Z untouched.
    const W = seeded(6, 3, 4);
    const A = seeded(3, 20, 5);
    const b = [1, 2, 3, 4, 5, 6];
    const Z = new Float64Array(6 * 14).fill(-7);
    affineInto(Matrix.from(W).data, 6, 3, Float64Array.from(b), Matrix.from(A).data, 20, 5, Z, 14, 2, 11);
    const block = naiveAffine(W, A.map((row) => row.slice(5, 16)), b);
    const got = new Matrix(6, 14, Z).toArray();
    expectSameBits(got.map((row) => row.slice(2, 13)), block);
    expect(got.map((row) => [...row.slice(0, 2), row[13]])).toEqual(Array(6).fill([-7, -7, -7]));
  });
});

describe('reluOf', () => {
  it('is max(0, z), with +0 (never −0) for z ≤ 0', () => {
    // z·(z > 0) + 0: −2·0 + 0 = 0, −0·0 + 0 = 0, 3·1 + 0 = 3
    expectSameBits([-2, -0, 0, 3, 5e-324].map(reluOf), [0, 0, 0, 3, 5e-324]);
  });

  it('gives NaN for −∞ (an overflow, caught later by the finiteness pass), and passes NaN on', () => {
    // −∞·0 = NaN
    expect(reluOf(-Infinity)).toBeNaN();
    expect(reluOf(Number.NaN)).toBeNaN();
    expect(reluOf(Infinity)).toBe(Infinity);
  });
});

/**
 * The two engines. affineIntoJS is the reference; the WebAssembly kernel
 * (src/core/affine.wat, run by src/core/wasm.ts) must give the same float64
 * bits on every input: any shape, strides and offsets, bias or none, ReLU or
 * not, and special values (±0, ±∞, subnormals, ±1e308, NaN). A NaN is
 * compared as "NaN": which NaN comes out where two NaNs of opposite sign meet
 * in one add is fixed by neither JavaScript nor WebAssembly.
 */
describe('the WebAssembly engine gives the bits of the JavaScript one', () => {
  /** Bits of every number, NaN as 'NaN' (its sign and payload are not part of the contract). */
  const bitsOf = (Z: Float64Array) => Array.from(Z, (z) => (Number.isNaN(z) ? 'NaN' : bits(z)));

  const SPECIALS = [0, -0, Infinity, -Infinity, 5e-324, -5e-324, 2.2e-308, 1e308, -1e308, Number.NaN, 1, -1];
  const plain = fc.double({ min: -4, max: 4, noNaN: true });
  /** Usually a plain number, sometimes a special value, sometimes any double at all. */
  const anyEntry = fc.oneof(
    { weight: 6, arbitrary: plain },
    { weight: 2, arbitrary: fc.constantFrom(...SPECIALS) },
    { weight: 1, arbitrary: fc.double() },
  );

  interface Call {
    nOut: number;
    nIn: number;
    cols: number;
    W: number[];
    b: number[] | null;
    A: number[];
    aStride: number;
    aCol: number;
    Z: number[]; // Z before the call: the entries outside the block must stay
    zStride: number;
    zCol: number;
    relu: boolean;
  }

  /** One call of affineInto: sizes, then a block of columns in a wider A and a wider Z. */
  const calls: fc.Arbitrary<Call> = fc
    .record({
      nOut: fc.integer({ min: 1, max: 11 }), // pairs of rows and an odd last row
      nIn: fc.integer({ min: 1, max: 11 }),
      cols: fc.integer({ min: 1, max: 40 }), // 2×8 tiles, 2×2 strips, a last single column
      aExtra: fc.integer({ min: 0, max: 3 }),
      zExtra: fc.integer({ min: 0, max: 3 }),
      special: fc.boolean(),
    })
    .chain(({ nOut, nIn, cols, aExtra, zExtra, special }) => {
      const numbers = (n: number, entry = special ? anyEntry : plain) => fc.array(entry, { minLength: n, maxLength: n });
      return fc.record({
        nOut: fc.constant(nOut),
        nIn: fc.constant(nIn),
        cols: fc.constant(cols),
        W: numbers(nOut * nIn),
        b: fc.option(numbers(nOut), { nil: null, freq: 4 }),
        A: numbers(nIn * (cols + aExtra)),
        aStride: fc.constant(cols + aExtra),
        aCol: fc.integer({ min: 0, max: aExtra }),
        Z: numbers(nOut * (cols + zExtra), plain),
        zStride: fc.constant(cols + zExtra),
        zCol: fc.integer({ min: 0, max: zExtra }),
        relu: fc.boolean(),
      });
    });

  /** Runs one call on an engine; returns all of Z afterwards. */
  function run(engine: Engine, c: Call): Float64Array {
    const Z = Float64Array.from(c.Z);
    const b = c.b === null ? null : Float64Array.from(c.b);
    setEngine(engine);
    affineInto(Float64Array.from(c.W), c.nOut, c.nIn, b, Float64Array.from(c.A), c.aStride, c.aCol, Z, c.zStride, c.zCol, c.cols, c.relu);
    return Z;
  }

  const before = getEngine();
  afterEach(() => setEngine(before));

  it('on 500 random calls (fixed seed), every entry of Z, inside the block or not, has the same bits', () => {
    fc.assert(
      fc.property(calls, (c) => {
        expect(bitsOf(run('wasm', c))).toEqual(bitsOf(run('js', c)));
      }),
      { seed: 13, numRuns: 500 },
    );
  });

  it('on the products of a training epoch: forward blocks, dZ·Aᵀ and Wᵀ·dZ give the same weights after fit', () => {
    const trained = (engine: Engine) => {
      setEngine(engine);
      const net = new Network({ layers: [5, 24, 17, 3], seed: 3 });
      net.fit(randomMatrix(5, 300, { seed: 4 }), randomMatrix(3, 300, { seed: 5 }), { epochs: 3, batchSize: 37, onWarning: () => {} });
      return net.layers.flatMap((l) => [l.weights, l.biases]);
    };
    expectSameBits(trained('wasm'), trained('js'));
  });
});

/**
 * Choosing the engine. Each test here loads a fresh copy of the library
 * (vi.resetModules, then import()) with the environment and the WebAssembly
 * object it needs, so what happens at load and on first use can be seen.
 */
describe('setEngine, getEngine and FEEDFORWARD_ENGINE', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  /** The library as a program loads it, with FEEDFORWARD_ENGINE set to `engine` ('' for unset). */
  async function freshLibrary(engine: string) {
    vi.stubEnv('FEEDFORWARD_ENGINE', engine);
    vi.resetModules();
    return import('../src/index.js');
  }

  /**
   * A WebAssembly object that counts: modules instantiated, and calls of the kernel
   * (the library calls `instance.exports.affine` once per block of columns).
   */
  function countingWebAssembly() {
    const counts = { instances: 0, kernelCalls: 0 };
    const Real = WebAssembly.Instance;
    function Instance(module: WebAssembly.Module, imports: WebAssembly.Imports) {
      counts.instances++;
      const real = new Real(module, imports);
      const affine = real.exports.affine as (...args: number[]) => void;
      return { exports: { ...real.exports, affine: (...args: number[]) => (counts.kernelCalls++, affine(...args)) } };
    }
    vi.stubGlobal('WebAssembly', { Module: WebAssembly.Module, Instance });
    return counts;
  }

  it("is 'auto' when FEEDFORWARD_ENGINE is unset, and FEEDFORWARD_ENGINE=js or wasm sets it at load", async () => {
    expect((await freshLibrary('')).getEngine()).toBe('auto');
    expect((await freshLibrary('js')).getEngine()).toBe('js');
    expect((await freshLibrary('wasm')).getEngine()).toBe('wasm');
  });

  it("'auto' compiles nothing at load, runs small products in JavaScript, and large ones (nOut·nIn·cols ≥ 256) in WebAssembly", async () => {
    const counts = countingWebAssembly();
    const { multiply, ones } = await freshLibrary('');
    expect(counts).toEqual({ instances: 0, kernelCalls: 0 }); // importing compiles nothing
    multiply(ones(4, 4), ones(4, 15)); // 4·4·15 = 240 multiply-adds
    expect(counts).toEqual({ instances: 0, kernelCalls: 0 });
    multiply(ones(4, 4), ones(4, 16)); // 4·4·16 = 256
    expect(counts).toEqual({ instances: 1, kernelCalls: 1 });
    multiply(ones(4, 4), ones(4, 16)); // compiled once, for good
    expect(counts).toEqual({ instances: 1, kernelCalls: 2 });
  });

  it("'js' never compiles WebAssembly; 'wasm' runs every product there, even 1×1", async () => {
    const counts = countingWebAssembly();
    const { multiply, ones, setEngine } = await freshLibrary('js');
    multiply(ones(64, 64), ones(64, 64));
    expect(counts).toEqual({ instances: 0, kernelCalls: 0 });
    setEngine('wasm');
    expect(multiply([[2]], [[3]]).toArray()).toEqual([[6]]);
    expect(counts).toEqual({ instances: 1, kernelCalls: 1 });
  });

  it('names the engines when asked for another, in setEngine and in FEEDFORWARD_ENGINE', async () => {
    const { setEngine, getEngine } = await freshLibrary('');
    expect(() => setEngine('gpu' as Engine)).toThrow(
      new ValueError(`setEngine: engine "gpu" is unknown (expected 'js', 'wasm' or 'auto')`),
    );
    expect(getEngine()).toBe('auto');
    await expect(freshLibrary('WASM')).rejects.toThrow(
      new ValueError(`FEEDFORWARD_ENGINE: engine "WASM" is unknown (expected 'js', 'wasm' or 'auto')`),
    );
  });
});

/**
 * Where WebAssembly cannot run (no WebAssembly at all, no SIMD, or a page whose
 * Content-Security-Policy forbids compiling), 'auto' falls back to the
 * JavaScript loop, silently and for good, with the same numbers.
 */
describe('without WebAssembly SIMD, everything runs in JavaScript, with the same bits', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  /** What a wide forward pass and a short training run give, on the library as it is loaded now. */
  async function results(library: typeof import('../src/index.js')) {
    const { Network, randomMatrix } = library;
    const net = new Network({ layers: [16, 64, 64, 1], seed: 42 });
    const forward = net.forward(randomMatrix(16, 1000, { seed: 7 }));
    net.fit(randomMatrix(16, 200, { seed: 8 }), randomMatrix(1, 200, { seed: 9 }), { epochs: 2, batchSize: 32, onWarning: () => {} });
    return [forward, ...net.layers.flatMap((l) => [l.weights, l.biases])];
  }

  const { CompileError, Instance } = WebAssembly;
  const missing: [string, () => unknown, RegExp][] = [
    ['no WebAssembly at all', () => undefined, /TypeError/],
    [
      'WebAssembly without SIMD (or forbidden by a Content-Security-Policy)',
      () => ({
        Module: function Module() {
          throw new CompileError('WebAssembly.Module(): invalid value type 0x7b'); // what V8 says without SIMD
        },
        Instance,
      }),
      /CompileError: WebAssembly.Module\(\): invalid value type 0x7b/,
    ],
  ];

  it.each(missing)('%s: the same forward pass and training as with WebAssembly; setEngine("wasm") says why it cannot', async (_, stub, reason) => {
    vi.stubEnv('FEEDFORWARD_ENGINE', 'wasm');
    vi.resetModules();
    const withWasm = await results(await import('../src/index.js'));

    vi.stubGlobal('WebAssembly', stub());
    vi.stubEnv('FEEDFORWARD_ENGINE', '');
    vi.resetModules();
    const library = await import('../src/index.js');
    expectSameBits(await results(library), withWasm);
    expect(library.getEngine()).toBe('auto');
    expect(() => library.setEngine('wasm')).toThrow(
      /^setEngine: this JavaScript runtime cannot run WebAssembly SIMD \((.+)\) but the engine 'wasm' was asked for \('auto' and 'js' compute the same numbers in JavaScript\)$/,
    );
    expect(() => library.setEngine('wasm')).toThrow(reason);
    expect(library.getEngine()).toBe('auto');
  });

  it('FEEDFORWARD_ENGINE=wasm where it cannot run stops the program at load, saying why', async () => {
    vi.stubGlobal('WebAssembly', undefined);
    vi.stubEnv('FEEDFORWARD_ENGINE', 'wasm');
    vi.resetModules();
    await expect(import('../src/index.js')).rejects.toThrow(
      /^FEEDFORWARD_ENGINE: this JavaScript runtime cannot run WebAssembly SIMD \(TypeError: .+\) but the engine 'wasm' was asked for/,
    );
  });
});
