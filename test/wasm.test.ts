/**
 * src/core/wasm.ts and the module it runs: that the committed bytes are the
 * committed text's (src/core/affine.wat, built by `npm run build:wasm`), that a
 * browser may compile them synchronously, and that products of any size go in
 * and out of the module's memory right. That the module's numbers are the
 * JavaScript loop's, bit for bit, is checked in affine.test.ts.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { MODULE_FILE, moduleSource, wasmBytes } from '../scripts/build-wasm.mjs';
import { affineInto, affineIntoJS } from '../src/core/affine.js';
import { AFFINE_WASM_BASE64 } from '../src/core/affine-wasm.js';
import { WASM_MAX_NUMBERS, affineIntoWasm, wasmAvailable } from '../src/core/wasm.js';
import { Matrix, Network, getEngine, randomMatrix, setEngine } from '../src/index.js';
import { chainOf } from '../src/core/forward.js';
import { expectSameBits, seeded } from './helpers/oracles.js';

describe('the WebAssembly module', () => {
  it('src/core/affine-wasm.ts holds exactly the bytes wabt makes from src/core/affine.wat (run npm run build:wasm after editing it)', async () => {
    const bytes = await wasmBytes();
    expect(readFileSync(MODULE_FILE, 'utf8')).toBe(moduleSource(bytes));
    expect(Buffer.from(AFFINE_WASM_BASE64, 'base64').equals(Buffer.from(bytes))).toBe(true);
  });

  it('is under 4 KB, the largest module a browser main thread may compile synchronously (new WebAssembly.Module)', () => {
    expect(Buffer.from(AFFINE_WASM_BASE64, 'base64').length).toBeLessThan(4096);
  });

  it('compiles and runs here (Node 20 has WebAssembly SIMD)', () => {
    expect(wasmAvailable()).toBe(true);
  });
});

describe('affineIntoWasm moves the numbers in and out of the module', () => {
  /** Z from both kernels, into a wider Z filled with −7 so that untouched entries show. */
  function both(nOut: number, nIn: number, cols: number, { aExtra = 0, aCol = 0, zExtra = 0, zCol = 0, relu = false } = {}) {
    const W = Matrix.from(seeded(nOut, nIn, 1)).data;
    const b = Matrix.from(seeded(nOut, 1, 2)).data;
    const A = Matrix.from(seeded(nIn, cols + aExtra, 3)).data;
    const zStride = cols + zExtra;
    const Zjs = new Float64Array(nOut * zStride).fill(-7);
    const Zwasm = Zjs.slice();
    affineIntoJS(W, nOut, nIn, b, A, cols + aExtra, aCol, Zjs, zStride, zCol, cols, relu);
    expect(affineIntoWasm(W, nOut, nIn, b, A, cols + aExtra, aCol, Zwasm, zStride, zCol, cols, relu)).toBe(true);
    return { Zjs, Zwasm };
  }

  it('grows the memory for a product larger than it (one page, 8,192 numbers, at first), and still works for small ones after', () => {
    for (const [nOut, nIn, cols] of [[3, 2, 5], [96, 80, 200], [3, 2, 5], [130, 300, 60]]) {
      const { Zjs, Zwasm } = both(nOut, nIn, cols, { relu: true });
      expectSameBits(Zwasm, Zjs);
    }
  });

  it("grows past its own 64 MB when the engine 'wasm' asks (up to WASM_MAX_NUMBERS, 4 GiB), where 'auto' would hand the product to JavaScript", () => {
    // W is 1 × 4,300,000 (34 MB) and A 4,300,000 × 1: with b and Z, 8.6 million numbers, past 2²³ = 8,388,608 (64 MB)
    const nIn = 4_300_000;
    const W = new Float64Array(nIn).fill(0.5);
    const A = new Float64Array(nIn).fill(2);
    const Z = new Float64Array(1);
    expect(affineIntoWasm(W, 1, nIn, Float64Array.of(1), A, 1, 0, Z, 1, 0, 1, false)).toBe(false); // 'auto': not here
    expect(affineIntoWasm(W, 1, nIn, Float64Array.of(1), A, 1, 0, Z, 1, 0, 1, false, WASM_MAX_NUMBERS)).toBe(true);
    expect(Z[0]).toBe(4_300_001); // 1 + 4,300,000 · (0.5 · 2), every sum exact
  });
  it("under the engine 'wasm', a product that cannot fit WebAssembly's memory throws instead of running in JavaScript", () => {
    const before = getEngine();
    setEngine('wasm');
    try {
      // W claims 2¹⁵ × 2¹⁵ = 2³⁰ numbers (8 GiB), past what a 32-bit memory can hold: the sizes alone decide, nothing is read
      expect(() => affineInto(new Float64Array(1), 2 ** 15, 2 ** 15, null, new Float64Array(1), 1, 0, new Float64Array(1), 1, 0, 0)).toThrow(
        "setEngine('wasm'): a product of W 32768×32768 and 0 columns does not fit in WebAssembly's memory (at most 536870912 numbers, 4 GiB, as far as this system lets it grow) but the engine 'wasm' runs every product there ('auto' and 'js' compute the same numbers in JavaScript)",
      );
    } finally {
      setEngine(before);
    }
  });
  it('does a wide A in blocks of columns (65,536 numbers of A and Z per call), a block of a wider A into a block of a wider Z', () => {
    // nIn + nOut = 600, so 104 columns per block: 250 columns are two whole blocks and one of 42.
    const { Zjs, Zwasm } = both(200, 400, 250, { aExtra: 5, aCol: 3, zExtra: 4, zCol: 1, relu: true });
    expectSameBits(Zwasm, Zjs);
    expect(Zwasm[0]).toBe(-7); // Z[0][0], left of the block
    expect(Zwasm[251]).toBe(-7); // Z[0][251], right of it
  });
});

describe('forward on the WebAssembly engine runs a block through every layer inside the module (forwardChainWasm)', () => {
  const before = getEngine();
  afterEach(() => setEngine(before));

  /** forward on one engine: the outputs × samples matrix. */
  const forwardOn = (engine: 'js' | 'wasm', net: Network, X: Matrix) => {
    setEngine(engine);
    return net.forward(X);
  };

  // Hidden ReLU and linear layers chain; the last layer's activation runs in JavaScript after the copy out.
  const nets: [string, ConstructorParameters<typeof Network>[0], boolean][] = [
    ['ReLU hidden, linear output', { layers: [3, 20, 9, 2] }, true],
    ['linear hidden, sigmoid output', { layers: [3, 7, 1], hidden: 'linear', output: 'sigmoid' }, true],
    ['ReLU hidden, softmax output', { layers: [3, 11, 4], output: 'softmax' }, true],
    ['ReLU output', { layers: [2, 5, 3], output: 'relu' }, true],
    ['tanh hidden (not chained: one product at a time)', { layers: [3, 6, 2], hidden: 'tanh' }, false],
  ];

  it.each(nets)('%s: the same bits as the JavaScript engine, over several blocks of samples', (_, options, chained) => {
    const net = new Network({ ...options, seed: 5 });
    expect(chainOf(net.layers) !== undefined).toBe(chained);
    const X = randomMatrix(options.layers[0], 5000, { seed: 6, scale: 3 }); // blocks of 16,384 / widest columns, and a last partial one
    expectSameBits(forwardOn('wasm', net, X), forwardOn('js', net, X));
  });
});
