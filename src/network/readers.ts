/**
 * Networks read from what other code wrote: a TensorFlow.js model, a saved
 * training run. Each reader in the chapters below returns the network as plain
 * data (NetworkParts); here it becomes a Network.
 */
import { networkFromParts, type Network } from './network.js';
import { type TfjsModelInput, type TfjsWeightData, readTfjsModel } from '../interop/tfjs-read.js';
import type { Optimizer } from '../train/optimizers.js';
import { type TrainingStateJSON, readTrainingState } from '../train/training-state.js';

/**
 * A Network from a TensorFlow.js sequential model of Dense layers: the contents
 * of `model.json` (or its text) and its weights file, or the artifacts a
 * `model.save(tf.io.withSaveHandler(…))` hands over. Wˡ = kernelᵀ (nOut × nIn), bˡ = bias.
 * Reads Dense layers with relu, sigmoid, tanh, linear or softmax, and a LeakyReLU
 * or Activation layer right after a linear Dense; anything else is named in an error.
 * @example fromTfjsModel(toTfjsModel(new Network({ layers: [1, 2, 1] }))).sizes //=> [1, 2, 1]
 */
export function fromTfjsModel(model: TfjsModelInput, weights?: TfjsWeightData): Network {
  return networkFromParts(readTfjsModel(model, weights, 'fromTfjsModel'));
}

/**
 * The network, optimizer and epoch a `trainingState` saved (or its JSON text).
 * @example const text = JSON.stringify(trainingState(new Network({ layers: [1, 2, 1] }), sgd({ learningRate: 0.1 }), 3));
 * restoreTrainingState(text).epoch //=> 3
 */
export function restoreTrainingState(json: TrainingStateJSON | string): {
  network: Network;
  optimizer: Optimizer;
  epoch: number;
} {
  const { network, optimizer, epoch } = readTrainingState(json, 'restoreTrainingState');
  return { network: networkFromParts(network), optimizer, epoch };
}
