/**
 * The article's network, with weights a person can read: one input, two hidden
 * layers of two ReLU neurons, one output. The demo, the examples, the pictures
 * in docs/ and the playground all start from this one network.
 *
 * Layer 1 bends the line x twice:
 *   a₁ = relu(x + 1)        on for x > −1
 *   a₂ = relu(−x + 1)       on for x < 1
 * Layer 2 takes its own weighted sum of a₁ and a₂ (applyWeights) per neuron:
 *   a₃ = relu(a₁ + a₂ − 2.5)   a₁ + a₂ is 2 between −1 and 1, so a₃ is on only for |x| > 1.5
 *   a₄ = relu(a₁ − a₂ − 0.5)   a₁ − a₂ is 2x between −1 and 1, so a₄ switches on at x = 0.25
 * The output is a weighted sum plus a bias:
 *   ŷ = a₃ − a₄ + 1
 * It bends four times on [−3, 3], at x = −1.5, 0.25, 1 and 1.5. (Neuron 1 also
 * switches at x = −1, but there neither a₃ nor a₄ is on to pass the bend on.)
 * Every hidden neuron is on somewhere in [−3, 3]: none is dead.
 */
import type { LayerInput } from '../core/layers.js';
import { Network } from './network.js';

/** The article network's weights and biases, layer by layer (read them with the module comment above). */
export const ARTICLE_LAYERS: readonly LayerInput[] = Object.freeze([
  { weights: [[1], [-1]], biases: [1, 1] }, // z₁ = x + 1,  z₂ = −x + 1
  {
    weights: [
      [1, 1],
      [1, -1],
    ],
    biases: [-2.5, -0.5],
  }, //  z₃ = a₁ + a₂ − 2.5,  z₄ = a₁ − a₂ − 0.5
  { weights: [[1, -1]], biases: [1] }, //  ŷ = a₃ − a₄ + 1
]);

/**
 * A fresh copy of the article's network (ReLU hidden layers, linear output): layers [1, 2, 2, 1].
 * @example articleNetwork().predict([-3, 0, 3]) //=> [2.5, 1, -1]   (x = −3: a₃ = 1.5, ŷ = 2.5; x = 0: a₃ = a₄ = 0, ŷ = 1; x = 3: a₃ = 1.5, a₄ = 3.5, ŷ = −1)
 */
export function articleNetwork(): Network {
  return Network.fromWeights(ARTICLE_LAYERS as LayerInput[]);
}
