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
import { dirname, join } from 'node:path';
import { ValueError, describeValue } from '../core/errors.js';
import type { NetworkParts } from '../core/types.js';
import { checkLoadsBack, writeAtomic } from './atomic.js';
import { readFileWithin } from './read-file.js';
import { onnxParts, readOnnx } from './onnx-read.js';
import { MAX_ONNX_BYTES, decodeOnnx, loadOnnxSchema } from './onnx-schema.js';
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
  await checkLoadsBack(where, 'model', () => readOnnx(bytes, {}, where)); // the reader's rules
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
 * A model's file, or an external data file beside it (a symlink refused there), read by the bounded
 * reader of every feedforward/node reader (read-file.ts), with ONNX's own size limit.
 */
async function readRegularFile(path: string, where: string, beside: boolean): Promise<Uint8Array> {
  return readFileWithin(path, where, {
    what: beside ? 'external data file' : 'file',
    limit: { bytes: MAX_ONNX_BYTES, why: 'MAX_PARAMETERS float64 weights and 16 MiB for the graph' },
    ...(beside && { noFollow: "a model's external data must be files beside it" }),
  });
}
