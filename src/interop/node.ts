/**
 * Saving and loading networks as files, in Node: `import { saveNetwork,
 * loadNetwork } from 'feedforward/node'`. A separate entry point, so that the
 * core ('feedforward') imports nothing from Node and runs in browsers.
 *
 * Saving is atomic: the JSON goes to a temporary file in the same folder, is
 * flushed to disk (fsync), and then renamed over the target. A rename within
 * one folder replaces the file in one step, so a crash or a full disk
 * mid-write leaves either the old model or the new one, never half of one.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ValueError, describeValue } from '../core/errors.js';
import { Network } from '../core/network.js';
import { checkNetwork } from '../core/validate.js';

/** An error from the file system, with the path and the original error kept as `cause`. */
function fileError(where: string, action: string, path: string, error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`${where}: cannot ${action} ${JSON.stringify(path)} (${reason})`, { cause: error });
}

function checkPath(path: unknown, where: string): string {
  if (typeof path !== 'string' || path.length === 0) {
    throw new ValueError(`${where}: path is ${describeValue(path)} but it must be a file name such as "model.json"`);
  }
  return path;
}

/**
 * Writes `net.toJSON()` to `path`, atomically: temp file, fsync, rename.
 * @example await saveNetwork(new Network({ layers: [1, 2, 1] }), 'model.json') //=> undefined (model.json written)
 */
export async function saveNetwork(net: Network, path: string): Promise<void> {
  const where = 'saveNetwork';
  checkNetwork(net, where);
  checkPath(path, where);
  const text = JSON.stringify(net.toJSON()); // everything that can throw runs before the disk is touched
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let file: Awaited<ReturnType<typeof open>> | undefined;
  try {
    file = await open(temp, 'wx'); // 'wx': fail rather than reuse a file that happens to exist
  } catch (error) {
    throw fileError(where, 'write a temporary file next to', path, error);
  }
  try {
    await file.writeFile(text); // a string is written as UTF-8
    await file.sync(); // the bytes are on disk before the rename makes them the model
    await file.close();
    file = undefined;
    await rename(temp, path);
  } catch (error) {
    await file?.close().catch(() => {});
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent (see stryker.config.mjs)
    await rm(temp, { force: true });
    throw fileError(where, 'write', path, error);
  }
  await syncFolder(dirname(path));
}

/** fsyncs a folder so the rename itself survives a power cut (best effort: not every system allows it). */
// Stryker disable all: equivalent (see stryker.config.mjs)
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a folder for fsync; the rename is still atomic there.
  }
}
// Stryker restore all

/**
 * Reads a network that `saveNetwork` wrote, checking the file as untrusted input (see Network.fromJSON).
 * @example await saveNetwork(new Network({ layers: [1, 2, 1] }), 'model.json');
 * (await loadNetwork('model.json')).sizes //=> [1, 2, 1]
 */
export async function loadNetwork(path: string): Promise<Network> {
  const where = 'loadNetwork';
  checkPath(path, where);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw fileError(where, 'read', path, error);
  }
  try {
    return Network.fromJSON(text);
  } catch (error) {
    // The same error, with the file named: "loadNetwork: model.json: Network.fromJSON: version is 2 but …".
    (error as Error).message = `${where}: ${path}: ${(error as Error).message}`;
    throw error;
  }
}

// CSV files in, as records for fromRecords.
export { readCsv, READ_CSV_DEFAULTS } from './csv.js';
export type { CsvValue, ReadCsvOptions } from './csv.js';

// TensorFlow.js files (model.json + weights.bin), also Node-only.
export { saveTfjsModel, loadTfjsModel } from './tfjs-files.js';
