import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { as, type Session, type TestApp } from '../../../../test/harness.ts';
import { defaultCivicCategoryId } from '../../../db/migrations/0009-civic-cases.ts';
import { multipartBody } from '../../../platform/files/image-fixtures.test-support.ts';
import { CATEGORY, type CivicCounty } from '../civic-cases.test-support.ts';

export const API = '/api/v1';

/** 防返贫监测: staff only (the 28th default category). */
export const STAFF_ONLY_CATEGORY = defaultCivicCategoryId(27);

/** A real, decodable 800×600 JPEG (sharp can thumbnail it), unlike the hand-built metadata fixtures. */
export const realJpeg = (): Promise<Buffer> =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: '#2a7' } })
    .jpeg()
    .toBuffer();

/** Uploads a photo as the session and returns its stored-file answer. */
export async function uploadPhoto(t: TestApp, session: Session): Promise<{ id: string; thumbnailUrl: string | null }> {
  const body = multipartBody('photo.jpg', await realJpeg());
  const res = await t.app.inject({
    method: 'POST',
    url: `${API}/files`,
    headers: { ...body.headers, cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    payload: body.payload,
  });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.body}`);
  return res.json();
}

/** A sewer report in 金碧花园 (required question `severity` answered). */
export const sewerReport = (county: CivicCounty, overrides: Record<string, unknown> = {}) => ({
  categoryId: CATEGORY.sewer,
  title: '3栋下水道堵了',
  description: '3栋2单元门口下水道堵塞，污水漫到路面。',
  place: { compoundId: county.compoundA.id, building: '3', unit: '2', room: '502' },
  answers: { severity: 'blocked' },
  ...overrides,
});

/** A parking report (anonymous allowed, required `spot`). */
export const parkingReport = (county: CivicCounty, overrides: Record<string, unknown> = {}) => ({
  categoryId: CATEGORY.parking,
  title: '消防通道被占',
  description: '有车长期停在5栋消防通道上。',
  place: { compoundId: county.compoundA.id, building: '5' },
  answers: { spot: 'fire_lane' },
  ...overrides,
});

/** POST with a fresh (or the given) Idempotency-Key. */
export const postWithKey = (
  t: TestApp,
  session: Session | null,
  url: string,
  body: unknown,
  key: string = randomUUID(),
): Promise<LightMyRequestResponse> => as(t.app, session).post(`${API}${url}`, body, { 'idempotency-key': key });
