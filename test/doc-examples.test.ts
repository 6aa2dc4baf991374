/**
 * The doc comments' examples are code: every `@example` in src/ runs here, and
 * each `expression //=> result` in it must give that result (the forms a result
 * may take are listed in helpers/doc-examples.ts). An example defines every name
 * it uses beyond the library's exports. Every exported function and class must
 * have one (TypeDoc shows them in the API reference).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sourceEntries } from '../scripts/entries.mjs';
import * as api from '../src/index.js';
import * as node from '../src/node.js';
import { type Example, examplesIn, runExample } from './helpers/doc-examples.js';

const srcDir = join(__dirname, '..', 'src');
const srcFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? srcFiles(path) : path.endsWith('.ts') ? [path] : [];
  });

/** Runs an example with its module's exports and the public API (feedforward and feedforward/node) in scope, in an empty folder (files it writes land there). */
async function run(example: Example): Promise<void> {
  const module = await import(join(srcDir, example.file));
  const cwd = process.cwd();
  const folder = mkdtempSync(join(tmpdir(), 'feedforward-example-'));
  process.chdir(folder);
  try {
    expect(await runExample(example.code, { ...api, ...node, ...module })).toEqual([]);
  } finally {
    process.chdir(cwd);
    rmSync(folder, { recursive: true, force: true });
  }
}

const examples = srcFiles(srcDir).flatMap((path) => examplesIn(path, relative(srcDir, path)));

describe('every @example in src/ runs and gives the result written after //=>', () => {
  it('finds the examples (one or more per module)', () => {
    expect(examples.length).toBeGreaterThan(20);
  });
  for (const example of examples) {
    it(`${example.file}:${example.line}  ${example.code.split('\n')[0]}`, async () => {
      await run(example);
    });
  }
});

/** The file a relative module specifier in `from` names: './x.js' → src/x.ts. */
const sourceOf = (from: string, specifier: string) => join(dirname(from), specifier.replace(/\.js$/, '.ts'));

/** Whether `name`, exported by `file` (declared there or re-exported from another file), has an @example. */
function hasExample(file: string, name: string): boolean {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && statement.exportClause) {
      const elements = ts.isNamedExports(statement.exportClause) ? statement.exportClause.elements : [];
      const element = elements.find((e) => e.name.text === name);
      if (element) {
        const from = (statement.moduleSpecifier as ts.StringLiteral).text;
        return hasExample(sourceOf(file, from), (element.propertyName ?? element.name).text);
      }
    }
    const declared = ts.isVariableStatement(statement)
      ? statement.declarationList.declarations.filter((d) => ts.isIdentifier(d.name) && d.name.text === name)
      : (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === name
        ? [statement]
        : [];
    if (declared.length > 0) return declared.some((d) => ts.getJSDocTags(d).some((tag) => tag.tagName.text === 'example'));
  }
  throw new Error(`${relative(srcDir, file)} does not declare or re-export ${name}`);
}

// The public entry points: every src/….ts that tsup.config.ts builds.
const entryFiles = sourceEntries.map((file) => join(srcDir, '..', file));

describe('every exported function and class has an @example', () => {
  for (const entry of entryFiles) {
    it(`${relative(join(srcDir, '..'), entry)} exports nothing callable without one`, async () => {
      const exported: Record<string, unknown> = await import(entry);
      const callable = Object.keys(exported).filter((name) => typeof exported[name] === 'function');
      expect(callable.length).toBeGreaterThan(0);
      expect(callable.filter((name) => !hasExample(entry, name))).toEqual([]);
    });
  }
});
