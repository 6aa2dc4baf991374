/**
 * CI runs on one engine only the test files that can reach a matrix product: every
 * test file but those of test/engine-files.ts. This checks that list by reading the
 * code (test/helpers/engine-reach.ts): a listed file that can reach affineInto or the
 * engine setting fails here, with the chain of calls, so it cannot skip the runs on
 * one engine by mistake.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import base from '../vitest.config';
import engines from '../vitest.engines.config';
import { ENGINE_NEUTRAL } from './engine-files.js';
import { engineReader, tsFilesUnder } from './helpers/engine-reach.js';

const root = join(__dirname, '..');
const listed = Object.entries(ENGINE_NEUTRAL);
const testFiles = tsFilesUnder(join(root, 'test'))
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => relative(root, file));

describe('test/engine-files.ts: the test files left out of the runs on one engine', () => {
  const reader = engineReader(root);

  it('lists no file that can reach a matrix product or the engine setting', () => {
    const reaching = listed.flatMap(([file, children]) => {
      const why = reader.verdict(join(root, file), children);
      return why === undefined ? [] : [`${file}: ${why} (run it on both engines: take it out of test/engine-files.ts)`];
    });
    expect(reaching).toEqual([]);
  });

  it('lists test files that exist, and for each child script, one its test names', () => {
    for (const [file, children] of listed) {
      expect(testFiles, `${file} is not a test file (renamed or removed?)`).toContain(file);
      for (const child of children) {
        expect(existsSync(join(root, child)), `${file}: its child script ${child} does not exist`).toBe(true);
        expect(readFileSync(join(root, file), 'utf8'), `${file} does not name its child script ${child}`).toContain(child);
      }
    }
  });

  it('the reading finds the products in src/: the setting, multiply, applyWeights, forward, fit', () => {
    // If the reading broke (a rename, a new way to import), it would find nothing and pass every file.
    expect(reader.seeds.map((key) => key.replace(/^.*#/, '')).sort()).toEqual(['affineInto', 'getEngine', 'setEngine', 'wasmFor']);
    const names = [...reader.reaching].map((key) => key.replace(/^.*#/, ''));
    expect(names).toEqual(expect.arrayContaining(['affineInto', 'multiply', 'applyWeights', '.forward', '.fit', '.gradients']));
    expect(reader.verdict(join(root, 'test/steps.test.ts'))).toMatch(/names applyWeights → weightedSums → affineInto/);
  });

  it('vitest.engines.config.ts runs every test file of vitest.config.ts but the listed ones', () => {
    // Both configs find the test files with this one pattern; testFiles above lists what it matches.
    expect(base.test?.include).toEqual(['test/**/*.test.ts']);
    expect(engines.test?.include).toEqual(['test/**/*.test.ts']);
    expect(engines.test?.exclude).toEqual(expect.arrayContaining(listed.map(([file]) => file)));
    expect(testFiles.filter((file) => !(file in ENGINE_NEUTRAL)).length).toBeGreaterThan(listed.length);
  });
});

describe('the reading (test/helpers/engine-reach.ts), on a made-up library', () => {
  // A library with the engine's shape: the setting, a product, a class with a method that multiplies.
  const library: Record<string, string> = {
    'package.json': '{ "name": "mylib" }',
    'src/core/affine.ts': `
      let engine = 'auto';
      export function setEngine(name: string) { engine = name; }
      export function wasmFor(n: number) { return engine === 'wasm' || n > 256; }
      export function affineInto(W: number[]) { return wasmFor(W.length) ? 1 : 0; }`,
    'src/core/matrix.ts': `
      import { affineInto } from './affine.js';
      export function multiply(A: number[]) { return affineInto(A); }
      export function transpose(A: number[]) { return A; }`,
    'src/net.ts': `
      import { multiply } from './core/matrix.js';
      export class Net {
        layers = [1];
        forward(X: number[]) { return multiply(X); }
        describe() { return 'a net'; }
      }
      export function isNet(net: unknown) { const { forward } = net as Net; return typeof forward === 'function'; }`,
    'src/loads.ts': `
      import { multiply } from './core/matrix.js';
      export const ONE = multiply([1]);`,
    'src/index.ts': `
      export { multiply as times, transpose } from './core/matrix.js';
      export { Net, isNet } from './net.js';`,
    'test/helpers/h.ts': `
      import { times } from '../../src/index.js';
      export const twice = (A: number[]) => times(times(A));`,
    'test/helpers/quiet.ts': `
      import { transpose } from '../../src/index.js';
      export const flip = (A: number[]) => transpose(A);`,
    'test/children/multiplies.ts': `import { times } from '../../src/index.js'; times([1]);`,
    'test/children/saves.ts': `import { Net } from '../../src/index.js'; console.log(JSON.stringify(new Net().layers));`,
  };
  const folder = mkdtempSync(join(tmpdir(), 'feedforward-engine-reach-'));
  for (const [path, text] of Object.entries(library)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const reader = engineReader(folder);
  let made = 0;
  const verdict = (test: string, children: string[] = []) => {
    const file = join(folder, `test/t${++made}.test.ts`); // a new name each time: the reader keeps what it read
    writeFileSync(file, test);
    return reader.verdict(file, children);
  };
  const lib = `from '../src/index.js'`;

  it('finds the seeds: the functions beside affineInto that name its setting `engine`', () => {
    expect(reader.seeds).toEqual(['src/core/affine.ts#setEngine', 'src/core/affine.ts#wasmFor']);
  });

  it.each([
    ['transpose, new Net(), net.layers and isNet (which asks `typeof forward`)', `import { Net, isNet, transpose } ${lib}; transpose([1]); isNet(new Net().layers);`],
    ['a helper that does not multiply', `import { flip } from './helpers/quiet.js'; flip([1]);`],
    ['a namespace used as ns.name, and listed with Object.keys', `import * as L ${lib}; L.transpose([1]); Object.keys(L);`],
    ['a child process whose declared script does not multiply', `import { spawnSync } from 'node:child_process'; spawnSync('tsx', ['test/children/saves.ts']);`, ['test/children/saves.ts']],
  ])('cannot reach the engine: %s', (_, test, children: string[] = []) => {
    expect(verdict(test, children)).toBeUndefined();
  });

  it.each([
    ['a product under another name (export … as)', `import { times } ${lib}; times([1]);`, /names multiply → affineInto → wasmFor/],
    ['a method, whatever object it is called on', `import { Net } ${lib}; new Net().forward([1]);`, /names \.forward → multiply → affineInto/],
    ['a method taken by destructuring', `import { Net } ${lib}; const { forward } = new Net(); forward.call(null, [1]);`, /names \.forward/],
    ['a method by a literal name', `import { Net } ${lib}; new Net()['forward']([1]);`, /names \.forward/],
    ['a namespace member', `import * as L ${lib}; L.times([1]);`, /names multiply/],
    ['the setting itself', `import { setEngine } from '../src/core/affine.js'; setEngine('js');`, /names setEngine/],
    ['a helper that multiplies', `import { twice } from './helpers/h.js'; twice([1]);`, /test\/helpers\/h\.ts names multiply/],
    ['a module that multiplies while it loads', `import '../src/loads.js';`, /src\/loads\.ts calls multiply → affineInto → wasmFor when it loads/],
    ['a child process', `import { spawnSync } from 'node:child_process'; spawnSync('tsx', ['x.ts']);`, /runs code elsewhere \(node:child_process\)/],
    ['a child process whose declared script multiplies', `import { spawnSync } from 'node:child_process'; spawnSync('tsx', ['test/children/multiplies.ts']);`, /test\/children\/multiplies\.ts names multiply/, ['test/children/multiplies.ts']],
    ['a nested vitest', `import { createVitest } from 'vitest/node'; createVitest;`, /runs code elsewhere \(vitest\/node\)/],
    ['vm', `import { runInNewContext } from 'node:vm'; runInNewContext('1');`, /runs code elsewhere \(node:vm\)/],
    ['new Function', `new Function('return 1')();`, /makes code from text \(Function\)/],
    ['AsyncFunction', `const F = Object.getPrototypeOf(async () => {}).constructor; new F('return 1');`, /\.constructor/],
    ['a namespace used as a whole', `import * as L ${lib}; for (const f of Object.values(L)) (f as () => void)();`, /the namespace L is used as a whole/],
    ['an import() used as a whole', `const L = await import('../src/index.js'); L.transpose([1]);`, /used as a whole/],
    ['an import() of a computed path', `const p = '../src/index.js'; await import(p);`, /computed path/],
    ['a member called by a computed name', `import { Net } ${lib}; const m = 'describe' as const; new Net()[m]();`, /calls a member whose name is computed/],
    ['the built package', `import { times } from 'mylib'; times([1]);`, /imports the built package \(mylib\)/],
    ['a name the reading cannot find', `import { missing } ${lib}; missing();`, /imports missing from src\/index\.ts, where this reading cannot find it/],
  ])('reaches the engine: %s', (_, test, why, children: string[] = []) => {
    expect(verdict(test, children)).toMatch(why);
  });
});
