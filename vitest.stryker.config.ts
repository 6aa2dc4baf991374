import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// The test suite as Stryker runs it (`npm run mutation`): everything but the files that
// cannot run inside its worker threads (doc-examples changes folder with process.chdir)
// or that only bundle and drive a browser (browser-bundle), which no mutant of the core needs.
export default mergeConfig(
  base,
  defineConfig({
    test: { exclude: [...configDefaults.exclude, 'test/doc-examples.test.ts', 'test/browser-bundle.test.ts'] },
  }),
);
