/**
 * Networks read from what other code wrote: a TensorFlow.js model, an ONNX
 * model (PyTorch's and others'), a saved training run. Each reader in the chapters below returns the network as plain
 * data (NetworkParts); here it becomes a Network.
 */
import { networkFromParts, type Network } from './network.js';
import { type TfjsModelInput, type TfjsWeightData, readTfjsModel } from '../interop/tfjs-read.js';
import { type FromOnnxOptions, readOnnx } from '../interop/onnx-read.js';
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
 * A Network from an ONNX model's bytes (a PyTorch `nn.Sequential` of `nn.Linear` and activations
 * exported by `torch.onnx.export`, or a `toOnnx` file): each Gemm (or MatMul then Add) is a layer,
 * W = α·B with transB = 1 (else α·Bᵀ), b = β·C; Relu, LeakyRelu, PRelu with one slope, Sigmoid, Tanh
 * and Softmax are its activation; Sub/Div before the first layer and Mul/Add after the last are
 * `net.standardize`. Works in browsers (no file system): external data comes in `options.externalData`.
 * Async because the ONNX schema's code is loaded on first use. Anything else is refused by name.
 * @example (await fromOnnx(await toOnnx(articleNetwork(), { dtype: 'float64' }))).predict([-2, -1, 0, 1, 2]) //=> [1.5, 1, 1, -0.5, -1]
 */
export async function fromOnnx(bytes: Uint8Array | ArrayBuffer, options?: FromOnnxOptions): Promise<Network> {
  return networkFromParts(await readOnnx(bytes, options, 'fromOnnx'));
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
