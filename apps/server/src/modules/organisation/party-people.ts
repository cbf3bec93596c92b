import type { ReplaceCompoundPartyBody } from '@linli/contracts';
import type { Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import type { Trx } from '../../platform/transaction.ts';
import { invalidInput } from './organisation-errors.ts';

type PersonInput = ReplaceCompoundPartyBody['people'][number];

/** Same person, same key: names are compared after Unicode and whitespace normalisation ("张 三" is "张三"). */
export const normalisePersonName = (name: string): string => name.normalize('NFKC').replace(/\s+/g, '');

/** What happened to a party's people, for the audit row (counts only: names and phones stay out of it). */
export interface PeopleChange {
  kept: number;
  added: number;
  removed: number;
}

/**
 * A stored phone under an edit: an absent `phone` keeps it (the editor only ever saw it masked), `null`
 * clears it, a number replaces it, encrypted (SEC-25).
 */
function phoneCipherFor(ctx: Ctx, input: PersonInput, stored: string | null): string | null {
  if (input.phone === undefined) return stored;
  return input.phone === null ? null : ctx.cipher.encrypt(input.phone);
}

/** Every `id` must name a person already on this party, and only once; else 400 on that entry. */
function assertKnownIds(people: PersonInput[], stored: Map<string, string | null>, path: string): void {
  const seen = new Set<string>();
  people.forEach((p, i) => {
    if (p.id === undefined) return;
    if (!stored.has(p.id)) throw invalidInput(`${path}.${i}.id`, 'notAPersonOfThisParty');
    if (seen.has(p.id)) throw invalidInput(`${path}.${i}.id`, 'duplicatePerson');
    seen.add(p.id);
  });
}

/**
 * Writes a party's people as listed, in order: a person with an `id` is updated in place (keeping the
 * stored phone unless told otherwise), one without is added, one not listed is removed. The `person_key`
 * (blind index of the normalised name, 交叉任职) follows the name. `path` names the list in a 400.
 */
export async function writePartyPeople(
  trx: Trx,
  ctx: Ctx,
  party: { id: string; compoundId: string },
  people: PersonInput[],
  path: string,
): Promise<PeopleChange> {
  const rows = await trx
    .selectFrom('party_person')
    .select(['id', 'phone_cipher'])
    .where('party_id', '=', party.id)
    .execute();
  const stored = new Map(rows.map((r) => [r.id, r.phone_cipher]));
  assertKnownIds(people, stored, path);
  const keptIds = people.flatMap((p) => (p.id === undefined ? [] : [p.id]));
  await trx
    .deleteFrom('party_person')
    .where('party_id', '=', party.id)
    .$if(keptIds.length > 0, (qb) => qb.where('id', 'not in', keptIds))
    .execute();
  for (const [i, p] of people.entries()) {
    const values = {
      person_key: ctx.blindIndex(normalisePersonName(p.name)),
      name: p.name,
      position: p.position,
      phone_cipher: phoneCipherFor(ctx, p, p.id === undefined ? null : (stored.get(p.id) ?? null)),
      sort_order: i,
    };
    if (p.id === undefined) {
      await trx
        .insertInto('party_person')
        .values({ id: newId(), party_id: party.id, compound_id: party.compoundId, ...values })
        .execute();
    } else {
      await trx.updateTable('party_person').set(values).where('id', '=', p.id).execute();
    }
  }
  return { kept: keptIds.length, added: people.length - keptIds.length, removed: rows.length - keptIds.length };
}
