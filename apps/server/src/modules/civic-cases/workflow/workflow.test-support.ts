import type { CaseActionBody, CivicCaseAction, CivicCaseDetail } from '@linli/contracts';
import { expect } from 'vitest';
import { sessionFor } from '../../../../test/factories.ts';
import { as, type Session, type TestApp } from '../../../../test/harness.ts';
import type { Platform } from '../../../platform/context.ts';
import { jpegWithMetadata, multipartBody } from '../../../platform/files/image-fixtures.test-support.ts';
import { ifMatch } from '../../organisation/organisation.test-support.ts';
import { type CivicCounty, propertyUnitA } from '../civic-cases.test-support.ts';

export const API = '/api/v1';

export const caseRow = (platform: Platform, id: string) =>
  platform.db.selectFrom('civic_case').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

export const eventsOf = (platform: Platform, id: string) =>
  platform.db.selectFrom('civic_case_event').selectAll().where('case_id', '=', id).orderBy('seq').execute();

/** A user's notices, oldest first; only those about one case when `caseId` is given. */
export const noticesOf = (platform: Platform, userId: string, caseId?: string) =>
  platform.db
    .selectFrom('notification')
    .selectAll()
    .where('user_id', '=', userId)
    .$if(caseId !== undefined, (qb) => qb.where('link', '=', `/civic-cases/${caseId}`))
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** One action as the console sends it, with If-Match for the case's current version unless one is given. */
export async function act(
  t: TestApp,
  session: Session | null,
  id: string,
  action: CivicCaseAction,
  body: CaseActionBody = {},
  version?: number,
) {
  const current = version ?? (await caseRow(t.platform, id)).version;
  return as(t.app, session).post(`${API}/civic-cases/${id}/actions/${action}`, body, ifMatch(current));
}

/** The action must succeed; returns the case detail it answers with. */
export async function actOk(
  t: TestApp,
  session: Session,
  id: string,
  action: CivicCaseAction,
  body: CaseActionBody = {},
): Promise<CivicCaseDetail> {
  const res = await act(t, session, id, action, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json() as CivicCaseDetail;
}

/** A photo uploaded by the session, ready to attach by id. */
export async function uploadPhoto(t: TestApp, session: Session): Promise<string> {
  const body = multipartBody('result.jpg', jpegWithMetadata());
  const res = await t.app.inject({
    method: 'POST',
    url: `${API}/files`,
    headers: { ...body.headers, cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    payload: body.payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

export interface LoopSessions {
  dispatcher: Session;
  handler: Session;
  verifier: Session;
}

/** Walks an accepted case on through the loop to `until`, by the API, with the property company as its unit. */
export async function driveFromAccepted(
  t: TestApp,
  county: CivicCounty,
  who: LoopSessions,
  id: string,
  until: 'dispatched' | 'signed' | 'in_progress' | 'handled' | 'verified' | 'closed',
): Promise<void> {
  const steps: [keyof LoopSessions, CivicCaseAction, CaseActionBody, string][] = [
    ['dispatcher', 'dispatch', { unit: { kind: 'property_company', id: propertyUnitA(county).id } }, 'dispatched'],
    ['handler', 'sign', {}, 'signed'],
    ['handler', 'start', {}, 'in_progress'],
    ['handler', 'handle', { publicNote: '已更换楼道灯' }, 'handled'],
    ['verifier', 'verify', {}, 'verified'],
    ['dispatcher', 'close', { endType: 'resolved' }, 'closed'],
  ];
  for (const [role, action, body, reached] of steps) {
    await actOk(t, who[role], id, action, body);
    if (reached === until) return;
  }
}

/**
 * Moves the clock (to an instant, or on by milliseconds) and signs everyone in `who` in again: staff sessions idle
 * out after 30 minutes, and a test about deadlines jumps days.
 */
export async function travel(t: TestApp, who: Record<string, Session>, to: string | number): Promise<void> {
  if (typeof to === 'number') t.clock.advance(to);
  else t.clock.set(to);
  for (const key of Object.keys(who)) {
    const session = who[key];
    if (session) who[key] = await sessionFor(t.platform, session.userId);
  }
}
