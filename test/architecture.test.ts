/**
 * The layout tells the story: src/ has one folder per chapter, and imports run one
 * way, from a chapter to the ones before it, never in a circle (type imports count):
 *
 *   core  ←  train  ←  inspect  ←  interop  ←  plot  ←  network
 *
 * The chapters speak of a network as plain data (core/types.ts: NetworkLayers,
 * NetworkParts); the `Network` class in network/ sits above them all and composes
 * them, so no chapter imports it. The doors, src/index.ts and src/node.ts, see all.
 * No exception.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CHAPTERS = ['core', 'train', 'inspect', 'interop', 'plot', 'network'] as const;

/** The package's doors beside the chapters (each sees every chapter). */
const DOORS = ['index.ts', 'node.ts'] as const;

const src = join(__dirname, '..', 'src');

/** Every .ts file under a folder (and .js, generated modules such as interop/onnx-proto.js), as a path relative to src/ ('core/matrix.ts'). */
function sourceFiles(folder = src): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : /\.[jt]s$/.test(entry.name) ? [relative(src, join(folder, entry.name))] : [],
  );
}

/** The src/ files a source text imports or re-exports (type-only ones too), relative to src/. */
function importsOf(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]);
  // './x.js' names the source x.ts, or a generated x.js that is there as it is
  return specifiers.map((spec) => {
    const path = relative(src, resolve(src, dirname(file), spec));
    return existsSync(join(src, path)) ? path : path.replace(/\.js$/, '.ts');
  });
}

/** A file's chapter: its folder, or 'door' for src/index.ts and src/node.ts. */
function chapterOf(file: string): string {
  return file.includes('/') ? file.split('/')[0] : 'door';
}

/** Where a chapter stands in the story; the doors stand after every chapter. */
function rank(chapter: string): number {
  const at = CHAPTERS.indexOf(chapter as (typeof CHAPTERS)[number]);
  return at < 0 ? CHAPTERS.length : at;
}

/** Every import that runs against the story: `from → to`, with both chapters. */
function backwardImports(graph: Map<string, string[]>): string[] {
  const found: string[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      const [a, b] = [chapterOf(from), chapterOf(to)];
      if (rank(b) > rank(a)) found.push(`${from} (${a}) imports ${to} (${b})`);
    }
  }
  return found;
}

/** One import cycle, as the files around it, or undefined when there is none (depth-first search). */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === 'done') return undefined;
    if (state.get(file) === 'open') return [...path.slice(path.indexOf(file)), file];
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(file, 'done');
    return undefined;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}

const graph = new Map(sourceFiles().map((file) => [file, importsOf(file, readFileSync(join(src, file), 'utf8'))]));

describe('the layout of src/', () => {
  it('has one folder per chapter and nothing else beside the doors, index.ts and node.ts', () => {
    const top = readdirSync(src).sort();
    expect(top).toEqual([...CHAPTERS, ...DOORS].sort());
  });

  it('reads every import, type-only and re-exports included', () => {
    const imports = importsOf(
      'core/forward.ts',
      "import type { Layer } from './types.js';\nexport { fit } from '../train/fit.js';\nimport {\n  a,\n  b,\n} from './matrix.js';",
    );
    expect(imports).toEqual(['core/types.ts', 'train/fit.ts', 'core/matrix.ts']);
  });

  it('resolves every import to a file that exists', () => {
    const missing = [...graph].flatMap(([from, targets]) => targets.filter((to) => !graph.has(to)).map((to) => `${from} → ${to}`));
    expect(missing).toEqual([]);
  });
});

describe('imports run one way: core ← train ← inspect ← interop ← plot ← network', () => {
  it('never from a chapter to a later one, with no exception', () => {
    expect(backwardImports(graph)).toEqual([]);
  });

  it('finds a backward import when there is one', () => {
    const broken = new Map(graph);
    broken.set('core/matrix.ts', [...(graph.get('core/matrix.ts') ?? []), 'inspect/kinks.ts']);
    expect(backwardImports(broken)).toEqual(['core/matrix.ts (core) imports inspect/kinks.ts (inspect)']);
  });

  it('finds the Network class imported by a chapter below it, even as a type', () => {
    const broken = new Map(graph);
    broken.set('inspect/kinks.ts', [...(graph.get('inspect/kinks.ts') ?? []), 'network/network.ts']);
    expect(backwardImports(broken)).toEqual(['inspect/kinks.ts (inspect) imports network/network.ts (network)']);
  });

  it('has no import cycle, not even through types', () => {
    expect(findCycle(graph)).toBeUndefined();
  });

  it('finds a cycle when there is one', () => {
    const circle = new Map([
      ['core/a.ts', ['core/b.ts']],
      ['core/b.ts', ['core/c.ts']],
      ['core/c.ts', ['core/a.ts']],
    ]);
    expect(findCycle(circle)).toEqual(['core/a.ts', 'core/b.ts', 'core/c.ts', 'core/a.ts']);
  });
});
