#!/usr/bin/env node
/**
 * After `tsup`: make the CommonJS declaration files (dist/*.d.cts) import the
 * types of ESM-only dependencies the way TypeScript requires.
 *
 * Why: mathjs is "type": "module" and ships one index.d.ts, so TypeScript reads its
 * types as ESM. A .d.cts that says `import * as mathjs from 'mathjs'` then fails a
 * CommonJS consumer's type check under moduleResolution node16 (TS1479, or TS1541
 * for `import type`) unless the import names its resolution mode:
 *   import type * as mathjs from 'mathjs' with { 'resolution-mode': 'import' };
 * tsup's declaration bundler drops that attribute from the source, so we add it here.
 * Consumers need TypeScript ≥ 5.3 to read it. scripts/pack-check.mjs proves the result
 * (skipLibCheck off, a .cts consumer under node16).
 *
 * Run it:  npm run build   (tsup, then this)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const require = createRequire(join(root, 'package.json'));

/** True when TypeScript reads the package's types as ESM: "type": "module" and a plain .d.ts. */
function hasEsmTypes(name) {
  let manifest;
  try {
    manifest = require(`${name}/package.json`);
  } catch {
    return false; // not installed here, or its package.json is not exported: leave the import alone
  }
  const main = manifest.exports?.['.'];
  const types = (typeof main === 'object' && (main.require?.types ?? main.types)) || manifest.types || manifest.typings;
  return manifest.type === 'module' && typeof types === 'string' && !types.endsWith('.d.cts');
}

// `import * as x from 'pkg';` or `import { a, b } from 'pkg';` as the declaration bundler writes them.
const IMPORT = /^import (\* as \w+|\{[^}]*\}) from '([^.'][^']*)';$/gm;

for (const file of readdirSync(dist).filter((name) => name.endsWith('.d.cts'))) {
  const path = join(dist, file);
  const text = readFileSync(path, 'utf8');
  const fixed = text.replace(IMPORT, (line, bindings, specifier) => {
    const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
    if (!hasEsmTypes(name)) return line;
    return `import type ${bindings} from '${specifier}' with { 'resolution-mode': 'import' };`;
  });
  if (fixed !== text) {
    writeFileSync(path, fixed);
    console.log(`fix-cjs-types: ${file}: ESM-only type imports marked resolution-mode 'import'`);
  }
}
