import type { MemberExportFilter, MemberListItem, MemberSearchBody, Page } from '@linli/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import { authorize } from '../../../platform/access/authorize.ts';
import { shanghaiDate } from '../../../platform/clock.ts';
import type { Actor, Ctx, Platform } from '../../../platform/context.ts';
import { decodeKeyset, type Keyset } from '../../../platform/keyset-paging.ts';
import { afterKeyset, encodeCursor } from '../../../platform/pagination.ts';
import { likeContains } from '../../../platform/sql-helpers.ts';
import { memberInScope } from '../member-access.ts';
import { type MemberViewRow, selectMemberView, toMemberListItem } from './member.repository.ts';
import { idLast4Index, idNumberIndex, phoneIndex } from './member-derive.ts';

/** What a search box text means, read from its shape (docs/api.md § Members). */
export type SearchTerm =
  | { kind: 'phone'; index: string }
  | { kind: 'idNumber'; index: string }
  | { kind: 'last4'; index: string }
  | { kind: 'pinyin'; prefix: string }
  | { kind: 'name'; text: string };

export function interpretQuery(crypto: Pick<Platform, 'blindIndex'>, raw: string): SearchTerm {
  const q = raw.trim();
  if (/^\d{11}$/.test(q)) return { kind: 'phone', index: phoneIndex(crypto, q) };
  if (/^\d{17}[\dXx]$/.test(q)) return { kind: 'idNumber', index: idNumberIndex(crypto, q) };
  if (/^\d{3}[\dXx]$/.test(q)) return { kind: 'last4', index: idLast4Index(crypto, q) };
  if (/^[A-Za-z][A-Za-z\s']*$/.test(q)) return { kind: 'pinyin', prefix: q.toLowerCase().replace(/[^a-z]/g, '') };
  return { kind: 'name', text: q };
}

/**
 * `column` starts with `prefix` (lowercase a–z), as a range both databases answer from the column's index.
 * The upper bound stays within a–z (`ab` → `< ac`, `az` → `< b`), so it holds under any collation.
 */
export function letterPrefix(column: string, prefix: string): Expression<SqlBool> {
  const ref = sql.ref(column);
  const stem = prefix.replace(/z+$/, '');
  if (stem === '') return sql<SqlBool>`${ref} >= ${prefix}`;
  const upper = stem.slice(0, -1) + String.fromCharCode(stem.charCodeAt(stem.length - 1) + 1);
  return sql<SqlBool>`(${ref} >= ${prefix} AND ${ref} < ${upper})`;
}

function termCondition(term: SearchTerm): Expression<SqlBool> {
  switch (term.kind) {
    case 'phone':
      return sql<SqlBool>`member.phone_index = ${term.index}`;
    case 'idNumber':
      return sql<SqlBool>`member.id_number_index = ${term.index}`;
    case 'last4':
      return sql<SqlBool>`member.id_last4_index = ${term.index}`;
    case 'pinyin':
      return sql<SqlBool>`(${letterPrefix('member.name_pinyin', term.prefix)} OR ${letterPrefix('member.name_initials', term.prefix)})`;
    case 'name':
      return sql<SqlBool>`member.name LIKE ${likeContains(term.text)} ESCAPE '\\'`;
  }
}

export type MemberFilter = Omit<MemberExportFilter, 'q'> & { q?: string | undefined };

const SORT_COLUMNS = { name: 'member.name_pinyin', joinedOn: 'member.joined_on' } as const;

/** Every condition of a roster listing: the caller's `member.read` scope, the search text, the filters. */
function conditions(ctx: Ctx, actor: Actor, filter: MemberFilter): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [memberInScope(actor, 'member.read')];
  const eq = (column: string, value: string | number) => sql<SqlBool>`${sql.ref(column)} = ${value}`;
  if (filter.q) where.push(termCondition(interpretQuery(ctx, filter.q)));
  if (filter.branchId) where.push(eq('member.branch_org_id', filter.branchId));
  if (filter.compoundId) where.push(eq('member.residence_compound_id', filter.compoundId));
  if (filter.status) where.push(eq('member.status', filter.status));
  if (filter.employment) where.push(eq('member.employment', filter.employment));
  if (filter.reportIn) where.push(eq('member.report_in_status', filter.reportIn));
  if (filter.workUnitId) where.push(eq('member.work_unit_id', filter.workUnitId));
  if (filter.flag === 'mobile') where.push(eq('member.is_mobile', 1));
  if (filter.flag === 'lost_contact') where.push(eq('member.is_lost_contact', 1));
  return where;
}

/** The query of one keyset page of roster rows in the filter's order (pinyin or join date, then id). */
export function memberPageQuery(
  ctx: Ctx,
  actor: Actor,
  filter: MemberFilter,
  page: { after?: Keyset | undefined; limit: number },
) {
  const keyColumn = SORT_COLUMNS[filter.sort];
  const direction = filter.order === 'asc' ? 'asc' : 'desc';
  const where = conditions(ctx, actor, filter);
  if (page.after) where.push(afterKeyset(keyColumn, 'member.id', direction, page.after));
  return selectMemberView(ctx.db)
    .where((eb) => eb.and(where))
    .orderBy(keyColumn, direction)
    .orderBy('member.id', direction)
    .limit(page.limit);
}

/** `limit` roster rows after `after`; exports walk the whole listing with it in batches. */
export function memberRows(
  ctx: Ctx,
  actor: Actor,
  filter: MemberFilter,
  page: { after?: Keyset | undefined; limit: number },
): Promise<MemberViewRow[]> {
  return memberPageQuery(ctx, actor, filter, page).execute();
}

export const keyOf = (row: MemberViewRow, sort: MemberFilter['sort']): string =>
  sort === 'name' ? row.name_pinyin : row.joined_on;

/**
 * `GET /members` and `POST /members/search`: a keyset page of the roster in the caller's `member.read` scope
 * (a member counts through its branch or its residence compound), masked (PI-3). A cursor continues only the
 * sort it was taken under.
 */
export async function searchMembers(ctx: Ctx, query: MemberSearchBody): Promise<Page<MemberListItem>> {
  const actor = authorize(ctx, 'member.read');
  const listing = `${query.sort}:${query.order}`;
  const after = decodeKeyset(query.cursor, listing);
  const rows = await memberRows(ctx, actor, query, { after, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const today = shanghaiDate(ctx.clock.now());
  const last = page.at(-1);
  return {
    items: page.map((row) => toMemberListItem(ctx, row, today)),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ s: listing, k: keyOf(last, query.sort), id: last.id }) : null,
  };
}
