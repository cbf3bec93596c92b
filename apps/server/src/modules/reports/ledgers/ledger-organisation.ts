import type { Db } from '../../../db/database.ts';
import { afterKeyset } from '../../../platform/pagination.ts';
import { pathStartsWith, toNumber } from '../../../platform/sql-helpers.ts';
import { STAGE_LABEL } from './ledger-labels.ts';
import { keysetSheet } from './ledger-sheet.ts';
import { column, groupBy, joined, type LedgerDef, type LedgerRow, type LedgerSource } from './ledger-types.ts';

const filtered = (source: LedgerSource) =>
  source.db
    .selectFrom('compound')
    .innerJoin('org_unit as community', 'community.id', 'compound.org_id')
    .where(pathStartsWith('compound.path', source.scope.path));

const readCompounds = (source: LedgerSource, after: { key: string; id: string } | undefined, limit: number) =>
  filtered(source)
    .select([
      'compound.id',
      'compound.name',
      'compound.path',
      'compound.address',
      'compound.rollout_stage',
      'compound.household_count',
      'compound.building_count',
      'community.name as community_name',
    ])
    .$if(after !== undefined, (qb) =>
      qb.where(afterKeyset('compound.path', 'compound.id', 'asc', after ?? { key: '', id: '' })),
    )
    .orderBy('compound.path')
    .orderBy('compound.id')
    .limit(limit)
    .execute();
type CompoundRow = Awaited<ReturnType<typeof readCompounds>>[number];

/** The 镇/街道 of each compound: the highest 党委 or 党工委 above it, one query for the batch. */
async function townsOf(db: Db, rows: CompoundRow[]): Promise<Map<string, string>> {
  const ancestors = (path: string) => path.split('/').filter(Boolean).slice(0, -1);
  const ids = [...new Set(rows.flatMap((r) => ancestors(r.path)))];
  if (ids.length === 0) return new Map();
  const committees = await db
    .selectFrom('org_unit')
    .select(['id', 'name', 'depth'])
    .where('id', 'in', ids)
    .where('kind', 'in', ['party_committee', 'working_committee'])
    .execute();
  const byId = new Map(committees.map((c) => [c.id, c]));
  const towns = new Map<string, string>();
  for (const row of rows) {
    const found = ancestors(row.path)
      .flatMap((id) => byId.get(id) ?? [])
      .sort((a, b) => a.depth - b.depth)[0];
    if (found) towns.set(row.id, found.name);
  }
  return towns;
}

/** `secretary` on a term (the contract's position), or a free-text 书记 (not 副书记) on the four-party record. */
const isSecretary = (position: string): boolean =>
  position === 'secretary' || (position.includes('书记') && !position.includes('副'));

/**
 * Each branch's secretary: from its latest committee term begun by `today` (选举产生的支部委员), else the
 * person the four-party record lists as 书记. Two queries for the batch.
 */
async function secretariesOf(
  source: LedgerSource,
  branches: Array<{ id: string; org_id: string | null }>,
): Promise<Map<string, string>> {
  const orgIds = branches.flatMap((b) => (b.org_id ? [b.org_id] : []));
  const partyIds = branches.map((b) => b.id);
  const [terms, people] = await Promise.all([
    orgIds.length === 0
      ? []
      : source.db
          .selectFrom('branch_term')
          .innerJoin('branch_term_member as m', 'm.term_id', 'branch_term.id')
          .select(['branch_term.branch_org_id', 'm.name', 'm.position'])
          .where('branch_term.branch_org_id', 'in', orgIds)
          .where('branch_term.starts_on', '<=', source.today)
          .orderBy('branch_term.starts_on', 'desc')
          .orderBy('m.sort_order')
          .execute(),
    source.db
      .selectFrom('party_person')
      .select(['party_id', 'name', 'position'])
      .where('party_id', 'in', partyIds)
      .orderBy('sort_order')
      .execute(),
  ]);
  const byParty = new Map<string, string>();
  for (const branch of branches) {
    const term = terms.find((t) => t.branch_org_id === branch.org_id && isSecretary(t.position));
    const listed = people.find((p) => p.party_id === branch.id && isSecretary(p.position));
    const name = term?.name ?? listed?.name;
    if (name) byParty.set(branch.id, name);
  }
  return byParty;
}

async function organisationCells(source: LedgerSource, rows: CompoundRow[]): Promise<LedgerRow[]> {
  const ids = rows.map((r) => r.id);
  const { db } = source;
  const [towns, parties, grids, venues, partners] = await Promise.all([
    townsOf(db, rows),
    db
      .selectFrom('compound_party')
      .select(['id', 'compound_id', 'kind', 'name', 'org_id'])
      .where('compound_id', 'in', ids)
      .execute(),
    db.selectFrom('grid').select(['compound_id', 'name']).where('compound_id', 'in', ids).orderBy('code').execute(),
    db
      .selectFrom('venue')
      .select(['compound_id', 'name'])
      .where('compound_id', 'in', ids)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('partner_unit_compound')
      .select(['compound_id', (eb) => eb.fn.countAll().as('n')])
      .where('compound_id', 'in', ids)
      .groupBy('compound_id')
      .execute(),
  ]);
  const secretaries = await secretariesOf(
    source,
    parties.filter((p) => p.kind === 'branch'),
  );
  const partiesOf = groupBy(parties, (p) => p.compound_id);
  const gridsOf = groupBy(grids, (g) => g.compound_id ?? '');
  const venuesOf = groupBy(venues, (v) => v.compound_id);
  const partnerCount = new Map(partners.map((p) => [p.compound_id, toNumber(p.n)]));
  return rows.map((c) => {
    const own = partiesOf.get(c.id) ?? [];
    const named = (kind: string) => joined(own.filter((p) => p.kind === kind).map((p) => p.name));
    const branch = own.find((p) => p.kind === 'branch');
    return [
      towns.get(c.id) ?? null,
      c.community_name,
      c.name,
      c.address,
      STAGE_LABEL[c.rollout_stage],
      c.household_count,
      c.building_count,
      branch?.name ?? null,
      branch ? (secretaries.get(branch.id) ?? null) : null,
      named('owners_committee') || null,
      named('supervisory_committee') || null,
      named('property_company') || null,
      joined((gridsOf.get(c.id) ?? []).map((g) => g.name)) || null,
      joined((venuesOf.get(c.id) ?? []).map((v) => v.name)) || null,
      partnerCount.get(c.id) ?? 0,
    ];
  });
}

/** 组织和小区台账: one row per compound in the scope, in tree order, with its four parties, grids and venues. */
export const organisationLedger: LedgerDef = {
  kind: 'organisation',
  sheets: [
    keysetSheet({
      name: '组织和小区台账',
      columns: [
        column('town', '镇（街道）', 14),
        column('community', '社区党组织', 18),
        column('compound', '小区名称', 16),
        column('address', '地址', 24),
        column('stage', '推进阶段', 10),
        column('households', '户数', 8),
        column('buildings', '楼栋数', 8),
        column('branch', '小区党支部', 18),
        column('secretary', '支部书记', 10),
        column('ownersCommittee', '业主委员会', 18),
        column('supervisoryCommittee', '居务监督委员会', 18),
        column('propertyCompany', '物业公司', 22),
        column('grids', '网格', 18),
        column('venues', '活动场所', 18),
        column('partnerUnits', '联系单位数', 10),
      ],
      base: filtered,
      read: readCompounds,
      key: (row) => row.path,
      cells: organisationCells,
    }),
  ],
};
