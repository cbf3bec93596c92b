import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Browser tests: each file starts the real server (a fresh data directory, and a fresh PostgreSQL database when
 * LINLI_TEST_DB=postgres) and drives Debian's Chromium through playwright-core. One fork, one file at a time:
 * two Chromiums and two servers at once would only make timings flaky on a 2-core machine.
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    sequence: { concurrent: false, shuffle: false },
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    retry: 0,
  },
});
