import type { DuplicateListSchema, DuplicateQuerySchema, Permission } from '@linli/contracts';
import type { z } from 'zod';
import { can, requireActor } from '../../../platform/access/authorize.ts';
import { DAY_MS } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { thumbnailUrl } from '../../../platform/files/files.service.ts';
import { toNumber } from '../../../platform/sql-helpers.ts';
import { loadCategory } from '../settings/category.repository.ts';
import { OPEN_STATUSES } from '../workflow/civic-case-status.ts';
import { boundingBox, diceSimilarity, haversineMetres } from './text-similarity.ts';

type DuplicateQuery = z.infer<typeof DuplicateQuerySchema>;
type DuplicateList = z.infer<typeof DuplicateListSchema>;

/** Suggestions look back this far: an older open case is a backlog problem, not the same report. */
const WINDOW_DAYS = 30;
/** The bounded candidate set scored in memory (newest first); more would only be noise. */
const CANDIDATES = 200;
const BEST = 5;
/** Reporters find the case to "me too" here; staff check before filing. */
const SEES_DUPLICATES: readonly Permission[] = ['civic_case.report', 'civic_case.read', 'civic_case.file'];

/**
 * `GET /civic-cases/duplicates`: while someone reports, the open cases that may be the same problem — the same
 * category or one of its children, in the same compound or within the category's radius of the point (when both
 * have one), received in the last 30 days — ranked by how alike their title and description are to `text`, best
 * five. Open to everyone who may report (it carries no reporter data: that is how a resident finds a case to
 * "me too") and to case staff. A photo thumbnail is offered only to those who may open the case itself.
 */
export async function findDuplicates(ctx: Ctx, query: DuplicateQuery): Promise<DuplicateList> {
  const actor = requireActor(ctx);
  if (!SEES_DUPLICATES.some((permission) => can(actor, permission))) {
    throw new AppError('FORBIDDEN', { details: { permission: 'civic_case.report' } });
  }
  const category = await loadCategory(ctx.db, query.categoryId);
  if (!category) {
    throw new AppError('VALIDATION_FAILED', { details: { issues: [{ path: 'categoryId', message: 'category' }] } });
  }
  const children = await ctx.db
    .selectFrom('civic_category')
    .select('id')
    .where('parent_id', '=', category.id)
    .execute();
  const point = query.lng !== undefined && query.lat !== undefined ? { lng: query.lng, lat: query.lat } : null;
  const box = point && category.duplicateRadius > 0 ? boundingBox(point, category.duplicateRadius) : null;
  const since = new Date(ctx.clock.now().getTime() - WINDOW_DAYS * DAY_MS).toISOString();

  const rows = await ctx.db
    .selectFrom('civic_case')
    .innerJoin('compound', 'compound.id', 'civic_case.compound_id')
    .select([
      'civic_case.id',
      'civic_case.number',
      'civic_case.title',
      'civic_case.description',
      'civic_case.status',
      'civic_case.compound_id',
      'civic_case.path',
      'civic_case.lng',
      'civic_case.lat',
      'civic_case.follower_count',
      'civic_case.created_at',
      'compound.name as compound_name',
    ])
    .where('civic_case.category_id', 'in', [category.id, ...children.map((c) => c.id)])
    .where('civic_case.status', 'in', OPEN_STATUSES)
    .where('civic_case.created_at', '>=', since)
    .where((eb) =>
      box
        ? eb.or([
            eb('civic_case.compound_id', '=', query.compoundId),
            eb.and([
              eb('civic_case.lat', '>=', box.minLat),
              eb('civic_case.lat', '<=', box.maxLat),
              eb('civic_case.lng', '>=', box.minLng),
              eb('civic_case.lng', '<=', box.maxLng),
            ]),
          ])
        : eb('civic_case.compound_id', '=', query.compoundId),
    )
    .orderBy('civic_case.created_at', 'desc')
    .orderBy('civic_case.id', 'desc')
    .limit(CANDIDATES)
    .execute();

  const scored = rows
    .map((row) => {
      const distance =
        point && row.lng !== null && row.lat !== null ? haversineMetres(point, { lng: row.lng, lat: row.lat }) : null;
      const similarity = query.text ? diceSimilarity(query.text, `${row.title} ${row.description}`) : 0;
      return { row, distance, similarity };
    })
    .filter(
      (c) => c.row.compound_id === query.compoundId || (c.distance !== null && c.distance <= category.duplicateRadius),
    )
    .sort(
      (a, b) =>
        b.similarity - a.similarity ||
        (a.distance ?? Number.POSITIVE_INFINITY) - (b.distance ?? Number.POSITIVE_INFINITY) ||
        b.row.created_at.localeCompare(a.row.created_at),
    )
    .slice(0, BEST);

  const thumbnails = await firstThumbnails(
    ctx,
    scored.filter((c) => can(actor, 'civic_case.read', { path: c.row.path })).map((c) => c.row.id),
  );
  return {
    items: scored.map(({ row, distance, similarity }) => ({
      id: row.id,
      number: row.number,
      title: row.title,
      status: row.status,
      compoundName: row.compound_name,
      createdAt: row.created_at,
      followerCount: toNumber(row.follower_count),
      similarity: Math.round(similarity * 1000) / 1000,
      distanceMetres: distance === null ? null : Math.round(distance),
      thumbnailUrl: thumbnails.get(row.id) ?? null,
    })),
  };
}

/** The thumbnail URL of each case's first report photo that has one. */
async function firstThumbnails(ctx: Ctx, caseIds: string[]): Promise<Map<string, string>> {
  if (caseIds.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('civic_case_file')
    .innerJoin('stored_file', 'stored_file.id', 'civic_case_file.file_id')
    .select(['civic_case_file.case_id', 'civic_case_file.file_id'])
    .where('civic_case_file.case_id', 'in', caseIds)
    .where('civic_case_file.kind', '=', 'report')
    .where('stored_file.thumbnail_file_id', 'is not', null)
    .orderBy('stored_file.created_at')
    .orderBy('civic_case_file.file_id')
    .execute();
  const first = new Map<string, string>();
  for (const row of rows) if (!first.has(row.case_id)) first.set(row.case_id, thumbnailUrl(row.file_id));
  return first;
}
