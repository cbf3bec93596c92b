import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The bench's own tests (`npx vitest run --config bench/vitest.config.ts`): the root config's suite does not
 * include bench/, and scenarios.test.ts starts a real Linli on the demo county, which takes a minute.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
