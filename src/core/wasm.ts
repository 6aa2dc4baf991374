/**
 * affine.ts's kernel in WebAssembly SIMD (affine.wat, compiled into affine-wasm.ts):
 * the same sums in the same order, two samples per instruction, so the same bits
 * about four times as fast on wide layers. This file only moves numbers: it
 * compiles the module once, on the first call that wants it, copies W, b and a
 * block of A's columns into the module's memory, runs the kernel, and copies Z out.
 *
 * Why copy, rather than keep matrices in the module's memory: a Matrix's
 * Float64Array would then be a view of that memory, and growing the memory
 * (for a larger matrix) detaches every view made before. Copying cost about
 * 10% of the wide benchmark network's time, and keeps Matrix plain.
 */
import { AFFINE_WASM_BASE64 } from './affine-wasm.js';

/** affine.wat's export: byte addresses and sizes in, Z written into the module's memory. */
type WasmAffine = (
  W: number,
  nOut: number,
  nIn: number,
  b: number,
  hasB: number,
  A: number,
  aStride: number,
  Z: number,
  zStride: number,
  cols: number,
  relu: number,
) => void;

interface Compiled {
  affine: WasmAffine;
  memory: WebAssembly.Memory;
  heap: Float64Array; // the whole memory as numbers; made again when the memory grows
}

/**
 * Numbers of A's and Z's columns copied per kernel call (512 KB): a block stays
 * in the processor's cache from its copy in, through the kernel, to its copy out.
 * forward's blocks (core/forward.ts) fit in one.
 */
const BLOCK_NUMBERS = 1 << 16;

/**
 * Numbers the module's memory grows to on its own (64 MB): under the engine 'auto', a product needing
 * more runs in JavaScript (the same bits) rather than keep a larger memory, which never shrinks.
 */
const MAX_HEAP_NUMBERS = 1 << 23;

/**
 * Numbers a 32-bit WebAssembly memory can hold at most: 2²⁹ (4 GiB). Under the engine 'wasm', which
 * promises every product in WebAssembly, the memory grows up to this; past it (or when the system has
 * no memory to give) affineInto throws rather than run the product in JavaScript behind the setting.
 */
export const WASM_MAX_NUMBERS = 2 ** 29;

let compiled: Compiled | undefined;
/** Why the module cannot run here, once a compile has failed (then it is never tried again). */
let failure: string | undefined;

/**
 * Compiles the module, on first use only; afterwards says whether that worked.
 * It fails where WebAssembly or its SIMD instructions are missing, or where a
 * page's Content-Security-Policy forbids compiling: then the JavaScript loop runs.
 * @example wasmAvailable() //=> true   (Node 20 and every current browser run WebAssembly SIMD)
 */
export function wasmAvailable(): boolean {
  if (compiled === undefined && failure === undefined) {
    try {
      const binary = atob(AFFINE_WASM_BASE64); // one character per byte
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      // Synchronous: the module is small (under the 4 KB a browser's main thread may compile synchronously).
      const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
      const memory = instance.exports.memory as WebAssembly.Memory;
      compiled = { affine: instance.exports.affine as WasmAffine, memory, heap: new Float64Array(memory.buffer) };
    } catch (error) {
      failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
  }
  return compiled !== undefined;
}

/** Why the module cannot run here ('' when it can, or has not been tried). */
export function wasmFailure(): string {
  return failure ?? '';
}

/** The heap, grown to hold at least `numbers` numbers; undefined when that is more than `most` or the memory cannot grow. */
function heapOf(state: Compiled, numbers: number, most = MAX_HEAP_NUMBERS): Float64Array | undefined {
  if (numbers > most) return undefined;
  if (numbers > state.heap.length) {
    const pages = Math.ceil((numbers * 8 - state.memory.buffer.byteLength) / 65536);
    try {
      state.memory.grow(pages); // detaches the old heap view, so:
    } catch {
      return undefined; // no memory to spare: this product runs in JavaScript
    } finally {
      state.heap = new Float64Array(state.memory.buffer);
    }
  }
  return state.heap;
}

/** n rounded up to an even number, so that every block starts 16 bytes (one f64x2) into the memory. */
const even = (n: number) => n + (n & 1);

/**
 * affineIntoJS's contract (affine.ts), run by the WebAssembly kernel: Z[i][zCol + j] =
 * b[i] + Σₖ W[i][k]·A[k][aCol + j], then ReLU when `relu` is true. Returns false, having
 * written nothing, when the module cannot run or the product needs more than `most` numbers of its
 * memory (MAX_HEAP_NUMBERS, 64 MB, unless the engine 'wasm' asks for up to WASM_MAX_NUMBERS).
 * @example
 * const Z = new Float64Array(1);
 * affineIntoWasm(Float64Array.of(2), 1, 1, Float64Array.of(1), Float64Array.of(3), 1, 0, Z, 1, 0, 1, false) //=> true
 * Array.from(Z) //=> [7]   (1 + 2·3)
 */
export function affineIntoWasm(
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
  relu: boolean,
  most = MAX_HEAP_NUMBERS,
): boolean {
  if (!wasmAvailable()) return false;
  const state = compiled as Compiled;
  // Columns per kernel call: all of them, or blocks of a multiple of 8 (whole 2×8 tiles).
  const perBlock = Math.max(8, Math.floor(BLOCK_NUMBERS / (nIn + nOut) / 8) * 8);
  const block = Math.min(cols, perBlock);
  // The memory, in numbers: W (nOut × nIn), b (nOut), a block of A (nIn × block), a block of Z (nOut × block).
  const wAt = 0;
  const bAt = even(wAt + nOut * nIn);
  const aAt = even(bAt + nOut);
  const zAt = even(aAt + nIn * block);
  const heap = heapOf(state, zAt + nOut * block, most);
  if (heap === undefined) return false;

  // (Whole arrays are copied without a subarray where they are just the numbers needed: small calls gain.)
  heap.set(W.length === nOut * nIn ? W : W.subarray(0, nOut * nIn), wAt);
  if (b !== null) heap.set(b.length === nOut ? b : b.subarray(0, nOut), bAt);
  for (let start = 0; start < cols; start += block) {
    const n = Math.min(block, cols - start); // columns in this block
    // A's columns aCol + start … into the block, rows n numbers apart (one copy when A is just that block).
    if (n === aStride) heap.set(A.length === nIn * n ? A : A.subarray(0, nIn * n), aAt);
    else for (let k = 0, a = aCol + start; k < nIn; k++, a += aStride) heap.set(A.subarray(a, a + n), aAt + k * n);
    state.affine(wAt * 8, nOut, nIn, bAt * 8, b === null ? 0 : 1, aAt * 8, n, zAt * 8, n, n, relu ? 1 : 0);
    // Z's block out, into columns zCol + start … of Z (one copy when Z is just that block).
    if (n === zStride) Z.set(heap.subarray(zAt, zAt + nOut * n));
    else
      for (let i = 0, z = zCol + start; i < nOut; i++, z += zStride)
        Z.set(heap.subarray(zAt + i * n, zAt + (i + 1) * n), z);
  }
  return true;
}

/** One layer as `forwardChainWasm` takes it: Zˡ = Wˡ·Aˡ⁻¹ + bˡ, then ReLU when `relu`. */
export interface ChainLayer {
  W: Float64Array; // nOut × nIn
  b: Float64Array; // nOut
  nOut: number;
  nIn: number;
  relu: boolean;
}

/**
 * Several layers over one block of columns, without leaving the module's memory:
 * columns xCol … xCol + cols − 1 of X (rows `xStride` numbers apart) are copied in,
 * each layer's output is the next one's input where it lies, and only the last
 * layer's Z (nOut × cols) is copied out, into `out`. Layer by layer this is
 * affineIntoWasm, so the same bits; it saves copying every layer's Z out and in
 * again (4 of the 5 copies of a block of the article's network [1, 2, 2, 1]).
 * Returns false, having written nothing, when the module cannot run or the block is too large.
 * @example
 * const out = new Float64Array(2);
 * const double = { W: Float64Array.of(2), b: Float64Array.of(0), nOut: 1, nIn: 1, relu: true };
 * forwardChainWasm([double, double], Float64Array.of(3, -1), 2, 0, 2, out) //=> true
 * Array.from(out) //=> [12, 0]   (relu(2·relu(2·3)) and relu(2·relu(2·(−1))))
 */
export function forwardChainWasm(
  layers: readonly ChainLayer[],
  X: Float64Array,
  xStride: number,
  xCol: number,
  cols: number,
  out: Float64Array,
): boolean {
  if (!wasmAvailable()) return false;
  const state = compiled as Compiled;
  // The memory, in numbers: every W and b, X's block, then two buffers that the layers take turns writing.
  const at: number[] = [];
  let end = 0;
  let widest = 0;
  for (const { nOut, nIn } of layers) {
    at.push(end);
    end = even(even(end + nOut * nIn) + nOut);
    widest = Math.max(widest, nOut);
  }
  const xAt = end;
  const bufferAt = [even(xAt + layers[0].nIn * cols), 0];
  bufferAt[1] = even(bufferAt[0] + widest * cols);
  const heap = heapOf(state, bufferAt[1] + widest * cols);
  if (heap === undefined) return false;

  for (const [l, { W, b, nOut, nIn }] of layers.entries()) {
    heap.set(W.length === nOut * nIn ? W : W.subarray(0, nOut * nIn), at[l]);
    heap.set(b.length === nOut ? b : b.subarray(0, nOut), even(at[l] + nOut * nIn));
  }
  for (let k = 0, x = xCol; k < layers[0].nIn; k++, x += xStride) heap.set(X.subarray(x, x + cols), xAt + k * cols);
  let aAt = xAt; // Aˡ⁻¹, nIn × cols
  for (const [l, { nOut, nIn, relu }] of layers.entries()) {
    const zAt = bufferAt[l % 2]; // Zˡ, nOut × cols
    const wAt = at[l];
    state.affine(wAt * 8, nOut, nIn, even(wAt + nOut * nIn) * 8, 1, aAt * 8, cols, zAt * 8, cols, cols, relu ? 1 : 0);
    aAt = zAt;
  }
  const last = layers[layers.length - 1].nOut * cols;
  out.set(heap.subarray(aAt, aAt + last));
  return true;
}
