/**
 * The mutation runs' reporter (test/helpers/load-failure-reporter.ts): a test
 * file that fails to load must count as a failed test, or Stryker scores the
 * mutant that broke it "survived". Checked on a real vitest run of a file that throws.
 */
import { describe, expect, it } from 'vitest';
import { type Reporter, createVitest } from 'vitest/node';
import LoadFailureReporter from './helpers/load-failure-reporter.js';

const FIXTURE = 'test/helpers/fixtures/does-not-load.fixture.ts';

/** Runs vitest on the fixture alone, with only these reporters (so it prints nothing), and returns its file's tests as [name, state]. */
async function runFixture(reporters: Reporter[]): Promise<[string, string | undefined][]> {
  const vitest = await createVitest('test', { config: false, include: [FIXTURE], watch: false, reporters }, {}, {});
  try {
    await vitest.start([FIXTURE]);
    const [file] = vitest.state.getFiles();
    return file.tasks.map((task) => [task.name, task.result?.state]);
  } finally {
    await vitest.close();
  }
}

describe('LoadFailureReporter: a test file that fails to load is one failed test', () => {
  it('without it, vitest collects no test from the file (so Stryker would see nothing fail)', async () => {
    expect(await runFixture([{}])).toEqual([]);
  });
  it('with it, the file holds one failed test, "the test file loads"', async () => {
    expect(await runFixture([new LoadFailureReporter()])).toEqual([['the test file loads', 'fail']]);
  });
});
