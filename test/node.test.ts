/**
 * feedforward/node: saving a network to a file and loading it back. Saving is
 * atomic (temporary file, fsync, rename), so a crash or a full disk while
 * saving leaves the previous model whole.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { readlinkSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Network, ShapeError, ValueError, standardizerFromJSON } from '../src/index.js';
import { MAX_FILE_BYTES, loadNetwork, readCsv, saveNetwork } from '../src/node.js';
import { tempName, thisHost } from '../src/interop/atomic.js';
import { openRegularFile, readAtMost } from '../src/interop/read-file.js';
import { inChild } from './helpers/child.js';

// The real fs, with `rename` and `open` replaceable per test to simulate failures.
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, rename: vi.fn(real.rename), open: vi.fn(real.open) };
});

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(join(tmpdir(), 'feedforward-node-'));
});
afterEach(async () => {
  vi.mocked(fs.rename).mockReset();
  await fs.rm(folder, { recursive: true, force: true });
});

const net = new Network({ layers: [1, 2, 2, 1], seed: 42 });

describe('saveNetwork and loadNetwork', () => {
  it('write net.toJSON() as JSON text and read back a network that computes the same outputs', async () => {
    const path = join(folder, 'model.json');
    await saveNetwork(net, path);
    expect(JSON.parse(await fs.readFile(path, 'utf8'))).toEqual(net.toJSON());
    const back = await loadNetwork(path);
    expect(back).toBeInstanceOf(Network);
    expect(back.forward([[-2, -0.5, 0, 0.5, 2]]).data).toEqual(net.forward([[-2, -0.5, 0, 0.5, 2]]).data);
  });
  it('replace an existing file and leave no temporary file in the folder', async () => {
    const path = join(folder, 'model.json');
    await fs.writeFile(path, 'old');
    await saveNetwork(net, path);
    expect(await fs.readdir(folder)).toEqual(['model.json']);
    expect((await loadNetwork(path)).toJSON()).toEqual(net.toJSON());
  });
});

describe('saving is atomic: a failure mid-save leaves the old model whole', () => {
  it('when the disk fills up halfway through writing, the old file is untouched and the temporary file removed', async () => {
    const path = join(folder, 'model.json');
    await saveNetwork(net, path);
    const before = await fs.readFile(path, 'utf8');
    const real = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
    vi.mocked(fs.open).mockImplementationOnce(async (file, flags) => {
      const handle = await real.open(file, flags);
      // A handle whose write stores the first half, then fails as a full disk does.
      return Object.assign(Object.create(handle), {
        writeFile: async (text: string) => {
          await handle.writeFile(text.slice(0, text.length / 2));
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        },
        close: () => handle.close(),
      });
    });
    await expect(saveNetwork(new Network({ layers: [1, 3, 1], seed: 7 }), path)).rejects.toThrow(
      `saveNetwork: cannot write ${JSON.stringify(path)} (ENOSPC: no space left on device, write)`,
    );
    expect(await fs.readFile(path, 'utf8')).toBe(before);
    expect(await fs.readdir(folder)).toEqual(['model.json']);
  });
  it('when the rename fails, the old file is untouched and the temporary file removed', async () => {
    const path = join(folder, 'model.json');
    await fs.writeFile(path, 'old');
    vi.mocked(fs.rename).mockRejectedValueOnce(new Error('EXDEV: cross-device link not permitted'));
    await expect(saveNetwork(net, path)).rejects.toThrow(`saveNetwork: cannot write ${JSON.stringify(path)} (EXDEV: cross-device link not permitted)`);
    expect(await fs.readFile(path, 'utf8')).toBe('old');
    expect(await fs.readdir(folder)).toEqual(['model.json']);
  });
  it('a crash mid-write (the save stops halfway, forever) leaves the old file whole on disk', async () => {
    const path = join(folder, 'model.json');
    await fs.writeFile(path, 'old');
    const real = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
    let halfWritten!: () => void;
    const reachedHalf = new Promise<void>((resolve) => (halfWritten = resolve));
    vi.mocked(fs.open).mockImplementationOnce(async (file, flags) => {
      const handle = await real.open(file, flags);
      // Writes the first half, then never returns: what the disk holds at this moment is what a crash would leave.
      return Object.assign(Object.create(handle), {
        writeFile: async (text: string) => {
          await handle.writeFile(text.slice(0, text.length / 2));
          await handle.close();
          halfWritten();
          return new Promise(() => {});
        },
      });
    });
    void saveNetwork(net, path);
    await reachedHalf;
    expect(await fs.readFile(path, 'utf8')).toBe('old');
  });
});

describe('what happens when you get it wrong', () => {
  it('saving something that is not a network', async () => {
    await expect(saveNetwork({ layers: [1, 2, 1] } as never, join(folder, 'm.json'))).rejects.toThrow(
      new ValueError('saveNetwork: net is an object (Object) but it must be a Network (layer 1 is not { weights, biases, activation })'),
    );
  });
  it('saving null', async () => {
    await expect(saveNetwork(null as never, join(folder, 'm.json'))).rejects.toThrow(new ValueError('saveNetwork: net is null but it must be a Network (made by new Network(…) or Network.fromWeights(…))'));
  });
  it('saving an object whose toJSON is not a network', async () => {
    await expect(saveNetwork({ toJSON: () => ({}) } as never, join(folder, 'm.json'))).rejects.toThrow(
      new ValueError('saveNetwork: net is an object (Object) but it must be a Network (it has no list of layers)'),
    );
  });
  it('saving to a path that is not a string', async () => {
    await expect(saveNetwork(net, undefined as never)).rejects.toThrow(
      new ValueError('saveNetwork: path is undefined but it must be a file name such as "model.json"'),
    );
  });
  it('saving into a folder that does not exist names the path', async () => {
    const path = join(folder, 'missing', 'model.json');
    await expect(saveNetwork(net, path)).rejects.toThrow(`saveNetwork: cannot write a temporary file next to ${JSON.stringify(path)} (ENOENT`);
  });
  it('loading a file that does not exist names the path, and keeps the system error as its cause', async () => {
    const path = join(folder, 'nope.json');
    const error = (await loadNetwork(path).catch((e: unknown) => e)) as Error & { cause?: { code?: string } };
    expect(error.message).toBe(`loadNetwork: cannot read ${JSON.stringify(path)} (ENOENT: no such file or directory, open '${path}')`);
    expect(error.cause?.code).toBe('ENOENT');
  });
  it('loading an empty path', async () => {
    await expect(loadNetwork('')).rejects.toThrow(new ValueError('loadNetwork: path is "" but it must be a file name such as "model.json"'));
  });
  it('loading a damaged file says which file and what is wrong, with the same error class', async () => {
    const path = join(folder, 'model.json');
    await fs.writeFile(path, JSON.stringify({ ...net.toJSON(), layers: [1, 3, 2, 1] }));
    const error = await loadNetwork(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShapeError);
    expect((error as Error).message).toBe(
      `loadNetwork: ${path}: Network.fromJSON: layer 1: weights are an array of 2 entries but must be 3×1: 3 rows (one per neuron)`,
    );
  });
  it('loading a file of another version says so', async () => {
    const path = join(folder, 'model.json');
    await fs.writeFile(path, JSON.stringify({ ...net.toJSON(), version: 2 }));
    await expect(loadNetwork(path)).rejects.toThrow(
      new ValueError(`loadNetwork: ${path}: Network.fromJSON: version is 2 but this library reads version 1 (written by a different feedforward?)`),
    );
  });
});

describe('saveNetwork checks what it writes, keeps the mode, cleans up only its own temporary files, refuses a symlink', () => {
  it('refuses a network holding NaN, naming why, and leaves the good file on disk as it was', async () => {
    const path = join(folder, 'model.json');
    await saveNetwork(net, path);
    const before = await fs.readFile(path, 'utf8');
    const broken = Network.fromJSON(net.toJSON());
    broken.layers[1].weights.data[0] = NaN; // a weight set by hand
    const error = (await saveNetwork(broken, path).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/^saveNetwork: the network would not load back, so nothing was written \(Network.fromJSON: .*layer 2/);
    expect(await fs.readFile(path, 'utf8')).toBe(before);
  });
  it('refuses a standardizer with σ = ∞ (assigned by hand), which loadNetwork would refuse', async () => {
    const path = join(folder, 'model.json');
    const odd = Network.fromJSON(net.toJSON());
    odd.standardize = { inputs: { ...standardizerFromJSON({ mean: [0], std: [1] }), toJSON: () => ({ mean: [0], std: [Infinity] }) } };
    await expect(saveNetwork(odd, path)).rejects.toThrow(/saveNetwork: the network would not load back, so nothing was written \(Network.fromJSON: standardize.inputs: std is an array of 1 entry but must be a non-empty list of finite numbers\)$/);
    expect(await fs.readdir(folder)).toEqual([]);
  });
  it('keeps the mode of the file it replaces: a 0600 model stays 0600', async () => {
    const path = join(folder, 'model.json');
    await fs.writeFile(path, 'old', { mode: 0o600 });
    await fs.chmod(path, 0o600);
    await saveNetwork(net, path);
    expect((await fs.stat(path)).mode & 0o777).toBe(0o600);
  });
  it('removes the temporary files a killed save of this target left on this host (their process is gone), and no other file', async () => {
    const path = join(folder, 'model.json');
    const dead = 2 ** 22 + 12345; // above Linux's default pid_max (2²²): no process has it
    const stale = tempName('model.json', dead, '0123456789abcdef');
    await fs.writeFile(join(folder, stale), 'half a model');
    await fs.writeFile(join(folder, 'model.json.1'), 'a backup of yours');
    const yours = [
      `x${stale}`, // only the exact pattern is ours
      `${stale}.bak`,
      tempName('other.json', dead, '0123456789abcdef'), // another target's: its own save cleans it
      `.model.json.${dead}.0123456789ab.tmp`, // no marker: an older version's, or yours
      '.draft.md.31337.0123456789ab.tmp', // a file of yours that merely looks like a temporary name
      stale.replace(thisHost(), 'another-host'), // made on another host, whose pids this one cannot see
    ];
    for (const name of yours) await fs.writeFile(join(folder, name), 'a file of yours');
    await saveNetwork(net, path);
    expect((await fs.readdir(folder)).sort()).toEqual([...yours, 'model.json', 'model.json.1'].sort());
  });
  it('names its temporary files .feedforward.<target>.<host>.<pid>.<16 hex>.tmp, the host being this one', () => {
    expect(tempName('model.json', 42, '0123456789abcdef')).toBe(`.feedforward.model.json.${thisHost()}.42.0123456789abcdef.tmp`);
    expect(thisHost()).toMatch(/^[A-Za-z0-9.-]{1,64}(-pidns\d+)?$/);
    // Linux: the host name, then the PID namespace's number (/proc/self/ns/pid links to "pid:[4026531836]")
    if (process.platform === 'linux') {
      const namespace = /\d+/.exec(readlinkSync('/proc/self/ns/pid'))?.[0];
      expect(thisHost()).toBe(`${hostname().replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 64)}-pidns${namespace}`);
    }
  });
  it('keeps the exact mode, whatever the umask: a 0666 model stays 0666 (a new file would get 0644 under umask 022)', async () => {
    const path = join(folder, 'model.json');
    await fs.writeFile(path, 'old');
    await fs.chmod(path, 0o666);
    await saveNetwork(net, path);
    expect((await fs.stat(path)).mode & 0o777).toBe(0o666);
  });
  it("leaves alone the temporary files of a save that is still running in another process", async () => {
    const path = join(folder, 'model.json');
    const alive = tempName('model.json', process.ppid, '0123456789abcdef'); // the process that started this test runs
    await fs.writeFile(join(folder, alive), 'a save in progress');
    await saveNetwork(net, path);
    expect((await fs.readdir(folder)).sort()).toEqual([alive, 'model.json']);
  });
  it("counts a process it may not signal (EPERM: another user's) as running, and keeps its temporary file", async () => {
    const path = join(folder, 'model.json');
    const other = tempName('model.json', 2 ** 22 + 1, '0123456789abcdef');
    await fs.writeFile(join(folder, other), "another user's save");
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => {
      throw Object.assign(new Error('kill EPERM'), { code: 'EPERM' });
    });
    try {
      await saveNetwork(net, path);
    } finally {
      kill.mockRestore();
    }
    expect((await fs.readdir(folder)).sort()).toEqual([other, 'model.json']);
  });
  it('refuses a target that is a symlink, and leaves both the link and the file it points to as they were', async () => {
    const real = join(folder, 'real.json');
    const link = join(folder, 'link.json');
    await fs.writeFile(real, 'old');
    await fs.symlink(real, link);
    await expect(saveNetwork(net, link)).rejects.toThrow(
      new ValueError(`saveNetwork: ${JSON.stringify(link)} is a symlink, which a save neither follows nor replaces (it could point anywhere): save to the file itself, or remove the link first`),
    );
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(real, 'utf8')).toBe('old');
    expect((await fs.readdir(folder)).sort()).toEqual(['link.json', 'real.json']);
  });
  it('refuses a dangling symlink too, creating nothing where it points', async () => {
    const link = join(folder, 'model.json');
    await fs.symlink(join(folder, 'elsewhere.json'), link);
    await expect(saveNetwork(net, link)).rejects.toThrow(/is a symlink, which a save neither follows nor replaces/);
    expect(await fs.readdir(folder)).toEqual(['model.json']);
  });
});

describe('loadNetwork (and every reader) reads only a regular file, within MAX_FILE_BYTES', () => {
  it.runIf(process.platform !== 'win32')('refuses /dev/zero (endless) before reading a byte', async () => {
    await expect(loadNetwork('/dev/zero')).rejects.toThrow(
      new ValueError('loadNetwork: file "/dev/zero" is a character device, not a regular file (only regular files are read: a device or a pipe may never end, or never answer)'),
    );
  });
  it.runIf(process.platform !== 'win32')('refuses a FIFO that no process writes to, at once (opening it would wait forever)', async () => {
    const fifo = join(folder, 'model.json');
    execFileSync('mkfifo', [fifo]);
    await expect(loadNetwork(fifo)).rejects.toThrow(/^loadNetwork: file ".*model.json" is a FIFO \(named pipe\), not a regular file/);
  });
  it('reads a model file through a symlink (only weight files beside a model.json are refused as links), and names a loop of links', async () => {
    await saveNetwork(net, join(folder, 'real.json'));
    await fs.symlink(join(folder, 'real.json'), join(folder, 'link.json'));
    expect((await loadNetwork(join(folder, 'link.json'))).toJSON()).toEqual(net.toJSON());
    await fs.symlink(join(folder, 'loop.json'), join(folder, 'loop.json'));
    await expect(loadNetwork(join(folder, 'loop.json'))).rejects.toThrow(`loadNetwork: cannot read ${JSON.stringify(join(folder, 'loop.json'))} (ELOOP`);
  });
  it('reads no more than fstat said, and what is there when the file shrank since (readAtMost)', async () => {
    const path = join(folder, 'data.txt');
    await fs.writeFile(path, 'hello world');
    const { file, size } = await openRegularFile(path, 'test');
    try {
      await fs.appendFile(path, ' and more'); // grown since fstat: not read
      expect((await readAtMost(file, size)).toString()).toBe('hello world');
      await fs.truncate(path, 5); // shrunk: what is left
      expect((await readAtMost(file, size)).toString()).toBe('hello');
    } finally {
      await file.close();
    }
  });
  it('refuses a folder', async () => {
    await expect(loadNetwork(folder)).rejects.toThrow(`loadNetwork: file ${JSON.stringify(folder)} is a folder, not a regular file`);
  });
  it.runIf(process.platform !== 'win32')('readCsv reads through the same door: /dev/zero and a FIFO are refused at once', async () => {
    await expect(readCsv('/dev/zero')).rejects.toThrow('readCsv: file "/dev/zero" is a character device, not a regular file');
    const fifo = join(folder, 'data.csv');
    execFileSync('mkfifo', [fifo]);
    await expect(readCsv(fifo)).rejects.toThrow(/^readCsv: file ".*data.csv" is a FIFO \(named pipe\), not a regular file/);
  });
  it.runIf(process.platform !== 'win32')('refuses a FIFO that has a writer too (it could send forever)', async () => {
    const fifo = join(folder, 'model.json');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `yes > "${fifo}"`], { stdio: 'ignore' });
    try {
      await expect(loadNetwork(fifo)).rejects.toThrow(/is a FIFO \(named pipe\), not a regular file/);
    } finally {
      writer.kill('SIGKILL');
    }
  });
  it('refuses a file over MAX_FILE_BYTES (128 MiB) from its size alone (a sparse file: nothing is read)', async () => {
    const path = join(folder, 'huge.json');
    await fs.writeFile(path, '');
    await fs.truncate(path, MAX_FILE_BYTES + 1);
    await expect(loadNetwork(path)).rejects.toThrow(
      new ValueError(`loadNetwork: file ${JSON.stringify(path)} has 134217729 bytes but a file may have at most 134217728 (MAX_FILE_BYTES, 128 MiB)`),
    );
  });
  it('reads a file of exactly MAX_FILE_BYTES (and finds it is not JSON)', async () => {
    const path = join(folder, 'big.json');
    await fs.writeFile(path, '');
    await fs.truncate(path, MAX_FILE_BYTES); // 128 MiB of zero bytes
    await expect(loadNetwork(path)).rejects.toThrow(/^loadNetwork: .*big.json: Network.fromJSON: the text is not valid JSON/);
  });
});

describe('saveNetwork writes nothing loadNetwork would refuse for its size', () => {
  it('checks the text against MAX_FILE_BYTES before touching the disk', async () => {
    const path = join(folder, 'model.json');
    const spy = vi.spyOn(JSON, 'stringify').mockReturnValueOnce('x'.repeat(MAX_FILE_BYTES + 1));
    try {
      await expect(saveNetwork(net, path)).rejects.toThrow(
        new ValueError(`saveNetwork: the network's JSON would take 134217729 bytes but loadNetwork reads at most 134217728 (MAX_FILE_BYTES), so nothing was written`),
      );
    } finally {
      spy.mockRestore();
    }
    expect(await fs.readdir(folder)).toEqual([]);
  });
  it('lets a text of exactly MAX_FILE_BYTES through that check (to the reader\'s own)', async () => {
    const spy = vi.spyOn(JSON, 'stringify').mockReturnValueOnce('x'.repeat(MAX_FILE_BYTES));
    try {
      await expect(saveNetwork(net, join(folder, 'model.json'))).rejects.toThrow(/^saveNetwork: the network would not load back, so nothing was written \(Network.fromJSON: the text is not valid JSON/);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('loadNetwork keeps memory within a small multiple of the file size', () => {
  it('a million layers of 1×1 (21 MB, within MAX_PARAMETERS) is refused by MAX_LAYERS within a heap of 256 MB (it took 513 MB)', async () => {
    const path = join(folder, 'deep.json');
    const L = 1e6;
    await fs.writeFile(
      path,
      JSON.stringify({ format: 'feedforward-network', version: 1, layers: Array(L + 1).fill(1), activations: Array(L).fill('linear'), weights: Array.from({ length: L }, () => [[1]]), biases: Array.from({ length: L }, () => [0]) }),
    );
    expect((await fs.stat(path)).size).toBe(21_000_096);
    // JSON.parse alone needs about 10× a file of tiny arrays; nothing past the sizes is built.
    const run = inChild('test/children/load-file.ts', { timeoutMs: 60_000, heapMb: 256, args: ['network', path] });
    expect(run.outOfMemory).toBe(false);
    expect(run.stdout).toBe(`loadNetwork: ${path}: Network.fromJSON: the network has 1000000 weight layers but a network may have at most 1000 (MAX_LAYERS)\n`);
  }, 70_000);
});
