/**
 * The doc comments' examples are code: every `@example` in src/ runs here, and
 * each `expression //=> result` in it must give that result. Every exported
 * function and class must have one (TypeDoc shows them in the API reference).
 *
 * An example is one line (`f(x) //=> 3   (the arithmetic)`) or several; a line
 * with `//=>` keeps its expression on that line. `0.1935…` means "starts with".
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sourceEntries } from '../scripts/entries.mjs';
import * as api from '../src/index.js';

const srcDir = join(__dirname, '..', 'src');
const srcFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? srcFiles(path) : path.endsWith('.ts') ? [path] : [];
  });

interface Example {
  file: string; // relative to src/
  line: number; // of the @example tag, from 1
  code: string;
}

/** Every @example block in a file: the text after the tag up to the next tag or the end of the comment. */
function examplesIn(path: string): Example[] {
  const text = readFileSync(path, 'utf8');
  const found: Example[] = [];
  for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const lines = comment[0]
      .slice(3, -2)
      .split('\n')
      .map((line) => line.replace(/^\s*\* ?/, ''));
    const firstLine = text.slice(0, comment.index).split('\n').length;
    lines.forEach((line, i) => {
      const start = line.indexOf('@example');
      if (start < 0) return;
      const body = [line.slice(start + '@example'.length)];
      for (let j = i + 1; j < lines.length && !/^\s*@\w/.test(lines[j]); j++) body.push(lines[j]);
      const code = body
        .filter((l) => !/^\s*```/.test(l))
        .join('\n')
        .trim();
      found.push({ file: relative(srcDir, path), line: firstLine + i, code });
    });
  }
  return found;
}

/** The value a `//=> text` promises: a JS literal, maybe followed by "(a comment)"; "0.19…" means a prefix. */
function expected(text: string): { prefix: string } | { value: unknown } {
  const ellipsis = text.match(/^(-?[\d.]+)…/);
  if (ellipsis) return { prefix: ellipsis[1] };
  const cuts = [text.length, ...[...text.matchAll(/\s\(/g)].map((m) => m.index)];
  for (const cut of cuts) {
    try {
      return { value: new Function(`return (${text.slice(0, cut)});`)() };
    } catch {
      // not a literal yet: the rest is a comment after a shorter literal
    }
  }
  throw new Error(`cannot read the result after //=>: ${text}`);
}

/** Numbers equal to 12 significant digits (a doc comment may print a rounded float). */
function close(got: unknown, want: unknown): boolean {
  if (typeof got === 'number' && typeof want === 'number') {
    return Object.is(got, want) || Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want));
  }
  if (Array.isArray(got) && Array.isArray(want)) {
    return got.length === want.length && got.every((g, i) => close(g, want[i]));
  }
  return Object.is(got, want);
}

/** Runs an example with the module's exports and the public API in scope; checks every `//=>`. */
async function run(example: Example): Promise<void> {
  const module = await import(join(srcDir, example.file));
  const scope: Record<string, unknown> = { ...api, ...module };
  const checks: { got: unknown; text: string }[] = [];
  const body = example.code
    .split('\n')
    .map((line) => {
      const arrow = line.indexOf('//=>');
      if (arrow < 0) return line;
      const left = line.slice(0, arrow).trim().replace(/;$/, '');
      const statements = left.lastIndexOf(';') >= 0 ? left.slice(0, left.lastIndexOf(';') + 1) : '';
      const expression = left.slice(statements.length);
      return `${statements} __check(await (${expression}), ${JSON.stringify(line.slice(arrow + 4).trim())});`;
    })
    .join('\n');
  const names = Object.keys(scope).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
  const fn = new AsyncFunction(...names, '__check', body);
  await fn(...names.map((name) => scope[name]), (got: unknown, text: string) => checks.push({ got, text }));
  for (const { got, text } of checks) {
    const want = expected(text);
    if ('prefix' in want) expect(String(got).startsWith(want.prefix), `${String(got)} starts with ${want.prefix}`).toBe(true);
    else expect(close(got, want.value), `${JSON.stringify(got)} equals ${text}`).toBe(true);
  }
}

const examples = srcFiles(srcDir).flatMap(examplesIn);

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
