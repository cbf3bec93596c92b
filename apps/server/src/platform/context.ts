import type { Locale, Role, ScopeKind } from '@linli/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { Transaction } from 'kysely';
import type { Config } from '../config.ts';
import type { Database, Db, Dialect } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import type { Clock } from './clock.ts';
import type { FieldCipher, KeyRing } from './crypto/index.ts';

/** An assignment as the access checks see it: a role and the subtree it covers. */
export interface ActorAssignment {
  id: string;
  role: Role;
  scopeKind: ScopeKind;
  scopeId: string;
  scopePath: string;
}

/** The signed-in user of a request, with assignments read fresh on every request (SEC-13). */
export interface Actor {
  userId: string;
  displayName: string;
  sessionId: string;
  isStaff: boolean;
  assignments: ActorAssignment[];
}

export interface SmsSender {
  send(phone: string, text: string): Promise<void>;
}

/** Long-lived services, built once per process by `buildApp`. */
export interface Platform {
  config: Config;
  database: Database;
  db: Db;
  dialect: Dialect;
  clock: Clock;
  keys: KeyRing;
  cipher: FieldCipher;
  blindIndex: (value: string) => string;
  sms: SmsSender;
  scopes: ScopeResolver;
  log: FastifyBaseLogger;
}

/**
 * Finds where a scope object (an org node, a compound, a grid) hangs in the tree. The organisation module
 * provides it; the platform only knows the interface, so it never imports a module.
 */
export interface ScopeResolver {
  resolve(db: Db | Transaction<DB>, kind: ScopeKind, id: string): Promise<{ path: string; name: string } | undefined>;
}

export interface RequestMeta {
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  locale: Locale;
}

/** What every use case receives: the platform, who is asking, and where the request came from. */
export interface Ctx extends Platform {
  actor: Actor | null;
  request: RequestMeta;
  /** Set when the request carries an Idempotency-Key: `transact` stores the response with the write. */
  idempotency?: IdempotencyStore | undefined;
}

export interface IdempotencyStore {
  store(trx: Transaction<DB>, response: unknown): Promise<void>;
}

/** A context for work that no user started (jobs, the demo seeder, the CLI). */
export const systemCtx = (platform: Platform): Ctx => ({
  ...platform,
  actor: null,
  request: { requestId: null, ip: null, userAgent: null, locale: 'zh-CN' },
});
