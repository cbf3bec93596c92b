import type { Config } from '../config.ts';

/** `linli demo --scale county|small [--seed N] [--reset]` — being built (issue 6, generator). */
export async function runDemoScale(_config: Config, _args: string[]): Promise<number> {
  process.stderr.write('linli demo --scale is not available in this build\n');
  return 2;
}
