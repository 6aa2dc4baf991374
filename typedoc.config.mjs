// TypeDoc (`npm run docs`): the API reference in docs/api/, one module per entry point.
// The entry points are the ones tsup builds (tsup.config.ts), so a new `feedforward/…`
// entry is documented without an edit here. A warning fails the build, and every
// export needs a doc comment (validation.notDocumented).
import { sourceEntries } from './scripts/entries.mjs';

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: 'feedforward',
  entryPoints: sourceEntries,
  out: 'docs/api',
  readme: 'README.md',
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
