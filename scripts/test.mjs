#!/usr/bin/env node
// `npm test`: the whole suite, in order, stopping at the first failure.
//
//   biome check → tsc -b → depcruise → vitest (SQLite) → vitest (PostgreSQL) → build front ends if needed
//   → browser tests (SQLite) → browser tests (PostgreSQL)
//
// PostgreSQL runs when LINLI_TEST_PG_URL points at a server whose user may CREATE DATABASE
// (`eval "$(scripts/pg-throwaway.sh start)"` gives one). The browser tests need /usr/bin/chromium.
// With CI=true a missing PostgreSQL or Chromium fails the run instead of being skipped.
// The last line is always `N passed, N failed`, summed over every vitest run.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const isCi = process.env.CI === 'true' || process.env.CI === '1';
const pgUrl = process.env.LINLI_TEST_PG_URL || '';
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const reportDir = mkdtempSync(join(tmpdir(), 'linli-test-'));

const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (useColour ? `\u001b[${code}m${text}\u001b[0m` : text);
const bold = (t) => paint('1', t);
const red = (t) => paint('31', t);
const green = (t) => paint('32', t);
const yellow = (t) => paint('33', t);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

const totals = { passed: 0, failed: 0 };
const ran = [];

function header(title) {
  const line = '─'.repeat(Math.max(8, 100 - title.length - 4));
  console.log(`\n${bold(`── ${title} ${line}`)}`);
}

/** Runs a command with inherited output; resolves to its exit code (a signal counts as a failure). */
function run(command, args, env = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (error) => {
      console.error(red(`could not start ${command}: ${error.message}`));
      resolvePromise(127);
    });
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 128 : 1)));
  });
}

/** Reads vitest's JSON report. A file that failed to load (no test ran in it) counts as one failure. */
function vitestCounts(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const brokenFiles = (report.testResults ?? []).filter(
    (r) => r.status === 'failed' && (r.assertionResults ?? []).every((a) => a.status !== 'failed'),
  ).length;
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + brokenFiles };
}

/** One vitest run with the human reporter on the console and a JSON report to count from. */
async function vitest(name, configArgs, env) {
  const out = join(reportDir, `${name.replace(/[^a-z0-9]+/gi, '-')}.json`);
  const code = await run(
    bin('vitest'),
    ['run', ...configArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    env,
  );
  const counts = vitestCounts(out);
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed`);
  } else if (code !== 0) {
    totals.failed += 1;
    console.log(red(`${name}: vitest wrote no report (exit ${code}); counted as 1 failure`));
  }
  if (code === 0 && counts && counts.failed > 0) return 1;
  return code;
}

function finish(failedStep) {
  header('summary');
  for (const step of ran) {
    const mark =
      step.status === 'ok' ? green('ok     ') : step.status === 'skipped' ? yellow('skipped') : red('FAILED ');
    console.log(`  ${mark} ${step.name.padEnd(44)} ${step.ms === null ? '' : seconds(step.ms)}`);
  }
  const total = ran.reduce((sum, s) => sum + (s.ms ?? 0), 0);
  console.log(`  total ${seconds(total)}`);
  if (failedStep) console.log(red(`\nnpm test failed at: ${failedStep}`));
  rmSync(reportDir, { recursive: true, force: true });
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(failedStep || totals.failed > 0 ? 1 : 0);
}

function skip(name, why) {
  header(`${name} — skipped`);
  console.log(yellow(why));
  ran.push({ name, status: 'skipped', ms: null });
}

async function step(name, action) {
  header(name);
  const started = Date.now();
  const code = await action();
  const ms = Date.now() - started;
  const ok = code === 0;
  ran.push({ name, status: ok ? 'ok' : 'failed', ms });
  console.log(ok ? green(`✓ ${name} (${seconds(ms)})`) : red(`✗ ${name} failed with exit ${code} (${seconds(ms)})`));
  if (!ok) finish(name);
}

const PG_HELP =
  'To include PostgreSQL, start a throwaway server and run again:\n' +
  '  eval "$(scripts/pg-throwaway.sh start)"   # exports LINLI_TEST_PG_URL and PGDATA_DIR\n' +
  '  npm test\n' +
  '  scripts/pg-throwaway.sh stop "$PGDATA_DIR"';

// In CI, a missing PostgreSQL or Chromium is a failure, found before spending minutes on the rest.
if (isCi) {
  const missing = [];
  if (!pgUrl) missing.push('LINLI_TEST_PG_URL is not set (CI must run the suite on PostgreSQL too)');
  if (!hasChromium) missing.push(`${CHROMIUM} is missing (CI must run the browser tests)`);
  if (missing.length > 0) {
    header('preflight');
    for (const m of missing) console.error(red(`CI=true: ${m}`));
    ran.push({ name: 'preflight', status: 'failed', ms: 0 });
    finish('preflight');
  }
}

await step('biome check', () => run(bin('biome'), ['check', '.']));
await step('tsc -b', () => run(bin('tsc'), ['-b']));
await step('depcruise (module boundaries)', () =>
  run(bin('depcruise'), ['apps', 'packages', '--config', '.dependency-cruiser.cjs']),
);
await step('vitest — SQLite', () => vitest('vitest sqlite', [], { LINLI_TEST_DB: 'sqlite' }));
if (pgUrl) {
  await step('vitest — PostgreSQL', () => vitest('vitest postgres', [], { LINLI_TEST_DB: 'postgres' }));
} else {
  skip('vitest — PostgreSQL', `PostgreSQL skipped: LINLI_TEST_PG_URL is not set.\n${PG_HELP}`);
}
await step('build front ends if needed', () => run(process.execPath, [join(root, 'scripts/build-if-needed.mjs')]));
if (hasChromium) {
  const e2e = ['--config', 'e2e/vitest.config.ts'];
  await step('browser tests — SQLite', () => vitest('e2e sqlite', e2e, { LINLI_TEST_DB: 'sqlite' }));
  if (pgUrl) {
    await step('browser tests — PostgreSQL', () => vitest('e2e postgres', e2e, { LINLI_TEST_DB: 'postgres' }));
  } else {
    skip('browser tests — PostgreSQL', 'PostgreSQL skipped: LINLI_TEST_PG_URL is not set (see above).');
  }
} else {
  skip(
    'browser tests',
    `Browser tests skipped: ${CHROMIUM} is missing. Install it with\n` +
      '  apt-get install -y chromium fonts-noto-cjk\n(never `playwright install`).',
  );
}
finish(null);
