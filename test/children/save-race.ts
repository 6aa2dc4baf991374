/**
 * For the race test (test/save-race.test.ts): a process that saves one
 * network into a folder each time its parent says "go" (over IPC) and answers
 * when the save is done, so that two such processes save into one folder at
 * the same moment, round after round. Usage: save-race.ts <seed> <folder>.
 */
import { Network } from '../../src/index.js';
import { saveTfjsModel } from '../../src/node.js';

export const raceNet = (seed: number) => new Network({ layers: [4, 30, 3], seed });

if (process.argv[1]?.endsWith('save-race.ts')) {
  const [seed, dir] = process.argv.slice(2);
  const net = raceNet(Number(seed));
  process.on('message', (round) => {
    saveTfjsModel(net, dir).then(
      () => process.send?.({ round, ok: true }),
      (error: Error) => process.send?.({ round, ok: false, error: error.message }),
    );
  });
  process.send?.('ready');
}
