import { afterKeyset } from '../../../platform/pagination.ts';
import { pathStartsWith } from '../../../platform/sql-helpers.ts';
import { CIVIC_ZH, POST_STATUS_LABEL } from './ledger-labels.ts';
import { keysetSheet } from './ledger-sheet.ts';
import { column, groupBy, joined, type LedgerDef, type LedgerRow, type LedgerSource } from './ledger-types.ts';

type After = { key: string; id: string } | undefined;
const NONE = { key: '', id: '' };

const posts = (source: LedgerSource) =>
  source.db.selectFrom('post').where(pathStartsWith('post.path', source.scope.path));

const readPosts = (source: LedgerSource, after: After, limit: number) =>
  posts(source)
    .innerJoin('compound', 'compound.id', 'post.compound_id')
    .innerJoin('post_category', 'post_category.id', 'post.category_id')
    .select([
      'post.id',
      'post.path',
      'post.title',
      'post.duties',
      'post.seats',
      'post.status',
      'compound.name as compound_name',
      'post_category.name as category_name',
    ])
    .$if(after !== undefined, (qb) => qb.where(afterKeyset('post.path', 'post.id', 'asc', after ?? NONE)))
    .orderBy('post.path')
    .orderBy('post.id')
    .limit(limit)
    .execute();
type PostRow = Awaited<ReturnType<typeof readPosts>>[number];

/** The members holding each post (approved claims), one query for the batch. */
async function postCells(source: LedgerSource, rows: PostRow[]): Promise<LedgerRow[]> {
  const claims = await source.db
    .selectFrom('post_claim')
    .innerJoin('member', 'member.id', 'post_claim.member_id')
    .select(['post_claim.post_id', 'member.name'])
    .where(
      'post_claim.post_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('post_claim.status', '=', 'approved')
    .orderBy('post_claim.decided_at')
    .orderBy('post_claim.id')
    .execute();
  const holders = groupBy(claims, (c) => c.post_id);
  return rows.map((p) => [
    p.compound_name,
    p.title,
    p.category_name,
    p.duties,
    p.seats,
    joined((holders.get(p.id) ?? []).map((c) => c.name)) || null,
    POST_STATUS_LABEL[p.status],
  ]);
}

/** Service records of the period (served on a day from `from` to `to`). */
function services(source: LedgerSource) {
  const period = source.period ?? { from: '', to: '' };
  return source.db
    .selectFrom('service_record as s')
    .where(pathStartsWith('s.path', source.scope.path))
    .where('s.served_on', '>=', period.from)
    .where('s.served_on', '<=', period.to);
}

const readServices = (source: LedgerSource, after: After, limit: number) =>
  services(source)
    .innerJoin('member', 'member.id', 's.member_id')
    .innerJoin('compound', 'compound.id', 's.compound_id')
    .select([
      's.id',
      's.served_on',
      's.minutes',
      's.content',
      's.rating',
      'member.name as member_name',
      'compound.name as compound_name',
    ])
    .$if(after !== undefined, (qb) => qb.where(afterKeyset('s.served_on', 's.id', 'asc', after ?? NONE)))
    .orderBy('s.served_on')
    .orderBy('s.id')
    .limit(limit)
    .execute();
type ServiceRow = Awaited<ReturnType<typeof readServices>>[number];

const serviceCells = (rows: ServiceRow[]): LedgerRow[] =>
  rows.map((s) => [
    s.served_on,
    s.member_name,
    s.compound_name,
    s.minutes,
    s.content,
    s.rating ? CIVIC_ZH.rating[s.rating] : null,
  ]);

const postSheet = keysetSheet({
  name: '设岗定责',
  columns: [
    column('compound', '小区', 16),
    column('title', '岗位名称', 18),
    column('category', '岗位类别', 12),
    column('duties', '岗位职责', 36),
    column('seats', '岗位数', 8),
    column('holders', '认领党员', 24),
    column('status', '状态', 8),
  ],
  base: posts,
  read: readPosts,
  key: (p) => p.path,
  cells: postCells,
});

const serviceSheet = keysetSheet({
  name: '服务记录',
  columns: [
    column('servedOn', '服务日期', 12),
    column('member', '党员', 10),
    column('compound', '小区', 16),
    column('minutes', '时长（分钟）', 10),
    column('content', '服务内容', 40),
    column('rating', '评价', 10),
  ],
  base: services,
  read: readServices,
  key: (s) => s.served_on,
  cells: (_source, batch) => serviceCells(batch),
});

/** 设岗定责和服务记录台账: the scope's posts with who holds them, and the period's service records. */
export const postsLedger: LedgerDef = { kind: 'posts', sheets: [postSheet, serviceSheet] };
