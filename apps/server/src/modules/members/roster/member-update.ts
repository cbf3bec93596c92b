import {
  idNumberBirthDate,
  type MemberDetail,
  membershipDatesProblem,
  type UpdateMemberBody,
  UpdateMemberBodySchema,
} from '@linli/contracts';
import type { z } from 'zod';
import { authorize } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { shanghaiDate } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { fromBool } from '../../../platform/sql-helpers.ts';
import { transact } from '../../../platform/transaction.ts';
import { updateAtVersion } from '../../../platform/versioned-update.ts';
import { authorizeOnMember, getMemberRef } from '../member-access.ts';
import { assertIdNumberFree, checkMemberDates } from './member-create.ts';
import { idNumberColumns, invalidField, nameColumns, phoneColumns } from './member-derive.ts';
import { getMemberDetailIn } from './member-detail.ts';
import {
  checkHousehold,
  checkWorkUnit,
  type MemberPlaces,
  type PlaceRef,
  placePaths,
  resolveBranch,
  resolveCompound,
} from './member-places.ts';

async function currentRow(ctx: Ctx, id: string) {
  return ctx.db
    .selectFrom('member')
    .select([
      'branch_org_id',
      'home_path',
      'residence_compound_id',
      'residence_path',
      'household_id',
      'birth_date',
      'status',
      'joined_on',
      'full_member_on',
    ])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}
type CurrentRow = Awaited<ReturnType<typeof currentRow>>;

/** One place after the edit: kept, cleared, or a new one the caller must also hold `member.write` over. */
async function nextPlace(
  ctx: Ctx,
  given: string | null | undefined,
  current: PlaceRef | null,
  resolve: (id: string) => Promise<PlaceRef>,
): Promise<PlaceRef | null> {
  if (given === undefined) return current;
  if (given === null) return null;
  if (given === current?.id) return current;
  const place = await resolve(given);
  authorize(ctx, 'member.write', place);
  return place;
}

async function nextPlaces(ctx: Ctx, row: CurrentRow, body: UpdateMemberBody): Promise<MemberPlaces> {
  const branch = row.branch_org_id ? { id: row.branch_org_id, path: row.home_path } : null;
  const compound = row.residence_compound_id ? { id: row.residence_compound_id, path: row.residence_path } : null;
  return {
    branch: await nextPlace(ctx, body.branchId, branch, (id) => resolveBranch(ctx.db, id)),
    compound: await nextPlace(ctx, body.residenceCompoundId, compound, (id) => resolveCompound(ctx.db, id)),
  };
}

/** The household after the edit: a move to another compound drops the old one unless a new one is given. */
async function nextHousehold(ctx: Ctx, row: CurrentRow, body: UpdateMemberBody, compoundId: string | null) {
  const householdId =
    body.householdId !== undefined
      ? body.householdId
      : compoundId === row.residence_compound_id
        ? row.household_id
        : null;
  if (householdId) await checkHousehold(ctx.db, householdId, compoundId);
  return householdId;
}

/** The create rules on the record as it would be after the edit. */
function checkMergedDates(ctx: Ctx, row: CurrentRow, body: UpdateMemberBody): void {
  const merged = {
    status: body.status ?? row.status,
    joinedOn: body.joinedOn ?? row.joined_on,
    fullMemberOn: body.fullMemberOn !== undefined ? body.fullMemberOn : row.full_member_on,
  };
  const problem = membershipDatesProblem(merged);
  if (problem) throw invalidField('body.fullMemberOn', problem);
  const birthDate = body.idNumber ? (idNumberBirthDate(body.idNumber) ?? row.birth_date) : row.birth_date;
  checkMemberDates(shanghaiDate(ctx.clock.now()), birthDate, merged);
}

function plainColumns(ctx: Ctx, body: UpdateMemberBody) {
  return {
    ...(body.name !== undefined ? nameColumns(body.name) : {}),
    ...(body.idNumber !== undefined ? idNumberColumns(ctx, body.idNumber) : {}),
    ...(body.phone !== undefined ? phoneColumns(ctx, body.phone) : {}),
    ...(body.ethnicity !== undefined ? { ethnicity: body.ethnicity } : {}),
    ...(body.education !== undefined ? { education: body.education } : {}),
    ...(body.address !== undefined ? { address_cipher: body.address ? ctx.cipher.encrypt(body.address) : null } : {}),
    ...(body.status !== undefined ? { status: body.status } : {}),
    ...(body.joinedOn !== undefined ? { joined_on: body.joinedOn } : {}),
    ...(body.fullMemberOn !== undefined ? { full_member_on: body.fullMemberOn } : {}),
    ...(body.employment !== undefined ? { employment: body.employment } : {}),
    ...(body.workUnitId !== undefined ? { work_unit_id: body.workUnitId } : {}),
    ...(body.isMobile !== undefined ? { is_mobile: fromBool(body.isMobile) } : {}),
    ...(body.isLostContact !== undefined ? { is_lost_contact: fromBool(body.isLostContact) } : {}),
  };
}

/**
 * Edits a member at the version the editor read (REL-7), with `member.write` over the member; moving the member
 * (another branch or residence compound) needs `member.write` over the new place too. The create rules are
 * checked on the merged record, derived columns (pinyin, birth date, gender, indexes, paths) recomputed, and the
 * audit row lists the fields changed, never their values.
 */
export async function updateMember(
  ctx: Ctx,
  id: string,
  input: z.input<typeof UpdateMemberBodySchema>,
  expectedVersion: number,
): Promise<MemberDetail> {
  const body = UpdateMemberBodySchema.parse(input);
  authorizeOnMember(ctx, 'member.write', await getMemberRef(ctx.db, id));
  const row = await currentRow(ctx, id);
  const places = await nextPlaces(ctx, row, body);
  const paths = placePaths(places);
  const householdId = await nextHousehold(ctx, row, body, places.compound?.id ?? null);
  if (body.workUnitId) await checkWorkUnit(ctx.db, body.workUnitId);
  checkMergedDates(ctx, row, body);
  if (body.idNumber) await assertIdNumberFree(ctx, ctx.db, body.idNumber, id);

  return transact(ctx, async (trx) => {
    await updateAtVersion(trx, ctx, {
      table: 'member',
      id,
      expectedVersion,
      changes: {
        ...plainColumns(ctx, body),
        branch_org_id: places.branch?.id ?? null,
        home_path: paths.homePath,
        residence_compound_id: places.compound?.id ?? null,
        residence_path: paths.residencePath,
        household_id: householdId,
      },
    });
    await appendAudit(trx, ctx, {
      action: 'member.update',
      objectType: 'member',
      objectId: id,
      details: {
        fields: Object.keys(body),
        branchId: places.branch?.id ?? null,
        residenceCompoundId: places.compound?.id ?? null,
      },
    });
    return getMemberDetailIn(ctx, trx, id);
  });
}
