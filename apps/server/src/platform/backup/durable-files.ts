import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Large sequential reads: a multi-GB database streams through in 1 MiB chunks, never whole. */
export const CHUNK_BYTES = 1024 * 1024;

export interface FileFacts {
  bytes: number;
  sha256: string;
}

/** SHA-256 and size of a file, read in chunks. */
export async function hashFile(path: string): Promise<FileFacts> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** A rename is durable only once the directory that holds the name is flushed too. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Puts a finished file under its final name in one step — fsync, rename, fsync of the directory — so a crash
 * leaves either nothing or the complete file under that name, never half of it.
 */
export async function publishFile(finishedPath: string, finalPath: string): Promise<void> {
  await syncFile(finishedPath);
  await rename(finishedPath, finalPath);
  await syncDirectory(dirname(finalPath));
}

/** A SQLite file with the journal files it may have next to it. */
export async function removeSqliteFiles(path: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(`${path}${suffix}`, { force: true });
}
