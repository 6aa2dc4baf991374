/**
 * Saving survives a kill at any moment: a child process saves two networks in
 * turn, forever, and is killed (SIGKILL: no cleanup runs) at many different
 * moments. After each kill the file, or the pair model.json + weights, must
 * load and be exactly one of the two networks, never a mix or a broken file;
 * and the temporary files the killed saves left (and the weights they had
 * linked but not yet named) are removed by the next save.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNetwork, loadTfjsModel, saveNetwork, saveTfjsModel } from '../src/node.js';
import { fromTfjsModel } from '../src/network/readers.js';
import { toTfjsFiles } from '../src/interop/tfjs-write.js';
import { crashNets } from './children/save-loop.js';

const KILLS = 12;
const root = join(__dirname, '..');

/**
 * Where kill k lands: right after the child's save 2 (network B) or save 3 (network A), then
 * 0, 1/6, …, 5/6 of the time that save took. Counted in saves and in fractions of a save,
 * not in milliseconds, so the kills spread over a save on a fast machine and on a loaded one,
 * and land after saves of both kinds.
 */
const kills = Array.from({ length: KILLS }, (_, k) => ({ after: 2 + (k % 2), fraction: Math.floor(k / 2) / 6 }));

/** Starts the saving child, waits for the end of its save `after`, lets it run `fraction` of that save's time more, and kills it. */
async function saveAndKill(kind: 'network' | 'tfjs', path: string, { after, fraction }: (typeof kills)[number]): Promise<void> {
  const child: ChildProcess = spawn(process.execPath, ['--max-old-space-size=256', '--import', 'tsx', join(root, 'test/children/save-loop.ts'), kind, path], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const savedAt: number[] = []; // savedAt[n]: when "saved n" came
  let stdout = '';
  const saved = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d;
      for (const [, n] of stdout.matchAll(/saved (\d+)\n/g)) savedAt[Number(n)] ??= performance.now();
      if (savedAt[after] !== undefined) resolve();
    });
    child.on('exit', () => reject(new Error(`the saving child exited before its save ${after}: ${stderr}`)));
  });
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000); // the suite always finishes
  try {
    await saved;
    await new Promise((resolve) => setTimeout(resolve, fraction * (savedAt[after] - savedAt[after - 1])));
  } finally {
    child.kill('SIGKILL');
    await exited;
    clearTimeout(guard);
  }
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'feedforward-crash-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const [a, b] = crashNets();

describe('a save killed at any moment leaves the old model or the new one', () => {
  it(`saveNetwork, killed ${KILLS} times: the file always loads as network A or network B`, async () => {
    const path = join(folder, 'model.json');
    const seen = new Set<string>();
    for (const kill of kills) {
      await saveAndKill('network', path, kill);
      const back = JSON.stringify((await loadNetwork(path)).toJSON());
      const which = back === JSON.stringify(a.toJSON()) ? 'A' : back === JSON.stringify(b.toJSON()) ? 'B' : 'a mix';
      expect(which).not.toBe('a mix');
      seen.add(which);
    }
    expect(seen.size).toBe(2); // the kills did land after saves of both kinds
    // Temporary files of the killed saves (their processes are gone) are removed by the next save.
    await saveNetwork(a, path);
    expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it(`saveTfjsModel, killed ${KILLS} times: model.json and its weights always load as network A or network B`, async () => {
    const dir = join(folder, 'tfjs');
    const asFloat32 = (net: typeof a) => {
      const { modelJson, weightsBin } = toTfjsFiles(net);
      return JSON.stringify(fromTfjsModel(modelJson, weightsBin).toJSON());
    };
    const [wantA, wantB] = [asFloat32(a), asFloat32(b)];
    const seen = new Set<string>();
    for (const kill of kills) {
      await saveAndKill('tfjs', dir, kill);
      const back = JSON.stringify((await loadTfjsModel(join(dir, 'model.json'))).toJSON());
      const which = back === wantA ? 'A' : back === wantB ? 'B' : 'a mix';
      expect(which).not.toBe('a mix');
      seen.add(which);
    }
    expect(seen.size).toBe(2);
    // The next save removes the dead processes' temporary files, and the weight files they had put in place
    // that no model.json names (each still linked to its temporary file: proof that a killed save wrote it).
    const paths = await saveTfjsModel(a, dir);
    expect((await readdir(dir)).sort()).toEqual(['model.json', paths.weights.slice(dir.length + 1)].sort());
  }, 120_000);
});
