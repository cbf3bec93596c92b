import { open } from 'node:fs/promises';
import { z } from 'zod';
import { CIPHER_SUITES } from './backup-cipher.ts';
import { BackupError } from './backup-error.ts';

/**
 * A backup archive (`.lbk`) is
 *
 *   "LINLIBAK" ‖ header length (uint32, big-endian) ‖ header (JSON, UTF-8) ‖ ciphertext ‖ tag
 *
 * The header is readable without the key — an operator can see what a file is and when it was made — and it is
 * authenticated with the body (it is the AEAD's additional data, or the first input of the HMAC), so changing a
 * single byte anywhere makes the archive fail to open.
 */
export const ARCHIVE_MAGIC = Buffer.from('LINLIBAK', 'ascii');
export const ARCHIVE_FORMAT = 1;
/** A real header is a few kilobytes; a larger length means the file is not an archive or is damaged. */
const MAX_HEADER_BYTES = 1024 * 1024;

export const BackupHeaderSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  dialect: z.enum(['sqlite', 'postgres']),
  createdAt: z.iso.datetime(),
  /** Migrations applied in the backed-up database, in order: a restore refuses one newer than its code. */
  migrations: z.array(z.string()),
  /** Rows per table in the snapshot the backup holds; a restore compares the restored database with them. */
  tables: z.record(z.string(), z.number().int().nonnegative()),
  /** What the body decrypts to: the SQLite file or the `pg_dump -Fc` archive. */
  plaintext: z.object({ bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  cipher: z.enum(CIPHER_SUITES),
  iv: z.string().regex(/^[0-9a-f]+$/),
  /** Names the master key that sealed the archive without revealing anything about it (see `backupKeyId`). */
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  /** The tool and version that made the snapshot, for the operator. */
  source: z.string(),
});
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;

/** The bytes before the ciphertext; they are also the additional authenticated data. */
export function encodePreamble(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([ARCHIVE_MAGIC, length, json]);
}

export interface ArchiveLayout {
  header: BackupHeader;
  preamble: Buffer;
  /** Size of the whole file. */
  fileBytes: number;
}

const notAnArchive = (file: string, why: string) => new BackupError(`${file} is not a Linli backup archive (${why})`);

/** Reads and validates the header without the key: enough to say what the file is and to refuse early. */
export async function readArchiveLayout(file: string): Promise<ArchiveLayout> {
  const handle = await open(file, 'r').catch(() => {
    throw new BackupError(`cannot read ${file}`);
  });
  try {
    const fileBytes = (await handle.stat()).size;
    const start = Buffer.alloc(ARCHIVE_MAGIC.length + 4);
    await handle.read(start, 0, start.length, 0);
    if (!start.subarray(0, ARCHIVE_MAGIC.length).equals(ARCHIVE_MAGIC)) throw notAnArchive(file, 'no LINLIBAK mark');
    const headerBytes = start.readUInt32BE(ARCHIVE_MAGIC.length);
    if (headerBytes > MAX_HEADER_BYTES || start.length + headerBytes > fileBytes) {
      throw notAnArchive(file, 'header length out of range: damaged or truncated');
    }
    const json = Buffer.alloc(headerBytes);
    await handle.read(json, 0, headerBytes, start.length);
    const parsed = BackupHeaderSchema.safeParse(parseJson(json));
    if (!parsed.success) throw notAnArchive(file, 'unreadable header: damaged, or made by another version');
    return { header: parsed.data, preamble: Buffer.concat([start, json]), fileBytes };
  } finally {
    await handle.close();
  }
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}
