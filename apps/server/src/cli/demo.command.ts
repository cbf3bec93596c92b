import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../app.ts';
import type { Config } from '../config.ts';
import { migrateDownToZero, migrateToLatest } from '../db/migrate.ts';
import { openConfiguredDatabase } from '../db/open-configured.ts';
import { seedDemoIfEmpty } from '../demo/index.ts';
import { currentTotpCode } from '../platform/auth/index.ts';

/** `linli demo [--reset]`: seeds an empty database; `--reset` rolls every migration back first (all data goes). */
export async function runDemo(config: Config, reset: boolean): Promise<number> {
  const database = await openConfiguredDatabase(config);
  try {
    if (reset) await migrateDownToZero(database);
    await migrateToLatest(database);
    const app = await buildApp({ config, database, logger: false });
    const result = await seedDemoIfEmpty(app.platform);
    await app.close();
    if (!result.created) {
      process.stdout.write('The database already holds data; use `linli demo --reset` to rebuild the demo county.\n');
      return 1;
    }
    process.stdout.write(`Demo county 示例县 created. Accounts written to ${result.accountsFile}:\n`);
    for (const a of result.accounts)
      process.stdout.write(`  ${a.role.padEnd(22)} ${a.username.padEnd(24)} ${a.password}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

/** `linli demo totp <username>`: the current code of a demo staff account, so nobody needs an authenticator app. */
export async function runDemoTotp(config: Config, username: string | undefined): Promise<number> {
  if (!username) {
    process.stderr.write('usage: linli demo totp <username>\n');
    return 2;
  }
  const listed = readFileSync(join(config.dataDir, 'demo-accounts.txt'), 'utf8')
    .split('\n')
    .some((line) => line.split('\t')[1] === username);
  if (!listed) {
    process.stderr.write(`${username} is not a demo account (see ${join(config.dataDir, 'demo-accounts.txt')})\n`);
    return 1;
  }
  const database = await openConfiguredDatabase(config);
  try {
    const app = await buildApp({ config, database, logger: false });
    process.stdout.write(`${await currentTotpCode(app.platform, username)}\n`);
    await app.close();
    return 0;
  } finally {
    await database.close();
  }
}
