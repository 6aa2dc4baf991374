import base from './vitest.stryker.config';

// One test file (ONE_TEST, default test/codegen.test.ts) for `stryker.static.mjs`.
export default { ...base, test: { ...base.test, include: [process.env.ONE_TEST ?? 'test/codegen.test.ts'] } };
