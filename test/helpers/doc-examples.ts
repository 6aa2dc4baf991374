/**
 * Reads and runs the `@example` blocks of doc comments (test/doc-examples.test.ts).
 *
 * What an example may say after `//=>`:
 *   f(x) //=> [[1.5]]   (3·1 − 1·2 + 0.5)    a JS value, then the arithmetic in brackets
 *   f(x) //=> net.layers.length              an expression over the example's own names
 *   f(x) //=> 0.2395…                        a number that starts so
 *   f(x) //=> '<svg …</svg>'                 a string with its middle left out
 *   f(x) //=> Map { 'a' => 1 }               what console.log prints (util.inspect)
 *   f(x)
 *   //=> first printed line                  printed text over several lines,
 *   //   next printed line                   each under the `//=>` column
 *   f(x) // throws: the message              the call throws that (… for any text)
 */
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';

export interface Example {
  file: string; // path as given
  line: number; // of the @example tag, from 1
  code: string;
}

/** Every @example block in a file: the text after the tag up to the next tag or the end of the comment. */
export function examplesIn(path: string, name = path): Example[] {
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
        .replace(/^\s*\n|\s+$/g, '');
      found.push({ file: name, line: firstLine + i, code: code.replace(/^ /, '') });
    });
  }
  return found;
}

/** One `//=>`: the expression before it and what follows it. */
interface Check {
  expression: string;
  text: string; // one line, or several for printed text
  printed: boolean;
}

/** A JS expression that parses (it is not run here): the result text before "(a comment)", or all of it. */
function asExpression(text: string): string | undefined {
  // shortest first: `[[1]]   (a note)` would also parse, as a call
  const cuts = [...[...text.matchAll(/\s+\(/g)].map((m) => m.index), text.length];
  for (const cut of cuts) {
    const candidate = text.slice(0, cut).trim();
    try {
      new Function(`return (${candidate});`); // parses only
      return candidate;
    } catch {
      // the rest is a comment after a shorter expression
    }
  }
  return undefined;
}

/** Equal as values: numbers to 12 significant digits (a doc comment may round), arrays and plain objects entry by entry. */
function same(got: unknown, want: unknown): boolean {
  if (typeof got === 'number' && typeof want === 'number') {
    return Object.is(got, want) || Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want));
  }
  if (typeof want === 'string' && typeof got === 'string' && want.includes('…')) return elided(got, want);
  if (ArrayBuffer.isView(got) && Array.isArray(want)) got = Array.from(got as Float64Array); // typed arrays as lists
  if (Array.isArray(got) && Array.isArray(want)) {
    return got.length === want.length && got.every((g, i) => same(g, want[i]));
  }
  if (isPlain(got) && isPlain(want)) {
    const keys = Object.keys(want);
    return Object.keys(got).length === keys.length && keys.every((k) => same(got[k], want[k]));
  }
  return Object.is(got, want);
}
const isPlain = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;

/** `text` with "…" standing for any run of characters. */
function elided(got: string, text: string): boolean {
  const pattern = text
    .split('…')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*');
  return new RegExp(`^${pattern}$`).test(got);
}

/** What console.log would show. */
const printed = (x: unknown) =>
  typeof x === 'string'
    ? x
    : inspect(x, { depth: 6, breakLength: Number.POSITIVE_INFINITY }).replace(/\b(Map|Set)\(\d+\) \{/g, '$1 {'); // sizes optional
/** Lines without their common indent and trailing spaces, blank lines at the ends dropped. */
function dedent(text: string): string {
  const lines = text.split('\n').map((line) => line.trimEnd());
  const indent = Math.min(...lines.filter((l) => l !== '').map((l) => l.length - l.trimStart().length));
  return lines
    .map((line) => line.slice(indent))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}
/** Without white space: `[ [ 1, 2 ] ]` as printed reads as `[[1, 2]]` as written. */
const collapse = (text: string) => text.replace(/\s+/g, '');

/** Where the last `;` outside strings and brackets is in a line (−1 if none): statements end there. */
function lastStatementEnd(line: string): number {
  let last = -1;
  let depth = 0;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ';' && depth === 0) last = i;
  }
  return last;
}

/** The example as a function body: statements as written, each `//=>` a call to __check. */
function compile(code: string): { body: string; checks: Check[] } {
  const out: string[] = [];
  const checks: Check[] = [];
  const lines = code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const next = lines[i + 1]?.trim() ?? '';
    const arrow = line.indexOf('//=>');
    if (arrow < 0 && !next.startsWith('//=>')) {
      const throws = line.match(/^(.*?)\/\/\s*throws\b:?\s*(.*)$/);
      if (throws && !line.trim().startsWith('//')) {
        // `f(x) // throws: the message` (… for any text): the call must throw that
        const index = checks.push({ expression: throws[1], text: throws[2].trim(), printed: false }) - 1;
        out.push(`await __throws(${index}, async () => (\n${throws[1].trim().replace(/;$/, '')}\n));`);
      } else if (!line.trim().startsWith('//')) out.push(line);
      continue;
    }
    let left: string;
    let text: string;
    let isPrinted = false;
    if (arrow >= 0) {
      left = line.slice(0, arrow);
      text = line.slice(arrow + 4).trim();
    } else {
      // the result is printed on the lines below, each under the `//=>` column
      left = line;
      const block: string[] = [];
      for (i += 1; i < lines.length && lines[i].trim().startsWith('//'); i++) block.push(lines[i].trim().slice(4));
      i -= 1;
      text = block.join('\n');
      isPrinted = block.length > 1; // one line reads like `//=>` at the end of the line
      if (!isPrinted) text = text.trim();
    }
    left = left.trim().replace(/;$/, '');
    const split = lastStatementEnd(left);
    const statements = split >= 0 ? left.slice(0, split + 1) : '';
    const expression = left.slice(split + 1);
    const index = checks.push({ expression, text, printed: isPrinted }) - 1;
    const wanted = isPrinted ? undefined : asExpression(text);
    const want = wanted === undefined || /^-?[\d.]+…/.test(text) ? 'undefined' : `() => (${wanted})`;
    // the expression on its own lines, so a trailing "// comment" in it ends there
    out.push(`${statements} await __check(${index}, await (\n${expression}\n), ${want});`);
  }
  return { body: out.join('\n'), checks };
}

/** Runs `code` with `scope`'s names defined; returns one message per `//=>` that does not hold. */
export async function runExample(code: string, scope: Record<string, unknown>): Promise<string[]> {
  const { body, checks } = compile(code);
  const wrong: string[] = [];
  const check = async (index: number, got: unknown, want?: () => unknown) => {
    const { expression, text, printed: isPrinted } = checks[index];
    const prefix = text.match(/^(-?[\d.]+)…/)?.[1];
    const ok =
      prefix !== undefined
        ? String(got).startsWith(prefix)
        : isPrinted
          ? elided(dedent(printed(got)), dedent(text))
          : want === undefined
            ? elided(collapse(printed(got)), collapse(text))
            : same(got, await want());
    if (!ok) wrong.push(`${expression.trim()} gives ${printed(got)} but the doc says ${text}`);
  };
  const throws = async (index: number, call: () => Promise<unknown>) => {
    const { expression, text } = checks[index];
    try {
      await call();
      wrong.push(`${expression.trim()} returns, but the doc says it throws${text ? `: ${text}` : ''}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (text && !elided(message, `…${text}…`)) wrong.push(`${expression.trim()} throws "${message}" but the doc says: ${text}`);
    }
  };
  const names = Object.keys(scope).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
  try {
    await new AsyncFunction(...names, '__check', '__throws', body)(...names.map((name) => scope[name]), check, throws);
  } catch (error) {
    if (error instanceof ReferenceError) {
      throw new ReferenceError(`${error.message}: an example defines every name it uses beyond the library's exports`);
    }
    throw error;
  }
  return wrong;
}
