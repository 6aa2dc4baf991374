/**
 * One set of names for the article's network (docs/naming.md): the demo prints them, the exercise files
 * and their checker use them, the playground's steppers and the README show them, and none of them uses a
 * name the table does not have. (The lesson page of the site is checked against the same table by its
 * page test, test/site/site.e2e.ts, and its source here.)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../examples/exercises/checker/index.js';
import { ARTICLE_LAYERS } from '../src/index.js';
import { articleNamesIn, namingTable } from './helpers/naming.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const table = namingTable();
const names = table.map((row) => row.name);
const WEIGHTS = ['W1', 'b1', 'w35', 'w46', 'b3', 'b4', 'w7', 'b5'];

describe('the naming table (docs/naming.md)', () => {
  it("names the article's layer 2 as its diagram does, w35/w46 and b3/b4, and layer 1's and the output's weights W1, b1, w7, b5", () => {
    expect(names).toEqual(['X', 'W1', 'b1', 'out1', 'act1', 'w35', 'w46', 'b3', 'b4', 'out3', 'out4', 'out5', 'act5', 'w7', 'b5', 'prediction']);
  });
  it("gives each weight and bias the value articleNetwork() has (ARTICLE_LAYERS)", () => {
    const value = (name: string) => table.find((row) => row.name === name)?.value;
    const [one, two, out] = ARTICLE_LAYERS;
    expect([value('W1'), value('b1')]).toEqual([one.weights, one.biases]);
    expect([[...(value('w35') as number[][]), ...(value('w46') as number[][])], [value('b3'), value('b4')]]).toEqual([two.weights, two.biases]);
    expect([value('w7'), [value('b5')]]).toEqual([out.weights, out.biases]);
  });
});

describe('the names used', () => {
  it('by the demo (npm run demo): every name it prints is in the table, and it prints them all', () => {
    const output = execFileSync('node_modules/.bin/tsx', ['examples/deep-state.ts'], { encoding: 'utf8' });
    // What the demo prints as a name: "W1: 2×1", "b3 = -2.5", "out3 = applyWeights(act1, w35, b3): …".
    const printed = [...output.matchAll(/^(\w+)(?::| =)/gm)].map((m) => m[1]).filter((name) => articleNamesIn(name).length > 0 || name === 'prediction');
    expect(new Set(printed)).toEqual(new Set(names.filter((name) => name !== 'X'))); // X too, but it is no article name
    expect(articleNamesIn(output).filter((name) => !names.includes(name))).toEqual([]);
  });
  it("by exercise 4's stub and solution: the table's weights and biases, with the table's values, and no other article name", () => {
    for (const file of ['examples/exercises/4-article-forward.ts', 'examples/exercises/solutions/4-article-forward.ts']) {
      const text = read(file);
      const exported = [...text.matchAll(/^export const (\w+) = (.+?);/gm)].map(([, name, value]) => [name, JSON.parse(value)]);
      expect(exported).toEqual(WEIGHTS.map((name) => [name, table.find((row) => row.name === name)?.value]));
      expect(articleNamesIn(text).filter((name) => !names.includes(name))).toEqual([]);
    }
  });
  it('by every exercise stub and the checker, hints included', () => {
    const stubs = EXERCISES.map((e) => read(`examples/exercises/${e.file}`)).join('\n');
    const checker = ['runner.ts', 'forward.ts', 'backward.ts', 'exercises.ts'].map((f) => read(`examples/exercises/checker/${f}`)).join('\n');
    expect(articleNamesIn(stubs + checker).filter((name) => !names.includes(name))).toEqual([]);
  });
  it("by the playground's forward stepper, whose labels for the [1, 2, 2, 1] network are the table's names", () => {
    const stepper = read('examples/playground/src/stepper.ts');
    const labels = /const ARTICLE_NAMES[^=]*= \{([\s\S]*?)\n\};/.exec(stepper)?.[1] ?? '';
    expect(articleNamesIn(labels).sort()).toEqual(['W1', 'act1', 'act5', 'b1', 'b3', 'b4', 'b5', 'out1', 'out3', 'out4', 'out5', 'w35', 'w46', 'w7']);
  });
  it('by the README and the exercises README', () => {
    expect(articleNamesIn(read('README.md') + read('examples/exercises/README.md')).filter((name) => !names.includes(name))).toEqual([]);
  });
});
