import { pathToFileURL } from 'node:url';
import { buildApp } from './app.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { migrateToLatest } from './db/migrate.ts';
import { describeDatabase, openConfiguredDatabase } from './db/open-configured.ts';
import { seedDemoIfEmpty } from './demo/index.ts';
import { civicCasesJobHandlers } from './modules/civic-cases/index.ts';
import { membersJobHandlers } from './modules/members/index.ts';
import { reportsJobHandlers } from './modules/reports/index.ts';
import { platformJobHandlers, startJobRunner } from './platform/jobs/index.ts';

/** How long SIGTERM waits for in-flight requests before closing anyway (REL-9). */
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Opens and migrates the database, seeds the demo county on an empty one, serves the API and both front ends,
 * runs the job runner, and shuts down gracefully: stop accepting, drain, stop jobs, close the database.
 */
export async function serve(config: Config): Promise<void> {
  const database = await openConfiguredDatabase(config);
  await migrateToLatest(database);
  const app = await buildApp({ config, database, serveFrontEnds: true });
  const demo = config.demo ? await seedDemoIfEmpty(app.platform) : null;
  const jobs = startJobRunner(
    app.platform,
    { ...platformJobHandlers, ...membersJobHandlers, ...civicCasesJobHandlers, ...reportsJobHandlers },
    { pollMs: 1000, workerId: `pid-${process.pid}` },
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: draining in-flight requests');
    const timer = setTimeout(() => {
      app.log.error('drain timed out; exiting');
      process.exit(1);
    }, DRAIN_TIMEOUT_MS);
    timer.unref();
    await app.close();
    await jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  const address = await app.listen({ port: config.port, host: config.host });
  const base = address.replace('0.0.0.0', '127.0.0.1');
  const lines = [
    '',
    '邻里 Linli is running',
    `  Console (管理后台):   ${base}/`,
    `  H5 (移动端):         ${base}/m/`,
    `  API docs:            ${base}/api/docs`,
    `  Database:            ${describeDatabase(config)}`,
  ];
  if (demo?.created) {
    lines.push('', `Demo county 示例县 created. Accounts (shown once; also in ${demo.accountsFile}, mode 600):`);
    for (const a of demo.accounts) lines.push(`  ${a.role.padEnd(22)} ${a.username.padEnd(24)} ${a.password}`);
    lines.push('', 'Staff accounts need a TOTP code: npx linli demo totp <username>');
  } else if (demo) {
    lines.push('', `Demo accounts: ${demo.accountsFile}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

const isEntry = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
if (isEntry) {
  try {
    await serve(loadConfig());
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
