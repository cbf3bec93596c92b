#!/usr/bin/env node
// Builds the console (apps/admin) and the H5 (apps/mobile) only when their dist/ is missing or older than a source
// they are built from: the app's src/, index.html, vite.config.ts, and packages/contracts/src. `npm start` and
// `npm test` run this; it is safe to run at any time.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const APPS = [
  { workspace: '@linli/admin', dir: 'apps/admin', label: 'console (apps/admin)' },
  { workspace: '@linli/mobile', dir: 'apps/mobile', label: 'H5 (apps/mobile)' },
];

/** The newest modification time under `path` (a file or a directory), with the file it belongs to. */
function newest(path) {
  if (!existsSync(path)) return { mtimeMs: 0, file: null };
  const stat = statSync(path);
  if (!stat.isDirectory()) return { mtimeMs: stat.mtimeMs, file: path };
  let best = { mtimeMs: 0, file: null };
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const found = newest(join(path, entry.name));
    if (found.mtimeMs > best.mtimeMs) best = found;
  }
  return best;
}

/** Why the app needs a build, or null when dist/index.html is newer than every input. */
function staleReason(app) {
  const built = join(root, app.dir, 'dist', 'index.html');
  if (!existsSync(built)) return 'dist/index.html is missing';
  const builtAt = statSync(built).mtimeMs;
  const inputs = [
    join(root, app.dir, 'src'),
    join(root, app.dir, 'index.html'),
    join(root, app.dir, 'vite.config.ts'),
    join(root, 'packages/contracts/src'),
  ];
  for (const input of inputs) {
    const found = newest(input);
    if (found.mtimeMs > builtAt) return `${relative(root, found.file)} changed after the last build`;
  }
  return null;
}

let failed = false;
for (const app of APPS) {
  const reason = staleReason(app);
  if (!reason) {
    console.log(`build-if-needed: ${app.label} is up to date`);
    continue;
  }
  console.log(`build-if-needed: building ${app.label}: ${reason}`);
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'build', '-w', app.workspace], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build-if-needed: building ${app.label} failed (exit ${result.status ?? result.signal})`);
    failed = true;
    break;
  }
  console.log(`build-if-needed: built ${app.label} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
process.exit(failed ? 1 : 0);
