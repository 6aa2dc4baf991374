#!/usr/bin/env node
/**
 * What importing the built package costs: the time of a Node process that only
 * imports it, minus the time of one that imports nothing (median of --runs
 * runs each, interleaved so a burst of load on a shared machine hits all alike),
 * and proof that the import does not load mathjs nor protobuf.js and ONNX's schema
 * (each is loaded lazily, only by the features that need it: formulas, ONNX files).
 *
 * Usage: npm run build && node scripts/import-cost.mjs [--runs 15]
 * For comparison it also times importing mathjs itself, TensorFlow.js and
 * brain.js (in the oracle package, test/oracles/), when they are installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ORACLES } from '../test/oracles/need.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const esm = path.join(root, 'dist', 'index.js');
const cjs = path.join(root, 'dist', 'index.cjs');
if (!existsSync(esm) || !existsSync(cjs)) throw new Error('import-cost: dist/ is missing; run `npm run build` first');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`import-cost: --runs is ${process.argv[runsArg + 1]} but must be a whole number ≥ 1`);

const node = (args, env = {}) => {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`import-cost: node ${args.join(' ')} failed:\n${r.stderr}`);
  return { ms, stdout: r.stdout };
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
const resolved = (code) => {
  writeFileSync(log, '');
  node(['--import', pathToFileURL(path.join(dir, 'watch.mjs')).href, '--input-type=module', '-e', code], {
    FF_RESOLVED_LOG: log,
  });
  return readFileSync(log, 'utf8').split('\n');
};
const isMathjs = (url) => url.includes('/node_modules/mathjs/');
const isProtobuf = (url) => url.includes('/node_modules/protobufjs/') || url.includes('onnx-proto');
const esmUrls = resolved(`await import(${JSON.stringify(pathToFileURL(esm).href)});`);
const esmLoadsMathjs = esmUrls.some(isMathjs);
const esmLoadsProtobuf = esmUrls.some(isProtobuf);
// The controls: the same watch must see mathjs and protobuf.js when something does import them.
const controlSeesMathjs = resolved(`await import('mathjs');`).some(isMathjs);
const controlSeesProtobuf = resolved(`await import('protobufjs/minimal.js');`).some(isProtobuf);
const cjsModules = JSON.parse(
  spawnSync(
    process.execPath,
    ['-e', `require(${JSON.stringify(cjs)}); console.log(JSON.stringify(Object.keys(require.cache)))`],
    {
      cwd: root,
      encoding: 'utf8',
    },
  ).stdout,
);
const cjsLoadsMathjs = cjsModules.some((file) => file.includes(`${path.sep}mathjs${path.sep}`));
const cjsLoadsProtobuf = cjsModules.some(
  (file) => file.includes(`${path.sep}protobufjs${path.sep}`) || file.includes('onnx-proto'),
);
rmSync(dir, { recursive: true });
if (!controlSeesMathjs || !controlSeesProtobuf)
  throw new Error(
    'import-cost: the module watch did not see a direct import of mathjs or protobuf.js, so it proves nothing',
  );

// ---------------------------------------------------------------------------
// 2. Time: each command `runs` times, interleaved.
/** The file a package of the oracle package (test/oracles/) loads, or undefined when it is not installed. */
const oracleFile = (name) => {
  try {
    return createRequire(path.join(ORACLES, 'package.json')).resolve(name);
  } catch {
    return undefined;
  }
};
const brainFile = oracleFile('brain.js');
const tfjsFile = oracleFile('@tensorflow/tfjs');
// Every command also prints, as it exits, the CPU time its process used since
// it started: on a shared machine that varies much less than the wall time.
const reportCpu = `;process.on('exit', () => { const u = process.cpuUsage(); process.stdout.write(String((u.user + u.system) / 1000)); })`;
const cjsCode = (code) => ['-e', code + reportCpu];
const esmCode = (code) => ['--input-type=module', '-e', code + reportCpu];
const commands = [
  ['node -e ""', cjsCode('')],
  ['node --input-type=module -e ""', esmCode('')],
  ['import feedforward (ESM, dist/index.js)', esmCode(`await import(${JSON.stringify(pathToFileURL(esm).href)})`)],
  ['require feedforward (CJS, dist/index.cjs)', cjsCode(`require(${JSON.stringify(cjs)})`)],
  ['import mathjs', esmCode(`await import('mathjs')`)],
  ...(brainFile ? [['require brain.js 1.6.1', cjsCode(`require(${JSON.stringify(brainFile)})`)]] : []),
  ...(tfjsFile
    ? [['import @tensorflow/tfjs', esmCode(`await import(${JSON.stringify(pathToFileURL(tfjsFile).href)})`)]]
    : []),
];
const wall = commands.map(() => []);
const cpu = commands.map(() => []);
for (const [, args] of commands) node(args); // warm the file cache
for (let r = 0; r < runs; r++) {
  commands.forEach(([, args], c) => {
    const { ms, stdout } = node(args);
    wall[c].push(ms);
    cpu[c].push(Number(stdout));
  });
}

const base = commands.map((_, c) => [median(wall[c]), median(cpu[c])]);
console.log(
  `Node ${process.version}, median of ${runs} runs each: wall time of the whole process, and the CPU time it used\n`,
);
console.log('| command | wall (ms) | minus `node -e ""` | CPU (ms) | minus `node -e ""` |');
console.log('|---|---:|---:|---:|---:|');
commands.forEach(([name], c) => {
  const [w, u] = base[c];
  const minus = (x, x0) => (c === 0 ? '' : (x - x0).toFixed(1));
  console.log(`| ${name} | ${w.toFixed(1)} | ${minus(w, base[0][0])} | ${u.toFixed(1)} | ${minus(u, base[0][1])} |`);
});
const [oursWall, oursCpu] = base[2];
console.log(
  `\nimport of feedforward (ESM): ${(oursWall - base[0][0]).toFixed(1)} ms wall / ${(oursCpu - base[0][1]).toFixed(1)} ms CPU more than \`node -e ""\`; ` +
    `${(oursWall - base[1][0]).toFixed(1)} ms wall / ${(oursCpu - base[1][1]).toFixed(1)} ms CPU more than an empty ES module`,
);
console.log(
  `mathjs loaded by the ESM import: ${esmLoadsMathjs ? 'YES' : 'no'}; by the CJS require: ${cjsLoadsMathjs ? 'YES' : 'no'} (the same watch does see a direct import of mathjs)`,
);
console.log(
  `protobuf.js (ONNX) loaded by the ESM import: ${esmLoadsProtobuf ? 'YES' : 'no'}; by the CJS require: ${cjsLoadsProtobuf ? 'YES' : 'no'}`,
);
if (esmLoadsMathjs || cjsLoadsMathjs || esmLoadsProtobuf || cjsLoadsProtobuf) process.exitCode = 1;
