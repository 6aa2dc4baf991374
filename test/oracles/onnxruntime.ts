// onnxruntime-web (WebAssembly, in Node): the engine that runs ONNX files, the oracle of the ONNX tests and
// examples/to-onnxruntime.ts, from the oracle package: `import { ort } from '…/test/oracles/onnxruntime.js'`
// where one would write `import * as ort from 'onnxruntime-web'`.
import { need } from './need.mjs';

need('onnxruntime-web');
export const ort = await import('onnxruntime-web');
