// End-to-end tests: the built extension in real Chromium and Firefox (tests/e2e).
// Run `npm run build` first; `npm run test:e2e` runs this config.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    // Browsers are heavy and the machine has two cores: one test file at a time.
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    retry: 0,
    // Ends the run by naming every skipped test: a skipped suite must never look like a pass.
    reporters: ['default', './tests/e2e/harness/skip-summary.ts'],
  },
});
