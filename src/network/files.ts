/**
 * Networks read from files, in Node (the feedforward/node entry): each reader in
 * interop/ returns the network as plain data (NetworkParts); here it becomes a Network.
 */
import { readNetworkFile } from '../interop/network-files.js';
import { readTfjsFiles } from '../interop/tfjs-files.js';
import { readOnnxFile } from '../interop/onnx-files.js';
import { type Network, networkFromParts } from './network.js';

/**
 * Reads a network that `saveNetwork` wrote, checking the file as untrusted input (see Network.fromJSON).
 * @example await saveNetwork(new Network({ layers: [1, 2, 1] }), 'model.json');
 * (await loadNetwork('model.json')).sizes //=> [1, 2, 1]
 */
export async function loadNetwork(path: string): Promise<Network> {
  return networkFromParts(await readNetworkFile(path, 'loadNetwork'));
}

/**
 * Reads a TensorFlow.js sequential Dense model from its `model.json` path into a
 * Network. The weight files it lists must be plain file names beside it (no
 * folders, no `..`), and are not followed if they are symlinks.
 * @example await saveTfjsModel(new Network({ layers: [1, 2, 1] }), 'my-model');
 * (await loadTfjsModel('my-model/model.json')).sizes //=> [1, 2, 1]
 */
export async function loadTfjsModel(modelJsonPath: string): Promise<Network> {
  return networkFromParts(await readTfjsFiles(modelJsonPath, 'loadTfjsModel'));
}

/**
 * Reads an ONNX model from its path into a Network (as `fromOnnx` reads its bytes), with the
 * external-data files it names (PyTorch's `model.onnx.data`): plain file names beside it (no
 * folders, no `..`, no absolute paths), regular files only, not followed if they are symlinks.
 * @example await saveOnnx(new Network({ layers: [1, 2, 1] }), 'model.onnx');
 * (await loadOnnx('model.onnx')).sizes //=> [1, 2, 1]
 */
export async function loadOnnx(path: string): Promise<Network> {
  return networkFromParts(await readOnnxFile(path, 'loadOnnx'));
}
