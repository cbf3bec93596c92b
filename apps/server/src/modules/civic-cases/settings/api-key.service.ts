import { randomBytes } from 'node:crypto';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { transact } from '../../../platform/transaction.ts';
import { type ApiKeyRow, hashApiKey, listApiKeyRows } from './api-key.repository.ts';
import { authorizeCountyConfigure } from './settings-access.ts';

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const toView = (row: ApiKeyRow): ApiKeyView => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

/** The county's Open311 keys, newest first: names, prefixes and use, never the keys. */
export async function listApiKeys(ctx: Ctx): Promise<ApiKeyView[]> {
  authorizeCountyConfigure(ctx);
  return (await listApiKeyRows(ctx.db)).map(toView);
}

/**
 * Issues a key: 32 random bytes, base64url. The whole key is in this one answer and nowhere else (only its
 * SHA-256 is stored), so a lost key is revoked and replaced. Audited with the name and prefix.
 */
export async function issueApiKey(ctx: Ctx, body: { name: string }): Promise<ApiKeyView & { key: string }> {
  const actor = authorizeCountyConfigure(ctx);
  const key = randomBytes(32).toString('base64url');
  const row: ApiKeyRow = {
    id: newId(),
    name: body.name,
    key_hash: hashApiKey(key),
    prefix: key.slice(0, 8),
    created_by: actor.userId,
    created_at: isoNow(ctx.clock),
    last_used_at: null,
    revoked_at: null,
  };
  await transact(ctx, async (trx) => {
    await trx.insertInto('civic_api_key').values(row).execute();
    await appendAudit(trx, ctx, {
      action: 'civic_api_key.create',
      objectType: 'civic_api_key',
      objectId: row.id,
      details: { name: row.name, prefix: row.prefix },
    });
  });
  return { ...toView(row), key };
}

/** Revokes a key: Open311 calls with it fail from now on. Revoking a revoked key changes nothing. Audited once. */
export async function revokeApiKey(ctx: Ctx, id: string): Promise<void> {
  authorizeCountyConfigure(ctx);
  await transact(ctx, async (trx) => {
    const row = await trx.selectFrom('civic_api_key').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('civic_api_key');
    if (row.revoked_at) return;
    await trx
      .updateTable('civic_api_key')
      .set({ revoked_at: isoNow(ctx.clock) })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx, {
      action: 'civic_api_key.revoke',
      objectType: 'civic_api_key',
      objectId: id,
      details: { name: row.name, prefix: row.prefix },
    });
  });
}
