/**
 * The one hot loop: Z = W·A + b over a block of columns, on raw Float64Arrays.
 *
 * Everything that multiplies matrices (multiply, applyWeights, Network.forward)
 * ends up here, so this is the only place where speed is bought with a trick.
 * The trick is a 2×4 register tile: eight sums Z[i..i+1][j..j+3] are kept in
 * local variables while k runs over the inputs, so each W value loaded is used
 * four times and each A value loaded twice, instead of once.
 *
 * Why 2×4 (measured on Node 20, x64, see docs/speed.md): eight sums, four A
 * values and two W values fit in the sixteen float registers of an x64 CPU.
 * A 4×4 tile (sixteen sums) does not, so V8 keeps some sums in memory: it was
 * only 3–8% faster on 64-neuron layers, and 13% slower on the article's
 * network [1, 2, 2, 1], where a layer of 2 neurons is exactly one 2-row tile.
 * A 4×2 tile was no faster than 2×4 on either.
 *
 * Every Z[i][j] is summed in the same order on every path (b first, then
 * k = 0, 1, 2, …), so the tile, its edges and a naive triple loop give
 * bit-identical results.
 *
 * With `relu` set, each sum also goes through ReLU before it is stored, while
 * it is still in a register: Network.forward does this for ReLU layers, which
 * saves a second pass over Z (a quarter of the time of the article's network).
 *
 * Two engines run this one contract. `affineIntoJS` below is the loop to read.
 * affine.wat is the same loop in WebAssembly SIMD: each f64x2 instruction does
 * two samples of one neuron, and each sample's sum is still b first, then
 * k = 0, 1, 2, …, one multiply then one add, so it gives the same bits, about
 * four times as fast on wide layers (wasm.ts copies the numbers in and out).
 * `affineInto` picks WebAssembly for products of WASM_MIN_MULTIPLY_ADDS or more
 * multiply-adds, where it can run, and JavaScript otherwise; `setEngine` (or the
 * environment variable FEEDFORWARD_ENGINE=js|wasm|auto) forces either.
 */
import { ValueError, describeValue } from './errors.js';
import { WASM_MAX_NUMBERS, affineIntoWasm, wasmAvailable, wasmFailure } from './wasm.js';

/**
 * Which kernel runs every matrix product: 'js' (the readable loop in affine.ts),
 * 'wasm' (the same sums in WebAssembly SIMD, affine.wat), or 'auto' (WebAssembly
 * for products large enough to gain from it, where it can run).
 */
export type Engine = 'js' | 'wasm' | 'auto';

const ENGINES: readonly Engine[] = ['js', 'wasm', 'auto'];

/**
 * The smallest product (nOut·nIn·cols multiply-adds) that 'auto' hands to
 * WebAssembly. Below it, copying the numbers in and out costs more than SIMD
 * saves. Measured on Node 20, x64: a WebAssembly call costs about 0.07 µs
 * more; at 128 multiply-adds (4×4 times 4×8) JavaScript was still faster
 * (0.82×), at 256 the two were from even (2×16 times 16×8) to 1.4× in
 * WebAssembly's favour, at 512 WebAssembly won by 1.7–2.3×.
 */
export const WASM_MIN_MULTIPLY_ADDS = 256;

let engine: Engine = 'auto';

/**
 * Chooses the kernel every matrix product runs on, for this whole program:
 * 'auto' (the default), 'js' or 'wasm'. Both kernels give the same numbers to
 * the last bit; only the speed differs. Throws when 'wasm' cannot run here (no
 * WebAssembly SIMD, or a Content-Security-Policy that forbids compiling it).
 * In Node, the environment variable FEEDFORWARD_ENGINE=js|wasm|auto sets it at load.
 * @example
 * const before = getEngine();
 * setEngine('js'); // every product on the readable loop of affine.ts
 * articleNetwork().forward([[-2, -1, 0, 1, 2]]).toArray() //=> [[1.5, 1, 1, -0.5, -1]]
 * setEngine('wasm'); // every product in WebAssembly SIMD: the same sums, the same bits
 * articleNetwork().forward([[-2, -1, 0, 1, 2]]).toArray() //=> [[1.5, 1, 1, -0.5, -1]]
 * setEngine(before);
 */
export function setEngine(name: Engine): void {
  engine = checkEngine(name, 'setEngine');
}

/**
 * The kernel setting in force: 'auto' unless `setEngine` or FEEDFORWARD_ENGINE chose another.
 * @example
 * const before = getEngine(); // 'auto', unless FEEDFORWARD_ENGINE says otherwise
 * setEngine('js');
 * getEngine() //=> 'js'
 * setEngine(before);
 */
export function getEngine(): Engine {
  return engine;
}

/** Checks an engine name and, for 'wasm', that WebAssembly SIMD runs here (compiling it now). */
function checkEngine(name: unknown, where: string): Engine {
  if (!ENGINES.includes(name as Engine)) {
    throw new ValueError(`${where}: engine ${describeValue(name)} is unknown (expected 'js', 'wasm' or 'auto')`);
  }
  if (name === 'wasm' && !wasmAvailable()) {
    throw new Error(
      `${where}: this JavaScript runtime cannot run WebAssembly SIMD (${wasmFailure()}) but the engine 'wasm' was asked for ('auto' and 'js' compute the same numbers in JavaScript)`,
    );
  }
  return name as Engine;
}

// In Node, FEEDFORWARD_ENGINE picks the engine once, when the library loads (CI runs every test with each).
const fromEnvironment = globalThis.process?.env?.FEEDFORWARD_ENGINE;
if (fromEnvironment) engine = checkEngine(fromEnvironment, 'FEEDFORWARD_ENGINE');

/**
 * ReLU of one number, max(0, z), written without a branch: the signs of the
 * z coming out of a layer follow no pattern, and a mispredicted `if` per
 * number cost more than all of W·A + b of the article's network.
 * z·(z > 0) is z or −0; adding 0 turns −0 into 0. (−∞ gives NaN: an overflow.)
 * @example reluOf(-2) //=> 0
 */
export function reluOf(z: number): number {
  return z * +(z > 0) + 0;
}

/**
 * Whether the engine setting sends work of this many multiply-adds to WebAssembly
 * ('wasm': always; 'js': never; 'auto': from WASM_MIN_MULTIPLY_ADDS on).
 * @example wasmFor(1) //=> getEngine() === 'wasm'
 */
export function wasmFor(multiplyAdds: number): boolean {
  return engine === 'wasm' || (engine === 'auto' && multiplyAdds >= WASM_MIN_MULTIPLY_ADDS);
}

/**
 * Z[i][zCol + j] = b[i] + Σₖ W[i][k]·A[k][aCol + j]   for i < nOut, j < cols,
 * then Z[i][zCol + j] = max(0, Z[i][zCol + j]) when `relu` is true.
 *
 * W: nOut × nIn, row-major. A: nIn rows, `aStride` numbers apart. Z: nOut rows,
 * `zStride` numbers apart. `b` may be null (then Z = W·A). Z must not overlap A.
 * Runs `affineIntoJS` or the WebAssembly kernel, as the engine setting says;
 * both give the same bits.
 * @example
 * const Z = new Float64Array(2);
 * affineInto(Float64Array.of(2), 1, 1, Float64Array.of(1), Float64Array.of(3, -4), 2, 0, Z, 2, 0, 2, true);
 * Array.from(Z) //=> [7, 0]   (1 + 2·3 = 7; 1 + 2·(−4) = −7, and ReLU gives 0)
 */
export function affineInto(
  W: Float64Array,
  nOut: number,
  nIn: number,
  b: Float64Array | null,
  A: Float64Array,
  aStride: number,
  aCol: number,
  Z: Float64Array,
  zStride: number,
  zCol: number,
  cols: number,
  relu = false,
): void {
  // affineIntoWasm returns false, writing nothing, where it cannot run (then never tries to compile again)
  // or the product does not fit its memory: then 'auto' runs it in JavaScript, and 'wasm', which promised
  // WebAssembly for every product, grows the memory as far as it can and throws past that.
  if (wasmFor(nOut * nIn * cols)) {
    const forced = engine === 'wasm';
    if (affineIntoWasm(W, nOut, nIn, b, A, aStride, aCol, Z, zStride, zCol, cols, relu, forced ? WASM_MAX_NUMBERS : undefined)) return;
    if (forced) {
      throw new Error(
        `setEngine('wasm'): a product of W ${nOut}×${nIn} and ${cols} columns does not fit in WebAssembly's memory (at most ${WASM_MAX_NUMBERS} numbers, 4 GiB, as far as this system lets it grow) but the engine 'wasm' runs every product there ('auto' and 'js' compute the same numbers in JavaScript)`,
      );
    }
  }
  affineIntoJS(W, nOut, nIn, b, A, aStride, aCol, Z, zStride, zCol, cols, relu);
}

/**
 * affineInto's contract on the JavaScript engine: the 2×4 register tile
 * described at the top of this file, the reference the WebAssembly kernel matches.
 * @example
 * const Z = new Float64Array(1);
 * affineIntoJS(Float64Array.of(2, 1), 1, 2, null, Float64Array.of(3, 5), 1, 0, Z, 1, 0, 1);
 * Array.from(Z) //=> [11]   (2·3 + 1·5)
 */
export function affineIntoJS(
  W: Float64Array,
  nOut: number,
  nIn: number,
  b: Float64Array | null,
  A: Float64Array,
  aStride: number,
  aCol: number,
  Z: Float64Array,
  zStride: number,
  zCol: number,
  cols: number,
  relu = false,
): void {
  let i = 0;
  // Two rows of W (two neurons) at a time.
  for (; i + 2 <= nOut; i += 2) {
    const w0 = i * nIn; // W[i][0]
    const w1 = w0 + nIn; // W[i + 1][0]
    const b0 = b === null ? 0 : b[i];
    const b1 = b === null ? 0 : b[i + 1];
    const r0 = i * zStride + zCol; // Z[i][zCol]
    const r1 = r0 + zStride; // Z[i + 1][zCol]
    let j = 0;
    // Four columns (samples) of A at a time: the 2×4 tile.
    for (; j + 4 <= cols; j += 4) {
      let z00 = b0, z01 = b0, z02 = b0, z03 = b0;
      let z10 = b1, z11 = b1, z12 = b1, z13 = b1;
      for (let k = 0, a = aCol + j; k < nIn; k++, a += aStride) {
        const a0 = A[a], a1 = A[a + 1], a2 = A[a + 2], a3 = A[a + 3]; // A[k][j..j+3]
        const x0 = W[w0 + k], x1 = W[w1 + k]; // W[i][k], W[i+1][k]
        z00 += x0 * a0; z01 += x0 * a1; z02 += x0 * a2; z03 += x0 * a3;
        z10 += x1 * a0; z11 += x1 * a1; z12 += x1 * a2; z13 += x1 * a3;
      }
      if (relu) {
        z00 = reluOf(z00); z01 = reluOf(z01); z02 = reluOf(z02); z03 = reluOf(z03);
        z10 = reluOf(z10); z11 = reluOf(z11); z12 = reluOf(z12); z13 = reluOf(z13);
      }
      Z[r0 + j] = z00; Z[r0 + j + 1] = z01; Z[r0 + j + 2] = z02; Z[r0 + j + 3] = z03;
      Z[r1 + j] = z10; Z[r1 + j + 1] = z11; Z[r1 + j + 2] = z12; Z[r1 + j + 3] = z13;
    }
    // The last columns (fewer than four): a 2×1 strip.
    for (; j < cols; j++) {
      let z0 = b0, z1 = b1;
      for (let k = 0, a = aCol + j; k < nIn; k++, a += aStride) {
        const ak = A[a];
        z0 += W[w0 + k] * ak;
        z1 += W[w1 + k] * ak;
      }
      Z[r0 + j] = relu ? reluOf(z0) : z0;
      Z[r1 + j] = relu ? reluOf(z1) : z1;
    }
  }
  // The last row when nOut is odd: a 1×4 strip, then single sums.
  if (i < nOut) {
    const w = i * nIn;
    const bi = b === null ? 0 : b[i];
    const r = i * zStride + zCol;
    let j = 0;
    for (; j + 4 <= cols; j += 4) {
      let z0 = bi, z1 = bi, z2 = bi, z3 = bi;
      for (let k = 0, a = aCol + j; k < nIn; k++, a += aStride) {
        const x = W[w + k];
        z0 += x * A[a];
        z1 += x * A[a + 1];
        z2 += x * A[a + 2];
        z3 += x * A[a + 3];
      }
      if (relu) {
        z0 = reluOf(z0); z1 = reluOf(z1); z2 = reluOf(z2); z3 = reluOf(z3);
      }
      Z[r + j] = z0; Z[r + j + 1] = z1; Z[r + j + 2] = z2; Z[r + j + 3] = z3;
    }
    for (; j < cols; j++) {
      let z = bi;
      for (let k = 0, a = aCol + j; k < nIn; k++, a += aStride) z += W[w + k] * A[a];
      Z[r + j] = relu ? reluOf(z) : z;
    }
  }
}
