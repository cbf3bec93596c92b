import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFreshDatabase } from '../../test/test-database.ts';
import type { Database } from '../db/database.ts';
import { FakeClock } from './clock.ts';
import { AppError } from './errors/app-error.ts';
import { STATUS_BY_CODE } from './errors/error-codes.ts';
import { newId } from './ids.ts';
import { definedColumns, emptyToNull, updateAtVersion } from './versioned-update.ts';

describe('updateAtVersion (REL-7)', () => {
  let database: Database;
  const clock = new FakeClock('2026-11-27T02:00:00.000Z');
  const ctx = { clock };
  const created = '2026-01-01T00:00:00.000Z';

  beforeAll(async () => {
    database = await openFreshDatabase();
  });
  afterAll(() => database.close());

  /** A root org node at version 1, stamped `created`. */
  async function newNode(name: string): Promise<string> {
    const id = newId();
    await database.db
      .insertInto('org_unit')
      .values({
        id,
        parent_id: null,
        kind: 'county_committee',
        sector: 'other',
        name,
        compound_id: null,
        path: `/${id}/`,
        depth: 1,
        sort_order: 0,
        created_at: created,
        updated_at: created,
      })
      .execute();
    return id;
  }

  const nodeRow = (id: string) =>
    database.db.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  /** Runs the update in its own transaction, as a use case does, and returns what it threw, if anything. */
  const attempt = (expectedVersion: number, id: string, name: string) =>
    database.db
      .transaction()
      .execute((trx) => updateAtVersion(trx, ctx, { table: 'org_unit', id, expectedVersion, changes: { name } }))
      .then(
        () => undefined,
        (error: unknown) => error,
      );

  it('writes the changes at the version read, bumps the version and stamps updated_at from ctx.clock', async () => {
    const id = await newNode('测试县委');
    clock.set('2026-11-28T08:30:00.000Z');
    const stamp = await database.db.transaction().execute((trx) =>
      updateAtVersion(trx, ctx, {
        table: 'org_unit',
        id,
        expectedVersion: 1,
        changes: { name: '新名', sort_order: 3 },
      }),
    );
    expect(stamp).toBe('2026-11-28T08:30:00.000Z');
    const row = await nodeRow(id);
    expect(row).toMatchObject({ name: '新名', sort_order: 3, kind: 'county_committee', created_at: created });
    expect(Number(row.version)).toBe(2);
    expect(row.updated_at).toBe('2026-11-28T08:30:00.000Z');
  });

  it('refuses a stale version with VERSION_STALE (412) and leaves the row as the other editor saved it', async () => {
    const id = await newNode('原名');
    expect(await attempt(1, id, '甲的名字')).toBeUndefined();
    const error = await attempt(1, id, '乙的名字');
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VERSION_STALE');
    expect(STATUS_BY_CODE[(error as AppError).code]).toBe(412);
    const row = await nodeRow(id);
    expect(row.name).toBe('甲的名字');
    expect(Number(row.version)).toBe(2);
  });

  it('refuses a version from the future and a row that is gone the same way', async () => {
    const id = await newNode('原名');
    expect(((await attempt(5, id, '未来')) as AppError).code).toBe('VERSION_STALE');
    expect(((await attempt(1, newId(), '不存在')) as AppError).code).toBe('VERSION_STALE');
    expect(Number((await nodeRow(id)).version)).toBe(1);
  });

  it('touches only the named row', async () => {
    const edited = await newNode('甲');
    const other = await newNode('乙');
    await attempt(1, edited, '甲改');
    const untouched = await nodeRow(other);
    expect(untouched).toMatchObject({ name: '乙', updated_at: created });
    expect(Number(untouched.version)).toBe(1);
  });

  it('names a setting by its key', async () => {
    await database.db
      .insertInto('setting')
      .values({ key: 'test.setting', value: '"a"', updated_at: created, updated_by: null, version: 1 })
      .execute();
    clock.set('2026-11-29T00:00:00.000Z');
    const save = (expectedVersion: number, value: string) =>
      database.db
        .transaction()
        .execute((trx) =>
          updateAtVersion(trx, ctx, { table: 'setting', key: 'test.setting', expectedVersion, changes: { value } }),
        );
    await save(1, '"b"');
    await expect(save(1, '"c"')).rejects.toMatchObject({ code: 'VERSION_STALE' });
    const row = await database.db
      .selectFrom('setting')
      .selectAll()
      .where('key', '=', 'test.setting')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ value: '"b"', updated_at: '2026-11-29T00:00:00.000Z' });
    expect(Number(row.version)).toBe(2);
  });
});

describe('definedColumns', () => {
  it('maps only the fields given, under their column names, converting where asked', () => {
    const body: { name?: string; areaSqm?: number; address?: string | null; equipment?: string[] } = {
      name: '党群服务站',
      address: '',
      equipment: ['投影仪'],
    };
    expect(
      definedColumns(body, {
        name: 'name',
        areaSqm: 'area_sqm',
        address: ['address', emptyToNull],
        equipment: ['equipment', (labels) => JSON.stringify(labels)],
      }),
    ).toEqual({ name: '党群服务站', address: null, equipment: '["投影仪"]' });
  });

  it('writes null to clear a column, and leaves out a field that is present but undefined', () => {
    const body: { contactName?: string | null; resources?: string } = { contactName: null, resources: undefined };
    expect(definedColumns(body, { contactName: 'contact_name', resources: 'resources' })).toEqual({
      contact_name: null,
    });
  });

  it('ignores body fields the map does not name', () => {
    const body = { name: '甲', compoundIds: ['x'] };
    expect(definedColumns(body, { name: 'name' })).toEqual({ name: '甲' });
  });
});
