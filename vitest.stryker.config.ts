import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// The test suite as Stryker runs it (`npm run mutation`): everything but the files that
// cannot run inside its worker threads (doc-examples changes folder with process.chdir),
// that only bundle and drive a browser (browser-bundle), or that train on real data for
// tens of seconds (real-data, tfjs-training, train-bench), or that run the examples' and
// exercises' files by path from the project folder (exercises, compare, doc-snippets): Stryker would rerun those for
// almost every mutant of the core, whose unit tests check the same code in milliseconds.
// Every product runs on the JavaScript loop (FEEDFORWARD_ENGINE=js), the code Stryker
// mutates: on 'auto', the WebAssembly kernel would compute the large products and hide
// a mutant of affineIntoJS (affine.test.ts still compares the two engines).
export default mergeConfig(
  base,
  defineConfig({
    test: {
      env: { FEEDFORWARD_ENGINE: 'js' },
      // A test file that a mutant stops from loading counts as one failed test (see the reporter).
      reporters: ['default', './test/helpers/load-failure-reporter.ts'],
      exclude: [
        ...configDefaults.exclude,
        'test/doc-examples.test.ts',
        'test/browser-bundle.test.ts',
        'test/real-data.test.ts',
        'test/tfjs-training.test.ts',
        'test/train-bench/**',
        // These drive child processes (npm scripts; saves killed mid-write), which run the
        // un-mutated code and so cannot kill a mutant, only slow every run down.
        'test/exercises.test.ts',
        'test/crash.test.ts',
        'test/compare.test.ts',
        'test/doc-snippets.test.ts',
      ],
    },
  }),
);
