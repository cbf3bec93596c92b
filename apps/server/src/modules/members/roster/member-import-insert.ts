import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { fromBool } from '../../../platform/sql-helpers.ts';
import { type Trx, transact } from '../../../platform/transaction.ts';
import { idNumberColumns, nameColumns, phoneColumns } from './member-derive.ts';
import type { ImportLookups } from './member-import-lookups.ts';
import type { ImportRow } from './member-import-rows.ts';
import { type MemberPlaces, placePaths } from './member-places.ts';

/** A validated row with its places resolved. */
export type PlacedRow = ImportRow & { places: MemberPlaces };

/** Rows per INSERT: about 30 parameters each stays well under both databases' parameter limits. */
const CHUNK = 500;

/** Work units the file names that do not exist yet (only reached when the importer may create them). */
async function createMissingWorkUnits(trx: Trx, ctx: Ctx, rows: PlacedRow[], lookups: ImportLookups) {
  const ids = new Map(lookups.workUnits);
  const created: string[] = [];
  const now = isoNow(ctx.clock);
  for (const name of new Set(rows.map((r) => r.workUnitName))) {
    if (!name || ids.has(name)) continue;
    const id = newId();
    await trx
      .insertInto('work_unit')
      .values({
        id,
        name,
        party_org_name: '',
        party_org_id: null,
        contact_name: null,
        contact_phone_cipher: null,
        address: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    ids.set(name, id);
    created.push(id);
  }
  return { ids, created };
}

function memberValues(ctx: Ctx, row: PlacedRow, workUnitId: string | null, now: string) {
  const paths = placePaths(row.places);
  return {
    id: newId(),
    ...nameColumns(row.name),
    ...idNumberColumns(ctx, row.idNumber),
    ...phoneColumns(ctx, row.phone),
    ethnicity: row.ethnicity,
    education: row.education,
    address_cipher: row.address ? ctx.cipher.encrypt(row.address) : null,
    status: row.status,
    joined_on: row.joinedOn,
    full_member_on: row.fullMemberOn,
    employment: row.employment,
    work_unit_id: workUnitId,
    branch_org_id: row.places.branch?.id ?? null,
    home_path: paths.homePath,
    residence_compound_id: row.places.compound?.id ?? null,
    residence_path: paths.residencePath,
    household_id: null,
    is_mobile: fromBool(row.isMobile),
    is_lost_contact: fromBool(row.isLostContact),
    user_id: null,
    badge_token: null,
    created_at: now,
    updated_at: now,
  };
}

/** Minimisation (PI-7): once an import is over, its spreadsheet's bytes are not kept. */
export async function dropImportFile(trx: Trx, importId: string): Promise<void> {
  const row = await trx.selectFrom('member_import').select('file_id').where('id', '=', importId).executeTakeFirst();
  if (row) await trx.deleteFrom('stored_file_content').where('file_id', '=', row.file_id).execute();
}

/**
 * Every row of a clean file in ONE transaction with the import's own status and one `member.import` audit row:
 * a crash or a unique-index clash with a concurrent write leaves nothing half-imported (the job then runs again
 * and reports the clash as a row error).
 */
export async function insertImportedMembers(
  ctx: Ctx,
  importId: string,
  rows: PlacedRow[],
  lookups: ImportLookups,
): Promise<void> {
  const now = isoNow(ctx.clock);
  await transact(ctx, async (trx) => {
    const units = await createMissingWorkUnits(trx, ctx, rows, lookups);
    for (let i = 0; i < rows.length; i += CHUNK) {
      const values = rows
        .slice(i, i + CHUNK)
        .map((row) => memberValues(ctx, row, row.workUnitName ? (units.ids.get(row.workUnitName) ?? null) : null, now));
      await trx.insertInto('member').values(values).execute();
    }
    await trx
      .updateTable('member_import')
      .set({ status: 'imported', imported_rows: rows.length, processed_rows: rows.length, finished_at: now })
      .where('id', '=', importId)
      .execute();
    await dropImportFile(trx, importId);
    await appendAudit(trx, ctx, {
      action: 'member.import',
      objectType: 'member_import',
      objectId: importId,
      details: { rows: rows.length, workUnitsCreated: units.created.length },
    });
  });
}
