import { resolve } from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const ConfigSchema = z.object({
  LINLI_PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  LINLI_HOST: z.string().min(1).default('127.0.0.1'),
  LINLI_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Behind TLS (directly or through a proxy): cookies get `Secure` and the `__Host-` prefix, HSTS is sent. */
  LINLI_TLS: booleanFromEnv.default(false),
  /** Proxy addresses whose X-Forwarded-For is trusted (WEB-9); empty trusts none. */
  LINLI_TRUST_PROXY: z.string().default(''),
  /** 32-byte master key as 64 hex chars; when unset it is read from (or created in) `$LINLI_DATA_DIR/master.key`. */
  LINLI_MASTER_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes)')
    .optional(),
  /** `aes` (AES-256-GCM, default) or `sm` (SM4-CTR + HMAC-SM3, the 商用密码 profile). */
  LINLI_CRYPTO_PROFILE: z.enum(['aes', 'sm']).default('aes'),
  /** Seeds the demo county on an empty database when serving; default on, except in production. */
  LINLI_DEMO: booleanFromEnv.optional(),
  LINLI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Comma-separated origins allowed for cookie-authenticated writes besides the server's own (WEB-2). */
  LINLI_ALLOWED_ORIGINS: z.string().default(''),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sqlitePath: string;
  env: 'development' | 'production' | 'test';
  tls: boolean;
  trustProxy: string[];
  masterKeyHex: string | undefined;
  cryptoProfile: 'aes' | 'sm';
  demo: boolean;
  logLevel: string;
  allowedOrigins: string[];
};

const list = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/**
 * Production refuses plain HTTP credentials (SEC-5: serve behind TLS, directly or via a proxy that sets it) and
 * debug logging (WEB-6).
 */
function productionProblems(c: z.infer<typeof ConfigSchema>): string[] {
  if (c.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  if (!c.LINLI_TLS) problems.push('  LINLI_TLS: must be true in production (serve behind HTTPS)');
  if (c.LINLI_DEMO === true)
    problems.push('  LINLI_DEMO: the demo county and its accounts are not allowed in production');
  if (c.LINLI_LOG_LEVEL === 'debug' || c.LINLI_LOG_LEVEL === 'trace')
    problems.push('  LINLI_LOG_LEVEL: debug and trace are not allowed in production');
  return problems;
}

/** Thrown with every problem in the environment listed, so an operator fixes them in one go. */
export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const problems = productionProblems(c);
  if (problems.length > 0) throw new ConfigError(`Invalid configuration for production:\n${problems.join('\n')}`);
  const dataDir = resolve(c.LINLI_DATA_DIR);
  return {
    port: c.LINLI_PORT,
    host: c.LINLI_HOST,
    dataDir,
    databaseUrl: c.DATABASE_URL,
    sqlitePath: resolve(dataDir, 'linli.db'),
    env: c.NODE_ENV,
    tls: c.LINLI_TLS,
    trustProxy: list(c.LINLI_TRUST_PROXY),
    masterKeyHex: c.LINLI_MASTER_KEY,
    cryptoProfile: c.LINLI_CRYPTO_PROFILE,
    demo: c.LINLI_DEMO ?? c.NODE_ENV !== 'production',
    logLevel: c.LINLI_LOG_LEVEL,
    allowedOrigins: list(c.LINLI_ALLOWED_ORIGINS),
  };
}
