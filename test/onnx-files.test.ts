/**
 * ONNX files on disk (feedforward/node): saveOnnx writes one atomically, loadOnnx
 * reads one with the external-data files PyTorch may write beside it, under
 * loadTfjsModel's rules: plain file names beside the model, regular files only,
 * no symlinked external file, every size checked before reading.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Network, ValueError, standardize } from '../src/index.js';
import { MAX_ONNX_BYTES } from '../src/interop/onnx-schema.js';
import { loadOnnx, saveOnnx } from '../src/node.js';
import { encode, expectRejection, maxRelativeError, modelObject, runOnnxruntime } from './helpers/onnx.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ff-onnx-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A small model whose first weight is kept in an external file, with that file's bytes. */
async function externalModel(location: string): Promise<{ model: Uint8Array; data: Uint8Array }> {
  const model = modelObject({ nodes: [['Gemm', ['x', 'W', 'B'], 'y']], constants: { W: { dims: [1, 1], values: [3] }, B: { dims: [1], values: [1] } } });
  const W = model.graph?.initializer?.[0] as { rawData?: Uint8Array };
  const data = W.rawData as Uint8Array;
  Object.assign(W, { rawData: undefined, dataLocation: 1, externalData: [{ key: 'location', value: location }] });
  return { model: await encode(model), data };
}

describe('saveOnnx and loadOnnx', () => {
  it('saves a network that loadOnnx reads back and onnxruntime runs, with the same predictions', async () => {
    const net = new Network({ layers: [2, 4, 1], hidden: 'tanh', seed: 5 });
    net.standardize = { inputs: standardize([[0, 10, 20], [1, 2, 3]]) };
    const path = join(dir, 'model.onnx');
    await saveOnnx(net, path, { dtype: 'float64' });
    const back = await loadOnnx(path);
    const samples = [[5, 1.5], [15, 2.5]];
    expect(back.predict(samples)).toEqual(net.predict(samples));
    const ort = await runOnnxruntime(new Uint8Array(await readFile(path)), samples);
    expect(maxRelativeError(ort, net.predict(samples))).toBeLessThan(1e-12);
  });

  it('replaces an existing file in one rename, leaving no temporary file behind', async () => {
    const path = join(dir, 'model.onnx');
    await saveOnnx(new Network({ layers: [1, 2, 1], seed: 1 }), path);
    await saveOnnx(new Network({ layers: [1, 3, 1], seed: 2 }), path);
    expect((await loadOnnx(path)).sizes).toEqual([1, 3, 1]);
    expect(await readdir(dir)).toEqual(['model.onnx']);
  });

  it('writes nothing when the network cannot be written (an activation ONNX has no operator for here)', async () => {
    const net = new Network({ layers: [1, 2, 1], hidden: { name: 'softplus', expression: 'log(1 + exp(x))' } as never });
    await expect(saveOnnx(net, join(dir, 'model.onnx'))).rejects.toThrow(/^saveOnnx: layer 1's activation softplus has no ONNX operator here/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('reads the external-data file a model names, beside it (PyTorch writes model.onnx.data)', async () => {
    const { model, data } = await externalModel('model.onnx.data');
    await writeFile(join(dir, 'model.onnx'), model);
    await writeFile(join(dir, 'model.onnx.data'), data);
    expect((await loadOnnx(join(dir, 'model.onnx'))).predict([2])).toEqual([7]); // 3·2 + 1
  });
});

describe("what loadOnnx refuses: loadTfjsModel's path rules", () => {
  it('refuses an external file named with a folder, "..", or an absolute path, before opening any file', async () => {
    for (const location of ['../secret.bin', '/etc/passwd', 'sub/w.bin', '..']) {
      const { model } = await externalModel(location);
      await writeFile(join(dir, 'model.onnx'), model);
      await expectRejection(() => loadOnnx(join(dir, 'model.onnx')), ValueError, `loadOnnx: ${join(dir, 'model.onnx')}: tensor "W"'s external location is ${JSON.stringify(location)} but it must be a plain file name beside the model (no folders, no "..", no drive), like "model.onnx.data"`);
    }
  });

  it('does not follow an external file that is a symlink', async () => {
    const { model, data } = await externalModel('w.bin');
    await writeFile(join(dir, 'model.onnx'), model);
    await writeFile(join(dir, 'elsewhere.bin'), data);
    await symlink(join(dir, 'elsewhere.bin'), join(dir, 'w.bin'));
    await expect(loadOnnx(join(dir, 'model.onnx'))).rejects.toThrow(`loadOnnx: external data file ${JSON.stringify(join(dir, 'w.bin'))} is a symlink, which is not followed (a model's external data must be files beside it)`);
  });

  it('reads regular files only: a folder, or a named pipe (without waiting for a writer), is refused', async () => {
    await mkdir(join(dir, 'folder.onnx'));
    await expectRejection(() => loadOnnx(join(dir, 'folder.onnx')), ValueError, `loadOnnx: file ${JSON.stringify(join(dir, 'folder.onnx'))} is a folder, not a regular file (only regular files are read: a device or a pipe may never end, or never answer)`);
    execFileSync('mkfifo', [join(dir, 'pipe.onnx')]);
    await expectRejection(() => loadOnnx(join(dir, 'pipe.onnx')), ValueError, `loadOnnx: file ${JSON.stringify(join(dir, 'pipe.onnx'))} is a FIFO (named pipe), not a regular file (only regular files are read: a device or a pipe may never end, or never answer)`);
  });

  it('refuses a file past MAX_ONNX_BYTES from its size alone, before reading it', async () => {
    const path = join(dir, 'huge.onnx');
    await writeFile(path, '');
    await truncate(path, MAX_ONNX_BYTES + 1); // a sparse file: no disk used
    await expectRejection(() => loadOnnx(path), ValueError, `loadOnnx: file ${JSON.stringify(path)} has ${MAX_ONNX_BYTES + 1} bytes but a file may have at most ${MAX_ONNX_BYTES} (MAX_PARAMETERS float64 weights and 16 MiB for the graph)`);
  });

  it('names the file in every error: a missing file, a missing external file, a file that is not ONNX', async () => {
    await expect(loadOnnx(join(dir, 'none.onnx'))).rejects.toThrow(`loadOnnx: cannot read ${JSON.stringify(join(dir, 'none.onnx'))} (ENOENT`);
    const { model } = await externalModel('w.bin');
    await writeFile(join(dir, 'model.onnx'), model);
    await expect(loadOnnx(join(dir, 'model.onnx'))).rejects.toThrow(`loadOnnx: cannot read ${JSON.stringify(join(dir, 'w.bin'))} (ENOENT`);
    await writeFile(join(dir, 'text.onnx'), 'not a model');
    await expect(loadOnnx(join(dir, 'text.onnx'))).rejects.toThrow(`loadOnnx: ${join(dir, 'text.onnx')}: the bytes are not a valid ONNX model`);
    await expectRejection(() => loadOnnx('' as never), ValueError, 'loadOnnx: path is "" but it must be a file name such as "model.onnx"');
  });
});
