/**
 * npm run site: the whole static site in site/ (git-ignored), every link relative.
 *
 *   site/index.html, lesson.html, exercises.html, worksheet.html   the site's own pages (examples/site/)
 *   site/playground/                                                the playground (examples/playground/)
 *   site/feedforward-playground.html                                the playground as one self-contained file,
 *                                                                   opened straight from disk (vite-plugin-singlefile)
 *   site/docs/                                                      the API reference and the chapters (TypeDoc)
 *
 * Prints the size of each part at the end.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

const root = fileURLToPath(new URL('..', import.meta.url));
const site = join(root, 'site');
const playground = join(root, 'examples/playground');

rmSync(site, { recursive: true, force: true });

// The site's pages (their config lists them).
await build({ configFile: join(root, 'examples/site/vite.config.ts'), logLevel: 'warn' });

// The playground, with its own config, into site/playground/.
await build({
  configFile: join(playground, 'vite.config.ts'),
  logLevel: 'warn',
  build: { outDir: join(site, 'playground'), emptyOutDir: true },
});

// The playground again, as one file: every script and style inlined, so it runs from file:// (where a page
// may not load a module script from another file).
const single = mkdtempSync(join(tmpdir(), 'feedforward-single-'));
await build({
  configFile: join(playground, 'vite.config.ts'),
  logLevel: 'warn',
  plugins: [viteSingleFile()],
  build: { outDir: single, emptyOutDir: true },
});
renameSync(join(single, 'index.html'), join(site, 'feedforward-playground.html'));
rmSync(single, { recursive: true, force: true });

// The API reference with the chapters (typedoc.config.mjs), into site/docs/.
// (A favicon of its own, or the browser asks the server's root for one and logs a 404.)
const typedoc = ['--out', join(site, 'docs'), '--favicon', 'examples/site/favicon.svg', '--logLevel', 'Warn'];
execFileSync(join(root, 'node_modules/.bin/typedoc'), typedoc, { cwd: root, stdio: 'inherit' });

/** Bytes under a path. */
function size(path) {
  const stat = statSync(path);
  return stat.isDirectory() ? readdirSync(path).reduce((sum, name) => sum + size(join(path, name)), 0) : stat.size;
}
const kB = (bytes) => `${(bytes / 1000).toFixed(0)} kB`;
console.log(`site/ written: ${kB(size(site))} in all`);
for (const part of ['playground', 'feedforward-playground.html', 'docs'])
  console.log(`  ${relative(root, join(site, part))}: ${kB(size(join(site, part)))}`);
