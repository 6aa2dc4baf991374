/**
 * Weight initialisation: where a network's weights start before training.
 *
 * Each scheme draws W (nOut × nIn) uniformly from [−limit, limit), the
 * variance being limit²/3. The uniform forms keep every machine's numbers
 * identical (see random.ts); their variances are the published ones.
 * Biases start uniform in [−1/√nIn, 1/√nIn), PyTorch's default for a dense
 * layer, so a new ReLU network's kinks are spread out rather than all at x = 0.
 */
import { ValueError, describeValue } from './errors.js';
import type { Random } from './random.js';

/** The weight-initialisation schemes: He (for ReLU), Xavier (for tanh, sigmoid) and plain uniform. */
export type InitName = 'he' | 'xavier' | 'uniform';

/** The limit of each scheme's uniform range, from the layer's fan-in and fan-out. */
export const INIT_LIMITS: Readonly<Record<InitName, (nIn: number, nOut: number) => number>> = Object.freeze({
  // He (Kaiming) 2015: Var(W) = 2/nIn keeps ReLU outputs from shrinking layer after layer.
  he: (nIn: number) => Math.sqrt(6 / nIn),
  // Xavier (Glorot) 2010: Var(W) = 2/(nIn + nOut) keeps tanh/sigmoid signals steady both ways.
  xavier: (nIn: number, nOut: number) => Math.sqrt(6 / (nIn + nOut)),
  // Plain uniform in [−1, 1), as a first notebook would do it.
  uniform: () => 1,
});

/** Checks an init name. */
export function checkInit(init: unknown, where: string): InitName {
  if (typeof init === 'string' && Object.hasOwn(INIT_LIMITS, init)) return init as InitName;
  throw new ValueError(
    `${where}: init ${describeValue(init)} is unknown (expected one of ${Object.keys(INIT_LIMITS).join(', ')})`,
  );
}

/**
 * One layer's starting weights and biases, drawn from `random` in a fixed
 * order (all of W row by row, then b), so a seed pins every number.
 */
export function initLayer(
  init: InitName,
  nIn: number,
  nOut: number,
  random: Random,
): { weights: Float64Array; biases: Float64Array } {
  const limit = INIT_LIMITS[init](nIn, nOut);
  const weights = new Float64Array(nOut * nIn);
  for (let n = 0; n < weights.length; n++) weights[n] = random.between(-limit, limit);
  const biasLimit = 1 / Math.sqrt(nIn);
  const biases = new Float64Array(nOut);
  for (let n = 0; n < biases.length; n++) biases[n] = random.between(-biasLimit, biasLimit);
  return { weights, biases };
}
