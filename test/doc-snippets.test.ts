/**
 * The documents' TypeScript is code: every ```ts block of README.md, CONTRIBUTING.md and
 * docs/*.md runs on its own (no name it does not define), and prints exactly what its
 * `//` comment lines below each `console.log` say (the convention: helpers/doc-snippets.ts).
 * The snippets run as separate tsx processes, a few at a time, each in an empty folder.
 */
import { availableParallelism } from 'node:os';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectedOutput,
  hasTopLevelAwait,
  pool,
  type Run,
  runSnippet,
  saysModule,
  snippetsOf,
  tidy,
} from './helpers/doc-snippets.js';

const root = join(__dirname, '..');
const documents = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
];
const snippets = documents.flatMap((file) => snippetsOf(root, file));
const toRun = snippets.filter((s) => s.notRun === undefined);
const notRun = snippets.filter((s) => s.notRun !== undefined);
const runs = new Map<string, Run>();
const where = (s: { file: string; line: number }) => `${s.file}:${s.line}`;

beforeAll(async () => {
  const results = await pool(
    toRun.map((s) => () => runSnippet(s, root)),
    Math.max(2, availableParallelism()),
  );
  toRun.forEach((s, i) => runs.set(where(s), results[i]));
}, 240_000);

describe('the TypeScript snippets of README.md, CONTRIBUTING.md and docs/*.md', () => {
  it('finds them: the tour in README.md and more than 10 in all', () => {
    expect(snippets.filter((s) => s.file === 'README.md').length).toBeGreaterThan(0);
    expect(toRun.length).toBeGreaterThan(10);
  });

  it("are all in TypeDoc's projectDocuments, so the API reference shows every chapter", async () => {
    const config = join(root, 'typedoc.config.mjs'); // a path, not a literal: the config has no types
    const { projectDocuments } = (await import(config)).default as { projectDocuments: string[] };
    expect([...projectDocuments].sort()).toEqual(documents.filter((f) => f !== 'README.md').sort());
  });

  it(`lists the blocks that opt out with <!-- not run: reason --> (${notRun.length}), and keeps them rare`, () => {
    console.info(
      notRun.length === 0
        ? 'no snippet opts out'
        : `not run: ${notRun.map((s) => `${where(s)} (${s.notRun})`).join('; ')}`,
    );
    expect(notRun.length).toBeLessThanOrEqual(2);
  });

  for (const s of toRun) {
    describe(where(s), () => {
      it('says it needs "type": "module" if it awaits at the top level', () => {
        expect(hasTopLevelAwait(s.code) && !saysModule(s.code)).toBe(false);
      });
      it('runs and prints what its // comments after console.log say', () => {
        const run = runs.get(where(s));
        expect(run, 'the snippet did not run').toBeDefined();
        const { code, stdout, stderr } = run as Run;
        expect(code, `exit code ${code}; stderr:\n${stderr}`).toBe(0);
        expect(tidy(stdout)).toBe(expectedOutput(s.code));
      });
    });
  }
});

describe('the output convention', () => {
  it('takes the // lines right below a console.log, and only those', () => {
    const code = [
      'const x = 1; // not output',
      'console.log(x); // an explanation',
      '// 1',
      '//',
      '// [ 2 ]',
      '',
      '// a plain comment',
      'console.log(x);',
      '// 1',
    ].join('\n');
    expect(expectedOutput(code)).toBe('1\n\n[ 2 ]\n1');
  });
  it('sees top-level await only outside functions', () => {
    expect(hasTopLevelAwait("writeFileSync('a.svg', await plot(net));")).toBe(true);
    expect(hasTopLevelAwait('async function f() {\n  await g();\n}')).toBe(false);
  });
});
