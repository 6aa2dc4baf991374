/**
 * For test/kinks.test.ts: kinks of the tent map nested argv[2] times, run in a
 * child with a heap limit; prints the error's class and message, or the number of pieces.
 */
import { Network, kinks } from '../../src/index.js';

const depth = Number(process.argv[2] ?? 30);
const net = Network.fromWeights([
  ...Array.from({ length: depth }, (_, l) => ({ weights: l === 0 ? [[2], [2]] : [[2, -4], [2, -4]], biases: [0, -1] })),
  { weights: [[1, -2]], biases: [0] },
]);
try {
  console.log(`${kinks(net, { domain: [0, 1] }).pieces.length} pieces`);
} catch (error) {
  console.log(`${(error as Error).name}: ${(error as Error).message}`);
}
