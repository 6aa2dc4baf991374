/**
 * For the crash tests (test/crash.test.ts): saves network A once, prints
 * "ready", then saves B, A, B, … forever, until the test kills it (SIGKILL)
 * at some point of some save. Usage: save-loop.ts network|tfjs <path>.
 */
import { Network } from '../../src/index.js';
import { saveNetwork, saveTfjsModel } from '../../src/node.js';

export const crashNets = () => [0, 1].map((seed) => new Network({ layers: [20, 150, 150, 5], seed }));

if (process.argv[1]?.endsWith('save-loop.ts')) {
  const [kind, path] = process.argv.slice(2);
  const save = (net: Network) => (kind === 'tfjs' ? saveTfjsModel(net, path) : saveNetwork(net, path));
  const [a, b] = crashNets();
  await save(a);
  process.stdout.write('ready\n');
  for (let n = 0; ; n++) await save(n % 2 === 0 ? b : a);
}
