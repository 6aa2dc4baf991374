// Stryker with module-level ("static") mutants included, against one test file:
//   ONE_TEST=test/codegen.test.ts npm run mutation -- stryker.static.mjs --mutate src/interop/source.ts
// The per-test run of stryker.config.mjs leaves static mutants (constant tables such as
// source.ts's RESERVED and ACTIVATION_SOURCE, losses' makeLoss literals) "survived": it does not
// import the module afresh for each mutant, so code run at import never sees one. Here each reruns the whole
// file with the module imported afresh, which is affordable for one module and its own tests.
import base from './stryker.config.mjs';

export default {
  ...base,
  vitest: { configFile: 'vitest.one-file.config.ts' },
  ignoreStatic: false,
  incremental: false,
  jsonReporter: { fileName: 'reports/mutation/static.json' },
  htmlReporter: { fileName: 'reports/mutation/static.html' },
};
