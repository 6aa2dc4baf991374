// TypeDoc (`npm run docs`): the API reference in docs/api/, one module per entry point, with
// README.md as its front page and the chapters (docs/*.md, CONTRIBUTING.md) as documents.
// The entry points are the ones tsup builds (tsup.config.ts), so a new `feedforward/…`
// entry is documented without an edit here. A warning fails the build, and every
// export needs a doc comment (validation.notDocumented).
import { OptionDefaults } from 'typedoc';
import { sourceEntries } from './scripts/entries.mjs';

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: 'feedforward',
  entryPoints: sourceEntries,
  tsconfig: 'tsconfig.docs.json', // src/ only: the docs build after a plain npm install, without the oracle package
  out: 'docs/api',
  readme: 'README.md',
  // The chapters, beside the API reference, in the story's order (a new chapter is listed here, which
  // test/doc-snippets.test.ts checks); their relative links and pictures are copied along.
  // sortEntryPoints: false keeps this order (and the entry points' order) as written.
  projectDocuments: [
    'docs/training.md',
    'docs/real-data.md',
    'docs/kinks.md',
    'docs/plots.md',
    'docs/interop.md',
    'docs/onnx.md',
    'docs/using-from.md',
    'docs/errors-and-files.md',
    'docs/speed.md',
    'docs/naming.md',
    'docs/teaching.md',
    'CONTRIBUTING.md',
  ],
  sortEntryPoints: false,
  // docs/onnx.md shows the Python that exports a network from PyTorch.
  highlightLanguages: [...OptionDefaults.highlightLanguages, 'python'],
  includeVersion: true,
  sort: ['source-order'],
  excludePrivate: true,
  excludeInternal: true,
  treatWarningsAsErrors: true,
  // No "defined in" links: they need a git remote, and CI's fresh clone has none worth linking to.
  disableSources: true,
  validation: { notExported: true, invalidLink: true, rewrittenLink: true, notDocumented: true },
  requiredToBeDocumented: ['Class', 'Function', 'Variable', 'Interface', 'TypeAlias', 'Enum', 'Method', 'Accessor'],
};
