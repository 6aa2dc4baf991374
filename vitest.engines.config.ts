import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import { ENGINE_NEUTRAL } from './test/engine-files';
import base from './vitest.config';

// The test files whose results go through the matrix products, for CI's runs on one engine
// (FEEDFORWARD_ENGINE=wasm npx vitest run --config vitest.engines.config.ts, then =js):
// every test file but those of test/engine-files.ts, which never reach a product
// (test/engine-files.test.ts checks that list).
export default mergeConfig(
  base,
  defineConfig({
    test: { exclude: [...configDefaults.exclude, ...Object.keys(ENGINE_NEUTRAL)] },
  }),
);
