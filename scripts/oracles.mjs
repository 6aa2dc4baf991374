#!/usr/bin/env node
/**
 * The oracle package, test/oracles/: what only the real-data examples and the maintainers' checks need
 * (TensorFlow.js, onnxruntime-web, brain.js, the data sets, Playwright, Stryker, Biome, API Extractor…),
 * kept out of a learner's `npm install`. This installs it from its own lock file when it is missing or
 * stale, and says so; then it runs the command it was given, if any, with the package's tools on the PATH.
 *
 *   node scripts/oracles.mjs               everything (npm run oracles; npm test and the maintainers' scripts run this first)
 *   node scripts/oracles.mjs --data-sets   only the data sets, the package's `dependencies` (npm run data-sets)
 *   node scripts/oracles.mjs biome lint    everything, then `biome lint` from test/oracles/node_modules/.bin
 *
 * Installed means: every package test/oracles/package-lock.json lists (with --data-sets, every one the data
 * sets need) is in test/oracles/node_modules at its locked version, as npm's own record of what it installed
 * says (node_modules/.package-lock.json). When one is not: `npm ci --prefix test/oracles`, the versions of
 * the lock file and nothing else (test/oracles/.npmrc: peer dependencies such as vitest are the repository's own).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_SETS, ORACLES, ORACLES_MODULES, SIZE_MB } from '../test/oracles/need.mjs';

/**
 * Why the package needs installing (a sentence), or undefined when every package it needs is there:
 * `locked` and `installed` are the `packages` of its lock file and of npm's record of what it installed.
 */
export function whyInstall(locked, installed, { dataSetsOnly = false } = {}) {
  if (!installed) return 'it is not installed yet';
  for (const [path, entry] of Object.entries(locked)) {
    if (path === '' || entry.optional) continue; // optional: a build for another platform, which npm skips
    if (dataSetsOnly && (entry.dev || entry.devOptional)) continue;
    const name = path.replace(/^.*node_modules\//, '');
    if (!installed[path]) return `${name} ${entry.version} (in its lock file) is not installed`;
    if (installed[path].version !== entry.version) {
      return `its lock file asks for ${name} ${entry.version}, and ${installed[path].version} is installed`;
    }
  }
  return undefined;
}

/** whyInstall for test/oracles/ as it is on disk. */
function whyInstallHere(options) {
  const record = join(ORACLES_MODULES, '.package-lock.json');
  const packagesOf = (file) => JSON.parse(readFileSync(file, 'utf8')).packages;
  return whyInstall(
    packagesOf(join(ORACLES, 'package-lock.json')),
    existsSync(record) ? packagesOf(record) : undefined,
    options,
  );
}

const win = process.platform === 'win32';

/** Runs npm (the one running this script, when npm started it). */
function npm(npmArgs) {
  const cli = process.env.npm_execpath;
  const run = cli?.endsWith('.js')
    ? spawnSync(process.execPath, [cli, ...npmArgs], { stdio: 'inherit' })
    : spawnSync('npm', npmArgs, { stdio: 'inherit', shell: win });
  if (run.status !== 0) {
    console.error(`oracles: npm ${npmArgs.join(' ')} failed (exit code ${run.status ?? run.signal})`);
    process.exit(run.status || 1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dataSetsOnly = args[0] === '--data-sets';
  const command = dataSetsOnly ? args.slice(1) : args;
  const why = whyInstallHere({ dataSetsOnly });
  if (why) {
    const folder = relative(process.cwd(), ORACLES) || '.';
    const what = dataSetsOnly
      ? `the data sets (${DATA_SETS.join(', ')}; about ${SIZE_MB.dataSets} MB)`
      : `the test oracles, data sets and maintainers' tools (about ${SIZE_MB.all} MB)`;
    console.log(`oracles: installing ${folder}/, ${what}, from its lock file, because ${why}:`);
    const npmArgs = ['ci', '--prefix', folder, '--no-audit', '--no-fund', ...(dataSetsOnly ? ['--omit=dev'] : [])];
    console.log(`oracles: npm ${npmArgs.join(' ')}`);
    npm(npmArgs);
    const still = whyInstallHere({ dataSetsOnly });
    if (still) {
      console.error(`oracles: after npm ci, ${still}`);
      process.exit(1);
    }
    console.log(`oracles: installed ${dataSetsOnly ? 'the data sets' : `${folder}/`}.`);
  }

  if (command.length > 0) {
    const env = { ...process.env, PATH: `${join(ORACLES_MODULES, '.bin')}${delimiter}${process.env.PATH}` };
    const run = spawnSync(command[0], command.slice(1), { stdio: 'inherit', env, shell: win });
    if (run.error) {
      console.error(`oracles: could not run ${command[0]}: ${run.error.message}`);
      process.exit(1);
    }
    process.exit(run.status ?? 1);
  }
}
