/**
 * A vitest reporter for mutation runs only (vitest.stryker.config.ts): a test
 * file that fails to load becomes one failed test.
 *
 * Why: Stryker's vitest runner (9.6, and 10.0 too) builds each mutant's result from
 * the tests vitest collected. A mutant that makes a test file throw while it
 * loads (a module-level `activation('x / (1 + exp(-x))')` in the test file,
 * when the mutant breaks `activation`) leaves that file with no tests at all, so
 * no test failed and the mutant was scored "survived": 393 of expression.ts's
 * and derivative.ts's mutants were. Upstream: stryker-mutator/stryker-js#6150.
 * The everyday suite does not use this reporter; vitest reports such a file as
 * failed anyway.
 */
import type { RunnerTestFile, RunnerTestSuite, RunnerTask } from 'vitest';
import type { Reporter, Vitest } from 'vitest/node';

/** Whether a suite holds a test anywhere below it. */
function hasTest(suite: RunnerTestSuite | RunnerTestFile): boolean {
  return suite.tasks.some((task) => task.type === 'test' || (task.type === 'suite' && hasTest(task)));
}

export default class LoadFailureReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(): void {
    for (const file of this.vitest?.state.getFiles() ?? []) { // the files Stryker reads its results from
      if (file.result?.state !== 'fail' || hasTest(file)) continue;
      const loads = {
        type: 'test',
        id: `${file.id}_loads`,
        name: 'the test file loads',
        mode: 'run',
        file,
        suite: file,
        meta: {},
        annotations: [],
        result: { state: 'fail', errors: file.result.errors },
      };
      file.tasks.push(loads as unknown as RunnerTask);
    }
  }
}
