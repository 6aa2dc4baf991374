/**
 * A training run saved between epochs: the network (with its standardizers),
 * the optimizer with everything it remembers, and how many epochs are done.
 * Restored and continued with `fit(X, Y, { optimizer, initialEpoch: epoch, epochs })`,
 * it ends with the same weights, bit for bit, as a run never interrupted.
 * (Shuffling depends only on the seed and the epoch's number, so it resumes too;
 * early stopping's count of epochs without improvement is not saved.)
 */
import { ValueError, describeValue } from '../core/errors.js';
import { networkToJSON, parseJSON, readNetwork } from '../core/serialize.js';
import type { NetworkJSON, NetworkParts } from '../core/types.js';
import { checkNetwork } from '../core/validate.js';
import { type Optimizer, type OptimizerJSON, optimizerFromJSON } from './optimizers.js';

/** A training run saved to continue later: the network, the optimizer's state, and the epochs done. */
export interface TrainingStateJSON {
  format: 'feedforward-training';
  version: 1;
  /** Epochs completed so far. */
  epoch: number;
  network: NetworkJSON;
  optimizer: OptimizerJSON;
}

/**
 * Everything needed to continue training later, as JSON-ready data.
 * @example trainingState(new Network({ layers: [1, 2, 1] }), adam(), 5).epoch //=> 5
 */
export function trainingState(net: NetworkParts, optimizer: Optimizer, epoch: number): TrainingStateJSON {
  checkNetwork(net, 'trainingState');
  if (typeof optimizer !== 'object' || optimizer === null || typeof optimizer.toJSON !== 'function') {
    throw new ValueError(
      `trainingState: optimizer is ${describeValue(optimizer)} but must be an optimizer (sgd, momentum or adam)`,
    );
  }
  if (!Number.isInteger(epoch) || epoch < 0) {
    throw new ValueError(
      `trainingState: epoch is ${describeValue(epoch)} but it must be the whole number of epochs done (≥ 0)`,
    );
  }
  return {
    format: 'feedforward-training',
    version: 1,
    epoch,
    network: networkToJSON(net),
    optimizer: optimizer.toJSON(),
  };
}

/**
 * The network (as plain data), optimizer and epoch a `trainingState` saved (or its JSON text):
 * what `restoreTrainingState` returns, with the network wrapped in a Network.
 * @example const text = JSON.stringify(trainingState(new Network({ layers: [1, 2, 1] }), sgd({ learningRate: 0.1 }), 3));
 * readTrainingState(text, 'restoreTrainingState').epoch //=> 3
 */
export function readTrainingState(
  json: TrainingStateJSON | string,
  where: string,
): { network: NetworkParts; optimizer: Optimizer; epoch: number } {
  const data: unknown = typeof json === 'string' ? parseJSON(json, where) : json;
  const state = data as Partial<TrainingStateJSON> | null;
  if (typeof state !== 'object' || state === null || state.format !== 'feedforward-training' || state.version !== 1) {
    throw new ValueError(
      `${where}: got ${describeValue(state)} but expected what trainingState returns (format "feedforward-training", version 1)`,
    );
  }
  if (!Number.isInteger(state.epoch) || (state.epoch as number) < 0) {
    throw new ValueError(`${where}: epoch is ${describeValue(state.epoch)} but it must be a whole number ≥ 0`);
  }
  return {
    network: readNetwork(state.network as NetworkJSON, 'Network.fromJSON'),
    optimizer: optimizerFromJSON(state.optimizer as OptimizerJSON),
    epoch: state.epoch as number,
  };
}
