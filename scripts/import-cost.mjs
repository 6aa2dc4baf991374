#!/usr/bin/env node
/**
 * What importing the built package costs: the time of a Node process that only
 * imports it, minus the time of one that imports nothing (median of --runs
 * runs each, interleaved so a burst of load on a shared machine hits all alike),
 * and proof that the import does not load mathjs (it is loaded lazily, only by
 * the features that need it).
 *
 * Usage: npm run build && node scripts/import-cost.mjs [--runs 15]
 * For comparison it also times importing mathjs itself, TensorFlow.js and
 * brain.js (devDependencies), when they are installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const esm = path.join(root, 'dist', 'index.js');
const cjs = path.join(root, 'dist', 'index.cjs');
if (!existsSync(esm) || !existsSync(cjs)) throw new Error('import-cost: dist/ is missing; run `npm run build` first');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
if (!Number.isInteger(runs) || runs < 1) throw new Error(`import-cost: --runs is ${process.argv[runsArg + 1]} but must be a whole number ≥ 1`);

const node = (args, env = {}) => {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`import-cost: node ${args.join(' ')} failed:\n${r.stderr}`);
  return ms;
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---------------------------------------------------------------------------
// 1. Does importing the package load mathjs? A module hook records every file
//    the ESM loader resolves, and require.cache shows what the CJS build loaded.
const dir = mkdtempSync(path.join(tmpdir(), 'ff-import-'));
const log = path.join(dir, 'resolved.txt');
writeFileSync(
  path.join(dir, 'hooks.mjs'),
  `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.FF_RESOLVED_LOG, result.url + '\\n');
  return result;
}
`,
);
writeFileSync(
  path.join(dir, 'watch.mjs'),
  `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(path.join(dir, 'hooks.mjs')).href)});\n`,
);
const loadsMathjs = (code) => {
  writeFileSync(log, '');
  node(['--import', pathToFileURL(path.join(dir, 'watch.mjs')).href, '--input-type=module', '-e', code], { FF_RESOLVED_LOG: log });
  return readFileSync(log, 'utf8').split('\n').some((url) => url.includes('/node_modules/mathjs/'));
};
const esmLoadsMathjs = loadsMathjs(`await import(${JSON.stringify(pathToFileURL(esm).href)});`);
// The control: the same watch must see mathjs when something does import it.
const controlSeesMathjs = loadsMathjs(`await import('mathjs');`);
const cjsModules = JSON.parse(
  spawnSync(process.execPath, ['-e', `require(${JSON.stringify(cjs)}); console.log(JSON.stringify(Object.keys(require.cache)))`], {
    cwd: root,
    encoding: 'utf8',
  }).stdout,
);
const cjsLoadsMathjs = cjsModules.some((file) => file.includes(`${path.sep}mathjs${path.sep}`));
rmSync(dir, { recursive: true });
if (!controlSeesMathjs) throw new Error('import-cost: the module watch did not see a direct import of mathjs, so it proves nothing');

// ---------------------------------------------------------------------------
// 2. Time: each command `runs` times, interleaved.
const has = (name) => {
  try {
    createRequire(path.join(root, 'package.json')).resolve(name);
    return true;
  } catch {
    return false;
  }
};
const commands = [
  ['node -e ""', ['-e', '']],
  ['node --input-type=module -e ""', ['--input-type=module', '-e', '']],
  ['import feedforward (ESM, dist/index.js)', ['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(esm).href)})`]],
  ['require feedforward (CJS, dist/index.cjs)', ['-e', `require(${JSON.stringify(cjs)})`]],
  ['import mathjs', ['--input-type=module', '-e', `await import('mathjs')`]],
  ...(has('brain.js') ? [['require brain.js 1.6.1', ['-e', `require('brain.js')`]]] : []),
  ...(has('@tensorflow/tfjs') ? [['import @tensorflow/tfjs', ['--input-type=module', '-e', `await import('@tensorflow/tfjs')`]]] : []),
];
const times = commands.map(() => []);
for (const [, args] of commands) node(args); // warm the file cache
for (let r = 0; r < runs; r++) commands.forEach(([, args], c) => times[c].push(node(args)));

const base = median(times[0]);
const baseModule = median(times[1]);
console.log(`Node ${process.version}, median of ${runs} runs each (wall time of the whole process)\n`);
console.log('| command | median (ms) | minus `node -e ""` (ms) |');
console.log('|---|---:|---:|');
commands.forEach(([name], c) => {
  const t = median(times[c]);
  console.log(`| ${name} | ${t.toFixed(1)} | ${c === 0 ? '' : (t - base).toFixed(1)} |`);
});
const ours = median(times[2]);
console.log(`\nimport of feedforward (ESM): ${(ours - base).toFixed(1)} ms more than \`node -e ""\`, ${(ours - baseModule).toFixed(1)} ms more than an empty ES module`);
console.log(`mathjs loaded by the ESM import: ${esmLoadsMathjs ? 'YES' : 'no'}; by the CJS require: ${cjsLoadsMathjs ? 'YES' : 'no'} (the same watch does see a direct import of mathjs)`);
if (esmLoadsMathjs || cjsLoadsMathjs) process.exitCode = 1;
