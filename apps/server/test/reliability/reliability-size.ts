/**
 * How big the reliability suite runs. `npm run test:reliability` sets `LINLI_RELIABILITY=full` (REL-3's 50 kill -9
 * rounds); `npm test` runs the same files at the fast size, which still crashes a live writer on each database but
 * keeps the suite's share of the CI budget to well under a minute per database.
 */
export const FULL = process.env.LINLI_RELIABILITY === 'full';

/**
 * kill -9 rounds per database. PostgreSQL pays a crash recovery and a restart each round, so its fast variant
 * does fewer.
 */
export const CRASH_ROUNDS = { sqlite: FULL ? 50 : 5, postgres: FULL ? 50 : 3 } as const;

/** Concurrent write loops inside one crash writer (REL-3: "N concurrent write loops"). */
export const CRASH_WRITE_LOOPS = 4;

/** The kill lands at a random moment this long after the writer's first acknowledged commit. */
export const CRASH_DELAY_MS = { min: 100, max: 800 } as const;

/**
 * The seed of every random choice in a crash run (kill moments, the writers' stories); set LINLI_CRASH_SEED to
 * replay a failing run exactly as it went.
 */
export const CRASH_SEED = Number(process.env.LINLI_CRASH_SEED ?? 20261127);

/** Identical submissions fired at once with one Idempotency-Key (REL-6); the intake limit is 20 a minute. */
export const IDEMPOTENT_BURST = 20;
