#!/usr/bin/env node
// `npm run test:reliability`: the reliability suite (apps/server/test/reliability) at full size — 50 crash rounds,
// the whole bad-input corpus, every authorisation cell — on SQLite, then on PostgreSQL when LINLI_TEST_PG_URL is
// set (with CI=true it must be). `npm test` runs the same files at their fast size.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const isCi = process.env.CI === 'true' || process.env.CI === '1';
const pgUrl = process.env.LINLI_TEST_PG_URL || '';

function vitest(dialect) {
  return new Promise((resolvePromise) => {
    console.log(`\n── reliability suite — ${dialect} ──`);
    const child = spawn(join(root, 'node_modules', '.bin', 'vitest'), ['run', 'apps/server/test/reliability'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, LINLI_RELIABILITY: 'full', LINLI_TEST_DB: dialect },
    });
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 128 : 1)));
  });
}

if (!pgUrl && isCi) {
  console.error('CI=true: LINLI_TEST_PG_URL is not set; the reliability suite must run on PostgreSQL too.');
  process.exit(1);
}
let failed = (await vitest('sqlite')) !== 0;
if (pgUrl) failed = (await vitest('postgres')) !== 0 || failed;
else console.log('\nPostgreSQL skipped: LINLI_TEST_PG_URL is not set (eval "$(scripts/pg-throwaway.sh start)").');
process.exit(failed ? 1 : 0);
