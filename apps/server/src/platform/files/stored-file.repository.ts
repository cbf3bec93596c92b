import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { StoredFileTable } from '../../db/schema-members.ts';
import { newId } from '../ids.ts';
import type { Trx } from '../transaction.ts';

export type StoredFileRow = Selectable<StoredFileTable>;

/** Until a file is attached it hangs nowhere in the tree: no scope prefix covers this path. */
export const UNATTACHED_PATH = '/';

export const findStoredFile = (db: Db | Trx, id: string): Promise<StoredFileRow | undefined> =>
  db.selectFrom('stored_file').selectAll().where('id', '=', id).executeTakeFirst();

export async function readStoredContent(db: Db | Trx, id: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom('stored_file_content').select('content').where('file_id', '=', id).executeTakeFirst();
  return row ? Buffer.from(row.content) : undefined;
}

export async function insertStoredFile(trx: Trx, row: Insertable<StoredFileTable>, content: Buffer): Promise<void> {
  await trx.insertInto('stored_file').values(row).execute();
  await trx.insertInto('stored_file_content').values({ file_id: row.id, content }).execute();
}

/** Attaches the named unattached files of `uploader`; returns how many rows it changed (a race shows as fewer). */
export async function attachStoredFiles(
  trx: Trx,
  ids: string[],
  uploader: string,
  owner: { ownerType: string; ownerId: string; path: string },
): Promise<number> {
  const result = await trx
    .updateTable('stored_file')
    .set({ owner_type: owner.ownerType, owner_id: owner.ownerId, path: owner.path })
    .where('id', 'in', ids)
    .where('created_by', '=', uploader)
    .where('owner_type', 'is', null)
    .executeTakeFirst();
  const attached = Number(result.numUpdatedRows);
  // A thumbnail follows its original, so it is scoped (and readable) like the record too.
  await trx
    .updateTable('stored_file')
    .set({ owner_type: owner.ownerType, owner_id: owner.ownerId, path: owner.path })
    .where('owner_type', 'is', null)
    .where('created_by', '=', uploader)
    .where(
      'id',
      'in',
      trx.selectFrom('stored_file as original').select('original.thumbnail_file_id').where('original.id', 'in', ids),
    )
    .execute();
  return attached;
}

/**
 * Stores the file (and its thumbnail) again under a fresh id with no uploader and deletes the old rows; the new
 * id in return. The content is copied, never re-encoded, so the stored bytes stay the ones that were checked.
 */
export async function rekeyWithoutUploader(trx: Trx, id: string): Promise<string> {
  const row = await findStoredFile(trx, id);
  const content = await readStoredContent(trx, id);
  if (!row || !content) throw new Error(`stored file ${id} vanished inside its transaction`);
  const thumbnailId = row.thumbnail_file_id ? await rekeyWithoutUploader(trx, row.thumbnail_file_id) : null;
  const fresh = newId();
  const extension = row.file_name.slice(row.file_name.lastIndexOf('.'));
  await insertStoredFile(
    trx,
    { ...row, id: fresh, file_name: `${fresh}${extension}`, created_by: null, thumbnail_file_id: thumbnailId },
    content,
  );
  await trx.deleteFrom('stored_file_content').where('file_id', '=', id).execute();
  await trx.deleteFrom('stored_file').where('id', '=', id).execute();
  return fresh;
}

export const listOwnedFiles = (db: Db | Trx, ownerType: string, ownerIds: string[]) =>
  ownerIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('stored_file')
        .select(['id', 'owner_id', 'media_type', 'byte_size'])
        .where('owner_type', '=', ownerType)
        .where('owner_id', 'in', ownerIds)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
