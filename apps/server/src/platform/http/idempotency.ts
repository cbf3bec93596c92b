import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DAY_MS, isoIn, isoNow } from '../clock.ts';
import type { Platform } from '../context.ts';
import { AppError } from '../errors/app-error.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `required`: a creating POST that must carry Idempotency-Key; `optional`: honoured when present. */
    idempotency?: 'required' | 'optional';
  }
}

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;
/** Stored responses are kept 72 hours (REL-6), long enough for an offline phone to retry. */
export const IDEMPOTENCY_TTL_MS = 3 * DAY_MS;

const fingerprintOf = (request: FastifyRequest): string =>
  createHash('sha256')
    .update(
      `${request.method} ${request.routeOptions.url ?? request.url}\n${JSON.stringify(request.params)}\n${JSON.stringify(request.body ?? null)}`,
    )
    .digest('base64url');

/**
 * REL-6: the first request with a key stores its response in the same transaction as its write; a replay gets
 * the stored response, the same key with another body gets 422, and a concurrent twin gets 409.
 */
export function installIdempotency(app: FastifyInstance, platform: Platform): void {
  app.addHook('preHandler', async (request, reply) => {
    const mode = request.routeOptions.config?.idempotency;
    if (!mode) return;
    const header = request.headers['idempotency-key'];
    const key = Array.isArray(header) ? header[0] : header;
    if (!key) {
      if (mode === 'required') throw new AppError('IDEMPOTENCY_KEY_REQUIRED');
      return;
    }
    if (!KEY_PATTERN.test(key)) {
      throw new AppError('VALIDATION_FAILED', {
        details: { issues: [{ path: 'headers.idempotency-key', message: 'format' }] },
      });
    }
    // PI-8: without a session the scope is one constant, never the IP: an `anon:<ip>` row would sit beside the
    // stored response (an anonymous report's number and tracking code) and join the IP to the report for 72 h.
    // Keys are random UUIDs made by the client, so one shared scope does not let callers collide or probe. A
    // signed-in user stays scoped by user, anonymous reports included: that keeps another account from
    // replaying their key, and the stored response is encrypted and never joined to the case row.
    const scope = request.actor ? `user:${request.actor.userId}` : 'anon';
    const fingerprint = fingerprintOf(request);
    const stored = await platform.db
      .selectFrom('idempotency_record')
      .selectAll()
      .where('scope', '=', scope)
      .where('idem_key', '=', key)
      .where('expires_at', '>', isoNow(platform.clock))
      .executeTakeFirst();
    if (stored) {
      if (stored.fingerprint !== fingerprint) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      reply.header('idempotent-replayed', 'true');
      return reply.status(stored.status_code).send(JSON.parse(platform.cipher.decrypt(stored.response_body)));
    }
    request.ctx.idempotency = {
      async store(trx, response) {
        await trx
          .deleteFrom('idempotency_record')
          .where('scope', '=', scope)
          .where('idem_key', '=', key)
          .where('expires_at', '<=', isoNow(platform.clock))
          .execute();
        await trx
          .insertInto('idempotency_record')
          .values({
            scope,
            idem_key: key,
            fingerprint,
            status_code: request.method === 'POST' ? 201 : 200,
            // Encrypted: a stored response may hold personal data or a one-time password (PI-3, SEC-25).
            response_body: platform.cipher.encrypt(JSON.stringify(response ?? null)),
            created_at: isoNow(platform.clock),
            expires_at: isoIn(platform.clock, IDEMPOTENCY_TTL_MS),
          })
          .execute();
      },
    };
  });
}

/** A unique-key violation on the idempotency table means a twin request committed first. */
export function isIdempotencyCollision(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${(error as { constraint?: string }).constraint ?? ''}` : '';
  return /idempotency_record/.test(text) && /(UNIQUE|unique|duplicate)/.test(text);
}
