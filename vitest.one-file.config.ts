import base from './vitest.stryker.config';

// One test file or a few (ONE_TEST, comma-separated; default test/codegen.test.ts) for `stryker.static.mjs`.
export default {
  ...base,
  test: { ...base.test, include: (process.env.ONE_TEST ?? 'test/codegen.test.ts').split(',') },
};
