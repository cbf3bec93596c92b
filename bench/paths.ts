import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const LINLI_BIN = join(REPO_ROOT, 'apps/server/bin/linli.mjs');
/** Built datasets, one directory per dialect, scale and seed (git-ignored). */
export const DATA_ROOT = join(REPO_ROOT, 'bench/.data');
/** latest.json and one file per run (git-ignored). */
export const RESULTS_DIR = join(REPO_ROOT, 'bench/results');
