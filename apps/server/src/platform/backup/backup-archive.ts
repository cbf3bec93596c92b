import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, open, rm } from 'node:fs/promises';
import type { KeyRing } from '../crypto/index.ts';
import {
  ArchiveTagMismatch,
  backupKeyId,
  type CipherSuite,
  createOpener,
  createSealer,
  isSmSuiteAvailable,
  newIv,
  TAG_BYTES,
} from './backup-cipher.ts';
import { BackupError } from './backup-error.ts';
import {
  ARCHIVE_FORMAT,
  type ArchiveLayout,
  type BackupHeader,
  encodePreamble,
  readArchiveLayout,
} from './backup-header.ts';
import { CHUNK_BYTES, hashFile, publishFile } from './durable-files.ts';

/** What the snapshot step knows; the archive adds the checksum and the cipher parameters. */
export type SnapshotFacts = Pick<BackupHeader, 'dialect' | 'createdAt' | 'migrations' | 'tables' | 'source'>;

export interface SealedArchive {
  header: BackupHeader;
  bytes: number;
  /** SHA-256 of the archive file itself: compare it with `sha256sum` after copying the file elsewhere. */
  sha256: string;
}

async function writeAll(handle: FileHandle, hash: ReturnType<typeof createHash>, bytes: Buffer): Promise<number> {
  hash.update(bytes);
  await handle.write(bytes);
  return bytes.length;
}

/**
 * Encrypts `plainFile` into the archive `outFile` (mode 600), streaming. The plaintext is hashed first, because
 * its checksum is in the header and the header is authenticated before the body. The archive is written under a
 * temporary name and published only once complete and flushed.
 */
export async function sealArchive(
  plainFile: string,
  outFile: string,
  facts: SnapshotFacts,
  keys: KeyRing,
  suite: CipherSuite,
): Promise<SealedArchive> {
  const iv = newIv(suite);
  const header: BackupHeader = {
    format: ARCHIVE_FORMAT,
    ...facts,
    plaintext: await hashFile(plainFile),
    cipher: suite,
    iv: iv.toString('hex'),
    keyId: backupKeyId(keys),
  };
  const preamble = encodePreamble(header);
  const sealer = createSealer(suite, keys, iv, preamble);
  const partial = `${outFile}.partial`;
  const handle = await open(partial, 'wx', 0o600);
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    bytes += await writeAll(handle, hash, preamble);
    for await (const chunk of createReadStream(plainFile, { highWaterMark: CHUNK_BYTES })) {
      bytes += await writeAll(handle, hash, sealer.update(chunk as Buffer));
    }
    const { rest, tag } = sealer.final();
    bytes += await writeAll(handle, hash, rest);
    bytes += await writeAll(handle, hash, tag);
    await handle.close();
    await publishFile(partial, outFile);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
  return { header, bytes, sha256: hash.digest('hex') };
}

/** Refuses an archive this key or this Node cannot open, before anything is decrypted. */
export function assertArchiveOpenable(file: string, header: BackupHeader, keys: KeyRing): void {
  const ours = backupKeyId(keys);
  if (header.keyId !== ours) {
    throw new BackupError(
      `${file} was sealed with a different master key (key id ${header.keyId}; this server's is ${ours}). ` +
        'A backup opens only with the master key of the installation that made it: set LINLI_MASTER_KEY, or put ' +
        'that master.key into LINLI_DATA_DIR.',
    );
  }
  if (header.cipher === 'sm4-ctr+hmac-sm3' && !isSmSuiteAvailable()) {
    throw new BackupError(`${file} is SM4-encrypted, and this Node's OpenSSL offers no SM4 or SM3`);
  }
}

async function readTag(file: string, layout: ArchiveLayout, tagBytes: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const tag = Buffer.alloc(tagBytes);
    await handle.read(tag, 0, tagBytes, layout.fileBytes - tagBytes);
    return tag;
  } finally {
    await handle.close();
  }
}

const damaged = (file: string, why: string) =>
  new BackupError(`${file} is damaged or was altered (${why}); it was not restored. Use another copy.`);

/**
 * Decrypts the archive into `outFile` (created with mode 600), verifying the tag and the plaintext checksum; on
 * any mismatch the output is deleted and a BackupError says the archive is damaged. Returns the header.
 */
export async function openArchive(file: string, keys: KeyRing, outFile: string): Promise<BackupHeader> {
  const layout = await readArchiveLayout(file);
  const { header } = layout;
  assertArchiveOpenable(file, header, keys);
  const tagBytes = TAG_BYTES[header.cipher];
  const bodyEnd = layout.fileBytes - tagBytes;
  if (bodyEnd < layout.preamble.length) throw damaged(file, 'truncated');
  const tag = await readTag(file, layout, tagBytes);
  const opener = createOpener(header.cipher, keys, Buffer.from(header.iv, 'hex'), layout.preamble, tag);
  const handle = await open(outFile, 'wx', 0o600);
  const hash = createHash('sha256');
  let bytes = 0;
  const take = async (plain: Buffer) => {
    hash.update(plain);
    bytes += plain.length;
    await handle.write(plain);
  };
  try {
    if (bodyEnd > layout.preamble.length) {
      const body = createReadStream(file, {
        start: layout.preamble.length,
        end: bodyEnd - 1,
        highWaterMark: CHUNK_BYTES,
      });
      for await (const chunk of body) await take(opener.update(chunk as Buffer));
    }
    await take(opener.final());
    if (bytes !== header.plaintext.bytes || hash.digest('hex') !== header.plaintext.sha256) {
      throw damaged(file, 'checksum mismatch');
    }
    await handle.close();
    return header;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(outFile, { force: true });
    throw error instanceof ArchiveTagMismatch ? damaged(file, error.message) : error;
  }
}
