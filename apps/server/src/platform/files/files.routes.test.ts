import { PHOTO_MAX_BYTES } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/factories.ts';
import { errorCode, type Session } from '../../../test/harness.ts';
import {
  auditRowsOf,
  type OrganisationTest,
  setupOrganisationTest,
} from '../../modules/organisation/organisation.test-support.ts';
import { jpegWithMetadata, multipartBody, pngWithText } from './image-fixtures.test-support.ts';

const API = '/api/v1';

describe('stored files: POST /files and GET /files/:id', () => {
  let s: OrganisationTest<'secretaryA'>;
  let other: Session;

  beforeAll(async () => {
    s = await setupOrganisationTest('secretaryA');
    other = await signInAs(s.t.platform, 'branch_secretary', s.county.compoundB);
  });
  afterAll(() => s.t.close());

  const upload = (session: Session | null, fileName: string, content: Buffer, field?: string) => {
    const body = multipartBody(fileName, content, field ? { field } : {});
    return s.t.app.inject({
      method: 'POST',
      url: `${API}/files`,
      headers: { ...body.headers, ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}) },
      payload: body.payload,
    });
  };
  const download = (session: Session | null, id: string) =>
    s.t.app.inject({ method: 'GET', url: `${API}/files/${id}`, headers: session ? { cookie: session.cookie } : {} });

  it('needs a session to upload or download (401)', async () => {
    expect((await upload(null, 'a.jpg', jpegWithMetadata())).statusCode).toBe(401);
    expect((await download(null, '00000000-0000-7000-8000-000000000001')).statusCode).toBe(401);
  });

  it('stores a JPEG without its EXIF block and gives the uploader the cleaned bytes back', async () => {
    const res = await upload(s.secretaryA, '../../etc/IMG_0001.jpg', jpegWithMetadata({ orientation: 1 }));
    expect(res.statusCode).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({ mediaType: 'image/jpeg', url: `${API}/files/${file.id}` });
    const got = await download(s.secretaryA, file.id);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-disposition']).toBe(`attachment; filename="${file.id}.jpg"`);
    expect(got.rawPayload.includes(Buffer.from('Exif'))).toBe(false);
    expect(got.rawPayload.includes(Buffer.from('GPS'))).toBe(false);
    expect(got.rawPayload.length).toBe(file.byteSize);
    const row = await s.t.platform.db
      .selectFrom('stored_file')
      .selectAll()
      .where('id', '=', file.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      purpose: 'photo',
      owner_type: null,
      file_name: `${file.id}.jpg`,
      created_by: s.secretaryA.userId,
    });
    const [audit] = await auditRowsOf(s.t.platform, 'file.upload', file.id);
    expect(audit?.details).toEqual({ purpose: 'photo', mediaType: 'image/jpeg', byteSize: file.byteSize });
  });

  it('takes a PNG and strips its text chunks', async () => {
    const res = await upload(s.secretaryA, 'scan.png', pngWithText());
    expect(res.statusCode).toBe(201);
    const got = await download(s.secretaryA, res.json().id);
    expect(got.rawPayload.includes(Buffer.from('Zhang San'))).toBe(false);
  });

  it('rejects a text file named .jpg with 415, judging by the bytes', async () => {
    const res = await upload(s.secretaryA, 'photo.jpg', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(res.statusCode).toBe(415);
    expect(errorCode(res)).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(res.json().error.details).toMatchObject({ field: 'file' });
  });

  it('rejects a truncated JPEG as malformed (400), a missing file part and a non-multipart body (400)', async () => {
    const truncated = await upload(s.secretaryA, 'a.jpg', jpegWithMetadata().subarray(0, 60));
    expect(truncated.statusCode).toBe(400);
    expect(truncated.json().error.details.issues).toEqual([{ path: 'file', message: 'malformed' }]);
    expect((await upload(s.secretaryA, 'a.jpg', jpegWithMetadata(), 'photo')).statusCode).toBe(400);
    const json = await s.t.app.inject({
      method: 'POST',
      url: `${API}/files`,
      headers: { cookie: s.secretaryA.cookie, 'x-csrf-token': s.secretaryA.csrfToken },
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(400);
    expect(errorCode(json)).toBe('VALIDATION_FAILED');
  });

  it('answers an oversize photo with 413 PAYLOAD_TOO_LARGE, not a 500', async () => {
    const big = Buffer.concat([jpegWithMetadata(), Buffer.alloc(PHOTO_MAX_BYTES)]);
    const res = await upload(s.secretaryA, 'big.jpg', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: { field: 'file', maxBytes: PHOTO_MAX_BYTES },
    });
  });

  it('keeps an unattached upload private to its uploader (403) and says 404 for no such file', async () => {
    const { id } = (await upload(s.secretaryA, 'a.jpg', jpegWithMetadata())).json();
    const res = await download(other, id);
    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect((await download(other, '00000000-0000-7000-8000-0000000000ff')).statusCode).toBe(404);
  });
});
