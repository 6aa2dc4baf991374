/**
 * Switching TensorFlow.js between its backends, for the benchmarks that race
 * it: `cpu` (pure JavaScript) and `wasm` (WebAssembly, SIMD when the engine has it).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export type Backend = 'cpu' | 'wasm';

let wasmPathSet = false;

/**
 * Makes `backend` tfjs's global backend. The wasm backend loads its .wasm files
 * from its own package's dist/ folder (they ship inside the npm package).
 */
export async function useBackend(backend: Backend): Promise<void> {
  if (backend === 'wasm' && !wasmPathSet) {
    const pkg = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json');
    setWasmPaths(path.join(path.dirname(pkg), 'dist') + path.sep);
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
