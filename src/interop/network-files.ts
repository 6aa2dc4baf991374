/**
 * A network as a JSON file, in Node: `saveNetwork` here, and the reading that
 * `loadNetwork` (feedforward/node) wraps in a Network. Node-only, so the core
 * entry ('feedforward') imports nothing from Node and runs in browsers.
 *
 * Saving is atomic (see atomic.ts): the JSON goes to a temporary file in the
 * same folder, is flushed to disk (fsync), gets the old file's mode, and is
 * renamed over the target, so a crash or a full disk mid-write leaves either
 * the old model or the new one, never half of one. Before the disk is
 * touched, the text is read back by `Network.fromJSON`'s rules, so a file
 * that `loadNetwork` would refuse (a NaN weight, a σ of Infinity) is never written.
 */
import { ValueError, describeValue } from '../core/errors.js';
import { networkToJSON, readNetwork } from '../core/serialize.js';
import type { NetworkParts } from '../core/types.js';
import { checkNetwork } from '../core/validate.js';
import { checkLoadsBack, writeAtomic } from './atomic.js';
import { MAX_FILE_BYTES, readFileWithin } from './read-file.js';

/** A path given by the user, checked to be a non-empty string. */
function checkPath(path: unknown, where: string): string {
  if (typeof path !== 'string' || path.length === 0) {
    throw new ValueError(`${where}: path is ${describeValue(path)} but it must be a file name such as "model.json"`);
  }
  return path;
}

/**
 * Writes `net.toJSON()` to `path`, atomically (temp file, fsync, mode kept, rename),
 * after checking that `loadNetwork` would read it back.
 * @example await saveNetwork(new Network({ layers: [1, 2, 1] }), 'model.json') //=> undefined (model.json written)
 */
export async function saveNetwork(net: NetworkParts, path: string): Promise<void> {
  const where = 'saveNetwork';
  checkNetwork(net, where);
  checkPath(path, where);
  const text = JSON.stringify(networkToJSON(net)); // everything that can throw runs before the disk is touched
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) {
    throw new ValueError(
      `${where}: the network's JSON would take ${Buffer.byteLength(text)} bytes but loadNetwork reads at most ${MAX_FILE_BYTES} (MAX_FILE_BYTES), so nothing was written`,
    );
  }
  await checkLoadsBack(where, 'network', () => readNetwork(text, 'Network.fromJSON')); // the reader's rules
  await writeAtomic(path, text, where);
}

/**
 * The network a `saveNetwork` file holds, as plain data (`loadNetwork` wraps it in a Network),
 * the file checked as untrusted input (see Network.fromJSON).
 * @example await saveNetwork(new Network({ layers: [1, 2, 1] }), 'model.json');
 * (await readNetworkFile('model.json', 'loadNetwork')).layers.length //=> 2
 */
export async function readNetworkFile(path: string, where: string): Promise<NetworkParts> {
  checkPath(path, where);
  const text = (await readFileWithin(path, where)).toString('utf8'); // a regular file within MAX_FILE_BYTES
  try {
    return readNetwork(text, 'Network.fromJSON');
  } catch (error) {
    // The same error, with the file named: "loadNetwork: model.json: Network.fromJSON: version is 2 but …".
    (error as Error).message = `${where}: ${path}: ${(error as Error).message}`;
    throw error;
  }
}
