// A reporter for the end-to-end run: a skipped test is not a pass, so the run ends by naming
// every test that did not run, with its file. Browser-specific tests are not skipped in the
// other browser: they are only defined where they apply.
import type { Reporter, TestModule } from 'vitest/node';

export default class SkipSummary implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped = testModules.flatMap((module) =>
      [...module.children.allTests('skipped')].map((test) => `  - ${test.fullName} (${module.moduleId.replace(/^.*\/tests\//, 'tests/')})`),
    );
    if (skipped.length === 0) {
      console.log('\ne2e summary: every end-to-end test ran (none skipped).');
      return;
    }
    console.log(`\ne2e summary: ${skipped.length} end-to-end test(s) did NOT run here:\n${skipped.join('\n')}`);
  }
}
