import { type Config, ConfigError, loadConfig } from '../config.ts';

// Commands are imported when chosen, so `linli help` and `linli migrate` do not load the whole server.

const USAGE = `linli — the Linli 邻里 server

Usage:
  linli serve                 migrate, seed the demo county on an empty database, and serve (default)
  linli migrate [latest|down] apply all migrations, or roll every migration back
  linli demo [--reset]        create the demo county (with --reset: wipe the database first)
  linli demo --scale county|small [--seed N] [--reset]
                              build a generated county (county: 300 compounds, 1,000,000 民情 cases over five years)
  linli demo totp <username>  print the current TOTP code of a demo staff account
  linli audit verify          check the audit log's hash chain; exit 1 at the first broken link
  linli backup [<file>] [--keep N]
                              write an encrypted, checksummed snapshot of the database while the server runs
                              (default: $LINLI_DATA_DIR/backups/); --keep N deletes older ones beyond the newest N
  linli restore <file> [--force]
                              check and load a backup into an empty database (--force: replace its data);
                              stop the server first

Configuration comes from the environment (LINLI_PORT, LINLI_HOST, LINLI_DATA_DIR, DATABASE_URL, …; see README).`;

async function main(argv: string[]): Promise<number> {
  const [command = 'serve', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config: Config = loadConfig();
  switch (command) {
    case 'serve': {
      const { serve } = await import('../server.ts');
      await serve(config);
      return -1; // keeps running
    }
    case 'migrate': {
      const { runMigrate } = await import('./migrate.command.ts');
      return runMigrate(config, rest[0] ?? 'latest');
    }
    case 'demo': {
      const { runDemo, runDemoTotp } = await import('./demo.command.ts');
      if (rest[0] === 'totp') return runDemoTotp(config, rest[1]);
      if (rest.includes('--scale')) {
        const { runDemoScale } = await import('./demo-scale.command.ts');
        return runDemoScale(config, rest);
      }
      return runDemo(config, rest.includes('--reset'));
    }
    case 'backup': {
      const { runBackup } = await import('./backup.command.ts');
      return runBackup(config, rest);
    }
    case 'restore': {
      const { runRestore } = await import('./backup.command.ts');
      return runRestore(config, rest);
    }
    case 'audit': {
      if (rest[0] !== 'verify') break;
      const { runAuditVerify } = await import('./audit-verify.command.ts');
      return runAuditVerify(config);
    }
  }
  process.stderr.write(`Unknown command: ${argv.join(' ')}\n\n${USAGE}\n`);
  return 2;
}

try {
  const code = await main(process.argv.slice(2));
  if (code >= 0) process.exit(code);
} catch (error) {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
