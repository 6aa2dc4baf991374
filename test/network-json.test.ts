/**
 * Saving and loading a network: toJSON writes plain JSON, Network.fromJSON reads
 * it back exactly (bit-identical forward, even −0 weights) and says precisely
 * what is wrong with JSON it did not write.
 */
import { describe, expect, it } from 'vitest';
import { Network } from '../src/index.js';
import { expectSameBits, seeded } from './helpers/oracles.js';

describe('toJSON and Network.fromJSON', () => {
  it('writes sizes, activations, weights and biases as plain JSON', () => {
    const json = Network.fromWeights([{ weights: [[2], [3]], biases: [1, -1] }, { weights: [[1, 1]], biases: [0] }], {
      output: 'sigmoid',
    }).toJSON();
    expect(json).toEqual({
      format: 'feedforward-network',
      version: 1,
      layers: [1, 2, 1],
      activations: ['relu', 'sigmoid'],
      weights: [[[2], [3]], [[1, 1]]],
      biases: [[1, -1], [0]],
    });
  });

  it('round-trips exactly, through JSON text too: the same weights and bit-identical forward', () => {
    const net = new Network({ layers: [3, 8, 8, 2], hidden: { name: 'leakyRelu', slope: 0.05 }, output: 'softmax', seed: 9 });
    const X = seeded(3, 40, 10);
    for (const copy of [Network.fromJSON(net.toJSON()), Network.fromJSON(JSON.stringify(net))]) {
      expect(copy.toJSON()).toEqual(net.toJSON());
      expect(copy.layers[0].activation.slope).toBe(0.05);
      expectSameBits(copy.forward(X), net.forward(X));
    }
  });

  it('keeps the sign of a −0 weight, which JSON numbers drop, by writing "-0"', () => {
    // z = b + w·x = −0 + (−0)·1 = −0; with +0 weights it would be +0
    const net = Network.fromWeights([{ weights: [[-0]], biases: [-0] }]);
    expect(net.toJSON().weights).toEqual([[['-0']]]);
    const copy = Network.fromJSON(JSON.stringify(net));
    expect(Object.is(copy.layers[0].weights.get(0, 0), -0)).toBe(true);
    expect(Object.is(copy.forward([[1]]).get(0, 0), -0)).toBe(true);
  });

  it('reads a fresh copy: changing the JSON afterwards changes nothing', () => {
    const json = new Network({ layers: [1, 2, 1] }).toJSON();
    const net = Network.fromJSON(json);
    const before = net.forward([[0.5]]).toArray();
    (json.weights[0][0] as number[])[0] = 100;
    expect(net.forward([[0.5]]).toArray()).toEqual(before);
  });

  it('names the layer and both counts when the biases do not fit the weights', () => {
    const json = new Network({ layers: [1, 2, 1] }).toJSON();
    json.biases[0] = [0, 0, 0];
    expect(() => Network.fromJSON(json)).toThrow('Network.fromJSON: layer 1 has weights 2×1 but 3 biases (one bias per neuron)');
  });

  it('says what is wrong with JSON that toJSON did not write', () => {
    const good = () => new Network({ layers: [1, 2, 1] }).toJSON();
    const withField = (key: string, value: unknown) => ({ ...good(), [key]: value }) as never;
    expect(() => Network.fromJSON('{')).toThrow(/^Network\.fromJSON: the text is not valid JSON/);
    expect(() => Network.fromJSON('[]')).toThrow('Network.fromJSON: got an array of 0 entries but expected the object that toJSON() returns');
    expect(() => Network.fromJSON(withField('format', 'other'))).toThrow('Network.fromJSON: format is "other" but expected "feedforward-network"');
    expect(() => Network.fromJSON(withField('version', 2))).toThrow('Network.fromJSON: version is 2 but this library reads version 1');
    expect(() => Network.fromJSON(withField('activations', ['relu']))).toThrow(
      'Network.fromJSON: activations is an array of 1 entry but layers [1,2,1] need 2 entries (one per weight layer)',
    );
    expect(() => Network.fromJSON(withField('weights', [[[1]], [[1, 1]]]))).toThrow(
      'Network.fromJSON: layer 1 weights must be 2×1 (layers [1,2,1]) but are not',
    );
    expect(() => Network.fromJSON(withField('activations', ['swish', 'linear']))).toThrow(
      'Network.fromJSON: layer 1: activation "swish" is unknown',
    );
    expect(() => Network.fromJSON(withField('activations', ['softmax', 'linear']))).toThrow(
      'Network.fromJSON: layer 1: hidden activation is softmax but softmax is for the output layer only',
    );
    expect(() => Network.fromJSON(withField('biases', [[null, 0], [0]]))).toThrow(
      'Network.fromJSON: layer 1 biases has null at row 1, column 1',
    );
  });
});
