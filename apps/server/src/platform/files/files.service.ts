import { createHash } from 'node:crypto';
import { PHOTO_MAX_BYTES, type StoredFile } from '@linli/contracts';
import { requireActor } from '../access/authorize.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { AppError } from '../errors/app-error.ts';
import { newId } from '../ids.ts';
import { type Trx, transact } from '../transaction.ts';
import { MalformedImageError, type PhotoMediaType, sniffPhotoType, stripPhotoMetadata } from './image-metadata.ts';
import {
  attachStoredFiles,
  findStoredFile,
  insertStoredFile,
  listOwnedFiles,
  readStoredContent,
  rekeyWithoutUploader,
  UNATTACHED_PATH,
} from './stored-file.repository.ts';
import { makeThumbnail } from './thumbnail.ts';

/**
 * Who may read a file attached to an object of one owner type. The module that owns the object answers; the
 * platform only asks, so it never learns any module's rules.
 */
export type FileOwnerPolicy = (ctx: Ctx, ownerId: string) => Promise<boolean>;
export type FileOwnerPolicies = Readonly<Record<string, FileOwnerPolicy>>;

export const fileUrl = (id: string): string => `/api/v1/files/${id}`;
/** A photo's thumbnail, addressed through the original so it is authorised like the original. */
export const thumbnailUrl = (id: string): string => `/api/v1/files/${id}/thumbnail`;

const EXTENSION: Record<PhotoMediaType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

const fileFacts = (id: string, mediaType: PhotoMediaType, content: Buffer) => ({
  file_name: `${id}.${EXTENSION[mediaType]}`,
  media_type: mediaType,
  byte_size: content.length,
  sha256: createHash('sha256').update(content).digest('hex'),
});

const invalidFile = (message: string): AppError =>
  new AppError('VALIDATION_FAILED', { details: { issues: [{ path: 'file', message }] } });

export const tooLarge = (): AppError =>
  new AppError('PAYLOAD_TOO_LARGE', { details: { field: 'file', maxBytes: PHOTO_MAX_BYTES } });

/**
 * Stores an uploaded photo (WEB-4): the type comes from the bytes (JPEG, PNG or WebP, else 415), the
 * size is capped, and location/device metadata is stripped before anything is written (PI-1). The client's
 * file name is never used for storage; the stored name is generated. The file stays unattached — readable and
 * attachable only by its uploader — until a use case attaches it to a record.
 */
export async function uploadPhoto(ctx: Ctx, bytes: Buffer): Promise<StoredFile> {
  const actor = requireActor(ctx);
  if (bytes.length > PHOTO_MAX_BYTES) throw tooLarge();
  const mediaType = await sniffPhotoType(bytes);
  if (!mediaType) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      details: { field: 'file', allowed: ['image/jpeg', 'image/png', 'image/webp'] },
    });
  }
  let clean: Buffer;
  try {
    clean = stripPhotoMetadata(mediaType, bytes);
  } catch (error) {
    if (error instanceof MalformedImageError) throw invalidFile('malformed');
    throw error;
  }
  const id = newId();
  // From the uploaded bytes, so the EXIF orientation still turns it upright; sharp writes no metadata back.
  const thumbnail = await makeThumbnail(bytes);
  return transact(ctx, async (trx) => {
    const unattached = { purpose: 'photo' as const, owner_type: null, owner_id: null, path: UNATTACHED_PATH };
    const stamp = { created_at: isoNow(ctx.clock), created_by: actor.userId };
    const thumbnailId = thumbnail ? newId() : null;
    if (thumbnail && thumbnailId) {
      await insertStoredFile(
        trx,
        { id: thumbnailId, ...unattached, ...fileFacts(thumbnailId, 'image/jpeg', thumbnail), ...stamp },
        thumbnail,
      );
    }
    await insertStoredFile(
      trx,
      { id, ...unattached, ...fileFacts(id, mediaType, clean), ...stamp, thumbnail_file_id: thumbnailId },
      clean,
    );
    await appendAudit(trx, ctx, {
      action: 'file.upload',
      objectType: 'stored_file',
      objectId: id,
      details: { purpose: 'photo', mediaType, byteSize: clean.length },
    });
    return {
      id,
      mediaType,
      byteSize: clean.length,
      url: fileUrl(id),
      thumbnailUrl: thumbnailId ? thumbnailUrl(id) : null,
    };
  });
}

export interface FileDownload {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

/**
 * A stored file's bytes for the caller: its uploader may always read it; anyone else only through the policy of
 * the record it is attached to (a file of an unknown owner type is readable by nobody else). 404 for no file,
 * 403 for a file the caller may not read.
 */
export async function readFile(
  ctx: Ctx,
  id: string,
  owners: FileOwnerPolicies,
  variant: 'original' | 'thumbnail' = 'original',
): Promise<FileDownload> {
  const actor = requireActor(ctx);
  const row = await findStoredFile(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', { details: { object: 'file' } });
  const policy = row.owner_type ? owners[row.owner_type] : undefined;
  const allowed =
    row.created_by === actor.userId ||
    (policy !== undefined && row.owner_id !== null && (await policy(ctx, row.owner_id)));
  if (!allowed) throw new AppError('FORBIDDEN', { details: { object: 'file' } });
  // A thumbnail is read through its original: whoever may see the photo may see its small copy.
  const served = variant === 'thumbnail' ? await findThumbnail(ctx.db, row.thumbnail_file_id) : row;
  const content = served ? await readStoredContent(ctx.db, served.id) : undefined;
  if (!served || !content) throw new AppError('NOT_FOUND', { details: { object: 'file' } });
  return { fileName: served.file_name, mediaType: served.media_type, content };
}

const findThumbnail = async (db: Ctx['db'], id: string | null) => (id ? findStoredFile(db, id) : undefined);

/**
 * PI-8: takes attached files (and their thumbnails) away from their uploader for an anonymous record. Each is
 * stored again under a fresh id with no `created_by` and the old row is deleted, so neither the file row nor the
 * `file.upload` audit entry (which names the old id) leads from the user to the record. Returns the new ids in
 * the order given; call it right after `attachPhotos`, in the same transaction.
 */
export async function disownFiles(trx: Trx, fileIds: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const id of [...new Set(fileIds)]) ids.push(await rekeyWithoutUploader(trx, id));
  return ids;
}

/**
 * Attaches photos to a record inside the record's transaction: each must be a photo the caller uploaded and has
 * not attached anywhere yet (else 400 on `field`), so nobody can pull another user's upload into their record.
 * The file then takes the record's path, so it is scoped like the record.
 */
export async function attachPhotos(
  trx: Trx,
  ctx: Ctx,
  fileIds: string[],
  owner: { ownerType: string; ownerId: string; path: string; field: string },
): Promise<void> {
  if (fileIds.length === 0) return;
  const actor = requireActor(ctx);
  const unique = [...new Set(fileIds)];
  const changed = await attachStoredFiles(trx, unique, actor.userId, owner);
  if (changed !== unique.length) {
    throw new AppError('VALIDATION_FAILED', { details: { issues: [{ path: owner.field, message: 'file' }] } });
  }
}

/** The files attached to each of `ownerIds`, as `{ id, url }` in upload order. */
export async function photosOf(
  db: Ctx['db'] | Trx,
  ownerType: string,
  ownerIds: string[],
): Promise<Map<string, Array<{ id: string; url: string }>>> {
  const rows = await listOwnedFiles(db, ownerType, [...new Set(ownerIds)]);
  const byOwner = new Map<string, Array<{ id: string; url: string }>>();
  for (const row of rows) {
    if (!row.owner_id) continue;
    const list = byOwner.get(row.owner_id) ?? [];
    list.push({ id: row.id, url: fileUrl(row.id) });
    byOwner.set(row.owner_id, list);
  }
  return byOwner;
}
