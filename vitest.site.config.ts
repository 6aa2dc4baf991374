import { defineConfig } from 'vitest/config';

// The site's page tests (npm run test:site): build the whole site with scripts/build-site.mjs, serve it
// on localhost, open it and its one-file playground (from file://) in headless Chromium, and that file in
// Firefox ESR too. Separate from `npm test` because they need Debian's chromium and firefox-esr (.ci/run
// installs them) and a minute to build.
export default defineConfig({
  test: {
    include: ['test/site/**/*.e2e.ts'],
    globalSetup: ['test/site/serve.ts'], // builds the site once (npm run site's script)
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
