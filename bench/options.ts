import { DEFAULT_SCALE_SEED } from '../apps/server/src/demo/scale/scale-plan.ts';

/** The scenarios in the order they run; S0 is the bare-Fastify baseline the others are compared with. */
export const SCENARIO_IDS = ['S0', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/**
 * `county` and `small` are the generated counties (`linli demo --scale`); `demo` is the regular 30-compound demo
 * county (`linli demo`), a quick smoke run of the bench itself whose figures mean little.
 */
export const SCALES = ['county', 'small', 'demo'] as const;
export type Scale = (typeof SCALES)[number];

export interface BenchOptions {
  scale: Scale;
  seed: number;
  /** An existing LINLI_DATA_DIR to use as it is (never rebuilt). */
  dataDir: string | null;
  pg: boolean;
  /** A PostgreSQL server URL whose user may CREATE DATABASE; without it `--pg` starts a throwaway cluster. */
  pgUrl: string | null;
  only: ScenarioId[];
  durationSeconds: number;
  warmupSeconds: number;
  /** Resident accounts S1 rotates over; null sizes the pool from the baseline's throughput. */
  residents: number | null;
  /** Run Linli under `node --cpu-prof` and print its top self-time functions afterwards. */
  cpuProfile: boolean;
  help: boolean;
}

export const USAGE = `npm run bench -- [options]

  --scale county|small|demo   dataset to build or reuse in bench/.data/ (default county)
  --seed N                    generator seed (default the generator's own, ${DEFAULT_SCALE_SEED})
  --data DIR                  use an existing LINLI_DATA_DIR as it is (S1 writes to it: pass a copy)
  --pg                        run Linli on PostgreSQL
  --pg-url URL                PostgreSQL server for --pg (default: start a throwaway cluster; slow)
  --only S1,S4                run only these scenarios (S0 runs too whenever S1-S3 need its ratio)
  --duration N                seconds per load scenario (default 10; a 3-second warm-up precedes each)
  --residents N               resident accounts S1 rotates over (default: sized from S0's throughput)
  --cpu-prof                  profile Linli (node --cpu-prof) and print its top self-time functions
  --help                      this text`;

export class OptionsError extends Error {}

const positiveInt = (flag: string, value: string | undefined): number => {
  const n = Number(value);
  if (!value || !Number.isInteger(n) || n < 1) throw new OptionsError(`${flag} needs a positive whole number`);
  return n;
};

const flagValue = (args: string[], index: number, flag: string): string => {
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new OptionsError(`${flag} needs a value`);
  return value;
};

function parseOnly(value: string): ScenarioId[] {
  const ids = value.split(',').map((s) => s.trim().toUpperCase());
  const unknown = ids.filter((id) => !(SCENARIO_IDS as readonly string[]).includes(id));
  if (unknown.length > 0) throw new OptionsError(`--only: unknown scenario ${unknown.join(', ')}`);
  return SCENARIO_IDS.filter((id) => ids.includes(id));
}

function parseScale(value: string): Scale {
  const scale = SCALES.find((s) => s === value);
  if (!scale) throw new OptionsError(`--scale must be one of ${SCALES.join(', ')}`);
  return scale;
}

/** Parses the command line after `tsx bench/run.ts`; every problem is an OptionsError naming the flag. */
export function parseOptions(args: string[]): BenchOptions {
  const options: BenchOptions = {
    scale: 'county',
    seed: DEFAULT_SCALE_SEED,
    dataDir: null,
    pg: false,
    pgUrl: null,
    only: [...SCENARIO_IDS],
    durationSeconds: 10,
    warmupSeconds: 3,
    residents: null,
    cpuProfile: false,
    help: false,
  };
  for (let i = 0; i < args.length; i += 1) {
    const flag = args[i] ?? '';
    const takesValue = !['--pg', '--cpu-prof', '--help', '-h'].includes(flag);
    const value = takesValue ? flagValue(args, i, flag) : '';
    if (takesValue) i += 1;
    if (flag === '--scale') options.scale = parseScale(value);
    else if (flag === '--seed') options.seed = positiveInt(flag, value);
    else if (flag === '--data') options.dataDir = value;
    else if (flag === '--pg') options.pg = true;
    else if (flag === '--pg-url') options.pgUrl = value;
    else if (flag === '--only') options.only = parseOnly(value);
    else if (flag === '--duration') options.durationSeconds = positiveInt(flag, value);
    else if (flag === '--residents') options.residents = positiveInt(flag, value);
    else if (flag === '--cpu-prof') options.cpuProfile = true;
    else if (flag === '--help' || flag === '-h') options.help = true;
    else throw new OptionsError(`unknown option ${flag}`);
  }
  if (options.pgUrl && !options.pg) throw new OptionsError('--pg-url needs --pg');
  if (options.pgUrl && !/^postgres(ql)?:\/\//.test(options.pgUrl)) {
    throw new OptionsError('--pg-url must start with postgres:// or postgresql://');
  }
  if (options.dataDir && options.pg && !options.pgUrl) {
    throw new OptionsError('--data with --pg needs --pg-url naming the database that holds that data');
  }
  return options;
}

/** S1–S3 are judged against S0's throughput, and S1's resident pool is sized from it: S0 runs whenever they do. */
export const scenariosToRun = (only: ScenarioId[]): ScenarioId[] =>
  only.some((id) => id === 'S1' || id === 'S2' || id === 'S3') && !only.includes('S0') ? ['S0', ...only] : only;
