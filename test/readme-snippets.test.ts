/**
 * The "Using it from…" snippets (docs/using-from.md) are files, not copies: each code block marked
 * `<!-- snippet: path -->` must equal that file, which `npm run check:package` and
 * `npm run test:browser` run. (check:package also compares the printed output.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const usingFrom = readFileSync(join(root, 'docs', 'using-from.md'), 'utf8');
const snippets = [...usingFrom.matchAll(/<!-- snippet: (\S+) -->\n```\w*\n([\s\S]*?)```\n/g)].map(([, path, code]) => ({
  path,
  code,
}));

describe("docs/using-from.md's snippets are the files the package checks run", () => {
  it('shows every consumer in scripts/consumers/', () => {
    const consumers = readdirSync(join(root, 'scripts', 'consumers')).map((name) => `scripts/consumers/${name}`);
    expect(snippets.map((s) => s.path).sort()).toEqual(consumers.sort());
  });
  for (const { path, code } of snippets) {
    it(`shows ${path} exactly as it is`, () => {
      expect(code).toBe(readFileSync(join(root, path), 'utf8'));
    });
  }
});
