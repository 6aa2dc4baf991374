/**
 * The package's entry points, read where they are declared, so every check covers a new
 * `feedforward/…` entry without an edit: package.json's "exports" (what users import) and
 * tsup.config.ts's `entry` (the source file each one is built from).
 */
import { readFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

/** The import specifiers users write: 'feedforward', 'feedforward/plot', … (package.json's "exports"). */
export const exportSpecifiers = Object.keys(pkg.exports)
  .filter((key) => key !== './package.json')
  .map((key) => (key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`));

/** The source files tsup builds them from: 'src/index.ts', 'src/plot/index.ts', … (tsup.config.ts's `entry`). */
export const sourceEntries = [
  ...readFileSync(new URL('tsup.config.ts', root), 'utf8').matchAll(/'(src\/[^']+\.ts)'/g),
].map((match) => match[1]);

/** Entry points for Node only, by name: `feedforward/node` (src/node.ts); every other one must run in a browser. */
export const isNodeOnly = (entry) => /(^|\/)node(\/index)?(\.ts)?$/.test(entry);
