/**
 * The test files that cannot give another result on another engine: they never reach
 * a matrix product (affineInto) nor the engine setting. CI runs the whole suite once,
 * on 'auto', then every other test file again with FEEDFORWARD_ENGINE=wasm and =js
 * (vitest.engines.config.ts leaves these out). test/engine-files.test.ts reads each of
 * these files (and what it imports) and fails, naming the file and the chain of calls,
 * if one can reach the engine after all; a new test file runs on both engines unless
 * it is added here.
 *
 * Each file maps to the scripts its child processes run, if it starts any: the reading
 * cannot follow a process, so these are read as if the test imported them.
 */
export const ENGINE_NEUTRAL: Readonly<Record<string, readonly string[]>> = {
  'test/architecture.test.ts': [],
  'test/browser-bundle.test.ts': [],
  'test/compare.test.ts': [],
  'test/contributing.test.ts': [],
  'test/crash.test.ts': ['test/children/save-loop.ts'],
  'test/csv.test.ts': [],
  'test/datasets.test.ts': [],
  'test/engine-files.test.ts': [],
  'test/errors.test.ts': [],
  'test/format.test.ts': [],
  'test/init.test.ts': [],
  'test/load-failure-reporter.test.ts': ['test/helpers/fixtures/does-not-load.fixture.ts'],
  'test/mathjs-loader.test.ts': [],
  'test/metrics.test.ts': [],
  'test/plot-evaluation.test.ts': [],
  'test/plot-training.test.ts': [],
  'test/random.test.ts': [],
  'test/readme-snippets.test.ts': [],
  'test/validate.test.ts': [],
};
