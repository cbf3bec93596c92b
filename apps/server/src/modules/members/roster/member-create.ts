import { CreateMemberBodySchema, idNumberBirthDate, type MemberDetail } from '@linli/contracts';
import type { z } from 'zod';
import type { Db } from '../../../db/database.ts';
import { requireActor } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow, shanghaiDate } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { fromBool } from '../../../platform/sql-helpers.ts';
import { type Trx, transact } from '../../../platform/transaction.ts';
import { idNumberColumns, idNumberIndex, invalidField, nameColumns, phoneColumns } from './member-derive.ts';
import { getMemberDetailIn } from './member-detail.ts';
import {
  authorizeWriteOnPlaces,
  checkHousehold,
  checkWorkUnit,
  type MemberPlaces,
  placePaths,
  resolveBranch,
  resolveCompound,
} from './member-places.ts';

/**
 * Dates staff type that the contract cannot judge alone: none in the future, and nobody joins the Party before
 * they are born (400 on the field).
 */
export function checkMemberDates(
  today: string,
  birthDate: string,
  dates: { joinedOn: string; fullMemberOn: string | null | undefined },
): void {
  if (dates.joinedOn > today) throw invalidField('body.joinedOn', 'dateInFuture');
  if (dates.fullMemberOn && dates.fullMemberOn > today) throw invalidField('body.fullMemberOn', 'dateInFuture');
  if (dates.joinedOn <= birthDate) throw invalidField('body.joinedOn', 'joinedBeforeBirth');
}

/** 409 DUPLICATE when another member already carries the ID number (found by its blind index). */
export async function assertIdNumberFree(
  ctx: Ctx,
  db: Db | Trx,
  idNumber: string,
  exceptMemberId?: string,
): Promise<void> {
  const taken = await db
    .selectFrom('member')
    .select('id')
    .where('id_number_index', '=', idNumberIndex(ctx, idNumber))
    .$if(exceptMemberId !== undefined, (qb) => qb.where('id', '!=', exceptMemberId ?? ''))
    .executeTakeFirst();
  if (taken) throw new AppError('DUPLICATE', { details: { field: 'idNumber' } });
}

/**
 * Puts a Party member on the roster. The caller needs `member.write` over the branch or the residence compound;
 * the branch must be a membership-holding org unit and the household in the residence compound. Birth date and
 * gender come from the ID number; the ID, phone and address are stored encrypted with blind indexes for search,
 * and the audit row names the places, never the PII.
 */
export async function createMember(ctx: Ctx, input: z.input<typeof CreateMemberBodySchema>): Promise<MemberDetail> {
  requireActor(ctx);
  const body = CreateMemberBodySchema.parse(input);
  const places: MemberPlaces = {
    branch: body.branchId ? await resolveBranch(ctx.db, body.branchId) : null,
    compound: body.residenceCompoundId ? await resolveCompound(ctx.db, body.residenceCompoundId) : null,
  };
  const paths = placePaths(places);
  authorizeWriteOnPlaces(ctx, paths);
  if (body.householdId) await checkHousehold(ctx.db, body.householdId, places.compound?.id ?? null);
  if (body.workUnitId) await checkWorkUnit(ctx.db, body.workUnitId);
  checkMemberDates(shanghaiDate(ctx.clock.now()), idNumberBirthDate(body.idNumber) ?? '', {
    joinedOn: body.joinedOn,
    fullMemberOn: body.fullMemberOn,
  });
  await assertIdNumberFree(ctx, ctx.db, body.idNumber);

  const id = newId();
  const now = isoNow(ctx.clock);
  return transact(ctx, async (trx) => {
    await trx
      .insertInto('member')
      .values({
        id,
        ...nameColumns(body.name),
        ...idNumberColumns(ctx, body.idNumber),
        ...phoneColumns(ctx, body.phone),
        ethnicity: body.ethnicity,
        education: body.education ?? null,
        address_cipher: body.address ? ctx.cipher.encrypt(body.address) : null,
        status: body.status,
        joined_on: body.joinedOn,
        full_member_on: body.fullMemberOn ?? null,
        employment: body.employment,
        work_unit_id: body.workUnitId ?? null,
        branch_org_id: places.branch?.id ?? null,
        home_path: paths.homePath,
        residence_compound_id: places.compound?.id ?? null,
        residence_path: paths.residencePath,
        household_id: body.householdId ?? null,
        is_mobile: fromBool(body.isMobile),
        is_lost_contact: fromBool(body.isLostContact),
        user_id: null,
        badge_token: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx, {
      action: 'member.create',
      objectType: 'member',
      objectId: id,
      details: {
        branchId: places.branch?.id ?? null,
        residenceCompoundId: places.compound?.id ?? null,
        status: body.status,
        employment: body.employment,
      },
    });
    return getMemberDetailIn(ctx, trx, id);
  });
}
