/**
 * TensorFlow.js model files on disk, for Node only: this module imports
 * node:fs, so the core entry ('feedforward') does not import it and browser
 * bundles never see it.
 *
 *   await saveTfjsModel(net, 'my-model');      // my-model/model.json + my-model/weights.bin
 *   // in TensorFlow.js: await tf.loadLayersModel('file://my-model/model.json')  (tfjs-node)
 *   //                or tf.loadLayersModel('https://…/my-model/model.json')    (browser)
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Network } from '../core/network.js';
import { parseJSON } from '../core/serialize.js';
import { fromTfjsModel } from './tfjs-read.js';
import { type TfjsModelJSON, toTfjsFiles } from './tfjs-write.js';

/**
 * Writes the network as a TensorFlow.js Layers model: `dir/model.json` and `dir/weights.bin`
 * (the directory is created if needed). Resolves to the two paths.
 * @example await saveTfjsModel(new Network({ layers: [1, 2, 1] }), 'my-model') //=> { modelJson: 'my-model/model.json', weights: 'my-model/weights.bin' }
 */
export async function saveTfjsModel(net: Network, dir: string): Promise<{ modelJson: string; weights: string }> {
  const { modelJson, weightsBin } = toTfjsFiles(net, { weightsPath: 'weights.bin' });
  await mkdir(dir, { recursive: true });
  const paths = { modelJson: join(dir, 'model.json'), weights: join(dir, 'weights.bin') };
  await writeFile(paths.weights, weightsBin);
  await writeFile(paths.modelJson, `${JSON.stringify(modelJson, null, 2)}\n`);
  return paths;
}

/**
 * Reads a TensorFlow.js sequential Dense model from its `model.json` path (the
 * weight files it lists are read from the same directory) into a Network.
 * @example await saveTfjsModel(new Network({ layers: [1, 2, 1] }), 'my-model');
 * (await loadTfjsModel('my-model/model.json')).sizes //=> [1, 2, 1]
 */
export async function loadTfjsModel(modelJsonPath: string): Promise<Network> {
  const json = parseJSON(await readFile(modelJsonPath, 'utf8'), 'loadTfjsModel', modelJsonPath) as TfjsModelJSON;
  const paths = (json.weightsManifest ?? []).flatMap((group) => group.paths);
  const parts = await Promise.all(paths.map((path) => readFile(join(dirname(modelJsonPath), path))));
  return fromTfjsModel(json, Buffer.concat(parts));
}
