/**
 * The side-by-side count of docs/real-data.md: the penguins task with feedforward,
 * brain.js and TensorFlow.js (examples/compare/, each a script CI runs). The chapter's
 * thirteen-line script is examples/compare/feedforward.ts, and its table of line counts is
 * what `count` below says of the three files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const chapter = read('docs/real-data.md');

/**
 * A script as it reads in a user's project, where `npm install vega-datasets` puts the data set in
 * node_modules/: this repository keeps the data sets in its oracle package (test/oracles/, out of a learner's
 * `npm install`), so its scripts name the file with `dataFile('vega-datasets/…')`, imported on a line of its own.
 */
const inAProject = (code: string) =>
  code.replace(/^import \{ dataFile \} from '[./]*test\/oracles\/data-sets\.js';\n/m, '').replace(/dataFile\('([^']+)'\)/g, "'node_modules/$1'");

/** Lines that are not blank and not only a comment, sorted into imports, model, saving and loading, and the rest (plumbing). */
function count(code: string) {
  const lines = code.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('//'));
  const imports = lines.filter((l) => l.startsWith('import '));
  const rest = lines.filter((l) => !l.startsWith('import '));
  const model = rest.filter((l) => /new Network\(|Network\.for\(|\.fit\(|new brain\.NeuralNetwork\(|\.train\(|tf\.sequential\(|\.compile\(/.test(l));
  const files = rest.filter((l) => !model.includes(l) && /saveNetwork|loadNetwork|toJSON|fromJSON|withSaveHandler|fromMemory|loadLayersModel|JSON\.stringify\(\{|JSON\.parse\(saved\)/.test(l));
  return { lines: lines.length, imports: imports.length, model: model.length, files: files.length, plumbing: rest.length - model.length - files.length };
}

describe('the side-by-side count (docs/real-data.md)', () => {
  const feedforward = inAProject(read('examples/compare/feedforward.ts'));

  it("shows examples/compare/feedforward.ts as the chapter's first snippet, with the package's import names and the data set in node_modules/", () => {
    const snippet = /```ts\n([\s\S]*?)```/.exec(chapter)![1];
    const asFile = snippet.replace("from 'feedforward'", "from '../../src/index.js'").replace("from 'feedforward/node'", "from '../../src/node.js'");
    // the chapter's copy shows what it prints in the comment lines under each console.log; the file does not
    const kept: string[] = [];
    let afterLog = false;
    for (const line of asFile.split('\n')) {
      if (afterLog && line.trimStart().startsWith('//')) continue;
      afterLog = line.includes('console.log(');
      kept.push(line);
    }
    expect(kept.join('\n')).toBe(feedforward);
  });

  it('loads, splits, trains, scores, saves, loads and classifies in at most 13 lines, none of them a hand-written one-hot, argmax, split, standardizing or accuracy', () => {
    expect(count(feedforward).lines).toBeLessThanOrEqual(13);
    for (const handWritten of ['standardize(', '.apply(', 'Math.', '.filter(', '.map(', '.sort(', '.reduce(', 'shuffle', 'for (', 'indexOf']) expect(feedforward).not.toContain(handWritten);
  });

  it('prints the counts of the three scripts in its table', () => {
    const rows = [...chapter.matchAll(/^\| `examples\/compare\/(\w+)\.ts` \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|/gm)];
    expect(rows.map((r) => r[1])).toEqual(['feedforward', 'brain', 'tfjs']);
    for (const [, name, lines, imports, model, files, plumbing] of rows) {
      expect(count(inAProject(read(`examples/compare/${name}.ts`))), name).toEqual({ lines: +lines, imports: +imports, model: +model, files: +files, plumbing: +plumbing });
    }
  });
});
