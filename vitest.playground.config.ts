import { defineConfig } from 'vitest/config';

// The playground's page tests: a real build of examples/playground, served on
// localhost and driven in headless Chromium. Separate from `npm test` because
// they need Debian's chromium (.ci/run installs it).
export default defineConfig({
  test: {
    include: ['test/playground/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
