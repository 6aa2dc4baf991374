/**
 * For the crash tests (test/crash.test.ts): saves network A, B, A, B, … forever,
 * printing "saved n" after save n (odd n: A, even n: B), until the test kills it
 * (SIGKILL) at some point of some save. Usage: save-loop.ts network|tfjs <path>.
 */
import { Network } from '../../src/index.js';
import { saveNetwork, saveTfjsModel } from '../../src/node.js';

export const crashNets = () => [0, 1].map((seed) => new Network({ layers: [20, 150, 150, 5], seed }));

if (process.argv[1]?.endsWith('save-loop.ts')) {
  const [kind, path] = process.argv.slice(2);
  const save = (net: Network) => (kind === 'tfjs' ? saveTfjsModel(net, path) : saveNetwork(net, path));
  const [a, b] = crashNets();
  for (let n = 1; ; n++) {
    await save(n % 2 === 1 ? a : b);
    process.stdout.write(`saved ${n}\n`);
  }
}
