import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('has working defaults: port 8080 on loopback, SQLite in ./data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.host).toBe('127.0.0.1');
    expect(config.sqlitePath).toMatch(/\/data\/linli\.db$/);
    expect(config.databaseUrl).toBeUndefined();
  });

  it('lists every invalid variable in one error', () => {
    expect(() => loadConfig({ LINLI_PORT: 'eighty', DATABASE_URL: 'mysql://x', LINLI_MASTER_KEY: 'short' })).toThrow(
      /LINLI_PORT[\s\S]*DATABASE_URL[\s\S]*LINLI_MASTER_KEY/,
    );
  });

  it('refuses production without TLS or with debug logging', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', LINLI_TLS: 'true', LINLI_LOG_LEVEL: 'debug' })).toThrow(/debug/);
    expect(() => loadConfig({ NODE_ENV: 'production', LINLI_TLS: 'true', LINLI_DEMO: 'true' })).toThrow(/LINLI_DEMO/);
    const production = loadConfig({ NODE_ENV: 'production', LINLI_TLS: 'true' });
    expect(production.tls).toBe(true);
    expect(production.demo).toBe(false);
    expect(loadConfig({}).demo).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/linli' }).databaseUrl).toContain('postgres://');
  });
});
