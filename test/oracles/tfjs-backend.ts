/**
 * Switching TensorFlow.js between its backends, for the benchmarks that race
 * it: `cpu` (pure JavaScript) and `wasm` (WebAssembly, SIMD when the engine has it).
 */
import path from 'node:path';
import { ORACLES_MODULES, need } from './need.mjs';
import { tf } from './tfjs.js';

need('@tensorflow/tfjs-backend-wasm');
const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');

export type Backend = 'cpu' | 'wasm';

let wasmPathSet = false;

/**
 * Makes `backend` tfjs's global backend. The wasm backend loads its .wasm files
 * from its own package's dist/ folder (they ship inside the npm package).
 */
export async function useBackend(backend: Backend): Promise<void> {
  if (backend === 'wasm' && !wasmPathSet) {
    setWasmPaths(path.join(ORACLES_MODULES, '@tensorflow', 'tfjs-backend-wasm', 'dist') + path.sep);
    wasmPathSet = true;
  }
  if (!(await tf.setBackend(backend)) || tf.getBackend() !== backend) {
    throw new Error(`useBackend: tfjs could not switch to its ${backend} backend`);
  }
}

/** Whether the wasm backend runs its SIMD build (it picks it when WebAssembly SIMD works). */
export function wasmHasSimd(): boolean {
  return tf.env().getBool('WASM_HAS_SIMD_SUPPORT');
}
