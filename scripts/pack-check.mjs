#!/usr/bin/env node
/**
 * The package as users get it: `npm pack`, then install the tarball into a fresh
 * temporary project and use it the four ways docs/using-from.md shows.
 *
 *   1. the tarball holds only what users need (dist/, README, LICENSE, CHANGELOG);
 *   2. publint and @arethetypeswrong/cli (both in the oracle package, test/oracles/) find no problem in any entry point;
 *   3. scripts/consumers/esm.mjs and commonjs.cjs run under Node and print the
 *      hand-checked predictions; typescript.ts type-checks under moduleResolution
 *      node16 (as ESM and as CommonJS), bundler and node10, then runs and prints the same;
 *   4. every entry point of package.json's "exports" map imports from ESM, requires
 *      from CommonJS with the same export names, has types under node16 and bundler,
 *      and loads without loading mathjs.
 *
 * Run it:  npm run check:package      (installs the oracle package if needed, builds; needs the npm registry for mathjs)
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ORACLES_MODULES, need } from '../test/oracles/need.mjs';
import { exportSpecifiers } from './entries.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const consumers = join(root, 'scripts', 'consumers');
const bin = (name) => join(root, 'node_modules', '.bin', name);
/** A command of the oracle package (test/oracles/): publint, attw. */
const oracleBin = (name) => join(ORACLES_MODULES, '.bin', name);
need('publint');
need('@arethetypeswrong/cli');

// What a user needs: the built code and types, and the three documents npm shows.
const ALLOWED = [/^package\.json$/, /^README\.md$/, /^LICENSE$/, /^CHANGELOG\.md$/, /^dist\//];
// The article's network, worked by hand in README's tour ("Check the first column by hand").
const HAND_CHECKED = '[ 1.5, 1, 1, -0.5, -1 ]';

const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
  if (!ok) failures.push(message);
};
const run = (cmd, args, cwd = root) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const tryRun = (cmd, args, cwd) => {
  try {
    return { ok: true, out: run(cmd, args, cwd) };
  } catch (error) {
    return { ok: false, out: `${error.stdout ?? ''}${error.stderr ?? ''}` };
  }
};
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

// Entry points: every key of "exports" but package.json itself, as import specifiers.
const entries = exportSpecifiers;

console.log('== build');
run('npm', ['run', '--silent', 'build']);

const temp = mkdtempSync(join(tmpdir(), 'feedforward-pack-'));
try {
  console.log('== npm pack');
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', temp]));
  const tarball = join(temp, packed.filename);
  console.log(
    `${packed.filename}: ${kB(packed.size)} packed, ${kB(packed.unpackedSize)} unpacked, ${packed.files.length} files`,
  );
  for (const file of packed.files) console.log(`  ${kB(file.size).padStart(9)}  ${file.path}`);
  const extra = packed.files.map((file) => file.path).filter((path) => !ALLOWED.some((re) => re.test(path)));
  check(
    extra.length === 0,
    `the tarball holds only dist/, README, LICENSE, CHANGELOG${extra.length ? ` (also: ${extra.join(', ')})` : ''}`,
  );

  console.log('== publint and arethetypeswrong');
  const publint = tryRun(oracleBin('publint'), ['--strict'], root);
  check(
    publint.ok && /All good/.test(publint.out),
    `publint --strict: ${publint.ok ? 'all good' : publint.out.trim()}`,
  );
  const attw = tryRun(oracleBin('attw'), [tarball, '--format', 'ascii'], root);
  check(attw.ok && /No problems found/.test(attw.out), `attw: ${attw.ok ? 'no problems found' : attw.out.trim()}`);

  console.log('== a fresh project installs the tarball');
  const project = join(temp, 'consumer');
  run('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], project);

  console.log('== Node: ESM and CommonJS');
  copyFileSync(join(consumers, 'esm.mjs'), join(project, 'esm.mjs'));
  copyFileSync(join(consumers, 'commonjs.cjs'), join(project, 'commonjs.cjs'));
  const esm = tryRun('node', ['esm.mjs'], project);
  const cjs = tryRun('node', ['commonjs.cjs'], project);
  check(
    esm.ok && esm.out.startsWith(`${HAND_CHECKED}\n`),
    `esm.mjs prints the hand-checked predictions${esm.ok ? '' : `: ${esm.out}`}`,
  );
  check(cjs.ok && cjs.out === esm.out, `commonjs.cjs prints what esm.mjs prints${cjs.ok ? '' : `: ${cjs.out}`}`);
  // docs/using-from.md shows that output, pasted from a run: it must still be what the snippet prints.
  const shown = readFileSync(join(root, 'docs', 'using-from.md'), 'utf8').match(
    /<!-- output: scripts\/consumers\/esm\.mjs -->\n```text\n([\s\S]*?)```\n/,
  )?.[1];
  check(
    shown === esm.out,
    `docs/using-from.md shows what esm.mjs prints${shown === esm.out ? '' : `:\n${shown}\nbut it prints\n${esm.out}`}`,
  );

  console.log('== TypeScript: node16 (ESM and CommonJS) and bundler');
  // The same file three ways: .mts is ESM and .cts CommonJS under node16; .ts under bundler.
  const source = readFileSync(join(consumers, 'typescript.ts'), 'utf8');
  for (const ext of ['mts', 'cts', 'ts']) writeFileSync(join(project, `typescript.${ext}`), source);
  // One namespace import per entry point: without types for it, strict mode fails (TS7016).
  const imports = entries.map((spec, i) => `import * as entry${i} from '${spec}';`).join('\n');
  const names = `export const names = [${entries.map((_, i) => `Object.keys(entry${i})`).join(', ')}];\n`;
  for (const ext of ['mts', 'cts', 'ts']) writeFileSync(join(project, `entries.${ext}`), `${imports}\n${names}`);
  const compilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    target: 'ES2022',
    lib: ['ES2022', 'DOM'],
    types: [],
  };
  const configs = {
    node16: {
      module: 'node16',
      moduleResolution: 'node16',
      files: ['typescript.mts', 'typescript.cts', 'entries.mts', 'entries.cts'],
    },
    bundler: { module: 'esnext', moduleResolution: 'bundler', files: ['typescript.ts', 'entries.ts'] },
    // TypeScript's old resolution (the default for module commonjs) reads no "exports": subpaths
    // find their types through package.json's "typesVersions".
    node10: { module: 'commonjs', moduleResolution: 'node10', files: ['typescript.ts', 'entries.ts'] },
  };
  for (const [name, { files, ...options }] of Object.entries(configs)) {
    const config = join(project, `tsconfig.${name}.json`);
    writeFileSync(config, JSON.stringify({ compilerOptions: { ...compilerOptions, ...options }, files }, null, 2));
    const tsc = tryRun(bin('tsc'), ['-p', config], project);
    check(tsc.ok, `tsc --noEmit, moduleResolution ${name}: ${files.join(', ')}${tsc.ok ? '' : `\n${tsc.out}`}`);
  }
  // Then run it: esbuild strips the types (it does not check them; tsc did).
  run(bin('esbuild'), ['typescript.ts', '--format=esm', '--outfile=typescript.mjs', '--log-level=warning'], project);
  const ts = tryRun('node', ['typescript.mjs'], project);
  check(ts.ok && ts.out === esm.out, `typescript.ts, run, prints what esm.mjs prints${ts.ok ? '' : `: ${ts.out}`}`);

  console.log("== every entry point of package.json's exports map");
  for (const spec of entries) {
    const s = JSON.stringify(spec);
    const fromEsm = tryRun(
      'node',
      ['--input-type=module', '-e', `console.log(JSON.stringify(Object.keys(await import(${s})).sort()))`],
      project,
    );
    // CommonJS also tells whether loading the entry loaded mathjs (it must not: mathjs loads on first use).
    const script = `const m = require(${s}); const mathjs = Object.keys(require.cache).some((f) => /[\\\\/]mathjs[\\\\/]/.test(f));
console.log(JSON.stringify(Object.keys(m).filter((k) => k !== 'default' && k !== '__esModule').sort())); console.log(mathjs);`;
    const fromCjs = tryRun('node', ['-e', script], project);
    const [cjsNames, mathjsLoaded] = fromCjs.out.trim().split('\n');
    check(
      fromEsm.ok && JSON.parse(fromEsm.out).length > 0,
      `import(${s}) works: ${fromEsm.ok ? `${JSON.parse(fromEsm.out).length} exports` : fromEsm.out}`,
    );
    check(
      fromCjs.ok && cjsNames === fromEsm.out.trim(),
      `require(${s}) gives the same export names as import()${fromCjs.ok ? '' : `: ${fromCjs.out}`}`,
    );
    check(fromCjs.ok && mathjsLoaded === 'false', `require(${s}) does not load mathjs`);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}

console.log(failures.length === 0 ? '== package check passed' : `== package check FAILED (${failures.length})`);
process.exitCode = failures.length === 0 ? 0 : 1;
