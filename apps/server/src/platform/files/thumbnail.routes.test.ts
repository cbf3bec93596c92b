import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/factories.ts';
import { errorCode, type Session } from '../../../test/harness.ts';
import { type OrganisationTest, setupOrganisationTest } from '../../modules/organisation/organisation.test-support.ts';
import { jpegWithMetadata, multipartBody } from './image-fixtures.test-support.ts';

const API = '/api/v1';

describe('photo thumbnails: made on upload, GET /files/:id/thumbnail', () => {
  let s: OrganisationTest<'secretaryA'>;
  let other: Session;

  beforeAll(async () => {
    s = await setupOrganisationTest('secretaryA');
    other = await signInAs(s.t.platform, 'branch_secretary', s.county.compoundB);
  });
  afterAll(() => s.t.close());

  const upload = async (content: Buffer) => {
    const body = multipartBody('a.jpg', content);
    const res = await s.t.app.inject({
      method: 'POST',
      url: `${API}/files`,
      headers: { ...body.headers, cookie: s.secretaryA.cookie, 'x-csrf-token': s.secretaryA.csrfToken },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  };
  const thumbnail = (session: Session | null, id: string) =>
    s.t.app.inject({
      method: 'GET',
      url: `${API}/files/${id}/thumbnail`,
      headers: session ? { cookie: session.cookie } : {},
    });

  it('stores a ≤ 320 px JPEG beside a decodable photo and serves it to whoever may read the photo', async () => {
    const png = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#36c' } })
      .png()
      .toBuffer();
    const file = await upload(png);
    expect(file.thumbnailUrl).toBe(`${API}/files/${file.id}/thumbnail`);
    const res = await thumbnail(s.secretaryA, file.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const meta = await sharp(res.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 320, 240]);
    const row = await s.t.platform.db
      .selectFrom('stored_file')
      .select('thumbnail_file_id')
      .where('id', '=', file.id)
      .executeTakeFirstOrThrow();
    const thumb = await s.t.platform.db
      .selectFrom('stored_file')
      .selectAll()
      .where('id', '=', row.thumbnail_file_id ?? '')
      .executeTakeFirstOrThrow();
    expect(thumb).toMatchObject({ purpose: 'photo', media_type: 'image/jpeg', created_by: s.secretaryA.userId });
  });

  it('answers 401 without a session, 403 to someone who may not read the photo', async () => {
    const file = await upload(
      await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
        .jpeg()
        .toBuffer(),
    );
    expect((await thumbnail(null, file.id)).statusCode).toBe(401);
    const res = await thumbnail(other, file.id);
    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('FORBIDDEN');
  });

  it('keeps a photo it cannot decode, without a thumbnail (404 for it), and 400 for a bad id', async () => {
    const file = await upload(jpegWithMetadata({ orientation: 1 }));
    expect(file.thumbnailUrl).toBeNull();
    expect((await thumbnail(s.secretaryA, file.id)).statusCode).toBe(404);
    expect((await thumbnail(s.secretaryA, 'nope')).statusCode).toBe(400);
  });
});
