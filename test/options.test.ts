/**
 * Every options object in the public API refuses a key it does not know, the
 * same way: a ValueError naming the function, the unknown key, the nearest
 * known key ("did you mean") and every known key, which are exactly those of
 * the function's `*_DEFAULTS` (after the required ones, which have no default).
 * The table below lists every public function and method that takes options;
 * the last two tests fail when a new one is not in it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import {
  ACTIVATION_DEFAULTS,
  DATASET_DEFAULTS,
  FIT_DEFAULTS,
  FORMULA_DEFAULTS,
  FROM_RECORDS_DEFAULTS,
  TRAIN_TEST_SPLIT_DEFAULTS,
  K_FOLD_DEFAULTS,
  NETWORK_FOR_DEFAULTS,
  kFold,
  confusionMatrix,
  fromRecords,
  trainTestSplit,
  FROM_WEIGHTS_DEFAULTS,
  GRADIENTS_DEFAULTS,
  GRADIENT_CHECK_DEFAULTS,
  KINKS_DEFAULTS,
  NETWORK_DEFAULTS,
  Network,
  OPTIMIZER_DEFAULTS,
  RANDOM_MATRIX_DEFAULTS,
  SOURCE_DEFAULTS,
  TFJS_FILES_DEFAULTS,
  ValueError,
  activation,
  adam,
  backwardTrace,
  datasets,
  formula,
  gradientCheck,
  gradients,
  kinks,
  momentum,
  randomMatrix,
  sgd,
  toTfjsFiles,
} from '../src/index.js';
import * as node from '../src/node.js';
import * as plot from '../src/plot/index.js';
import {
  ASCII_PLOT_DEFAULTS,
  PLOT_DECISION_DEFAULTS,
  PLOT_FUNCTION_DEFAULTS,
  PLOT_TRAINING_DEFAULTS,
  asciiPlot,
  plotDecision,
  plotDecisionSpec,
  plotFunction,
  plotFunctionSpec,
  plotTraining,
  plotTrainingSpec,
} from '../src/plot/index.js';

type Options = Record<string, unknown>;

/** One public function or method that takes options. */
interface Row {
  /** How a user calls it: the function, `Network.method`, `datasets.name`, `formula().method`. */
  call: string;
  /** How its messages name it. */
  where: string;
  /** Its defaults: their keys, after `required`, are every option it knows. */
  defaults: Readonly<Options>;
  /** Options it needs that have no default. */
  required?: readonly string[];
  /** Options that work. */
  valid: Options;
  /** Calls it with these options (a promise for the async ones). */
  run: (options: Options) => unknown;
}

// ŷ = 2x + 1: one input, one output, piecewise linear, so every inspector and plot accepts it.
const line = () => Network.fromWeights([{ weights: [[2]], biases: [1] }]);
const plane = () => new Network({ layers: [2, 2, 1], seed: 1 });
const X = [[0, 1]];
const Y = [[1, 3]];

// A one-column CSV file for readCsv.
const csvFile = join(mkdtempSync(join(tmpdir(), 'feedforward-options-')), 'a.csv');
writeFileSync(csvFile, 'x\n1\n');

const table: Row[] = [
  { call: 'randomMatrix', where: 'randomMatrix', defaults: RANDOM_MATRIX_DEFAULTS, valid: { seed: 1 }, run: (o) => randomMatrix(2, 2, o) },
  { call: 'Network', where: 'Network', defaults: NETWORK_DEFAULTS, required: ['layers'], valid: { layers: [1, 2, 1] }, run: (o) => new Network(o as never) },
  { call: 'Network.fromWeights', where: 'Network.fromWeights', defaults: FROM_WEIGHTS_DEFAULTS, valid: { output: 'relu' }, run: (o) => Network.fromWeights([{ weights: [[1]], biases: [0] }], o) },
  { call: 'activation', where: 'activation', defaults: ACTIVATION_DEFAULTS, valid: { name: 'square' }, run: (o) => activation('x^2', o) },
  { call: 'Network.fit', where: 'Network.fit', defaults: FIT_DEFAULTS, valid: { epochs: 2, onWarning: () => {} }, run: (o) => line().fit(X, Y, o) },
  { call: 'Network.gradients', where: 'Network.gradients', defaults: GRADIENTS_DEFAULTS, valid: { loss: 'mse' }, run: (o) => line().gradients(X, Y, o) },
  { call: 'gradients', where: 'Network.gradients', defaults: GRADIENTS_DEFAULTS, valid: { loss: 'mse' }, run: (o) => gradients(line(), X, Y, o) },
  { call: 'Network.backwardTrace', where: 'Network.backwardTrace', defaults: GRADIENTS_DEFAULTS, valid: { loss: 'mse' }, run: (o) => line().backwardTrace(X, Y, o) },
  { call: 'backwardTrace', where: 'Network.backwardTrace', defaults: GRADIENTS_DEFAULTS, valid: { loss: 'mse' }, run: (o) => backwardTrace(line(), X, Y, o) },
  { call: 'gradientCheck', where: 'gradientCheck', defaults: GRADIENT_CHECK_DEFAULTS, valid: { epsilon: 1e-4 }, run: (o) => gradientCheck(line(), X, Y, o) },
  { call: 'sgd', where: 'sgd', defaults: OPTIMIZER_DEFAULTS.sgd, valid: { learningRate: 0.1 }, run: (o) => sgd(o) },
  { call: 'momentum', where: 'momentum', defaults: OPTIMIZER_DEFAULTS.momentum, valid: { beta: 0.5 }, run: (o) => momentum(o) },
  { call: 'adam', where: 'adam', defaults: OPTIMIZER_DEFAULTS.adam, valid: { beta2: 0.99 }, run: (o) => adam(o) },
  { call: 'datasets.xor', where: 'xor', defaults: DATASET_DEFAULTS.xor, valid: { samples: 8 }, run: (o) => datasets.xor(o) },
  { call: 'datasets.circles', where: 'circles', defaults: DATASET_DEFAULTS.circles, valid: { factor: 0.3 }, run: (o) => datasets.circles(o) },
  { call: 'datasets.moons', where: 'moons', defaults: DATASET_DEFAULTS.moons, valid: { samples: 10 }, run: (o) => datasets.moons(o) },
  { call: 'datasets.spiral', where: 'spiral', defaults: DATASET_DEFAULTS.spiral, valid: { classes: 2 }, run: (o) => datasets.spiral(o) },
  { call: 'datasets.sine', where: 'sine', defaults: DATASET_DEFAULTS.sine, valid: { noise: 0.1 }, run: (o) => datasets.sine(o) },
  { call: 'kinks', where: 'kinks', defaults: KINKS_DEFAULTS, required: ['domain'], valid: { domain: [-1, 1], maxPieces: 10 }, run: (o) => kinks(line(), o as never) },
  { call: 'formula().toString', where: 'formula.toString', defaults: FORMULA_DEFAULTS, valid: { precision: 3 }, run: (o) => formula(line()).toString(o) },
  { call: 'formula().toTex', where: 'formula.toTex', defaults: FORMULA_DEFAULTS, valid: { precision: 3 }, run: (o) => formula(line()).toTex(o) },
  { call: 'Network.toSource', where: 'toSource', defaults: SOURCE_DEFAULTS, valid: { name: 'predict' }, run: (o) => line().toSource(o) },
  { call: 'Network.toFunction', where: 'toFunction', defaults: SOURCE_DEFAULTS, valid: { name: 'predict' }, run: (o) => line().toFunction(o) },
  { call: 'toTfjsFiles', where: 'toTfjsFiles', defaults: TFJS_FILES_DEFAULTS, valid: { weightsPath: 'w.bin' }, run: (o) => toTfjsFiles(line(), o) },
  { call: 'toOnnx', where: 'toOnnx', defaults: api.TO_ONNX_DEFAULTS, valid: { dtype: 'float64' }, run: (o) => api.toOnnx(line(), o) },
  { call: 'fromOnnx', where: 'fromOnnx', defaults: api.FROM_ONNX_DEFAULTS, valid: { externalData: {} }, run: async (o) => api.fromOnnx(await api.toOnnx(line()), o) },
  { call: 'saveOnnx', where: 'saveOnnx', defaults: api.TO_ONNX_DEFAULTS, valid: { name: 'line' }, run: (o) => node.saveOnnx(line(), join(csvFile, '..', 'line.onnx'), o) },
  { call: 'plotFunctionSpec', where: 'plotFunction', defaults: PLOT_FUNCTION_DEFAULTS, required: ['domain'], valid: { domain: [-1, 1], neurons: true }, run: (o) => plotFunctionSpec(line(), o as never) },
  { call: 'plotFunction', where: 'plotFunction', defaults: PLOT_FUNCTION_DEFAULTS, required: ['domain'], valid: { domain: [-1, 1] }, run: (o) => plotFunction(line(), o as never) },
  { call: 'plotTrainingSpec', where: 'plotTraining', defaults: PLOT_TRAINING_DEFAULTS, valid: { log: true }, run: (o) => plotTrainingSpec({ loss: [2, 1] }, o) },
  { call: 'plotTraining', where: 'plotTraining', defaults: PLOT_TRAINING_DEFAULTS, valid: { width: 200 }, run: (o) => plotTraining({ loss: [2, 1] }, o) },
  { call: 'plotDecisionSpec', where: 'plotDecision', defaults: PLOT_DECISION_DEFAULTS, required: ['domain'], valid: { domain: [-1, 1], resolution: 4 }, run: (o) => plotDecisionSpec(plane(), o as never) },
  { call: 'plotDecision', where: 'plotDecision', defaults: PLOT_DECISION_DEFAULTS, required: ['domain'], valid: { domain: [-1, 1], resolution: 4 }, run: (o) => plotDecision(plane(), o as never) },
  { call: 'fromRecords', where: 'fromRecords', defaults: FROM_RECORDS_DEFAULTS, required: ['inputs', 'target'], valid: { inputs: ['x'], target: 'y' }, run: (o) => fromRecords([{ x: 1, y: 'a' }], o as never) },
  { call: 'trainTestSplit', where: 'trainTestSplit', defaults: TRAIN_TEST_SPLIT_DEFAULTS, valid: { test: 0.5 }, run: (o) => trainTestSplit({ X: [[1, 2]], Y: [[1, 2]] }, o) },
  { call: 'kFold', where: 'kFold', defaults: K_FOLD_DEFAULTS, valid: { folds: 2 }, run: (o) => kFold({ X: [[1, 2]], Y: [[1, 2]] }, o) },
  { call: 'Network.for', where: 'Network.for', defaults: NETWORK_FOR_DEFAULTS, valid: { hidden: [2] }, run: (o) => Network.for({ X: [[1, 2]], Y: [[1, 2]] }, o) },
  { call: 'readCsv', where: 'readCsv', defaults: node.READ_CSV_DEFAULTS, valid: { numbers: false }, run: (o) => node.readCsv(csvFile, o) },
  { call: 'plotConfusionSpec', where: 'plotConfusion', defaults: plot.PLOT_CONFUSION_DEFAULTS, valid: { cellSize: 40 }, run: (o) => plot.plotConfusionSpec(confusionMatrix(['a'], ['a']), o) },
  { call: 'plotConfusion', where: 'plotConfusion', defaults: plot.PLOT_CONFUSION_DEFAULTS, valid: { title: 'x' }, run: (o) => plot.plotConfusion(confusionMatrix(['a'], ['a']), o) },
  { call: 'plotPredictionsSpec', where: 'plotPredictions', defaults: plot.PLOT_PREDICTIONS_DEFAULTS, valid: { name: 'mpg' }, run: (o) => plot.plotPredictionsSpec([1, 2], [1, 3], o) },
  { call: 'plotPredictions', where: 'plotPredictions', defaults: plot.PLOT_PREDICTIONS_DEFAULTS, valid: { size: 200 }, run: (o) => plot.plotPredictions([1, 2], [1, 3], o) },
  { call: 'asciiPlot', where: 'asciiPlot', defaults: ASCII_PLOT_DEFAULTS, required: ['domain'], valid: { domain: [-1, 1], width: 10 }, run: (o) => asciiPlot(line(), o as never) },
];

/** What a call threw, or how its promise was rejected (undefined when it did neither). */
async function failure(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** A one-letter typo: the first two letters swapped (learningRate → elarningRate), one edit away from the key alone. */
const typo = (key: string) => key[1] + key[0] + key.slice(2);

describe('every public function that takes options refuses an unknown key, with "did you mean"', () => {
  for (const row of table) {
    const known = [...(row.required ?? []), ...Object.keys(row.defaults)];
    it(`${row.call} knows exactly ${known.join(', ')}`, async () => {
      expect(await failure(() => row.run(row.valid))).toBeUndefined();
      for (const key of known) {
        const error = await failure(() => row.run({ ...row.valid, [typo(key)]: row.valid[key] }));
        expect(error, `${row.call} with ${typo(key)}`).toBeInstanceOf(ValueError);
        expect((error as Error).message).toBe(
          `${row.where}: unknown option ${JSON.stringify(typo(key))} (did you mean ${JSON.stringify(key)}?) (known: ${known.join(', ')})`,
        );
      }
    });
  }

  // The typos of the issue that asked for this, each once.
  it.each([
    ['sgd', 'learningrate', 'learningRate', () => sgd({ learningrate: 0.1 } as never)],
    ['moons', 'sampels', 'samples', () => datasets.moons({ sampels: 10 } as never)],
    ['spiral', 'clases', 'classes', () => datasets.spiral({ clases: 2 } as never)],
    ['sine', 'nosie', 'noise', () => datasets.sine({ nosie: 0 } as never)],
    ['Network.gradients', 'los', 'loss', () => line().gradients(X, Y, { los: 'mse' } as never)],
    ['gradientCheck', 'epsilom', 'epsilon', () => gradientCheck(line(), X, Y, { epsilom: 1e-3 } as never)],
    ['kinks', 'domian', 'domain', () => kinks(line(), { domain: [0, 1], domian: [0, 1] } as never)],
    ['plotFunction', 'nuerons', 'neurons', () => plotFunctionSpec(line(), { domain: [0, 1], nuerons: true } as never)],
    ['asciiPlot', 'widht', 'width', () => asciiPlot(line(), { domain: [0, 1], widht: 20 } as never)],
    ['toSource', 'nmae', 'name', () => line().toSource({ nmae: 'f' } as never)],
    ['toTfjsFiles', 'weightPath', 'weightsPath', () => toTfjsFiles(line(), { weightPath: 'w.bin' } as never)],
  ])('%s refuses %s (did you mean %s?)', (where, key, meant, run) => {
    expect(run).toThrow(ValueError);
    expect(run).toThrow(`${where}: unknown option "${key}" (did you mean "${meant}"?)`);
  });

  it('kinks also refuses a key that is nothing like its options', () => {
    expect(() => kinks(line(), { domain: [0, 1], foo: 1 } as never)).toThrow('kinks: unknown option "foo" (known: domain, maxPieces)');
  });

  it("fit's held-out data is { X, Y }: { X, y } is a typo", () => {
    const validation = { X, y: Y };
    expect(() => line().fit(X, Y, { validation } as never)).toThrow('Network.fit: validation: unknown key "y" (did you mean "Y"?) (known: X, Y)');
  });
});

describe('the table is complete', () => {
  /** The names of a function's parameters, read from its source (a class's: its constructor's). */
  function parameters(fn: (...args: never[]) => unknown): string[] {
    let text = Function.prototype.toString.call(fn);
    if (text.startsWith('class')) {
      const at = text.indexOf('constructor(');
      if (at < 0) return [];
      text = text.slice(at);
    }
    const open = text.indexOf('(');
    let depth = 0;
    let close = open;
    for (; close < text.length; close++) {
      if ('([{'.includes(text[close])) depth++;
      if (')]}'.includes(text[close]) && --depth === 0) break;
    }
    const list: string[] = [];
    let part = '';
    depth = 0;
    for (const c of text.slice(open + 1, close)) {
      if ('([{'.includes(c)) depth++;
      if (')]}'.includes(c)) depth--;
      if (c === ',' && depth === 0) {
        list.push(part);
        part = '';
      } else part += c;
    }
    list.push(part);
    return list.map((p) => p.trim().match(/^[\w$]+/)?.[0] ?? '').filter(Boolean);
  }

  /** Every public function and method a user can call, by the name a row's `call` gives it. */
  function publicCallables(): [string, (...args: never[]) => unknown][] {
    const found: [string, (...args: never[]) => unknown][] = [];
    const add = (name: string, value: unknown) => {
      if (typeof value === 'function') found.push([name, value as (...args: never[]) => unknown]);
    };
    for (const entry of [api, plot, node] as Record<string, unknown>[]) {
      for (const [name, value] of Object.entries(entry)) {
        add(name, value);
        if (name === 'datasets') for (const [member, f] of Object.entries(value as object)) add(`datasets.${member}`, f);
      }
    }
    const methods = (owner: object, prefix: string) => {
      for (const name of Object.getOwnPropertyNames(owner)) {
        const value = Object.getOwnPropertyDescriptor(owner, name)?.value;
        if (name !== 'constructor' && !name.startsWith('_')) add(`${prefix}.${name}`, value);
      }
    };
    methods(Network, 'Network');
    methods(Network.prototype, 'Network');
    const f = formula(line());
    for (const name of Object.keys(f)) add(`formula().${name}`, (f as unknown as Record<string, unknown>)[name]);
    return found;
  }

  it('has a row for every public function or method with a parameter named options', () => {
    const takingOptions = publicCallables()
      .filter(([, fn]) => parameters(fn).includes('options'))
      .map(([name]) => name);
    expect(takingOptions.length).toBeGreaterThan(20); // the parser sees them (sgd, Network.fit, plotFunction, …)
    const rows = new Set(table.map((row) => row.call));
    expect(takingOptions.filter((name) => !rows.has(name))).toEqual([]);
  });

  it('uses every exported *_DEFAULTS (or each entry of one written per function) as some row’s known keys', () => {
    const used = new Set<unknown>(table.map((row) => row.defaults));
    const missing: string[] = [];
    for (const entry of [api, plot, node] as Record<string, unknown>[]) {
      for (const [name, value] of Object.entries(entry)) {
        if (!name.endsWith('_DEFAULTS') || used.has(value)) continue;
        const perFunction = Object.entries(value as object);
        for (const [key, defaults] of perFunction) if (!used.has(defaults)) missing.push(`${name}.${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every *_DEFAULTS is frozen, and so is each entry of one written per function (kinks has none)', () => {
    for (const row of table) if (Object.keys(row.defaults).length > 0) expect(Object.isFrozen(row.defaults), row.call).toBe(true);
  });
});
