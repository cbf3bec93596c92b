import { describe, expect, it } from 'vitest';
import { DEFAULT_SCALE_SEED } from '../apps/server/src/demo/scale/scale-plan.ts';
import { OptionsError, parseOptions, SCENARIO_IDS, scenariosToRun } from './options.ts';

describe('bench options', () => {
  it("defaults to the county with the generator's own seed on SQLite, every scenario, 10-second runs after a 3-second warm-up", () => {
    expect(parseOptions([])).toEqual({
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
    });
  });

  it('reads every flag the README documents', () => {
    const options = parseOptions([
      '--scale',
      'small',
      '--seed',
      '7',
      '--pg',
      '--pg-url',
      'postgres://postgres@127.0.0.1:5432/postgres',
      '--only',
      's4,S1',
      '--duration',
      '20',
      '--residents',
      '1500',
      '--cpu-prof',
    ]);
    expect(options).toMatchObject({
      scale: 'small',
      seed: 7,
      pg: true,
      pgUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
      only: ['S1', 'S4'],
      durationSeconds: 20,
      residents: 1500,
      cpuProfile: true,
    });
  });

  it('refuses unknown flags, unknown scenarios, missing values and non-positive numbers', () => {
    expect(() => parseOptions(['--fast'])).toThrow(OptionsError);
    expect(() => parseOptions(['--only', 'S1,S9'])).toThrow('unknown scenario S9');
    expect(() => parseOptions(['--scale'])).toThrow('--scale needs a value');
    expect(() => parseOptions(['--scale', 'city'])).toThrow('--scale must be one of');
    expect(() => parseOptions(['--duration', '0'])).toThrow('--duration needs a positive whole number');
    expect(() => parseOptions(['--seed', '1.5'])).toThrow('--seed needs a positive whole number');
  });

  it('takes --pg-url only with --pg, only as a postgres URL, and needs it for a --data directory on PostgreSQL', () => {
    expect(() => parseOptions(['--pg-url', 'postgres://h/db'])).toThrow('--pg-url needs --pg');
    expect(() => parseOptions(['--pg', '--pg-url', 'mysql://h/db'])).toThrow('must start with postgres://');
    expect(() => parseOptions(['--pg', '--data', '/tmp/x'])).toThrow('--data with --pg needs --pg-url');
  });

  it('runs S0 whenever S1–S3 need its ratio, and not otherwise', () => {
    expect(scenariosToRun(['S2'])).toEqual(['S0', 'S2']);
    expect(scenariosToRun(['S1', 'S4'])).toEqual(['S0', 'S1', 'S4']);
    expect(scenariosToRun(['S5', 'S6'])).toEqual(['S5', 'S6']);
    expect(scenariosToRun(['S0', 'S3'])).toEqual(['S0', 'S3']);
  });
});
