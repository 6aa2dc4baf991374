/**
 * TensorFlow.js model files on disk, for Node only: this module imports
 * node:fs, so the core entry ('feedforward') does not import it and browser
 * bundles never see it.
 *
 *   await saveTfjsModel(net, 'my-model');      // my-model/model.json + my-model/weights.<hash>.bin
 *   // in TensorFlow.js: await tf.loadLayersModel('file://my-model/model.json')  (tfjs-node)
 *   //                or tf.loadLayersModel('https://…/my-model/model.json')    (browser)
 *
 * Saving is atomic as a pair: the weights go to a new file named by their
 * content (`weights.<16 hex of their SHA-256>.bin`), then model.json, which
 * names that file, replaces the old model.json in one rename (atomic.ts).
 * A reader therefore sees the old model.json with the old weights or the new
 * one with the new weights, never a mix; the old weight file is removed after
 * the switch. Reading follows only plain file names beside model.json, and a
 * weight file that is a symlink is refused (it could point anywhere).
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readFile, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { NetworkParts } from '../core/types.js';
import { parseJSON } from '../core/serialize.js';
import { fileError, writeAtomic } from './atomic.js';
import { manifestPaths, readTfjsModel } from './tfjs-read.js';
import { type TfjsModelJSON, toTfjsFiles } from './tfjs-write.js';

/** The weight files saveTfjsModel writes (and so may remove): weights.bin (older versions) or weights.<hash>.bin. */
const OUR_WEIGHTS = /^weights(\.[0-9a-f]{16})?\.bin$/;

/** A weight file of ours that no model.json names is removed by the next save once it is this old (ms). */
const ORPHAN_AGE_MS = 10 * 60 * 1000;

/**
 * Writes the network as a TensorFlow.js Layers model: `dir/model.json` and
 * `dir/weights.<hash>.bin` (the directory is created if needed), atomically as
 * a pair, after checking that `loadTfjsModel` would read them back. Resolves to the two paths.
 * @example await saveTfjsModel(new Network({ layers: [1, 2, 1], seed: 1 }), 'my-model') //=> { modelJson: 'my-model/model.json', weights: 'my-model/weights.…bin' }
 */
export async function saveTfjsModel(net: NetworkParts, dir: string): Promise<{ modelJson: string; weights: string }> {
  const where = 'saveTfjsModel';
  const bytes = toTfjsFiles(net).weightsBin;
  const name = `weights.${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.bin`;
  const { modelJson, weightsBin } = toTfjsFiles(net, { weightsPath: name });
  try {
    readTfjsModel(modelJson, weightsBin, where); // the reader's rules: files that would not load are never written
  } catch (error) {
    (error as Error).message =
      `${where}: the model would not load back, so nothing was written (${(error as Error).message})`;
    throw error;
  }
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw fileError(where, 'create the folder', dir, error);
  }
  const paths = { modelJson: join(dir, 'model.json'), weights: join(dir, name) };
  const before = await readFile(paths.modelJson, 'utf8')
    .then((text) => manifestPaths(JSON.parse(text), where))
    .catch(() => [] as string[]);
  await writeAtomic(paths.weights, weightsBin, where, paths.modelJson); // 1. the new weights, under a new name (model.json's mode): no reader looks there yet
  await writeAtomic(paths.modelJson, `${JSON.stringify(modelJson, null, 2)}\n`, where); // 2. the switch, in one rename
  await removeOldWeights(dir, before, name); // 3. what no model.json names any more
  return paths;
}

/** Removes the weight files of ours that the previous model.json named, and old orphans of killed saves. */
async function removeOldWeights(dir: string, before: string[], keep: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (name === keep || !OUR_WEIGHTS.test(name)) continue;
    const path = join(dir, name);
    const orphanAge = await stat(path).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (before.includes(name) || orphanAge > ORPHAN_AGE_MS) await rm(path, { force: true }).catch(() => {});
  }
}

/**
 * The layers of a TensorFlow.js sequential Dense model read from its `model.json` path, as plain
 * data (`loadTfjsModel` wraps them in a Network). The weight files it lists must be plain file names
 * beside it (no folders, no `..`), and are not followed if they are symlinks.
 * @example await saveTfjsModel(new Network({ layers: [1, 2, 1] }), 'my-model');
 * (await readTfjsFiles('my-model/model.json', 'loadTfjsModel')).layers.length //=> 2
 */
export async function readTfjsFiles(modelJsonPath: string, where: string): Promise<NetworkParts> {
  let text: string;
  try {
    text = await readFile(modelJsonPath, 'utf8');
  } catch (error) {
    throw fileError(where, 'read', String(modelJsonPath), error);
  }
  const json = parseJSON(text, where, modelJsonPath) as TfjsModelJSON;
  const paths = manifestPaths(json, where); // every name checked before any file is opened
  const parts: Uint8Array[] = [];
  for (const name of paths) parts.push(await readBeside(dirname(modelJsonPath), name, where));
  return readTfjsModel(json, Buffer.concat(parts), where);
}

/** A weight file's bytes, refusing a symlink (O_NOFOLLOW; Windows has no such flag and follows). */
async function readBeside(folder: string, name: string, where: string): Promise<Uint8Array> {
  const path = join(folder, name);
  try {
    const file = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      return await file.readFile();
    } finally {
      await file.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
      throw new Error(
        `${where}: weight file ${JSON.stringify(path)} is a symlink, which is not followed (a model's weights must be files beside model.json)`,
        { cause: error },
      );
    }
    throw fileError(where, 'read', path, error);
  }
}
