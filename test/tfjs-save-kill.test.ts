/**
 * saveTfjsModel stopped part-way, in one process: the file system's `rm`,
 * `link` and `rename` are replaceable here, so a save can be made to stop
 * after its switch (as a kill would stop it), to run where hard links do not
 * exist, or to fail at its switch. What it leaves must load, and whatever it
 * leaves behind, the next save must be able to prove its own and remove.
 * (test/crash.test.ts kills real saving processes; this file looks inside.)
 */
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Network } from '../src/index.js';
import { tempName } from '../src/interop/atomic.js';
import { toTfjsModel } from '../src/interop/tfjs-write.js';
import { fromTfjsModel } from '../src/network/readers.js';
import { loadTfjsModel, saveTfjsModel } from '../src/node.js';

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, rm: vi.fn(real.rm), link: vi.fn(real.link), rename: vi.fn(real.rename), open: vi.fn(real.open) };
});
const real = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');

let dir: string;
beforeEach(async () => {
  dir = join(await fs.mkdtemp(join(tmpdir(), 'feedforward-save-kill-')), 'm');
});
afterEach(async () => {
  for (const f of [fs.rm, fs.link, fs.rename, fs.open]) vi.mocked(f as never as () => void).mockReset();
  vi.mocked(fs.rm).mockImplementation(real.rm);
  vi.mocked(fs.link).mockImplementation(real.link);
  vi.mocked(fs.rename).mockImplementation(real.rename);
  vi.mocked(fs.open).mockImplementation(real.open);
  await real.rm(join(dir, '..'), { recursive: true, force: true });
});

const [a, b, c] = [3, 4, 5].map((seed) => new Network({ layers: [1, 2, 1], seed }));
const dead = 2 ** 22 + 12345; // above Linux's default pid_max (2²²): no process has it
const hexOf = (path: string) => /weights\.([0-9a-f]{16})\.bin$/.exec(path)?.[1] as string;
const files = async () => (await fs.readdir(dir)).sort();
/** Renames this process's temporary names in the folder as if a dead process had left them. */
async function asIfDead(): Promise<void> {
  for (const name of await fs.readdir(dir)) {
    const mine = `.${process.pid}.`;
    if (name.endsWith('.tmp') && name.includes(mine)) await real.rename(join(dir, name), join(dir, name.replace(mine, `.${dead}.`)));
  }
}

describe('a save stopped after its switch, before removing the old weights', () => {
  it('leaves a model that loads, the old weights marked by a link (same inode) and its own weights linked to its temporary name', async () => {
    const first = await saveTfjsModel(a, dir);
    vi.mocked(fs.rm).mockImplementation(async (path, options) => {
      if (path === first.weights) throw new Error('stopped here, as a kill would stop it');
      return real.rm(path, options);
    });
    await expect(saveTfjsModel(b, dir)).rejects.toThrow('stopped here');
    const names = await files();
    const second = names.find((name) => /^weights\./.test(name) && name !== basename(first.weights)) as string;
    const proof = tempName('model.json', process.pid, hexOf(first.weights));
    const temp = tempName('model.json', process.pid, hexOf(second));
    expect(names).toEqual(['model.json', basename(first.weights), second, proof, temp].sort());
    expect((await fs.lstat(join(dir, proof))).ino).toBe((await fs.lstat(first.weights)).ino);
    expect((await fs.lstat(join(dir, temp))).ino).toBe((await fs.lstat(join(dir, second))).ino);
    expect((await loadTfjsModel(join(dir, 'model.json'))).sizes).toEqual([1, 2, 1]);
  });
  it('the next save, once that process is gone, removes the old weights and both links, and nothing is left but its own model', async () => {
    const first = await saveTfjsModel(a, dir);
    vi.mocked(fs.rm).mockImplementationOnce(async () => {
      throw new Error('stopped here');
    });
    await expect(saveTfjsModel(b, dir)).rejects.toThrow('stopped here');
    vi.mocked(fs.rm).mockImplementation(real.rm);
    await asIfDead();
    const third = await saveTfjsModel(c, dir);
    expect(await files()).toEqual(['model.json', basename(third.weights)]);
    expect(first.weights).not.toBe(third.weights);
  });
  it('a stale link to the weights model.json names keeps them: the next save failing after its clean-up leaves a model that loads', async () => {
    await saveTfjsModel(a, dir);
    vi.mocked(fs.rm).mockImplementationOnce(async () => {
      throw new Error('stopped here');
    });
    await expect(saveTfjsModel(b, dir)).rejects.toThrow('stopped here');
    vi.mocked(fs.rm).mockImplementation(real.rm);
    await asIfDead();
    // The next save cleans up, then fails to write its weights: model.json's weights must still be there.
    vi.mocked(fs.open).mockImplementation(async (path, flags, mode) => {
      if (flags === 'wx') throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return real.open(path, flags, mode);
    });
    await expect(saveTfjsModel(c, dir)).rejects.toThrow(/saveTfjsModel: cannot write a temporary file next to .* \(ENOSPC/);
    const wantB = JSON.stringify((await loadTfjsModel(join(dir, 'model.json'))).toJSON());
    expect(wantB).toBe(JSON.stringify(fromTfjsModel(toTfjsModel(b)).toJSON())); // the stopped save's model, whole
    expect((await files()).filter((name) => name.endsWith('.tmp'))).toEqual([]); // the stale links went; the weights they proved unnamed went too
    expect((await files()).length).toBe(2);
  });
});

describe('where hard links cannot be made', () => {
  it('renames the weights into place, and the save works the same', async () => {
    vi.mocked(fs.link).mockRejectedValue(Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' }));
    await saveTfjsModel(a, dir);
    const second = await saveTfjsModel(b, dir);
    expect(await files()).toEqual(['model.json', basename(second.weights)]);
    expect((await loadTfjsModel(second.modelJson)).toJSON().layers).toEqual([1, 2, 1]);
  });
  it('a rename that fails too leaves the old model, and no file of the failed save', async () => {
    const first = await saveTfjsModel(a, dir);
    vi.mocked(fs.link).mockRejectedValue(Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' }));
    vi.mocked(fs.rename).mockRejectedValueOnce(new Error('EIO: i/o error, rename'));
    await expect(saveTfjsModel(b, dir)).rejects.toThrow(/^saveTfjsModel: cannot write ".*weights\.[0-9a-f]{16}\.bin" \(EIO: i\/o error, rename\)$/);
    expect(await files()).toEqual(['model.json', basename(first.weights)]);
  });
});

describe('a save whose switch fails', () => {
  it('where there are no hard links either, removes its renamed weights (and there is no temporary name to remove)', async () => {
    const first = await saveTfjsModel(a, dir);
    vi.mocked(fs.link).mockRejectedValue(Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' }));
    vi.mocked(fs.rename).mockImplementation(async (from, to) => {
      if (String(to).endsWith('model.json')) throw new Error('EXDEV: cross-device link not permitted');
      return real.rename(from, to);
    });
    await expect(saveTfjsModel(b, dir)).rejects.toThrow(`saveTfjsModel: cannot write ${JSON.stringify(first.modelJson)} (EXDEV: cross-device link not permitted)`);
    expect(await files()).toEqual(['model.json', basename(first.weights)]);
  });
  it('removes its new weights and every link it made, and leaves the old model as it was', async () => {
    const first = await saveTfjsModel(a, dir);
    const before = await fs.readFile(first.modelJson, 'utf8');
    vi.mocked(fs.rename).mockRejectedValueOnce(new Error('EXDEV: cross-device link not permitted'));
    await expect(saveTfjsModel(b, dir)).rejects.toThrow('saveTfjsModel: cannot write');
    expect(await files()).toEqual(['model.json', basename(first.weights)]);
    expect(await fs.readFile(first.modelJson, 'utf8')).toBe(before);
  });
});
