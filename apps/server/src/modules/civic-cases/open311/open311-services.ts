import type { CategoryQuestion } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { type LoadedCategory, listCategoryRows } from '../settings/category.repository.ts';
import { type Doc, type DocObject, list } from './open311-document.ts';
import { notFound311 } from './open311-errors.ts';
import { MIME_TYPES, w3cShanghai } from './open311-format.ts';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** A category offered as a service, with the name of the group (its parent) it is listed under. */
export interface OfferedService {
  category: LoadedCategory;
  group: string;
}

/**
 * The categories Open311 offers: the active leaves (children of a root) that the public may file. Roots are only
 * groups, and staff-only categories (防返贫监测 …) are never offered outside the staff channels.
 */
export async function offeredServices(db: Db | Trx): Promise<OfferedService[]> {
  const categories = await listCategoryRows(db);
  const names = new Map(categories.map((c) => [c.id, c.name]));
  return categories
    .filter((c) => c.parentId !== null && c.active && !c.staffOnly)
    .map((category) => ({ category, group: names.get(category.parentId ?? '') ?? '' }));
}

/** The offered service with this `service_code`, or the spec's 404. */
export async function offeredService(db: Db | Trx, code: string): Promise<OfferedService> {
  const found = (await offeredServices(db)).find((s) => s.category.code === code);
  if (!found) throw notFound311(`service_code ${code} not found.`);
  return found;
}

/** GET services: one `service` per offered category; `metadata` says whether it has a definition to fetch. */
export const servicesDoc = (services: OfferedService[]): Doc =>
  list(
    'service',
    services.map(
      ({ category, group }): DocObject => ({
        service_code: category.code,
        service_name: category.name,
        description: category.description ?? '',
        metadata: category.questions.length > 0,
        type: 'realtime',
        keywords: category.keywords ?? '',
        group,
      }),
    ),
  );

const attributeOf = (question: CategoryQuestion, index: number): DocObject => {
  const listed = question.type === 'singlevaluelist' || question.type === 'multivaluelist';
  return {
    variable: true,
    code: question.code,
    // Our question types are named after the spec's datatypes, so they pass through unchanged.
    datatype: question.type,
    required: question.required,
    datatype_description: question.help ?? '',
    order: index + 1,
    description: question.label,
    values: listed
      ? list(
          'value',
          question.options.map((o) => ({ key: o.key, name: o.name })),
        )
      : undefined,
  };
};

/** GET services/{code}: the category's extra questions as the service's attributes, in the order asked. */
export const serviceDefinitionDoc = ({ category }: OfferedService): Doc => ({
  service_code: category.code,
  attributes: list('attribute', category.questions.map(attributeOf)),
});

/** The newest change to the category tree: a client re-reads services when discovery's changeset moves. */
export async function categoriesChangeset(db: Db | Trx): Promise<string> {
  const row = await db
    .selectFrom('civic_category')
    .select((eb) => eb.fn.max('updated_at').as('latest'))
    .executeTakeFirst();
  return w3cShanghai(row?.latest ?? new Date(0).toISOString());
}

/** GET discovery: this one production endpoint, both formats, and where to ask for a key. */
export const discoveryDoc = (changeset: string, url: string): Doc => ({
  changeset,
  contact: '县民情办（县委社会工作部）：请通过县级管理员联系开放接口对接事宜。',
  key_service: 'api_key 由县级管理员在管理后台「民情设置 → 开放接口密钥」签发，仅签发时显示一次。',
  endpoints: list('endpoint', [
    { specification: SPECIFICATION, url, changeset, type: 'production', formats: list('format', MIME_TYPES) },
  ]),
});
