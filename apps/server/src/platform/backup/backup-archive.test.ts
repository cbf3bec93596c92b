import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyRing } from '../crypto/index.ts';
import { openArchive, type SealedArchive, type SnapshotFacts, sealArchive } from './backup-archive.ts';
import { chooseCipherSuite, TAG_BYTES } from './backup-cipher.ts';
import { BackupError } from './backup-error.ts';
import { ARCHIVE_MAGIC, readArchiveLayout } from './backup-header.ts';

const dir = mkdtempSync(join(tmpdir(), 'linli-archive-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const keys = createKeyRing(Buffer.alloc(32, 1));
const facts: SnapshotFacts = {
  dialect: 'sqlite',
  createdAt: '2026-11-27T08:00:00.000Z',
  migrations: ['0001-platform'],
  tables: { civic_case: 3 },
  source: 'test',
};
/** Three chunks and a bit: the body streams through more than one read. */
const PLAINTEXT = Buffer.concat([
  Buffer.from('居民身份证 11010519491231002X '),
  Buffer.alloc(3 * 1024 * 1024 + 17, 0x5a),
]);
const plainFile = join(dir, 'plain.db');
writeFileSync(plainFile, PLAINTEXT);

const fresh = (name: string) => join(dir, `${name}-${randomBytes(4).toString('hex')}`);

describe.each(['aes', 'sm'] as const)('a backup archive under the %s profile', (profile) => {
  const suite = chooseCipherSuite(profile);
  const archive = fresh('archive');
  let sealed: SealedArchive;
  beforeAll(async () => {
    sealed = await sealArchive(plainFile, archive, facts, keys, suite);
  });

  it('opens to the exact bytes sealed, and shows none of them', async () => {
    const { header } = sealed;
    expect(header.cipher).toBe(profile === 'sm' ? 'sm4-ctr+hmac-sm3' : 'aes-256-gcm');
    expect(statSync(archive).mode & 0o777).toBe(0o600);
    expect(readFileSync(archive).includes(Buffer.from('11010519491231002X'))).toBe(false);
    const out = fresh('out');
    expect(await openArchive(archive, keys, out)).toEqual(header);
    expect(readFileSync(out).equals(PLAINTEXT)).toBe(true);
  });

  it('states what it holds in a header readable without the key', async () => {
    const { header } = sealed;
    const layout = await readArchiveLayout(archive);
    expect(layout.header).toEqual(header);
    expect(header).toMatchObject({ ...facts, plaintext: { bytes: PLAINTEXT.length } });
  });

  it('refuses it with any one byte flipped — mark, header, body or tag — and leaves no output', async () => {
    const bytes = readFileSync(archive);
    const { preamble } = await readArchiveLayout(archive);
    const positions = [
      0,
      ARCHIVE_MAGIC.length + 3,
      preamble.length - 2,
      preamble.length,
      Math.floor(bytes.length / 2),
      bytes.length - TAG_BYTES[suite] - 1,
      bytes.length - 1,
    ];
    for (const position of positions) {
      const tampered = Buffer.from(bytes);
      tampered[position] = (tampered[position] as number) ^ 0x01;
      const file = fresh('tampered');
      writeFileSync(file, tampered);
      const out = fresh('out');
      await expect(openArchive(file, keys, out), `byte ${position}`).rejects.toThrow(BackupError);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('refuses a truncated copy', async () => {
    const file = fresh('truncated');
    writeFileSync(file, readFileSync(archive).subarray(0, -100));
    await expect(openArchive(file, keys, fresh('out'))).rejects.toThrow(/damaged or was altered/);
  });

  it('names the master key as the problem when another one opens it', async () => {
    const other = createKeyRing(Buffer.alloc(32, 2));
    const out = fresh('out');
    await expect(openArchive(archive, other, out)).rejects.toThrow(/sealed with a different master key/);
    expect(existsSync(out)).toBe(false);
  });
});

it('refuses a file that is not an archive', async () => {
  await expect(readArchiveLayout(plainFile)).rejects.toThrow(/not a Linli backup archive/);
});
