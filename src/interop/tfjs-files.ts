/**
 * TensorFlow.js model files on disk, for Node only: this module imports
 * node:fs, so the core entry ('feedforward') does not import it and browser
 * bundles never see it.
 *
 *   await saveTfjsModel(net, 'my-model');      // my-model/model.json + my-model/weights.<hash>.bin
 *   // in TensorFlow.js: await tf.loadLayersModel('file://my-model/model.json')  (tfjs-node)
 *   //                or tf.loadLayersModel('https://…/my-model/model.json')    (browser)
 *
 * Saving is atomic as a pair: the weights go to a new file of their own
 * (`weights.<16 random hex>.bin`, a name no other save uses), then model.json,
 * which names that file, replaces the old model.json in one rename (atomic.ts).
 * A reader therefore sees the old model.json with the old weights or the new
 * one with the new weights, never a mix. After the switch, the save removes
 * the one weight file that the model.json it replaced named (if it has the
 * name this library writes), and nothing else: another model's weights beside
 * it (an `other.json` + `weights.bin`) are never touched.
 *
 * Concurrent saves into one folder (an autosave and a manual save) need no
 * lock: since no two saves write the same weight file, a save can only remove
 * a file that a model.json named *before* the save read it, and such a
 * model.json has been replaced for good by then; whichever save renames last
 * wins, and its weights are there. (A save that loses such a race may leave
 * its own weight file behind, named by no model.json: disk space, never a broken model.)
 *
 * A killed save leaves a weight file no model.json names: its own new one
 * (killed before the switch) or the old one (killed after the switch, before
 * removing it). To remove such a file safely, each save holds a marked
 * temporary name (atomic.ts) for both while it runs, as hard links: its new
 * weights are written under `.feedforward.model.json.<host>.<pid>.<hex>.tmp`
 * and linked as `weights.<hex>.bin`, and the old `weights.<hex>.bin` gets such
 * a link before the switch; the links go at the end. A stale one (its process
 * gone, on this host) whose `weights.<hex>.bin` is the same file (same inode)
 * and is not named by model.json is proof that a save of this library was
 * killed while holding it, so both go. Where hard links are not supported,
 * the weights are renamed into place instead, and such an orphan stays.
 *
 * Reading follows only plain file names beside model.json, refuses a weight
 * file that is a symlink (it could point anywhere), and reads no more bytes
 * than the manifest's weights take (read-file.ts: regular files only, within MAX_FILE_BYTES).
 */
import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ShapeError } from '../core/errors.js';
import { parseJSON } from '../core/serialize.js';
import type { NetworkParts } from '../core/types.js';
import {
  checkLoadsBack,
  fileError,
  refuseSymlink,
  removeStaleTemps,
  syncFolder,
  tempName,
  writeAtomic,
  writeTemp,
} from './atomic.js';
import { openRegularFile, readAtMost, readFileWithin } from './read-file.js';
import { manifestPaths, manifestWeightBytes, readTfjsModel } from './tfjs-read.js';
import { type TfjsModelJSON, toTfjsFiles } from './tfjs-write.js';

/** The weight files saveTfjsModel writes (and so may remove): weights.bin (older versions) or weights.<hex>.bin. */
const OUR_WEIGHTS = /^weights(\.[0-9a-f]{16})?\.bin$/;

/** Why a weight file that is a symlink is not read. */
const WEIGHTS_BESIDE = "a model's weights must be files beside model.json";

/**
 * Writes the network as a TensorFlow.js Layers model: `dir/model.json` and
 * `dir/weights.<hex>.bin` (the directory is created if needed), atomically as
 * a pair, after checking that `loadTfjsModel` would read them back. A model.json
 * that is a symlink is refused. Resolves to the two paths.
 * @example await saveTfjsModel(new Network({ layers: [1, 2, 1], seed: 1 }), 'my-model') //=> { modelJson: 'my-model/model.json', weights: 'my-model/weights.…bin' }
 */
export async function saveTfjsModel(net: NetworkParts, dir: string): Promise<{ modelJson: string; weights: string }> {
  const where = 'saveTfjsModel';
  const hex = randomBytes(8).toString('hex'); // this save's own weight file: no other save writes it
  const name = `weights.${hex}.bin`;
  const { modelJson, weightsBin } = toTfjsFiles(net, { weightsPath: name });
  // Stryker disable next-line ArrowFunction,StringLiteral: equivalent (see stryker.config.mjs)
  await checkLoadsBack(where, 'model', () => readTfjsModel(modelJson, weightsBin, where)); // the reader's rules
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw fileError(where, 'create the folder', dir, error);
  }
  const paths = { modelJson: join(dir, 'model.json'), weights: join(dir, name) };
  const old = await refuseSymlink(paths.modelJson, where);
  await removeStaleTemps(dir, 'model.json', (temp, tempHex) => removeOrphanWeights(dir, temp, tempHex));
  // What the model.json this save replaces names, of ours: removed after the switch. Each weights.<hex>.bin
  // gets a marked link first, so that if this save is killed after the switch, the next one can prove it ours.
  const before = (await namedWeights(paths.modelJson)).filter((file) => OUR_WEIGHTS.test(file));
  const proofs: string[] = [];
  for (const file of before) {
    const oldHex = /^weights\.([0-9a-f]{16})\.bin$/.exec(file)?.[1];
    if (oldHex === undefined) continue; // weights.bin, of older versions: removed without a proof
    const proof = join(dir, tempName('model.json', process.pid, oldHex));
    try {
      await link(join(dir, file), proof);
      proofs.push(proof);
    } catch {
      // Another save of this process holds that link already, or there are no hard links here.
    }
  }
  const removeProofs = () => Promise.all(proofs.map((proof) => rm(proof, { force: true })));
  // 1. The weights, under the temporary name, then also under their own (model.json's mode): no reader looks there yet.
  let temp: string;
  try {
    temp = await writeTemp(paths.weights, weightsBin, where, 'model.json', hex, old);
  } catch (error) {
    await removeProofs();
    throw error;
  }
  let linked = true;
  try {
    await link(temp, paths.weights);
  } catch {
    linked = false; // no hard links here (FAT, some network shares): renamed instead
    try {
      await rename(temp, paths.weights);
    } catch (error) {
      await rm(temp);
      await removeProofs();
      throw fileError(where, 'write', paths.weights, error);
    }
  }
  await syncFolder(dir);
  // 2. The switch, in one rename.
  try {
    await writeAtomic(paths.modelJson, `${JSON.stringify(modelJson, null, 2)}\n`, where, {
      marker: 'model.json',
      clean: false,
    });
  } catch (error) {
    await rm(paths.weights); // ours, and named by no model.json
    if (linked) await rm(temp);
    await removeProofs();
    throw error;
  }
  // 3. The weights the replaced model.json named, then the marked links, which are no longer needed as proof.
  for (const file of before) await rm(join(dir, file), { force: true });
  await removeProofs();
  if (linked) await rm(temp); // (only this save removes its own temporary file)
  return paths;
}

/** The weight files a model.json names; throws when it cannot be read. */
async function namesIn(modelJsonPath: string): Promise<string[]> {
  const text = (await readFileWithin(modelJsonPath, 'saveTfjsModel')).toString('utf8');
  return manifestPaths(JSON.parse(text), 'saveTfjsModel');
}

/** The weight files a model.json names (none when it is missing or unreadable). */
function namedWeights(modelJsonPath: string): Promise<string[]> {
  return namesIn(modelJsonPath).catch(() => []);
}

/**
 * Before a killed save's temporary file is removed: its weights (`weights.<hex>.bin`, the same file
 * by inode, so certainly ours) are removed too, unless model.json names them (the kill came after the
 * switch). When model.json cannot be read, both stay (false), to be tried again next time.
 */
async function removeOrphanWeights(dir: string, temp: string, hex: string): Promise<boolean> {
  const weights = join(dir, `weights.${hex}.bin`);
  const [a, b] = await Promise.all([lstat(temp).catch(() => undefined), lstat(weights).catch(() => undefined)]);
  // Two names in one folder are on one device, so the inode alone says whether they are one file.
  if (a === undefined || a.ino !== b?.ino) return true; // nothing of ours to remove
  let named: string[];
  try {
    named = await namesIn(join(dir, 'model.json'));
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'ENOENT') return false;
    named = []; // no model.json at all: nothing names them
  }
  if (!named.includes(basename(weights))) await rm(weights, { force: true });
  return true;
}

/**
 * The layers of a TensorFlow.js sequential Dense model read from its `model.json` path, as plain
 * data (`loadTfjsModel` wraps them in a Network). The weight files it lists must be plain file names
 * beside it (no folders, no `..`), and are not followed if they are symlinks.
 * @example await saveTfjsModel(new Network({ layers: [1, 2, 1] }), 'my-model');
 * (await readTfjsFiles('my-model/model.json', 'loadTfjsModel')).layers.length //=> 2
 */
export async function readTfjsFiles(modelJsonPath: string, where: string): Promise<NetworkParts> {
  const text = (await readFileWithin(String(modelJsonPath), where)).toString('utf8');
  const json = parseJSON(text, where, modelJsonPath) as TfjsModelJSON;
  const paths = manifestPaths(json, where); // every name checked, each once, before any file is opened
  const want = manifestWeightBytes(json, where); // every spec checked, the parameters counted
  const parts: Uint8Array[] = [];
  let read = 0;
  for (const name of paths) {
    const path = join(dirname(modelJsonPath), name);
    // Each file a regular file (not a FIFO named weights.bin, not a symlink), holding no more than the weights left.
    const { file, size } = await openRegularFile(path, where, {
      noFollow: WEIGHTS_BESIDE,
      what: 'weight file',
    });
    try {
      if (read + size > want) {
        throw new ShapeError(
          `${where}: the weight files hold more than the ${want} bytes the model's weights take (4 bytes per float32): ${JSON.stringify(path)} has ${size} bytes after ${read} in the files before it`,
        );
      }
      parts.push(await readAtMost(file, size));
      read += size;
    } finally {
      await file.close();
    }
  }
  return readTfjsModel(json, Buffer.concat(parts), where);
}
