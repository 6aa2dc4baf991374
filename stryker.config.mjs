// Mutation testing: `npm run mutation` (slow, so not in CI). Stryker changes
// one thing in src/ at a time (a + into a −, a < into a <=, a message into "")
// and reruns the tests that cover it; a mutant that no test notices "survives".
// Score = killed / (killed + survived + no coverage). Target: ≥ 85% per file.
//
// Equivalent mutants (a change no test could notice because the behaviour is
// the same) are marked in src with a pragma and no more, so that teaching code
// stays readable; a mutant a test can kill gets the test instead of a pragma.
//   // Stryker disable next-line <mutator>: equivalent (see stryker.config.mjs)
// Why each marked one is equivalent:
// - activations.ts elementwise and relu loops, `n < Z.length` (→ <=), and softmax's `i < rows`
//   (→ <=): the extra pass writes past the end of a typed array, where writes do nothing.
// - activations.ts sigmoid f and df, `z >= 0` (→ >): at z = 0 both forms give exactly 0.5;
//   df's `-z` (→ z): σ′ is even, σ(−z)(1 − σ(−z)) = σ(z)(1 − σ(z)).
// - validate.ts didYouMean `let best = ''`: never read unless some name is nearer than
//   Infinity, which replaces it; allFinite's `+=` (→ −=): gives 0 or NaN exactly when += does.
// - forward.ts `Math.min(samples, …)` (→ max): a block wider than the samples only allocates
//   buffer space it never uses; `start < samples` (→ <=): a pass with start = samples has no columns.
// - atomic.ts writeAtomic's `rm(temp, { force: true })`: force only matters if the temporary file
//   is already gone; syncFolder (all): durability after a power cut cannot be observed from a test,
//   and nothing else depends on it. writeTemp's `file?.close()` (→ file.close()): the catch is reached
//   with `file` set, or from `open` itself, whose error is caught before this block.
// - tfjs-files.ts saveTfjsModel's read-back check (→ no check): every model toTfjsFiles writes reads
//   back (tfjs-handoff.test.ts); the check guards a future change of the writer. Left unmarked there:
//   `{ force: true }` where two saves may remove one file (→ {}: the file was there in every test),
//   the `where` of errors it swallows, and the `finally` that closes a read file (a leaked descriptor).
//
// Known equivalent survivors left unmarked (so as not to crowd files other
// helpers are also editing), one line each:
// - affine.ts `i + 2 <= nOut`, `j + 4 <= cols` (→ false, <, −): the 2×4 tile and the edge
//   loops add the same products in the same order, so sending a row or column down the
//   other path gives bit-identical sums (the kernel's own guarantee).
// - affine.ts `i * zStride + zCol` (→ −): every caller passes zCol = 0.
// - affine.ts `i < nOut`, `j < cols` (→ <=): the extra row or column lands past the end of
//   the output typed array (a no-op) or on an entry the next pass overwrites.
// - matrix.ts loop bounds `< rows` / `< cols` / `< data.length` (→ <=) in elementwise,
//   transpose, sumRows and randomMatrix: the extra pass writes past the end of a typed
//   array, which does nothing (and randomMatrix's extra draw is never seen).
// - losses.ts dA/dZ loops `n < A.length`, crossEntropy dZ's `i < rows` (→ <=): the extra pass
//   writes past the end of a typed array, a no-op.
// - losses.ts resolveLoss `typeof spec === 'object'` (→ true), `spec !== null` (→ true), their
//   `&&` (→ ||): `Object.values(LOSSES).includes(spec)` is true only for the three loss objects.
// - losses.ts the `makeLoss({ name, pairedWith, … })` literals (→ {} / ""): module-level, run once
//   at import, so a per-test run never activates them (every loss test fails if they change).
// - gradient-check.ts `let crossed = false` (→ true) and `let sides = []`
//   (→ ["Stryker was here"]): both are set before L() first reads them. KINK_REASON's text (→ ""):
//   module-level, run once at import (the test that matches its words fails if it changes).
// - source.ts `layer N's slope` (→ ""; l + 1 → l − 1): checkNetwork refuses a hand-made activation object
//   before toSource reads a slope, so only a built-in leakyRelu's finite slope gets there.
// - source.ts RESERVED, USED_BY_SOURCE, SOURCE_DEFAULTS and ACTIVATION_SOURCE (each string → ""):
//   module-level, run once at import; the per-test run cannot activate them. stryker.static.mjs
//   (ignoreStatic off, codegen.test.ts alone) kills every one of them: source.ts 99.0% there.
// - serialize.ts NETWORK_JSON_FORMAT (→ ""): module-level, run once at import.
// - tfjs-read.ts `i < nOut` (→ <=) in the kernel transpose: the extra write lands past the end of
//   the typed array. leakySlope's whole check (→ false): leakyReluWithSlope refuses a non-finite
//   slope itself, with the layer named the same way.
// - tfjs-write.ts foldStandardize's `i < W.rows` (→ <=): the extra row is past the end of the typed
//   arrays, a no-op.
// - expression.ts `bracketDepth(…) > depth` (→ >=), and not counting "(" (→ false / ""): the count
//   only spares the parser deep recursion; the parser's RangeError and the tree walk answer with the
//   same "nested more than 100 levels" message. The RangeError branch itself cannot be reached from
//   a test (1000 characters at depth ≤ 100 never exhaust Node's stack). `called === undefined ||`
//   (→ false): includes(undefined) is false, so the same error follows. The `a ${n.type}` fallback:
//   KINDS names every mathjs node type that can reach it.
// - optimizers.ts `slotsPerParameter > 0` (→ true, >=): sgd has none, and a loop of 0 rounds
//   pushes nothing. powerOf's `t < t0` (→ true, <=): counting again from β⁰ gives the same product.
//   The update loops' `n < w.length` (→ <=): past the end of a typed array, a no-op.
// - derivative.ts treeSize's cache (→ never hit): the same size, computed again. constantValue's
//   `type === 'ConstantNode'` (→ true): other nodes have no value, so undefined either way.
//
// Module-level code and what a test file runs at load (a `const silu = activation(…)` at the top)
// are "static" mutants: the per-test run below ignores them. stryker.static.mjs measures a module
// with them, against its own test files. Stryker's vitest runner scores a mutant that stops a test
// file from loading as survived (stryker-js#6150); test/helpers/load-failure-reporter.ts turns such a
// file into one failed test, so those mutants count as killed. Measured that way (2026-11-30):
//   ONE_TEST=test/expression.test.ts npm run mutation -- stryker.static.mjs --mutate src/core/expression.ts,src/core/derivative.ts
//     expression.ts 97.1%, derivative.ts 99.2%
//   ONE_TEST=test/tfjs-handoff.test.ts,test/tfjs-files.test.ts,test/node.test.ts npm run mutation -- stryker.static.mjs --mutate src/interop/tfjs-write.ts,src/interop/atomic.ts
//     tfjs-write.ts 98.9%, atomic.ts 100%
//   ONE_TEST=test/codegen.test.ts npm run mutation -- stryker.static.mjs --mutate src/interop/source.ts
//     source.ts 99.0%
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' }, // the suite minus what cannot run in Stryker's workers
  // The core modules this suite covers. Other modules (format.ts, mathjs-loader.ts,
  // and later training, kinks, plots) join this list when their tests do.
  // vitest compiles with esbuild, which never type-checks, so Stryker's `// @ts-nocheck` is not
  // needed; added to the generated src/core/affine-wasm.ts it breaks the test that compares its bytes.
  disableTypeChecks: false,
  mutate: [
    'src/core/matrix.ts',
    'src/core/steps.ts',
    'src/core/activations.ts', // 90.0% (2026-12-04)
    'src/core/init.ts',
    'src/core/random.ts',
    'src/core/layers.ts', // with network/network.ts and network/samples.ts: what core/network.ts was (97.4%)
    'src/network/network.ts',
    'src/network/samples.ts',
    'src/core/serialize.ts', // 99.6% (2026-11-30)
    'src/core/validate.ts', // 92.1% (2026-12-04)
    'src/core/errors.ts',
    'src/core/affine.ts',
    'src/core/forward.ts',
    'src/interop/network-files.ts', // was interop/node.ts: 100%
    'src/train/losses.ts', // 94.7% (issue 14's modules from here on)
    'src/train/gradient-check.ts', // 97.8%
    'src/train/optimizers.ts', // 92.5% (its checks at the door are issue 14's too)
    'src/interop/tfjs-read.ts', // 99.0%
    'src/interop/tfjs-write.ts', // 93.9% here (its Keras names are static): 98.9% with stryker.static.mjs
    'src/interop/atomic.ts', // 91.4% (2026-12-04: the host name's clean-up survives)
    'src/interop/source.ts', // 81.2% here, all 37 others static: 99.0% with stryker.static.mjs
    // expression.ts and derivative.ts: almost every mutant is static here (see above)
  ],
  coverageAnalysis: 'perTest', // each mutant runs only the tests that reach it
  // Module-level constants (ACTIVATIONS, INIT_LIMITS…) would need the whole suite per mutant.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 15000,
  incremental: true, // reruns only mutants whose code or tests changed
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'coverage', 'reports', 'docs/api'], // build output the tests do not read
};
