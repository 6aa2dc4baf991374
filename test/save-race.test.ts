/**
 * Two saves into one folder at once (an autosave and a manual save, or two
 * programs): afterwards the folder loads, as one model or the other, every
 * time. 50 races in one process, then 50 between two processes started
 * together and told to save at the same moment. See docs/errors-and-files.md
 * for why this needs no lock.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toTfjsFiles } from '../src/interop/tfjs-write.js';
import { fromTfjsModel } from '../src/network/readers.js';
import { loadTfjsModel, saveTfjsModel } from '../src/node.js';
import { raceNet } from './children/save-race.js';

const RACES = 50;
const [a, b] = [raceNet(1), raceNet(2)];
/** A network as it reads back from TensorFlow.js files (float32 weights), as JSON text. */
const asRead = (net: typeof a) => {
  const { modelJson, weightsBin } = toTfjsFiles(net);
  return JSON.stringify(fromTfjsModel(modelJson, weightsBin).toJSON());
};
const wanted = new Map([
  [asRead(a), 'A'],
  [asRead(b), 'B'],
]);

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'feedforward-race-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Which of the two networks the folder loads as ('A' or 'B'); anything else fails the test. */
async function loadsAs(dir: string): Promise<string> {
  const back = JSON.stringify((await loadTfjsModel(join(dir, 'model.json'))).toJSON());
  return wanted.get(back) ?? 'a mix';
}

describe('two saveTfjsModel calls into one folder at once: the folder always loads as one model or the other', () => {
  it(`${RACES} races in one process`, async () => {
    const dir = join(folder, 'm');
    const seen = new Set<string>();
    for (let round = 0; round < RACES; round++) {
      // Alternate which starts first, so that each wins some races.
      await Promise.all(round % 2 === 0 ? [saveTfjsModel(a, dir), saveTfjsModel(b, dir)] : [saveTfjsModel(b, dir), saveTfjsModel(a, dir)]);
      seen.add(await loadsAs(dir));
    }
    expect([...seen].sort()).toEqual(['A', 'B']);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]); // nothing temporary is left
  }, 60_000);

  it(`${RACES} races between two processes`, async () => {
    const dir = join(folder, 'm');
    const start = (seed: number): ChildProcess =>
      fork(join(__dirname, 'children/save-race.ts'), [String(seed), dir], {
        execArgv: ['--max-old-space-size=256', '--import', 'tsx'],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
    const children = [start(1), start(2)];
    const next = (child: ChildProcess) =>
      new Promise<unknown>((resolve, reject) => {
        child.once('message', resolve);
        child.once('exit', (code) => reject(new Error(`a saving child exited (${code})`)));
      });
    const guard = setTimeout(() => children.forEach((child) => child.kill('SIGKILL')), 110_000);
    try {
      await Promise.all(children.map(next)); // both 'ready'
      const seen = new Set<string>();
      for (let round = 0; round < RACES; round++) {
        const done = children.map(next);
        for (const child of children) child.send(round);
        for (const answer of await Promise.all(done)) expect(answer).toEqual({ round, ok: true });
        seen.add(await loadsAs(dir));
      }
      expect(seen.has('a mix')).toBe(false);
    } finally {
      clearTimeout(guard);
      for (const child of children) child.kill();
    }
  }, 120_000);
});
