/**
 * CONTRIBUTING.md's map of src/ is the table of contents a new maintainer reads
 * first: it names every file, one line each under its folder, and nothing that
 * is not there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');

/** Every file under src/, as 'core/matrix.ts' or 'index.ts'. */
function sourceFiles(folder = join(root, 'src')): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(folder, entry.name))
      : [relative(join(root, 'src'), join(folder, entry.name))],
  );
}

/**
 * The files the map names: a line `src/name.ts …` names a door, a line `src/folder/ …` opens a
 * folder, and each indented `  name.ext …` line under it names one of its files.
 */
function mapped(text: string): string[] {
  const block = /## Where things are[\s\S]*?```text\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
  const files: string[] = [];
  let folder: string | undefined;
  for (const line of block.split('\n')) {
    const door = /^src\/([\w.-]+\.\w+)\s/.exec(line);
    const opens = /^src\/([\w-]+)\/\s/.exec(line);
    const file = /^ {2}([\w.-]+\.\w+)\s/.exec(line);
    if (door) files.push(door[1]);
    else if (opens) folder = opens[1];
    else if (file && folder) files.push(`${folder}/${file[1]}`);
    else if (!line.startsWith(' ')) folder = undefined; // test/, examples/, … are not src/
  }
  return files;
}

describe("CONTRIBUTING.md's map of src/", () => {
  const map = mapped(readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8'));

  it('names every file of src/, under its folder', () => {
    expect(sourceFiles().filter((file) => !map.includes(file))).toEqual([]);
  });

  it('names no file that is not there', () => {
    expect(map.filter((file) => !sourceFiles().includes(file))).toEqual([]);
  });

  it('is read line by line: a door, a folder and its files', () => {
    const text = '## Where things are\n```text\nsrc/index.ts   door\nsrc/core/   the article\n  matrix.ts   Matrix\ntest/   the manual\n  x.ts   not src\n```';
    expect(mapped(text)).toEqual(['index.ts', 'core/matrix.ts']);
  });
});

describe('CHANGELOG.md', () => {
  /** The kinds of change (### headings) of a version's section, in order. */
  function kinds(text: string, version: string): string[] {
    const section = text.split(/^## /m).find((part) => part.startsWith(version)) ?? '';
    return [...section.matchAll(/^### (.+)$/gm)].map((match) => match[1]);
  }
  const text = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');

  it('has one section per kind of change under Unreleased (Keep a Changelog): no second "Added" from a merge', () => {
    const unreleased = kinds(text, 'Unreleased');
    expect(unreleased.length).toBeGreaterThan(0);
    expect(unreleased).toEqual([...new Set(unreleased)]);
  });

  it('reads the kinds of one version only', () => {
    expect(kinds('## Unreleased\n### Added\n- a\n### Fixed\n- b\n## 0.1.0\n### Added\n- c\n', 'Unreleased')).toEqual(['Added', 'Fixed']);
  });
});
