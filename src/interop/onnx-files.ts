/**
 * ONNX model files on disk, for Node only (this module imports node:fs, so the
 * core entry never does): `saveOnnx` writes one atomically (atomic.ts), and the
 * reading `loadOnnx` wraps follows the model's external-data files, which
 * PyTorch's newer exporter writes beside it (`model.onnx` + `model.onnx.data`).
 *
 * The rules are loadTfjsModel's: a model names its external files by plain
 * file names beside it (no folders, no `..`, no absolute paths, checked in
 * onnx-tensors.ts before any file is opened), an external file that is a
 * symlink is not followed, and only regular files are read. Every file's size
 * is checked against MAX_ONNX_BYTES before it is read.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ValueError, describeValue } from '../core/errors.js';
import type { NetworkParts } from '../core/types.js';
import { fileError, writeAtomic } from './atomic.js';
import { onnxParts, readOnnx } from './onnx-read.js';
import { checkByteLength, decodeOnnx, loadOnnxSchema } from './onnx-schema.js';
import { externalLocations } from './onnx-tensors.js';
import { type ToOnnxOptions, writeOnnx } from './onnx-write.js';

/**
 * Writes the network as an ONNX model to `path`, atomically (temp file, fsync, mode kept, rename),
 * after checking that `loadOnnx` would read it back. Options as `toOnnx`'s.
 * @example await saveOnnx(new Network({ layers: [1, 2, 1] }), 'model.onnx') //=> undefined (model.onnx written)
 */
export async function saveOnnx(net: NetworkParts, path: string, options?: ToOnnxOptions): Promise<void> {
  const where = 'saveOnnx';
  checkPath(path, where);
  const bytes = await writeOnnx(net, options, where); // everything that can throw runs before the disk is touched
  try {
    await readOnnx(bytes, {}, where); // the reader's rules: a file that would not load is never written
  } catch (error) {
    (error as Error).message =
      `${where}: the model would not load back, so nothing was written (${(error as Error).message})`;
    throw error;
  }
  await writeAtomic(path, bytes, where);
}

/**
 * The network an ONNX file holds, as plain data (`loadOnnx` wraps it in a Network), with the
 * external-data files it names read from beside it.
 * @example await saveOnnx(new Network({ layers: [1, 2, 1] }), 'model.onnx');
 * (await readOnnxFile('model.onnx', 'loadOnnx')).layers.length //=> 2
 */
export async function readOnnxFile(path: string, where: string): Promise<NetworkParts> {
  checkPath(path, where);
  const at = `${where}: ${path}`; // "loadOnnx: model.onnx: node "/c/Conv" is a Conv, …"
  const model = await decodeOnnx(await readRegularFile(path, where, false), at);
  const names = externalLocations(model.graph?.initializer ?? [], at); // every name checked before any file is opened
  const externalData: Record<string, Uint8Array> = {};
  for (const name of names) externalData[name] = await readRegularFile(join(dirname(path), name), where, true);
  return onnxParts(model, await loadOnnxSchema(), externalData, at);
}

/** A path given by the user, checked to be a non-empty string. */
function checkPath(path: unknown, where: string): string {
  if (typeof path !== 'string' || path.length === 0) {
    throw new ValueError(`${where}: path is ${describeValue(path)} but it must be a file name such as "model.onnx"`);
  }
  return path;
}

/**
 * A regular file's bytes, its size checked on the open handle before it is read; an external file
 * that is a symlink is refused (O_NOFOLLOW; Windows has no such flag and follows).
 * (To be replaced by the bounded file reader of interop/ once it lands: the same checks, in one place.)
 */
async function readRegularFile(path: string, where: string, beside: boolean): Promise<Uint8Array> {
  let file: Awaited<ReturnType<typeof open>>;
  // O_NONBLOCK: opening a named pipe would otherwise wait for a writer; fstat then refuses it.
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (beside ? (constants.O_NOFOLLOW ?? 0) : 0);
  try {
    file = await open(path, flags);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
      throw new Error(
        `${where}: external data file ${JSON.stringify(path)} is a symlink, which is not followed (a model's external data must be files beside it)`,
        { cause: error },
      );
    }
    throw fileError(where, 'read', path, error);
  }
  try {
    const stats = await file.stat();
    if (!stats.isFile()) {
      throw new ValueError(`${where}: ${JSON.stringify(path)} is not a regular file (a folder, a device or a pipe?)`);
    }
    checkByteLength(stats.size, where, JSON.stringify(path));
    const bytes = new Uint8Array(stats.size); // at most the size checked, even if the file grows meanwhile
    let read = 0;
    while (read < bytes.length) {
      const { bytesRead } = await file.read(bytes, read, bytes.length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return bytes.subarray(0, read);
  } finally {
    await file.close();
  }
}
