/**
 * Saving a network as JSON and reading it back: what the JSON holds, that the
 * round trip loses not one bit, and how a file that is wrong, damaged or
 * hostile is answered (the reader treats every file as untrusted).
 */
import { describe, expect, it } from 'vitest';
import { Network, ShapeError, ValueError, leakyReluWithSlope, softmax } from '../src/index.js';
import { checkLabels } from '../src/core/labels.js';
import { NETWORK_JSON_FIELDS } from '../src/core/serialize.js';
import { expectError } from './helpers/errors.js';
import { growth } from './helpers/growth.js';
import { callFrozen } from './helpers/frozen.js';
import { expectSameBits, seeded } from './helpers/oracles.js';

/** The article's network shape with small hand-picked weights: layers [1, 2, 2, 1]. */
function articleNet(): Network {
  return Network.fromWeights([
    { weights: [[1], [-1]], biases: [0, 1] },
    { weights: [[1, 2], [3, -4]], biases: [0.5, -0.5] },
    { weights: [[2, -1]], biases: [0.25] },
  ]);
}

/** A valid JSON object to break one field at a time. */
function validJSON(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(articleNet().toJSON()));
}

describe('toJSON: what the JSON holds', () => {
  it('a format name and version, the sizes, one activation per weight layer, every weight and bias', () => {
    expect(articleNet().toJSON()).toEqual({
      format: 'feedforward-network',
      version: 1,
      layers: [1, 2, 2, 1],
      activations: ['relu', 'relu', 'linear'],
      weights: [[[1], [-1]], [[1, 2], [3, -4]], [[2, -1]]],
      biases: [[0, 1], [0.5, -0.5], [0.25]],
    });
    const sigmoidOut = Network.fromWeights([{ weights: [[2], [3]], biases: [1, -1] }, { weights: [[1, 1]], biases: [0] }], { output: 'sigmoid' });
    expect(sigmoidOut.toJSON().activations).toEqual(['relu', 'sigmoid']);
  });
  it('writes -0 as the string "-0", because a JSON number cannot carry the sign of zero', () => {
    const net = Network.fromWeights([{ weights: [[-0, 0]], biases: [-0] }]);
    expect(net.toJSON().weights).toEqual([[['-0', 0]]]);
    expect(net.toJSON().biases).toEqual([['-0']]);
    expect(JSON.stringify(0)).toBe(JSON.stringify(-0)); // why: both print "0"
  });
  it('writes a leaky ReLU with its slope', () => {
    const net = Network.fromWeights([{ weights: [[1]], biases: [0] }], { output: leakyReluWithSlope(0.2) });
    expect(net.toJSON().activations).toEqual([{ name: 'leakyRelu', slope: 0.2 }]);
  });
  it('is plain data: JSON.stringify(net) gives the same text as JSON.stringify(net.toJSON())', () => {
    const net = articleNet();
    expect(JSON.stringify(net)).toBe(JSON.stringify(net.toJSON()));
  });
});

describe('fromJSON(toJSON(net)): an exact round trip', () => {
  const extremes = [-0, 0, 5e-324, -5e-324, 2.2250738585072014e-308, Number.MAX_VALUE, -Number.MAX_VALUE, 0.1, 1 / 3];

  it('restores -0, subnormals (5e-324) and the largest doubles bit for bit, through the JSON text', () => {
    const net = Network.fromWeights([{ weights: [extremes], biases: [-0] }]);
    const back = Network.fromJSON(JSON.stringify(net));
    expectSameBits(back.layers[0].weights, [extremes]);
    expectSameBits(back.layers[0].biases, [[-0]]);
  });
  it('keeps the sign of a −0 weight and bias through forward: z = −0 + (−0)·1 = −0 (with +0 it would be +0)', () => {
    const back = Network.fromJSON(JSON.stringify(Network.fromWeights([{ weights: [[-0]], biases: [-0] }])));
    expectSameBits(back.forward([[1]]), [[-0]]);
  });
  it('forward gives bit-identical outputs after the round trip', () => {
    // Hidden weights of 1e-300 and 1e300 scale values to the edges of float64 without overflowing.
    const net = Network.fromWeights(
      [
        { weights: [[1e-300], [-1e300], [5e-324]], biases: [-0, 1e-310, 0] },
        { weights: [[1e300, 1e-300, -1]], biases: [-0] },
      ],
      { hidden: 'tanh' },
    );
    const X = [[-1, -0, 0, 1e-8, 1, 1e8]];
    const back = Network.fromJSON(JSON.stringify(net.toJSON()));
    expectSameBits(back.forward(X), net.forward(X));
  });
  it('gives a seeded [3, 8, 8, 2] network back with the same JSON, slope and forward, from the object or its text', () => {
    const net = new Network({ layers: [3, 8, 8, 2], hidden: { name: 'leakyRelu', slope: 0.05 }, output: 'softmax', seed: 9 });
    const X = seeded(3, 40, 10);
    for (const copy of [Network.fromJSON(net.toJSON()), Network.fromJSON(JSON.stringify(net))]) {
      expect(copy.toJSON()).toEqual(net.toJSON());
      expect(copy.layers[0].activation.slope).toBe(0.05);
      expectSameBits(copy.forward(X), net.forward(X));
    }
  });
  it('keeps activations, including a leaky ReLU slope', () => {
    const net = new Network({ layers: [2, 3, 2], hidden: { name: 'leakyRelu', slope: 0.3 }, output: 'softmax', seed: 7 });
    const back = Network.fromJSON(net.toJSON());
    expect(back.layers.map((layer) => layer.activation.name)).toEqual(['leakyRelu', 'softmax']);
    expect(back.layers[0].activation.slope).toBe(0.3);
  });
  it('reads the object or its text alike, and leaves the object untouched (deep-frozen)', () => {
    const json = articleNet().toJSON();
    const fromObject = callFrozen(Network.fromJSON, json);
    expect(fromObject.toJSON()).toEqual(Network.fromJSON(JSON.stringify(json)).toJSON());
  });
  it('reads a fresh copy: changing the JSON object afterwards leaves the loaded network alone', () => {
    const json = new Network({ layers: [1, 2, 1] }).toJSON();
    const net = Network.fromJSON(json);
    const before = net.forward([[0.5]]).toArray();
    (json.weights[0][0] as number[])[0] = 100;
    expect(net.forward([[0.5]]).toArray()).toEqual(before);
  });
  it('copies: changing the loaded network leaves the JSON object alone', () => {
    const json = validJSON();
    const net = Network.fromJSON(json as never);
    net.layers[0].weights.data[0] = 99;
    expect((json.weights as number[][][])[0][0][0]).toBe(1);
  });
});

describe('fromJSON: files that are not a network', () => {
  const where = 'Network.fromJSON';
  it('text that is not JSON', () => {
    // The part in brackets is the engine's own JSON.parse message, which differs between Node versions.
    expect(() => Network.fromJSON('{"format": ')).toThrow(new RegExp(`^${where}: the text is not valid JSON \\(.+\\)$`));
    expect(() => Network.fromJSON('{"format": ')).toThrow(ValueError);
  });
  it('JSON that is not an object', () => {
    expectError(() => Network.fromJSON('[1, 2]'), ValueError, `${where}: got an array of 2 entries but expected the object that net.toJSON() returns (or its JSON text)`);
  });
  it('null', () => {
    expectError(() => Network.fromJSON(null as never), ValueError, `${where}: got null but expected the object that net.toJSON() returns (or its JSON text)`);
  });
  it('a Network instead of its JSON', () => {
    expectError(() => Network.fromJSON(articleNet() as never), ValueError, `${where}: got an object with a toJSON method (a Network?) but expected its JSON: pass net.toJSON()`);
  });
  it('another format', () => {
    expectError(() => Network.fromJSON({ ...validJSON(), format: 'keras' } as never), ValueError, `${where}: format is "keras" but expected "feedforward-network"`);
  });
  it('a newer version', () => {
    expectError(() => Network.fromJSON({ ...validJSON(), version: 2 } as never), ValueError, `${where}: version is 2 but this library reads version 1 (written by a different feedforward?)`);
  });
  it('a version written as a string', () => {
    expectError(() => Network.fromJSON({ ...validJSON(), version: '1' } as never), ValueError, `${where}: version is "1" but this library reads version 1 (written by a different feedforward?)`);
  });
  it('a missing format', () => {
    const json = validJSON();
    delete json.format;
    expectError(() => Network.fromJSON(json as never), ValueError, `${where}: the field "format" is missing (a network JSON has format, version, layers, activations, weights, biases, standardize, labels, features, impute)`);
  });
  it('a missing field', () => {
    const json = validJSON();
    delete json.biases;
    expectError(() => Network.fromJSON(json as never), ValueError, `${where}: the field "biases" is missing (a network JSON has format, version, layers, activations, weights, biases, standardize, labels, features, impute)`);
  });
  it('the optional field standardize may be left out', () => {
    const json = validJSON();
    delete json.standardize;
    expect(Network.fromJSON(json as never).standardize).toBeUndefined();
  });
  it('an extra field, with a suggestion when it looks like a typo', () => {
    expectError(() => Network.fromJSON({ ...validJSON(), bias: [] } as never), ValueError, `${where}: unknown field "bias" (did you mean "biases"?) (known: format, version, layers, activations, weights, biases, standardize, labels, features, impute)`);
  });
  it('the list of known fields is one list (adding a field is one line)', () => {
    expect(Object.keys(NETWORK_JSON_FIELDS)).toEqual(['format', 'version', 'layers', 'activations', 'weights', 'biases', 'standardize', 'labels', 'features', 'impute']);
  });
});

describe('fromJSON: hostile files', () => {
  const where = 'Network.fromJSON';
  it('a "__proto__" key (JSON.parse makes it an own key) is refused', () => {
    const text = JSON.stringify(validJSON()).replace('{', '{"__proto__": {"polluted": true},');
    expect(Object.keys(JSON.parse(text))).toContain('__proto__'); // why a JSON string is needed for this test
    expectError(() => Network.fromJSON(text), ValueError, `${where}: field "__proto__" is not allowed (it could change what objects inherit)`);
    expect(({} as { polluted?: boolean }).polluted).toBe(undefined);
  });
  it('a "constructor" key is refused', () => {
    const text = JSON.stringify(validJSON()).replace('{', '{"constructor": {"prototype": {}},');
    expectError(() => Network.fromJSON(text), ValueError, `${where}: field "constructor" is not allowed (it could change what objects inherit)`);
  });
  it('a "__proto__" key inside an activation object is refused', () => {
    const text = JSON.stringify({ ...validJSON(), activations: ['relu', 'relu', { name: 'leakyRelu' }] }).replace(
      '{"name":"leakyRelu"',
      '{"__proto__":{"slope":5},"name":"leakyRelu"',
    );
    expectError(() => Network.fromJSON(text), ValueError, `${where}: layer 3: activation leakyRelu: key "__proto__" is not allowed (it could change what objects inherit)`);
  });
  it('enormous declared sizes are refused before anything is allocated', () => {
    const json = { ...validJSON(), layers: [1e9, 1e9], activations: ['linear'], weights: [[[1]]], biases: [[0]] };
    expectError(() => Network.fromJSON(json as never), ValueError, `${where}: layer 1's weights would be 1000000000×1000000000 = 1000000000000000000 numbers but one matrix holds at most 1073741824 (2³⁰, 8 GiB)`);
  });
  it('large sizes within the limit that the arrays do not have are refused by shape, before allocating', () => {
    const json = { ...validJSON(), layers: [3000, 3000], activations: ['linear'], weights: [[[1]]], biases: [[0]] };
    expectError(() => Network.fromJSON(json as never), ShapeError, `${where}: layer 1: weights are an array of 1 entry but must be 3000×3000: 3000 rows (one per neuron)`);
  });
  it('sizes that are not whole numbers', () => {
    expectError(() => Network.fromJSON({ ...validJSON(), layers: [1, 2.5, 2, 1] } as never), ValueError, `${where}: layer 1's size (layers[1]) is 2.5 but sizes must be whole numbers ≥ 1`);
  });
  it('a function where an activation name belongs (JSON holds data, not code)', () => {
    expectError(
      () => Network.fromJSON({ ...validJSON(), activations: ['relu', 'relu', () => 0] } as never),
      ValueError,
      `${where}: layer 3: activation is a function but JSON activations are names like "relu" or { "name": "leakyRelu", "slope": 0.01 }`,
    );
  });
});

describe('fromJSON: shapes that disagree with the sizes', () => {
  const where = 'Network.fromJSON';
  it('one activation per weight layer', () => {
    expectError(() => Network.fromJSON({ ...validJSON(), activations: ['relu'] } as never), ShapeError, `${where}: activations is an array of 1 entry but layers [1,2,2,1] need 3 entries (one per weight layer)`);
  });
  it('one entry per weight layer, for a network of one layer', () => {
    const json = { ...validJSON(), layers: [1, 1], weights: [[[1]]], biases: [[0]], activations: ['linear', 'relu'] };
    expectError(() => Network.fromJSON(json as never), ShapeError, `${where}: activations is an array of 2 entries but layers [1,1] need 1 entry (one per weight layer)`);
  });
  it('an activation that is null or an array', () => {
    expectError(
      () => Network.fromJSON({ ...validJSON(), activations: [null, 'relu', 'linear'] } as never),
      ValueError,
      `${where}: layer 1: activation is null but it must be a name (relu, leakyRelu, sigmoid, tanh, linear, softmax), { name: 'leakyRelu', slope }, { name, expression }, or an activation such as relu`,
    );
    expectError(
      () => Network.fromJSON({ ...validJSON(), activations: ['relu', 'relu', ['linear']] } as never),
      ValueError,
      `${where}: layer 3: activation is an array of 1 entry but it must be a name (relu, leakyRelu, sigmoid, tanh, linear, softmax), { name: 'leakyRelu', slope }, { name, expression }, or an activation such as relu`,
    );
  });
  it('an Activation object (a function) where JSON holds a name', () => {
    expectError(
      () => Network.fromJSON({ ...validJSON(), activations: ['relu', 'relu', leakyReluWithSlope(0.1)] } as never),
      ValueError,
      `${where}: layer 3: activation is a function but JSON activations are names like "relu" or { "name": "leakyRelu", "slope": 0.01 }`,
    );
  });
  it('weights of the wrong number of rows', () => {
    const json = validJSON();
    (json.weights as unknown[][])[1] = [[1, 2]];
    expectError(() => Network.fromJSON(json as never), ShapeError, `${where}: layer 2: weights are an array of 1 entry but must be 2×2: 2 rows (one per neuron)`);
  });
  it('a weights row of the wrong length', () => {
    const json = validJSON();
    (json.weights as unknown[][][])[1][1] = [3];
    expectError(() => Network.fromJSON(json as never), ShapeError, `${where}: layer 2: weights row 2 is an array of 1 entry but must have 2 entries (weights are 2×2, one column per input)`);
  });
  it('a hole where a weights row should be', () => {
    const json = validJSON();
    (json.weights as unknown[][])[0] = new Array(2); // [ <2 empty items> ]: length 2, no rows
    expectError(() => Network.fromJSON(json as never), ShapeError, `${where}: layer 1: weights row 1 is undefined but must have 1 entry (weights are 2×1, one column per input)`);
  });
  it('the wrong number of biases', () => {
    const json = validJSON();
    (json.biases as unknown[])[2] = [0, 0];
    expectError(() => Network.fromJSON(json as never), ShapeError, `${where}: layer 3 has weights 1×2 but 2 biases (one bias per neuron)`);
  });
  it('a weight that is a string', () => {
    const json = validJSON();
    (json.weights as unknown[][][])[1][0][1] = '2';
    expectError(() => Network.fromJSON(json as never), ValueError, `${where}: layer 2: weights have "2" at row 1, column 2 but entries must be finite numbers (or "-0")`);
  });
  it('a bias that is null (what JSON.stringify writes for NaN)', () => {
    const json = JSON.parse(JSON.stringify({ ...validJSON(), biases: [[0, NaN], [0, 0], [0]] }));
    expectError(() => Network.fromJSON(json), ValueError, `${where}: layer 1: biases have null at entry 2 but entries must be finite numbers (or "-0")`);
  });
  it('a hole in a sparse list of biases is seen, not skipped', () => {
    const json = validJSON();
    (json.biases as unknown[])[2] = new Array(1);
    expectError(() => Network.fromJSON(json as never), ValueError, `${where}: layer 3: biases have undefined at entry 1 but entries must be finite numbers (or "-0")`);
  });
  it('an unknown activation, with a suggestion', () => {
    expectError(() => Network.fromJSON({ ...validJSON(), activations: ['relu', 'sigmod', 'linear'] } as never), ValueError, `${where}: layer 2: activation "sigmod" is unknown (did you mean "sigmoid"?) (known: relu, leakyRelu, sigmoid, tanh, linear, softmax; your own: activation(formula, { name }))`);
  });
  it('softmax on a hidden layer', () => {
    expectError(() => Network.fromJSON({ ...validJSON(), activations: ['softmax', 'relu', 'linear'] } as never), ValueError, `${where}: layer 1: hidden activation is softmax but softmax is for the output layer only`);
  });
  it('softmax on the output layer is fine over 2 outputs, and refused over 1 (as new Network refuses it)', () => {
    const json = JSON.parse(JSON.stringify(new Network({ layers: [1, 2, 2], output: 'softmax' }).toJSON()));
    expect(Network.fromJSON(json).layers[1].activation.name).toBe('softmax');
    const lone = { ...validJSON(), activations: ['relu', 'relu', 'softmax'] };
    expect(() => Network.fromJSON(lone as never)).toThrow(/^Network.fromJSON: output is softmax over 1 output but softmax needs at least 2/);
  });
});

describe('the optional fields labels and features', () => {
  const classifier = () => new Network({ layers: [2, 3], output: 'softmax', seed: 1, labels: ['a', 'b', 'c'], features: ['x', 'colour=red'] });
  it('are written when the network has them, after the other fields, and read back exactly', () => {
    const json = classifier().toJSON();
    expect(Object.keys(json)).toEqual(['format', 'version', 'layers', 'activations', 'weights', 'biases', 'labels', 'features']);
    expect([json.labels, json.features]).toEqual([['a', 'b', 'c'], ['x', 'colour=red']]);
    expect(Network.fromJSON(JSON.stringify(json)).toJSON()).toEqual(json);
  });
  it('are left out when the network has none (a file without them still reads)', () => {
    expect(Object.keys(articleNet().toJSON())).not.toContain('labels');
  });
  it('are checked as the network checks them: one label per output, one feature per input, distinct names', () => {
    const json = JSON.parse(JSON.stringify(classifier().toJSON()));
    expectError(() => Network.fromJSON({ ...json, labels: ['a', 'b'] }), ShapeError, 'Network.fromJSON: labels has 2 names but the network has 3 outputs (one label per softmax output)');
    expectError(() => Network.fromJSON({ ...json, features: ['x', 'x'] }), ValueError, 'Network.fromJSON: features lists "x" twice (each name once)');
    expectError(() => Network.fromJSON({ ...json, labels: 'abc' }), ValueError, 'Network.fromJSON: labels is "abc" but it must be a non-empty list of names');
    expectError(() => Network.fromJSON({ ...validJSON(), labels: ['a', 'b'] } as never), ValueError, "Network.fromJSON: labels name classes but the output is linear (a classifier's output is softmax, one output per class, or sigmoid, one output for two classes)");
  });
  it('counts the names before checking each one: a list of the wrong length is a ShapeError, whatever it holds', () => {
    const json = JSON.parse(JSON.stringify(classifier().toJSON()));
    expectError(() => Network.fromJSON({ ...json, labels: ['a', 'a'] }), ShapeError, 'Network.fromJSON: labels has 2 names but the network has 3 outputs (one label per softmax output)');
    expectError(() => Network.fromJSON({ ...json, features: [7, 7, 7] }), ShapeError, 'Network.fromJSON: features has 3 names but the network has 2 inputs (one name per input)');
  });
  it('checks labels in time linear in their number: 10× the labels, at most 30× the time (80,000 took 2.5 s, quadratic)', async () => {
    const labels = (n: number) => Array.from({ length: n }, (_, i) => `class ${i}`);
    const layers = (n: number) => [{ weights: { rows: n }, activation: softmax }] as never; // only the output count is read
    const ratio = await growth((scale) => {
      const n = 8000 * scale;
      const [names, output] = [labels(n), layers(n)];
      return () => checkLabels(names, output, 'Network.fromJSON');
    });
    expect(ratio).toBeLessThan(30);
  });
});

describe('the optional field impute (the fills of missing inputs, net.impute)', () => {
  const where = 'Network.fromJSON';
  const filled = () => new Network({ layers: [3, 1], seed: 1, features: ['age', 'sex=f', 'sex=m'], impute: { age: 41.5, sex: 'm' } });
  const json = () => JSON.parse(JSON.stringify(filled().toJSON()));
  it('is written after features, and read back exactly', () => {
    const text = JSON.stringify(filled().toJSON());
    expect(Object.keys(JSON.parse(text)).slice(-2)).toEqual(['features', 'impute']);
    expect(Network.fromJSON(text).impute).toEqual({ age: 41.5, sex: 'm' });
    expect(Network.fromJSON(text).predict([{ age: null, sex: null }])).toEqual(filled().predict([[41.5, 0, 1]]));
    const net = filled();
    const json = net.toJSON();
    (json.impute as Record<string, unknown>).age = 0; // the JSON's own copy
    expect(net.impute).toEqual({ age: 41.5, sex: 'm' });
  });
  it('is checked against the features: a number for a column of numbers, a known category for a categorical one', () => {
    expectError(() => Network.fromJSON({ ...json(), impute: { age: 'old' } }), ValueError, `${where}: impute fills column "age" with "old" but the column holds numbers (a fill must be a finite number)`);
    expectError(() => Network.fromJSON({ ...json(), impute: { sex: 'x' } }), ValueError, `${where}: impute fills column "sex" with "x" but its categories are "f", "m" (a fill must be one of them)`);
    expectError(() => Network.fromJSON({ ...json(), impute: { sex: 1 } }), ValueError, `${where}: impute fills column "sex" with 1 but its categories are "f", "m" (a fill must be one of them)`);
    expectError(() => Network.fromJSON({ ...json(), impute: { aeg: 40 } }), ValueError, `${where}: impute fills column "aeg" (did you mean "age"?) but the network's features have no such column`);
    expectError(() => Network.fromJSON({ ...json(), impute: [40] }), ValueError, `${where}: impute is an array of 1 entry but it must be an object of fills by column, such as { age: 41 } (fromRecords' impute)`);
    const { features: _, ...nameless } = json();
    expectError(() => Network.fromJSON(nameless), ValueError, `${where}: impute fills inputs by column name but the network has no features to name them (set features first)`);
  });
  it('counts the fills before it reads their names, and refuses a "__proto__" key that names no column', () => {
    const many = Object.fromEntries(Array.from({ length: 4 }, (_, n) => [`c${n}`, 1]));
    expectError(() => Network.fromJSON({ ...json(), impute: many }), ValueError, `${where}: impute has 4 fills but the network has 3 features (at most one fill per column)`);
    const text = JSON.stringify(json()).replace('"impute":{', '"impute":{"__proto__":{"polluted":true},');
    expectError(() => Network.fromJSON(text), ValueError, `${where}: impute fills column "__proto__" but the network's features have no such column`);
    expect(({} as { polluted?: boolean }).polluted).toBe(undefined);
  });
  it('net.impute and new Network({ impute }) check the same way, and keep a frozen copy', () => {
    const net = filled();
    expectError(() => { net.impute = { sex: 'x' }; }, ValueError, 'Network.impute: impute fills column "sex" with "x" but its categories are "f", "m" (a fill must be one of them)');
    expectError(() => new Network({ layers: [1, 1], impute: { x: 1 } }), ValueError, 'Network: impute fills inputs by column name but the network has no features to name them (set features first)');
    const fills = { age: 30, sex: 'f' };
    net.impute = fills;
    fills.age = 99;
    expect([net.impute, Object.isFrozen(net.impute)]).toEqual([{ age: 30, sex: 'f' }, true]);
    net.impute = undefined;
    expect(Object.keys(net.toJSON())).not.toContain('impute');
  });
});

describe('fromJSON: the standardize field and the biases, field by field', () => {
  const json = new Network({ layers: [2, 1], seed: 1 }).toJSON(); // 2 inputs, 1 output
  const read = (patch: Record<string, unknown>) => () => Network.fromJSON({ ...json, ...patch });
  it.each([
    [5, '5'],
    [null, 'null'],
    [[], 'an array of 0 entries'],
  ])('refuses standardize %j: it must be { inputs?, outputs? }', (value, shown) => {
    expect(read({ standardize: value })).toThrow(new ValueError(`Network.fromJSON: standardize is ${shown} but must be { inputs?, outputs? }`));
  });
  it('names an unknown key inside standardize', () => {
    expect(read({ standardize: { inputz: {} } })).toThrow(
      new ValueError('Network.fromJSON: standardize: unknown field "inputz" (did you mean "inputs"?) (known: inputs, outputs)'),
    );
  });
  it('reads a standardizer of the inputs alone, and one of the outputs alone', () => {
    const inputs = { mean: [1, 2], std: [3, 4] };
    expect(Network.fromJSON({ ...json, standardize: { inputs } }).toJSON().standardize).toEqual({ inputs });
    const outputs = { mean: [5], std: [6] };
    expect(Network.fromJSON({ ...json, standardize: { outputs } }).toJSON().standardize).toEqual({ outputs });
  });
  it('says how many features a standardizer has and how many inputs or outputs the network has', () => {
    expect(read({ standardize: { inputs: { mean: [1], std: [1] } } })).toThrow(
      new ShapeError('Network.fromJSON: standardize.inputs has 1 feature but the network has 2 inputs'),
    );
    expect(read({ standardize: { outputs: { mean: [1, 2], std: [1, 1] } } })).toThrow(
      new ShapeError('Network.fromJSON: standardize.outputs has 2 features but the network has 1 output'),
    );
  });
  it('refuses biases that are not a list, and too few biases, by name', () => {
    const wide = new Network({ layers: [1, 2], seed: 1 }).toJSON(); // weights 2×1
    expect(() => Network.fromJSON({ ...wide, biases: [5] as never })).toThrow(
      new ShapeError('Network.fromJSON: layer 1 has weights 2×1 but its biases are 5 (one list of biases per layer)'),
    );
    expect(() => Network.fromJSON({ ...wide, biases: [[0]] })).toThrow(new ShapeError('Network.fromJSON: layer 1 has weights 2×1 but 1 bias (one bias per neuron)'));
  });
});

describe('toJSON copies the names', () => {
  it("gives labels and features as plain arrays of the JSON's own: editing them leaves the network as it was", () => {
    const net = new Network({ layers: [2, 2], output: 'softmax', seed: 1, labels: ['no', 'yes'], features: ['height', 'weight'] });
    const json = net.toJSON();
    json.labels![0] = 'edited';
    json.features![0] = 'edited';
    expect(net.labels).toEqual(['no', 'yes']);
    expect(net.features).toEqual(['height', 'weight']);
  });
});
