/**
 * The TypeScript snippets of README.md, CONTRIBUTING.md and docs/*.md, and how to run one.
 *
 * The convention (also in CONTRIBUTING.md, "Snippets in the documents"):
 * - Every ```ts block runs, as a user would run it: saved as a file, with `from 'feedforward'`,
 *   `'feedforward/plot'` and `'feedforward/node'` pointing at this repository's sources.
 * - What a `console.log` prints is written in the `//` comment lines right below it, one
 *   comment line per printed line (`//` alone for an empty line). A comment at the end of the
 *   `console.log` line itself is an explanation, not output. Everything the snippet prints must be
 *   shown, in order, and nothing else.
 * - A snippet with top-level `await` must say in a comment that it needs `"type": "module"`;
 *   only those run as ES modules, the others as a plain `.ts` file (CommonJS under tsx).
 * - Files a snippet writes land in an empty temporary folder, its working directory.
 * - A block that cannot run on its own, on purpose, has `<!-- not run: reason -->` on the line
 *   before it. A block marked `<!-- snippet: path -->` is that file (test/readme-snippets.test.ts)
 *   and runs like any other.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Snippet {
  /** The markdown file, relative to the repository. */
  file: string;
  /** The line of the opening fence, counted from 1. */
  line: number;
  code: string;
  /** The reason given by `<!-- not run: reason -->`, if the block opts out. */
  notRun?: string;
}

/** Every ```ts (or ```typescript) block of a markdown file, with the marker on the line before it. */
export function snippetsIn(markdown: string, file: string): Snippet[] {
  const lines = markdown.split('\n');
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^(\s*)(`{3,})(\S*)/.exec(lines[i]);
    if (!fence) continue;
    const end = lines.findIndex((l, j) => j > i && l.trim() === fence[2]);
    if (end < 0) throw new Error(`${file}:${i + 1}: a code block that never closes`);
    if (fence[3] === 'ts' || fence[3] === 'typescript') {
      const marker = /^<!-- not run: (.+) -->$/.exec(lines[i - 1]?.trim() ?? '');
      snippets.push({
        file,
        line: i + 1,
        code: `${lines.slice(i + 1, end).join('\n')}\n`,
        ...(marker ? { notRun: marker[1] } : {}),
      });
    }
    i = end;
  }
  return snippets;
}

/** What the snippet says it prints: the `//` lines right below each `console.log` line. */
export function expectedOutput(code: string): string {
  const printed: string[] = [];
  let afterLog = false;
  for (const line of code.split('\n')) {
    const comment = /^\s*\/\/ ?(.*)$/.exec(line);
    if (afterLog && comment) printed.push(comment[1]);
    else afterLog = line.includes('console.log(');
  }
  return tidy(printed.join('\n'));
}

/** Output as compared: no trailing spaces on a line, no trailing empty lines. */
export const tidy = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');

/** Whether a line that starts at column 0 (outside any function) awaits. */
export const hasTopLevelAwait = (code: string): boolean =>
  code.split('\n').some((line) => /^[^\s/].*\bawait\b/.test(line));

/** Whether a comment in the snippet says it needs `"type": "module"`. */
export const saysModule = (code: string): boolean => /\/\/.*"type": "module"/.test(code);

/** The snippet with the package's import specifiers pointing at the sources in `root`. */
export function withSources(code: string, root: string): string {
  const entries: Record<string, string> = {
    feedforward: 'src/index.ts',
    'feedforward/plot': 'src/plot/index.ts',
    'feedforward/node': 'src/node.ts',
  };
  return code.replace(/(from\s+|import\s*\(\s*)(['"])(feedforward(?:\/\w+)?)\2/g, (_whole, before, quote, spec) => {
    const path = entries[spec];
    if (!path) throw new Error(`unknown entry point '${spec}'`);
    return `${before}${quote}${join(root, path)}${quote}`;
  });
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A node_modules folder of links to the packages of the repository and of its oracle package (test/oracles/),
 * as a user's project that installed both would have it: a snippet imports `@tensorflow/tfjs` and reads
 * `node_modules/vega-datasets/…` as a user would. Where both have a package, the repository's wins.
 */
function linkPackages(into: string, root: string): void {
  for (const source of [join(root, 'node_modules'), join(root, 'test', 'oracles', 'node_modules')]) {
    if (!existsSync(source)) continue;
    for (const name of readdirSync(source).filter((n) => !n.startsWith('.'))) {
      const names = name.startsWith('@') ? readdirSync(join(source, name)).map((n) => `${name}/${n}`) : [name];
      if (name.startsWith('@')) mkdirSync(join(into, name), { recursive: true });
      for (const pkg of names) if (!existsSync(join(into, pkg))) symlinkSync(join(source, pkg), join(into, pkg), 'dir');
    }
  }
}

/**
 * Runs a snippet with tsx in a fresh temporary folder (its node_modules links to the packages of the
 * repository and of its oracle package, so `@tensorflow/tfjs` and the like resolve), then removes the folder.
 */
export function runSnippet(snippet: Snippet, root: string, timeout = 60_000): Promise<Run> {
  const folder = mkdtempSync(join(tmpdir(), 'feedforward-snippet-'));
  mkdirSync(join(folder, 'node_modules'));
  linkPackages(join(folder, 'node_modules'), root);
  if (saysModule(snippet.code)) writeFileSync(join(folder, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(folder, 'snippet.ts'), withSources(snippet.code, root));
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return new Promise((resolve) => {
    execFile(process.execPath, [tsx, 'snippet.ts'], { cwd: folder, timeout, encoding: 'utf8' }, (error, stdout, stderr) => {
      rmSync(folder, { recursive: true, force: true });
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** Runs `jobs` at most `limit` at a time; the results keep the jobs' order. */
export async function pool<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

/** Reads a markdown file of the repository and returns its snippets. */
export const snippetsOf = (root: string, file: string): Snippet[] =>
  snippetsIn(readFileSync(join(root, file), 'utf8'), file);
