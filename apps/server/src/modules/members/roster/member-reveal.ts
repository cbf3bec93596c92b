import { type MemberReveal, MemberRevealBodySchema } from '@linli/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import type { Ctx } from '../../../platform/context.ts';
import { transact } from '../../../platform/transaction.ts';
import { authorizeOnMember, getMemberRef } from '../member-access.ts';

/**
 * PI-3: the unmasked ID number, phone or address of one member, for a caller holding `member.reveal` over it,
 * with a stated reason. Exactly one `member.reveal` audit row records the fields and the reason (never the
 * values), in the same transaction as the read, so no reveal goes unrecorded. The route rate-limits it (SEC-22).
 */
export async function revealMember(
  ctx: Ctx,
  id: string,
  input: z.input<typeof MemberRevealBodySchema>,
): Promise<MemberReveal> {
  const body = MemberRevealBodySchema.parse(input);
  authorizeOnMember(ctx, 'member.reveal', await getMemberRef(ctx.db, id));
  const fields = [...new Set(body.fields)];
  return transact(ctx, async (trx) => {
    const row = await trx
      .selectFrom('member')
      .select(['id_number_cipher', 'phone_cipher', 'address_cipher'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const open = (cipher: string | null) => (cipher ? ctx.cipher.decrypt(cipher) : null);
    const revealed: MemberReveal = {};
    if (fields.includes('idNumber')) revealed.idNumber = ctx.cipher.decrypt(row.id_number_cipher);
    if (fields.includes('phone')) revealed.phone = open(row.phone_cipher);
    if (fields.includes('address')) revealed.address = open(row.address_cipher);
    await appendAudit(trx, ctx, {
      action: 'member.reveal',
      objectType: 'member',
      objectId: id,
      details: { fields, reason: body.reason },
    });
    return revealed;
  });
}
