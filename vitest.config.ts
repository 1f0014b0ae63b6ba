import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    // expect.poll's own default (1 s) is shorter than a loaded CI machine takes to show a browser
    // change (an IndexedDB write and a render); a poll still fails, after 10 s, when it never holds.
    expect: { poll: { timeout: 10_000, interval: 100 } },
    hookTimeout: 120_000,
    env: { NODE_ENV: 'test' },
    reporters: ['default', './test/helpers/summary-reporter.ts'],
  },
});
