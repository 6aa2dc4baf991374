// TensorFlow.js (an oracle of the tests and the other library of examples/compare/ and examples/to-tfjs.ts),
// from the oracle package: `import { tf } from '…/test/oracles/tfjs.js'` where one would write
// `import * as tf from '@tensorflow/tfjs'`, and its types by name (`import type { Tensor2D } …`).
import { need } from './need.mjs';

export type * from '@tensorflow/tfjs';

need('@tensorflow/tfjs');
export const tf = await import('@tensorflow/tfjs');
